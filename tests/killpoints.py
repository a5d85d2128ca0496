"""Stop a writer dead (SIGKILL) at each of the store writer's steps, in a process of its own.

The writer (``reception.store.writer.write``) copies the store, writes the copy in one transaction, commits,
checkpoints and renames the copy over the live file. Killed anywhere before the rename, the live
file must be byte for byte what it was; killed at or after the rename, the store must hold the whole
write. Each point below names where the kill lands and which of the two the store must then be.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reception import store

POINTS = {
    "in_transaction": "before",  # facts written and views worked out, not committed
    "after_commit": "before",  # committed to the copy's write-ahead log, not checkpointed
    "after_checkpoint": "before",  # the copy is whole and closed, not renamed
    "just_before_rename": "before",  # the copy is synced to disk, os.replace not called
    "just_after_rename": "after",  # os.replace done, the folder not yet synced
    "after_swap": "after",  # the writer done, its lock not yet released
}

_KILLER = """
import os, signal, sys
from pathlib import Path
from reception.store import writer

live, point = Path(sys.argv[1]), sys.argv[2]
commit, checkpoint, swap, replace = writer._commit, writer._checkpoint, writer._swap, os.replace


def die(*_):
    os.kill(os.getpid(), signal.SIGKILL)


def then_die(step):
    def wrapped(*args):
        step(*args)
        die()
    return wrapped


def replace_then(src, dst, kill_first):
    if Path(dst) == live and kill_first:
        die()
    replace(src, dst)
    if Path(dst) == live and not kill_first:
        die()


if point == "in_transaction":
    writer._commit = die
elif point == "after_commit":
    writer._commit = then_die(commit)
elif point == "after_checkpoint":
    writer._checkpoint = then_die(checkpoint)
elif point == "just_before_rename":
    os.replace = lambda src, dst: replace_then(src, dst, True)
elif point == "just_after_rename":
    os.replace = lambda src, dst: replace_then(src, dst, False)
elif point == "after_swap":
    writer._swap = then_die(swap)
else:
    raise SystemExit(f"unknown point {point}")
exec(sys.argv[3])
raise SystemExit("the writer was not stopped: the point was never reached")
"""


def run_killed(live: Path, point: str, job: str) -> subprocess.CompletedProcess:
    """Run the Python code ``job`` (``live`` is bound to the store's path) in a process that is
    killed at ``point``; the process must die by SIGKILL."""
    done = subprocess.run(
        [sys.executable, "-c", _KILLER, str(live), point, job],
        cwd=store.ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -9, f"{point}: exit {done.returncode}\n{done.stderr[-2000:]}"
    return done


def contents(path: Path) -> dict[str, list[str]]:
    """Every table of the store, row by row, without load times (equal for equal writes)."""
    with store.connect_read(path) as con:
        tables = [
            r[0]
            for r in con.execute(
                "select table_name from information_schema.tables where table_catalog = 'store' "
                "and table_schema = 'main' order by table_name"
            ).fetchall()
        ]
        out = {}
        for table in tables:
            columns = [r[0] for r in con.execute(f'describe "{table}"').fetchall()]
            kept = ", ".join(f'"{c}"' for c in columns if c not in ("loaded_at", "applied_at"))
            out[table] = sorted(map(repr, con.execute(f'select {kept} from "{table}"').fetchall()))
    return out


def temporaries(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir() if p.name.endswith((".tmp", ".tmp.wal")))
