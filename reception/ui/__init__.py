"""The page frame every page calls first: page set-up, CSS, navigation and the error boundary.

``selection = ui.page("mal")`` sets the page up (config, store, translated nav, selection sidebar,
language, presentation mode, demo banner, friendly start on an empty store) and returns the
:class:`Selection`. The rest of the package, one concern a module: ``cached`` (query results and
views cached by data version), ``start`` (the store made ready, the demo, the friendly start),
``sidebar`` (the selection's widgets), ``sections`` (chart + summary + source + downloads),
``tables``, ``roles`` (signing in as editor), ``uploads``, and the widgets of single pages
(``loading``, ``preview``, ``said``, ``recipes``, ``history``, ``scenarios``, ``per_capita``,
``meeting``, ``handout``).

Only this package, ``app.py`` and ``pages/`` import Streamlit; nothing in ``reception`` outside
``ui`` imports from it.

May import from reception: ``store``, ``ingest``, ``planning``, ``meeting``, ``charts``, ``i18n``,
``queries``, ``geo``, ``selection``, ``site``, ``memo``, ``export``, ``roles``, ``refusal``, ``settings``,
``text``, ``demo``.
"""

from __future__ import annotations

import logging
from dataclasses import replace

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from reception import geo, i18n, site, store
from reception.charts import headline
from reception.i18n import t
from reception.selection import Selection
from reception.ui import sidebar, start, uploads
from reception.ui.cached import is_empty, query

