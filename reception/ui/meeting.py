"""The meeting page's parts: the slide player, the deck editor, and "since the last meeting".

Every change to the deck names the revision it was read at; when somebody saved the deck since,
the change is refused and the page shows the deck as it is now with a message saying so
(``deck.stale``), so no editor's change is ever silently lost. Only editors see the editor and
the "mark as seen" button (``reception.ui.roles``); a presentation link shows neither.
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date

import streamlit as st

from reception import charts, site
from reception.charts import headline
from reception.charts.meeting import months_figure
from reception.i18n import t
from reception.meeting import deck, since_last
from reception.selection import Selection
from reception.text import md
from reception.ui import roles, sections, uploads
from reception.ui.cached import query

# on a shared screen the slide fills what is left of a 1280x720 screen under the headings; the
# slide's own page hides its banner and leave button inside the frame
PRESENT_FRAME_CSS = """<style>
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] > .stElementContainer:has(h3) {
  display: none;
}
[data-testid="stMain"] iframe {height: calc(100vh - 10.5rem) !important; min-height: 14rem;}
</style>"""
STALE = "deck_stale"  # session key: a save of this session was refused as stale
IMPORTED = "deck_imported"
IMPORT_ERROR = "deck_import_error"  # the refusal of the last file opened


def save(changed: deck.Deck) -> bool:
    """Save a change made to the deck as read at ``changed.revision``; False if it was stale."""
    if not roles.is_editor():  # a callback from a page drawn before the session was locked
        return False
    try:
        deck.save(changed, expected=changed.revision)
    except deck.DeckStale:
        st.session_state[STALE] = True
        return False
    st.session_state.pop(STALE, None)
    return True


def stale_note() -> None:
    """Say that a save was refused because somebody else changed the deck first (shown once)."""
    if st.session_state.pop(STALE, False):
        st.warning(t("deck.stale"), icon=":material/sync_problem:")


def _go(offset: int, count: int) -> None:
    st.session_state.slide = deck.step(st.session_state.get("slide", 0), count, offset)
    st.session_state.slide_shown_at = time.monotonic()


def player(current: deck.Deck, seconds: int, present: bool) -> None:
    """The current slide between ← and → (also the arrow keys); advances by itself when asked to."""

    @st.fragment(run_every=seconds or None)
    def draw() -> None:
        slides = current.slides
        if not slides:
            st.info(t("meeting.empty"))
            return
        if seconds and time.monotonic() - st.session_state.get("slide_shown_at", 0) >= seconds - 0.5:
            _go(+1, len(slides))
        index = st.session_state.get("slide", 0) % len(slides)
        slide = slides[index]
        back, title, forward = st.columns([2, 7, 2], vertical_alignment="center")
        back.button(
            t("meeting.previous"), shortcut="Left", on_click=_go, args=(-1, len(slides)), key="deck_previous"
        )
        forward.button(
            t("meeting.next"), shortcut="Right", on_click=_go, args=(+1, len(slides)), key="deck_next"
        )
        title.subheader(f"{int(index) + 1} / {len(slides)} · {md(slide.title)}")
        src = since_last.slide_src(slide)
        if src is None:
            st.error(t("meeting.bad_slide"))
        else:
            st.iframe(src, height=900 if present else 760, tab_index=-1, alt=slide.title)

    draw()


def _rename(current: deck.Deck, key: str) -> None:
    title = st.session_state.get(key, "").strip()
    if title and title != current.title:
        save(replace(current, title=title))


def editor(current: deck.Deck, selection: Selection) -> None:
    """Rename, reorder, remove and add slides; save the deck as a file or open one (editors only)."""
    title_key = f"deck_title_{current.revision}"  # a new revision shows its own title afresh
    st.text_input(
        t("meeting.deck_title"),
        deck.shown_title(current.title),
        key=title_key,
        on_change=_rename,
        args=(current, title_key),
    )
    for i, slide in enumerate(current.slides):
        text, up, down, out = st.columns([8, 1, 1, 1], vertical_alignment="center")
        text.markdown(f"**{int(i) + 1}\\. {md(slide.title)}**  \n{md(slide.url)}")
        up.button("↑", key=f"up_{i}", help=t("meeting.up"), on_click=save, args=(current.move(i, -1),))
        down.button("↓", key=f"down_{i}", help=t("meeting.down"), on_click=save, args=(current.move(i, +1),))
        out.button("✕", key=f"remove_{i}", help=t("meeting.remove"), on_click=save, args=(current.remove(i),))
    with st.form("add_slide", clear_on_submit=True):
        pages = {site.url_path(file): t(key) for file, key in site.PAGES}
        where = st.selectbox(t("meeting.add_page"), list(pages), format_func=pages.get)
        new_title = st.text_input(t("meeting.slide_title"))
        link = st.text_input(t("meeting.slide_link"), help=t("meeting.slide_link_help"))
        if st.form_submit_button(t("meeting.add")):
            url = deck.link_to_url(link) if link.strip() else since_last.view_url(where, selection)
            name = new_title.strip()
            if not name:
                area = headline.describe(selection, query("area_options"), category=False)
                name = f"{pages[where]} · {area}"
            try:
                changed = current.add(deck.Slide(name, url))
            except deck.DeckRefused as refused:
                refusal(refused)
            else:
                if save(changed):
                    st.rerun()
                stale_note()
    file_name = f"mote_{date.today():%Y-%m-%d}.json"
    st.download_button(t("meeting.export"), deck.to_json(current), file_name, "application/json")
    upload = st.file_uploader(t("meeting.import"), type=["json"], key="deck_upload")
    if upload is not None and st.session_state.get(IMPORTED) != upload.file_id:
        st.session_state[IMPORTED] = upload.file_id
        try:
            imported = deck.read_file(upload.name, upload.getvalue(), owner=uploads.owner())
        except deck.DeckRefused as refused:
            st.session_state[IMPORT_ERROR] = refused
        else:
            st.session_state[IMPORT_ERROR] = None
            if save(replace(imported, seen_load_id=current.seen_load_id, revision=current.revision)):
                st.rerun()
            stale_note()
    if st.session_state.get(IMPORT_ERROR):
        refusal(st.session_state[IMPORT_ERROR])


def refusal(refused: deck.DeckRefused) -> None:
    """A deck refusal as a list, every problem's text (which holds the file's words) escaped."""
    lines = "\n".join(f"- {md(p.text())}" for p in refused.problems)
    st.error(f"{t('deck.refused')}\n{lines}")


def since(current: deck.Deck, selection: Selection, present: bool) -> None:
    """What changed between two loads (by default: since the load the last meeting saw)."""
    st.header(t("meeting.since"))
    loads = query("meeting_loads")
    before, now = since_last.default_loads(current, loads)
    if now is None:
        st.caption(t("meeting.no_loads"))
        return
    ids = loads["load_id"].tolist()
    names = since_last.load_names(loads)
    left, right = st.columns(2)
    before = left.selectbox(t("meeting.from_load"), ids, index=ids.index(before), format_func=names.get)
    now = right.selectbox(t("meeting.to_load"), ids, index=ids.index(now), format_func=names.get)
    params = {**selection.as_params(), "from_load": before, "to_load": now}
    changes = since_last.since(params, run=lambda name, p: query(name, **p))
    lines = since_last.summary_lines(changes, selection.lang)
    # the lines are labels filled with the reference's municipality names and numbers
    st.markdown("\n".join(f"- {md(line)}" for line in lines) if lines else t("meeting.nothing"))
    if not changes.new_months.empty:
        summary = since_last.months_title(changes, selection.lang)
        figure = charts.style(
            months_figure(changes.new_months, summary, selection.lang), present=present, lang=selection.lang
        )
        sections.chart(
            figure, summary, changes.new_months, "mote_manader", selection, ("arrivals",), key="since"
        )
    if now != current.seen_load_id and roles.is_editor():
        st.button(
            t("meeting.mark_seen", load=int(now)), on_click=save, args=(replace(current, seen_load_id=now),)
        )
