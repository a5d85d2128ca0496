"""Several app processes share one store: what one process writes, another must neither lose nor
overwrite unknowingly. Each test runs the writers in real processes of their own (as two app processes
behind nginx are), started with ``python -c``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reception import store
from reception.meeting import deck
from reception.store import documents, loadlog

# the first writer stops inside its transaction until the second has started writing too
SLOW_FIRST = """
import sys, time
from pathlib import Path
from reception.store import writer
from reception.ingest import isolate
inside, name = Path(sys.argv[2]), sys.argv[3]
commit = writer._commit
def held(con):
    inside.touch()
    time.sleep(2.0)  # the other process asks for the store meanwhile
    commit(con)
writer._commit = held
from reception.ingest.pipeline import ingest_bytes
ingest_bytes(name=name, data=sys.argv[4].encode("cp1252"), store_path=Path(sys.argv[1]))
"""
SECOND = """
import sys, time
from pathlib import Path
from reception.ingest import isolate
inside = Path(sys.argv[2])
while not inside.exists():
    time.sleep(0.01)
isolate.ingest(sys.argv[3], sys.argv[4].encode("cp1252"), store_path=sys.argv[1])  # as the Data page does
"""


def _kommuntal(year: int, value: int) -> str:
    return f"Kommuntal {year} – Dalarnas län\nKommun;Antal\nSäter;{value}\nLudvika;{value}\n"


def _python(code: str, *args: object) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code, *map(str, args)], cwd=store.ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _loads(path: Path) -> list[str]:
    with store.connect_read(path) as con:
        return [
            r[0]
            for r in con.execute(
                "select source from loads where not is_reference order by load_id"
            ).fetchall()
        ]


def test_two_editors_loading_through_two_processes_at_once_both_loads_are_kept(store_path, tmp_path):
    inside = tmp_path / "first-is-writing"
    first = _python(SLOW_FIRST, store_path, inside, "kommuntal_2024.csv", _kommuntal(2024, 12))
    second = _python(SECOND, store_path, inside, "kommuntal_2025.csv", _kommuntal(2025, 30))
    for proc in (first, second):
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    assert sorted(_loads(store_path)) == ["kommuntal_2024.csv", "kommuntal_2025.csv"]
    with store.connect_read(store_path) as con:
        rows = con.execute("select year, sum(target) from targets group by year order by year").fetchall()
    assert rows == [(2024, 24), (2025, 60)]


UNDO = """
import sys
from pathlib import Path
from reception.store import loadlog
try:
    getattr(loadlog, sys.argv[2])(int(sys.argv[3]), Path(sys.argv[1]))
except loadlog.UndoRefused as refused:
    print(refused.code)
"""


def test_an_undo_in_one_process_is_refused_in_words_in_another(store_path):
    from reception.ingest.pipeline import ingest_bytes

    result = ingest_bytes(name="k.csv", data=_kommuntal(2024, 12).encode("cp1252"), store_path=store_path)
    load_id = result.loads[0].load_id
    outcomes = []
    for action in ("undo", "undo", "redo", "redo"):  # process A, then B with the same stale page, ...
        done = subprocess.run(
            [sys.executable, "-c", UNDO, str(store_path), action, str(load_id)],
            cwd=store.ROOT, capture_output=True, text=True, check=True,
        )  # fmt: skip
        outcomes.append(done.stdout.strip())
    assert outcomes == ["", "already_undone", "", "not_undone"]
    with pytest.raises(loadlog.UndoRefused):
        loadlog.redo(load_id, store_path)


SAVE_DECK = """
import sys
from pathlib import Path
from reception.meeting import deck
path, title, expected = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
try:
    saved = deck.save(deck.Deck(title=title), path, expected=expected)
    print("saved", saved.revision)
except deck.DeckStale as stale:
    print("stale", stale.current.title, stale.current.revision)
"""


def test_a_deck_saved_in_one_process_makes_a_stale_save_in_another_refused(store_path):
    read_by_both = deck.load(store_path).revision  # two editors open Möte on two processes
    outcomes = []
    for title in ("Nätverksmöte mars", "Nätverksmöte april"):
        done = subprocess.run(
            [sys.executable, "-c", SAVE_DECK, str(store_path), title, str(read_by_both)],
            cwd=store.ROOT, capture_output=True, text=True, check=True,
        )  # fmt: skip
        outcomes.append(done.stdout.strip())
    assert outcomes == [f"saved {read_by_both + 1}", f"stale Nätverksmöte mars {read_by_both + 1}"]
    assert deck.load(store_path).title == "Nätverksmöte mars"


SAVE_SCENARIO = """
import sys
from pathlib import Path
from reception.store import documents
try:
    print(documents.write("scenario", "Dalarna 2027", {"total": int(sys.argv[2])}, 0, Path(sys.argv[1])))
except documents.StaleRevision as stale:
    print("stale", stale.current["total"])
"""


def test_scenarios_of_one_name_saved_by_two_processes_at_once_one_is_refused(store_path):
    procs = [_python(SAVE_SCENARIO, store_path, total) for total in (100, 120)]
    outcomes = sorted(p.communicate(timeout=60)[0].strip() for p in procs)
    body, revision = documents.read("scenario", "Dalarna 2027", store_path)
    assert revision == 1
    assert outcomes == ["1", f"stale {body['total']}"]


READER = """
import sys
from pathlib import Path
from reception import queries
from reception.store import writer
path = Path(sys.argv[1])
for _ in range(2):  # a question, then the same question after the other process wrote
    print(queries.run("years_available", {"program": "settlement"}, path)["year"].tolist(), flush=True)
    sys.stdin.readline()
"""


def test_a_reader_process_sees_another_process_write_at_its_next_question(store_path):
    """The data version is the store file's identity, read at every question, never kept per process:
    a process that has the store open sees a load made by another one at its next question."""
    from reception.ingest.pipeline import ingest_bytes

    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(store_path)], cwd=store.ROOT, stdin=subprocess.PIPE,
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        before = reader.stdout.readline().strip()
        ingest_bytes(name="k.csv", data=_kommuntal(2031, 5).encode("cp1252"), store_path=store_path)
        reader.stdin.write("\n")
        reader.stdin.flush()
        after = reader.stdout.readline().strip()
    finally:
        reader.kill()
        reader.wait()
    assert "2031" not in before and "2031" in after
