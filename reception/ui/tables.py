"""Tables as users read them: column names in their language, numbers, shares and months written the
way their language does, and numbers still numbers.

The data behind a table keeps the contract's English identifiers and its values (downloads are
exactly that data, and a column sorts by its numbers and dates); only what is drawn on screen is
labelled and formatted. Streamlit 1.67's ``column_config`` formats cannot write Swedish: its printf
formats (sprintf-js) always write a decimal point, "localized" follows the browser's locale rather
than the language the user picked, and its date formats (moment.js) know English month names only.
So each cell's text comes from a pandas ``Styler`` whose formatters are the app's own (``fmt_int``,
``fmt_num``, ``fmt_pct``, ``fmt_month``); the grid shows that text (its "display value") for number
and date columns without a format of their own, and sorts by the value underneath. Empty cells show
'–'. Columns that are empty in every row are left out.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from reception.i18n import fmt_int, fmt_month, fmt_num, fmt_pct, language, t
from reception.i18n.labels import LABELS

EMPTY = "–"  # what an empty cell shows
ROW = 37  # px a row takes at the theme's font size (Streamlit's default 35 cut a whole table's last row)
PERCENT = {"fulfilment": 0, "occupancy": 0, "share": 1}  # a share (0.174) shown as percent: 17,4 %
MONTHS = ("month", "newest", "run_out_month", "short_from", "capacity_month")
DAYS = ("valid_from",)
TIMES = ("loaded_at", "undone_at", "redone_at")
DECIMALS = {
    "cv": 2,
    "inflow": 1,
    "months_left": 1,
    "mean_persons": 1,
    "target_per_mille": 2,
    "exact": 2,
}
PLAIN = ("year", "newest_year", "load_id", "kommuntal_year", "population_year", "as_of_month")  # no spaces
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


def _whole(values: pd.Series) -> bool:
    known = values.dropna()
    return bool((known == known.round()).all())


def formatter(frame: pd.DataFrame, column: str, lang: str) -> Callable[[object], str] | None:
    """How a column's cells are written in ``lang`` (None: as they are, text or a checkbox)."""
    values = frame[column]
    if column in PERCENT:
        return lambda v: fmt_pct(v, PERCENT[column], lang)
    if column in MONTHS:
        return lambda v: fmt_month(pd.Timestamp(v) if v is not None and not pd.isna(v) else None, lang)
    if column in DAYS:
        return lambda v: EMPTY if pd.isna(v) else f"{pd.Timestamp(v):%Y-%m-%d}"
    if column in TIMES or pd.api.types.is_datetime64_any_dtype(values):
        return lambda v: EMPTY if pd.isna(v) else f"{pd.Timestamp(v):%Y-%m-%d %H:%M}"
    if pd.api.types.is_bool_dtype(values) or not pd.api.types.is_numeric_dtype(values):
        return None
    if column in PLAIN:
        return lambda v: EMPTY if pd.isna(v) else str(int(v))
    if column in DECIMALS:
        return lambda v: fmt_num(v, DECIMALS[column], lang)
    if _whole(values):
        return lambda v: fmt_int(v, lang)
    return lambda v: fmt_num(v, 1, lang)


def _column(frame: pd.DataFrame, column: str) -> object:
    """The column's type and label; no format, so the grid shows the Styler's text (see the module)."""
    label = _label(column)
    values = frame[column]
    if column in MONTHS or column in DAYS:
        return st.column_config.DateColumn(label)
    if column in TIMES or pd.api.types.is_datetime64_any_dtype(values):
        return st.column_config.DatetimeColumn(label)
    if pd.api.types.is_bool_dtype(values):
        return st.column_config.CheckboxColumn(label)
    if pd.api.types.is_numeric_dtype(values):
        return st.column_config.NumberColumn(label)
    return st.column_config.TextColumn(label)


def shown(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as drawn: no all-empty columns, identifiers by their names (values otherwise as they are)."""
    out = frame.loc[:, [c for c in frame.columns if frame[c].notna().any()]].copy()
    for column, key in CODED.items():
        if column in out.columns:
            out[column] = out[column].map(lambda v, k=key: t(k(v)) if k(v) in LABELS else v)
    return out


def styled(data: pd.DataFrame, lang: str | None = None) -> pd.io.formats.style.Styler:
    """The frame with each cell's text in ``lang`` (the numbers underneath unchanged)."""
    lang = lang or language()
    formats = {c: f for c in data.columns if (f := formatter(data, c, lang)) is not None}
    return data.style.format(formats, na_rep=EMPTY)


def show(frame: pd.DataFrame, key: str, *, whole: bool = False) -> None:
    """Draw a table with labelled, formatted columns; ``whole``: every row without scrolling."""
    data = shown(frame)
    height = ROW * (len(data) + 1) + 3 if whole else "auto"  # the header, the rows and the borders
    st.dataframe(
        styled(data),
        hide_index=True,
        key=key,
        height=height,
        row_height=ROW,
        placeholder=EMPTY,
        column_config={c: _column(data, c) for c in data.columns},
    )
