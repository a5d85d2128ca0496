"""Every file from outside is read in a child process: a file that blows up a reader takes only the child.

The Data page's upload and ``ingest`` (:func:`ingest`), Planering's weight file and ``scenario --key``
(:func:`read_weights`), and a meeting deck on Möte and ``handout --deck`` (:func:`read_deck`) all go
through :func:`run`, under the guard and the limits of their kind (``reception.ingest.guard``).

A reader can end the process that runs it with no Python exception to catch (calamine's allocator
aborts on a sheet declaring A1:XFD1048576), or eat the machine's memory before failing. So the Data
page and the command line never read a file in their own process: :func:`ingest` starts a child,
which checks the file (:mod:`reception.ingest.guard`), reads, validates and writes the store
itself, under a ceiling on its address space (``RLIMIT_AS``), a watch on its resident memory and a
time limit. The child does the whole load, store write included: the writer copies the store,
writes the copy and renames it over the live file, so a child killed at any moment leaves the
store as it was (the next writer removes the copy it left). Only the summary or the problems come
back, so a 10 M-row file costs no copy between the processes; a refusal comes back bounded (at most
50 problems and the count of the rest, each value it quotes cut to a line where it was made), and
what the child's readers write to stderr (a Rust panic, a failed allocation) goes to a file the
parent logs for the operator, never to the page or the terminal.

Children are forked from a fork server (``multiprocessing``'s ``forkserver``): a small process
started once, with the importer imported, and with no threads of its own, so forking from it is
safe while the Streamlit server runs threads, and a child starts in milliseconds, not the second a
fresh interpreter needs to import pyarrow and DuckDB.

Whatever ends the child (its memory, its time, SIGABRT, SIGKILL, MemoryError, any error) becomes
an :class:`IngestRefused` that names the file and the limit.
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import multiprocessing
import multiprocessing.spawn
import os
import resource
import select
import signal
import tempfile
import threading
import time
import traceback
from functools import cache
from pathlib import Path, PurePath

from reception import store
from reception.ingest import guard
from reception.ingest.guard import MB, UPLOAD, Limits
from reception.ingest.problems import IngestRefused, coded
from reception.ingest.result import IngestResult
from reception.refusal import Refusal
from reception.store import loadlog
from reception.text import clip

POLL_S = 0.02
# the address space a reading child may add to what it had when it started, beyond its memory
# ceiling: DuckDB's and Arrow's threads reserve stacks and arenas they never touch
RESERVED_MB = 2048
CHILD = "reception-ingest"
# children reading at once in one server: each may take its limits' memory, so a crowd of visitors
# uploading together cannot add up to more than this many ceilings; beyond it a file is refused at once
MAX_CHILDREN = 4
MAX_NAME = 255  # characters of a file's name: what a file system keeps; a longer one is refused in words
LOGGED = 4096  # the most of a child's error output kept for the operator's log
LOG = logging.getLogger("reception.ingest")
_SLOTS = threading.BoundedSemaphore(MAX_CHILDREN)
_READING: set[str] = set()  # the owners (a browser session) with a file being read now
_READING_LOCK = threading.Lock()


def _set_up_preparation() -> None:
    """Tell ``multiprocessing`` what a new reading child sets up: not the parent's main script.

    ``multiprocessing`` makes every spawned or fork-served child import the parent's ``__main__``
    (the benchmark's runner, a console script, or nothing at all for ``python -`` and the child
    fails); the importer's children need only their target, which the fork server has imported.
    Done once, when the first child is started (:func:`_context`), never by importing this module.
    """
    original = multiprocessing.spawn.get_preparation_data
    if getattr(original, "for_reading_children", False):
        return

    def preparation(process_name: str) -> dict:
        data = original(process_name)
        if process_name.startswith(CHILD):
            data.pop("init_main_from_path", None)
            data.pop("init_main_from_name", None)
        return data

    preparation.for_reading_children = True
    multiprocessing.spawn.get_preparation_data = preparation


@cache
def _context() -> multiprocessing.context.BaseContext:
    _set_up_preparation()
    if "forkserver" not in multiprocessing.get_all_start_methods():  # not on this platform: slower
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["reception.ingest.isolate", *(module for module, _ in TASKS.values())])
    return ctx


def _status(pid: int | str, field: str) -> int:
    """A memory figure of a process from /proc (kB -> bytes); 0 where there is no /proc."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except (FileNotFoundError, ProcessLookupError, PermissionError, ValueError):
        pass
    return 0


