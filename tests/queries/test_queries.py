"""Every query file against the hand-made store; the expected answers are worked out by hand
from the rows in small_store.py (comments show the sums)."""

from __future__ import annotations

import pandas as pd
import pytest

from reception import queries, store
from reception.selection import Selection
from reception.store import loadlog, writer

DALARNA = Selection(year_from=2025, year_to=2025, area_kind="lan", area_code="20")
COUNTRY_2025 = Selection(year_from=2025, year_to=2025)
COUNTRY_BOTH = Selection(year_from=2024, year_to=2025)


def run(name, selection=None, **overrides):
    return queries.run(name, {**(selection.as_params() if selection else {}), **overrides})


def records(df: pd.DataFrame, columns: list[str]) -> list[tuple]:
    return [tuple(None if pd.isna(v) else v for v in row) for row in df[columns].itertuples(index=False)]


def test_area_members_resolves_every_kind_of_area(small):

    with store.connect_read(small) as con:

        def members(kind, code):
            return sorted(
                r[0]
                for r in con.execute("select kommun_kod from area_members(?, ?)", [kind, code]).fetchall()
            )

        assert len(members("country", "")) == 290
        assert len(members("lan", "20")) == 15
        assert members("region", "Dalarnas pilotgrupp") == ["2021", "2061", "2082"]
        assert members("kommun", "0180,2061") == ["0180", "2061"]
        assert members("region", "Ingen sådan") == []


def test_fulfilment_takes_received_from_arrivals_when_the_target_file_has_none(small):
    df = run("fulfilment_by_municipality", DALARNA)
    # Smedjebacken 2061: quota 2 + assigned 3 + 5 = 10 of 30; Vansbro 4 of 10; Säter 25 of 20;
    # Falun has no target
    assert records(df, ["kommun_kod", "target", "received", "gap"]) == [
        ("2061", 30, 10, -20),
        ("2021", 10, 4, -6),
        ("2082", 20, 25, 5),
    ]
    assert df["fulfilment"].tolist() == pytest.approx([1 / 3, 0.4, 1.25])


def test_minors_target_in_per_mille_becomes_persons_of_the_national_total(small):
    df = run("fulfilment_by_municipality", replace_program(COUNTRY_2025, "unaccompanied_minors"))
    # national unaccompanied 2025 = 1 (2061) + 3 (0180) = 4; 500 per mille -> 2 persons each
    assert records(df, ["kommun_kod", "target_per_mille", "target", "received"]) == [
        ("0180", 500, 2.0, 3),
        ("2021", 500, 2.0, None),
    ]


def replace_program(selection, program):
    from dataclasses import replace

    return replace(selection, program=program)


def test_pace_line_lags_a_month_and_unreported_months_are_gaps(small):
    df = run("pace_by_month", DALARNA)
    # target 10 + 20 + 30 = 60; received Jan 2 + 3 = 5, Feb 5; pace 60 x (m - 1) / 12
    assert len(df) == 12
    assert df["received_cumulative"].iloc[:2].tolist() == [5, 10]
    assert df["received_cumulative"].iloc[2:].isna().all()
    assert df["pace"].tolist() == [5.0 * (m - 1) for m in range(1, 13)]
    assert df["target"].iloc[0] == 60


def test_county_targets_of_the_area_in_the_year(small):
    df = run("county_targets_year", Selection(year_to=2026, area_kind="lan", area_code="20"))
    assert records(df, ["lan_kod", "target", "decision", "source"]) == [
        ("20", 321, "SFS 2025:894", "decision")
    ]
    assert run("county_targets_year", Selection(year_to=2024)).empty


def test_a_county_without_a_decision_totals_its_kommuntal_labelled_as_a_sum(small):
    # Gotland (09, one municipality) has a kommuntal for 2025 and no decision; Dalarna's cover 3 of 15
    with writer.write(small) as con:
        load = loadlog.new_load(con, source="kommuntal.xlsx", dataset="targets", rows=1)
        con.execute("insert into fact_target values (?, 2025, '0980', 'settlement', 12, null)", [load])
    df = run("county_targets_year", Selection(year_to=2025))
    assert records(df, ["lan_kod", "target", "decision", "valid_from", "source"]) == [
        ("09", 12, None, None, "kommuntal_sum")
    ]


