"""Per 1 000 inhabitants: the population question, the arithmetic, and the switch on Översikt and Mål.

Hand-checked against data/population.csv (SCB, 31 December): Ale 1440 had 31 402 inhabitants in 2019
and 28 862 in 2015; Vansbro 2021 6 805, Smedjebacken 2061 10 894, Säter 2082 11 093 in 2019.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest

from reception import per_capita, queries
from reception.selection import Selection

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "queries"))
import small_store  # noqa: E402


@pytest.fixture
def small(store_path) -> Path:
    return small_store.build(store_path)


def params(year: int, kind: str = "lan", code: str = "20") -> dict:
    return Selection(year_from=year, year_to=year, area_kind=kind, area_code=code).as_params()


def test_population_of_area_uses_the_latest_year_up_to_the_one_asked_for(small):
    df = queries.run("population_of_area", params(2026)).set_index("kommun_kod")
    assert len(df) == 15 and set(df["population_year"]) == {2019}
    assert df.loc[["2021", "2061", "2082"], "population"].tolist() == [6805, 10894, 11093]
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
    # Vansbro: target 10, received 4 of 6 805 -> 1.47 and 0.59 per 1 000
    assert df.loc["2021", ["target_per_1000", "received_per_1000"]].tolist() == [1.47, 0.59]
    # Smedjebacken: target 30, received 10, 15 places of 10 894 -> 2.75, 0.92, 1.38
    assert df.loc["2061", ["target_per_1000", "received_per_1000", "places_per_1000"]].tolist() == [
        2.75,
        0.92,
        1.38,
    ]
    # Säter: target 20, received 25 of 11 093 -> 1.80, 2.25
    assert df.loc["2082", ["target_per_1000", "received_per_1000"]].tolist() == [1.8, 2.25]
    assert set(df.index) == {"2021", "2061", "2082"}  # municipalities with nothing to show are left out
    area = per_capita.area(df.reset_index())
    # the area's target: (10 + 30 + 20) / (6 805 + 10 894 + 11 093) x 1 000 = 2.084
    assert area["target_per_1000"] == pytest.approx(60 / 28792 * 1000)
    # places: only Smedjebacken reports: 15 / 10 894
    assert area["places_per_1000"] == pytest.approx(15 / 10894 * 1000)
    assert per_capita.population_years(df) == "2019"


def test_unknown_population_stays_unknown():
    fulfilment = pd.DataFrame({"kommun_kod": ["1"], "target": [10.0], "received": [5.0]})
    capacity = pd.DataFrame({"kommun_kod": ["1"], "places": [3.0]})
    population = pd.DataFrame(
        {"kommun_kod": ["1"], "kommun": ["X"], "population": [None], "population_year": [None]}
    )
    df = per_capita.by_municipality(fulfilment, capacity, population)
    assert df["target_per_1000"].isna().all() and per_capita.population_years(df) == ""
    assert per_capita.area(df)["target_per_1000"] is None


def test_the_switch_shows_per_1000_on_oversikt_and_mal_and_says_the_population_year(plan_store):
    from app_helpers import open_page

    at = open_page("app.py", kommun="1440", to="2026", per1000="1")
    assert at.toggle(key="w_per_capita").value is True
    assert at.query_params["per1000"] == ["1"] or at.query_params["per1000"] == "1"
    target = queries.run("fulfilment_by_municipality", params(2026, "kommun", "1440"))["target"].iloc[0]
    tiles = {m.label: m.value for m in at.metric}
    expected = f"{target / 31402 * 1000:.2f}".replace(".", ",")
    assert tiles["Mål per 1 000 inv."] == expected
    assert "befolkning 2019" in at.subheader[0].value
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert "Mottagna per 1 000 invånare 2026 (befolkning 2019)" in titles
    at.switch_page("pages/mal.py").run()
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert "Mål och mottagna per 1 000 invånare 2026 (befolkning 2019)" in titles


def test_without_the_switch_no_per_1000_figures(plan_store):
    from app_helpers import open_page

    at = open_page("app.py", kommun="1440", to="2026")
    assert not [m for m in at.metric if "per 1 000" in m.label]
