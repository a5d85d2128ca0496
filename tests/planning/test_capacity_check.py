"""The scenario against capacity, worked by hand: who runs short, by how many, and from which month."""

from __future__ import annotations

import pandas as pd
import pytest

from reception.charts import planning as charts
from reception.planning import plan

EVEN = [1 / 12] * 12


def scenario(rows):
    return pd.DataFrame(rows, columns=["kommun_kod", "kommun", "number"])


def spread(rows):
    return pd.DataFrame(rows, columns=["kommun_kod", "headroom", "buffer_needed"])


def test_short_by_how_many_and_from_which_month():
    # 12 over an even year: 1 a month; 10 free, a buffer of 4 -> m + 4 > 10 first in July
    out = plan.capacity_check(
        scenario([("1", "A", 12), ("2", "B", 6), ("3", "C", 5)]),
        spread([("1", 10, 4), ("2", 20, 3), ("3", None, 2)]),
        EVEN,
        2027,
    ).set_index("kommun_kod")
    assert out.loc["1", ["short", "short_with_buffer"]].tolist() == [2, 6]
    assert out.loc["1", "short_from"] == pd.Timestamp(2027, 7, 1)
    # B: 6 + 3 fits in 20 free: never short
    assert out.loc["2", "short_with_buffer"] == 0 and pd.isna(out.loc["2", "short_from"])
    # C: no capacity reported: unknown, not zero
    assert pd.isna(out.loc["3", "short"]) and pd.isna(out.loc["3", "short_from"])


def test_the_seasonal_profile_moves_the_month():
    # everything arrives in March: 12 then, 10 free and no buffer -> short from March
    march = [0.0] * 12
    march[2] = 1.0
    out = plan.capacity_check(scenario([("1", "A", 12)]), spread([("1", 10, 0)]), march, 2027)
    assert out.loc[0, "short_from"] == pd.Timestamp(2027, 3, 1)


def test_month_profile_from_the_history_and_without_it():
    profile = pd.DataFrame({"month_of_year": range(1, 13), "mean_persons": [10.0] * 11 + [30.0]})
    shares = plan.month_profile(profile)
    assert sum(shares) == pytest.approx(1) and shares[11] == pytest.approx(30 / 140)
    assert plan.month_profile(pd.DataFrame(columns=["month_of_year", "mean_persons"])) == EVEN
    # a month without history counts as the mean of the others
    gap = plan.month_profile(pd.DataFrame({"month_of_year": [1, 2], "mean_persons": [10.0, 30.0]}))
    assert gap[5] == pytest.approx(20 / 240)


def test_the_finding_and_the_chart_say_who_is_short():
    checked = plan.capacity_check(
        scenario([("1", "Avesta", 12), ("2", "Borlänge", 6)]),
        spread([("1", 10, 4), ("2", 20, 3)]),
        EVEN,
        2027,
    )
    title, summary = charts.shortfall(checked, "sv")
    assert title == "1 av 2 kommuner får för få platser"
    assert "saknas 6 platser" in summary and "Avesta från jul 2027" in summary
    fig = charts.capacity_bars(checked, title, "sv", False)
    texts = [x for trace in fig.data if trace.type == "scatter" and trace.mode == "text" for x in trace.text]
    assert sorted(texts) == ["", "  saknas 6"]


def test_floors_and_caps_from_the_edited_table_empty_is_no_bound():
    edited = pd.DataFrame(
        {
            "kommun_kod": ["2021", "2061", "2082"],
            "floor": pd.array([5, None, 0], dtype="Int64"),
            "cap": pd.array([None, 0, 12], dtype="Int64"),
        }
    )
    assert plan.bounds_from(edited) == ({"2021": 5}, {"2061": 0, "2082": 12})


def test_without_known_free_places_whether_they_suffice_is_unknown_not_enough():
    shared_out = scenario([("1", "A", 12), ("2", "B", 6)])
    nothing = plan.capacity_check(shared_out, spread([("1", None, 4), ("2", None, 2)]), EVEN, 2026)
    title, _ = charts.shortfall(nothing, "sv")
    assert title == "Räcker platserna? Okänt: inga lediga platser är kända"
    # B has 20 free and needs 6 + 2: enough; A's free places are unknown
    some = plan.capacity_check(shared_out, spread([("1", None, 4), ("2", 20, 2)]), EVEN, 2026)
    title, _ = charts.shortfall(some, "sv")
    assert title == "1 av 2 kommuner har platser nog, med buffert; för de andra är det okänt"
