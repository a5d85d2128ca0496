"""Labels in both languages, and numbers written the Swedish and the English way."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import label_use
import pytest

from reception import i18n
from reception.i18n import fmt_at_least, fmt_int, fmt_month, fmt_num, fmt_pct, t
from reception.i18n.labels import LABELS

ROOT = Path(__file__).resolve().parents[2]


def test_swedish_numbers():
    assert fmt_int(1234, "sv") == "1\u00a0234"
    assert fmt_num(1234.5, 1, "sv") == "1\u00a0234,5"
    assert fmt_pct(0.125, 1, "sv") == "12,5\u00a0%"


def test_english_numbers():
    assert fmt_int(1234, "en") == "1,234"
    assert fmt_pct(0.125, 1, "en") == "12.5%"


def test_unknown_is_a_dash_never_zero():
    assert fmt_int(None) == fmt_pct(float("nan")) == fmt_month(None) == "–"


def test_months():
    assert fmt_month(date(2026, 10, 1), "sv") == "okt 2026"
    assert fmt_month(date(2026, 5, 1), "en") == "May 2026"


def test_language_of_the_page_is_used_when_none_is_given():
    i18n.set_language("en")
    try:
        assert t("page.mal") == "Received against targets"
    finally:
        i18n.set_language("sv")
    assert t("page.mal") == "Mottagna mot mål"


def test_fields_are_filled_in():
    assert t("tile.target", "sv", year=2026) == "Mål 2026"


@pytest.mark.parametrize("key", sorted(LABELS))
def test_every_label_has_both_languages_with_the_same_fields(key):
    sv, en = LABELS[key]
    assert sv.strip() and en.strip()
    assert set(re.findall(r"{(\w+)}", sv)) == set(re.findall(r"{(\w+)}", en))


def test_every_key_the_code_asks_for_exists():
    used = set()
    for path in [ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("reception/**/*.py")]:
        used |= set(
            re.findall(r"""\bt\(\s*f?["']([a-z_]+\.[a-z_.]+)["']""", path.read_text(encoding="utf-8"))
        )
    assert used - set(LABELS) == set()


def test_every_label_is_used_somewhere():
    assert label_use.unused() == set()


def test_every_key_an_f_string_makes_has_its_label():
    made, _ = label_use.dynamic_keys()
    assert sorted(made - set(LABELS)) == []


def test_every_key_like_f_string_is_followed_or_declared():
    _, open_ends = label_use.dynamic_keys()
    assert open_ends == (), "make these resolvable, or declare their family in label_use.DYNAMIC"


@pytest.mark.parametrize("prefix", sorted(label_use.DYNAMIC))
def test_every_dynamic_family_has_a_reason_and_members_with_labels(prefix):
    _, reason = label_use.DYNAMIC[prefix]
    assert len(reason) > 15
    keys = [k for k in LABELS if k.startswith(f"{prefix}.")]
    assert keys, f"no label under {prefix}"
    fixed = label_use.DYNAMIC[prefix][0]
    if not callable(fixed):  # an enumerated family: each member worded (a key of a sub-family aside)
        members = label_use.members(prefix)
        assert {k.removeprefix(f"{prefix}.") for k in keys} & members, prefix


def test_the_unused_label_check_notices_a_key_nobody_asks_for():
    labels = {
        **LABELS,
        "col.foo": ("Foo", "Foo"),
        "program.foo": ("Foo", "Foo"),
        "cli.refused.foo": ("F", "F"),
    }
    assert label_use.unused(labels) == {"col.foo", "program.foo", "cli.refused.foo"}
    assert label_use.unused(labels, extra_code='t("col.foo")\nt(f"program.{p}")') == {
        "program.foo",
        "cli.refused.foo",
    }


def test_a_count_that_leaves_cells_out_is_at_least_never_at_least_unknown():
    assert fmt_at_least(1234, True, "sv") == "minst 1\u00a0234"
    assert fmt_at_least(1234, True, "en") == "at least 1,234"
    assert fmt_at_least(1234, False, "sv") == "1\u00a0234"
    assert fmt_at_least(None, True, "sv") == "–"
    assert fmt_at_least(float("nan"), True, "en") == "–"
