"""The meeting deck: editing, keeping it beside the store with a revision check, and its JSON file."""

from __future__ import annotations

import json

import pytest

from reception import store
from reception.meeting import deck
from reception.meeting.deck import Deck, DeckRefused, DeckStale, Slide
from reception.store import writer

GR_2026 = Slide("Göteborgsregionen 2026", "/?ar=2026&omrade=G%C3%B6teborgsregionen")
RIKET = Slide("Hela riket", "/?ar=2026")
DALARNA = Slide("Dalarna", "/?omrade=Dalarnas+l%C3%A4n")


def three() -> Deck:
    return Deck(title="Nätverksmöte GR").add(GR_2026).add(RIKET).add(DALARNA)


def test_slides_keep_the_order_they_were_added_in():
    assert [s.title for s in three().slides] == ["Göteborgsregionen 2026", "Hela riket", "Dalarna"]


def test_move_reorders_and_stops_at_either_end():
    d = three()
    assert [s.title for s in d.move(2, -1).slides] == ["Göteborgsregionen 2026", "Dalarna", "Hela riket"]
    assert [s.title for s in d.move(0, -1).slides] == [s.title for s in d.slides]
    assert [s.title for s in d.move(0, 5).slides] == ["Hela riket", "Dalarna", "Göteborgsregionen 2026"]


def test_remove_takes_out_only_that_slide():
    assert three().remove(1).slides == (GR_2026, DALARNA)


def test_step_wraps_round_in_both_directions():
    assert deck.step(2, 3, +1) == 0
    assert deck.step(0, 3, -1) == 2
    assert deck.step(1, 3, +1) == 2
    assert deck.step(0, 0, +1) == 0


def test_a_new_store_has_an_empty_deck(store_path):
    assert deck.load(store_path) == Deck()


def test_the_saved_deck_is_what_the_next_meeting_opens(store_path):
    saved = Deck(title="Nätverksmöte GR", slides=three().slides, seen_load_id=1)
    deck.save(saved, store_path)
    assert deck.load(store_path) == saved


def test_saving_again_replaces_the_deck(store_path):
    deck.save(three(), store_path)
    deck.save(three().remove(0).move(1, -1), store_path)
    assert deck.load(store_path).slides == (DALARNA, RIKET)


def test_saving_the_deck_leaves_the_store_file_and_the_data_version_alone(store_path):
    version, data = store.data_version(store_path), store_path.read_bytes()
    saved = deck.save(three(), store_path)
    deck.save(saved.move(2, -1), store_path, expected=saved.revision)
    assert store.data_version(store_path) == version
    assert store_path.read_bytes() == data
    assert deck.load(store_path).slides == (GR_2026, DALARNA, RIKET)


def test_a_stale_save_is_refused_and_carries_the_current_deck(store_path):
    mine = deck.save(three(), store_path)  # both editors open revision 1
    theirs = deck.load(store_path)
    deck.save(theirs.remove(0), store_path, expected=theirs.revision)
    with pytest.raises(DeckStale) as stale:
        deck.save(mine.move(0, 1), store_path, expected=mine.revision)
    assert stale.value.current.slides == (RIKET, DALARNA)
    assert stale.value.current.revision == 2
    assert deck.load(store_path).slides == (RIKET, DALARNA)  # their change is kept, not overwritten
    assert stale.value.message("en").startswith("Someone changed the deck")
    assert stale.value.message("sv").startswith("Någon annan har ändrat mötet")


def test_a_deck_in_the_old_store_tables_is_read_until_it_is_saved_anew(store_path):
    with writer.write(store_path) as con:  # as the store kept it before decks became documents
        con.execute("insert into meeting_deck values ('main', 'Gammalt möte', 3, now())")
        con.execute("insert into meeting_slide values ('main', 1, 'Hela riket', '/?ar=2026')")
    old = deck.load(store_path)
    assert old == Deck(title="Gammalt möte", slides=(RIKET,), seen_load_id=3)
    deck.save(old.add(DALARNA), store_path, expected=old.revision)
    assert deck.load(store_path).slides == (RIKET, DALARNA)


