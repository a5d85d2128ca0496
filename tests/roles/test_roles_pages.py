"""Who may change things, on the pages under AppTest (the demo store).

With RECEPTION_EDITOR_PASSWORD set, the Data and Möte pages show no uploader, undo, redo or deck
edit control until the password is entered; a wrong one unlocks nothing; a presentation link
shows none. Without a password, on 127.0.0.1 (the shipped config) the local user is the editor;
bound to every interface, the app is read-only and says why.
"""

from __future__ import annotations

import pandas as pd
import pytest
from app_helpers import open_page, shown
from streamlit import config
from streamlit.testing.v1 import AppTest

from reception import queries, store
from reception.meeting import deck
from reception.meeting.deck import Deck, Slide
from reception.store import loadlog, writer
from reception.text import md

PASSWORD = "korrekt häst batteri"
TWO = Deck(title="Nätverksmöte GR", slides=(Slide("Riket", "/"), Slide("Mål", "/mal")))


run = open_page  # the pages as tests/app opens them


@pytest.fixture
def password(monkeypatch):
    monkeypatch.setenv("RECEPTION_EDITOR_PASSWORD", PASSWORD)
    return PASSWORD


@pytest.fixture
def every_interface():
    """The server bound to every interface (Streamlit's default when no address is set)."""
    before = config.get_option("server.address")
    config.set_option("server.address", "0.0.0.0")
    yield
    config.set_option("server.address", before)


@pytest.fixture
def two_slides(demo_store):
    deck.save(TWO, demo_store)
    return demo_store


def data_controls(at: AppTest) -> set[str]:
    """The change controls the Data page shows."""
    shown = {"uploader"} if any(u.key == "uploads" for u in at.get("file_uploader")) else set()
    keys = {b.key for b in at.button}
    return shown | {k for k in ("undo_button", "undo_yes", "redo_button", "upload_button") if k in keys}


def deck_controls(at: AppTest) -> set[str]:
    """The change controls the Möte page shows: the deck editor and the 'seen' marker."""
    shown = {"deck_upload"} if any(u.key == "deck_upload" for u in at.get("file_uploader")) else set()
    shown |= {"title"} if any(i.label == "Mötets namn" for i in at.text_input) else set()
    shown |= {b.key for b in at.button if b.key and b.key.startswith(("up_", "down_", "remove_"))}
    shown |= {"add"} if any(b.label == "Lägg till bild" for b in at.button) else set()
    shown |= {"mark_seen"} if any(b.label.startswith("Markera inläsning") for b in at.button) else set()
    return shown


def unlock(at: AppTest, given: str) -> AppTest:
    at.text_input(key="editor_password_input").input(given)
    next(b for b in at.button if b.label == "Lås upp").click().run()
    assert not at.exception
    return at


def test_with_a_password_the_data_page_shows_no_change_control_until_it_is_given(demo_store, password):
    at = run("pages/data.py")
    assert data_controls(at) == set()
    assert at.text_input(key="editor_password_input").label == "Redaktörens lösenord"
    unlock(at, "korrekt häst")
    assert data_controls(at) == set()
    assert any("Fel lösenord (R1)" in e.value for e in at.error)
    unlock(at, password)
    assert {"uploader", "undo_button"} <= data_controls(at)
    assert not at.error


def test_with_a_password_the_meeting_page_shows_no_edit_control_until_it_is_given(two_slides, password):
    at = run("pages/mote.py")
    assert deck_controls(at) == set()
    unlock(at, "fel")
    assert deck_controls(at) == set()
    unlock(at, password)
    assert {"deck_upload", "title", "up_0", "down_1", "remove_0", "add", "mark_seen"} <= deck_controls(at)


def test_a_presentation_link_shows_no_change_control_even_to_an_editor(two_slides):
    # no password, on 127.0.0.1: the local user is an editor, yet the shared screen shows nothing
    assert data_controls(run("pages/data.py", present="1")) == set()
    at = run("pages/mote.py", present="1")
    assert deck_controls(at) == set()
    assert not at.text_input  # no sign-in form on a shared screen either


def test_without_a_password_on_this_machine_the_local_user_is_the_editor(two_slides):
    assert {"uploader", "undo_button"} <= data_controls(run("pages/data.py"))
    assert {"deck_upload", "title", "mark_seen"} <= deck_controls(run("pages/mote.py"))


def test_bound_to_every_interface_without_a_password_it_is_read_only_and_says_why(
    two_slides, every_interface
):
    at = run("pages/data.py")
    assert data_controls(at) == set()
    assert any("Skrivskyddad (R3)" in i.value for i in at.info)
    assert deck_controls(run("pages/mote.py")) == set()


def test_bound_to_every_interface_a_password_still_unlocks(demo_store, every_interface, password):
    at = unlock(run("pages/data.py"), password)
    assert "uploader" in data_controls(at)


def test_the_demo_button_of_an_empty_store_needs_an_editor(store_path, password):
    at = run("app.py")
    assert not [b for b in at.button if b.key == "empty_load_demo"]
    at = unlock(run("pages/data.py"), password)
    assert [b for b in at.button if b.key == "empty_load_demo"]


