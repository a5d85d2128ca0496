"""Every page's full script run under AppTest, warm and cold, and the queries each page runs.

A page's time is the script run as Streamlit's script runner does it (the page's code, the
selection sidebar, the queries through the result cache, the figures and downloads, and the
messages for the browser), taken inside the runner so AppTest's own parsing is not counted.
*Warm*: the same script run again (what every click on a widget costs when the answer is cached).
*Changed*: a selection not seen before (another county each run, as a shared link or the area
picker sets it), so every query that depends on the selection runs; the others stay cached.
*Emptied*: Streamlit's data cache (and the kept figures and files) emptied first, so every query
runs on the open store. *New data*: the store's data version changed first (its file touched, as
a load swaps it), so the page also opens the store again (the first view
after a load). While an emptied run goes, the queries it asks for are recorded: they are the
page's *floor*, run again straight on DuckDB by ``bench.reference``.
"""

from __future__ import annotations

import logging
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.timing import measure

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("warm", "changed", "emptied", "new_data")
PAGES = ["app.py", *sorted(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))]
# pages that show nothing for the whole country start on a county (Planering plans one county)
START = {"pages/planering.py": {"lan": "20"}}


class ScriptClock:
    """Times the script runner's own run of the page, in the thread it runs in."""

    def __init__(self) -> None:
        from streamlit.runtime.scriptrunner import script_runner

        self.runner = script_runner.ScriptRunner
        self.original = self.runner._run_script
        self.last: float | None = None
        clock = self

        def timed(runner: Any, *args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return clock.original(runner, *args, **kwargs)
            finally:
                clock.last = time.perf_counter() - start

        self.runner._run_script = timed

    def __call__(self, fn) -> float:
        """Seconds the script run inside ``fn`` took (wall time of ``fn`` if none was seen)."""
        self.last = None
        start = time.perf_counter()
        fn()
        wall = time.perf_counter() - start
        return self.last if self.last is not None else wall

    def close(self) -> None:
        self.runner._run_script = self.original


@contextmanager
def recording_queries():
    """Record every ``queries.run`` call and whole-view read the pages make while inside."""
    from reception import queries
    from reception.ui import cached

    calls: list[tuple] = []
    run, view = queries.run, cached._view

    def recorded_run(name, params=None, path=None):
        calls.append(("query", name, dict(params or {})))
        return run(name, params, path)

    def recorded_view(name, version, path):
        calls.append(("view", name, {}))
        return view(name, version, path)

    queries.run, cached._view = recorded_run, recorded_view
    try:
        yield calls
    finally:
        queries.run, cached._view = run, view


def open_app(db: Path, page: str):
    """An AppTest on ``db`` showing ``page`` (the whole country, all years; or the page's START)."""
    from streamlit.testing.v1 import AppTest

    os.environ["RECEPTION_DB"] = str(db)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, value in START.get(page, {}).items():
        at.query_params[key] = value
    at.run()
    if page != "app.py":
        at.switch_page(page).run()
    if at.exception:
        raise RuntimeError(f"{page}: " + "; ".join(e.message for e in at.exception))
    return at


def counties(db: Path) -> list[str]:
    """The county codes ('01', '03', ...) of the store, for selections not seen before."""
    from reception import queries

    options = queries.run("area_options", {}, db)
    return sorted(options.loc[options["kind"] == "lan", "code"])


def _forget_kept() -> None:
    try:
        from reception import memo
    except ImportError:  # a version of the app without kept figures (a before-and-after run)
        return
    memo.clear()


def forget() -> None:
    """Empty Streamlit's data cache and the kept figures and files: every query runs again."""
    import streamlit as st

    st.cache_data.clear()
    _forget_kept()


def touch(db: Path) -> None:
    """Give the store a new data version (as a load does), without changing what it holds."""
    now = time.time_ns()
    os.utime(db, ns=(now, now))
    _forget_kept()


def time_pages(db: Path, runs: int, warmup: int = 2) -> dict[str, dict]:
    """Warm, changed-selection, emptied-cache and new-data runs of every page on ``db``.

    Returns:
        {page: {"warm", "changed", "emptied", "new_data": summaries, "charts": n,
        "calls": [(kind, name, params)]}}: ``calls`` are the queries an emptied run made.
    """
    from streamlit import config, logger

    config.set_option("logger.level", "error")  # AppTest runs without a server: its warnings say so
    logger.set_log_level(logging.ERROR)
    clock = ScriptClock()
    results: dict[str, dict] = {}
    codes = counties(db)
    if len(codes) < runs + 1:
        raise ValueError(f"{len(codes)} counties are too few for {runs} changed selections")
    try:
        for page in PAGES:
            forget()
            at = open_app(db, page)
            warm = measure(at.run, runs, warmup, clock=clock)
            unseen = iter(codes)

            def another_county(at=at, unseen=unseen) -> None:
                at.query_params.clear()
                at.query_params["lan"] = next(unseen)

            changed = measure(at.run, runs, 1, before=another_county, clock=clock)
            at = open_app(db, page)  # the whole country again
            emptied = measure(at.run, runs, warmup, before=forget, clock=clock)
            new_data = measure(at.run, runs, warmup, before=lambda: touch(db), clock=clock)
            forget()
            with recording_queries() as calls:
                at.run()
            if at.exception:
                raise RuntimeError(f"{page}: " + "; ".join(e.message for e in at.exception))
            results[page] = {
                "warm": warm,
                "changed": changed,
                "emptied": emptied,
                "new_data": new_data,
                "charts": len(at.get("plotly_chart")),
                "calls": calls,
            }
    finally:
        clock.close()
        forget()
    return results
