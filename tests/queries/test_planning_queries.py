"""The planning questions against the hand-made store (small_store.py); answers worked out by hand.

Dalarna (20) has 15 municipalities; the store's kommuntal for 2025 are Vansbro 10, Säter 20,
Smedjebacken 30, for 2024 Vansbro 8. The länstal are the shipped decisions (data/lanstal.csv).
"""

from __future__ import annotations

import pandas as pd
import pytest

from reception import queries
from reception.store import loadlog, writer


def records(df: pd.DataFrame, columns: list[str]) -> list[tuple]:
    return [tuple(None if pd.isna(v) else v for v in row) for row in df[columns].itertuples(index=False)]


def test_planning_basis_takes_the_newest_kommuntal_up_to_the_year(small):
    df = queries.run("planning_basis", {"year": 2026, "lan_kod": "20"})
    assert len(df) == 15 and set(df["kommuntal_year"]) == {2025}
    known = df.dropna(subset=["kommuntal"]).set_index("kommun_kod")["kommuntal"].to_dict()
    assert known == {"2021": 10, "2082": 20, "2061": 30}
    older = queries.run("planning_basis", {"year": 2024, "lan_kod": "20"})
    assert older.dropna(subset=["kommuntal"]).set_index("kommun_kod")["kommuntal"].to_dict() == {"2021": 8}
    assert queries.run("planning_basis", {"year": 2023, "lan_kod": "20"})["kommuntal"].isna().all()


def test_planning_basis_holds_the_population_of_the_latest_year_with_figures(small):
    df = queries.run("planning_basis", {"year": 2026, "lan_kod": "20"}).set_index("kommun_kod")
    # data/population.csv, 2024 (the latest year): Vansbro 6 752, Smedjebacken 10 823, Säter 11 223
    assert df.loc[["2021", "2061", "2082"], "population"].tolist() == [6752, 10823, 11223]
    assert set(df["population_year"]) == {2024}
    assert queries.run("planning_basis", {"year": 2017, "lan_kod": "20"})["population_year"].max() == 2017


def test_planning_lanstal_this_year_and_the_shares_of_the_newest_decision(small):
    df = queries.run("planning_lanstal", {"year": 2026}).set_index("lan_kod")
    assert len(df) == 21 and df["share_target"].sum() == 8200
    assert records(df.loc[["20"]], ["share_target", "share_year", "target_this_year", "decision"]) == [
        (321, 2026, 321, "SFS 2025:894")
    ]
    # no decision for 2027 yet: 2026's shares, nothing to prefill
    later = queries.run("planning_lanstal", {"year": 2027}).set_index("lan_kod")
    assert later.loc["20", "share_year"] == 2026 and later["target_this_year"].isna().all()
    # 2018 had no full table: 2017's, revised from 844 to 616 in March
    assert (
        queries.run("planning_lanstal", {"year": 2018}).set_index("lan_kod").loc["20", "share_target"] == 616
    )


def test_planning_capacity_headroom_now_and_a_90th_percentile_month_of_history(small):
    df = queries.run("planning_capacity", {"year": 2026, "lan_kod": "20"}).set_index("kommun_kod")
    assert len(df) == 15
    # Smedjebacken 2061, March 2025: 10 + 5 places, 4 + 5 occupied -> 6 free
    # its months before 2026: Mar 2024 4; Jan 2025 3 + 2 + 7 = 12; Feb 2025 has a suppressed cell (left out)
    # p90 of [4, 12] = 4 + 0.9 x 8 = 11.2 -> 12 places
    assert records(df.loc[["2061"]], ["places", "headroom", "history_months", "buffer_needed"]) == [
        (15, 6, 2, 12)
    ]
    assert df.loc["2061", "capacity_month"] == pd.Timestamp(2025, 3, 1)
    assert pd.isna(df.loc["2021", "headroom"]) and df.loc["2021", "history_months"] == 0
    # only 2024 before 2025: one month of 4
    before = queries.run("planning_capacity", {"year": 2025, "lan_kod": "20"}).set_index("kommun_kod")
    assert before.loc["2061", "buffer_needed"] == 4


@pytest.mark.parametrize("name", ["planning_basis", "planning_capacity"])
def test_planning_queries_of_a_county_hold_its_municipalities_only(small, name):
    df = queries.run(name, {"year": 2026, "lan_kod": "09"})
    assert df["kommun_kod"].tolist() == ["0980"]


def kommuntal(path, year: int, rows: dict[str, int]) -> None:
    """Load a kommuntal file of ``rows`` (kommun_kod -> kommuntal) for ``year``."""
    with writer.write(path) as con:
        load = loadlog.new_load(con, source=f"kommuntal_{year}.xlsx", dataset="targets", rows=len(rows))
        con.executemany(
            "insert into fact_target values (?, ?, ?, 'settlement', ?, null)",
            [(load, year, code, n) for code, n in rows.items()],
        )


def test_a_year_without_a_decision_takes_the_sum_of_the_countys_kommuntal(small):
    # Gotland (09) is one municipality, 0980: its kommuntal 2025 of 12 is the county's whole total;
    # Dalarna's kommuntal 2025 cover 3 of its 15 municipalities: no county total from them
    kommuntal(small, 2025, {"0980": 12})
    df = queries.run("planning_lanstal", {"year": 2025}).set_index("lan_kod")
    columns = ["target_this_year", "kommuntal_sum", "total_this_year", "total_source"]
    assert records(df.loc[["09"]], columns) == [(None, 12, 12, "kommuntal_sum")]
    assert records(df.loc[["20"]], columns) == [(None, None, None, None)]
    # with neither, the suggestion: the county's newest decision up to 2025 is 2022's (SFS 2021:870)
    assert records(df.loc[["20"]], ["latest_target", "latest_year"]) == [(239, 2022)]
    # a decided year keeps its decision, whatever the kommuntal add up to
    kommuntal(small, 2026, {"0980": 99})
    decided = queries.run("planning_lanstal", {"year": 2026}).set_index("lan_kod")
    assert records(decided.loc[["09"]], ["total_this_year", "total_source", "kommuntal_sum", "decision"]) == [
        (51, "decision", 99, "SFS 2025:894")
    ]


def test_area_county_is_the_county_most_of_the_area_lies_in(small):
    def county(kind: str, code: str) -> list[tuple]:
        return records(queries.run("area_county", {"area_kind": kind, "area_code": code}), ["lan_kod", "lan"])

    assert county("lan", "20") == [("20", "Dalarnas län")]
    assert county("region", "Göteborgsregionen") == [
        ("14", "Västra Götalands län")
    ]  # 12 of 13; Kungsbacka: 13
    assert county("region", "Dalarnas pilotgrupp") == [("20", "Dalarnas län")]
    assert county("kommun", "0180,2021,2082") == [("20", "Dalarnas län")]
    assert county("country", "") == []
