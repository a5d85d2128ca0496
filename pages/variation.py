"""Variation över tid: monthly inflow and its rolling mean, the month-of-year profile, spread and buffer."""

import streamlit as st

from reception.charts import findings, flows
from reception.i18n import t
from reception.ui import page, sections
from reception.ui.cached import query

selection = page("variation")
lang, present = selection.lang, selection.present
INFLOW_DATA = ("arrivals",)

monthly = query("inflow_monthly", selection)
if monthly["persons"].dropna().empty:
    sections.missing("arrivals", year=selection.years_label())
    st.stop()

sections.first_chart("/variation", selection, "inflode", key="monthly")

profile = query("inflow_month_profile", selection)
title, summary = findings.profile(profile, lang)
figure = flows.profile_chart(profile, title, lang, present)
sections.chart(figure, summary, profile, "inflode_manad", selection, INFLOW_DATA, key="profile")

spread = query("inflow_spread", selection)
title, summary = findings.buffer(spread, lang)
figure = flows.buffer_chart(spread, title, lang, present, n=10 if present else 20)
buffer_note = t("var.buffer_note")
sections.chart(
    figure, summary, spread, "buffert", selection, ("arrivals", "capacity"), key="buffer", note=buffer_note
)

if not present:
    title, summary = findings.spread(spread, lang)
    sections.table(spread, title, "spridning", selection, INFLOW_DATA, key="spread")
    st.caption(summary)
