"""Labels in both languages, and numbers written the Swedish and the English way."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from reception import i18n
from reception.i18n import fmt_int, fmt_month, fmt_num, fmt_pct, t
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


def _code() -> str:
    files = [ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("reception/**/*.py")]
    return "\n".join(p.read_text(encoding="utf-8") for p in files if p.name != "labels.py")


def unused_labels(code: str) -> set[str]:
    """Label keys no code names: neither as a string ("data.undo") nor under a prefix the code fills in
    (t(f"program.{...}") uses every "program.*" key)."""
    literals = set(re.findall(r"""["']([a-z_0-9]+(?:\.[a-z_0-9]+)*)["']""", code))
    prefixes = tuple(re.findall(r"""f["']([a-z_0-9.]+)\{""", code))
    return {key for key in LABELS if key not in literals and not key.startswith(prefixes or ("\0",))}


def test_every_label_is_used_somewhere():
    assert unused_labels(_code()) == set()


def test_the_unused_label_check_notices_a_key_nobody_asks_for():
    assert unused_labels('t("page.mal")\nt(f"program.{p}")') >= {"page.oversikt", "tile.target"}
    assert "program.settlement" not in unused_labels('t(f"program.{p}")')
