"""Run the browser tests N times in a row, each in a fresh pytest process (a fresh server and browser,
as CI has), and print one line per run and a summary; stops at nothing, so every flake is counted.

    python tests/e2e/repeat.py 10            # the browser tests, ten times
    python tests/e2e/repeat.py 3 tests       # the whole suite, three times

The record is also written to test-artifacts/repeat.md (git-ignored).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str]) -> int:
    runs = int(argv[0]) if argv else 10
    target = argv[1] if len(argv) > 1 else "tests/e2e"
    env = {**os.environ, "CI": os.environ.get("CI", "true")}
    lines, failed, started = [], 0, time.monotonic()
    for run in range(1, runs + 1):
        t0 = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", target],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )  # fmt: skip
        tail = [ln for ln in done.stdout.splitlines() if ln.strip()][-1:] or ["(no output)"]
        failed += done.returncode != 0
        line = f"run {run}/{runs}: exit {done.returncode}, {time.monotonic() - t0:.0f} s, {tail[0]}"
        if done.returncode:
            line += "\n" + "\n".join(ln for ln in done.stdout.splitlines() if ln.startswith("FAILED"))
        print(line, flush=True)
        lines.append(line)
    total = time.monotonic() - started
    when = f"{datetime.now():%Y-%m-%d %H:%M}"
    summary = f"{target}: {runs - failed} of {runs} runs passed in {total:.0f} s ({when})"
    print(summary)
    record = ROOT / "test-artifacts" / "repeat.md"
    record.parent.mkdir(exist_ok=True)
    record.write_text("\n".join([summary, "", *lines]) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
