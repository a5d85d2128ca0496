"""Layouts beyond one table under one header: blocks under one another, years over the header, Excel's
sep= line, and columns the importer does not read."""

from __future__ import annotations

import io

import pytest
from ingest_helpers import query
from openpyxl import Workbook

from reception import ingest
from reception.ingest.choices import Choices, ColumnChoice, TableChoice


def _xlsx(rows: list[list], merges: tuple[str, ...] = ()) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Kommun"
    for row in rows:
        sheet.append(row)
    for cells in merges:
        sheet.merge_cells(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_block_of_unaccompanied_minors_fills_their_part_once_its_columns_are_said_to_be_minors(fresh_store):
    header = ["Kommun", "Kvotflyktingar", "Anvisade", "Egenbosatta", "Totalt"]
    data = _xlsx(
        [
            ["Kommunmottagna januari–oktober 2024"],
            [],
            header,
            ["Ale", 10, 12, 30, 52],
            ["Alingsås", 8, "..", 20, 31],
            [],
            ["Varav ensamkommande barn"],
            header,
            ["Ale", 1, "..", 2, 3],
            ["Alingsås", 0, 0, 1, 1],
        ]
    )
    # the heading above the second table does not change what its header says: categories of persons,
    # which differ from the first table's
    with pytest.raises(ingest.IngestRefused) as refused:
        ingest.ingest_bytes("kommunmottagna.xlsx", data, store_path=fresh_store)
    assert {p.code for p in refused.value.problems} == {"repeated_key"}
    minors = TableChoice(
        sheet="Kommun", index=1, columns=tuple((k, ColumnChoice("unaccompanied")) for k in "BCD")
    )
    result = ingest.ingest_bytes(
        "kommunmottagna.xlsx", data, store_path=fresh_store, choices=Choices(tables=(minors,))
    )
    assert result.loads[0].totals == {"persons": 80, "of_which_unaccompanied": 4}
    rows = query(
        fresh_store,
        "select kommun_kod, category, persons, of_which_unaccompanied from arrivals_ytd "
        "where year = 2024 and as_of_month = 10 order by 1, 2",
    )
    assert rows == [
        ("1440", "assigned", 12, None),
        ("1440", "quota_refugee", 10, 1),
        ("1440", "self_settled", 30, 2),
        ("1489", "assigned", None, 0),
        ("1489", "quota_refugee", 8, 0),
        ("1489", "self_settled", 20, 1),
    ]


def test_a_row_of_years_over_the_header_gives_each_column_its_year(fresh_store):
    data = _xlsx(
        [
            ["Kommunmottagande med kommuntal 2021 och 2022"],
            [None, 2021, None, 2022, None],
            ["Kommun", "Kommuntal", "Anvisade", "Kommuntal", "Anvisade"],
            ["Botkyrka", 50, 48, 40, 12],
        ],
        merges=("B2:C2", "D2:E2"),
    )
    ingest.ingest_bytes("kommuntal_2021_2022.xlsx", data, store_path=fresh_store)
    rows = query(
        fresh_store, "select year, target, received from targets where kommun_kod = '0127' order by 1"
    )
    assert rows == [(2021, 50, 48), (2022, 40, 12)]


def test_excels_sep_line_is_not_a_row(fresh_store):
    data = "sep=;\r\nKommun;Kommuntal 2025\r\nAle;7\r\nAtlantis;3\r\n".encode("cp1252")
    try:
        ingest.ingest_bytes("kommuntal.csv", data, store_path=fresh_store)
    except ingest.IngestRefused as refused:
        (problem,) = refused.problems
        assert (problem.row, problem.value) == (3, "Atlantis")  # the row Excel shows: the sep line is hidden
    else:
        raise AssertionError("an unknown municipality must refuse the file")


def test_the_summary_names_the_columns_it_does_not_read(fresh_store):
    data = _xlsx(
        [["Kommuntal 2024"], ["Kommun", "Kommuntal", "Kommentar", "Måluppfyllelse %"], ["Ale", 5, "ok", 0.6]]
    )
    result = ingest.ingest_bytes("kommuntal.xlsx", data, store_path=fresh_store)
    assert any("C (Kommentar)" in note and "D (Måluppfyllelse %)" in note for note in result.notes)
