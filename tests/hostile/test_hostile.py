"""Hostile files: each refused with the limit it broke (or loaded correctly) within 30 s and under 1 GB,
the store unchanged, and the process that asked still running.

Every file goes the way an upload goes: :func:`reception.ingest.isolate.ingest` with the Data page's
limits, in a child process. The last tests switch the outside checks off to show that the child
alone still protects the caller from a reader that aborts, eats memory or never ends.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import shutil
import time
import tomllib
from pathlib import Path

import corpus
import duckdb
import pytest

from reception import store
from reception.i18n.labels import LABELS
from reception.ingest import IngestRefused, guard, isolate
from reception.store import startup

SECONDS = 30
MEMORY_MB = 1024


@pytest.fixture(scope="session")
def _master(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "empty.duckdb"
    startup.prepare(path)
    return path


@pytest.fixture
def fresh(_master, tmp_path) -> Path:
    path = tmp_path / "reception.duckdb"
    shutil.copyfile(_master, path)
    return path


def state(path: Path) -> tuple:
    """The store's bytes and identity: equal before and after means nothing changed at all."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), store.data_version(path)


def targets(path: Path) -> dict[str, float]:
    with store.connect_read(path) as con:
        found = con.execute("select kommun_kod, target from targets where year = 2024").fetchall()
    return {code: target for code, target in found}


def load(name: str, data: bytes, path: Path, limits: guard.Limits = guard.UPLOAD):
    """(result or refusal, what the child cost, seconds)."""
    report: dict = {}
    started = time.monotonic()
    try:
        outcome = isolate.ingest(name, data, store_path=path, limits=limits, report=report)
    except IngestRefused as refused:
        outcome = refused
    return outcome, report, time.monotonic() - started


def test_the_corpus_holds_at_least_30_hostile_files():
    assert len(corpus.CASES) >= 30
    assert len({case.id for case in corpus.CASES}) == len(corpus.CASES)


@pytest.mark.parametrize("case", corpus.CASES, ids=[c.id for c in corpus.CASES])
def test_a_hostile_file_is_refused_with_its_limit_or_loaded_correctly(case, fresh):
    name, data = case.build()
    before = state(fresh)
    outcome, report, seconds = load(name, data, fresh)
    assert seconds < SECONDS, f"{case.id}: {seconds:.1f} s"
    if report:  # a file refused by its size never starts a child
        assert report["peak_rss_mb"] < MEMORY_MB, report
        assert report["exit"] == 0, f"the child did not end by itself: {report}"
    if case.expect == "loaded":
        assert not isinstance(outcome, IngestRefused), str(outcome)
        assert targets(fresh) == case.stored
        return
    assert isinstance(outcome, IngestRefused), f"{case.id} was loaded: {outcome.summary_lines()}"
    assert state(fresh) == before, "a refused file changed the store"
    problem = outcome.problems[0]
    assert problem.file == name
    if case.expect == "refused":
        # refused by the importer's own reading (no limit of ours): a worded problem, in both languages
        assert f"problem.{problem.code}" in LABELS, problem
        assert "{" not in problem.text("en") and "{" not in problem.text("sv")
    else:
        assert problem.code == case.expect, str(outcome)
        fields = dict(problem.fields)
        assert fields["file"] == name
        for lang in ("sv", "en"):
            said = problem.text(lang)
            assert "{" not in said
            if "limit" in fields:  # the limit is named
                assert str(fields["limit"]) in said
        assert str(outcome).startswith(f"{name}: ett problem\n- {name}: ")  # the command line's words


def test_a_refusal_is_worded_in_the_users_language(fresh):
    name, data = corpus.far_corner("A1:XFD1048576")
    outcome, _, _ = load(name, data, fresh)
    problem = outcome.problems[0]
    assert problem.file == name
    assert problem.text("en") == (
        "The sheet 'Blad1' declares the range A1:XFD1048576; "
        f"the limit is {guard.UPLOAD.cells:,} cells per sheet.".replace(",", " ")
    )
    assert problem.text("sv").startswith("Bladet 'Blad1' säger sig omfatta A1:XFD1048576")


# --- the child alone: the outside checks switched off -------------------------------------------

UNGUARDED = dataclasses.replace(
    guard.UPLOAD, cells=10**13, unpacked_mb=10**6, ratio=10**9, line_kb=10**6, columns=10**9
)


def test_a_reader_that_aborts_the_process_takes_only_the_child(fresh):
    """The 1.9 KB sheet with nothing to stop it: calamine aborts; the caller gets a refusal."""
    before = state(fresh)
    name, data = corpus.far_corner("A1:XFD1048576")
    outcome, report, seconds = load(name, data, fresh, UNGUARDED)
    assert isinstance(outcome, IngestRefused)
    assert outcome.problems[0].code in ("crashed", "limit.memory"), str(outcome)
    assert report["exit"] != 0  # the child died
    assert seconds < SECONDS and report["peak_rss_mb"] < MEMORY_MB + 100
    assert state(fresh) == before
    # this process is fine, and the next load works
    good = corpus.xlsx([corpus.kommuntal_sheet()])
    result, _, _ = load("kommuntal.xlsx", good, fresh)
    assert not isinstance(result, IngestRefused), str(result)
    assert targets(fresh) == corpus.TARGETS


