"""Sections per 1 000 inhabitants, drawn on Översikt and Mål when the selection's switch is on.

The pages call one function each; the figures come from ``reception.planning.per_capita`` and say which
year's population they use (the latest year up to the selection's year with a figure).
"""

from __future__ import annotations

import streamlit as st

from reception import geo
from reception.charts import per_capita as charts
from reception.i18n import fmt_num, t
from reception.planning import per_capita
from reception.selection import Selection
from reception.text import md
from reception.ui import sections
from reception.ui.cached import query

DATA = ("targets", "arrivals", "capacity", "population")


def figures(selection: Selection):
    """The selection's municipalities with their per-1 000 figures for the selection's last year."""
    fulfilment = query("fulfilment_by_municipality", selection, year_from=selection.year_to)
    capacity = query("capacity_by_municipality", selection)
    population = query("population_of_area", selection)
    return per_capita.by_municipality(fulfilment, capacity, population)


def overview(selection: Selection) -> None:
    """Three tiles (target, received, places per 1 000) and a map of received per 1 000."""
    data = figures(selection)
    years = per_capita.population_years(data)
    if data.empty or not years:
        st.caption(t("pc.none"))
        return
    totals = per_capita.area(data)
    st.subheader(t("pc.heading", year=int(selection.year_to), population_year=md(years)))
    tiles = st.columns(3)
    for tile, measure in zip(tiles, ("target", "received", "places"), strict=True):
        tile.metric(t(f"pc.{measure}"), fmt_num(totals[f"{measure}_per_1000"], 2))
    title = t("pc.map_title", year=selection.year_to, population_year=years)
    summary = t("pc.summary", population_year=years)
    figure = charts.per_capita_map(
        data, geo.municipality_geojson_url(), title, selection.lang, selection.present
    )
    sections.chart(figure, summary, data, "per_1000_karta", selection, DATA, key="pc_map")


def targets(selection: Selection) -> None:
    """Target against received per 1 000 inhabitants, per municipality."""
    data = figures(selection)
    years = per_capita.population_years(data)
    if data.empty or not years:
        st.caption(t("pc.none"))
        return
    title = t("pc.bars_title", year=selection.year_to, population_year=years)
    summary = t("pc.summary", population_year=years)
    figure = charts.per_capita_bars(
        data, title, selection.lang, selection.present, n=10 if selection.present else 20
    )
    sections.chart(figure, summary, data, "per_1000_mal", selection, DATA, key="pc_bars")
