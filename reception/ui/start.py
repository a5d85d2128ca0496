"""A page's start: the store made ready once, the demo on the very first start, and the friendly
start an empty store shows instead of charts.
"""

from __future__ import annotations

import streamlit as st

from reception import geo, store
from reception.i18n import t
from reception.store import loadlog, startup
from reception.ui import roles

_ready: set[tuple[str, store.DataVersion, int]] = set()


def _regions_stamp() -> int:
    try:
        return store.REGIONS_CSV.stat().st_mtime_ns
    except FileNotFoundError:
        return 0


def prepare() -> None:
    """Create or upgrade the store; on the very first start (no file yet) fill it with the demo.

    Checked once per store version, data/regions.csv and process: a store seen prepared with the
    same regions file needs no second look; an edited regions file is read at the next page run.
    """
    path = store.db_path()
    if (str(path), store.data_version(path), _regions_stamp()) in _ready:
        return
    first_start = not path.exists()
    startup.prepare(path)
    if first_start and store.is_empty(path):
        load_demo(first_start=True)
    geo.municipality_geojson_url()  # the map's boundaries, written once at start, not while a page draws
    _ready.add((str(path), store.data_version(path), _regions_stamp()))


def load_demo(*, first_start: bool = False) -> None:
    from reception import demo  # the demo's builders only when the demo is loaded, not on every page run

    demo.load_demo(store.db_path(), first_start=first_start)


def friendly_start() -> None:
    """What an empty store shows instead of charts: load the demo, or go and upload files."""
    st.header(t("empty.title"))
    st.write(t("empty.body"))
    left, right = st.columns(2)
    if roles.is_editor() and left.button(t("empty.load_demo"), type="primary", key="empty_load_demo"):
        with st.spinner(), loadlog.acting_as(roles.editor_name()):
            load_demo()
        st.rerun()
    right.page_link("pages/data.py", label=t("empty.go_data"), icon=":material/upload:")
