"""The results as JSON and as small markdown tables, checked against the targets.

The README's benchmark section holds the tables between two markers; ``update_readme``
replaces what is between them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from bench import first_view, handout, machine, preview

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
SCALES = {"demo": "demo", "10m": "10 M events"}
PAGE_NAMES = {
    "app.py": "Översikt",
    "pages/mal.py": "Mål",
    "pages/kapacitet.py": "Kapacitet",
    "pages/variation.py": "Variation",
    "pages/mote.py": "Möte",
    "pages/data.py": "Data",
    "pages/planering.py": "Planering",
    "/": "Översikt",
    "/mal": "Mål",
    "/kapacitet": "Kapacitet",
    "/variation": "Variation",
    "/planering": "Planering",
    "/mote": "Möte",
    "/data": "Data",
}
WARM_LIMIT = {"demo": 150, "10m": 400}


def _num(value: float | None, decimals: int = 0) -> str:
    """1 234 (thin grouping, as the app writes numbers); '–' for none."""
    return "–" if value is None else f"{value:,.{decimals}f}".replace(",", " ")


def _limit(value: float) -> str:
    """A target's limit as written: 1 000 000, 2, 1.5."""
    return _num(value) if float(value).is_integer() else f"{value:g}"


def _worst(pages: dict, key) -> tuple[float | None, str]:
    found = [(key(v), page) for page, v in pages.items() if key(v) is not None]
    return max(found) if found else (None, "")


def _check(name: str, value: float | None, limit: float, unit: str, where: str = "", at_least: bool = False):
    met = None if value is None else (value >= limit if at_least else value <= limit)
    return {"target": name, "value": value, "limit": limit, "unit": unit, "where": where, "met": met}


def targets(result: dict) -> list[dict]:
    """Every target with the figure it is judged by and whether it is met (None: not measured)."""
    checks = []
    for scale, data in result.get("scales", {}).items():
        pages, label = data.get("pages", {}), SCALES[scale]
        value, page = _worst(pages, lambda v: v["warm"]["median_ms"])
        checks.append(_check(f"warm page rerun, median, {label}", value, WARM_LIMIT[scale], "ms", page))
        value, page = _worst(pages, lambda v: v["changed"]["median_ms"])
        checks.append(_check(f"changed selection, median, {label}", value, 1000, "ms", page))
        value, page = _worst(pages, lambda v: v["ratios"]["emptied"])
        checks.append(_check(f"page (every query run) / floor, {label}", value, 3, "×", page))
    for entry in result.get("ingest", {}).values():
        if isinstance(entry, dict) and "format" in entry:
            limit = 50_000 if entry["format"] == "xlsx" else 1_000_000
            name = f"ingest {entry['format']}, {_num(entry['rows'])} rows"
            checks.append(_check(name, entry.get("rows_per_s"), limit, "rows/s", at_least=True))
    if result.get("preview"):
        seen = result["preview"]
        name = f"preview / plain load, csv {_num(seen['rows'])} rows"
        checks.append(_check(name, seen["preview_over_plain"], 1.5, "×"))
        name = f"file reads by a load after its preview, csv {_num(seen['rows'])} rows"
        checks.append(_check(name, seen["reads"]["load_after_preview"], 1, "reads"))
    for scale, data in result.get("scales", {}).items():
        viewed = data.get("first_view", {})
        if "new_browser" in viewed:
            for path, entry in viewed["new_browser"].items():
                if path == "bare":
                    continue
                limit = 1.15 if path in ("/", "/mal") else 1.3
                name = f"first {first_view.shown(viewed, path)} in a new browser / bare page, {SCALES[scale]}"
                checks.append(_check(name, entry["ratio"], limit, "×", path))
            first = viewed["start"]["app"]["first_chart"]["median_ms"]
            name = f"server start to first {first_view.shown(viewed, '/')}, {SCALES[scale]}"
            checks.append(_check(name, first, 3500, "ms"))
        seen = data.get("browser", {})
        if "memory" in seen:
            memory = seen["memory"]
            name = f"server RSS peak, {memory['sessions']} sessions, {SCALES[scale]}"
            checks.append(_check(name, memory["rss_peak_mb"], 500, "MB"))
    if result.get("handout") and "first" in result["handout"]:
        made = result["handout"]
        checks.append(
            _check("handout, sample deck, first build in a process", made["first"]["median_ms"], 5000, "ms")
        )
        if made.get("warmed", {}).get("runs"):
            name = f"handout, sample deck, first build {handout.WARMED_S} s after Möte warmed the browser"
            checks.append(_check(name, made["warmed"]["median_ms"], 5000, "ms"))
    return checks


def _targets_table(result: dict) -> list[str]:
    lines = ["| target | measured | limit | met |", "|---|---:|---:|:---:|"]
    for c in result["targets"]:
        value = _num(c["value"], 1 if c["unit"] == "×" else 0)
        where = f" ({PAGE_NAMES.get(c['where'], c['where'])})" if c["where"] else ""
        met = {True: "yes", False: "**no**", None: "–"}[c["met"]]
        lines.append(
            f"| {c['target']}{where} | {value} {c['unit']} | {_limit(c['limit'])} {c['unit']} | {met} |"
        )
    return lines


