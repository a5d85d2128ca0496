"""Migrationsverket's "Kommunmottagna enligt ersättningsförordningen": no label over the area columns,
the county on its first row only, Delsumma per county, blank cells that mean zero, the month from
"Uppdaterad"; as xlsx, as Swedish Excel's CSV and as the .xls of the years up to 2017."""

from __future__ import annotations

import pytest
from ingest_helpers import fingerprint, query, ytd
from official_layouts import (
    excel_csv,
    expected_kommunmottagna,
    kommunmottagna_with_errors,
    kommunmottagna_xls,
    kommunmottagna_xlsx,
)

from reception import ingest


def test_the_xlsx_is_read_with_blanks_as_zero_and_the_month_before_its_update(fresh_store):
    f = kommunmottagna_xlsx()
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert result.warnings == []
    assert ytd(fresh_store, 2024, 10) == expected_kommunmottagna()
    assert query(fresh_store, "select distinct year, as_of_month from arrivals_ytd") == [(2024, 10)]
    notes = " ".join(result.notes)
    assert "tomma celler läses som 0" in notes
    assert "Ställningen januari–oktober 2024: filen uppdaterades 2024-11-04" in notes
    assert "Lästes inte: blad 'Förklaringar och begrepp'" in notes
    assert result.loads[0].suppressed == {}
    assert result.renamed == {"MALUNG": "Malung-Sälen"}


def test_its_csv_export_from_swedish_excel_is_read_the_same(fresh_store):
    f = excel_csv(kommunmottagna_xlsx())
    assert f.data.decode("cp1252").count('"') >= 4  # the two multi-line cells are quoted
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert result.warnings == []
    assert ytd(fresh_store, 2024, 10) == expected_kommunmottagna()


def test_the_xls_of_2017_is_read_as_the_whole_year(fresh_store):
    f = kommunmottagna_xls(year=2017, updated="2018-01-10")
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert result.warnings == []
    assert ytd(fresh_store, 2017, 12) == expected_kommunmottagna()


@pytest.mark.parametrize("delsumma_in", ["C", "A"])
def test_a_delsumma_that_does_not_add_up_is_warned_at_its_row(fresh_store, delsumma_in):
    f = kommunmottagna_xlsx(delsumma_off_by={"DALARNAS LÄN": 4}, delsumma_in=delsumma_in)
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    row = f.row("Delsumma DALARNAS LÄN")
    assert [w for w in result.warnings if f"rad {row}," in w] == result.warnings
    assert len(result.warnings) == 1 and "kolumn N (Totalt)" in result.warnings[0]
    assert ytd(fresh_store, 2024, 10) == expected_kommunmottagna()


def test_an_unknown_municipality_and_a_text_count_refuse_the_file_naming_both_cells(fresh_store):
    f = kommunmottagna_xlsx(kommunmottagna_with_errors(1, "två"))
    before = fingerprint(fresh_store)
    with pytest.raises(ingest.IngestRefused) as refused:
        ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    found = {(p.row, p.column, p.value) for p in refused.value.problems}
    assert found == {
        (f.row("INGENSTANS"), "C", "INGENSTANS"),
        (
            f.row("DANDERYD"),
            "F (Person från anläggningsboende (ABO) i Migrations-verkets mottagningssystem (Kategori 2))",
            "två",
        ),
    }
    assert fingerprint(fresh_store) == before
