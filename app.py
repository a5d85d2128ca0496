"""Översikt: the selection's headline figures, a map of fulfilment, and who is behind or ahead."""

from dataclasses import replace

import streamlit as st

from reception import geo
from reception.charts import findings, targets
from reception.i18n import fmt_at_least, fmt_int, fmt_month, fmt_pct, t
from reception.ui import page, per_capita, sections
from reception.ui.cached import loaded, query

selection = page("oversikt")
lang, present, year = selection.lang, selection.present, selection.year_to
this_year = replace(selection, year_from=year)
have = loaded(this_year)
fulfilment = query("fulfilment_by_municipality", this_year)
capacity = query("overview_capacity", this_year).iloc[0]  # one row; nulls when the year has none
latest = query("inflow_latest_vs_usual", selection)
total = findings.totals(fulfilment)
# with targets: received where a target is; without: everything the arrivals say for the program
arrived = query("received_in_year", this_year).iloc[0]
received = total["received_all"] if len(fulfilment) else arrived["persons"]
# suppressed cells or municipalities left out of the sum: the least it can be
least = total["received_unknown"] > 0 if len(fulfilment) else arrived["suppressed"] > 0

tiles = st.columns(3) + ([] if present else st.columns(3))
tiles[0].metric(t("tile.target", year=int(year)), fmt_int(total["target_all"]))
tiles[1].metric(t("tile.received", year=int(year)), fmt_at_least(received, least))
tiles[2].metric(t("tile.fulfilment"), fmt_pct(total["fulfilment"], 0))
if not present:
    places_of = t("tile.places_of", places=fmt_int(capacity["places"])) if have["capacity"] else None
    month = fmt_month(capacity["month"]) if have["capacity"] else None
    used, free = fmt_pct(capacity["occupancy"], 0), fmt_int(capacity["headroom"])
    tiles[3].metric(t("tile.capacity_used"), used, places_of, delta_color="off", delta_arrow="off")
    tiles[4].metric(t("tile.headroom"), free, month, delta_color="off", delta_arrow="off")
    if len(latest):
        now = latest.iloc[0]
        usual, arrow = findings.versus_usual(now)
        persons = fmt_at_least(now["persons"], now["suppressed"] > 0)
        tiles[5].metric(t("tile.month_inflow", month=fmt_month(now["month"])), persons, usual,
                        delta_color="off", delta_arrow=arrow)  # fmt: skip
st.caption(sections.source_line(("targets", "arrivals", "capacity")))
if selection.per_capita:
    per_capita.overview(selection)

no_arrivals = len(fulfilment) and total["received_all"] is None and not have["arrivals"]
sections.missing(
    *(["targets"] if not have["targets"] else []),
    *(["arrivals"] if no_arrivals else []),
    *(["capacity"] if not have["capacity"] and not present else []),
    year=year,
)
if fulfilment.empty:
    if have["targets"]:
        sections.empty("overview.no_target", year=year)
    st.stop()


def fulfilment_map() -> None:
    sections.first_chart("/", selection, "oversikt_karta", key="map", geojson=geo.municipality_geojson_url())


def ranking() -> None:
    title, summary = findings.ranking(fulfilment, year, lang)
    figure = targets.gap_bars(fulfilment, title, lang, present, n=5 if present else 8)
    sections.chart(
        figure, summary, fulfilment, "oversikt_efter_fore", this_year, ("targets", "arrivals"), key="rank"
    )


# On screen the ranking (bars, drawn at once) comes first and the map (which waits for its base layer)
# second; a presented slide keeps the map first: it is sized to fit the first screen under the tiles.
for draw in (fulfilment_map, ranking) if present else (ranking, fulfilment_map):
    draw()
