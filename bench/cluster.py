"""The load test: deploy/ (nginx and N app processes) under a crowd, against the same crowd on one process.

    python -m bench.cluster                  # 3 processes and 1, 30 sessions (3 browsers), 60 s each
    python -m bench.cluster --kill           # and a run of 3 processes where one is killed after 40 s
    python -m bench.cluster --processes 2 --sessions 5 --browsers 1 --seconds 20   # the CI size

Every run starts from a copy of the same store (the demo, counted as real files: bench.crowd.as_real),
on 127.0.0.1 ports 8641-8660, and ends every process it started by its pid. The editor loads the
kommuntal file ``load_at`` seconds in. Results go to bench/out/cluster.json and cluster.md.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

from bench.crowd import Crowd, as_real
from deploy.cluster import Cluster
from reception import demo, store
from reception.store import documents, startup

OUT = Path(__file__).resolve().parent / "out"
ROOT = OUT.parent.parent
APP_PORTS = (8641, 8642, 8643)
PROXY_PORT = 8650
PASSWORD = "load-test-password"  # only for this run's own processes, on 127.0.0.1


def make_store(folder: Path) -> Path:
    """The demo, with its loads counted as real ones (a new file adds to them)."""
    path = folder / "master.duckdb"
    startup.prepare(path)
    demo.load_demo(path)
    as_real(path)
    return path


def default_year(path: Path) -> int:
    with store.connect_read(path) as con:
        return con.execute("select max(year) from targets where kommun_kod like '20%'").fetchone()[0]


def run_once(
    master: Path, folder: Path, processes: int, args, kill: bool = False, ports=APP_PORTS, proxy=PROXY_PORT
) -> dict:
    """One crowd on ``processes`` app processes behind nginx over a fresh copy of ``master``."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "reception.duckdb"
    documents.copy_store(master, db)
    env = {"RECEPTION_DB": str(db), "RECEPTION_EDITOR_PASSWORD": PASSWORD}
    with Cluster(folder, list(ports[:processes]), proxy, env) as cluster:
        crowd = Crowd(
            cluster.url, default_year(db), args.seconds, light=args.sessions - args.browsers,
            browsers=args.browsers, password=PASSWORD, folder=folder, load_at=args.load_at,
        )  # fmt: skip
        killed: list[int] = []
        if kill:

            def end_the_loading_process() -> None:
                port = int((crowd.load.get("process") or f":{ports[0]}").rsplit(":", 1)[1])
                killed.append(port)
                cluster.kill_app(port)

            crowd.kill = (args.kill_at, end_the_loading_process)
        peak: dict[int, float] = {}
        stop = threading.Event()

        def sample() -> None:
            while not stop.wait(0.5):
                for port, mb in cluster.rss_mb().items():
                    peak[port] = max(peak.get(port, 0.0), mb)

        sampler = threading.Thread(target=sample, daemon=True)
        load_before = os.getloadavg()
        started = time.monotonic()
        sampler.start()
        try:
            asyncio.run(crowd.run())
        finally:
            stop.set()
            sampler.join()
        result = crowd.summary()
        with store.connect_read(db) as con:
            kept = con.execute(
                "select count(*) from loads where source = ?", [crowd.load.get("file")]
            ).fetchone()
        result.update(
            processes_started=processes,
            peak_rss_mb={str(port): mb for port, mb in sorted(peak.items())},
            seconds=round(time.monotonic() - started, 1),
            load_average_before=[round(x, 2) for x in load_before],
            load_average_after=[round(x, 2) for x in os.getloadavg()],
            load_in_store=bool(kept and kept[0]),
            killed=[f"127.0.0.1:{port}" for port in killed],
        )
        return result


