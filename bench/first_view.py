"""The first view in Debian's chromium, against a bare Streamlit page served beside the app.

Two servers run over the same store in the same run: the app, and ``bench/bare_page.py`` (a
title, a metric, one Plotly bar chart). Every figure is measured on both, interleaved (bare page,
then every app page, then the bare page again ...), and reported as the app's median over the bare
page's median:

- *first chart in a new browser*, per page: from launching chromium to the page's first Plotly
  chart drawn (``.main-svg`` visible); pages without a chart (Möte, Data) to their title drawn and
  the script finished. Beside it, from the same loads: when the last websocket message before the
  chart arrived, when Streamlit's Plotly chunk was asked for, and how many script runs the first
  load made (the app's run token; the bare page makes one);
- *server start to first chart*: from starting ``streamlit run`` (chromium already running) to the
  first chart drawn in a new browser context;
- *first chart after a selection change*: in an open page, a county not seen before picked in the
  sidebar's county box, until the first chart shows it and the script has finished.

The machine's load average is kept beside every block of figures.
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

from bench.browser import CHROMIUM, FLAGS, READY, Server, missing
from bench.timing import ratio, summary

BARE = "bench/bare_page.py"
CHARTLESS = frozenset({"/mote", "/data"})  # pages whose first view has no chart: timed to their title
START = {"/planering": "?lan=20"}  # Planering plans one county
CHANGED = ("/", "/mal")  # pages whose selection change is timed
TIMEOUT_MS = 60_000
VIEWPORT = {"width": 1366, "height": 900}
_DRAWN_JS = """(chartless) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (chartless) return !!(app && app.dataset.testScriptState === 'notRunning'
    && document.querySelector('[data-testid="stMain"] h1'));
  const svg = document.querySelector('[data-testid="stPlotlyChart"] .main-svg');
  return !!(svg && svg.getBoundingClientRect().height > 0);
}"""
# what the first chart shows: its text and the shape of its first paths (a map's title stays the same)
_SHOWN_JS = """() => {
  const chart = document.querySelector('[data-testid="stPlotlyChart"]');
  if (!chart || !chart.querySelector('.main-svg')) return null;
  const paths = [...chart.querySelectorAll('path')].slice(0, 400);
  return chart.textContent + '|' + paths.map(p => (p.getAttribute('d') || '').length).join(',');
}"""
_CHANGED_JS = f"""(before) => {{
  const app = document.querySelector('[data-testid="stApp"]');
  const shown = ({_SHOWN_JS})();
  return !!(app && app.dataset.testScriptState === 'notRunning' && shown && shown !== before);
}}"""


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def app_paths() -> list[str]:
    """Every page of the app as a URL path, in the navigation's order."""
    from reception import site

    return [site.url_path(file) for file, _ in site.PAGES]


def first_chart(playwright, url: str, path: str, chartless: bool = False) -> dict:
    """One load of ``url + path`` in a newly launched chromium; seconds from the launch to its first
    chart (to its title if the page shows no chart on this store: ``chartless``)."""
    seen: dict = {"ws_last": None, "chunk": None}
    start = time.perf_counter()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
    try:
        page = browser.new_page(viewport=VIEWPORT)

        def on_frame(_payload) -> None:
            seen["ws_last"] = time.perf_counter() - start

        def on_request(request) -> None:
            if "PlotlyChart" in request.url and seen["chunk"] is None:
                seen["chunk"] = time.perf_counter() - start

        page.on("websocket", lambda ws: ws.on("framereceived", on_frame))
        page.on("request", on_request)
        page.goto(url + path + START.get(path, ""))
        page.wait_for_function(_DRAWN_JS, arg=chartless, timeout=TIMEOUT_MS, polling="raf")
        seen["chart"] = time.perf_counter() - start
        ws_at_chart = seen["ws_last"]
        runs = page.evaluate("() => document.querySelector('style[data-run]')?.dataset.run ?? '1'")
        seen.update(ws_last=ws_at_chart, runs=int(runs))
    finally:
        browser.close()
    return seen


def start_to_chart(
    browser, db: Path, folder: Path, script: str, chartless: bool = False
) -> tuple[float, float]:
    """Start a server for ``script``; (seconds to health, seconds to the first chart drawn, or to the
    title when its first page shows no chart on this store)."""
    start = time.perf_counter()
    server = Server(db, folder / f"first_view_start_{Path(script).stem}.log", script)
    try:
        server.wait_healthy()
        healthy = time.perf_counter() - start
        context = browser.new_context(viewport=VIEWPORT)
        page = context.new_page()
        page.goto(server.url + "/")
        page.wait_for_function(_DRAWN_JS, arg=chartless, timeout=TIMEOUT_MS, polling="raf")
        chart = time.perf_counter() - start
        context.close()
    finally:
        server.stop()
    return healthy, chart


