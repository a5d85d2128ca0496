"""The preview against a plain load, on the event file of 1 M rows (CSV).

Three ways to the same file, each in a child process under the command line's limits, each into a
fresh copy of the demo store: a plain load (``ingest``), the preview alone (``ingest --dry-run``:
read, every check, the facts' digest, nothing written), and a load after the preview (with the
preview's resolved choices and digest, as "Läs in" on the Data page loads). The preview must take
at most 1.5 times a plain load. How many times the file is read is counted in this process, where
the reader can be watched: once by the preview and once by the load after it, never a third time.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from bench import generate
from bench.ingest import DATASET
from bench.timing import summary
from reception.ingest import guard, isolate, pipeline, preview, read

LIMIT = 1.5  # the preview's time against a plain load's


def _timed(call) -> tuple[float, object]:
    start = time.perf_counter()
    answer = call()
    return time.perf_counter() - start, answer


def reads(file: Path, demo_db: Path, target: Path) -> dict[str, int]:
    """How many times the file is read by the preview, and by the load after it (in this process)."""
    counted = {"n": 0}
    original = read.read

    def counting(name: str, data: bytes):
        counted["n"] += 1
        return original(name, data)

    read.read = counting
    try:
        generate.copy_store(demo_db, target)
        shown = preview.preview_bytes(file.name, file.read_bytes(), dataset=DATASET, store_path=target)
        by_preview = counted["n"]
        pipeline.ingest_bytes(
            file.name, file.read_bytes(), choices=shown.resolved, expect=shown.digest, store_path=target
        )
    finally:
        read.read = original
    target.unlink(missing_ok=True)
    return {"preview": by_preview, "load_after_preview": counted["n"] - by_preview}


def measure(demo_db: Path, folder: Path, today: date, quick: bool) -> dict:
    """Seconds (median, p95) of a plain load, a preview and a load after it; the ratio; the reads."""
    rows = 100_000 if quick else 1_000_000
    runs = 2 if quick else 3
    file, _ = generate.events_file(rows, "csv", today)
    target = folder / "preview_bench.duckdb"
    options = {"path": file, "limits": guard.COMMAND_LINE, "dataset": DATASET}
    plain, previewed, after = [], [], []
    for _ in range(runs):
        target.unlink(missing_ok=True)
        generate.copy_store(demo_db, target)
        took, _ = _timed(lambda: isolate.ingest(file.name, store_path=target, **options))
        plain.append(took)
        target.unlink(missing_ok=True)
        generate.copy_store(demo_db, target)
        took, shown = _timed(lambda: isolate.preview(file.name, store_path=target, **options))
        previewed.append(took)
        said = {"choices": shown.resolved, "expect": shown.digest}
        took, _ = _timed(lambda said=said: isolate.ingest(file.name, store_path=target, **options, **said))
        after.append(took)
    target.unlink(missing_ok=True)
    result = {
        "rows": rows,
        "plain_load": summary(plain),
        "preview": summary(previewed),
        "load_after_preview": summary(after),
        "reads": reads(file, demo_db, target),
    }
    result["preview_over_plain"] = round(
        result["preview"]["median_ms"] / result["plain_load"]["median_ms"], 2
    )
    return result


def lines(result: dict) -> list[str]:
    """The figures as the run prints them and the report writes them."""
    seconds = {k: result[k]["median_ms"] / 1000 for k in ("plain_load", "preview", "load_after_preview")}
    reads_ = result["reads"]
    rows = f"{result['rows']:,}".replace(",", " ")
    return [
        f"**Preview** (event CSV of {rows} rows, median): plain load {seconds['plain_load']:.2f} s, "
        f"preview {seconds['preview']:.2f} s ({result['preview_over_plain']:.2f} × the plain load, "
        f"limit {LIMIT}), load after the preview {seconds['load_after_preview']:.2f} s; the file is read "
        f"{reads_['preview']} × by the preview and {reads_['load_after_preview']} × by the load after it."
    ]
