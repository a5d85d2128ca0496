"""A file's facts into the store: one load per dataset (:func:`reception.store.facts.add`), all in one
transaction (copy, write, swap)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pyarrow as pa

from reception import store
from reception.store import facts, loadlog, writer


def _live_summaries(path: Path, sha256: str) -> tuple[tuple[int, dict], ...]:
    """Every live load of the file with this digest, oldest first, with its summary.

    A load asks twice (before reading the file and after building its facts); the store changes only
    by a rename, so the same file (inode, size, time) gives the same answer and is opened once.
    """
    try:
        seen = path.stat()
    except FileNotFoundError:
        return ()
    return _summaries_of(str(path), (seen.st_ino, seen.st_size, seen.st_mtime_ns), sha256)


@lru_cache(maxsize=4)
def _summaries_of(path: str, version: tuple, sha256: str) -> tuple[tuple[int, dict], ...]:
    with store.connect_read(Path(path)) as con:
        if store.schema_version(con) == 0:
            return ()
        found = con.execute(
            "select load_id, summary from load_log where sha256 = ? and undone_at is null order by load_id",
            [sha256],
        ).fetchall()
    return tuple((load_id, json.loads(summary)) for load_id, summary in found if summary)


def already_loaded(path: Path, digest: str, options: dict) -> int | None:
    """The live load that holds this very file read with the same options, if any."""
    loads = _live_summaries(path, digest)
    return next((i for i, summary in loads if summary.get("options") == options), None)


def holding(path: Path, sha256: str, digest: str) -> int | None:
    """The live load that holds this very file read into these very facts, if any (however it was
    read: by itself, with choices or with a recipe)."""
    loads = _live_summaries(path, sha256)
    return next((i for i, summary in loads if summary.get("digest") == digest), None)


def write(
    path: Path,
    source: str,
    digest: str | None,
    parts: list[tuple[str, pa.Table, dict | None]],
    *,
    demo: bool = False,
    only_into_empty: bool = False,
) -> tuple[list[int], list[int]]:
    """Store every (dataset, facts, summary) as its own load, atomically.

    ``only_into_empty``: write only if the store holds no facts yet, decided under the writer's
    lock (several app processes starting on one new store fill it once, not once each).

    The demo is written here too (``demo=True``), so every fact reaches the store one way. In the
    same transaction the loads of the other kind are retired (``loadlog.retire_other_kind``): a real
    file retires the demo, the demo on purpose retires real loads and any earlier demo.

    Returns:
        The new load ids, and the ids of the loads retired by them.
    """
    ids = []
    with writer.write(path) as con:
        if only_into_empty and not store.holds_no_facts(con):
            return [], []
        for dataset, table, summary in parts:
            ids.append(
                facts.add(con, dataset, table, source=source, sha256=digest, summary=summary, demo=demo)
            )
        retired = loadlog.retire_other_kind(con, new=ids, demo=demo)
    return ids, retired
