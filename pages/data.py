"""Data: load files, see and undo earlier loads, how fresh each dataset is, and download any view."""

import streamlit as st

from reception import store
from reception.i18n import fmt_int, t
from reception.ui import VIEWS, friendly_start, is_empty, loading, page, query, sections, tables, view

selection = page("data", needs_data=False)

st.header(t("data.upload"))
loading.upload_form()

if is_empty():
    friendly_start()

loads = query("data_loads")
st.header(t("data.history"))
tables.show(loads, key="loads")
live = loads[loads["undone_at"].isna()]["load_id"].tolist()
if live:
    left, right = st.columns([2, 1], vertical_alignment="bottom")
    chosen = left.selectbox(t("data.undo_pick"), live, key="undo_pick")
    if right.button(t("data.undo"), key="undo_button"):
        try:
            store.undo(int(chosen))
        except store.UndoRefused as refused:
            st.error(str(refused))
        else:
            st.success(t("data.undone", id=chosen))
            st.rerun()

st.header(t("data.freshness"))
tables.show(query("data_freshness"), key="freshness")

st.header(t("data.views"))
name = st.selectbox(t("data.view_pick"), VIEWS, key="view_pick")
frame = view(name)
st.caption(t("data.rows", n=fmt_int(len(frame))))
st.dataframe(frame.head(1000), hide_index=True)
sections.downloads(
    frame, f"vy_{name}", selection, ("targets", "arrivals", "capacity", "county_targets"), key="view"
)
