"""The preview's choices and what the header decides: a note above a table changes no column, years and
months as columns for every measure, a chosen column goes through every check, and a load stores only
what its preview showed."""

from __future__ import annotations

from datetime import date

import pytest
from guided_files import (
    CAPACITY_MONTHS,
    DALARNA,
    capacity_months_xlsx,
    expected_two_years,
    kommuntal_two_years_xlsx,
    planners_summary_csv,
)
from ingest_helpers import fingerprint, query, ytd
from official_files import csv_bytes
from official_layouts import expected_kommunmottagna, kommunmottagna_xlsx

from reception import ingest
from reception.ingest import preview
from reception.ingest.choices import Choices, ChoicesInvalid, ColumnChoice, TableChoice, from_json

MINORS_NOTE = (
    "Ensamkommande barn: barn under 18 år som kommit utan vårdnadshavare redovisas i varav-kolumnerna."
)


def targets(path):
    return query(path, "select year, kommun_kod, program, target from targets order by year, kommun_kod")


def test_a_note_about_minors_above_the_table_changes_no_column(fresh_store):
    f = kommunmottagna_xlsx(note=MINORS_NOTE)
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert ytd(fresh_store, 2024, 10) == expected_kommunmottagna()
    categories = query(fresh_store, "select distinct category from arrivals_ytd order by 1")
    assert categories == [("assigned",), ("family",), ("other",), ("quota_refugee",), ("self_settled",)]
    assert not any(getattr(n, "code", "") == "minors_block" for n in result.notes)


def test_a_month_column_is_monthly_whatever_a_note_above_it_says(fresh_store):
    lines = [
        ["Kvotflyktingar, siffrorna avser perioden till och med 2024-10-31"],
        ["Kommun", "Månad", "Kategori", "Antal"],
        ["Falun", "2024-09", "Kvotflyktingar", "3"],
        ["Falun", "2024-10", "Kvotflyktingar", "4"],
    ]
    ingest.ingest_bytes("per_manad.csv", csv_bytes(lines), store_path=fresh_store)
    assert query(fresh_store, "select month, persons from arrivals_month order by 1") == [
        (date(2024, 9, 1), 3),
        (date(2024, 10, 1), 4),
    ]


def test_a_kommuntal_table_with_two_years_as_columns_loads_both_years(fresh_store):
    f = kommuntal_two_years_xlsx()
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert targets(fresh_store) == expected_two_years()
    assert result.warnings == []  # the Totalt row agrees with both years
    assert any("D (Skillnad mot 2019)" in note for note in result.notes)  # named, not read


def test_the_totalt_row_of_a_two_year_table_is_checked_for_each_year(fresh_store):
    f = kommuntal_two_years_xlsx(total_off_by=3)
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert len(result.warnings) == 1
    assert f"rad {f.row('Totalt')}, kolumn C (2020): summaraden säger 279" in result.warnings[0]


def test_capacity_with_the_months_as_columns_loads_once_the_table_is_said_to_hold_places(fresh_store):
    f = capacity_months_xlsx()
    shown = preview.preview_bytes(f.name, f.data, store_path=fresh_store)
    assert [p.code for p in shown.problems] == ["not_recognised"] and shown.tables[0].dataset is None
    said = Choices(tables=(TableChoice(sheet="Platser", periods="places"),))
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store, choices=said)
    stored = query(fresh_store, "select month, kommun_kod, places from capacity order by 1, 2")
    assert stored == sorted(
        (date(2024, m + 1, 1), code, values[m]) for _, code, values in CAPACITY_MONTHS for m in range(4)
    )


def test_a_file_nothing_in_which_can_be_placed_opens_with_its_columns_left_open(fresh_store):
    f = planners_summary_csv()
    with pytest.raises(ingest.IngestRefused):  # loading it as it is: refused, and says why
        ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    shown = preview.preview_bytes(f.name, f.data, store_path=fresh_store)
    (table,) = shown.tables
    assert (table.found_by, table.at, table.area) == ("fallback", f.row("header"), "A")
    assert [(c.letter, c.kind) for c in table.columns] == [
        ("A", "kommun"),
        ("B", "open"),
        ("C", "open"),
        ("D", "ignore"),
    ]
    codes = {g.code for g in shown.guesses}
    assert codes == {"guess.header_row", "guess.area"}
    assert not shown.loadable and shown.to_correct == []  # choices settle it: nothing to correct in the file


