"""One way in for every outside file: each uploader and each command-line file is read in a child.

The code is walked for every ``file_uploader`` (by its key) and every command-line argument; each
must be one this test drives. The readers that would run in the server's own process are made to
fail here, so a file that reaches one of them fails its case: what the page or the command shows
can only come from the child (the fork server imports the modules afresh, without these patches).
"""

from __future__ import annotations

import ast
import sys
import threading
import time
from pathlib import Path

import corpus
import pytest
from python_multipart.multipart import MultipartParser

from reception import __main__ as cli
from reception.ingest import IngestRefused, guard, isolate
from reception.meeting import deck
from reception.planning import from_store

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "app"))
from app_helpers import open_page, shown  # noqa: E402

WEIGHTS_CSV = "Kommun;Vikt\n" + "".join(
    f"{name};{i + 1}\n"
    for i, name in enumerate(
        [
            "Vansbro",
            "Malung-Sälen",
            "Gagnef",
            "Leksand",
            "Rättvik",
            "Orsa",
            "Älvdalen",
            "Smedjebacken",
            "Mora",
            "Falun",
            "Borlänge",
            "Säter",
            "Hedemora",
            "Avesta",
            "Ludvika",
        ]
    )
)
DECK_JSON = deck.to_json(deck.Deck("Importerat", (deck.Slide("Riket", "/"),)))
# a sheet whose far corner is written with single quotes: 1.5 KB that makes calamine ask for 512 GiB
FAR_CORNER = corpus.xlsx(
    [
        corpus.sheet_xml(
            "<row r='1'><c r='A1' t='inlineStr'><is><t>Kommun</t></is></c></row>"
            "<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>",
        )
    ]
)


