"""The store's answers for pages, cached by the data version: query results and whole views.

A new load changes the data version (``reception.store.data_version``), which is part of every
cache key here, so a page shows it at once.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from reception import queries, store
from reception.selection import Selection


@st.cache_data(max_entries=512, show_spinner=False)
def _cached(name: str, params: dict, version: store.DataVersion, path: str) -> pd.DataFrame:
    return queries.run(name, params, Path(path))


def query(name: str, selection: Selection | None = None, **overrides: object) -> pd.DataFrame:
    """``queries/<name>.sql`` for the selection (with any parameter overridden), cached by data version."""
    params = {**(selection.as_params() if selection else {}), **overrides}
    path = store.db_path()
    return _cached(name, params, store.data_version(path), str(path))


def loaded(selection: Selection) -> dict[str, bool]:
    """Which datasets hold facts for the selection's year (``queries/datasets_in_year.sql``)."""
    return {k: bool(v) for k, v in query("datasets_in_year", selection).iloc[0].items()}


@st.cache_data(max_entries=8, show_spinner=False)
def _is_empty(path: str, version: store.DataVersion) -> bool:
    if not Path(path).exists():
        return True
    cursor = queries.reader(Path(path))  # the connection the queries use: no second opening
    try:
        return store.holds_no_facts(cursor)
    finally:
        cursor.close()


def is_empty() -> bool:
    """True when the store holds no facts (cached by data version)."""
    path = store.db_path()
    return _is_empty(str(path), store.data_version(path))


# every contract view but the person-level events (millions of rows: the command line exports them)
VIEWS = tuple(v for v in store.CONTRACT_VIEWS if v != "arrival_events")


@st.cache_data(max_entries=16, show_spinner=False)
def _view(name: str, version: store.DataVersion, path: str) -> pd.DataFrame:
    if name not in VIEWS:  # identifiers can't be parameters: only the contract's views are read
        raise ValueError(name)
    cursor = queries.reader(Path(path))  # the queries' connection, already open
    try:
        return cursor.execute(f"select * from {name}").df()
    finally:
        cursor.close()


def view(name: str) -> pd.DataFrame:
    """A whole contract view (one of VIEWS), cached by data version."""
    path = store.db_path()
    return _view(name, store.data_version(path), str(path))