def _die_with(caller: int) -> None:
    """End this child as soon as the process that asked for it ends (a killed command line or
    server must leave no load running on its own; the fork server outlives its caller while any
    child of it runs, so its end is no signal)."""

    def watch() -> None:
        try:
            handle = os.pidfd_open(caller)  # readable once the caller has ended
            select.select([handle], [], [])
        except (AttributeError, OSError):  # no pidfd here, or the caller is already gone
            while True:
                try:
                    os.kill(caller, 0)
                except ProcessLookupError:
                    break
                except PermissionError:
                    pass
                time.sleep(0.2)
        os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=watch, name="caller-watch", daemon=True).start()


def _limit_self(limits: Limits) -> None:
    """The child's own ceilings: address space and CPU time (the parent watches the rest)."""
    virtual = _status("self", "VmSize")
    if virtual:
        ceiling = virtual + (limits.memory_mb + RESERVED_MB) * MB
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, ceiling))
    cpu = limits.seconds * 4 + 10  # threads add up; the wall clock is the real limit
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))


# What a child may be asked to read, each a function (name=, data=, **options) in a module the fork
# server has imported: every file from outside reaches the server's code through one of these
TASKS = {
    "ingest": ("reception.ingest.pipeline", "ingest_bytes"),
    "preview": ("reception.ingest.preview", "preview_bytes"),
    "weights": ("reception.planning.weights", "read_weights"),
    "deck": ("reception.meeting.deck", "from_json"),
}


def _child(
    conn,
    caller: int,
    task: str,
    name: str,
    data: bytes | None,
    path: str | None,
    limits: Limits,
    options: dict,
    who: str,
    errors: str,
) -> None:
    """``task`` on the file, in the child, recorded as done by ``who``: every outcome goes back as one
    message. A refusal the task raises goes back bounded (each is picklable); anything else is
    worded by the parent. What the child's readers write to stderr (a Rust panic, an allocation that
    failed) goes to the file ``errors``, which the parent logs for the operator: never to the
    terminal or page of whoever loads the file."""
    _to_file(errors)
    _die_with(caller)
    try:
        _limit_self(limits)
        guard.use(limits)
        if data is None:
            data = Path(path).read_bytes()
        module, function = TASKS[task]
        run_task = getattr(importlib.import_module(module), function)
        if task == "ingest":

            def progress(done: int, total: int) -> None:
                conn.send(("progress", done, total))

            options = {**options, "progress": progress}
        with loadlog.acting_as(who):
            result = run_task(name=name, data=data, **options)
        message = ("done", result)
    except Refusal as refused:  # the importer's, a scenario's, a deck's: it crosses back, bounded
        message = ("refused", refused.bounded())
    except MemoryError:
        message = ("memory",)
    except BaseException as error:  # noqa: BLE001 - the parent words it; nothing may escape as a crash
        if type(error).__name__ == "OutOfMemoryException":  # DuckDB's, under the ceiling
            message = ("memory",)
        else:  # for the operator's log, bounded; the user gets a coded refusal
            message = ("failed", traceback.format_exc()[-LOGGED:])
    conn.send((*message, _status("self", "VmHWM")))
    conn.close()


def _to_file(errors: str) -> None:
    """This process's stderr (fd 2, which Rust and C write to as well) into the file ``errors``."""
    handle = os.open(errors, os.O_WRONLY | os.O_APPEND)
    os.dup2(handle, 2)
    os.close(handle)


def _logged(name: str, errors: str, outcome, stopped: str | None, exitcode: int | None) -> None:
    """What the child wrote to stderr, and any error it raised, in the operator's log (bounded)."""
    try:
        with open(errors, "rb") as file:
            file.seek(max(os.path.getsize(errors) - LOGGED, 0))
            written = file.read().decode("utf-8", "replace")
    except OSError:
        written = ""
    finally:
        with contextlib.suppress(OSError):
            os.unlink(errors)
    said = outcome[1] if outcome and outcome[0] == "failed" else ""
    if written or said or (outcome is None and not stopped):
        LOG.warning("reading %r ended (exit %s): %s%s", clip(name), exitcode, said, written)


