"""The saved recipes on the Data page: what each says, and removing one (editors only)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from reception import store
from reception.i18n import t
from reception.ingest import recipes, recipes_text
from reception.text import md
from reception.ui import roles

REMOVED = "recipe_removed"  # session key: the recipe this session removed last


def frame(good: list[recipes.Recipe], broken: list[tuple[str, str]]) -> pd.DataFrame:
    """One row per recipe: its name, the layout it fits, what it says, who saved it."""
    return pd.DataFrame(
        {
            t("recipes.name"): [r.name for r in good] + [name for name, _ in broken],
            t("recipes.layout_column"): [recipes_text.layout(r) for r in good] + [""] * len(broken),
            t("recipes.said_column"): [recipes_text.said(r) for r in good]
            + [t("recipes.broken", name=name) for name, _ in broken],
            t("recipes.who_column"): [r.saved_by for r in good] + [""] * len(broken),
        }
    )


def manage() -> None:
    """The list of recipes, and a select and a button to remove one."""
    good, broken = recipes.read_all(store.db_path())
    if not good and not broken:
        st.caption(t("recipes.none"))
        return
    st.dataframe(frame(good, broken), hide_index=True, key="recipes_table")
    names = [r.name for r in good] + [name for name, _ in broken]
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.selectbox(t("recipes.remove_pick"), names, index=None, key="recipe_remove_pick")
    right.button(t("recipes.remove"), key="recipe_remove", on_click=_remove, icon=":material/delete:")
    if st.session_state.get(REMOVED):
        st.info(t("recipes.removed", name=md(st.session_state[REMOVED])))


def _remove() -> None:
    if not roles.is_editor():
        return
    name = st.session_state.get("recipe_remove_pick")
    if name and recipes.remove(name, store.db_path()):
        st.session_state[REMOVED] = name
