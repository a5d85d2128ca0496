"""Planering: a county's total shared out between its municipalities, checked against their places."""

from dataclasses import replace
from functools import partial

import streamlit as st

from reception import geo
from reception.charts import planning as charts
from reception.i18n import fmt_int, fmt_month, t
from reception.planning import from_store, plan
from reception.planning.allocate import ScenarioRefused
from reception.text import md
from reception.ui import page, scenarios, sections, tables
from reception.ui.cached import query

selection = page("planering")
lang, present = selection.lang, selection.present
PLAN_DATA = ("targets", "county_targets", "capacity", "arrivals")
if not present:
    st.caption(t("plan.intro"))

lan_kod, year = scenarios.county_and_year(selection, query("area_options"))
if lan_kod is None:
    st.info(t("plan.pick_county"))
    st.stop()
here = replace(selection, area_kind="lan", area_code=lan_kod, year_from=year, year_to=year)
try:
    basis = from_store.basis(query, year, lan_kod)
    lan = basis["lan"].iloc[0]
    total, national = scenarios.total(lan_kod, year, lan)
    if total is None:  # the question and a suggestion are shown: no scenario without a total
        st.stop()
    key, uploaded, file = scenarios.key_and_weights(lan_kod)
    floors, caps = scenarios.bounds(basis, lan_kod)
    spec = plan.Spec(year, lan_kod, total, key, floors, caps, uploaded, file, national)
    table, checked, shown, had_history = scenarios.worked_out(spec)
except ScenarioRefused as refused:
    scenarios.refused(refused)
    st.stop()

basis_text = from_store.key_basis(spec, table)
st.subheader(t("plan.table_title", total=fmt_int(total), lan=md(lan), year=int(year)))
tables.show(shown, key="plan_table", whole=True)
st.caption(t("plan.method", basis=md(basis_text), total=fmt_int(total)))
if not present:
    st.download_button(
        t("plan.download"),
        partial(from_store.decision_file, spec, table, ".xlsx", lang),  # built on click
        file_name=sections.file_stem("scenario", here, "xlsx"),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="plan_decision",
        on_click="ignore",
    )

title, summary = charts.shortfall(checked, lang)
figure = charts.capacity_bars(checked, title, lang, present)
note = t("plan.capacity_note", month=fmt_month(checked["capacity_month"].max()))
if not had_history:
    note += " " + t("plan.profile_equal")
sections.chart(figure, summary, checked, "planering_platser", here, PLAN_DATA, key="plan_capacity", note=note)

title, summary = charts.map_finding(table, lang)
figure = charts.scenario_map(table, geo.municipality_geojson_url(), title, lang, present)
sections.chart(figure, summary, shown, "planering_karta", here, PLAN_DATA, key="plan_map")

if not present:
    scenarios.save_and_compare(spec, table, basis, lan)