def ingest(
    name: str,
    data: bytes | None = None,
    *,
    path: str | Path | None = None,
    limits: Limits = UPLOAD,
    progress=None,
    report: dict | None = None,
    **options,
) -> IngestResult:
    """Load one file as :func:`reception.ingest.ingest_bytes` does, in a child process.

    Args:
        name: the file's name as the user gave it.
        data: its bytes (an upload), or None and ``path``: the child reads the file itself.
        limits: :data:`guard.UPLOAD` (the Data page) or :data:`guard.COMMAND_LINE`.
        progress: called with (done, total) as the child reports.
        report: if given, filled with what the child cost: ``peak_rss_mb``, ``seconds``, ``exit``.
        options: ``dataset``, ``year``, ``month``, ``store_path``, ``today`` as for ``ingest_bytes``.

    Raises:
        IngestRefused: the file's problems, or the limit that stopped it; the store is unchanged.
    """
    options["store_path"] = Path(options.get("store_path") or store.db_path()).resolve()
    return run("ingest", name, data, path=path, limits=limits, progress=progress, report=report, **options)


def preview(
    name: str,
    data: bytes | None = None,
    *,
    path: str | Path | None = None,
    limits: Limits = UPLOAD,
    report: dict | None = None,
    owner: str | None = None,
    **options,
):
    """What a file would become (:func:`reception.ingest.preview.preview_bytes`), read in a child
    process under the same guard and limits as a load; nothing is written.

    Args:
        options: ``choices``, ``recipe``, ``dataset``, ``year``, ``month``, ``store_path``, ``today``.

    Raises:
        IngestRefused: the limit that stopped the child, or what no choice can fix (an unreadable
            file, a recipe that does not fit).
    """
    options["store_path"] = Path(options.get("store_path") or store.db_path()).resolve()
    return run("preview", name, data, path=path, limits=limits, report=report, owner=owner, **options)


def read_weights(
    name: str,
    data: bytes | None = None,
    *,
    lan_kod: str,
    path: str | Path | None = None,
    limits: Limits = guard.WEIGHTS,
    owner: str | None = None,
) -> dict[str, float]:
    """A planner's weight file (:func:`reception.planning.weights.read_weights`), read in a child process.

    Raises:
        ScenarioRefused: the file's content is not a key for the county.
        IngestRefused: the file is beyond a limit, or unreadable.
    """
    return run("weights", name, data, path=path, limits=limits, owner=owner, lan_kod=lan_kod)


def read_deck(
    name: str,
    data: bytes | None = None,
    *,
    path: str | Path | None = None,
    limits: Limits = guard.DECK,
    owner: str | None = None,
):
    """A meeting deck file (:func:`reception.meeting.deck.from_json`), read in a child process.

    Raises:
        DeckRefused: not a deck, or a bad slide.
        IngestRefused: the file is beyond a limit.
    """
    return run("deck", name, data, path=path, limits=limits, owner=owner)


def run(
    task: str,
    name: str,
    data: bytes | None = None,
    *,
    path: str | Path | None = None,
    limits: Limits = UPLOAD,
    progress=None,
    report: dict | None = None,
    owner: str | None = None,
    **options,
):
    """``task`` (a key of :data:`TASKS`) on one file from outside, in a child process.

    At most :data:`MAX_CHILDREN` children read at once in this process, and one ``owner`` (a
    browser session) has one file read at a time; beyond either the file is refused at once
    (``limit.busy``), nothing waits.

    Raises:
        IngestRefused: the limit that stopped the child, or what the ingest task refused.
        the task's own refusal (``ScenarioRefused``, ``DeckRefused``), as the child raised it.
    """
    name = PurePath(name).name
    if len(name) > MAX_NAME:
        raise IngestRefused(name, [coded(name, "limit.name", n=len(name), limit=MAX_NAME)])
    size = len(data) if data is not None else Path(path).stat().st_size
    if size > limits.file_mb * MB:
        raise IngestRefused(name, [coded(name, "limit.file", size=f"{size / MB:.0f}", limit=limits.file_mb)])
    with _READING_LOCK:
        if owner is not None and owner in _READING:
            raise IngestRefused(name, [coded(name, "limit.busy_session")])
        if not _SLOTS.acquire(blocking=False):
            raise IngestRefused(name, [coded(name, "limit.busy", n=MAX_CHILDREN)])
        if owner is not None:
            _READING.add(owner)
    try:
        return _run(task, name, data, path, limits, progress, report, options)
    finally:
        with _READING_LOCK:
            _READING.discard(owner)
            _SLOTS.release()


