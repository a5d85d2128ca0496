"""What people write in the app (the meeting deck, saved scenarios), kept apart from the facts.

The facts live in the DuckDB store, and every write there copies the whole file and gives the
data a new version (so every cached query of every viewer starts again). A deck edit or a saved
scenario is small and changes no fact, so it is kept as a JSON document in a folder beside the
store (``reception.duckdb.docs/<kind>/<key>.json``), written atomically (temporary file, rename).

Each document carries a revision number. A writer says which revision it read; if somebody saved
the document since, :class:`StaleRevision` refuses the write and carries the current document, so a
second editor is told instead of silently overwriting the first one's changes.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import numpy as np

from reception import store

_KIND = re.compile(r"[a-z][a-z0-9_]{0,31}")
MAX_NAME = 200
MAX_BYTES = 2_000_000  # a deck of 100 slides is about 30 KB; anything near this is not ours
MAX_DEPTH = 16  # a deck or a scenario nests four levels; Python's json recurses as deep as it is told
BROKEN = -1  # the revision of a document that cannot be read: shown as none, replaced by the next save


class StaleRevision(Exception):
    """Somebody saved the document after the writer read it; nothing was written."""

    def __init__(self, current: dict | None, revision: int):
        self.current = current
        self.revision = revision
        super().__init__(f"stale revision: the document is now at revision {revision}")


def folder(path: Path | None = None) -> Path:
    """The documents' folder beside the store ``path`` (default: the live store)."""
    path = path or store.db_path()
    return path.with_name(path.name + ".docs")


def _file(kind: str, name: str, path: Path | None) -> Path:
    if not _KIND.fullmatch(kind):
        raise ValueError(f"not a document kind: {kind!r}")
    if not name or len(name) > MAX_NAME:
        raise ValueError("a document name is 1 to 200 characters")
    key = hashlib.sha256(name.encode("utf-8")).hexdigest()[:24]
    return folder(path) / kind / f"{key}.json"


def nesting(data: bytes) -> int:
    """How deep the arrays and objects of JSON text nest, counted before parsing it (brackets inside
    strings do not count; a quote after an odd run of backslashes is inside one). Linear, by NumPy."""
    raw = np.frombuffer(data, np.uint8)
    if not len(raw):
        return 0
    quote = raw == 0x22
    if quote.any():
        index = np.arange(len(raw))
        plain = np.maximum.accumulate(np.where(raw == 0x5C, -1, index))  # the last byte that is no \\
        backslashes = np.zeros(len(raw), np.int64)
        backslashes[1:] = index[:-1] - plain[:-1]  # the run of backslashes right before each byte
        quote &= backslashes % 2 == 0
        outside = np.cumsum(quote) % 2 == 0
    else:
        outside = np.ones(len(raw), bool)
    opens = ((raw == 0x5B) | (raw == 0x7B)) & outside
    closes = ((raw == 0x5D) | (raw == 0x7D)) & outside
    return max(int(np.cumsum(opens.astype(np.int64) - closes).max()), 0)


def _read(file: Path) -> tuple[dict | None, int, str | None]:
    """(body, revision, name) of a kept document; (None, BROKEN, None) for one that cannot be read:
    larger or deeper than a document of ours, not JSON, or not of our shape."""
    try:
        if file.stat().st_size > MAX_BYTES:
            return None, BROKEN, None
        raw = file.read_bytes()
    except FileNotFoundError:
        return None, 0, None
    if nesting(raw) > MAX_DEPTH:
        return None, BROKEN, None
    try:
        held = json.loads(raw)
        body, revision, name = held["body"], int(held["revision"]), str(held["name"])
    except (ValueError, RecursionError, KeyError, TypeError):
        return None, BROKEN, None
    return (body, revision, name) if isinstance(body, dict) else (None, BROKEN, None)


def read(kind: str, name: str, path: Path | None = None) -> tuple[dict | None, int]:
    """The document and its revision; ``(None, 0)`` when none has been saved."""
    body, revision, _ = _read(_file(kind, name, path))
    return body, revision


@contextmanager
def _locked(kind: str, path: Path | None) -> Iterator[None]:
    where = folder(path) / kind
    where.mkdir(parents=True, exist_ok=True)
    with open(where / ".lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def write(kind: str, name: str, body: dict, expected: int, path: Path | None = None) -> int:
    """Save ``body`` as the document if it is still at revision ``expected``; return the new revision.

    Raises:
        StaleRevision: the document has been saved since revision ``expected`` (nothing written).
        ValueError: the document is larger than :data:`MAX_BYTES`.
    """
    file = _file(kind, name, path)
    with _locked(kind, path):
        current, revision, _ = _read(file)
        if revision != expected:
            raise StaleRevision(current, revision)
        saved_at = datetime.now().isoformat(timespec="seconds")
        revision = max(revision, 0)  # a broken document is replaced as if none was there
        held = {"name": name, "revision": revision + 1, "saved_at": saved_at}
        data = json.dumps({**held, "body": body}, ensure_ascii=False, indent=1).encode("utf-8")
        if len(data) > MAX_BYTES:
            raise ValueError(f"a document is at most {MAX_BYTES} bytes")
        tmp = file.with_name(f".{file.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, file)
        return revision + 1


def delete(kind: str, name: str, expected: int, path: Path | None = None) -> None:
    """Remove the document if it is still at revision ``expected`` (else :class:`StaleRevision`)."""
    file = _file(kind, name, path)
    with _locked(kind, path):
        current, revision, _ = _read(file)
        if revision != expected:
            raise StaleRevision(current, revision)
        file.unlink(missing_ok=True)


def discard(kind: str, name: str, path: Path | None = None) -> None:
    """Remove the document whatever it holds (one that cannot be read as a document any more)."""
    file = _file(kind, name, path)
    with _locked(kind, path):
        file.unlink(missing_ok=True)


def _name_of(file: Path) -> str | None:
    """The name a document file was saved under; None when the file is not one (edited by hand)."""
    try:
        name = json.loads(file.read_bytes()[:MAX_BYTES]).get("name")
    except (ValueError, AttributeError, OSError):
        return None
    return name if isinstance(name, str) and 0 < len(name) <= MAX_NAME else None


def names(kind: str, path: Path | None = None) -> list[str]:
    """The names of the saved documents of ``kind``, sorted (files that are not documents left out)."""
    where = folder(path) / kind
    if not _KIND.fullmatch(kind) or not where.is_dir():
        return []
    return sorted(n for f in where.glob("*.json") if (n := _name_of(f)) is not None)


def copy_store(source: Path, target: Path) -> None:
    """Copy a store file and the documents kept beside it (a deck, saved scenarios) to ``target``."""
    import shutil

    shutil.copyfile(source, target)
    if folder(source).is_dir():
        shutil.copytree(folder(source), folder(target), dirs_exist_ok=True)