def selection_changes(browser, url: str, path: str, box: str, names: list[str], runs: int) -> list[float]:
    """Pick ``names[1..runs]`` in the sidebar's select box labelled ``box``, one after another, in
    one open page; seconds from the pick to the first chart showing it."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(url + path)
    page.locator(READY).wait_for(timeout=TIMEOUT_MS)
    page.wait_for_function(_DRAWN_JS, arg=False, timeout=TIMEOUT_MS, polling="raf")
    took = []
    for name in names[1 : runs + 1]:
        page.locator(READY).wait_for(timeout=TIMEOUT_MS)
        before = page.evaluate(_SHOWN_JS)
        sidebar = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]')
        sidebar.filter(has_text=box).first.click()
        page.keyboard.type(name)
        start = time.perf_counter()
        page.keyboard.press("Enter")
        page.wait_for_function(_CHANGED_JS, arg=before, timeout=TIMEOUT_MS, polling="raf")
        took.append(time.perf_counter() - start)
    context.close()
    return took


def _counties(db: Path) -> list[tuple[str, str]]:
    """The store's counties as (code, name), by code."""
    from reception import queries

    options = queries.run("area_options", {}, db)
    counties = options.loc[options["kind"] == "lan"].sort_values("code")
    return list(zip(counties["code"], counties["name"], strict=True))


def bare_page_counties() -> list[str]:
    """The bare page's counties, as bench/bare_page.py names them."""
    return [f"Län {n:02d}" for n in range(1, 22)]


def _median(values: list) -> float | None:
    found = [v for v in values if v is not None]
    return round(statistics.median(found) * 1000) if found else None


def _loads_summary(loads: list[dict]) -> dict:
    return {
        "first_chart": summary([x["chart"] for x in loads]),
        "ws_last_ms": _median([x["ws_last"] for x in loads]),
        "chunk_ms": _median([x["chunk"] for x in loads]),
        "script_runs": max(x["runs"] for x in loads),
    }


PARTS = ("new_browser", "start", "changed")


def _new_browser(
    p, app: Server, bare: Server, runs: int, paths: list[str], say, chartless: frozenset[str]
) -> dict:
    targets = [("bare", bare.url, "/", False)] + [(path, app.url, path, path in chartless) for path in paths]
    for _, url, path, no_chart in targets if runs > 1 else []:  # warm-up (not in a smoke run of one)
        first_chart(p, url, path, no_chart)
    loads: dict[str, list[dict]] = {name: [] for name, *_ in targets}
    for i in range(runs):
        for name, url, path, no_chart in targets:
            loads[name].append(first_chart(p, url, path, no_chart))
        say(f"  new browser, round {i + 1}/{runs}: load {_load()}")
    pages = {name: _loads_summary(found) for name, found in loads.items()}
    floor = pages["bare"]["first_chart"]["median_ms"]
    for entry in pages.values():
        entry["ratio"] = ratio(entry["first_chart"]["median_ms"], floor)
    return pages


def _start(browser, db: Path, folder: Path, runs: int, say, chartless: frozenset[str]) -> dict:
    if runs > 1:
        start_to_chart(browser, db, folder, "app.py", "/" in chartless)  # warm-up
    started: dict[str, list] = {"bare": [], "app": []}
    for _ in range(runs):
        started["bare"].append(start_to_chart(browser, db, folder, BARE))
        started["app"].append(start_to_chart(browser, db, folder, "app.py", "/" in chartless))
    result = {
        name: {"health": summary([h for h, _ in found]), "first_chart": summary([c for _, c in found])}
        for name, found in started.items()
    }
    result["ratio"] = ratio(
        result["app"]["first_chart"]["median_ms"], result["bare"]["first_chart"]["median_ms"]
    )
    say(f"  server start to first chart: load {_load()}")
    return result


def _changed(
    browser, db: Path, app: Server, bare: Server, runs: int, paths: list[str], chartless: frozenset[str]
) -> dict:
    from reception.i18n import LABELS

    counties = _counties(db)
    bare_counties = [(name, name) for name in bare_page_counties()]
    # of the pages measured; a page without a chart on this store has no chart to change
    timed = [path for path in CHANGED if path in paths and path not in chartless]
    changed: dict[str, list[float]] = {"bare": []} | {path: [] for path in timed}
    # a county not seen before each time: each page opens on one county and picks the next;
    # Översikt goes up the list and Mål down it, so neither finds the other's answers cached
    # (rounds of one pick, interleaved)
    for round_ in range(runs):
        for name in changed:
            order = bare_counties if name == "bare" else counties
            order = order[::-1] if name == "/mal" else order
            (code, _), (_, picked) = order[round_], order[round_ + 1]
            url, path = (bare.url, "/") if name == "bare" else (app.url, f"{name}?lan={code}")
            box = "Välj län" if name == "bare" else LABELS["sel.lan"][0]
            changed[name] += selection_changes(browser, url, path, box, ["", picked], 1)
    result = {name: summary(found) for name, found in changed.items()}
    floor = result["bare"]["median_ms"]
    for entry in result.values():
        entry["ratio"] = ratio(entry["median_ms"], floor)
    return result


