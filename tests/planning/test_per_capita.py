"""Per 1 000 inhabitants: unknown population, and the switch on Översikt and Mål (queries: tests/queries).

Hand-checked against data/population.csv (SCB, 31 December): Ale 1440 had 32 576 inhabitants in 2024,
31 402 in 2019 and 28 862 in 2015; the whole country 10 587 710 in 2024.
"""

from __future__ import annotations

import json

import pandas as pd

from reception import queries
from reception.planning import per_capita
from reception.selection import Selection


def params(year: int, kind: str = "lan", code: str = "20") -> dict:
    return Selection(year_from=year, year_to=year, area_kind=kind, area_code=code).as_params()


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
    expected = f"{target / 32576 * 1000:.2f}".replace(".", ",")
    assert tiles["Mål per 1 000 inv."] == expected
    assert "befolkning 2024" in at.subheader[0].value
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert "Mottagna per 1 000 invånare 2026 (befolkning 2024)" in titles
    at.switch_page("pages/mal.py").run()
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert "Mål och mottagna per 1 000 invånare 2026 (befolkning 2024)" in titles


def test_without_the_switch_no_per_1000_figures(plan_store):
    from app_helpers import open_page

    at = open_page("app.py", kommun="1440", to="2026")
    assert not [m for m in at.metric if "per 1 000" in m.label]


def test_per_1000_for_2024_on_oversikt_divides_by_the_2024_population(plan_store):
    from app_helpers import open_page

    # Ale 1440: SCB 31 December 2024, 32 576 inhabitants
    at = open_page("app.py", kommun="1440", to="2024", per1000="1")
    target = queries.run("fulfilment_by_municipality", params(2024, "kommun", "1440"))["target"].iloc[0]
    tiles = {m.label: m.value for m in at.metric}
    assert tiles["Mål per 1 000 inv."] == f"{target / 32576 * 1000:.2f}".replace(".", ",")
    assert "befolkning 2024" in at.subheader[0].value
    # the whole country: every municipality has a target, so the population is SCB's national 10 587 710
    at = open_page("app.py", to="2024", per1000="1")
    targets = queries.run("fulfilment_by_municipality", params(2024, "country", ""))["target"]
    tiles = {m.label: m.value for m in at.metric}
    assert tiles["Mål per 1 000 inv."] == f"{targets.sum() / 10_587_710 * 1000:.2f}".replace(".", ",")
    assert "befolkning 2024" in at.subheader[0].value
