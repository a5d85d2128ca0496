"""Unknown stays unknown: every question on a store with suppressed cells, months missing and occupancy
not reported (unknown_store.py, whose table says what is unknown); answers worked out by hand."""

from __future__ import annotations

import pandas as pd

from reception import queries
from reception.selection import Selection
from reception.store import loadlog, writer

DALARNA = Selection(year_from=2025, year_to=2025, area_kind="lan", area_code="20")


def run(name: str, **overrides) -> pd.DataFrame:
    return queries.run(name, {**DALARNA.as_params(), **overrides})


def rows(df: pd.DataFrame, columns: list[str]) -> list[tuple]:
    return [tuple(None if pd.isna(v) else v for v in row) for row in df[columns].itertuples(index=False)]


def test_a_municipality_whose_inflow_is_unknown_gets_no_run_out_month_and_says_why(unknown):
    df = run("capacity_by_municipality").set_index("kommun_kod")
    columns = ["headroom", "inflow", "months_left", "run_out_month", "inflow_unknown"]
    # Vansbro: 6 free, (3 + 3 + 3) / 3 = 3 a month -> 2 months, from March: May
    assert rows(df.loc[["2021"]], columns) == [(6, 3.0, 2.0, pd.Timestamp(2025, 5, 1), None)]
    # Smedjebacken: February has a suppressed cell; Leksand: March has no snapshot before it
    assert rows(df.loc[["2061", "2029"]], columns) == [
        (5, None, None, None, "unknown_month"),
        (5, None, None, None, "unknown_month"),
    ]
    # Säter: places, but not one figure of people received in the three months
    assert rows(df.loc[["2082"]], columns) == [(6, None, None, None, "no_figures")]


def test_occupancy_not_reported_for_one_kind_leaves_free_places_unknown(unknown):
    falun = run("capacity_by_municipality").set_index("kommun_kod").loc["2080"]
    # places 20 + 5; occupied 8 + unknown; the inflow is known: (6 + no row in February + 6) / 3 = 4
    assert (falun["places"], falun["inflow"]) == (25, 4.0)
    assert falun[["occupied", "headroom", "months_left", "run_out_month"]].isna().all()
    assert pd.isna(falun["inflow_unknown"])  # the inflow is known; what is unknown is the free places


def test_overview_capacity_of_an_area_with_an_unreported_count_is_unknown(unknown):
    row = run("overview_capacity").iloc[0]
    # places 10 + 10 + 8 + 25 + 6 = 59 are all known; Falun's shared occupancy is not
    assert row["places"] == 59
    assert row[["occupied", "headroom", "occupancy"]].isna().all()


def test_spread_and_planning_leave_an_unknown_headroom_unknown(unknown):
    spread = run("inflow_spread").set_index("kommun_kod")
    assert pd.isna(spread.loc["2080", "headroom"]) and pd.isna(spread.loc["2080", "covered"])
    assert spread.loc["2021", "headroom"] == 6 and bool(spread.loc["2021", "covered"])
    plan = queries.run("planning_capacity", {"year": 2026, "lan_kod": "20"}).set_index("kommun_kod")
    assert plan.loc["2080", "places"] == 25 and pd.isna(plan.loc["2080", "headroom"])
    assert plan.loc["2021", "headroom"] == 6


def test_received_in_year_counts_what_it_left_out(unknown):
    # settlement: Vansbro 9, Smedjebacken 4 + 5 + 2, Falun 6 + 6, Leksand's newest snapshot 9: all known
    assert run("received_in_year").iloc[0][["persons", "suppressed"]].tolist() == [41, 0]
    # minors: every category's unaccompanied part; Smedjebacken's suppressed family cell is left out, and said
    minors = run("received_in_year", program="unaccompanied_minors").iloc[0]
    assert minors[["persons", "suppressed"]].tolist() == [0, 1]


def test_the_newest_month_says_how_many_cells_it_could_not_count(unknown):
    # March: Vansbro 3 + Smedjebacken 2 + Falun 6 = 11, and Leksand's month cannot be known
    latest = run("inflow_latest_vs_usual").iloc[0]
    assert (latest["month"], latest["persons"], latest["suppressed"]) == (pd.Timestamp(2025, 3, 1), 11, 1)


def test_a_municipalitys_unaccompanied_minors_are_unknown_when_a_cell_is(unknown):
    with writer.write(unknown) as con:
        load = loadlog.new_load(con, source="andel.xlsx", dataset="targets", rows=2)
        con.executemany(
            "insert into fact_target values (?, 2025, ?, 'unaccompanied_minors', 500, null)",
            [(load, "2061"), (load, "2021")],
        )
    df = run("fulfilment_by_municipality", program="unaccompanied_minors").set_index("kommun_kod")
    # Smedjebacken's family cell of February is suppressed: its minors received is unknown, not 0;
    # Vansbro's every cell says 0
    assert pd.isna(df.loc["2061", "received"]) and df.loc["2021", "received"] == 0