def test_capacity_runs_out_at_the_mean_inflow_of_the_last_three_months(small):
    df = run("capacity_by_municipality", COUNTRY_2025)
    # 0180: 5 free, inflow (10 + no row in February + 20) / 3 = 10 -> 0.5 months, April;
    # 2061: 6 free, but February has a suppressed cell: its inflow is unknown, and so is when it runs out
    columns = ["kommun_kod", "places", "occupied", "headroom", "inflow", "months_left", "run_out_month"]
    assert records(df, [*columns, "inflow_unknown"]) == [
        ("0180", 100, 95, 5, 10.0, 0.5, pd.Timestamp(2025, 4, 1), None),
        ("2061", 15, 9, 6, None, None, None, "unknown_month"),
    ]


def test_capacity_over_time_leaves_a_month_with_an_unknown_count_unknown(small):
    df = run("capacity_over_time", COUNTRY_2025)
    # February: 0180's occupied is unknown -> occupied and headroom unknown, places known (110)
    assert records(df, ["month", "places", "occupied", "headroom"]) == [
        (pd.Timestamp(2025, 2, 1), 110, None, None),
        (pd.Timestamp(2025, 3, 1), 115, 104, 11),
    ]


def test_inflow_monthly_counts_suppressed_cells_instead_of_adding_zero(small):
    df = run("inflow_monthly", COUNTRY_2025)
    # Jan 3 + 2 + 7 + 10 = 22; Feb 5 and one suppressed; Mar 20; no 12 months for a rolling mean yet
    assert records(df, ["persons", "suppressed", "rolling_mean_12"]) == [
        (22, 0, None),
        (5, 1, None),
        (20, 0, None),
    ]


def test_month_profile_averages_each_calendar_month_over_the_years(small):
    df = run("inflow_month_profile", COUNTRY_BOTH)
    # March: 2024 14 + 4 = 18, 2025 20 -> mean 19; February 2025 has a suppressed cell (5 is the least)
    columns = ["month_of_year", "mean_persons", "min_persons", "max_persons", "years", "suppressed"]
    assert records(df, columns) == [
        (1, 22.0, 22, 22, 1, 0),
        (2, 5.0, 5, 5, 1, 1),
        (3, 19.0, 18, 20, 2, 0),
    ]


def test_spread_and_the_buffer_for_a_90th_percentile_month(small):
    df = run("inflow_spread", COUNTRY_BOTH)
    # 2061: months 12 and 4 (Feb suppressed, left out): mean 8, sd sqrt(32), p90 4 + 0.9 x 8 = 11.2
    # 0180: 10, 14, 20: mean 14.7, p90 14 + 0.8 x 6 = 18.8
    assert records(
        df,
        [
            "kommun_kod",
            "months",
            "mean_persons",
            "cv",
            "max_month",
            "p90_month",
            "buffer_needed",
            "headroom",
            "covered",
        ],
    ) == [  # fmt: skip
        ("2061", 2, 8.0, 0.71, 12, 11.2, 12, 6, False),
        ("0180", 3, 14.7, 0.34, 20, 18.8, 19, 5, False),
    ]


def test_latest_month_against_the_usual_for_that_month(small):
    df = run("inflow_latest_vs_usual", COUNTRY_BOTH)
    assert records(df, ["month", "persons", "suppressed", "usual_persons", "difference"]) == [
        (pd.Timestamp(2025, 3, 1), 20, 0, 18.0, 2.0)
    ]


def test_overview_capacity_in_the_newest_month(small):
    df = run("overview_capacity", COUNTRY_2025)
    assert records(df, ["places", "occupied", "headroom"]) == [(115, 104, 11)]
    assert df["occupancy"].iloc[0] == pytest.approx(104 / 115)


