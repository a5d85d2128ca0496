"""The importer from end to end: read, find tables, recognise, build, validate, load.

Every problem in every table is collected before anything is written; if there is one, the file
is refused as a whole (:class:`IngestRefused`) and the store is not touched. Sheets that hold no
municipal table (notes, a county summary, a table by citizenship) are passed over and named in
the notes; a file in which nothing is recognised is refused with what was found.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from pathlib import Path, PurePath

import pyarrow as pa
import pyarrow.compute as pc

from reception import store
from reception.ingest import keys, load, read, rows
from reception.ingest.arrivals import build_arrivals, build_events
from reception.ingest.capacity import build_capacity
from reception.ingest.facts import Built, Context
from reception.ingest.layout import AREA_ROLES, Table, find_tables
from reception.ingest.population import build_population
from reception.ingest.problems import IngestRefused, Problem, Said, problem, refuse
from reception.ingest.result import IngestResult, LoadSummary
from reception.ingest.targets import build_county_targets, build_long_targets, build_targets

DATASETS = ("targets", "county_targets", "arrivals", "capacity", "arrival_events", "population")
# what a title says a table of bare numbers ('2024', 'Antal', 'Värde') holds
_TITLE_DATASET = (
    ("population", re.compile(r"folkmängd|befolkning|population|invånare")),
    ("county_targets", re.compile(r"länstal")),
    ("targets", re.compile(r"kommuntal|fördelningstal|anvisningsandel")),
    ("arrivals", re.compile(r"mottagna|mottagande|anvisade|received|arrivals|kvotflykting|egenbosatt")),
)
Progress = Callable[[int, int], None]


def detect(table: Table) -> str | None:
    """Which dataset a table holds, from what its headers mean; None when it is none of them."""
    headers = [c.header for c in table.columns]
    roles = {h.role for h in headers}
    measures = {h.measure for h in headers}
    municipal = bool(roles & {"kommun", "kommun_kod"})
    if "population" in measures:
        return "population"
    if "target" in measures:
        county = any(h.target_of == "settlement_county" for h in headers if h.measure == "target")
        return "county_targets" if county or not municipal else "targets"
    if "program" in roles:
        return "targets"
    if measures & {"places", "occupied", "free"}:
        return "capacity"
    if "category" in roles:
        counted = measures & {"count", "received", "total", "persons", "unaccompanied"}
        return "arrivals" if counted else ("arrival_events" if roles & {"date", "month"} else None)
    if any(h.category for h in headers if h.measure in ("persons", "received")):
        return "arrivals"
    if measures & {"period", "count"}:
        title = " ".join(table.title + table.sheet_title + [table.sheet.name or ""]).lower()
        by_month = any(h.measure == "period" and h.month is not None for h in headers)
        return next(
            (d for d, pattern in _TITLE_DATASET if pattern.search(title) and (d == "arrivals") == by_month),
            None,
        )
    return None


def _build(table: Table, dataset: str, ctx: Context) -> Built:
    if dataset == "targets":
        return build_long_targets(table, ctx) if table.role("program") else build_targets(table, ctx)
    builders = {
        "county_targets": build_county_targets,
        "arrivals": build_arrivals,
        "capacity": build_capacity,
        "arrival_events": build_events,
        "population": build_population,
    }
    return builders[dataset](table, ctx)


def _describe(table: Table, code: str) -> Said:
    """Why a table was passed over: ``code`` with its sheet and its first headers."""
    heads = [c.header.text for c in table.columns if c.header.text][:8]
    where = Said("where_sheet", sheet=repr(table.sheet.name)) if table.sheet.name else ""
    return Said(code, where=where, columns=", ".join(repr(h) for h in heads))


def _check_options(name: str, dataset: str | None, year: int | None, month: int | None) -> None:
    if dataset is not None and dataset not in DATASETS:
        raise refuse(name, "unknown_dataset", dataset=repr(dataset), choices=", ".join(DATASETS))
    if year is not None and not 2000 <= year <= 2100:
        raise refuse(name, "unlikely_option_year", year=year)
    if month is not None and not 1 <= month <= 12:
        raise refuse(name, "no_such_month", month=month)


def ingest_file(path: str | Path, **options) -> IngestResult:
    """Load a file from disk; see :func:`ingest_bytes`."""
    path = Path(path)
    return ingest_bytes(path.name, path.read_bytes(), **options)


def ingest_bytes(
    name: str,
    data: bytes,
    *,
    dataset: str | None = None,
    year: int | None = None,
    month: int | None = None,
    store_path: Path | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> IngestResult:
    """Read, validate and load one file; all of it lands in one transaction, or nothing does.

    Args:
        name: the file's name as the user gave it (only its last part is kept).
        data: the file's bytes.
        dataset, year, month: what the user says the file holds, overriding what the file says;
            month is the month a year-to-date snapshot runs to, or the month of a capacity file.
        store_path: the store (default ``store.db_path()``).
        progress: called with (done, total) as the work goes on.

    Raises:
        IngestRefused: listing every problem; the store is unchanged.
    """
    name = PurePath(name).name
    report = progress or (lambda done, total: None)
    _check_options(name, dataset, year, month)
    path = Path(store_path or store.db_path())
    digest = hashlib.sha256(data).hexdigest()
    options = {"dataset": dataset, "year": year, "month": month}
    if (already := load.already_loaded(path, digest, options)) is not None:
        return IngestResult(name, already_loaded=already)
    report(0, 100)
    ctx = Context(name, dataset, year, month, today or date.today())
    built, result, problems = _read_all(name, data, ctx, report)
    parts = _combine(name, built, result, problems)
    report(70, 100)
    stored = [
        (d, facts.drop_columns([c for c in facts.column_names if c.startswith("_")]), s)
        for d, facts, s in parts
    ]
    summaries = [
        {**asdict(s), "options": options, "warnings": result.warnings, "notes": result.notes}
        for _, _, s in parts
    ]
    ids, result.retired = load.write(
        path, name, digest, [(d, f, j) for (d, f, _), j in zip(stored, summaries, strict=True)]
    )
    for (_, _, summary), load_id in zip(parts, ids, strict=True):
        summary.load_id = load_id
        result.loads.append(summary)
    report(100, 100)
    return result


def _read_all(
    name: str, data: bytes, ctx: Context, report: Progress
) -> tuple[list[Built], IngestResult, list[Problem]]:
    sheets = read.read(name, data)
    report(30, 100)
    result = IngestResult(name)
    built: list[Built] = []
    passed_over: list[tuple[str, list[Problem]]] = []
    for sheet in sheets:
        tables = find_tables(sheet)
        if not tables:
            passed_over.append(
                (
                    Said("sheet_no_header", sheet=repr(sheet.name)) if sheet.name else Said("no_header"),
                    [],
                )
            )
        for table in tables:
            dataset = ctx.dataset or detect(table)
            if dataset is None:
                passed_over.append((_describe(table, "table_unknown"), []))
                continue
            part = _build(table, dataset, ctx)
            if part.facts is None or part.facts.num_rows == 0:
                if not any(c.header.role in AREA_ROLES for c in table.columns) or not part.problems:
                    passed_over.append((_describe(table, "table_no_rows"), part.problems))
                    continue
                if _no_municipality(part):
                    passed_over.append((_describe(table, "table_no_known_rows"), part.problems))
                    continue
            unused = [c.label for c in table.columns if c.header.text and not c.header.known]
            if unused:
                part.notes.append(Said("unread_columns", columns=", ".join(unused)))
            built.append(part)
    report(50, 100)
    problems = [p for part in built for p in part.problems]
    if not built:
        problems += [p for _, found in passed_over for p in found]
        reasons = tuple(reason for reason, _ in passed_over) or (Said("no_tables"),)
        problems.insert(0, problem(name, "not_recognised", reasons=reasons))
        raise IngestRefused(name, problems)
    result.notes += [Said("not_read", reason=reason) for reason, _ in passed_over if len(sheets) > 1 or built]
    for part in built:
        result.warnings += part.warnings
        result.notes += [n for n in part.notes if n not in result.notes]
        result.renamed.update(part.renamed)
    return built, result, problems


def _no_municipality(part: Built) -> bool:
    """Every problem is a row whose area matches nothing: the table is not about municipalities."""
    return all(p.code in (rows.UNKNOWN_AREA, rows.UNKNOWN_AREA_HINT, rows.NO_AREA) for p in part.problems)


def _combine(
    name: str, built: list[Built], result: IngestResult, problems: list[Problem]
) -> list[tuple[str, pa.Table, LoadSummary]]:
    """The facts of every table, one load per dataset, each key once; refused if any problem."""
    by_dataset: dict[str, list[pa.Table]] = {}
    minors: list[pa.Table] = []
    for part in built:
        if part.facts is not None and part.facts.num_rows:
            (minors if part.minors_only else by_dataset.setdefault(part.dataset, [])).append(part.facts)
    parts = []
    for dataset, tables in by_dataset.items():
        facts = pa.concat_tables(tables, promote_options="default")
        if dataset != "arrival_events":
            facts, found, repeats = _one_per_key(name, dataset, facts)
            problems += found
            result.warnings += repeats
        if dataset == "arrivals" and minors:
            facts = _with_minors(facts, pa.concat_tables(minors, promote_options="default"), result)
        parts.append((dataset, facts, _summary(dataset, facts)))
    if problems:
        order = {p: i for i, p in enumerate(problems)}
        raise IngestRefused(name, sorted(problems, key=lambda p: (p.sheet or "", p.row or 0, order[p])))
    if not parts:
        raise refuse(name, "no_rows")
    return parts


def _with_minors(facts: pa.Table, minors: pa.Table, result: IngestResult) -> pa.Table:
    """The main table's rows with "varav ensamkommande barn" from a block of its own under it."""
    key = keys.arrivals_key(facts)
    extra = minors.select([*key, "of_which_unaccompanied"]).rename_columns([*key, "_minors"])
    joined = facts.join(extra, keys=key, join_type="left outer")
    unmatched = extra.join(facts.select(key), keys=key, join_type="left anti").num_rows
    if unmatched:
        result.warnings.append(Said("minors_without_row", n=unmatched))
    filled = pc.coalesce(joined.column("of_which_unaccompanied"), joined.column("_minors"))
    joined = joined.set_column(
        joined.column_names.index("of_which_unaccompanied"), "of_which_unaccompanied", filled
    )
    return joined.drop_columns(["_minors"]).select(facts.column_names)


