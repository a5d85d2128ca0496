"""Kapacitet: places, occupied and free places per municipality and over time; who runs out, and when."""

import streamlit as st

from reception.charts import findings, flows
from reception.i18n import t
from reception.ui import page, sections
from reception.ui.cached import loaded, query

selection = page("kapacitet")
lang, present = selection.lang, selection.present
CAPACITY_DATA = ("capacity",)

if not loaded(selection)["capacity"]:
    sections.missing("capacity", year=selection.year_to)
    st.stop()
by_municipality = query("capacity_by_municipality", selection)
if by_municipality.empty:
    sections.empty()
    st.stop()

sections.first_chart("/kapacitet", selection, "kapacitet", key="headroom")

over_time = query("capacity_over_time", selection)
title, summary = findings.capacity_time(over_time, lang)
figure = flows.capacity_over_time(over_time, title, lang, present)
sections.chart(figure, summary, over_time, "kapacitet_over_tid", selection, CAPACITY_DATA, key="time")

title, summary = findings.runout(by_municipality, lang)
figure = flows.runout_bars(by_municipality, title, lang, present, n=10 if present else 20)
runout_data = ("capacity", "arrivals")
sections.chart(
    figure,
    summary,
    by_municipality,
    "kapacitet_slut",
    selection,
    runout_data,
    key="runout",
    note=t("kap.runout_note"),
)

if not present:
    sections.table(
        by_municipality, t("page.kapacitet"), "kapacitet_tabell", selection, runout_data, key="table"
    )
