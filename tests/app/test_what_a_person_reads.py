"""What a person reads: every page (reception.site.PAGES), in Swedish and in English, on the demo and on
a store holding only a kommuntal file, rendered under AppTest. Every text, label, option, placeholder,
chart text and table cell (as the grid draws it: tests/app/reading.py) is read; none may say "None",
"nan" or "NaT", a Swedish page shows no English placeholder and writes no number with a decimal point."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
from app_helpers import open_page
from reading import Read, printf, read

from reception import ingest, site
from reception.store import documents, startup

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
import official_files as of  # noqa: E402

UNKNOWN = re.compile(r"\b(None|nan|NaN|NaT)\b")
DECIMAL_POINT = re.compile(r"(?<![\w.:/\\-])\d+\.\d+(?![\w.])")
ENGLISH_PLACEHOLDERS = ("<Streamlit's English>", "Choose an option", "Choose options", "No options to select")
CASES = [(file, {}) for file, _ in site.PAGES] + [("pages/planering.py", {"lan": "20"})]


def problems(shown: list[Read], lang: str) -> list[str]:
    """What a person should not read: unknown written as a word, and in Swedish English placeholders
    and decimal points."""
    found = []
    for item in shown:
        if UNKNOWN.search(item.text):
            found.append(f"{item.where}: {item.text!r}")
        if lang == "sv" and (item.text in ENGLISH_PLACEHOLDERS or "locale>" in item.text):
            found.append(f"{item.where}: {item.text!r}")
        if lang == "sv" and DECIMAL_POINT.search(item.text):
            found.append(f"{item.where}: {item.text!r}")
    return found


@pytest.fixture(scope="module")
def stores(tmp_path_factory, _demo_master):
    folder = tmp_path_factory.mktemp("reads")
    demo = folder / "demo.duckdb"
    documents.copy_store(_demo_master, demo)
    kommuntal = folder / "kommuntal.duckdb"
    startup.prepare(kommuntal)
    f = of.kommuntal_xlsx()
    ingest.ingest_bytes(f.name, f.data, store_path=kommuntal)
    return {"demo": demo, "kommuntal": kommuntal}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("which", ["demo", "kommuntal"])
@pytest.mark.parametrize(("page", "query"), CASES, ids=[f"{p}{'?' + str(q) if q else ''}" for p, q in CASES])
def test_a_page_reads_as_a_person_expects(stores, tmp_path, monkeypatch, which, lang, page, query):
    path = tmp_path / "reception.duckdb"
    shutil.copyfile(stores[which], path)
    monkeypatch.setenv("RECEPTION_DB", str(path))
    at = open_page(page, lang=lang, **query)
    shown = read(at)
    if which == "demo" and page in ("pages/data.py", "pages/kapacitet.py", "pages/mal.py"):
        assert any(item.where.startswith("table cell") for item in shown), "the tables are read"
    assert problems(shown, lang) == []


def test_the_check_sees_what_it_must_not_pass():
    bad = [
        Read("table cell", "None"),
        Read("caption", "17.4 %"),
        Read("selectbox placeholder", "<Streamlit's English>"),
        Read("table cell", "NaT"),
        Read("metric", "nan"),
    ]
    assert len(problems(bad, "sv")) == 5
    assert (
        len(problems([Read("caption", "17.4%"), Read("x", "jan 2026"), Read("y", "SFS 2025:894")], "en")) == 0
    )
    assert problems([Read("caption", "kommuntal_2024.xlsx, 2026-11-22 10:15, 17,4 %")], "sv") == []
    assert printf("%.1f %%", 17.44) == "17.4 %" and printf("%' ,d", 1234) == "1 234"
