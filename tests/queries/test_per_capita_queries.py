"""Per 1 000 inhabitants against the hand-made store (small_store.py) and data/population.csv (SCB,
31 December): Ale 1440 had 31 402 inhabitants in 2019 and 28 862 in 2015; Vansbro 2021 6 752,
Smedjebacken 2061 10 823, Säter 2082 11 223 in 2024 (the latest year, which 2025 and 2026 use)."""

from __future__ import annotations

import pytest

from reception import queries
from reception.planning import per_capita
from reception.selection import Selection


def params(year: int, kind: str = "lan", code: str = "20") -> dict:
    return Selection(year_from=year, year_to=year, area_kind=kind, area_code=code).as_params()


def test_population_of_area_uses_the_latest_year_up_to_the_one_asked_for(small):
    df = queries.run("population_of_area", params(2026)).set_index("kommun_kod")
    assert len(df) == 15 and set(df["population_year"]) == {2024}
    assert df.loc[["2021", "2061", "2082"], "population"].tolist() == [6752, 10823, 11223]
    ale = queries.run("population_of_area", params(2019, "kommun", "1440")).iloc[0]
    assert (ale["population"], ale["population_year"]) == (31402, 2019)
    # before the first year with figures: the earliest (2015)
    early = queries.run("population_of_area", params(2010, "kommun", "1440")).iloc[0]
    assert (early["population"], early["population_year"]) == (28862, 2015)


def test_per_1000_by_hand_for_the_small_store(small):
    selection = Selection(year_from=2025, year_to=2025, area_kind="lan", area_code="20")
    fulfilment = queries.run("fulfilment_by_municipality", selection.as_params())
    capacity = queries.run("capacity_by_municipality", selection.as_params())
    population = queries.run("population_of_area", selection.as_params())
    df = per_capita.by_municipality(fulfilment, capacity, population).set_index("kommun_kod")
    # Vansbro: target 10, received 4 of 6 752 (2024) -> 1.48 and 0.59 per 1 000
    assert df.loc["2021", ["target_per_1000", "received_per_1000"]].tolist() == [1.48, 0.59]
    # Smedjebacken: target 30, received 10, 15 places of 10 823 -> 2.77, 0.92, 1.39
    assert df.loc["2061", ["target_per_1000", "received_per_1000", "places_per_1000"]].tolist() == [
        2.77,
        0.92,
        1.39,
    ]
    # Säter: target 20, received 25 of 11 223 -> 1.78, 2.23
    assert df.loc["2082", ["target_per_1000", "received_per_1000"]].tolist() == [1.78, 2.23]
    assert set(df.index) == {"2021", "2061", "2082"}  # municipalities with nothing to show are left out
    area = per_capita.area(df.reset_index())
    # the area's target: (10 + 30 + 20) / (6 752 + 10 823 + 11 223) x 1 000 = 2.083
    assert area["target_per_1000"] == pytest.approx(60 / 28798 * 1000)
    # places: only Smedjebacken reports: 15 / 10 823
    assert area["places_per_1000"] == pytest.approx(15 / 10823 * 1000)
    assert per_capita.population_years(df) == "2024"