def _pages_table(scale: str, pages: dict) -> list[str]:
    lines = [
        f"**Pages, {SCALES[scale]}**: script run in ms, median / p95; floor: the page's queries straight "
        "on DuckDB; the ratios are page / floor.",
        "",
        "| page | warm | changed selection | every query run | after a new load | floor | ratios warm · "
        "changed · every query |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for page, v in pages.items():
        cells = [
            f"{_num(v[k]['median_ms'])} / {_num(v[k]['p95_ms'])}" for k in ("warm", "changed", "emptied")
        ]
        cells.append(f"{_num(v['new_data']['median_ms'])} / {_num(v['new_data']['p95_ms'])}")
        ratios = " · ".join(_num(v["ratios"][k], 1) for k in ("warm", "changed", "emptied"))
        name = PAGE_NAMES.get(page, page)
        lines.append(f"| {name} | {' | '.join(cells)} | {_num(v['floor']['median_ms'])} | {ratios} |")
    return lines


def _references_table(scale: str, refs: dict) -> list[str]:
    lines = [
        f"**DuckDB against pandas, {SCALES[scale]}** (ms, median)",
        "",
        "| question | reads | DuckDB | pandas | pandas / DuckDB | same answer |",
        "|---|---|---:|---:|---:|:---:|",
    ]
    for question, r in refs.items():
        same = "yes" if r["same_answer"] else "no"
        duck, pandas = _num(r["duckdb"]["median_ms"]), _num(r["pandas"]["median_ms"])
        lines.append(
            f"| {question} | {r['reads']} | {duck} | {pandas} | {_num(r['pandas_over_duckdb'], 1)} | {same} |"
        )
    return lines


def _ingest_table(ingest: dict) -> list[str]:
    if "skipped" in ingest:
        return [f"Ingest not measured: {ingest['skipped']}."]
    lines = [
        "**Ingest** (event-level arrivals, each run into a fresh copy of the demo store)",
        "",
        "| file | rows | MB | seconds (median) | rows/s | child's peak memory |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    if "isolation" in ingest:
        cost = ingest["isolation"]
        lines[0] += (
            f"; every load runs in a child process, which costs {cost['median_ms']} ms per load"
            f" (median of {cost['runs']}, p95 {cost['p95_ms']} ms)"
        )
    for entry in ingest.values():
        if "format" not in entry:
            continue
        took = entry.get("seconds", {}).get("median_ms")
        seconds = "–" if took is None else f"{took / 1000:.2f}"
        rate = _num(entry.get("rows_per_s")) if "error" not in entry else f"refused: {entry['error'][:80]}"
        lines.append(
            f"| {entry['format']} | {_num(entry['rows'])} | {entry['file_mb']} | {seconds} | {rate}"
            f" | {_num(entry.get('child_peak_rss_mb'))} MB |"
        )
    return lines


def _browser_line(scale: str, seen: dict) -> str:
    if "skipped" in seen:
        return f"Browser, {SCALES[scale]}: not measured ({seen['skipped']})."
    memory = seen["memory"]
    walk = memory["walk_s"]["median_ms"] / 1000
    return (
        f"**Browser, {SCALES[scale]}**: server RSS {_num(memory['rss_idle_mb'])} MB idle, peak "
        f"{_num(memory['rss_peak_mb'])} MB while {memory['sessions']} sessions walked every page "
        f"(a walk took {walk:.1f} s)."
    )


def markdown(result: dict) -> str:
    """The targets, pages, references, ingest and browser figures as markdown."""
    info, packages = result["machine"], result["machine"]["packages"]
    lines = [
        f"Run {result['started']} ({'quick' if result['quick'] else 'full'}, {result['seconds']:.0f} s) on "
        f"{machine.one_line(info)}; streamlit {packages['streamlit']}, duckdb {packages['duckdb']}, "
        f"pandas {packages['pandas']}; load average {result['load_average_before'][0]:.1f} before, "
        f"{result['load_average_after'][0]:.1f} after.",
        "",
        *_targets_table(result),
    ]
    for scale, data in result.get("scales", {}).items():
        lines += ["", *_pages_table(scale, data["pages"])]
        if data.get("references"):
            lines += ["", *_references_table(scale, data["references"])]
    if result.get("ingest"):
        lines += ["", *_ingest_table(result["ingest"])]
    if result.get("preview"):
        lines += ["", *preview.lines(result["preview"])]
    for scale, data in result.get("scales", {}).items():
        if data.get("first_view"):
            lines += [
                "",
                f"*{SCALES[scale]}*: " + first_view.lines(data["first_view"])[0],
                *first_view.lines(data["first_view"])[1:],
            ]
        if data.get("browser"):
            lines += ["", _browser_line(scale, data["browser"])]
    if result.get("handout"):
        lines += ["", handout.line(result["handout"])]
    return "\n".join(lines) + "\n"


def write(result: dict, out: Path) -> tuple[Path, Path]:
    """``bench-<time>.json``, ``latest.json`` and ``latest.md`` in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    stamp = re.sub(r"[^0-9T]", "", result["started"])[:15]
    text = json.dumps(result, indent=1, ensure_ascii=False, default=str)
    (out / f"bench-{stamp}.json").write_text(text, encoding="utf-8")
    (out / "latest.json").write_text(text, encoding="utf-8")
    md = out / "latest.md"
    md.write_text(markdown(result), encoding="utf-8")
    return out / "latest.json", md


def update_readme(table: str, readme: Path = README) -> None:
    """Put ``table`` between the benchmark markers of the README."""
    text = readme.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise ValueError(f"{readme.name} has no {START} … {END} markers")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    readme.write_text(f"{head}{START}\n{table}{END}{tail}", encoding="utf-8")