def test_datasets_in_year(small):
    assert run("datasets_in_year", COUNTRY_2025).iloc[0].to_dict() == {
        "targets": True,
        "county_targets": False,  # the shipped länstal has no 2025 decision
        "arrivals": True,
        "arrivals_monthly": True,
        "capacity": True,
    }
    row = run("datasets_in_year", Selection(2024, 2024, program="temporary_protection")).iloc[0]
    assert row.to_dict() == {
        "targets": False,
        "county_targets": False,
        "arrivals": True,
        "arrivals_monthly": True,
        "capacity": False,
    }


def test_received_in_year_from_the_arrivals_alone(small):
    # 2025, Dalarna: 2061 quota 2 + assigned 3 + 5 = 10; self-settled is no program's
    lan = Selection(2025, 2025, "lan", "20")
    assert run("received_in_year", lan).iloc[0][["persons", "suppressed"]].tolist() == [10, 0]
    # the whole country adds 0180's assigned 10 + 20
    assert run("received_in_year", COUNTRY_2025).iloc[0]["persons"] == 40
    # minors: the unaccompanied part of every category: 1 + 0 + 0 + 0 (suppressed left out) + 3 + 0
    minors = Selection(2025, 2025, program="unaccompanied_minors")
    assert run("received_in_year", minors).iloc[0][["persons", "suppressed"]].tolist() == [4, 1]
    assert pd.isna(run("received_in_year", Selection(2023, 2023)).iloc[0]["persons"])


def test_overview_capacity_never_shows_another_years_month(small):
    df = run("overview_capacity", Selection(year_from=2024, year_to=2024))
    assert len(df) == 1 and df[["month", "places", "occupied", "headroom"]].isna().all(axis=None)


def test_area_options_offer_counties_groups_and_municipalities(small):
    df = run("area_options")
    assert df["kind"].value_counts().to_dict() == {"kommun": 290, "lan": 21, "region": 5}
    names = df[df["kind"] == "kommun"]["name"].tolist()
    assert names.index("Åre") < names.index("Öckerö")  # Swedish order: Å before Ö, both after Z


def test_loads_and_freshness(small):
    loads = run("data_loads")
    assert loads["dataset"].tolist() == ["capacity", "arrivals", "targets", "county_targets"]
    fresh = run("data_freshness").set_index("dataset")
    assert fresh.loc["arrivals", "newest"] == pd.Timestamp(2025, 3, 1)
    assert fresh.loc["targets", "newest_year"] == 2025
    assert fresh.loc["capacity", "sources"] == "platser.xlsx"


def test_years_available_and_the_default_year(small):
    settlement = run("years_available", program="settlement")
    # the shipped länstal (2017-2026) adds its years to the choices, never to the default
    assert set(settlement["year"]) == {2017, 2019, 2020, 2022, 2024, 2025, 2026}
    assert settlement.loc[settlement["is_default"], "year"].tolist() == [2025]
    assert settlement.loc[settlement["has_facts"], "year"].tolist() == [2024, 2025]
    protection = run("years_available", program="temporary_protection")
    assert set(protection["year"]) == set(settlement["year"])
    assert protection.loc[protection["is_default"], "year"].tolist() == [2025]  # arrivals: no targets


def test_default_year_is_the_newest_with_the_programs_targets(store_path):

    with writer.write(store_path) as con:
        load = loadlog.new_load(con, source="mal.xlsx", dataset="targets", rows=1)
        con.execute("insert into fact_target values (?, 2019, '2021', 'settlement', 10, 4)", [load])
        load = loadlog.new_load(con, source="platser.xlsx", dataset="capacity", rows=1)
        con.execute("insert into fact_capacity values (?, '2025-03-01', '2021', 'apartment', 10, 4)", [load])
    years = run("years_available", program="settlement")
    assert 2025 in set(years["year"])
    assert years.loc[years["is_default"], "year"].tolist() == [2019]
    minors = run("years_available", program="unaccompanied_minors")
    assert minors.loc[minors["is_default"], "year"].tolist() == [2025]  # capacity's year, not länstal's 2026


def test_every_query_file_has_a_test_here():
    import re
    from pathlib import Path

    mine = {p.stem for p in queries.QUERIES.glob("*.sql") if not p.stem.startswith(("meeting_", "bench_"))}
    text = "".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_*.py"))
    untested = {name for name in mine if not re.search(rf'"{name}"', text)}
    assert untested == set()