def _measure(
    db: Path, folder: Path, runs: int, paths: list[str], say, parts: tuple[str, ...], chartless: frozenset
) -> dict:
    from playwright.sync_api import sync_playwright

    result: dict = {"runs": runs, "load_average": [_load()], "chartless": sorted(chartless)}
    app = Server(db, folder / "first_view_app.log")
    bare = Server(db, folder / "first_view_bare.log", BARE)
    try:
        app.wait_healthy()
        bare.wait_healthy()
        with sync_playwright() as p:
            if "new_browser" in parts:
                result["new_browser"] = _new_browser(p, app, bare, runs, paths, say, chartless)
                result["load_average"].append(_load())
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
            try:
                if "start" in parts:
                    result["start"] = _start(browser, db, folder, runs, say, chartless)
                    result["load_average"].append(_load())
                if "changed" in parts:
                    result["changed"] = _changed(browser, db, app, bare, runs, paths, chartless)
                    result["load_average"].append(_load())
            finally:
                browser.close()
    finally:
        app.stop()
        bare.stop()
    return result


def measure(
    db: Path,
    folder: Path,
    runs: int,
    paths: list[str] | None = None,
    say=print,
    parts: tuple[str, ...] = PARTS,
    chartless: frozenset[str] = CHARTLESS,
) -> dict:
    """The first view of every page (or ``paths``) against the bare page; ``{"skipped": reason}``
    when the browser can't run or a page does not draw in time."""
    reason = missing()
    if reason:
        return {"skipped": reason}
    from playwright.sync_api import Error as PlaywrightError

    try:
        return _measure(db, folder, runs, paths or app_paths(), say, parts, CHARTLESS | chartless)
    except (RuntimeError, PlaywrightError) as failure:
        text = f"{type(failure).__name__}: {failure}".replace(str(folder), "<tmp>")
        return {"skipped": text[:1000]}


def shown(result: dict, path: str) -> str:
    """What a page's first view was timed to: its first "chart", or its title ("view") when it drew none."""
    return "view" if path in result.get("chartless", CHARTLESS) else "chart"


def lines(result: dict) -> list[str]:
    """The figures as markdown: every app figure beside the bare page's and as a ratio to it."""
    if "skipped" in result:
        return [f"First view not measured: {result['skipped']}."]
    load = " → ".join(f"{x:.1f}" for x in result["load_average"])
    out = [
        f"**First view in chromium** (median of {result['runs']}, interleaved with the bare page; "
        f"load average {load}): ms, and the ratio to the bare page (a title, a metric, one Plotly bar "
        "chart).",
        "",
        "| what | page | app | bare page | ratio | last websocket message | Plotly chunk asked "
        "| script runs |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    pages = result.get("new_browser", {})
    bare = pages.get("bare")
    for path, entry in pages.items():
        if path == "bare":
            continue
        what = f"first {shown(result, path)}"
        ws, chunk = f"{_num(entry['ws_last_ms'])} (bare {_num(bare['ws_last_ms'])})", _num(entry["chunk_ms"])
        out.append(
            f"| {what}, new browser | {_page_name(path)} | {_num(entry['first_chart']['median_ms'])} | "
            f"{_num(bare['first_chart']['median_ms'])} | {entry['ratio']:.2f} × | {ws} "
            f"| {chunk} (bare {_num(bare['chunk_ms'])}) | {entry['script_runs']} |"
        )
    start = result.get("start")
    if start:
        app_health, bare_health = (_num(start[k]["health"]["median_ms"]) for k in ("app", "bare"))
        what = f"first {shown(result, '/')}"
        out.append(
            f"| server start to {what} | Översikt | {_num(start['app']['first_chart']['median_ms'])} | "
            f"{_num(start['bare']['first_chart']['median_ms'])} | {start['ratio']:.2f} × | "
            f"health {app_health} (bare {bare_health}) | | |"
        )
    changed = result.get("changed", {})
    for path, entry in changed.items():
        if path == "bare":
            continue
        out.append(
            f"| first chart after a selection change | {_page_name(path)} | {_num(entry['median_ms'])} | "
            f"{_num(changed['bare']['median_ms'])} | {entry['ratio']:.2f} × | | | |"
        )
    return out


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:,.0f}".replace(",", " ")


def _page_name(path: str) -> str:
    from reception import site
    from reception.i18n import LABELS

    for file, key in site.PAGES:
        if site.url_path(file) == path:
            return LABELS[key][0]
    return path


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.first_view [--runs N] [--pages / /mal ...]``: on a fresh demo store."""
    import argparse
    import tempfile
    from datetime import date

    from bench import generate
    from reception.store import startup

    parser = argparse.ArgumentParser(prog="python -m bench.first_view", description=main.__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--pages", nargs="*", default=None, help="URL paths (default: every page)")
    parser.add_argument("--parts", nargs="*", default=PARTS, choices=PARTS, help="what to measure (all)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="reception-bench-") as tmp:
        db = generate.demo_store(Path(tmp), date.today())
        startup.prepare(db)
        result = measure(db, Path(tmp), args.runs, args.pages, say=print, parts=tuple(args.parts))
    print("\n".join(lines(result)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
