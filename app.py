"""Översikt: the selection's headline figures, a map of fulfilment, and who is behind or ahead."""

from dataclasses import replace

import streamlit as st

from reception import geo
from reception.charts import findings, targets
from reception.i18n import fmt_int, fmt_month, fmt_num, fmt_pct, t
from reception.ui import page, per_capita, query, sections

selection = page("oversikt")
lang, present, year = selection.lang, selection.present, selection.year_to
this_year = replace(selection, year_from=year)
fulfilment = query("fulfilment_by_municipality", this_year)
capacity = query("overview_capacity", selection)
latest = query("inflow_latest_vs_usual", selection)
total = findings.totals(fulfilment)

tiles = st.columns(3) + ([] if present else st.columns(3))
tiles[0].metric(t("tile.target", year=year), fmt_int(total["target"]))
tiles[1].metric(t("tile.received", year=year), fmt_int(total["received"]))
tiles[2].metric(t("tile.fulfilment"), fmt_pct(total["fulfilment"], 0))
if not present:
    cap = capacity.iloc[0]
    places_of = t("tile.places_of", places=fmt_int(cap["places"]))
    tiles[3].metric(
        t("tile.capacity_used"), fmt_pct(cap["occupancy"], 0), places_of, delta_color="off", delta_arrow="off"
    )
    tiles[4].metric(
        t("tile.headroom"),
        fmt_int(cap["headroom"]),
        fmt_month(cap["month"]),
        delta_color="off",
        delta_arrow="off",
    )
    if len(latest):
        now = latest.iloc[0]
        fewer = now["difference"] < 0  # the arrow and the words say the direction, not a minus sign
        usual = t("tile.fewer" if fewer else "tile.more", diff=fmt_num(abs(now["difference"]), 0),
                  usual=fmt_num(now["usual_persons"], 0))  # fmt: skip
        tiles[5].metric(t("tile.month_inflow", month=fmt_month(now["month"])), fmt_int(now["persons"]), usual,
                        delta_color="off", delta_arrow="down" if fewer else "up")  # fmt: skip
st.caption(sections.source_line(("targets", "arrivals", "capacity")))
if selection.per_capita:
    per_capita.overview(selection)

if fulfilment.empty:
    sections.empty("overview.no_target", year=year)
    st.stop()

title, summary = findings.fulfilment_map(fulfilment, year, lang)
figure = targets.fulfilment_map(fulfilment, geo.municipality_geojson_url(), title, lang, present)
sections.chart(figure, summary, fulfilment, "oversikt_karta", this_year, ("targets", "arrivals"), key="map")

title, summary = findings.ranking(fulfilment, year, lang)
figure = targets.gap_bars(fulfilment, title, lang, present, n=5 if present else 8)
sections.chart(
    figure, summary, fulfilment, "oversikt_efter_fore", this_year, ("targets", "arrivals"), key="rank"
)
