"""The load log: every load with who made it, and undo and redo, which never delete a fact.

Facts are append-only and tagged with the load that brought them; the contract views show, for every
key, the newest load that is not undone. So undoing a load is one row changed here, and so is taking
the undo back. Demo and real figures never mix: a load of one kind retires the live loads of the other
kind in the same write, and undoing the last load of a kind brings back what it retired.
"""

from __future__ import annotations

import contextvars
import getpass
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb

from reception.i18n import t
from reception.refusal import Refusal
from reception.store.writer import write
from reception.text import clip

_actor: contextvars.ContextVar[str | None] = contextvars.ContextVar("reception_actor", default=None)


def actor() -> str:
    """Who is changing the data: as set by :func:`acting_as`, else the operating system's user."""
    who = _actor.get()
    if who:
        return who
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (e.g. a bare container)
        return "?"


@contextmanager
def acting_as(who: str) -> Iterator[None]:
    """Loads and undos inside the block are recorded as done by ``who`` (an e-mail, "editor")."""
    token = _actor.set(who)
    try:
        yield
    finally:
        _actor.reset(token)


def new_load(
    con: duckdb.DuckDBPyConnection,
    *,
    source: str,
    dataset: str,
    rows: int,
    sha256: str | None = None,
    is_demo: bool = False,
    is_reference: bool = False,
    summary: dict | None = None,
) -> int:
    """Record a load inside an open write and return its id, for tagging the facts it brings."""
    load_id = con.execute("select coalesce(max(load_id), 0) + 1 from load_log").fetchone()[0]
    con.execute(
        """insert into load_log
               (load_id, loaded_at, source, sha256, dataset, rows, is_demo, summary, is_reference, loaded_by)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            load_id,
            datetime.now().replace(microsecond=0),
            source,
            sha256,
            dataset,
            rows,
            is_demo,
            json.dumps(summary, ensure_ascii=False) if summary is not None else None,
            is_reference,
            actor(),
        ],
    )
    return load_id


def retire_other_kind(con: duckdb.DuckDBPyConnection, *, new: list[int], demo: bool) -> list[int]:
    """Demo and real never mix: retire every live load of the other kind, inside the open write.

    Why retire rather than keep the demo in a store of its own: one store keeps one writer, one
    data version and one load history, and the retirement is a row in that history (undone, with
    the reason and the load that caused it), so the user sees why the demo left and undoing that
    load brings it back (:func:`undo`). The shipped länstal (``is_reference``) belongs to both.

    Args:
        new: the loads of the write that brings the new kind (the first is named as the cause).
        demo: True when the demo is being loaded (then live real loads and any earlier demo are
            retired), False for a real file (then every live demo load is).

    Returns:
        The ids retired, oldest first.
    """
    rules = ((REAL, "demo_loaded"), ("is_demo", "demo_replaced")) if demo else (("is_demo", "real_loaded"),)
    stamp = datetime.now().replace(microsecond=0)
    retired: list[int] = []
    if not new:
        return retired
    for kind, reason in rules:
        # kind is one of the conditions above, never from outside
        ids = [
            r[0]
            for r in con.execute(
                f"select load_id from load_log where undone_at is null and {kind} "
                "and not list_contains(?, load_id)",
                [new],
            ).fetchall()
        ]
        if ids:
            con.execute(
                "update load_log set undone_at = ?, undone_reason = ?, retired_by = ?, undone_by = ? "
                "where list_contains(?, load_id)",
                [stamp, reason, new[0], actor(), ids],
            )
        retired += ids
    return sorted(retired)


class UndoRefused(Refusal):
    """The load can't be undone (or redone): unknown, or undone (not undone) already.

    ``code`` names the reason (``unknown``, ``already_undone``, ``not_undone``); ``fields`` fill
    the user's message (label ``undo.refused.<code>``), worded when it is shown, in the language of
    whoever reads it (:meth:`message`, ``str()``).
    """

    def __init__(self, code: str, /, **fields: object):
        self.code = code
        self.fields = {k: clip(v) if isinstance(v, str) else v for k, v in fields.items()}
        super().__init__(code)

    def __str__(self) -> str:
        return self.message()

    def message(self, lang: str | None = None) -> str:
        return t(f"undo.refused.{self.code}", lang, **self.fields)


def _load_row(con: duckdb.DuckDBPyConnection, load_id: int) -> tuple:
    row = con.execute(
        "select load_id, source, dataset, rows, undone_at, is_demo, is_reference from load_log "
        "where load_id = ?",
        [load_id],
    ).fetchone()
    if row is None:
        raise UndoRefused("unknown", id=load_id)
    return row


def undo(load_id: int, path: Path | None = None) -> dict:
    """Mark a load undone, so every key shows the load before it again; who did it is recorded.

    Demo and real never mix, and what one kind retired comes back when the last live load of that
    kind is undone: undoing the real file that retired the demo (the only live real load) brings
    the demo back; undoing the last live demo load brings back the real loads the demo retired.

    Returns:
        The undone load's row from ``loads``, with ``restored``: the ids brought back.

    Raises:
        UndoRefused: if there is no such live load.
    """
    with write(path) as con:
        row = _load_row(con, load_id)
        if row[4] is not None:
            raise UndoRefused("already_undone", id=load_id, source=row[1], at=f"{row[4]:%Y-%m-%d %H:%M}")
        con.execute(
            "update load_log set undone_at = ?, undone_by = ? where load_id = ?",
            [datetime.now(), actor(), load_id],
        )
        restored = [] if row[6] else _restore_retired(con, load_id, demo=bool(row[5]))
        return {"load_id": row[0], "source": row[1], "dataset": row[2], "rows": row[3], "restored": restored}


def redo(load_id: int, path: Path | None = None) -> dict:
    """Take an undo back: the load counts again. The history keeps when and by whom (redone_at/by).

    A load that comes back retires the live loads of the other kind, as when it was first loaded,
    so demo and real figures never mix.

    Raises:
        UndoRefused: if there is no such load, or it is not undone.
    """
    with write(path) as con:
        row = _load_row(con, load_id)
        if row[4] is None:
            raise UndoRefused("not_undone", id=load_id, source=row[1])
        con.execute(
            """update load_log
               set undone_at = null, undone_by = null, undone_reason = null, retired_by = null,
                   redone_at = ?, redone_by = ?
               where load_id = ?""",
            [datetime.now(), actor(), load_id],
        )
        retired = [] if row[6] else retire_other_kind(con, new=[load_id], demo=bool(row[5]))
        return {"load_id": row[0], "source": row[1], "dataset": row[2], "rows": row[3], "retired": retired}


REAL = "not is_demo and not coalesce(is_reference, false)"


def _restore_retired(con: duckdb.DuckDBPyConnection, undone: int, *, demo: bool) -> list[int]:
    """Bring back what the undone load's kind retired, once no load of that kind is live.

    The last demo load brings back every real load a demo retired; a real load brings back the
    demo it retired itself (an older demo, retired and then replaced, never comes back beside it).
    """
    own_kind = "is_demo" if demo else REAL
    # own_kind is one of the two conditions above, never from outside
    if con.execute(f"select count(*) from load_log where undone_at is null and {own_kind}").fetchone()[0]:
        return []
    if demo:
        found = con.execute("select load_id from load_log where undone_reason = 'demo_loaded'")
    else:
        found = con.execute(
            "select load_id from load_log where undone_reason = 'real_loaded' and retired_by = ?",
            [undone],
        )
    ids = sorted(r[0] for r in found.fetchall())
    if ids:
        con.execute(
            "update load_log set undone_at = null, undone_reason = null, retired_by = null, undone_by = null "
            "where list_contains(?, load_id)",
            [ids],
        )
    return ids
