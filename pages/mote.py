"""Möte: step through the meeting's saved views, and see what changed since the last meeting."""

from __future__ import annotations

import streamlit as st

from reception.i18n import t
from reception.meeting import deck
from reception.text import md
from reception.ui import meeting, page, roles
from reception.ui.handout import handout_button

selection = page("mote")
present = selection.present
current = deck.load()

if present:  # the slide fills what is left of a 1280x720 screen under the headings
    st.html(meeting.PRESENT_FRAME_CSS)
else:
    st.header(md(deck.shown_title(current.title)))
meeting.stale_note()
seconds = 0 if present else st.number_input(t("meeting.auto_seconds"), 0, 600, 0, step=5)
meeting.player(current, seconds, present)

if not present:
    with st.expander(t("meeting.edit")):
        if roles.require_editor("mote"):
            roles.signed_in_note("mote")
            meeting.editor(current, selection)

meeting.since(current, selection, present)
handout_button(current, selection)
