"""Ingest throughput: rows per second per format, each run into a fresh copy of the demo store.

The importer reads an event-level file (``arrival_events``), validates it and stores the events and
their monthly aggregate in one transaction, the way ``python -m reception ingest`` does: in a child
process under the command line's limits (``reception.ingest.isolate``). A run's time is the whole
call, from starting the child to its answer after the renamed store; copying the demo store for it
is not counted. What isolation costs per load (a child started, answering and ended) is measured on
its own. The store left by the last run of the largest parquet file is kept: it is the 10 M scale.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from bench import generate
from bench.timing import summary

DATASET = "arrival_events"


def importer():
    """The command line's importer (in a child process), or None while the importer is not there.

    Returns:
        A function (file, **options) -> (result, what the child cost: peak_rss_mb, seconds, exit).
    """
    try:
        from reception.ingest import guard, isolate
    except ImportError:
        return None

    def ingest_file(file: Path, **options):
        report: dict = {}
        result = isolate.ingest(file.name, path=file, limits=guard.COMMAND_LINE, report=report, **options)
        return result, report

    return ingest_file


def isolation_cost(runs: int) -> dict:
    """Starting a child from the fork server, one message back, and its end: ms per load."""
    from reception.ingest import isolate

    return summary([ms / 1000 for ms in isolate.round_trip_ms(runs)])


def plan(quick: bool, ten_million: bool = True) -> list[tuple[str, int, int]]:
    """(format, rows, timed runs) to measure; the 10 M files only when the 10 M scale is wanted."""
    if quick:
        return [("csv", 100_000, 2), ("parquet", 100_000, 2), ("xlsx", 10_000, 2)]
    files = [("csv", 1_000_000, 3), ("parquet", 1_000_000, 3), ("xlsx", 100_000, 3)]
    return files + ([("csv", 10_000_000, 2), ("parquet", 10_000_000, 2)] if ten_million else [])


def _said(error: Exception, folder: Path) -> str:
    """The error in one line, without machine paths (the temporary folder, the data folder)."""
    text = f"{type(error).__name__}: {error}"
    text = text.replace(str(folder), "<tmp>").replace(str(generate.DATA), "bench/out/data")
    return text[:2000]


def ingest_once(ingest_file, file: Path, demo_db: Path, target: Path) -> tuple[float, int, float]:
    """Load ``file`` into a fresh copy of the demo store at ``target``; (seconds, rows, child's peak MB)."""
    target.unlink(missing_ok=True)
    generate.copy_store(demo_db, target)
    start = time.perf_counter()
    result, report = ingest_file(file, dataset=DATASET, store_path=target)
    return time.perf_counter() - start, int(result.rows), report.get("peak_rss_mb", 0.0)


def throughput(
    demo_db: Path, folder: Path, today: date, quick: bool, ten_million: bool = True
) -> tuple[dict, Path | None]:
    """Rows per second per format and size, and the store holding the largest parquet load.

    Returns:
        ({"csv 1000000": {...}}, or {"skipped": reason}), and the events store or None.
    """
    ingest_file = importer()
    if ingest_file is None:
        return {"skipped": "reception.ingest.ingest_file is not importable yet"}, None
    results: dict[str, dict] = {"isolation": isolation_cost(5 if quick else 20)}
    events_store = None
    warm = folder / "ingest_warmup.duckdb"
    for fmt in ("csv", "parquet", "xlsx"):  # warm-up: imports, readers, the page cache
        try:
            ingest_once(ingest_file, generate.events_file(1_000, fmt, today)[0], demo_db, warm)
        except Exception as error:  # noqa: BLE001 - a refused file is a finding, not a crash
            results[f"{fmt} warm-up"] = {"error": _said(error, folder)}
    files = plan(quick, ten_million)
    largest = max(rows for fmt, rows, _ in files if fmt == "parquet")
    for fmt, rows, runs in files:
        file, _ = generate.events_file(rows, fmt, today)
        target = folder / f"ingest_{fmt}_{rows}.duckdb"
        seconds, loaded, error, peak = [], None, None, 0.0
        for _ in range(runs):
            try:
                took, loaded, used = ingest_once(ingest_file, file, demo_db, target)
            except Exception as failure:  # noqa: BLE001
                error = _said(failure, folder)
                break
            seconds.append(took)
            peak = max(peak, used)
        entry = {"format": fmt, "rows": rows, "file_mb": round(file.stat().st_size / 1e6, 1)}
        if error:
            entry["error"] = error
        if seconds:
            entry.update(seconds=summary(seconds), rows_loaded=loaded, child_peak_rss_mb=peak)
            entry["rows_per_s"] = round(rows / (entry["seconds"]["median_ms"] / 1000))
        results[f"{fmt} {rows}"] = entry
        if fmt == "parquet" and rows == largest and seconds:
            events_store = target
        elif target.exists():
            target.unlink()
    warm.unlink(missing_ok=True)
    return results, events_store
