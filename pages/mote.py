"""Möte: step through the meeting's saved views, and see what changed since the last meeting."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date

import streamlit as st

from reception import charts, deck, meeting
from reception.i18n import t
from reception.ui import DECK_PRESENT_CSS, NAV, heading, page, query, sections
from reception.ui.handout import handout_button

selection = page("mote")
lang, present = selection.lang, selection.present
current = deck.load()
slides = current.slides


def save(changed: deck.Deck) -> None:
    deck.save(changed)


def go(offset: int) -> None:
    st.session_state.slide = deck.step(st.session_state.get("slide", 0), len(slides), offset)
    st.session_state.slide_shown_at = time.monotonic()


if present:  # the slide fills what is left of a 1280x720 screen under the headings
    st.html(DECK_PRESENT_CSS)
else:
    st.header(current.title)
seconds = 0 if present else st.number_input(t("meeting.auto_seconds"), 0, 600, 0, step=5)


@st.fragment(run_every=seconds or None)
def player() -> None:
    """The current slide between ← and → (also the arrow keys); advances by itself when asked to."""
    if not slides:
        st.info(t("meeting.empty"))
        return
    if seconds and time.monotonic() - st.session_state.get("slide_shown_at", 0) >= seconds - 0.5:
        go(+1)
    index = st.session_state.get("slide", 0) % len(slides)
    slide = slides[index]
    back, heading, forward = st.columns([1, 6, 1], vertical_alignment="center")
    back.button(t("meeting.previous"), shortcut="Left", on_click=go, args=(-1,), key="deck_previous")
    forward.button(t("meeting.next"), shortcut="Right", on_click=go, args=(+1,), key="deck_next")
    heading.subheader(f"{index + 1} / {len(slides)} · {slide.title}")
    src = meeting.slide_src(slide)
    if src is None:
        st.error(t("meeting.bad_slide"))
    else:
        st.iframe(src, height=900 if present else 760, tab_index=-1, alt=slide.title)


player()


def editor() -> None:
    """Rename, reorder, remove and add slides; save the deck as a file or open one."""
    title = st.text_input(t("meeting.deck_title"), current.title)
    if title.strip() and title != current.title:
        save(replace(current, title=title.strip()))
        st.rerun()
    for i, slide in enumerate(slides):
        text, up, down, out = st.columns([8, 1, 1, 1], vertical_alignment="center")
        text.markdown(f"**{i + 1}. {slide.title}**  \n`{slide.url}`")
        up.button("↑", key=f"up_{i}", help=t("meeting.up"), on_click=save, args=(current.move(i, -1),))
        down.button("↓", key=f"down_{i}", help=t("meeting.down"), on_click=save, args=(current.move(i, +1),))
        out.button("✕", key=f"remove_{i}", help=t("meeting.remove"), on_click=save, args=(current.remove(i),))
    with st.form("add_slide", clear_on_submit=True):
        pages = {meeting.page_path(file): t(key) for file, key in NAV}
        where = st.selectbox(t("meeting.add_page"), list(pages), format_func=pages.get)
        new_title = st.text_input(t("meeting.slide_title"))
        link = st.text_input(t("meeting.slide_link"), help=t("meeting.slide_link_help"))
        if st.form_submit_button(t("meeting.add")):
            url = deck.link_to_url(link) if link.strip() else meeting.view_url(where, selection)
            name = new_title.strip() or f"{pages[where]} · {heading(selection, query('area_options'))}"
            try:
                save(current.add(deck.Slide(name, url)))
                st.rerun()
            except deck.DeckRefused as refused:
                st.error(str(refused))
    file_name = f"mote_{date.today():%Y-%m-%d}.json"
    st.download_button(t("meeting.export"), deck.to_json(current), file_name, "application/json")
    upload = st.file_uploader(t("meeting.import"), type=["json"], key="deck_upload")
    if upload is not None and st.session_state.get("deck_imported") != upload.file_id:
        st.session_state.deck_imported = upload.file_id
        try:
            imported = deck.from_json(upload.getvalue(), upload.name)
        except deck.DeckRefused as refused:
            st.session_state.deck_import_error = str(refused)
        else:
            st.session_state.deck_import_error = None
            save(replace(imported, seen_load_id=current.seen_load_id))
            st.rerun()
    if st.session_state.get("deck_import_error"):
        st.error(st.session_state.deck_import_error)


if not present:
    with st.expander(t("meeting.edit")):
        editor()

st.header(t("meeting.since"))
loads = query("meeting_loads")
before, now = meeting.default_loads(current, loads)
if now is None:
    st.caption(t("meeting.no_loads"))
    st.stop()
ids = loads["load_id"].tolist()
names = {r.load_id: f"{r.load_id} · {r.source} · {r.loaded_at:%Y-%m-%d %H:%M}" for r in loads.itertuples()}
left, right = st.columns(2)
before = left.selectbox(t("meeting.from_load"), ids, index=ids.index(before), format_func=names.get)
now = right.selectbox(t("meeting.to_load"), ids, index=ids.index(now), format_func=names.get)
changes = meeting.Changes(
    *(query(name, selection, from_load=before, to_load=now) for name in meeting.QUERIES)
)

lines = meeting.summary_lines(changes, lang)
st.markdown("\n".join(f"- {line}" for line in lines) if lines else t("meeting.nothing"))
if not changes.new_months.empty:
    figure = charts.style(meeting.months_figure(changes, lang), present=present, lang=lang)
    summary = meeting.months_title(changes, lang)
    sections.chart(figure, summary, changes.new_months, "mote_manader", selection, ("arrivals",), key="since")
if not present and now != current.seen_load_id:
    st.button(t("meeting.mark_seen", load=now), on_click=save, args=(replace(current, seen_load_id=now),))
handout_button(current, selection)