def table(results: list[dict]) -> str:
    """The runs side by side, as Markdown."""
    head = "| | " + " | ".join(r["name"] for r in results) + " |\n|---|" + "---:|" * len(results) + "\n"
    rows = [
        ("sessions (browsers)", lambda r: f"{r['sessions']} ({r['browsers']})"),
        ("actions", lambda r: str(r["actions"])),
        ("p50, action to answer", lambda r: f"{r['p50_ms']} ms"),
        ("p95, action to answer", lambda r: f"{r['p95_ms']} ms"),
        ("light sessions, p50 / p95", lambda r: " / ".join(f"{ms} ms" for ms in r["light_p50_p95_ms"] or [])),
        ("browsers, p50 / p95", lambda r: " / ".join(f"{ms} ms" for ms in r["browser_p50_p95_ms"] or [])),
        ("errors", lambda r: str(len(r["errors"]))),
        ("tile before the load (Dalarna)", lambda r: ", ".join(r["tile_before"])),
        ("tile after the load", lambda r: ", ".join(r["tile_after"]) + f" (expected {r['expected_after']})"),
        ("sessions showing the old figure after", lambda r: str(r["sessions_with_old_figure_after_load"])),
        ("load took / kept", lambda r: f"{r['load_seconds']} s / {'yes' if r['load_in_store'] else 'NO'}"),
        ("peak memory per process", lambda r: " · ".join(f"{mb:.0f} MB" for mb in r["peak_rss_mb"].values())),
        ("killed / reconnected", lambda r: f"{', '.join(r['killed']) or '–'} / {len(r['reconnected_from'])}"),
        ("load average", lambda r: f"{r['load_average_before'][0]} → {r['load_average_after'][0]}"),
    ]  # fmt: skip
    return head + "".join(
        f"| {label} | " + " | ".join(cell(r) for r in results) + " |\n" for label, cell in rows
    )


def _heading(results: list[dict], args) -> str:
    from bench import machine

    info = machine.info()
    return (
        f"Run {time.strftime('%Y-%m-%dT%H:%M')} on {info.get('cpu')}, {info.get('cpus')} CPUs; each run "
        f"{args.seconds:.0f} s, 2-6 s between a session's actions, the load {args.load_at:.0f} s in"
        + (f", the loading process killed {args.kill_at:.0f} s in (after its load)" if args.kill else "")
        + ". Load average (1 min) before and after each run: the two cores are shared with other work.\n\n"
    )


def _to_readme(text: str) -> None:
    readme = ROOT / "README.md"
    body = readme.read_text(encoding="utf-8")
    head, rest = body.split("<!-- cluster:start -->", 1)
    _, tail = rest.split("<!-- cluster:end -->", 1)
    readme.write_text(f"{head}<!-- cluster:start -->\n{text}<!-- cluster:end -->{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.cluster", description=__doc__.splitlines()[0])
    parser.add_argument("--processes", type=int, default=3)
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--browsers", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--load-at", type=float, default=20)
    parser.add_argument("--kill-at", type=float, default=40)
    parser.add_argument("--kill", action="store_true", help="also a run where the loading process is killed")
    parser.add_argument("--no-single", action="store_true", help="skip the same crowd on one process")
    parser.add_argument("--readme", action="store_true", help="put the table into README.md")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="bench-cluster-"))
    try:
        master = make_store(folder)
        plan = [(f"{args.processes} processes", args.processes, False)]
        if not args.no_single:
            plan.append(("1 process", 1, False))
        if args.kill:
            plan.append((f"{args.processes} processes, one killed", args.processes, True))
        results = []
        for i, (name, processes, kill) in enumerate(plan):
            result = run_once(master, folder / f"run{i}", processes, args, kill)
            results.append({"name": name, **result})
            print(json.dumps(results[-1], ensure_ascii=False), flush=True)
        OUT.mkdir(exist_ok=True)
        (OUT / "cluster.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
        text = _heading(results, args) + table(results)
        (OUT / "cluster.md").write_text(text, encoding="utf-8")
        print(text)
        if args.readme:
            _to_readme(text)
        bad = [
            r
            for r in results
            if r["errors"] or r["sessions_with_old_figure_after_load"] or not r["load_in_store"]
        ]
        return 1 if bad else 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
