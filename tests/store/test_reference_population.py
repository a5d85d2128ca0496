"""The population that ships (data/population.csv): SCB's year-end figures 2015–2024, every year summing to
SCB's published national total (the figures data/SOURCES.md cites), and a store seeded from an older file
brought up to date."""

from __future__ import annotations

import pandas as pd

from reception import queries, store
from reception.store import startup, writer

# SCB, folkmängd 31 December, the whole country (as data/SOURCES.md cites them)
NATIONAL = {
    2015: 9_851_017,
    2016: 9_995_153,
    2017: 10_120_242,
    2018: 10_230_185,
    2019: 10_327_589,
    2020: 10_379_295,
    2021: 10_452_326,
    2022: 10_521_556,
    2023: 10_551_707,
    2024: 10_587_710,
}
ALE_2024 = 32_576  # Ale 1440, SCB 31 December 2024


def test_every_year_sums_to_scbs_national_total_over_all_290_municipalities():
    population = pd.read_csv(store.POPULATION_CSV, dtype={"kommun_kod": str})
    assert population.groupby("year")["population"].sum().to_dict() == NATIONAL
    assert population.groupby("year")["kommun_kod"].nunique().to_dict() == dict.fromkeys(NATIONAL, 290)


def test_sources_cite_the_same_national_totals():
    text = (store.DATA_DIR / "SOURCES.md").read_text(encoding="utf-8")
    for year, total in NATIONAL.items():
        assert f"{year}: {total:,}".replace(",", " ") in text, year


def test_the_store_holds_2024_and_the_whole_country_for_that_year(store_path):
    country = queries.run("population_of_area", {"year_to": 2024, "area_kind": "country", "area_code": ""})
    assert country["population"].sum() == NATIONAL[2024] and set(country["population_year"]) == {2024}
    ale = queries.run("population_of_area", {"year_to": 2024, "area_kind": "kommun", "area_code": "1440"})
    assert (ale["population"].iloc[0], ale["population_year"].iloc[0]) == (ALE_2024, 2024)
    later = queries.run("population_of_area", {"year_to": 2026, "area_kind": "kommun", "area_code": "1440"})
    assert (later["population"].iloc[0], later["population_year"].iloc[0]) == (ALE_2024, 2024)


def test_a_store_seeded_from_an_older_file_gets_the_new_years(store_path):
    with writer.write(store_path) as con:  # as a store seeded from the 2015-2019 file was
        con.execute("delete from ref_population where year > 2019")
        con.execute("update app_meta set value = 'older' where key = 'population_sha256'")
        writer.refresh_current(con, {"population"})
    assert (
        queries.run("population_of_area", {"year_to": 2024, "area_kind": "kommun", "area_code": "1440"})[
            "population_year"
        ].iloc[0]
        == 2019
    )
    assert store.needs_upgrade(store_path)
    startup.prepare(store_path)
    ale = queries.run("population_of_area", {"year_to": 2024, "area_kind": "kommun", "area_code": "1440"})
    assert (ale["population"].iloc[0], ale["population_year"].iloc[0]) == (ALE_2024, 2024)
