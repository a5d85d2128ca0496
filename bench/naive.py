"""The pandas reference: the main questions answered the way a quick script would.

Each function reads whole views from the store into pandas (``select * from view``, through the
same connection the query files use), filters and groups there, and returns the same numbers as
the query file named in ``QUESTIONS``. With ``events=True`` the arrivals come from the
person-level events instead (the ``arrival_events`` view, grouped by month in pandas): what a
script does with an event extract. The area is the whole country, the default selection every
page opens with.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import numpy as np
import pandas as pd

PROGRAM_CATEGORIES = {
    "settlement": ["quota_refugee", "assigned"],
    "temporary_protection": ["temporary_protection"],
}


def _read(con: duckdb.DuckDBPyConnection, name: str) -> pd.DataFrame:
    return con.execute(f"select * from {name}").df()


def arrivals(con: duckdb.DuckDBPyConnection, events: bool = False) -> pd.DataFrame:
    """People received per month, municipality and category (from events: counted in pandas)."""
    if not events:
        return _read(con, "arrivals_month")
    raw = _read(con, "arrival_events")
    raw["month"] = raw["arrived"].dt.to_period("M").dt.to_timestamp()
    return (
        raw.groupby(["month", "kommun_kod", "category"])
        .agg(persons=("arrived", "size"), of_which_unaccompanied=("unaccompanied", "sum"))
        .reset_index()
    )


def _in_selection(frame: pd.DataFrame, params: dict) -> pd.DataFrame:
    years = frame["month"].dt.year
    keep = years.between(params["year_from"], params["year_to"])
    if params["category"] != "all":
        keep &= frame["category"] == params["category"]
    return frame[keep]


def _sum_if_known(values: pd.Series) -> float:
    """The sum, or unknown (NaN) when any of the values is: a suppressed cell is never counted as 0."""
    return values.sum() if values.notna().all() else np.nan


def inflow_monthly(con, params: dict, events: bool = False) -> pd.DataFrame:
    """Monthly inflow in the area with a rolling 12-month mean (queries/inflow_monthly.sql)."""
    months = _in_selection(arrivals(con, events), params)
    months = months[months["kommun_kod"].isin(_read(con, "municipality")["kommun_kod"])]
    out = months.groupby("month").agg(
        persons=("persons", lambda s: s.sum(min_count=1)),
        cells=("persons", "size"),
        known=("persons", "count"),
    )
    out["suppressed"] = out["cells"] - out["known"]
    rolling = out["persons"].rolling(12, min_periods=1)
    out["rolling_mean_12"] = rolling.mean().round(1).where(rolling.count() == 12)
    return out.reset_index()[["month", "persons", "suppressed", "rolling_mean_12"]]


def fulfilment(con, params: dict, events: bool = False) -> pd.DataFrame:
    """Target against received per municipality in the year (queries/fulfilment_by_municipality.sql)."""
    targets = _read(con, "targets")
    targets = targets[
        (targets["program"] == params["program"])
        & targets["year"].between(params["year_to"], params["year_to"])
    ]
    if events:
        yearly = arrivals(con, events=True)
        yearly["year"] = yearly["month"].dt.year
    else:
        yearly = _read(con, "arrivals_year")
    yearly = yearly[yearly["category"].isin(PROGRAM_CATEGORIES[params["program"]])]
    received = (
        yearly.groupby(["year", "kommun_kod"])["persons"].apply(_sum_if_known).rename("persons").reset_index()
    )
    out = targets.merge(_read(con, "municipality"), on="kommun_kod").merge(
        received, on=["year", "kommun_kod"], how="left"
    )
    out["received"] = out["received"].fillna(out["persons"])
    out["gap"] = out["received"] - out["target"]
    out["fulfilment"] = out["received"] / out["target"].replace(0, np.nan)
    return out.sort_values(["year", "fulfilment", "kommun"])[
        ["year", "kommun_kod", "kommun", "target", "received", "gap", "fulfilment"]
    ]


def _headroom_now(con) -> pd.DataFrame:
    capacity = _read(con, "capacity")
    newest = capacity[capacity["month"] == capacity["month"].max()]
    now = newest.groupby("kommun_kod")[["places", "occupied"]].sum()
    now["month"] = capacity["month"].max()
    return now


def capacity_headroom(con, params: dict, events: bool = False) -> pd.DataFrame:
    """Headroom now and months until places run out (queries/capacity_by_municipality.sql)."""
    now = _headroom_now(con)
    months = arrivals(con, events)
    last_three = sorted(months.loc[months["month"] <= now["month"].max(), "month"].unique())[-3:]
    recent = months[months["month"].isin(last_three)]
    if params["category"] != "all":
        recent = recent[recent["category"] == params["category"]]
    # as the app counts: a suppressed cell in any of the three months leaves the inflow unknown, and
    # a municipality with no figures in them has no inflow to go by
    inflow = recent.groupby("kommun_kod")["persons"].apply(_sum_if_known) / len(last_three)
    out = now.join(inflow.rename("inflow")).reset_index()
    out = out.merge(_read(con, "municipality")[["kommun_kod", "kommun"]], on="kommun_kod")
    out["headroom"] = (out["places"] - out["occupied"]).clip(lower=0)
    out["inflow"] = out["inflow"].round(1)
    out["months_left"] = (out["headroom"] / out["inflow"].replace(0, np.nan)).round(1)
    return out.sort_values(["months_left", "kommun"])


def spread(con, params: dict, events: bool = False) -> pd.DataFrame:
    """How much monthly inflow swings per municipality, and the buffer (queries/inflow_spread.sql)."""
    months = _in_selection(arrivals(con, events), params)
    per_month = months.groupby(["kommun_kod", "month"])["persons"].apply(_sum_if_known).reset_index()
    stats = per_month.groupby("kommun_kod")["persons"].agg(
        months="count", mean_persons="mean", std="std", max_month="max", p90_month=lambda s: s.quantile(0.9)
    )
    stats["cv"] = (stats["std"] / stats["mean_persons"].replace(0, np.nan)).round(2)
    stats["mean_persons"] = stats["mean_persons"].round(1)
    now = _headroom_now(con)
    out = stats.join((now["places"] - now["occupied"]).rename("headroom")).reset_index()
    out = out.merge(_read(con, "municipality")[["kommun_kod", "kommun"]], on="kommun_kod")
    out["buffer_needed"] = np.ceil(out["p90_month"])
    out["covered"] = out["headroom"] >= out["buffer_needed"]
    return out.sort_values(["cv", "kommun"], ascending=[False, True])


# question: (query file, one year only (as the pages ask it), pandas function, key, compared column)
QUESTIONS: dict[str, tuple[str, bool, Callable, str, str]] = {
    "monthly inflow per area": ("inflow_monthly", False, inflow_monthly, "month", "persons"),
    "fulfilment per municipality": ("fulfilment_by_municipality", True, fulfilment, "kommun_kod", "received"),
    "capacity headroom": ("capacity_by_municipality", False, capacity_headroom, "kommun_kod", "months_left"),
    "spread": ("inflow_spread", False, spread, "kommun_kod", "p90_month"),
}


def agrees(duck: pd.DataFrame, naive: pd.DataFrame, key: str, column: str) -> bool:
    """True when both answers give the same ``column`` for every ``key`` (to 0.1)."""
    left = duck.set_index(key)[column].astype("float64").sort_index()
    right = naive.set_index(key)[column].astype("float64").sort_index()
    left.index, right.index = left.index.astype(str), right.index.astype(str)
    if not left.index.equals(right.index):
        return False
    return bool(np.allclose(left.to_numpy(), right.to_numpy(), atol=0.1, equal_nan=True))
