"""Undo and redo on the Data page: an undo asks first, and an undone load can be made to count again.

Both change what every viewer sees, so only editors get here (``reception.ui.roles``), and the
load history records who did it (``loads.undone_by`` / ``redone_by``, migration 0007).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from reception.i18n import t
from reception.store import loadlog
from reception.text import md
from reception.ui import roles

CONFIRM = "undo_confirm"  # session key: the load an undo waits to be confirmed for


def _ask(load_id: int) -> None:
    st.session_state[CONFIRM] = int(load_id)


def _cancel() -> None:
    """Back to the picker, still on the load that was asked about (the picker was not drawn meanwhile,
    so Streamlit forgot its choice)."""
    waiting = st.session_state.pop(CONFIRM, None)
    if waiting is not None:
        st.session_state["undo_pick"] = waiting


def _change(action, load_id: int, done_key: str) -> None:
    """Undo or redo ``load_id`` as this editor; the outcome is said on the next run."""
    st.session_state.pop(CONFIRM, None)
    if not roles.is_editor():
        return
    try:
        with roles.acting():
            action(load_id)
    except loadlog.UndoRefused as refused:
        st.session_state["history_message"] = ("error", refused.message())
    else:
        st.session_state["history_message"] = ("success", t(done_key, id=load_id))


def undo_redo(loads: pd.DataFrame) -> None:
    """Pick a live load to undo (then confirm), or an undone one to redo."""
    kind, message = st.session_state.pop("history_message", (None, None))
    if kind:
        getattr(st, kind)(md(message))
    sources = dict(zip(loads["load_id"], loads["source"], strict=False))
    live = loads[loads["undone_at"].isna()]["load_id"].tolist()
    undone = loads[loads["undone_at"].notna()]["load_id"].tolist()
    waiting = st.session_state.get(CONFIRM)
    if waiting is not None and waiting in live:
        st.warning(t("data.undo_confirm", id=int(waiting), source=md(sources[waiting])))
        yes, no, _ = st.columns([1, 1, 4])
        yes.button(
            t("data.undo_yes"),
            key="undo_yes",
            type="primary",
            on_click=_change,
            args=(loadlog.undo, waiting, "data.undone"),
        )
        no.button(t("data.undo_no"), key="undo_no", on_click=_cancel)
    elif live:
        left, right = st.columns([2, 1], vertical_alignment="bottom")
        chosen = left.selectbox(t("data.undo_pick"), live, key="undo_pick")
        right.button(t("data.undo"), key="undo_button", on_click=_ask, args=(chosen,))
    if undone:
        left, right = st.columns([2, 1], vertical_alignment="bottom")
        chosen = left.selectbox(t("data.redo_pick"), undone, key="redo_pick")
        right.button(
            t("data.redo"), key="redo_button", on_click=_change, args=(loadlog.redo, chosen, "data.redone")
        )
