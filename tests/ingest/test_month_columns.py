"""Arrivals with the months as columns ('jan … dec', 'januari', '2024-01', '2024M01', 'Jan-24', date cells),
as xlsx and as .ods: read into monthly figures, masked values unknown, county 'Totalt' rows and a
'Totalt' column checked, empty months to come not read, no guessed category."""

from __future__ import annotations

from datetime import date

import pytest
from ingest_helpers import fingerprint, query
from official_files import csv_bytes
from official_layouts import MONTH_HEADERS, expected_monthly, monthly_columns_ods, monthly_columns_xlsx

from reception import ingest


def monthly(path) -> dict[tuple[date, str], int | None]:
    rows = query(
        path, "select month, kommun_kod, persons from arrivals_month where category = 'quota_refugee'"
    )
    return {(m, k): p for m, k, p in rows}


@pytest.mark.parametrize("months", sorted(MONTH_HEADERS))
def test_every_way_of_writing_the_months_gives_the_same_monthly_figures(fresh_store, months):
    f = monthly_columns_xlsx(months=months)
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert result.warnings == []
    assert monthly(fresh_store) == expected_monthly()
    assert result.loads[0].suppressed == {"persons": 2}
    assert query(fresh_store, "select distinct category from arrivals_month") == [("quota_refugee",)]
    assert any(n.startswith("Tomma månadskolumner lästes inte") for n in result.notes)


def test_the_ods_a_county_board_sends_is_read_the_same(fresh_store):
    f = monthly_columns_ods()
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert result.warnings == []
    assert monthly(fresh_store) == expected_monthly()


def test_a_totalt_column_that_is_not_the_sum_of_the_months_is_warned(fresh_store):
    f = monthly_columns_xlsx(total_off_by={"Falun": 2})
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    falun = [w for w in result.warnings if f"rad {f.row('Falun')}, kolumn O (Totalt)" in w]
    assert falun == [
        f"blad 'Per månad', rad {f.row('Falun')}, kolumn O (Totalt): 29 men delarna summerar till 27."
    ]
    # Dalarna's Totalt row is right, so its Totalt column no longer adds up over Falun's wrong one
    assert len(result.warnings) == 2
    assert monthly(fresh_store) == expected_monthly()


def test_a_table_of_months_that_names_no_category_is_refused(fresh_store):
    lines = [
        ["Kommunmottagna per månad 2024"],
        ["Kommun", "jan", "feb", "mar"],
        ["Botkyrka", "3", "2", "1"],
    ]
    before = fingerprint(fresh_store)
    with pytest.raises(ingest.IngestRefused) as refused:
        ingest.ingest_bytes("per_manad.csv", csv_bytes(lines), store_path=fresh_store)
    assert "säger inte vilken kategori" in refused.value.problems[0].message
    assert fingerprint(fresh_store) == before


def test_figures_in_a_month_still_to_come_refuse_the_file(fresh_store):
    lines = [
        ["Kvotflyktingar per månad"],
        ["Kommun", "2026-10", "2026-11", "2026-12"],
        ["Botkyrka", "3", "2", "1"],
    ]
    with pytest.raises(ingest.IngestRefused) as refused:
        ingest.ingest_bytes(
            "per_manad.csv", csv_bytes(lines), store_path=fresh_store, today=date(2026, 11, 27)
        )
    assert refused.value.problems[0].message == "månaden 2026-12 har inte varit än men har siffror."
