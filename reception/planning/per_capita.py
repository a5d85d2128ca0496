"""Figures per 1 000 inhabitants: target, received and places, per municipality and for an area.

Pure pandas on the questions' answers (``fulfilment_by_municipality``, ``capacity_by_municipality``,
``population_of_area``). A municipality without a population figure has no per-1 000 figure
(unknown, never 0); an area's figure is its sum over the municipalities with a population, divided
by their population. ``population_year`` says which year's population was used.
"""

from __future__ import annotations

import pandas as pd

PER = 1000
MEASURES = ("target", "received", "places")


def by_municipality(
    fulfilment: pd.DataFrame, capacity: pd.DataFrame, population: pd.DataFrame
) -> pd.DataFrame:
    """kommun_kod, kommun, population, population_year, the counts, and each per 1 000 inhabitants."""
    out = population[["kommun_kod", "kommun", "population", "population_year"]].copy()
    out = out.merge(fulfilment[["kommun_kod", "target", "received"]], on="kommun_kod", how="left")
    out = out.merge(capacity[["kommun_kod", "places"]], on="kommun_kod", how="left")
    people = out["population"].astype("float64").where(out["population"] > 0)
    for measure in MEASURES:
        out[f"{measure}_per_1000"] = (out[measure].astype("float64") / people * PER).round(2)
    return out[out[["target", "received", "places"]].notna().any(axis=1)].reset_index(drop=True)


def area(figures: pd.DataFrame) -> dict[str, float | None]:
    """The area's target, received and places per 1 000 inhabitants, and the population year(s)."""
    known = figures[figures["population"].notna()]
    out: dict[str, float | None] = {}
    for measure in MEASURES:
        rows = known[known[measure].notna()]
        people = rows["population"].sum()
        out[f"{measure}_per_1000"] = float(rows[measure].sum() / people * PER) if people else None
    out["population"] = float(known["population"].sum()) if len(known) else None
    return out


def population_years(figures: pd.DataFrame) -> str:
    """'2019', or '2018–2019' when municipalities' newest figures differ; '' when none is known."""
    years = sorted({int(y) for y in figures["population_year"].dropna()})
    if not years:
        return ""
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
