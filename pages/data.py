"""Data: load files, see, undo and redo earlier loads, how fresh each dataset is, and download any view."""

import streamlit as st

from reception.i18n import fmt_int, t
from reception.ui import history, loading, page, recipes, roles, sections, start, tables
from reception.ui.cached import VIEWS, is_empty, query, view

selection = page("data", needs_data=False)
editor = roles.require_editor("data")  # the sign-in, for a viewer who may not change anything
if editor:
    roles.signed_in_note("data")

if editor:
    st.header(t("data.upload"))
    with roles.acting():
        loading.upload_form()
    st.header(t("recipes.heading"))
    recipes.manage()

if is_empty():
    start.friendly_start()

loads = query("data_loads")
st.header(t("data.history"))
tables.show(loads, key="loads")
if editor:
    history.undo_redo(loads)

st.header(t("data.freshness"))
tables.show(query("data_freshness"), key="freshness")

st.header(t("data.views"))
name = st.selectbox(t("data.view_pick"), VIEWS, key="view_pick")
frame = view(name)
st.caption(t("data.rows", n=fmt_int(len(frame))))
tables.show(frame.head(1000), key="view_table")
sections.downloads(
    frame, f"vy_{name}", selection, ("targets", "arrivals", "capacity", "county_targets"), key="view"
)
