"""The store: migrations, copy-and-swap writes, undo, and readers that are never blocked by a writer."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import killpoints
import pytest

from reception import store
from reception.store import facts, loadlog, startup, writer

# the views the writer works out from the facts (writer.CURRENT), and the load history
VIEWS = (*dict.fromkeys(v for views in writer.CURRENT.values() for v in views), "loads")


def snapshot(path: Path) -> dict[str, list]:
    with store.connect_read(path) as con:
        return {v: sorted(map(repr, con.execute(f"select * from {v}").fetchall())) for v in VIEWS}


def add_target(path: Path, value: float, year: int = 2024) -> int:
    with writer.write(path) as con:
        load_id = loadlog.new_load(con, source="kommuntal.xlsx", dataset="targets", rows=1)
        con.execute(
            "insert into fact_target values (?, ?, '0180', 'settlement', ?, null)", [load_id, year, value]
        )
    return load_id


def target(path: Path) -> float | None:
    with store.connect_read(path) as con:
        row = con.execute("select target from targets where kommun_kod = '0180' and year = 2024").fetchone()
    return row[0] if row else None


def test_a_new_store_has_the_reference_and_every_contract_view(store_path):
    with store.connect_read(store_path) as con:
        assert con.execute("select count(*) from municipality").fetchone()[0] == 290
        assert con.execute("select count(*) from county").fetchone()[0] == 21
        assert con.execute("select kommun, lan from municipality where kommun_kod = '0980'").fetchone() == (
            "Gotland",
            "Gotlands län",
        )
        gr = con.execute("select count(*) from region where region = 'Göteborgsregionen'").fetchone()[0]
        assert gr == 13
        assert con.execute("select count(*) from county_targets where year = 2017").fetchone()[0] == 21
        # the 2017 revision (SFS 2017:27) replaced the first decision
        assert con.execute("select sum(target) from county_targets where year = 2017").fetchone()[0] == 23600


def test_the_same_key_loaded_twice_is_replaced_and_undo_brings_the_first_back(store_path):
    add_target(store_path, 100)
    second = add_target(store_path, 140)
    assert target(store_path) == 140
    loadlog.undo(second, store_path)
    assert target(store_path) == 100
    with store.connect_read(store_path) as con:
        assert con.execute("select count(*) from fact_target").fetchone()[0] == 2  # history keeps both


def test_undo_refuses_unknown_and_repeated_loads(store_path):
    load_id = add_target(store_path, 100)
    loadlog.undo(load_id, store_path)
    with pytest.raises(loadlog.UndoRefused, match="redan ångrad"):
        loadlog.undo(load_id, store_path)
    with pytest.raises(loadlog.UndoRefused, match="ingen inläsning med nummer 999"):
        loadlog.undo(999, store_path)


def test_an_exception_inside_a_write_leaves_the_live_file_as_it_was(store_path):
    add_target(store_path, 100)
    before, version = snapshot(store_path), store.data_version(store_path)
    with pytest.raises(RuntimeError), writer.write(store_path) as con:
        load_id = loadlog.new_load(con, source="x.csv", dataset="targets", rows=1)
        con.execute("insert into fact_target values (?, 2024, '0180', 'settlement', 999, null)", [load_id])
        raise RuntimeError("refused half-way")
    assert snapshot(store_path) == before
    assert store.data_version(store_path) == version
    assert not list(store_path.parent.glob(".*.tmp"))


def test_every_write_changes_the_data_version(store_path):
    first = store.data_version(store_path)
    add_target(store_path, 1)
    assert store.data_version(store_path) != first


def test_a_store_made_by_the_first_schema_is_migrated_when_written(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create table schema_version (version integer, applied_at timestamp)")
    con.execute(store.migration_files()[0][1].read_text(encoding="utf-8"))
    con.execute("insert into schema_version values (1, now())")
    con.close()
    assert store.needs_upgrade(path)
    startup.prepare(path)
    with store.connect_read(path) as con:
        assert store.schema_version(con) == store.latest_schema_version()
    assert not store.needs_upgrade(path)


READER = """
import sys, time
from pathlib import Path
from reception import queries
path = Path(sys.argv[1])
seen, deadline = set(), time.monotonic() + float(sys.argv[2])
while time.monotonic() < deadline and 10 not in seen:
    cur = queries.reader(path)
    seen.add(cur.execute("select count(*) from load_log").fetchone()[0])
    cur.close()
print(sorted(seen))
"""


def test_readers_are_never_blocked_while_another_process_loads(store_path):
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(store_path), "90"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=store.ROOT,
    )
    time.sleep(1.0)
    for _ in range(3):
        done = subprocess.run(
            [sys.executable, "-m", "reception", "--db", str(store_path), "demo"],
            cwd=store.ROOT,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
    out, err = reader.communicate(timeout=60)
    assert reader.returncode == 0, err
    assert "lock" not in err.lower()
    counts = eval(out)  # noqa: S307 - our own subprocess prints a list of ints
    assert counts[0] == 1 and counts[-1] == 10, counts  # the reference load, then three demos of three loads


ADD_TARGET = """
from reception.store import loadlog, writer
with writer.write(live) as con:
    load_id = loadlog.new_load(con, source="kommuntal.xlsx", dataset="targets", rows=1)
    con.execute("insert into fact_target values (?, 2024, '0180', 'settlement', 140, null)", [load_id])
"""


@pytest.mark.parametrize("point", list(killpoints.POINTS))
def test_a_writer_killed_at_each_step_leaves_the_store_exactly_before_or_after(store_path, tmp_path, point):
    add_target(store_path, 100)
    before = store_path.read_bytes()
    reference = tmp_path / "reference.duckdb"
    reference.write_bytes(before)
    add_target(reference, 140)

    killpoints.run_killed(store_path, point, ADD_TARGET)
    if killpoints.POINTS[point] == "before":
        assert store_path.read_bytes() == before  # the live file was never touched
    else:
        assert killpoints.contents(store_path) == killpoints.contents(reference)
    add_target(store_path, 120)  # the next writer is not blocked, and cleans up
    assert killpoints.temporaries(store_path) == []
    assert target(store_path) == 120


def test_every_fact_reaches_the_store_one_way():
    """Only reception/store/facts.py writes a fact table: the importer, the demo and the shipped länstal
    all go through facts.add (the migrations create the tables and move rows between versions)."""
    writers = sorted(
        str(path.relative_to(store.ROOT))
        for path in (store.ROOT / "reception").rglob("*.py")
        if re.search(r"insert\s+into\s+fact_", path.read_text(encoding="utf-8"), re.I)
    )
    assert writers == ["reception/store/facts.py"]


def test_the_shipped_lanstal_is_a_reference_load_made_by_facts_add(tmp_path, monkeypatch):
    made = []
    add = facts.add
    monkeypatch.setattr(facts, "add", lambda *a, **kw: made.append((a[1], kw)) or add(*a, **kw))
    startup.prepare(tmp_path / "reception.duckdb")
    assert [(dataset, kw["reference"], kw["source"]) for dataset, kw in made] == [
        ("county_targets", True, "lanstal.csv")
    ]
    with store.connect_read(tmp_path / "reception.duckdb") as con:
        rows = con.execute("select count(*) from fact_county_target").fetchall()[0][0]
    assert rows == len(store.LANSTAL_CSV.read_text(encoding="utf-8").strip().splitlines()) - 1