def _uploaders() -> set[str]:
    """The key of every file_uploader call in the app's code."""
    keys = set()
    for path in [ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("reception/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "file_uploader":
                key = next((k.value for k in node.keywords if k.arg == "key"), None)
                assert isinstance(key, ast.Constant), f"{path.name}: a file_uploader without a fixed key"
                keys.add(key.value)
    return keys


def _arguments() -> dict[str, set[str]]:
    """Every command-line argument, by subcommand (the top level under '')."""
    found: dict[str, set[str]] = {}
    for action in cli.parser()._actions:
        if hasattr(action, "choices") and isinstance(action.choices, dict):
            for command, sub in action.choices.items():
                found[command] = {a.dest for a in sub._actions if a.dest != "help"}
        elif action.dest not in ("help", "command"):
            found.setdefault("", set()).add(action.dest)
    return found


# what each argument is: a file the command reads (driven below), a file it writes, or no file
READS = {("ingest", "path"), ("handout", "deck"), ("scenario", "key")}
WRITES = {("export", "out"), ("handout", "out"), ("scenario", "out")}
STORE = {("", "db")}
NOT_FILES = {
    ("", "lang"),
    ("ingest", "dataset"),
    ("ingest", "year"),
    ("ingest", "month"),
    ("ingest", "recipe"),  # a saved recipe's name: a document beside the store, not a file
    ("ingest", "dry_run"),
    ("recipes", "remove"),
    ("undo", "load_id"),
    ("export", "view"),
    ("export", "format"),
    ("handout", "page"),
    ("scenario", "year"),
    ("scenario", "county"),
    ("scenario", "total"),
    ("scenario", "national"),
    ("", "debug"),
    # --lang and --debug are taken after any subcommand too
    *((command, flag)
      for command in ("demo", "ingest", "recipes", "loads", "undo", "export", "handout", "scenario")
      for flag in ("lang", "debug")),
}  # fmt: skip
UPLOADERS = {"uploads", "plan_file", "deck_upload"}  # each driven by a test below


@pytest.fixture
def no_reading_here(monkeypatch):
    """Every reader of outside files fails in this process: only a child can have read the file."""

    def refuse(*args, **kwargs):
        raise AssertionError("an outside file was read in the server's own process")

    monkeypatch.setattr("reception.ingest.read.read", refuse)
    monkeypatch.setattr("reception.meeting.deck.from_json", refuse)
    monkeypatch.setattr("reception.planning.weights.read_weights", refuse)
    monkeypatch.setattr("reception.ingest.pipeline.ingest_bytes", refuse)


def test_every_uploader_in_the_code_is_one_these_tests_drive():
    assert _uploaders() == UPLOADERS


def test_every_command_line_argument_is_known_to_read_write_or_name_no_file():
    known = READS | WRITES | STORE | NOT_FILES
    found = {(command, dest) for command, dests in _arguments().items() for dest in dests}
    assert found == known, f"classify these arguments here: {sorted(found ^ known)}"


def test_the_data_pages_upload_is_read_in_a_child(demo_store, no_reading_here):
    at = open_page("pages/data.py")
    name, data = "kommuntal.xlsx", corpus.good_xlsx()
    at.file_uploader(key="uploads").set_value((name, data, "application/octet-stream")).run()
    at.button(key="upload_button").click().run()
    assert not at.exception and not at.error
    assert at.success[0].value.startswith("Inläst")


def test_a_weight_file_is_read_in_a_child(demo_store, no_reading_here):
    at = open_page("pages/planering.py", lan="20", to="2026")
    at.radio(key="plan_key").set_value("file").run()
    at.file_uploader(key="plan_file").set_value(("vikter.csv", WEIGHTS_CSV.encode(), "text/csv")).run()
    assert not at.exception and not at.error
    assert at.dataframe[1].value["number"].sum() == 321


def test_the_weight_file_that_killed_the_server_is_a_refusal_and_the_page_goes_on(demo_store):
    at = open_page("pages/planering.py", lan="20", to="2026")
    at.radio(key="plan_key").set_value("file").run()
    at.file_uploader(key="plan_file").set_value(("vikter.xlsx", FAR_CORNER, "application/octet-stream")).run()
    assert not at.exception
    assert shown(at.error[0].value).startswith("vikter.xlsx läses inte som viktfil:")
    at.radio(key="plan_key").set_value("equal").run()  # the same session goes on drawing
    assert not at.exception and at.dataframe[1].value["number"].sum() == 321


def test_a_deck_file_is_read_in_a_child(demo_store, no_reading_here):
    at = open_page("pages/mote.py")
    at.file_uploader(key="deck_upload").set_value(("mote.json", DECK_JSON, "application/json")).run()
    assert not at.exception and not at.error
    assert deck.load(demo_store).title == "Importerat"


def test_the_command_lines_files_are_read_in_a_child(demo_store, tmp_path, no_reading_here, capsys):
    table = tmp_path / "kommuntal.xlsx"
    table.write_bytes(corpus.good_xlsx())
    assert cli.main(["ingest", str(table)]) == 0
    weights = tmp_path / "vikter.csv"
    weights.write_text(WEIGHTS_CSV)
    assert cli.main(["scenario", "--year", "2026", "--county", "20", "--key", str(weights)]) == 0
    deck_file = tmp_path / "mote.json"
    deck_file.write_bytes(DECK_JSON)
    assert cli.main(["handout", "--deck", str(deck_file), "--out", str(tmp_path / "a.pdf")]) == 0
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")
    assert "Utdelning med 1 sida" in capsys.readouterr().out


def test_a_session_reads_one_file_at_a_time(demo_store):
    isolate._READING.add("tab-1")
    try:
        with pytest.raises(IngestRefused) as refused:
            isolate.read_weights("v.csv", WEIGHTS_CSV.encode(), lan_kod="20", owner="tab-1")
        assert [p.code for p in refused.value.problems] == ["limit.busy_session"]
        assert len(isolate.read_weights("v.csv", WEIGHTS_CSV.encode(), lan_kod="20", owner="tab-2")) == 15
    finally:
        isolate._READING.discard("tab-1")


def test_the_server_reads_at_most_a_few_files_at_once():
    for _ in range(isolate.MAX_CHILDREN):
        assert isolate._SLOTS.acquire(blocking=False)
    try:
        with pytest.raises(IngestRefused) as refused:
            isolate.read_weights("v.csv", WEIGHTS_CSV.encode(), lan_kod="20")
        assert [p.code for p in refused.value.problems] == ["limit.busy"]
    finally:
        for _ in range(isolate.MAX_CHILDREN):
            isolate._SLOTS.release()


def test_a_weight_file_beyond_its_size_limit_is_refused_before_any_child(demo_store):
    big = b"Falun;1\n" * (guard.WEIGHTS.file_mb * (1 << 20) // 8 + 1)
    with pytest.raises(IngestRefused) as refused:
        isolate.read_weights("v.csv", big, lan_kod="20")
    assert [p.code for p in refused.value.problems] == ["limit.file"]


def test_while_a_child_reads_a_weight_file_for_seconds_the_server_answers(demo_store):
    """A name padded with 100 000 spaces held the server's GIL for minutes; in the child it holds
    only the child, and the server's other threads keep running."""
    padded = ("Kommun;Vikt\nFalun" + " " * 60_000 + ";1\n").encode()  # under the 64 KB line limit
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(1)
            stop.wait(0.05)

    ticker = threading.Thread(target=tick)
    started = time.monotonic()
    ticker.start()
    try:
        with pytest.raises((IngestRefused, from_store.ScenarioRefused)):
            from_store.read_weights("v.csv", "20", padded)
    finally:
        stop.set()
        ticker.join()
    elapsed = time.monotonic() - started
    assert len(ticks) >= max(1, int(elapsed / 0.05 / 2)), (len(ticks), elapsed)  # half the ticks, at least


def test_a_long_file_name_reaches_the_page_to_be_refused_in_words(demo_store):
    """python-multipart refused a part header over 4 224 bytes, so a name of some 2 500 characters
    failed in the browser ("AxiosError … 400"); a page's set-up gives it room, and the reading
    refuses the name (the browser test uploads one of 5 000 characters)."""
    open_page("pages/data.py")
    assert MultipartParser.__init__.__kwdefaults__["max_header_size"] >= 64 * 1024
    with pytest.raises(IngestRefused) as refused:
        isolate.ingest("k" * 5000 + ".csv", b"Kommun;Kommuntal 2024\nFalun;5\n")
    (problem,) = refused.value.problems
    assert problem.code == "limit.name" and len(problem.file) <= 120
    assert (
        problem.text("en")
        == "The file's name is 5004 characters long; the limit is 255. Rename the file and load it again."
    )
