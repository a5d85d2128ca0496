"""A county board's decision of kommuntal: "Kommuntal 2019 – Hallands län" over a two-column table whose
count column says only "Antal" (or "Kommuntal 2019"), a sentence with the county total, a Totalt row;
as xlsx and as Swedish Excel's CSV with the title on the first line."""

from __future__ import annotations

import pytest
from ingest_helpers import fingerprint, query
from official_layouts import HALLAND_2019, county_decision_csv, county_decision_xlsx

from reception import ingest

EXPECTED = [(2019, code, "settlement", float(n)) for _, code, n in sorted(HALLAND_2019, key=lambda e: e[1])]


def targets(path):
    return query(path, "select year, kommun_kod, program, target from targets order by kommun_kod")


@pytest.mark.parametrize("build", [county_decision_xlsx, county_decision_csv])
def test_the_title_says_the_antal_column_is_the_kommuntal_of_its_year(fresh_store, build):
    f = build()
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert result.dataset == "targets"
    assert result.warnings == []
    assert targets(fresh_store) == EXPECTED
    assert "Kolumn B (Antal) läses som Bosättningslagen (kommuntal) enligt rubriken." in result.notes
    assert any(n.startswith("År 2019 enligt rubriken 'Kommuntal 2019 – Hallands län'") for n in result.notes)


def test_a_count_column_named_kommuntal_2019_needs_no_title(fresh_store):
    f = county_decision_csv(title="Beslut", count="Kommuntal 2019", stated=None)
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert targets(fresh_store) == EXPECTED


def test_a_totalt_row_and_a_stated_total_that_do_not_add_up_are_warned(fresh_store):
    f = county_decision_xlsx(total_off_by=5, stated=330)
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert len(result.warnings) == 2
    assert f"rad {f.row('Totalt')}, kolumn B (Antal): summaraden säger 326" in result.warnings[0]
    assert result.warnings[1].startswith("Rubriken säger 330 men kommunerna i tabellen summerar till 321")


def test_the_dataset_option_says_what_an_untitled_antal_is_but_not_which_program(fresh_store):
    f = county_decision_csv(title="Beslut om fördelning 2019 – Hallands län", stated=None)
    before = fingerprint(fresh_store)
    with pytest.raises(ingest.IngestRefused) as unknown:
        ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert "känns inte igen" in unknown.value.problems[0].message
    with pytest.raises(ingest.IngestRefused) as no_program:
        ingest.ingest_bytes(f.name, f.data, dataset="targets", store_path=fresh_store)
    problem = no_program.value.problems[0]
    assert (problem.column, problem.message) == (
        "B (Antal)",
        "det går inte att se om målet är kommuntal, fördelningstal eller anvisningsandel.",
    )
    assert fingerprint(fresh_store) == before