def _run(task, name, data, path, limits, progress, report, options):
    # the fork server keeps the environment and folder it started with: say everything explicitly,
    # who is loading included (the editor signed in to the page, or the command line's user)
    who = loadlog.actor()
    path = str(Path(path).resolve()) if path is not None else None
    ctx = _context()
    receiving, sending = ctx.Pipe(duplex=False)
    handle, errors = tempfile.mkstemp(prefix="reception-reading-", suffix=".log")
    os.close(handle)
    started = time.monotonic()
    child = ctx.Process(
        target=_child,
        args=(sending, os.getpid(), task, name, data, path, limits, options, who, errors),
        name=CHILD,
        daemon=True,
    )
    child.start()
    sending.close()
    outcome, peak, stopped = None, 0, None
    try:
        while outcome is None:
            if receiving.poll(POLL_S):
                try:
                    message = receiving.recv()
                except (EOFError, OSError):
                    break  # the child is gone without a word
                if message[0] == "progress":
                    if progress:
                        progress(message[1], message[2])
                    continue
                outcome = message
                break
            rss = _status(child.pid, "VmRSS")
            peak = max(peak, rss)
            if rss > limits.memory_mb * MB:
                stopped = "memory"
            elif time.monotonic() - started > limits.seconds:
                stopped = "time"
            if stopped:
                child.kill()
                break
            if not child.is_alive() and not receiving.poll(0):
                break
    finally:
        child.join(5)
        if child.is_alive():
            child.kill()
            child.join()
        receiving.close()
    _logged(name, errors, outcome, stopped, child.exitcode)
    if outcome is not None:
        peak = max(peak, outcome[-1])
    if report is not None:
        report.update(
            peak_rss_mb=round(peak / MB, 1),
            seconds=round(time.monotonic() - started, 3),
            exit=child.exitcode,
        )
    return _answer(name, outcome, stopped, child.exitcode, limits)


def _answer(name: str, outcome, stopped: str | None, exitcode: int | None, limits: Limits) -> IngestResult:
    """The child's outcome as a result, or as the refusal that names the file and the limit."""
    kind = outcome[0] if outcome else None
    if kind == "done":
        return outcome[1]
    if kind == "refused":
        raise outcome[1]
    if stopped == "time":
        problem = coded(name, "limit.time", limit=limits.seconds)
    elif stopped == "memory" or kind == "memory":
        problem = coded(name, "limit.memory", limit=limits.memory_mb)
    elif kind == "failed":
        problem = coded(name, "unreadable", kind=PurePath(name).suffix.lstrip(".") or "?")
    elif exitcode is not None and exitcode < 0 and -exitcode == signal.SIGXCPU:
        problem = coded(name, "limit.time", limit=limits.seconds)
    else:
        how = _signal_name(exitcode)
        problem = coded(name, "crashed", how=how, limit=limits.memory_mb)
    raise IngestRefused(name, [problem])


def _signal_name(exitcode: int | None) -> str:
    if exitcode is None:
        return "?"
    if exitcode < 0:
        try:
            return signal.Signals(-exitcode).name
        except ValueError:
            return f"signal {-exitcode}"
    return f"exit {exitcode}"


def round_trip_ms(runs: int = 5) -> list[float]:
    """What isolation costs per load: a child started, handed a message and ended, in ms each time."""
    ctx = _context()
    times = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        receiving, sending = ctx.Pipe(duplex=False)
        child = ctx.Process(target=_echo, args=(sending,), name=CHILD, daemon=True)
        child.start()
        sending.close()
        receiving.recv()
        child.join()
        receiving.close()
        times.append((time.perf_counter() - started) * 1000)
    return times[1:]  # the first starts the fork server


def _echo(conn) -> None:
    conn.send(os.getpid())
    conn.close()
