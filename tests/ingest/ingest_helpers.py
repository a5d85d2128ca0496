"""Reading the store back, and driving the command line, for the importer's tests."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from reception import store
from reception.store import writer

# rows in the big monthly CSV: 290 municipalities x 6 categories x 120 months
BIG_CSV_ROWS = 290 * 6 * 120

# the views the writer works out from the facts (writer.CURRENT), and the load history
VIEWS = (*dict.fromkeys(v for views in writer.CURRENT.values() for v in views), "loads")


def query(path: Path, sql: str, params: list | None = None) -> list[tuple]:
    with store.connect_read(path) as con:
        return con.execute(sql, params or []).fetchall()


def one(path: Path, sql: str, params: list | None = None):
    rows = query(path, sql, params)
    assert len(rows) == 1, rows
    return rows[0][0] if len(rows[0]) == 1 else rows[0]


def snapshot(path: Path) -> dict[str, list[str]]:
    """Every contract view, row by row (for small stores)."""
    with store.connect_read(path) as con:
        return {v: sorted(map(repr, con.execute(f"select * from {v}").fetchall())) for v in VIEWS}


def fingerprint(path: Path, *, with_load_ids: bool = True) -> dict[str, tuple]:
    """Every contract view as (row count, order-free hash of its rows): cheap even on the demo store.

    Without load ids (and load times) two stores that hold the same facts from different loads compare equal.
    """
    out = {}
    with store.connect_read(path) as con:
        for v in VIEWS:
            if v == "loads":
                cols = "source, sha256, dataset, rows, is_demo, undone_at is null"
                if with_load_ids:
                    cols = "load_id, loaded_at, undone_at, " + cols
            else:
                names = [r[0] for r in con.execute(f"describe {v}").fetchall()]
                cols = ", ".join(n for n in names if with_load_ids or n != "load_id")
            out[v] = con.execute(
                f"select count(*), coalesce(sum(hash({cols})::hugeint), 0) from {v}"
            ).fetchone()
    return out


def load_ids(path: Path) -> list[int]:
    return [r[0] for r in query(path, "select load_id from loads order by load_id")]


def leftovers(path: Path) -> list[str]:
    """Temporary files a writer left beside the store."""
    return sorted(p.name for p in path.parent.iterdir() if p.name.endswith((".tmp", ".tmp.wal")))


def letter(column: str | None) -> str | None:
    """'B (Kommun)' -> 'B'."""
    if column is None:
        return None
    match = re.match(r"\s*([A-Z]{1,3})\b", column)
    return match.group(1) if match else None


def digits(text: str) -> str:
    """'1 882' and '1\u00a0882' -> '1882', so numbers can be found in Swedish-formatted text."""
    return re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d{3}\b)", "", text)


def cli(db: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """``python -m reception --db DB ...`` in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "reception", "--db", str(db), *args],
        cwd=store.ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def ytd(path: Path, year: int = 2024, month: int = 10) -> dict[tuple[str, str], tuple]:
    """The year-to-date snapshot as stored: (kommun_kod, category) -> (persons, of which unaccompanied)."""
    rows = query(
        path,
        "select kommun_kod, category, persons, of_which_unaccompanied from arrivals_ytd "
        "where year = ? and as_of_month = ?",
        [year, month],
    )
    return {(k, c): (p, u) for k, c, p, u in rows}
