"""Every hostile file through every way in, as a page shows it: the Data page's upload (AppTest),
Planering's weight file and Möte's deck import (``tests/hostile/test_command_line.py`` runs the same
files through the command line). Each ends in a coded refusal in words, or loads as it should;
nothing a page draws would link or fetch anything; and the process that answered (the server's part
of the work: the page, and what the reading process sent back) grew by at most 200 MB for it.

Growth is the process's peak resident memory while the file was answered, above what it held
before (the peak is reset before each file: ``/proc/self/clear_refs``). A file over the upload
limit never reaches a real server (Streamlit refuses it), so only files under it are measured.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import corpus
import pytest
from rendering import live

from reception.ingest import guard
from reception.meeting import deck
from reception.planning import from_store
from reception.planning.allocate import ScenarioRefused
from reception.store import documents

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))
from app_helpers import open_page  # noqa: E402

GROWTH_MB = 200
MB = 1 << 20
# words no one should read: an error's class or a reader's insides, or a label's field left unfilled
UNWORDED = re.compile(r"\{\w*\}|\w+Error\b|Exception|Traceback|Arrow|calamine|Panic|pyo3")


def status(field: str) -> int:
    """A memory figure of this process from /proc, in bytes."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise KeyError(field)


def grown_mb(run) -> float:
    """The most this process's resident memory rose above its level before ``run()``, in MB."""
    Path("/proc/self/clear_refs").write_text("5")  # the peak (VmHWM) starts again from now
    before = status("VmRSS")
    run()
    return (status("VmHWM") - before) / MB


def drawn(at) -> list[str]:
    """Every Markdown text the page drew."""
    kinds = ("title", "header", "subheader", "markdown", "caption", "error", "warning", "info", "success")
    return [element.value for kind in kinds for element in getattr(at, kind)]


def nothing_live(at) -> list[str]:
    return [f"{text[:80]!r}: {found}" for text in drawn(at) if (found := live(text))]


@pytest.fixture(scope="module")
def served(_demo_master, tmp_path_factory):
    """One store for the module, as one server has one (RECEPTION_DB points at it)."""
    path = tmp_path_factory.mktemp("every_way_in") / "reception.duckdb"
    documents.copy_store(_demo_master, path)
    before = os.environ.get("RECEPTION_DB")
    os.environ["RECEPTION_DB"] = str(path)
    yield path
    if before is None:
        os.environ.pop("RECEPTION_DB", None)
    else:
        os.environ["RECEPTION_DB"] = before


@pytest.fixture(scope="module")
def data_page(served):
    return open_page("pages/data.py")


CASES = corpus.CASES
IDS = [c.id for c in CASES]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_on_the_data_page(data_page, case):
    name, data = case.build()

    def upload() -> None:
        """The file previewed, and loaded when the preview lets it be (as a planner would click)."""
        data_page.file_uploader(key="uploads").set_value((name, data, "application/octet-stream")).run()
        button = [b for b in data_page.button if b.key == "upload_button"]
        if button and not button[0].disabled:
            button[0].click().run()

    growth = grown_mb(upload)
    assert not data_page.exception, data_page.exception
    if case.expect == "loaded":
        assert data_page.success or data_page.info, drawn(data_page)  # loaded, or loaded already
    elif data_page.error:  # refused: every problem in words
        assert data_page.error[0].value.startswith("Filen lästes inte in"), drawn(data_page)
        said = data_page.dataframe[0].value["Problem"].tolist()
        assert said and not [s for s in said if UNWORDED.search(s)], said
    else:  # not refused outright: the preview asks what the table is, and nothing can be loaded yet
        assert [b for b in data_page.button if b.key == "upload_button" and b.disabled], drawn(data_page)
        asked = " ".join(w.value for w in data_page.warning)
        assert asked and not UNWORDED.search(asked), drawn(data_page)
        assert not data_page.success, drawn(data_page)
    assert not nothing_live(data_page), nothing_live(data_page)
    if len(data) <= guard.UPLOAD.file_mb * MB:
        assert growth < GROWTH_MB, f"{case.id}: the page's process grew {growth:.0f} MB"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_as_planerings_weight_file(served, case):
    name, data = case.build()
    outcome = []

    def read() -> None:
        try:
            from_store.read_weights(name, "20", data, owner="weights")
        except ScenarioRefused as refused:
            outcome.append(refused)

    growth = grown_mb(read)
    assert outcome, f"{case.id} was read as a key for Dalarna"
    said = from_store.refusal(outcome[0], "en")
    assert not UNWORDED.search(said), said
    if len(data) <= guard.WEIGHTS.file_mb * MB:
        assert growth < GROWTH_MB, f"{case.id}: {growth:.0f} MB"


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_as_motes_deck_import(served, case):
    name, data = case.build()
    outcome = []

    def read() -> None:
        try:
            deck.read_file(name, data, owner="deck")
        except deck.DeckRefused as refused:
            outcome.append(refused)

    growth = grown_mb(read)
    assert outcome, f"{case.id} was read as a deck"
    said = outcome[0].message("en")
    assert not UNWORDED.search(said), said
    assert growth < GROWTH_MB, f"{case.id}: {growth:.0f} MB"


# --- where outside text is shown: a deck's titles, a weight file's names, a scenario's name -----


def test_a_decks_titles_and_links_are_drawn_as_text(served):
    title = corpus.LIVE[0] + " " + corpus.LIVE[3]
    slides = [{"title": text, "url": "/"} for text in corpus.LIVE]
    data = json.dumps({"format": deck.FORMAT, "version": 1, "title": title, "slides": slides}).encode()
    at = open_page("pages/mote.py")
    at.file_uploader(key="deck_upload").set_value(
        ("möte www.elsewhere.example.json", data, "application/json")
    )
    at.run()
    assert not at.exception and deck.load(served).title == title
    at = open_page("pages/mote.py")
    shown = " ".join(drawn(at))
    assert "pixel" in shown  # the title is there, as text
    assert not nothing_live(at), nothing_live(at)


def test_a_weight_files_name_and_unknown_names_are_drawn_as_text(served):
    at = open_page("pages/planering.py", lan="20", to="2026")
    at.radio(key="plan_key").set_value("file").run()
    name, data = corpus.live_names()
    at.file_uploader(key="plan_file").set_value(("![x](http:e.example) www.e.example.csv", data, "text/csv"))
    at.run()
    assert not at.exception
    assert "elsewhere" in at.error[0].value  # the unknown names are named
    assert not nothing_live(at), nothing_live(at)


def test_a_scenarios_name_is_drawn_as_text_at_save(served):
    at = open_page("pages/planering.py", lan="20", to="2026")
    at.text_input(key="plan_name").input(corpus.LIVE[0] + " " + corpus.LIVE[4]).run()
    at.button(key="plan_save").click().run()
    assert not at.exception
    assert at.success and "pixel" in at.success[0].value
    assert not nothing_live(at), nothing_live(at)