ROOT = store.ROOT
LOG = logging.getLogger("reception.pages")
RUN_KEY = "_run_count"
# Streamlit draws captions (and a button's shortcut key) at 60 % opacity (3.9:1 on white, below WCAG AA):
# draw them opaque and grey
CAPTION_CSS = """<style>
[data-testid="stCaptionContainer"] {opacity: 1; color: #595959;}
[data-testid="stCaptionContainer"] p {color: inherit;}
button kbd {opacity: 1 !important; color: #595959 !important;}
</style>"""
# Presentation mode fits a 1280x720 projector: the demo note one line, the way out in a corner, the
# headings tight, so a page's first chart is on the first screen; inside the meeting's slide frame
# (Streamlit's embedded mode) the frame's page leaves the note and the way out to Möte, and its title is
# kept for screen readers only (Möte's slide heading says it).
PRESENT_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
header[data-testid="stHeader"] {display: none;}
[data-testid="stMainBlockContainer"] {padding: 0.6rem 3rem 2rem; max-width: 100%;}
[data-testid="stMain"] {font-size: 24px; color: #000;}
[data-testid="stMain"] h1 {font-size: 38px; padding: 0;} [data-testid="stMain"] h2 {font-size: 32px;}
[data-testid="stMain"] h3 {font-size: 26px; padding: 0;}
[data-testid="stCaptionContainer"] {font-size: 22px; color: #1a1a1a;}
[data-testid="stMetricValue"] {font-size: 40px;} [data-testid="stMetricLabel"] p {font-size: 20px;}
.st-key-demo_banner [data-testid="stAlertContainer"] {padding: 0.2rem 0.8rem; width: fit-content;}
.st-key-demo_banner p {font-size: 18px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis;}
.st-key-leave_present {position: fixed; top: 0.3rem; right: 1rem; z-index: 999990; width: auto !important;}
.st-key-leave_present p {font-size: 18px;}
.streamlit-embedded [data-testid="stLayoutWrapper"]:has(> .st-key-demo_banner),
.streamlit-embedded .st-key-leave_present {display: none;}
.streamlit-embedded .stElementContainer:has(h1) {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
}
.streamlit-embedded [data-testid="stMainBlockContainer"] {padding: 0.2rem 1rem 1rem;}
</style>
"""
# Möte presenting: the slide (a page in a frame) takes the screen under the slide's own heading;
# the meeting page's selection line gives way (the slide's page says its own selection)


def run_token() -> str:
    """A style element whose ``data-run`` changes with every script run of the session.

    Browser tests wait for it to change after an action, then for the run to finish: a wait that
    cannot mistake the run before the action for the one it started. It draws nothing.
    """
    st.session_state[RUN_KEY] = st.session_state.get(RUN_KEY, 0) + 1
    return f'<style data-run="{st.session_state[RUN_KEY]}"></style>'


def _nav(selection: Selection) -> None:
    """The translated page links, carrying the selection; they wrap rather than cut a label."""
    params = selection.to_query_params()
    with st.container(horizontal=True, wrap=True, gap="medium", key="nav"):
        for file, key in site.PAGES:
            if (ROOT / file).exists():  # the meeting page may not be there yet
                st.page_link(file, label=t(key), query_params=params, width="content")


def page(title_key: str, *, needs_data: bool = True) -> Selection:
    """Set the page up and return the selection. Call it first on every page.

    Args:
        title_key: the label key of the page's title (e.g. "page.mal").
        needs_data: when the store holds no facts, show a friendly start and stop the page
            (the Data page passes False so uploads work on an empty store).
    """
    _error_boundary()
    uploads.accept_long_names()  # before any upload: a long file name is refused in words
    title_key = title_key if title_key.startswith("page.") else f"page.{title_key}"
    selection = sidebar.current_selection()
    i18n.set_language(selection.lang)
    st.set_page_config(
        page_title=f"{t(title_key)} · {t('app.name')}",
        layout="wide",
        initial_sidebar_state="collapsed" if selection.present else "auto",
    )
    try:
        start.prepare()
    except geo.RegionFileError as bad:  # a user's edit of data/regions.csv: say which line
        st.error(str(bad), icon=":material/edit_document:")
        st.stop()
    empty = is_empty()
    options = query("area_options") if not empty else pd.DataFrame(columns=["kind", "code", "name"])
    years = query("years_available", program=selection.program) if not empty else None
    defaulted = _default_year(selection, years)
    if defaulted != selection:  # kept, so the widgets are not seeded again from the old years
        sidebar.remember(defaulted)
        selection = defaulted
    choices = years["year"].tolist() if years is not None else []
    selection = sidebar.draw(selection, options, choices, title_key)
    i18n.set_language(selection.lang)
    st.html(run_token() + CAPTION_CSS)
    if selection.present:
        st.html(PRESENT_CSS)
    if not selection.present:
        _nav(selection)
    if empty and needs_data:
        start.friendly_start()
        st.stop()
    if not empty and bool(query("data_freshness")["is_demo"].any()):
        with st.container(key="demo_banner"):
            st.info(t("demo.banner_short" if selection.present else "demo.banner"), icon=":material/science:")
    st.title(t(title_key))
    if selection.present:
        st.subheader(headline.describe(selection, options, category=False))
        st.button(
            t("sel.leave_present"), on_click=sidebar.leave_present, type="tertiary", key="leave_present"
        )
    return selection


def _default_year(selection: Selection, years: pd.DataFrame | None) -> Selection:
    """Until the user picks years, show the newest year with data for the program (every page alike)."""
    if years is None or years.empty or sidebar.years_chosen():
        return selection
    default = int(years.loc[years["is_default"], "year"].iloc[0])
    with_facts = years.loc[years["has_facts"], "year"]
    first = max(selection.year_from, int(with_facts.min())) if len(with_facts) else default
    return replace(selection, year_from=min(first, default), year_to=default)


def _error_boundary() -> None:
    """Every page runs under one error boundary: a short message in the user's language, and
    the traceback in the log for the operator, never in the browser.

    Streamlit 1.67 calls the script run's ``on_script_error`` for an exception the page did not
    handle; returning True keeps its own exception box (with paths) off the page. An exception
    before this runs still meets ``client.showErrorDetails = "none"`` (.streamlit/config.toml).
    """
    ctx = get_script_run_ctx()
    if ctx is not None:
        ctx.on_script_error = _show_error


def _show_error(error: Exception) -> bool:
    LOG.error("a page failed: %s", type(error).__name__, exc_info=error)
    st.error(t("error.page"), icon=":material/error:")
    return True
