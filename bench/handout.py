"""The sample deck's handout: a first build in a fresh process (the browser started for it) and
later builds (the browser kept), each from the deck to the PDF's bytes.

Each build runs in a child process of its own (``python -m bench.handout --child``), so a first
build is really the first of a process, as after a server start; the later builds follow in the
same child. Run on its own: ``python -m bench.handout [--runs N]`` (on a fresh demo store).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.timing import summary

ROOT = Path(__file__).resolve().parent.parent


def _child(db: Path, later: int, warmed: float) -> None:
    """In the child: the sample deck built 1 + ``later`` times; seconds of each, as JSON on stdout.
    With ``warmed`` > 0 the browser is warmed as the Möte page does, that many seconds before the
    first build (a user reading the page before the click)."""
    from reception.meeting import handout, sample

    if warmed:
        handout.BROWSER.warm()
        time.sleep(warmed)
    took, sizes = [], []
    for _ in range(1 + later):
        start = time.perf_counter()
        pdf = handout.build(sample.sample_deck(), path=db)
        took.append(time.perf_counter() - start)
        sizes.append(len(pdf))
    print(json.dumps({"seconds": took, "bytes": sizes}))


WARMED_S = 5  # seconds between the Möte page drawn (the browser warmed) and the click


def measure(db: Path, runs: int, later: int = 2, warmed_too: bool = True) -> dict:
    """``runs`` fresh processes, each building the sample deck's handout 1 + ``later`` times; and as
    many where the browser was warmed by the Möte page WARMED_S before the first build (interleaved),
    unless not ``warmed_too`` (a smoke run)."""
    first, after, warmed = [], [], []
    for _ in range(runs):
        for warm in (0, WARMED_S) if warmed_too else (0,):
            seconds = _built(db, later if not warm else 0, warm)
            if isinstance(seconds, str):
                return {"skipped": seconds}
            if warm:
                warmed.append(seconds[0])
            else:
                first.append(seconds[0])
                after += seconds[1:]
    return {
        "first": summary(first),
        "later": summary(after),
        "warmed": summary(warmed),
        "load_average": round(os.getloadavg()[0], 2),
    }


def _built(db: Path, later: int, warmed: float) -> list[float] | str:
    """Seconds of each build in one fresh process, or why it failed."""
    answer = subprocess.run(
        [sys.executable, "-m", "bench.handout", "--child", str(db), str(later), str(warmed)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
        env={**os.environ, "RECEPTION_DB": str(db)},
    )  # fmt: skip
    if answer.returncode != 0:
        return answer.stderr.strip().splitlines()[-1][:500] if answer.stderr else "failed"
    return json.loads(answer.stdout.strip().splitlines()[-1])["seconds"]


def line(result: dict) -> str:
    if "skipped" in result:
        return f"Handout not measured: {result['skipped']}."
    first, later, warmed = result["first"], result["later"], result.get("warmed", {"runs": 0})
    again = (
        f"a later one {later['median_ms'] / 1000:.1f} s (median of {later['runs']}); "
        if later["runs"]
        else ""
    )
    ahead = (
        f"the first build {WARMED_S} s after the Möte page warmed the browser "
        f"{warmed['median_ms'] / 1000:.1f} s (median of {warmed['runs']}); "
        if warmed["runs"]
        else ""
    )
    return (
        f"**Handout, the sample deck (4 charts)**: the first build in a process "
        f"{first['median_ms'] / 1000:.1f} s (median of {first['runs']}, p95 {first['p95_ms'] / 1000:.1f}), "
        f"{again}{ahead}load average {result['load_average']:.1f}."
    )


def main(argv: list[str] | None = None) -> int:
    import argparse
    import tempfile
    from datetime import date

    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        _child(Path(argv[1]), int(argv[2]), float(argv[3]))
        return 0
    from bench import generate
    from reception.store import startup

    parser = argparse.ArgumentParser(prog="python -m bench.handout")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="reception-bench-") as tmp:
        db = generate.demo_store(Path(tmp), date.today())
        startup.prepare(db)
        print(line(measure(db, args.runs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