def test_json_file_round_trips_title_and_slides():
    d = three()
    assert deck.from_json(deck.to_json(d)) == Deck(title=d.title, slides=d.slides)


def test_json_file_is_readable_utf8_with_the_format_named():
    body = json.loads(deck.to_json(three()).decode("utf-8"))
    assert body["format"] == "reception-meeting-deck"
    assert body["slides"][0] == {"title": "Göteborgsregionen 2026", "url": GR_2026.url}


def test_a_file_that_is_not_json_is_refused_in_swedish():
    with pytest.raises(DeckRefused, match="inte en JSON-fil"):
        deck.from_json(b"\xff\xfe not json", "mote.json")


def test_json_from_something_else_is_refused():
    with pytest.raises(DeckRefused, match="inte en mötesfil"):
        deck.from_json(json.dumps({"slides": []}).encode())


def test_every_bad_slide_is_named_with_its_number():
    body = {
        "format": "reception-meeting-deck",
        "version": 1,
        "title": "Möte",
        "slides": [
            {"title": "Bra", "url": "/?ar=2026"},
            {"title": "", "url": "/?ar=2026"},
            {"title": "Utanför", "url": "https://example.org/phish"},
            {"title": "Okänd sida", "url": "/finnsinte?ar=2026"},
            {"title": "Skript", "url": '/?ar="><script>'},
            "bara text",
        ],
    }
    with pytest.raises(DeckRefused) as refused:
        deck.from_json(json.dumps(body).encode(), "mote.json")
    problems = [p.text("sv") for p in refused.value.problems]
    assert len(problems) == 5
    assert problems[0].startswith("mote.json, bild 2: rubriken saknas")
    assert "bild 3" in problems[1] and "utanför appen" in problems[1]
    assert "bild 4" in problems[2] and "'/finnsinte'" in problems[2]
    assert "bild 5" in problems[3]
    assert "bild 6" in problems[4]
    assert str(refused.value).startswith("Inget har ändrats:")


def test_protocol_relative_links_count_as_outside_the_app():
    assert "utanför appen" in deck.slide_problems(Slide("x", "//example.org/"))[0].text("sv")


def test_refused_import_leaves_the_stored_deck_unchanged(store_path):
    deck.save(three(), store_path)
    bad = deck.to_json(three()).replace(b'"/?ar=2026"', b'"javascript:alert(1)"')
    with pytest.raises(DeckRefused):
        deck.save(deck.from_json(bad), store_path)
    assert deck.load(store_path).slides == three().slides


def test_adding_a_bad_slide_is_refused():
    with pytest.raises(DeckRefused, match="finns inte i appen"):
        Deck().add(Slide("Fel", "/nej"))


def test_a_link_copied_from_the_browser_becomes_a_path_in_this_app():
    url = deck.link_to_url("http://localhost:8501/?ar=2026&omrade=Göteborgsregionen")
    assert url == "/?ar=2026&omrade=G%C3%B6teborgsregionen"
    assert deck.slide_problems(Slide("GR", url)) == []


def test_refusals_are_said_in_english_too():
    with pytest.raises(DeckRefused) as refused:
        deck.from_json(b"\xff not json", "mote.json")
    assert refused.value.message("en").startswith("Nothing has changed:\n- mote.json is not a JSON file (D10")
    assert "leads outside the app" in deck.slide_problems(Slide("x", "https://a.example/"))[0].text("en")


def test_a_deck_never_renamed_is_titled_in_the_readers_language():
    assert deck.shown_title(Deck().title, "en") == "Network meeting"
    assert deck.shown_title(Deck().title, "sv") == "Nätverksmöte"
    assert deck.shown_title("Nätverksmöte GR", "en") == "Nätverksmöte GR"  # the planner's own title
