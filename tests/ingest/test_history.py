"""Loading the same key again replaces it (newest live load wins), undo brings the earlier value back,
and the identical file loaded twice is reported as already loaded and stores nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import official_files as of
import pytest
from ingest_helpers import one, query, snapshot

from reception import ingest, store
from reception.store import loadlog


def targets(path) -> dict[str, tuple]:
    return {
        k: (t, r)
        for k, t, r in query(path, "select kommun_kod, target, received from targets where year = 2024")
    }


def test_a_revised_kommuntal_replaces_the_earlier_and_undo_brings_it_back(fresh_store):
    first = of.kommuntal_xlsx(name="kommuntal_2024_juli.xlsx")
    one_ = ingest.ingest_bytes(first.name, first.data, store_path=fresh_store)
    revised_entries = [
        replace(e, target=2000) if e.kommun == "Stockholm" else replace(e, target=e.target + 1)
        for e in of.KOMMUNTAL_2024
    ]
    second = of.kommuntal_xlsx(revised_entries, name="kommuntal_2024_november.xlsx")
    two = ingest.ingest_bytes(second.name, second.data, store_path=fresh_store)
    assert two.load_ids != one_.load_ids
    assert targets(fresh_store) == {e.kod: (e.target, e.received) for e in revised_entries}
    assert {r[0] for r in query(fresh_store, "select distinct load_id from targets")} == set(two.load_ids)
    loadlog.undo(two.load_ids[0], fresh_store)
    assert targets(fresh_store) == {e.kod: (e.target, e.received) for e in of.KOMMUNTAL_2024}


def test_a_revision_that_drops_a_municipality_keeps_the_earlier_value_for_it(fresh_store):
    first = of.kommuntal_xlsx(name="a.xlsx")
    ingest.ingest_bytes(first.name, first.data, store_path=fresh_store)
    fewer = [replace(e, target=e.target + 5) for e in of.KOMMUNTAL_2024 if e.kommun != "Vansbro"]
    second = of.kommuntal_xlsx(fewer, name="b.xlsx")
    ingest.ingest_bytes(second.name, second.data, store_path=fresh_store)
    got = targets(fresh_store)
    assert got["2021"] == (14, 3)  # Vansbro from the first file
    assert got["0180"] == (1887, 1301)


def test_the_identical_file_loaded_twice_is_reported_as_already_loaded_and_stores_nothing(fresh_store):
    f = of.kommuntal_xlsx()
    first = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    before = snapshot(fresh_store)
    again = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert again.already_loaded == first.load_ids[0]
    assert again.loads == []
    assert again.rows == 0
    assert snapshot(fresh_store) == before
    assert again.summary_lines(), "the user is told why nothing happened"


def test_the_identical_file_loaded_twice_does_not_touch_the_store_file(fresh_store):
    f = of.arrivals_xlsx()
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    version = store.data_version(fresh_store)
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert store.data_version(fresh_store) == version


def test_the_same_bytes_under_another_name_are_the_same_file(fresh_store):
    f = of.kommuntal_xlsx()
    first = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    again = ingest.ingest_bytes("kopia av " + f.name, f.data, store_path=fresh_store)
    assert again.already_loaded == first.load_ids[0]
    assert one(fresh_store, "select count(*) from loads where dataset = 'targets'") == 1


def test_an_undone_file_can_be_loaded_again(fresh_store):
    f = of.kommuntal_xlsx()
    first = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    loadlog.undo(first.load_ids[0], fresh_store)
    assert targets(fresh_store) == {}
    again = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert again.already_loaded is None
    assert again.load_ids and again.load_ids[0] > first.load_ids[0]
    assert targets(fresh_store) == {e.kod: (e.target, e.received) for e in of.KOMMUNTAL_2024}


def test_the_next_months_snapshot_is_kept_beside_the_earlier_and_gives_the_months_inflow(fresh_store):
    september = of.arrivals_xlsx(month=9, name="kommunmottagna_2024_09.xlsx")
    october_entries = []
    for e in of.ARRIVALS_OCT_2024:
        values = {c: ((p + 3) if isinstance(p, int) else p, u) for c, (p, u) in e.values.items()}
        october_entries.append(replace(e, values=values))
    october = of.arrivals_xlsx(october_entries, month=10, name="kommunmottagna_2024_10.xlsx")
    ingest.ingest_bytes(september.name, september.data, store_path=fresh_store)
    ingest.ingest_bytes(october.name, october.data, store_path=fresh_store)
    assert query(fresh_store, "select distinct as_of_month from arrivals_ytd order by 1") == [(9,), (10,)]
    inflow = dict(
        query(
            fresh_store,
            "select kommun_kod, persons from arrivals_month where month = ? and category = 'quota_refugee'",
            [date(2024, 10, 1)],
        )
    )
    assert inflow["0180"] == 3
    assert inflow["2080"] == 3
    assert inflow["1438"] is None  # suppressed in both: unknown, not 0
    year = dict(
        query(
            fresh_store,
            "select kommun_kod, persons from arrivals_year where year = 2024 and category = 'quota_refugee'",
        )
    )
    assert year["0180"] == 123


def test_the_same_snapshot_revised_replaces_it(fresh_store):
    first = of.arrivals_xlsx(name="kommunmottagna_okt.xlsx")
    ingest.ingest_bytes(first.name, first.data, store_path=fresh_store)
    entries = list(of.ARRIVALS_OCT_2024)
    values = dict(entries[0].values)
    values["quota_refugee"] = (125, 8)
    entries[0] = replace(entries[0], values=values)
    second = of.arrivals_xlsx(entries, name="kommunmottagna_okt_rev.xlsx")
    ingest.ingest_bytes(second.name, second.data, store_path=fresh_store)
    assert (
        one(
            fresh_store,
            "select persons from arrivals_ytd where kommun_kod = '0180' and category = 'quota_refugee' "
            "and year = 2024 and as_of_month = 10",
        )
        == 125
    )
    assert one(fresh_store, "select count(*) from arrivals_ytd") == 30


def test_year_and_month_given_override_what_the_file_says(fresh_store):
    f = of.arrivals_xlsx(year=2024, month=9)
    ingest.ingest_bytes(f.name, f.data, year=2023, month=10, store_path=fresh_store)
    assert query(fresh_store, "select distinct year, as_of_month from arrivals_ytd") == [(2023, 10)]


def test_a_capacity_month_given_overrides_the_title(fresh_store):
    f = of.capacity_wide_xlsx(year=2024, month=10)
    ingest.ingest_bytes(f.name, f.data, month=11, store_path=fresh_store)
    assert query(fresh_store, "select distinct month from capacity") == [(date(2024, 11, 1),)]


def test_the_dataset_given_overrides_recognition_and_a_wrong_one_is_refused(fresh_store):
    f = of.kommuntal_xlsx()
    with pytest.raises(ingest.IngestRefused):
        ingest.ingest_bytes(f.name, f.data, dataset="capacity", store_path=fresh_store)
    assert targets(fresh_store) == {}
    ingest.ingest_bytes(f.name, f.data, dataset="targets", store_path=fresh_store)
    assert targets(fresh_store) == {e.kod: (e.target, e.received) for e in of.KOMMUNTAL_2024}


def test_loads_of_different_datasets_live_side_by_side(fresh_store):
    for f in (of.kommuntal_xlsx(), of.fordelningstal_xlsx(), of.arrivals_xlsx(), of.capacity_long_csv()):
        ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert dict(query(fresh_store, "select program, count(*) from targets group by all")) == {
        "settlement": 10,
        "temporary_protection": 5,
    }
    assert one(fresh_store, "select count(*) from arrivals_ytd") == 30
    assert one(fresh_store, "select count(*) from capacity") == 6
