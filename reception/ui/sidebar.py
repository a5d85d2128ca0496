"""The selection sidebar: widgets seeded from the selection, and the selection kept across pages.

The selection lives under the non-widget key ``selection`` in ``st.session_state`` and in
``st.query_params``. A URL with parameters wins (a shared link); without any, the session's
selection carries over from the last page. Widgets are seeded from the selection only when
it changed elsewhere (a link, another page), so a user's change is never overwritten.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import streamlit as st

from reception.i18n import t
from reception.selection import AREA_KINDS, CATEGORIES, LANGUAGES, PROGRAMS, Selection

KEY = "selection"
URL_KEY = "selection_url"
SEEDED = "selection_seeded"
YEARS_CHOSEN = "selection_years_chosen"


def current_selection() -> Selection:
    """The selection for this run: from a changed URL, else the session, else the defaults."""
    url = st.query_params.to_dict()
    remembered: Selection | None = st.session_state.get(KEY)
    if url and (remembered is None or url != st.session_state.get(URL_KEY)):
        remembered = Selection.from_query_params(url)
        if "to" in url:  # a link that names its years keeps them
            st.session_state[YEARS_CHOSEN] = True
    elif remembered is None:
        remembered = Selection.from_query_params({})
    remember(remembered)
    return remembered


def remember(selection: Selection) -> None:
    """Keep the selection in the session and in the URL (so a callback's change is not undone)."""
    params = selection.to_query_params()
    st.session_state[KEY] = selection
    st.session_state[URL_KEY] = params
    if st.query_params.to_dict() != params:
        st.query_params.from_dict(params)


def years_chosen() -> bool:
    """True once the user picked years (or came by a link naming them); until then pages show the
    newest year with data for the program."""
    return bool(st.session_state.get(YEARS_CHOSEN))


def _from_picked() -> None:
    """The user picked the first year: the last follows when it would be earlier."""
    st.session_state[YEARS_CHOSEN] = True
    if st.session_state.w_year_from > st.session_state.w_year_to:
        st.session_state.w_year_to = st.session_state.w_year_from


def _to_picked() -> None:
    """The user picked the last year (the one pages about one year show): the first follows."""
    st.session_state[YEARS_CHOSEN] = True
    if st.session_state.w_year_to < st.session_state.w_year_from:
        st.session_state.w_year_from = st.session_state.w_year_to


def leave_present() -> None:
    remember(replace(st.session_state[KEY], present=False))


def _seed(selection: Selection, years: list[int], names: dict[str, dict[str, str]], page: str) -> None:
    """Put the selection into the widgets, unless this page's widgets already show it.

    A page switch always re-seeds: each page has its own widgets, which start from defaults.
    """
    if st.session_state.get(SEEDED) == (page, selection):
        return
    st.session_state.update(
        w_lang=selection.lang,
        w_area_kind=selection.area_kind,
        w_program=selection.program,
        w_category=selection.category,
        w_present=selection.present,
        w_per_capita=selection.per_capita,
    )
    if years:
        low = min(max(selection.year_from, years[0]), years[-1])
        high = min(max(selection.year_to, years[0]), years[-1])
        st.session_state.update(w_year_from=low, w_year_to=max(low, high))
    for kind in ("lan", "region"):
        codes = list(names[kind])
        if codes:
            chosen = selection.area_code if selection.area_kind == kind else None
            st.session_state[f"w_{kind}"] = chosen if chosen in codes else codes[0]
    st.session_state["w_kommun"] = [c for c in selection.kommun_kods if c in names["kommun"]]


def draw(selection: Selection, options: pd.DataFrame, years: list[int], page: str) -> Selection:
    """Draw the sidebar seeded from ``selection``; return the selection the widgets now show."""
    names = {
        kind: dict(zip(part["code"], part["name"], strict=True))
        for kind, part in ((k, options[options["kind"] == k]) for k in ("lan", "region", "kommun"))
    }
    _seed(selection, years, names, page)
    with st.sidebar:
        lang = st.radio(
            t("sel.language"), LANGUAGES, key="w_lang", horizontal=True,
            format_func={"sv": "Svenska", "en": "English"}.get,
        )  # fmt: skip
        st.header(t("sel.heading", lang))
        low, high = selection.year_from, selection.year_to
        if years:  # shown even with one year, so the user sees which year the pages show
            left, right = st.columns(2)
            low = left.selectbox(t("sel.year_from", lang), years, key="w_year_from", on_change=_from_picked)
            high = right.selectbox(t("sel.year_to", lang), years, key="w_year_to", on_change=_to_picked)
            low, high = min(low, high), max(low, high)
        kind = st.selectbox(
            t("sel.area_kind", lang),
            AREA_KINDS,
            key="w_area_kind",
            format_func=lambda k: t(f"sel.area.{k}", lang),
        )
        code = ""
        if kind in ("lan", "region") and names[kind]:
            code = st.selectbox(
                t(f"sel.{kind}", lang), list(names[kind]), key=f"w_{kind}", format_func=names[kind].get
            )
        elif kind == "kommun":
            picked = st.multiselect(
                t("sel.kommun", lang),
                list(names["kommun"]),
                key="w_kommun",
                format_func=names["kommun"].get,
                placeholder=t("widget.choose_many", lang),
            )
            code = ",".join(sorted(picked))
        program = st.selectbox(
            t("sel.program", lang), PROGRAMS, key="w_program", format_func=lambda p: t(f"program.{p}", lang)
        )
        category = st.selectbox(
            t("sel.category", lang),
            CATEGORIES,
            key="w_category",
            format_func=lambda c: t(f"category.{c}", lang),
        )
        per_capita = st.toggle(
            t("sel.per_capita", lang), key="w_per_capita", help=t("sel.per_capita_help", lang)
        )
        present = st.toggle(t("sel.present", lang), key="w_present", help=t("sel.present_help", lang))
    shown = Selection(int(low), int(high), kind, code, program, category, lang, present, per_capita)
    st.session_state[SEEDED] = (page, shown)
    if shown != selection:
        remember(shown)
    return shown
