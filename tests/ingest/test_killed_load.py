"""A load killed at each of the writer's steps (SIGKILL, no chance to clean up) leaves the store exactly
as before or exactly as fully loaded, never in between; and the next load works and cleans up."""

from __future__ import annotations

import shutil

import killpoints
import official_files as of
import pytest
from ingest_helpers import cli, query

from reception import ingest

LOAD = "from reception import ingest\ningest.ingest_file({file!r}, store_path=live)"


@pytest.fixture(scope="module")
def loaded_once(tmp_path_factory, _empty_master):
    """A store with one load (before), the monthly file to load next, and the store with it (after)."""
    folder = tmp_path_factory.mktemp("killed")
    before = folder / "before.duckdb"
    shutil.copyfile(_empty_master, before)
    small = of.arrivals_xlsx()
    ingest.ingest_bytes(small.name, small.data, store_path=before)
    monthly = of.monthly_long_csv()
    file = folder / monthly.name
    file.write_bytes(monthly.data)
    after = folder / "after.duckdb"
    shutil.copyfile(before, after)
    done = cli(after, "ingest", str(file))
    assert done.returncode == 0, done.stderr
    assert query(after, "select count(*) from loads") == [(3,)]  # länstal, the arrivals, the monthly file
    return before, file, after


@pytest.mark.parametrize("point", list(killpoints.POINTS))
def test_a_load_killed_at_each_step_leaves_the_store_exactly_before_or_fully_loaded(
    loaded_once, tmp_path, point
):
    before, file, after = loaded_once
    live = tmp_path / "reception.duckdb"
    shutil.copyfile(before, live)

    killpoints.run_killed(live, point, LOAD.format(file=str(file)))
    if killpoints.POINTS[point] == "before":
        assert live.read_bytes() == before.read_bytes()
    else:
        assert killpoints.contents(live) == killpoints.contents(after)

    # the next load works, and cleans up what the killed one left
    again = of.kommuntal_xlsx()
    ingest.ingest_bytes(again.name, again.data, store_path=live)
    assert killpoints.temporaries(live) == []
    assert query(live, "select count(*) from targets where year = 2024") == [(10,)]
