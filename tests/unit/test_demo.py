"""The demo keeps its promises: all 290 municipalities, the real länstal and national totals,
the real month-of-year shape of inflow, the same figures every time, every load marked as demo."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from reception import demo, queries, store
from reception.selection import Selection


def frame(path, sql: str, params: list | None = None) -> pd.DataFrame:
    with store.connect_read(path) as con:
        return con.execute(sql, params or []).df()


def test_every_municipality_has_targets_arrivals_and_capacity(demo_store):
    counts = frame(
        demo_store,
        """select
            (select count(distinct kommun_kod) from targets where program = 'settlement') as targets,
            (select count(distinct kommun_kod) from arrivals_year) as arrivals,
            (select count(distinct kommun_kod) from capacity) as capacity,
            (select min(n) from (select count(*) as n from targets where program = 'settlement'
                                 group by year)) as fewest_in_a_year""",
    )
    assert counts.iloc[0].tolist() == [290, 290, 290, 290]


def test_the_national_kommuntal_add_up_to_the_known_totals(demo_store):
    sums = frame(
        demo_store,
        "select year, sum(target)::int as total from targets where program = 'settlement' group by year",
    )
    assert dict(zip(sums["year"], sums["total"], strict=True)) == {
        y: t for y, t in demo.SETTLEMENT_TOTAL.items() if y in set(sums["year"])
    }
    assert demo.SETTLEMENT_TOTAL[2017] == 23600 and demo.SETTLEMENT_TOTAL[2026] == 8200  # DOMAIN.md


def test_each_county_receives_its_real_lanstal_where_the_decision_is_known(demo_store):
    decisions = pd.read_csv(store.LANSTAL_CSV, dtype={"lan_kod": str})
    latest = decisions.sort_values("valid_from").groupby(["year", "lan_kod"]).last().reset_index()
    whole = latest.groupby("year")["lanstal"].sum()
    years = [int(y) for y, total in whole.items() if demo.SETTLEMENT_TOTAL.get(y) == total]
    assert {2017, 2019, 2020, 2022, 2026} <= set(years)
    demo_sums = frame(
        demo_store,
        """select t.year, m.lan_kod, sum(t.target)::int as kommuntal
           from targets as t join municipality as m using (kommun_kod)
           where t.program = 'settlement' and list_contains(?, t.year) group by all""",
        [years],
    )
    merged = latest[latest["year"].isin(years)].merge(demo_sums, on=["year", "lan_kod"], how="outer")
    assert len(merged) == 21 * len(years)
    assert (merged["kommuntal"] == merged["lanstal"]).all(), merged[merged["kommuntal"] != merged["lanstal"]]


def test_inflow_follows_the_real_month_of_year_shape(demo_store):
    real = pd.read_csv(store.DATA_DIR / "asylum_applications_monthly.csv")
    real = real[real["month"].str[:4].between("2009", "2014")]
    real_profile = real.groupby(real["month"].str[5:7].astype(int))["applications"].mean()
    demo_months = frame(
        demo_store,
        """select month(month) as m, sum(persons) as persons from arrivals_month
           where year(month) between 2018 and 2025 and category <> 'temporary_protection'
           group by all order by m""",
    )
    correlation = np.corrcoef(real_profile.to_numpy(), demo_months["persons"].to_numpy())[0, 1]
    assert correlation > 0.8, correlation


def test_the_demo_is_the_same_every_time_and_every_load_is_marked(demo_store):
    first, again = demo.build(date(2026, 3, 5)), demo.build(date(2026, 3, 5))
    for name in first:
        pd.testing.assert_frame_equal(first[name], again[name])
    loads = frame(
        demo_store, "select source, is_demo from loads where undone_at is null and source like 'demo%'"
    )
    assert len(loads) >= 3 and loads["is_demo"].all()


@pytest.mark.parametrize("year", [2016, 2024])
def test_received_is_the_year_s_quota_and_assigned_arrivals_as_the_store_counts_them(demo_store, year):
    """The demo's targets carry no received of their own (as a county board's kommuntal file): what
    Mål shows as received is the year's quota refugees and assigned people in the arrivals, and
    unknown where one of them is suppressed."""
    fulfilment = queries.run(
        "fulfilment_by_municipality",
        Selection(year_from=year, year_to=year).as_params(),
        demo_store,
    )
    arrivals = frame(
        demo_store,
        """select kommun_kod, case when count(persons) = count(*) then sum(persons) end as persons
           from arrivals_year where year = ? and category in ('assigned', 'quota_refugee') group by all""",
        [year],
    )
    both = fulfilment.merge(arrivals, on="kommun_kod")
    assert len(both) == 290 and frame(demo_store, "select count(received) from targets").iloc[0, 0] == 0
    assert both["received"].isna().equals(both["persons"].isna()) and both["persons"].notna().sum() > 250
    known = both.dropna(subset=["persons"])
    assert (known["received"] == known["persons"]).all()