def test_undo_asks_first_and_redo_brings_the_load_back_and_both_are_recorded(demo_store, password):
    at = unlock(run("pages/data.py"), password)
    at.selectbox(key="undo_pick").set_value(3).run()
    at.button(key="undo_button").click().run()
    assert at.warning and "Ångra inläsning 3" in at.warning[0].value
    at.button(key="undo_no").click().run()  # cancelled: nothing changed
    assert pd.isna(queries.run("data_loads", {}, demo_store).set_index("load_id").loc[3, "undone_at"])
    at.button(key="undo_button").click().run()
    at.button(key="undo_yes").click().run()
    row = queries.run("data_loads", {}, demo_store).set_index("load_id").loc[3]
    assert pd.notna(row["undone_at"]) and row["undone_by"] == "editor"
    at.selectbox(key="redo_pick").set_value(3).run()
    at.button(key="redo_button").click().run()
    assert not at.exception
    row = queries.run("data_loads", {}, demo_store).set_index("load_id").loc[3]
    assert pd.isna(row["undone_at"]) and pd.isna(row["undone_by"])
    assert pd.notna(row["redone_at"]) and row["redone_by"] == "editor"


def test_an_upload_records_who_loaded_it(demo_store, password):
    at = unlock(run("pages/data.py"), password)
    kommuntal = "Kommuntal 2027\n\nKommun;Kommuntal;Anvisade\nSTOCKHOLM;1\u00a0200;..\nMALUNG;7;3\n".encode()
    at.get("file_uploader")[0].set_value(("kommuntal_2027.csv", kommuntal, "text/csv")).run()
    next(b for b in at.button if b.label == "Läs in").click().run()
    newest = queries.run("data_loads", {}, demo_store).iloc[0]
    assert (newest["source"], newest["loaded_by"]) == ("kommuntal_2027.csv", "editor")


def test_a_stale_deck_edit_in_one_session_is_refused_and_shows_the_current_deck(two_slides):
    first, second = run("pages/mote.py"), run("pages/mote.py")
    second.button(key="remove_0").click().run()  # the second editor removes 'Riket'
    assert deck.load(two_slides).slides == (Slide("Mål", "/mal"),)
    first.button(key="down_0").click().run()  # the first still sees two slides and moves one
    assert not first.exception
    assert any("Någon annan har ändrat mötet (D1)" in w.value for w in first.warning)
    assert deck.load(two_slides).slides == (Slide("Mål", "/mal"),)  # the second's change is kept
    assert [b.key for b in first.button if b.key and b.key.startswith("remove_")] == ["remove_0"]


def test_a_deck_edit_leaves_the_store_and_its_data_version_alone(two_slides):
    version = store.data_version(two_slides)
    at = run("pages/mote.py")
    at.button(key="down_0").click().run()
    assert deck.load(two_slides).slides[0].title == "Mål"
    assert store.data_version(two_slides) == version


def test_titles_from_a_deck_are_shown_as_text_not_fetched(demo_store):
    image = "![x](http://elsewhere.example/pixel.png)"
    deck.save(Deck(title=image, slides=(Slide(image, "/"),)), demo_store)
    at = run("pages/mote.py")
    assert at.header[0].value == md(image)
    assert md(image) in next(h.value for h in at.subheader if " / " in h.value)
    bodies = [m.value for m in (*at.header, *at.subheader, *at.markdown, *at.caption)]
    assert not [b for b in bodies if "![" in b or "](http" in b]


def test_a_file_name_in_the_source_line_is_shown_as_text(demo_store):
    name = "![x](http://elsewhere.example/p.png).xlsx"
    with writer.write(demo_store) as con:
        load_id = loadlog.new_load(con, source=name, dataset="targets", rows=1)
        con.execute("insert into fact_target values (?, 2026, '1440', 'settlement', 20, null)", [load_id])
    at = run("pages/mal.py")
    sources = [c.value for c in at.caption if c.value.startswith("Källa:")]
    assert sources and any(md(name) in s for s in sources)  # the länstal chart names its own file
    assert not [s for s in sources if "![" in s or "](http" in s]


@pytest.fixture
def single_sign_on(monkeypatch, every_interface):
    """Sign-in configured (an [auth] section) and one editor listed; the test says who is signed in."""
    secrets = {"auth": {"client_id": "x"}, "editors": ["Anna@Kommun.se"]}
    monkeypatch.setattr("reception.ui.roles._secret", secrets.get)
    signed_in = {"email": None}
    monkeypatch.setattr("reception.ui.roles._email", lambda: signed_in["email"])
    return signed_in


def test_with_sign_in_only_a_listed_email_is_an_editor_and_the_history_names_it(demo_store, single_sign_on):
    at = run("pages/data.py")
    assert data_controls(at) == set()
    assert any(b.label == "Logga in" for b in at.button)
    single_sign_on["email"] = "eve@elsewhere.example"
    at = run("pages/data.py")
    assert data_controls(at) == set()
    assert any("eve@elsewhere.example får inte ändra här (R2)" in shown(w.value) for w in at.warning)
    single_sign_on["email"] = "anna@kommun.se"
    at = run("pages/data.py")
    assert {"uploader", "undo_button"} <= data_controls(at)
    at.selectbox(key="undo_pick").set_value(3).run()
    at.button(key="undo_button").click().run()
    at.button(key="undo_yes").click().run()
    assert (
        queries.run("data_loads", {}, demo_store).set_index("load_id").loc[3, "undone_by"] == "anna@kommun.se"
    )
