"""A load killed at any point (SIGKILL of the command line, several times, at random delays) leaves every
view exactly as before or fully loaded, never in between; and the next load works."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time

import official_files as of
import pytest
from ingest_helpers import BIG_CSV_ROWS, cli, fingerprint, leftovers, query

from reception import ingest, store

KILLS = 6


def data_views(path) -> dict[str, tuple]:
    """Every fact view without load ids: equal for equal facts, whichever load brought them."""
    prints = fingerprint(path, with_load_ids=False)
    prints.pop("loads")
    return prints


def writing(path, stale: list[str]) -> bool:
    """A new temporary copy of the store is there (not one a killed writer left): the load is writing."""
    return bool(set(leftovers(path)) - set(stale))


def live_loads_of(path, source: str) -> list[int]:
    return [
        r[0]
        for r in query(path, "select load_id from loads where source = ? and undone_at is null", [source])
    ]


@pytest.mark.slow
def test_a_load_killed_at_random_points_leaves_the_store_as_before_or_fully_loaded(
    fresh_store, big_monthly_csv, tmp_path
):
    small = of.arrivals_xlsx()
    ingest.ingest_bytes(small.name, small.data, store_path=fresh_store)
    before = data_views(fresh_store)

    # what "fully loaded" looks like, and how long a whole load takes
    reference = tmp_path / "reference.duckdb"
    shutil.copyfile(fresh_store, reference)
    started = time.monotonic()
    done = cli(reference, "ingest", str(big_monthly_csv), timeout=300)
    duration = time.monotonic() - started
    assert done.returncode == 0, done.stderr
    after = data_views(reference)
    assert after != before
    assert query(
        reference, "select count(*) from arrivals_month where month >= '2015-01-01' and month < '2025-01-01'"
    ) == [(BIG_CSV_ROWS,)]

    rng = random.Random(20241022)
    outcomes, kills = [], []
    for i in range(KILLS):
        stale = leftovers(fresh_store)
        proc = subprocess.Popen(
            [sys.executable, "-m", "reception", "--db", str(fresh_store), "ingest", str(big_monthly_csv)],
            cwd=store.ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        started = time.monotonic()
        if i % 3 == 2:
            # wait until the writer's copy of the store appears, then kill it somewhere in the write
            while (
                not writing(fresh_store, stale)
                and proc.poll() is None
                and time.monotonic() - started < 2 * duration
            ):
                time.sleep(0.002)
            time.sleep(rng.uniform(0, 0.2))
            how = "in write" if writing(fresh_store, stale) else "write not seen"
        elif i % 3 == 1:
            time.sleep(rng.uniform(0.6 * duration, 1.05 * duration))  # late: reading done, likely writing
            how = "late"
        else:
            time.sleep(rng.uniform(0.05, duration))
            how = "anywhere"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        kills.append(f"{how} at {time.monotonic() - started:.2f}s")
        now = data_views(fresh_store)
        live = live_loads_of(fresh_store, big_monthly_csv.name)
        if now == before:
            assert live == [], f"kill {i} ({kills[-1]}): a load is recorded but its facts are missing"
            outcomes.append("before")
        else:
            assert now == after, f"kill {i} ({kills[-1]}) left the store half loaded"
            assert len(live) == 1
            outcomes.append("after")
            store.undo(live[0], fresh_store)
            assert data_views(fresh_store) == before
    print("kills:", list(zip(kills, outcomes, strict=True)), f"a whole load took {duration:.2f}s")
    assert "before" in outcomes, outcomes  # at least one kill landed inside a load

    # the next load works, and cleans up what the killed ones left
    done = cli(fresh_store, "ingest", str(big_monthly_csv), timeout=300)
    assert done.returncode == 0, done.stderr
    assert data_views(fresh_store) == after
    assert leftovers(fresh_store) == []
    again = of.kommuntal_xlsx()
    ingest.ingest_bytes(again.name, again.data, store_path=fresh_store)
    assert query(fresh_store, "select count(*) from targets where year = 2024") == [(10,)]
