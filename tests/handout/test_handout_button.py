"""The Möte page offers the deck as a PDF handout, in the page's language, and not while presenting."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from reception import store
from reception.meeting import deck
from reception.meeting.deck import Deck


def mote(**query) -> AppTest:
    at = AppTest.from_file(str(store.ROOT / "app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page("pages/mote.py").run()


def handout_buttons(at: AppTest) -> list:
    return [b for b in at.get("download_button") if "PDF" in b.proto.label]


def test_the_sample_deck_can_be_taken_away_as_a_pdf(demo_store):
    at = mote()
    assert not at.exception
    assert [b.proto.label for b in handout_buttons(at)] == ["Ladda ner utdelning (PDF)"]
    assert handout_buttons(mote(lang="en"))[0].proto.label == "Download handout (PDF)"


def test_no_handout_button_without_slides_or_while_presenting(demo_store):
    assert handout_buttons(mote(present="1")) == []
    deck.save(Deck(), demo_store)
    assert handout_buttons(mote()) == []
