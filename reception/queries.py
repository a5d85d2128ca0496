"""Run a question from ``queries/*.sql`` with named parameters and get a DataFrame back.

One read-only connection per store file and data version is kept per process; each call takes
its own cursor, so threads never share one. When a writer swaps in a new store, the next call
sees the new data version and opens the new file.

The contract views read tables the writer works out once per write (``writer.refresh_current``),
so a question costs what its own SQL costs.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from reception import store

QUERIES = store.ROOT / "queries"

MAX_STORES = 4  # stores kept open per process (the app reads one; tests make many)

_lock = threading.Lock()
_readers: OrderedDict[Path, tuple[store.DataVersion, duckdb.DuckDBPyConnection]] = OrderedDict()


_texts: dict[str, tuple[int, str]] = {}  # name -> (the file's mtime in ns, its text)


def sql_text(name: str) -> str:
    """The SQL of ``queries/<name>.sql``, read again when the file has changed since (a running
    server picks up an edited query at its next run, as Streamlit picks up an edited page)."""
    path = QUERIES / f"{name}.sql"
    changed = path.stat().st_mtime_ns
    kept = _texts.get(name)
    if kept is None or kept[0] != changed:
        kept = (changed, path.read_text(encoding="utf-8"))
        _texts[name] = kept
    return kept[1]


_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def parameter_names(name: str) -> frozenset[str]:
    """The ``$named`` parameters that ``queries/<name>.sql`` uses."""
    return _parameters_of(sql_text(name))


@cache
def _parameters_of(sql: str) -> frozenset[str]:
    without_comments = re.sub(r"--[^\n]*", "", sql)
    return frozenset(_PARAM.findall(without_comments))


def reader(path: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A cursor on the newest version of the store (opened read-only, shared per process)."""
    path = (path or store.db_path()).resolve()
    version = store.data_version(path)
    with _lock:
        cached = _readers.get(path)
        if cached is None or cached[0] != version:
            con = store.connect_read(path)
            _readers[path] = (version, con)
            # a replaced connection is closed by garbage collection once its cursors are gone
        else:
            con = cached[1]
        _readers.move_to_end(path)
        while len(_readers) > MAX_STORES:  # the least recently read store goes
            _readers.popitem(last=False)
        cursor = con.cursor()
    cursor.execute("use store")
    return cursor


def run(name: str, params: dict | None = None, path: Path | None = None) -> pd.DataFrame:
    """Run ``queries/<name>.sql`` with ``$named`` parameters.

    Args:
        name: the query file's name without ``.sql``.
        params: a superset of the parameters the file uses (e.g. a whole selection); those it
            does not use are left out, one it uses but is not given raises KeyError.
        path: the store; the default is ``store.db_path()``.
    """
    wanted = parameter_names(name)
    given = params or {}
    missing = wanted - given.keys()
    if missing:
        raise KeyError(f"queries/{name}.sql needs {sorted(missing)}")
    cur = reader(path)
    try:
        return cur.execute(sql_text(name), {k: given[k] for k in wanted}).df()
    finally:
        cur.close()
