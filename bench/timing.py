"""Timing helpers: run a callable after a warm-up, keep every sample, report median and p95."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any


def summary(samples: list[float]) -> dict[str, Any]:
    """Median and 95th percentile (linear interpolation) of ``samples`` seconds, in milliseconds."""
    ordered = sorted(samples)
    if not ordered:
        return {"runs": 0, "median_ms": None, "p95_ms": None, "samples_ms": []}
    position = 0.95 * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    p95 = ordered[low] + (ordered[high] - ordered[low]) * (position - low)
    return {
        "runs": len(samples),
        "median_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(p95 * 1000, 2),
        "samples_ms": [round(s * 1000, 2) for s in samples],
    }


def measure(
    fn: Callable[[], Any],
    runs: int,
    warmup: int = 1,
    before: Callable[[], Any] | None = None,
    clock: Callable[[Callable[[], Any]], float] | None = None,
) -> dict[str, Any]:
    """Call ``fn`` ``warmup`` times untimed, then ``runs`` times timed.

    Args:
        fn: what is timed.
        runs: timed runs.
        warmup: untimed runs first.
        before: called before every run, outside the timing (e.g. clearing a cache).
        clock: returns the seconds one call of ``fn`` took; the default is wall time around it.
    """
    clock = clock or wall
    for _ in range(warmup):
        if before:
            before()
        fn()
    samples = []
    for _ in range(runs):
        if before:
            before()
        samples.append(clock(fn))
    return summary(samples)


def wall(fn: Callable[[], Any]) -> float:
    """Seconds one call of ``fn`` takes, by the wall clock."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """``numerator / denominator`` rounded to two decimals; None when either is missing or zero."""
    if not numerator or not denominator:
        return None
    return round(numerator / denominator, 2)
