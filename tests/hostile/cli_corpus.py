"""Run the whole hostile corpus through the command line, in one process of its own.

``python tests/hostile/cli_corpus.py STORE FOLDER RESULTS`` writes every case's file into FOLDER
and runs ``ingest FILE``, ``scenario --key FILE`` and ``handout --deck FILE`` on it through
:func:`reception.__main__.main`, as ``python -m reception`` does. Its own stdout and stderr are the
test's to read: the reading processes inherit them from this process, so whatever any of them
prints lands there, between the markers this script prints around each run. The exit statuses go
to RESULTS (JSON). One process for the whole corpus: a process per run would take ten minutes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[2])]
import corpus  # noqa: E402

from reception import __main__ as cli  # noqa: E402

MARK = "=== run {} ==="


def runs(case: corpus.Case, file: Path, store: str, out: Path) -> list[tuple[str, list[str]]]:
    return [
        ("ingest", ["--db", store, "ingest", str(file)]),
        ("scenario", ["--db", store, "scenario", "--year", "2026", "--county", "20", "--key", str(file)]),
        ("handout", ["--db", store, "--lang", "en", "handout", "--deck", str(file), "--out", str(out)]),
    ]


def main(store: str, folder: str, results: str) -> None:
    where = Path(folder)
    codes: dict[str, int] = {}
    for number, case in enumerate(corpus.CASES):
        name, data = case.build()
        file = where / f"{number:03d}" / name
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(data)
        for kind, argv in runs(case, file, store, where / f"{number:03d}.pdf"):
            key = f"{number:03d} {kind} {case.id}"
            for stream in (sys.stdout, sys.stderr):
                print(MARK.format(key), file=stream, flush=True)
            codes[key] = cli.main(argv)
    Path(results).write_text(json.dumps(codes, ensure_ascii=False))


if __name__ == "__main__":
    main(*sys.argv[1:4])