def _one_per_key(name: str, dataset: str, facts: pa.Table):
    if dataset == "arrivals":
        key = keys.arrivals_key(facts)
        measures = ["persons", "of_which_unaccompanied"]
        if "_raw" in facts.column_names:
            facts, problems, repeats = keys.one_per_key(name, facts, [*key, "_raw"], measures)
            facts = keys.sum_per_key(facts.drop_columns(["_raw"]), key, measures)
            return facts, problems, repeats
        return keys.one_per_key(name, facts, key, measures)
    return keys.one_per_key(name, facts, keys.KEYS[dataset], keys.MEASURES[dataset])


def _summary(dataset: str, facts: pa.Table) -> LoadSummary:
    names = facts.column_names
    if "year" in names:
        years = sorted(set(facts.column("year").to_pylist()))
    else:
        time = facts.column("month" if "month" in names else "arrived")
        years = sorted({d.year for d in pc.unique(time).to_pylist()})
    if "month" in names or "arrived" in names:
        time = facts.column("month" if "month" in names else "arrived")
        period = f"{pc.min(time).as_py():%Y-%m} – {pc.max(time).as_py():%Y-%m}"
    elif "as_of_month" in names:
        last = facts.filter(pc.equal(facts.column("year"), years[-1]))
        period = f"{years[-1]} t.o.m. månad {pc.max(last.column('as_of_month')).as_py()}"
        period = (f"{years[0]}–" if len(years) > 1 else "") + period
    else:
        period = "år " + ", ".join(map(str, years))
    area = "lan_kod" if dataset == "county_targets" else "kommun_kod"
    measures = [
        m
        for m in (
            "target",
            "received",
            "persons",
            "of_which_unaccompanied",
            "places",
            "occupied",
            "population",
        )
        if m in names and facts.column(m).null_count < facts.num_rows
    ]
    totals = {m: float(pc.sum(facts.column(m)).as_py() or 0) for m in measures}
    suppressed = {m: facts.column(m).null_count for m in measures if facts.column(m).null_count}
    if dataset == "arrival_events":
        totals = {"persons": float(facts.num_rows)}
    return LoadSummary(
        0, dataset, facts.num_rows, years, period, len(pc.unique(facts.column(area))), totals, suppressed
    )
