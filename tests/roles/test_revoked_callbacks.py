"""A page drawn for an editor, then the role revoked (a password set on the server): the buttons
still on that page must change nothing. Their callbacks check the role again when pressed."""

from __future__ import annotations

import pytest
from app_helpers import open_page

from reception import queries
from reception.meeting import deck
from reception.meeting.deck import Deck, Slide

TWO = Deck(title="Nätverksmöte GR", slides=(Slide("Riket", "/"), Slide("Mål", "/mal")))


def live_loads(path) -> list[int]:
    return queries.run("data_loads", {}, path).query("undone_at.isna()")["load_id"].tolist()


@pytest.fixture
def revoke(monkeypatch):
    """Lock the server after the page was drawn: from now on the session is no editor."""
    return lambda: monkeypatch.setenv("RECEPTION_EDITOR_PASSWORD", "satt efteråt")


def test_an_undo_confirmed_after_the_role_was_revoked_undoes_nothing(demo_store, revoke):
    at = open_page("pages/data.py")
    before = live_loads(demo_store)
    at.button(key="undo_button").click().run()  # asks first: the confirmation is drawn for an editor
    assert at.button(key="undo_yes")
    revoke()
    at.button(key="undo_yes").click().run()
    assert not at.exception
    assert live_loads(demo_store) == before


def test_a_redo_pressed_after_the_role_was_revoked_redoes_nothing(demo_store, revoke):
    at = open_page("pages/data.py")
    at.button(key="undo_button").click().run()
    at.button(key="undo_yes").click().run()  # as an editor: one load undone, so redo is drawn
    undone = live_loads(demo_store)
    revoke()
    at.button(key="redo_button").click().run()
    assert not at.exception
    assert live_loads(demo_store) == undone


def test_a_deck_edit_pressed_after_the_role_was_revoked_saves_nothing(demo_store, revoke):
    deck.save(TWO, demo_store)
    at = open_page("pages/mote.py")
    revoke()
    at.button(key="remove_0").click().run()
    assert not at.exception
    assert deck.load(demo_store).slides == TWO.slides
