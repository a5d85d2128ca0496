"""Run the benchmark: ``python -m bench.run [--scale demo|10m|all] [--quick] [--readme]``.

Scales: *demo* (the demo store: 290 municipalities, monthly, 2016 onwards, every category) and
*10m* (the demo plus one load of 10 million person-level arrival events, loaded by the importer
from the 10 M parquet file, which the pages read through the monthly aggregate made at load).
Ingest throughput is measured on event files of 1 M and 10 M rows (CSV, parquet) and 100 000
rows (xlsx); ``--quick`` uses 100 000 / 10 000 rows, fewer runs and two browser sessions.

Everything runs on stores in a temporary folder (``RECEPTION_DB`` points there); nothing touches
``data/reception.duckdb``. Results: ``bench/out/latest.json`` and ``latest.md`` (and a dated
JSON); ``--readme`` also puts the tables into the README. Exit status 0 unless the harness broke.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from bench import browser, first_view, generate, handout, ingest, machine, pages, preview, reference, report
from bench.timing import ratio
from reception import site
from reception.selection import Selection
from reception.store import startup

RUNS = {  # (timed runs, warm-up runs) and browser sessions, for a full (False) and a quick (True) run
    False: {
        "pages": (7, 2),
        "queries": (7, 1),
        "pandas": (5, 1),
        "events": (2, 1),
        "start": (0, 0),  # server start to first chart: bench.first_view, beside the bare page
        "sessions": 5,
        "first_view": 5,
        "handout": 3,
    },
    True: {  # a smoke run (CI): every part once or twice, under two minutes
        "pages": (1, 1),
        "queries": (3, 1),
        "pandas": (1, 0),
        "events": (0, 0),
        "start": (0, 0),
        "sessions": 1,
        "first_view": 1,
        "handout": 1,
    },
}


def say(text: str) -> None:
    print(f"[bench {datetime.now():%H:%M:%S}] {text}", flush=True)


def measure_scale(db: Path, folder: Path, quick: bool, today: date) -> dict:
    """Pages, floors, query files, pandas references and the browser on one store."""
    runs = RUNS[quick]
    params = Selection(year_to=today.year).as_params()
    load_before = round(os.getloadavg()[0], 2)
    say(f"pages under AppTest ({runs['pages'][0]} runs each: {', '.join(pages.KINDS)})")
    timed = pages.time_pages(db, *runs["pages"])
    for page, entry in timed.items():
        entry["floor"] = reference.floor(db, entry["calls"], *runs["queries"])
        floor = entry["floor"]["median_ms"]
        entry["ratios"] = {k: ratio(entry[k]["median_ms"], floor) for k in ("warm", "changed", "emptied")}
        entry["calls"] = [name for _, name, _ in entry.pop("calls")]
        figures = ", ".join(f"{k} {entry[k]['median_ms']}" for k in pages.KINDS)
        say(f"  {page}: {figures}, floor {floor} ms")
    say("every query file")
    files = reference.query_files(db, params, *runs["queries"])
    say("DuckDB against naive pandas")
    refs = reference.pandas_vs_duckdb(db, params, *runs["pandas"], event_runs=runs["events"][0])
    for question, r in refs.items():
        duck, pandas = r["duckdb"]["median_ms"], r["pandas"]["median_ms"]
        say(f"  {question}: DuckDB {duck} ms, pandas {pandas} ms ({r['pandas_over_duckdb']}x)")
    served = generate.copy_store(db, folder / f"served_{db.stem}.duckdb")
    say(f"first view against the bare page (median of {runs['first_view']}, interleaved)")
    paths = ["/"] if quick else None  # a quick run: the first page
    # a page that draws no chart on this store (the 10 M store holds events only: no targets, no
    # capacity) is timed to its title, as Möte and Data always are
    chartless = frozenset(site.url_path(page) for page, entry in timed.items() if entry["charts"] == 0)
    viewed = first_view.measure(served, folder, runs["first_view"], paths, say=say, chartless=chartless)
    for line in first_view.lines(viewed):
        say("  " + line.replace("**", ""))
    say(f"browser: {runs['sessions']} sessions walking every page")
    start_runs, start_warmup = runs["start"]
    seen = browser.measure(served, folder, start_runs, start_warmup, runs["sessions"])
    served.unlink(missing_ok=True)
    if "skipped" in seen:
        say(f"  skipped: {seen['skipped']}")
    else:
        say(f"  RSS peak {seen['memory']['rss_peak_mb']} MB")
    size = round(db.stat().st_size / 1e6, 1)
    load = [load_before, round(os.getloadavg()[0], 2)]  # other work on the machine shows here
    return {"store_mb": size, "load_average": load, "pages": timed, "queries": files, "references": refs,
            "browser": seen, "first_view": viewed}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("--scale", choices=("demo", "10m", "all"), default="all")
    parser.add_argument("--quick", action="store_true", help="smoke run: small files, few runs")
    parser.add_argument("--readme", action="store_true", help="put the tables into README.md")
    parser.add_argument("--out", type=Path, default=generate.OUT, help="where results go (bench/out)")
    args = parser.parse_args(argv)
    started, clock = datetime.now().replace(microsecond=0), time.perf_counter()
    today = date.today()
    result: dict = {
        "started": started.isoformat(),
        "quick": args.quick,
        "scale": args.scale,
        "today": today.isoformat(),
        "machine": machine.info(),
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
        "scales": {},
    }
    say(machine.one_line(result["machine"]))
    with tempfile.TemporaryDirectory(prefix="reception-bench-") as tmp:
        folder = Path(tmp)
        say("demo store")
        demo_db = generate.demo_store(folder, today)
        startup.prepare(demo_db)  # the länstal load, as the app's first start would add it
        os.environ["RECEPTION_DB"] = str(demo_db)
        say("event files and ingest throughput" + ("" if ingest.importer() else " (importer not there yet)"))
        made, ten_million = time.perf_counter(), args.scale != "demo"
        for fmt, rows, _ in ingest.plan(args.quick, ten_million):
            generate.events_file(rows, fmt, today)
        result["generate_s"] = round(time.perf_counter() - made, 1)
        result["ingest"], events_db = ingest.throughput(demo_db, folder, today, args.quick, ten_million)
        for key, entry in result["ingest"].items():
            if key == "isolation":
                say(f"  a child process per load: {entry['median_ms']} ms (median of {entry['runs']})")
            elif isinstance(entry, dict):
                say(f"  {key}: {entry.get('rows_per_s', entry.get('error', ''))} rows/s")
        if ingest.importer():
            say("the preview against a plain load")
            result["preview"] = preview.measure(demo_db, folder, today, args.quick)
            for line in preview.lines(result["preview"]):
                say("  " + line.replace("**", ""))
        say(
            f"the sample deck's handout: a first and later builds, in {RUNS[args.quick]['handout']} processes"
        )
        result["handout"] = handout.measure(
            demo_db, RUNS[args.quick]["handout"], later=1 if args.quick else 2, warmed_too=not args.quick
        )
        say("  " + handout.line(result["handout"]).replace("**", ""))
        wanted = ["demo", "10m"] if args.scale == "all" else [args.scale]
        for scale in wanted:
            db = demo_db if scale == "demo" else events_db
            if scale == "10m" and args.quick:
                say("scale 10m is not part of a quick run; skipped")
                continue
            if db is None:
                say(f"scale {scale}: no events store (the importer did not load the 10 M file); skipped")
                continue
            say(f"scale {scale}")
            result["scales"][scale] = measure_scale(db, folder, args.quick, today)
    result["seconds"] = round(time.perf_counter() - clock, 1)
    result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    result["targets"] = report.targets(result)
    json_path, md_path = report.write(result, args.out)
    table = report.markdown(result)
    print("\n" + table)
    say(f"wrote {json_path.name} and {md_path.name} to {args.out} in {result['seconds']:.0f} s")
    if args.readme:
        report.update_readme(table)
        say("README.md updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
