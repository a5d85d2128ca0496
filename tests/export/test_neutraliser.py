"""A property of every way data leaves the app: no cell a spreadsheet would run, nothing else changed.

Text is drawn from an alphabet rich in what matters (= + - @, their full-width forms, tab, CR,
LF, spaces, quotes, separators) and pushed through each export path: CSV, CSV for Swedish Excel,
xlsx (data and "Om data" sheets) and parquet.
"""

from __future__ import annotations

import csv
import io

import pandas as pd
import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from reception import export

DANGER_FIRST = "=+-@\uff1d\uff0b\uff0d\uff20\t\r\n"
ALPHABET = DANGER_FIRST + " \u3000\u00a0'\";,.aZ0åÖ|%()!"
texts = st.text(alphabet=ALPHABET, max_size=12)
# text that must be neutralised: optional white space, then a character a spreadsheet runs
dangerous = st.builds(
    lambda space, first, rest: space + first + rest,
    st.text(alphabet=" \t\u3000\u00a0", max_size=3),
    st.sampled_from(DANGER_FIRST),
    texts,
)
cells = st.one_of(texts, dangerous)
frames = st.lists(st.tuples(cells, st.integers(-(10**6), 10**6)), min_size=1, max_size=8).map(
    lambda rows: pd.DataFrame({"text": [r[0] for r in rows], "count": [r[1] for r in rows]})
)


def runs(value: str) -> bool:
    """Would a spreadsheet read this cell as a formula (independent of export.DANGEROUS)?"""
    for character in value:
        if character in DANGER_FIRST:
            return True
        if not character.isspace():
            return False
    return False


def expected_csv(value: str) -> str:
    return "'" + value if runs(value) else value


def xml_text(value: str | None) -> str:
    """Text as an XML file gives it back: a CR is read as LF (XML's end-of-line rule)."""
    return (value or "").replace("\r\n", "\n").replace("\r", "\n")


def csv_rows(data: bytes, encoding: str, sep: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode(encoding), newline=""), delimiter=sep))


@settings(max_examples=150, deadline=None)
@given(frames)
def test_csv_prefixes_exactly_the_cells_that_would_run(df):
    for data, encoding, sep in (
        (export.to_csv(df), "utf-8", ","),
        (export.to_csv_excel(df), "utf-8-sig", ";"),
    ):
        rows = csv_rows(data, encoding, sep)
        assert rows[0] == ["text", "count"]
        assert [r[0] for r in rows[1:]] == [expected_csv(v) for v in df["text"]]
        assert [int(r[1]) for r in rows[1:]] == df["count"].tolist()  # negative numbers untouched
        assert not any(runs(cell) for row in rows for cell in row if not cell.lstrip("-").isdigit())


@settings(max_examples=100, deadline=None)
@given(frames, st.dictionaries(cells, cells, max_size=3))
def test_xlsx_keeps_the_text_as_text_cells(df, about):
    book = load_workbook(io.BytesIO(export.to_xlsx(df, about)))
    data = list(book["Data"].iter_rows(min_row=2))
    assert [xml_text(c[0].value) for c in data] == [xml_text(v) for v in df["text"]]
    assert [c[1].value for c in data] == df["count"].tolist()
    about_rows = list(book["Om data"].iter_rows(min_row=2))
    assert {xml_text(k.value): xml_text(v.value) for k, v in about_rows} == {
        xml_text(k): xml_text(v) for k, v in about.items()
    }
    for row in (*data, *about_rows):
        for cell in row:
            assert cell.data_type != "f"
            if isinstance(cell.value, str):
                assert cell.data_type in ("s", "inlineStr")
                assert cell.quotePrefix == runs(cell.value)


@settings(max_examples=100, deadline=None)
@given(frames)
def test_parquet_is_never_altered(df):
    back = pq.read_table(io.BytesIO(export.to_parquet(df))).to_pandas()
    assert back["text"].tolist() == df["text"].tolist()
    assert back["count"].tolist() == df["count"].tolist()


def test_column_names_are_neutralised_too():
    df = pd.DataFrame({"=cmd": [1], "\uff20x": [2]})
    assert csv_rows(export.to_csv(df), "utf-8", ",")[0] == ["'=cmd", "'\uff20x"]
    header = next(load_workbook(io.BytesIO(export.to_xlsx(df))).active.iter_rows())
    assert [(c.value, c.quotePrefix) for c in header] == [("=cmd", True), ("\uff20x", True)]
