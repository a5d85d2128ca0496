"""No amplification on the way back: what a file makes the reading process say is bounded there.

A 1.4 MB xlsx with a 2 MB sheet name and 120 bad rows made the server build 120 copies of the
name (2.44 GB), a deck of 10⁶ slides crashed the editor's tab, and a deck nested 200 000 levels
reached the page's generic error box. Now the reading process sends back at most 50 problems and
the count of the rest, every value it quotes cut to a line, and decks and kept documents are
measured (size, depth) before they are parsed.
"""

from __future__ import annotations

import json
import pickle
import sys
from pathlib import Path

import corpus
import pytest

from reception.ingest import IngestRefused, isolate
from reception.ingest.problems import MAX_SENT
from reception.meeting import deck
from reception.planning import from_store
from reception.planning.allocate import ScenarioRefused
from reception.store import documents
from reception.text import LINE

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "app"))
from app_helpers import open_page  # noqa: E402

DALARNA = ["Vansbro", "Malung-Sälen", "Gagnef", "Leksand", "Rättvik", "Orsa", "Älvdalen", "Smedjebacken",
           "Mora", "Falun", "Borlänge", "Säter", "Hedemora", "Avesta", "Ludvika"]  # fmt: skip


def texts(problem) -> list[str]:
    values = [problem.file, problem.sheet, problem.column, problem.value]
    values += [v for _, v in problem.fields if isinstance(v, str)]
    return [v for v in values if v is not None]


def test_a_refusal_of_many_problems_quoting_a_huge_name_crosses_back_small(store_path):
    name, data = corpus.long_sheet_name_with_bad_rows()
    with pytest.raises(IngestRefused) as refused:
        isolate.ingest(name, data, store_path=store_path)
    refusal = refused.value
    assert len(refusal.problems) == MAX_SENT
    assert refusal.count >= 120  # the rest are counted, not carried
    for problem in refusal.problems:
        assert all(len(text) <= LINE for text in texts(problem)), problem
    assert len(pickle.dumps(refusal)) < 64_000  # what crossed between the processes
    said = refusal.text("en")
    assert len(said) < 50_000 and f"and {refusal.count - MAX_SENT} more" in said


def test_a_preview_of_many_problems_crosses_back_small_and_counts_the_rest(store_path):
    """The guided import's preview is not a refusal, but it crosses between the processes the same way."""
    name, data = corpus.long_sheet_name_with_bad_rows()
    preview = isolate.preview(name, data, store_path=store_path)
    assert len(preview.problems) == MAX_SENT
    assert preview.problem_count >= 120 and not preview.loadable
    for problem in preview.problems:
        assert all(len(text) <= LINE for text in texts(problem)), problem
    assert len(pickle.dumps(preview)) < 64_000


def test_a_refusal_says_its_count_in_its_words_and_carries_no_text_of_its_own(store_path):
    """The message is worded when it is read (in the reader's language), never built when raised."""
    refusal = IngestRefused("f.csv", [])
    assert refusal.args == ("f.csv",)
    refusal = IngestRefused("f" * 10_000 + ".csv", [])
    assert len(refusal.file) == LINE


def test_a_deck_nested_200_000_levels_is_refused_before_it_is_parsed():
    data = b"[" * 200_000 + b"]" * 200_000
    with pytest.raises(deck.DeckRefused) as refused:
        deck.read_file("nested.json", data)  # in the reading process, as Möte and handout --deck read it
    assert [p.code for p in refused.value.problems] == ["too_deep"]
    assert refused.value.message("en") == (
        "Nothing has changed:\n- nested.json: lists and objects nest more than 16 levels deep;"
        " a meeting file has three (D19)."
    )


def test_a_deck_of_twenty_thousand_slides_is_refused_in_a_few_lines():
    slides = [{"title": f"<img src=x>{i}", "url": "http://x"} for i in range(20_000)]
    data = json.dumps({"format": deck.FORMAT, "version": 1, "title": "x", "slides": slides}).encode()
    assert len(data) < 1 << 20  # under the deck files' limit: parsed, then refused
    with pytest.raises(deck.DeckRefused) as refused:
        deck.read_file("many.json", data)
    problems = refused.value.problems
    assert len(problems) == deck.MAX_PROBLEMS + 1 and problems[-1].code == "more"
    assert len(pickle.dumps(refused.value)) < 64_000


def test_a_kept_deck_of_forty_thousand_slides_is_shown_as_its_first_hundred(demo_store):
    """Written beside the store by hand (the app writes no such deck)."""
    slides = [{"title": f"Bild {i}", "url": "/"} for i in range(40_000)]
    file = documents._file(deck.KIND, "main", demo_store)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(json.dumps({"name": "main", "revision": 1, "body": {"title": "x", "slides": slides}}))
    kept = deck.load(demo_store)
    assert len(kept.slides) == deck.MAX_SLIDES
    at = open_page("pages/mote.py")
    assert not at.exception and not at.error


def test_a_kept_document_nested_too_deep_is_shown_as_none_and_replaced_by_the_next_save(demo_store):
    file = documents._file(deck.KIND, "main", demo_store)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(b'{"name": "main", "revision": 3, "body": ' + b"[" * 200_000 + b"]" * 200_000 + b"}")
    kept = deck.load(demo_store)
    assert kept.slides == () and kept.revision == documents.BROKEN
    at = open_page("pages/mote.py")
    assert not at.exception and not at.error
    saved = deck.save(kept.add(deck.Slide("Riket", "/")), demo_store, expected=kept.revision)
    assert deck.load(demo_store).slides == saved.slides


def test_a_kept_document_larger_than_a_document_is_not_read(demo_store):
    file = documents._file(deck.KIND, "main", demo_store)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(b'{"name": "main", "revision": 1, "body": {"title": "' + b"x" * 3_000_000 + b'"}}')
    assert documents.read(deck.KIND, "main", demo_store) == (None, documents.BROKEN)
    assert documents.names(deck.KIND, demo_store) == []


def test_a_weight_written_with_400_digits_is_a_coded_refusal(demo_store):
    weights = "Kommun;Vikt\n" + "".join(f"{n};{'9' * 400 if n == 'Falun' else 1}\n" for n in DALARNA)
    with pytest.raises(ScenarioRefused) as refused:
        from_store.read_weights("vikter.csv", "20", weights.encode())
    assert refused.value.code == "file_weight"
    said = from_store.refusal(refused.value, "en")
    assert said.startswith("The weight for Falun (9999") and "…" in said and len(said) < 200


def test_a_weight_of_400_digits_on_planering_is_a_refusal_and_the_page_goes_on(demo_store):
    weights = "Kommun;Vikt\n" + "".join(f"{n};{'9' * 400 if n == 'Falun' else 1}\n" for n in DALARNA)
    at = open_page("pages/planering.py", lan="20", to="2026")
    at.radio(key="plan_key").set_value("file").run()
    at.file_uploader(key="plan_file").set_value(("vikter.csv", weights.encode(), "text/csv")).run()
    assert not at.exception
    assert "är för stor att räkna med" in at.error[0].value
