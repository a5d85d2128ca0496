"""The store: one DuckDB file, where it lives, how to read it, and its schema's version.

This package holds the whole store concern: this module (paths, the read-only connection, the data
version, the schema's version), :mod:`~reception.store.writer` (the one way to write: copy, write,
swap), :mod:`~reception.store.facts` (the one way facts go in: a load and its rows),
:mod:`~reception.store.loadlog` (every load, undo and redo), :mod:`~reception.store.documents`
(decks and scenarios kept beside the store), :mod:`~reception.store.startup` (the store made or
upgraded at start-up, with the shipped reference data) and ``migrations/`` (the numbered schema).

A reader notices new data by the file's identity (inode, size, mtime), which changes with every
swap: that identity is the data version used in every cache key.

May import from reception: ``geo``, ``i18n``, ``refusal``, ``settings``, ``text``; nothing from ``ingest``,
``planning``, ``meeting``, ``charts`` or ``ui``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import duckdb

from reception import settings

ROOT = Path(__file__).resolve().parent.parent.parent
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


def unapplied(con: duckdb.DuckDBPyConnection) -> list[int]:
    """The numbers of the migrations this store has not had (its schema_version table must exist)."""
    applied = {row[0] for row in con.execute("select version from schema_version").fetchall()}
    return [number for number, _ in migration_files() if number not in applied]


def regions_fingerprint() -> str:
    return sha256_bytes(REGIONS_CSV.read_bytes())


def population_fingerprint() -> str:
    return sha256_bytes(POPULATION_CSV.read_bytes())


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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
    return _behind(path, "population_sha256", population_fingerprint)


def regions_changed(path: Path | None = None) -> bool:
    """True when data/regions.csv is not the file the store's groupings were read from."""
    return _behind(path, "regions_sha256", regions_fingerprint)


def _behind(path: Path | None, key: str, fingerprint: Callable[[], str]) -> bool:
    """True when the store is missing, made by an older schema, or its ``app_meta`` ``key`` is not the
    ``fingerprint`` of the file it was read from (worked out only when the store is up to date)."""
    path = path or db_path()
    if not path.exists():
        return True
    with connect_read(path) as con:
        if schema_version(con) == 0 or unapplied(con):
            return True
        stored = con.execute("select value from app_meta where key = ?", [key]).fetchone()
        return stored is None or stored[0] != fingerprint()
