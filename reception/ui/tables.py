"""Tables as users read them: column names in their language, shares as percent, months as months.

The data behind a table keeps the contract's English identifiers (downloads are exactly that data);
only what is drawn on screen is labelled. Columns that are empty in every row are left out.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from reception.i18n import t
from reception.i18n.labels import LABELS

PERCENT = ("fulfilment", "occupancy", "share")
PERCENT_DECIMALS = {"share": "%.1f %%"}
MONTHS = ("month", "newest", "run_out_month", "short_from", "capacity_month")
DAYS = ("valid_from",)
TIMES = ("loaded_at", "undone_at", "redone_at")
DECIMALS = {
    "cv": "%.2f",
    "inflow": "%.1f",
    "months_left": "%.1f",
    "mean_persons": "%.1f",
    "target_per_mille": "%.2f",
    "exact": "%.2f",
}
# identifiers shown by their names: the label key of each column's codes
CODED = {
    "dataset": lambda v: f"dataset.{v}",
    "program": lambda v: f"program.{v}",
    "category": lambda v: f"category.{v}",
    "undone_reason": lambda v: f"undone_reason.{v}",
    "inflow_unknown": lambda v: f"inflow_unknown.{v}",  # why a row has no forecast
}


def _label(column: str) -> str:
    return t(f"col.{column}") if f"col.{column}" in LABELS else column


def _column(frame: pd.DataFrame, column: str) -> object:
    label = _label(column)
    if column in PERCENT:  # shown x 100 by ``shown``
        return st.column_config.NumberColumn(label, format=PERCENT_DECIMALS.get(column, "%.0f %%"))
    if column in MONTHS:
        return st.column_config.DateColumn(label, format="YYYY-MM")
    if column in DAYS:
        return st.column_config.DateColumn(label, format="YYYY-MM-DD")
    if column in TIMES:
        return st.column_config.DatetimeColumn(label, format="YYYY-MM-DD HH:mm")
    if column in DECIMALS:
        return st.column_config.NumberColumn(label, format=DECIMALS[column])
    if pd.api.types.is_bool_dtype(frame[column]):
        return st.column_config.CheckboxColumn(label)
    if pd.api.types.is_numeric_dtype(frame[column]):
        known = frame[column].dropna()
        whole = bool((known == known.round()).all())
        return st.column_config.NumberColumn(label, format="%d" if whole else "%.1f")
    return st.column_config.TextColumn(label)


def shown(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as drawn: no all-empty columns, shares in percent, identifiers by their names."""
    out = frame.loc[:, [c for c in frame.columns if frame[c].notna().any()]].copy()
    for column in PERCENT:
        if column in out.columns:
            out[column] = out[column] * 100
    for column, key in CODED.items():
        if column in out.columns:
            out[column] = out[column].map(lambda v, k=key: t(k(v)) if k(v) in LABELS else v)
    return out


def show(frame: pd.DataFrame, key: str, *, whole: bool = False) -> None:
    """Draw a table with labelled, formatted columns; ``whole``: every row without scrolling."""
    data = shown(frame)
    height = 35 * (len(data) + 1) + 8 if whole else "auto"
    st.dataframe(
        data,
        hide_index=True,
        key=key,
        height=height,
        column_config={c: _column(data, c) for c in data.columns},
    )
