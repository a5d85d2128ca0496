"""The Möte page under AppTest on the demo store: stepping, editing, import, since the last meeting."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from reception import queries, store
from reception.meeting import deck
from reception.meeting.deck import Deck, Slide
from reception.store import loadlog, writer
from reception.text import WORD_JOINER

TWO = Deck(
    title="Nätverksmöte GR",
    slides=(Slide("Riket", "/"), Slide("Mål i GR", "/mal?region=G%C3%B6teborgsregionen")),
)


def run(**query) -> AppTest:
    """The app opened with the URL's query parameters, then switched to the Möte page."""
    at = AppTest.from_file(str(store.ROOT / "app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    return at.switch_page("pages/mote.py").run()


def slide_heading(at: AppTest) -> str:
    return next(h.value for h in at.subheader if " / " in h.value)


@pytest.fixture
def two_slides(demo_store):
    deck.save(TWO, demo_store)
    return demo_store


def test_an_empty_deck_says_how_to_start(demo_store):
    deck.save(Deck(), demo_store)  # the demo comes with a sample deck
    at = run()
    assert not at.exception
    assert any("inga bilder" in i.value for i in at.info)


def test_next_and_previous_step_round_the_deck(two_slides):
    at = run()
    assert not at.exception
    assert [h.value for h in at.header][0] == "Nätverksmöte GR"
    assert slide_heading(at) == "1 / 2 · Riket"
    at.button(key="deck_next").click().run()
    assert slide_heading(at) == "2 / 2 · Mål i GR"
    at.button(key="deck_next").click().run()
    assert slide_heading(at) == "1 / 2 · Riket"
    at.button(key="deck_previous").click().run()
    assert slide_heading(at) == "2 / 2 · Mål i GR"


def test_adding_the_current_view_keeps_the_selection_in_the_slide(two_slides):
    at = run(region="Göteborgsregionen", to="2026")
    form_select = next(s for s in at.selectbox if s.label == "Sida")
    form_select.set_value("/mal")
    next(b for b in at.button if b.label == "Lägg till bild").click().run()
    assert not at.exception
    added = deck.load(two_slides).slides[-1]
    assert added.url == "/mal?region=G%C3%B6teborgsregionen"
    assert added.title.startswith("Mottagna mot mål · Göteborgsregionen")


def test_a_bad_deck_file_is_refused_in_swedish_and_changes_nothing(two_slides):
    at = run()
    body = json.loads(deck.to_json(TWO))
    body["slides"][0]["url"] = "https://example.org/"
    at.file_uploader[0].set_value(("mote.json", json.dumps(body).encode(), "application/json")).run()
    assert any("bild 1" in e.value and "utanför appen" in e.value for e in at.error)
    assert deck.load(two_slides) == TWO


def test_a_good_deck_file_replaces_the_deck(two_slides):
    at = run()
    other = Deck(title="Dalarna", slides=(Slide("Pilot", "/?region=Dalarnas+pilotgrupp"),))
    at.file_uploader[0].set_value(("dalarna.json", deck.to_json(other), "application/json")).run()
    assert not at.exception
    assert deck.load(two_slides).slides == other.slides


def test_presenting_shows_the_deck_without_the_editor(two_slides):
    at = run(present="1")
    assert not at.exception
    assert slide_heading(at) == "1 / 2 · Riket"
    assert not at.expander
    assert not at.number_input


def test_marking_the_meeting_held_remembers_the_newest_load(two_slides):
    at = run()
    mark = next(b for b in at.button if b.label.startswith("Markera inläsning"))
    mark.click().run()
    newest = deck.load(two_slides).seen_load_id
    to_load = next(s for s in at.selectbox if s.label == "Till inläsning")
    assert newest == to_load.value == queries.run("meeting_loads", {}, two_slides)["load_id"].max()


def test_since_the_last_meeting_lists_a_revised_kommuntal_and_charts_the_new_month(two_slides):
    october = queries.run("meeting_loads", {}, two_slides)["load_id"].max()
    with writer.write(two_slides) as con:
        load_id = loadlog.new_load(con, source="kommuntal_nov.xlsx", dataset="targets", rows=2)
        con.execute("insert into fact_target values (?, 2026, '1440', 'settlement', 20, null)", [load_id])
        con.execute(
            """insert into fact_arrivals_ytd
               select ?, 2026, 11, kommun_kod, category, persons + 2, null
               from arrivals_ytd where year = 2026 and as_of_month = 10 and kommun_kod = '1440'""",
            [load_id],
        )
    at = run(region="Göteborgsregionen")
    assert not at.exception
    changes = re.sub(r"\\(.)", r"\1", " ".join(m.value for m in at.markdown)).replace(WORD_JOINER, "")
    assert "Ale: kommuntal 2026 12 → 20" in changes
    assert f"{october} ·" in next(s for s in at.selectbox if s.label == "Från inläsning").format_func(october)
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert figure["layout"]["title"]["text"] == "1 ny månad sedan förra mötet"


def test_the_page_asks_meeting_since_for_the_changes(two_slides, monkeypatch):
    from reception.meeting import since_last

    asked = []
    real = since_last.since

    def since(params, path=None, run=None):
        asked.append((params["from_load"], params["to_load"]))
        return real(params, path, run)

    monkeypatch.setattr(since_last, "since", since)
    at = run()
    assert not at.exception
    to_load = next(s for s in at.selectbox if s.label == "Till inläsning").value
    assert asked and asked[-1][1] == to_load