def test_a_child_beyond_its_memory_is_stopped(fresh):
    """A sheet that really fills its 200 000 rows: past the ceiling the child is stopped."""
    before = state(fresh)
    body = corpus.Repeated(
        b"", b'<row><c t="inlineStr"><is><t>Stockholm</t></is></c><c><v>1</v></c></row>', 400_000, b""
    )
    head = corpus.sheet_xml("").split(b"<sheetData>")[0] + b"<sheetData>"
    sheet = corpus.Repeated(head, body.chunk, body.times, b"</sheetData></worksheet>")
    data = corpus.xlsx([sheet])
    small = dataclasses.replace(UNGUARDED, memory_mb=200)
    outcome, report, seconds = load("big.xlsx", data, fresh, small)
    assert isinstance(outcome, IngestRefused)
    assert outcome.problems[0].code in ("limit.memory", "crashed"), str(outcome)
    assert outcome.problems[0].file == "big.xlsx"
    assert seconds < SECONDS
    assert state(fresh) == before


def test_a_child_beyond_its_time_is_stopped(fresh):
    before = state(fresh)
    name, data = corpus.parquet_good()
    outcome, report, seconds = load(name, data, fresh, dataclasses.replace(guard.UPLOAD, seconds=0))
    assert isinstance(outcome, IngestRefused)
    assert outcome.problems[0].code == "limit.time"
    assert outcome.problems[0].text("en") == "Reading it took longer than 0 seconds and was stopped."
    assert report["exit"] != 0
    assert state(fresh) == before


def test_a_child_is_forked_from_a_server_not_from_the_caller(fresh):
    """The caller may run threads (Streamlit does): children come from the fork server, not from it."""
    name, data = corpus.parquet_good()
    load(name, data, fresh)
    assert isolate._context().get_start_method() == "forkserver"
    times = isolate.round_trip_ms(3)
    assert all(t < 2000 for t in times), times
    with duckdb.connect() as con:  # and the caller's own DuckDB still works
        assert con.execute("select 42").fetchone() == (42,)
    assert os.getpid() > 0


# --- the limits are written where users and operators read them ----------------------------------


def test_the_readme_and_the_upload_setting_say_the_limits_the_code_applies():
    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text()
    section = readme.split("## Limits", 1)[1].split("\n## ", 1)[0]
    rows = {
        line.split("|")[1].strip(): line.split("|")[2:4]
        for line in section.splitlines()
        if line.startswith("| ")
    }
    said = {name: [cell.strip() for cell in cells] for name, cells in rows.items()}

    def shown(value: int) -> str:
        return f"{value:,}".replace(",", " ") if value >= 10_000 else str(value)

    def unit(field: str) -> str:
        return {"file_mb": " MB", "memory_mb": " MB", "seconds": " s", "unpacked_mb": " MB",
                "shared_strings_mb": " MB", "line_kb": " KB"}.get(field, "")  # fmt: skip

    table = [
        ("file size", "file_mb"),
        ("memory of the reading process (resident)", "memory_mb"),
        ("time for the whole load", "seconds"),
        ("a zip's (xlsx, ods) members unpacked, together", "unpacked_mb"),
        ("one member's unpacking ratio (from 1 MB unpacked)", "ratio"),
        ("files in a zip", "members"),
        ("sheets", "sheets"),
        ("an xlsx's shared strings; an ods's text, repeats counted", "shared_strings_mb"),
        ("a CSV line", "line_kb"),
        ("columns (CSV, parquet)", "columns"),
    ]
    cells_row = next(name for name in said if name.startswith("cells of a sheet"))
    table.append((cells_row, "cells"))
    assert len(table) == len(dataclasses.fields(guard.Limits))
    for name, field in table:
        upload, command_line = said[name]
        assert upload == shown(getattr(guard.UPLOAD, field)) + unit(field), name
        assert command_line == shown(getattr(guard.COMMAND_LINE, field)) + unit(field), name
    config = tomllib.loads((root / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == guard.UPLOAD.file_mb


def test_a_killed_caller_leaves_no_load_running_and_the_store_as_it_was(fresh, tmp_path):
    """SIGKILL the process that asked (a server, the command line): its child ends too, unwritten."""
    import signal
    import subprocess
    import sys

    import psutil

    # a sheet of 1.5 M rows: seconds inside the reader, with no progress message (whose broken pipe
    # would end the child too) until it is done
    row = b'<row><c t="inlineStr"><is><t>Stockholm</t></is></c><c><v>1</v></c></row>'
    head = corpus.sheet_xml("").split(b"<sheetData>")[0] + b"<sheetData>"
    file = tmp_path / "long.xlsx"
    file.write_bytes(corpus.xlsx([corpus.Repeated(head, row, 1_500_000, b"</sheetData></worksheet>")]))
    before = state(fresh)
    code = (
        "import dataclasses, sys; from reception.ingest import isolate, guard\n"
        "limits = dataclasses.replace(guard.COMMAND_LINE, ratio=10**9)\n"
        "isolate.ingest('long.xlsx', path=sys.argv[1], store_path=sys.argv[2], limits=limits)"
    )
    caller = subprocess.Popen([sys.executable, "-c", code, str(file), str(fresh)], cwd=store.ROOT)
    deadline = time.monotonic() + 60
    children: list = []
    while time.monotonic() < deadline and not children:
        children = [
            p for p in psutil.Process(caller.pid).children(recursive=True) if p.ppid() != caller.pid
        ]  # the load is a grandchild: the caller's fork server's child
        time.sleep(0.05)
    assert children, "no child started"
    caller.send_signal(signal.SIGKILL)
    caller.wait()

    def running() -> list:
        out = []
        for child in children:
            try:
                if child.status() != psutil.STATUS_ZOMBIE:  # ended, not yet reaped by the fork server
                    out.append(child)
            except psutil.NoSuchProcess:
                pass
        return out

    deadline = time.monotonic() + 0.5
    while running() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not running(), "the load went on after its caller was killed"
    assert state(fresh) == before