def test_three_choices_make_the_planners_sheet_loadable_and_every_check_still_runs(fresh_store):
    f = planners_summary_csv()
    columns = (("B", ColumnChoice("target", program="settlement")), ("C", ColumnChoice("received")))
    said = Choices(tables=(TableChoice(index=0, columns=columns),))
    shown = preview.preview_bytes(f.name, f.data, store_path=fresh_store, choices=said)
    assert shown.loadable
    (summa,) = [r for r in shown.tables[0].skipped if r.kind == "total"]
    assert [c.code for c in summa.checks] == ["check_agrees"]
    result = ingest.ingest_bytes(
        f.name, f.data, store_path=fresh_store, choices=shown.resolved, expect=shown.digest
    )
    assert result.loads[0].totals == {"target": 325, "received": 254}
    assert query(fresh_store, "select kommun_kod, target, received from targets order by 1") == sorted(
        (code, decided, received) for _, code, decided, received in DALARNA
    )
    # the same choices on a file with an unknown name: still refused, the nearest names offered
    bad = planners_summary_csv([("Borlänga", "2081", 110, 110), *DALARNA[2:]])
    again = preview.preview_bytes(bad.name, bad.data, store_path=fresh_store, choices=said)
    assert [(p.code, p.value) for p in again.to_correct] == [("unknown_area_hint", "Borlänga")]
    assert "Borlänge" in again.to_correct[0].text()


def test_a_load_refuses_when_the_file_gives_other_facts_than_its_preview(fresh_store):
    f = kommuntal_two_years_xlsx()
    shown = preview.preview_bytes(f.name, f.data, store_path=fresh_store)
    other = kommuntal_two_years_xlsx(total_off_by=0)
    before = fingerprint(fresh_store)
    changed = Choices(tables=(TableChoice(sheet="Kommuntal", columns=(("C", ColumnChoice("ignore")),)),))
    with pytest.raises(ingest.IngestRefused) as refused:
        ingest.ingest_bytes(
            other.name, other.data, store_path=fresh_store, choices=changed, expect=shown.digest
        )
    assert [p.code for p in refused.value.problems] == ["changed_since_preview"]
    assert fingerprint(fresh_store) == before


def test_the_resolved_choices_say_every_column_and_read_the_file_as_previewed(fresh_store):
    f = kommunmottagna_xlsx()
    shown = preview.preview_bytes(f.name, f.data, store_path=fresh_store)
    (table,) = shown.resolved.tables
    assert table.header == 8 and table.dataset == "arrivals"
    assert len(table.columns) == 15 and all(c.kind for _, c in table.columns)
    again = preview.preview_bytes(
        f.name, f.data, store_path=fresh_store, choices=from_json(shown.resolved.to_json())
    )
    assert again.digest == shown.digest


def test_a_load_of_the_same_facts_again_is_already_loaded_however_they_were_read(fresh_store):
    f = kommuntal_two_years_xlsx()
    first = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    shown = preview.preview_bytes(f.name, f.data, store_path=fresh_store)
    assert shown.already_loaded == first.load_ids[0] and not shown.loadable
    again = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store, choices=shown.resolved)
    assert again.already_loaded == first.load_ids[0]


@pytest.mark.parametrize(
    "held",
    [
        {"tables": [{"sheet": "A", "index": 0, "columns": {"B": {"kind": "rm -rf"}}}]},
        {"tables": [{"sheet": "A", "index": 0, "columns": {"B2": {"kind": "target"}}}]},
        {"tables": [{"sheet": "A", "index": -1}]},
        {"tables": "all"},
        {"year": 1850},
        {"program": "settlement; drop table"},
        {"tables": [{"sheet": "A", "area": "<script>"}]},
    ],
)
def test_choices_that_are_not_choices_are_refused_when_read(held):
    with pytest.raises(ChoicesInvalid):
        from_json(held)


def test_choices_survive_their_json_form():
    columns = (("B", ColumnChoice("persons", "quota_refugee", 2024)), ("AA", ColumnChoice("ignore")))
    table = TableChoice("K", 1, 7, "C", "arrivals", "family", "persons", columns)
    said = Choices((table,), program="settlement", year=2024, month=10, recipe="Dalarnas summering")
    assert from_json(said.to_json()) == said
