"""Population: SCB's download and Kolada's export into the population table, its checks and refusals,
and population_as_of, the one definition of "the latest year with a figure"."""

from __future__ import annotations

import pytest
from ingest_helpers import fingerprint, one, query
from official_files import NBSP, csv_bytes
from official_layouts import kolada_csv, population, scb_population_csv, scb_population_xlsx

from reception import ingest
from reception.store import loadlog

SOME = ["0114", "0180", "2021", "2080"]


def test_scb_xlsx_of_every_municipality_loads_both_years_and_its_sums_agree(fresh_store):
    f = scb_population_xlsx(years=(2018, 2019))
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert result.dataset == "population"
    assert result.loads[0].rows == 580
    assert result.warnings == []
    rows = query(
        fresh_store, "select year, kommun_kod, population, source from population where year in (2018, 2019)"
    )
    assert len(rows) == 580
    assert {(y, k): p for y, k, p, _ in rows} == {
        k: v for k, v in population().items() if k[0] in (2018, 2019)
    }
    assert {s for *_, s in rows} == {f.name}


def test_county_and_national_rows_that_do_not_add_up_are_warned_at_their_rows(fresh_store):
    f = scb_population_xlsx(years=(2019,), off_by={"20": 3, "00": 1})
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert [w.replace(NBSP, " ") for w in result.warnings] == [
        f"blad 'Tabell', rad {f.row('Riket')}: Riket 2019 står som 10 327 590 men kommunerna summerar "
        "till 10 327 589.",
        f"blad 'Tabell', rad {f.row('Dalarnas län')}: Dalarnas län 2019 står som 287 969 men kommunerna "
        "summerar till 287 966.",
    ]


def test_scb_csv_of_some_municipalities_replaces_their_reference_figures_only(fresh_store):
    f = scb_population_csv(SOME, years=(2019,), changed={(2019, "0114"): 47000}, off_by={"01": 5})
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert result.warnings == []  # Riket, Stockholms and Dalarnas län lack municipalities
    assert "3 rader för län eller riket kontrollerades inte" in " ".join(result.notes)
    assert (
        one(fresh_store, "select population from population where year = 2019 and kommun_kod = '0114'")
        == 47000
    )
    assert (
        one(fresh_store, "select source from population where year = 2019 and kommun_kod = '0114'") == f.name
    )
    assert query(
        fresh_store, "select population, source from population where year = 2019 and kommun_kod = '0115'"
    ) == [(population()[(2019, "0115")], "population.csv")]
    assert one(fresh_store, "select count(*) from population") == 290 * 10  # the reference has 2015-2024


def test_undoing_a_population_load_brings_the_reference_back(fresh_store):
    f = scb_population_csv(SOME, years=(2019,), changed={(2019, "0114"): 47000})
    loaded = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    loadlog.undo(loaded.load_ids[0], fresh_store)
    assert query(
        fresh_store, "select population, source from population where year = 2019 and kommun_kod = '0114'"
    ) == [(population()[(2019, "0114")], "population.csv")]


def test_kolada_reads_the_total_of_both_genders_with_ids_that_lost_their_zeros(fresh_store):
    f = kolada_csv(["0114", "0180", "2080"], years=(2018, 2019))
    result = ingest.ingest_bytes(f.name, f.data, dataset="population", store_path=fresh_store)
    assert result.loads[0].rows == 6
    assert "Kolumn E (Kön): bara raderna för alla (T, totalt) läses, inte per kön." in result.notes
    rows = query(
        fresh_store,
        "select year, kommun_kod, population from population where source = ? order by 1, 2",
        [f.name],
    )
    assert rows == [(y, k, population()[(y, k)]) for y in (2018, 2019) for k in ("0114", "0180", "2080")]


def test_kolada_without_a_title_or_dataset_is_not_guessed(fresh_store):
    f = kolada_csv(["0114"], years=(2019,))
    before = fingerprint(fresh_store)
    with pytest.raises(ingest.IngestRefused) as refused:
        ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert "känns inte igen" in refused.value.problems[0].message
    assert fingerprint(fresh_store) == before


def test_a_population_that_is_text_refuses_the_file_naming_the_cell(fresh_store):
    lines = [
        ["Folkmängd 31 december 2024"],
        [],
        ["region", "2024"],
        ["0114 Upplands Väsby", "48 000"],
        ["0180 Stockholm", "okänt"],
        ["0199 Ingenstans", "12"],
    ]
    before = fingerprint(fresh_store)
    with pytest.raises(ingest.IngestRefused) as refused:
        ingest.ingest_bytes("folkmangd.csv", csv_bytes(lines), store_path=fresh_store)
    found = {(p.row, p.column, p.value) for p in refused.value.problems}
    assert found == {(5, "B (2024)", "okänt"), (6, "A (region)", "0199 Ingenstans")}
    assert fingerprint(fresh_store) == before


def test_population_as_of_takes_the_latest_year_with_a_figure_per_municipality(fresh_store):
    lines = [["Kommun-ID", "Kommun", "År", "Värde"], ["114", "Upplands Väsby", "2024", "48 000"]]
    ingest.ingest_bytes("kolada.csv", csv_bytes(lines), dataset="population", store_path=fresh_store)

    def as_of(year: int, code: str):
        sql = "select population, population_year from population_as_of(?) where kommun_kod = ?"
        return query(fresh_store, sql, [year, code])

    assert as_of(2024, "0114") == [(48000, 2024)]  # the loaded figure replaces the reference one
    assert as_of(2026, "0114") == [(48000, 2024)]
    assert as_of(2026, "0180") == [(population()[(2024, "0180")], 2024)]  # after the last year: the latest
    assert as_of(2021, "0114") == [(population()[(2021, "0114")], 2021)]
    assert as_of(2017, "0114") == [(population()[(2017, "0114")], 2017)]
    assert as_of(2010, "0114") == [(population()[(2015, "0114")], 2015)]  # before every year: the earliest
    assert one(fresh_store, "select count(*) from population_as_of(2030)") == 290
