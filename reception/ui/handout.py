"""The Möte page's handout button: the deck as a PDF, made when it is clicked (a few seconds)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from reception.i18n import t
from reception.meeting import handout
from reception.meeting.deck import Deck
from reception.selection import Selection


def handout_button(current: Deck, selection: Selection) -> None:
    """'Ladda ner utdelning (PDF)' for the deck, in the page's language; nothing while presenting.

    The PDF is built on the click, in Streamlit's download thread, not on every rerun of the page;
    the browser that draws its charts is started when the button is first drawn.
    """
    if selection.present or not current.slides:
        return
    handout.BROWSER.warm()  # started while the user reads the page: the click then only draws
    lang = selection.lang

    def make() -> bytes:
        return handout.build(current, lang)

    st.download_button(
        t("handout.download"),
        make,
        file_name=f"utdelning_{date.today():%Y-%m-%d}.pdf",
        mime="application/pdf",
        help=t("handout.download_help"),
        icon=":material/picture_as_pdf:",
        key="handout_pdf",
        on_click="ignore",
    )
