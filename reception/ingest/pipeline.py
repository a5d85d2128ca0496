"""The importer from end to end: read, find tables, settle what each column holds, build, validate, load.

:func:`plan` reads a file into its tables and their facts, with every problem found and nothing
written; the preview (:mod:`reception.ingest.preview`) shows a plan, and :func:`ingest_bytes` stores
one. If there is any problem the file is refused as a whole (:class:`IngestRefused`) and the store
is not touched. Sheets that hold no municipal table (notes, a county summary, a table by
citizenship) are passed over and named in the notes; a file in which nothing is recognised is
refused with what was found (the preview instead asks what it holds).

What a person said in the preview (:class:`~reception.ingest.choices.Choices`), or a saved recipe
that fits the file's layout, settles the columns before the builders read them; every check runs
the same on a chosen column as on a recognised one. A load after a preview is given the preview's
digest of its facts: if the file now gives other facts, nothing is stored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from pathlib import Path, PurePath

import pyarrow as pa

from reception import store
from reception.ingest import combine, load, read, recipes, rows
from reception.ingest.arrivals import build_arrivals, build_events
from reception.ingest.capacity import build_capacity
from reception.ingest.choices import Choices, TableChoice, choice_of
from reception.ingest.facts import Built, Context
from reception.ingest.layout import AREA_ROLES, Table, find_tables
from reception.ingest.population import build_population
from reception.ingest.problems import IngestRefused, Problem, Said, problem, refuse
from reception.ingest.read import Sheet
from reception.ingest.resolve import Placed, place
from reception.ingest.result import IngestResult, LoadSummary
from reception.ingest.targets import build_county_targets, build_long_targets, build_targets

DATASETS = ("targets", "county_targets", "arrivals", "capacity", "arrival_events", "population")
Progress = Callable[[int, int], None]


@dataclass
class Read:
    """One table of the file: as placed, what its builder made of it, or why it was passed over."""

    placed: Placed
    built: Built | None = None
    passed_over: Said | None = None


@dataclass
class Plan:
    """What a file would become: its tables, the facts per dataset, and every problem found."""

    name: str
    sha256: str
    sheets: list[Sheet]
    choices: Choices  # what was applied: the person's, or a recipe's
    tables: list[Read] = field(default_factory=list)
    empty_sheets: list[Said] = field(default_factory=list)
    result: IngestResult | None = None
    problems: list[Problem] = field(default_factory=list)
    parts: list[tuple[str, pa.Table, LoadSummary]] = field(default_factory=list)

    @property
    def built(self) -> list[Built]:
        return [r.built for r in self.tables if r.built is not None and r.passed_over is None]

    def resolved(self) -> Choices:
        """The choices that read the file exactly as planned: every table's header row, dataset and
        columns said, so a load after the preview guesses nothing again."""
        out = replace(self.choices, tables=())
        for r in self.tables:
            table = r.placed.table
            said = self.choices.table(table.sheet.name, table.index) or TableChoice()
            out = out.with_table(
                TableChoice(
                    sheet=table.sheet.name,
                    index=table.index,
                    header=table.sheet.rows[table.at].as_py(),
                    area=said.area,
                    dataset=r.placed.dataset,
                    columns=tuple(
                        (c.letter, choice_of(c.header, r.placed.sources.get(c.index))) for c in table.columns
                    ),
                    skip=r.placed.skip,
                )
            )
        return out


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


def check_options(name: str, dataset: str | None, year: int | None, month: int | None) -> None:
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
    choices: Choices | None = None,
    recipe: str | None = None,
    expect: str | None = None,
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
        choices: what the preview settled (its resolved choices); None: read the file by itself,
            with a saved recipe that fits its layout if there is one.
        recipe: the name of a saved recipe to read the file with (it must fit the layout).
        expect: the preview's digest of the facts: refused if the file now gives other facts.
        store_path: the store (default ``store.db_path()``).
        progress: called with (done, total) as the work goes on.

    Raises:
        IngestRefused: listing every problem; the store is unchanged.
    """
    name = PurePath(name).name
    report = progress or (lambda done, total: None)
    path = Path(store_path or store.db_path())
    sha256 = hashlib.sha256(data).hexdigest()
    options = {"dataset": dataset, "year": year, "month": month}
    plain = choices is None and recipe is None and not recipes.names(path)
    if plain and (already := load.already_loaded(path, sha256, options)) is not None:
        return IngestResult(name, already_loaded=already)
    report(0, 100)
    found = plan(name, data, dataset=dataset, year=year, month=month, choices=choices, recipe=recipe,
                 store_path=path, today=today, progress=report, sha256=sha256)  # fmt: skip
    if found.problems:
        raise IngestRefused(name, found.problems)
    facts_digest = digest(found.parts)
    if expect is not None and facts_digest != expect:
        raise refuse(name, "changed_since_preview")
    if (already := load.holding(path, sha256, facts_digest)) is not None:
        return IngestResult(name, already_loaded=already, recipe=found.choices.recipe)
    report(70, 100)
    result = found.result
    stored = [(d, stored_facts(facts), s) for d, facts, s in found.parts]
    held = {**options, "choices": found.choices.to_json()} if not found.choices.empty else options
    summaries = [
        {
            **asdict(s),
            "options": held,
            "digest": facts_digest,
            "warnings": result.warnings,
            "notes": result.notes,
        }
        for _, _, s in found.parts
    ]
    ids, result.retired = load.write(
        path, name, sha256, [(d, f, j) for (d, f, _), j in zip(stored, summaries, strict=True)]
    )
    for (_, _, summary), load_id in zip(found.parts, ids, strict=True):
        summary.load_id = load_id
        result.loads.append(summary)
    report(100, 100)
    return result


def stored_facts(facts: pa.Table) -> pa.Table:
    """The facts as the store gets them: without the columns that say where each row came from."""
    return facts.drop_columns([c for c in facts.column_names if c.startswith("_")])


class _Hashing:
    """A file to write Arrow's stream into that only hashes what it is given (no copy of the facts)."""

    def __init__(self) -> None:
        self.hashed = hashlib.sha256()
        self.closed = False

    def write(self, data) -> int:
        self.hashed.update(data)
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def writable(self) -> bool:
        return True


def digest(parts: list[tuple[str, pa.Table, LoadSummary]]) -> str:
    """A fingerprint of the facts as they would be stored: the same facts, the same digest."""
    sink = _Hashing()
    for dataset, facts, _ in parts:
        sink.write(dataset.encode())
        table = stored_facts(facts).combine_chunks()
        with pa.ipc.new_stream(pa.PythonFile(sink, mode="w"), table.schema) as writer:
            writer.write_table(table)
    return sink.hashed.hexdigest()


def plan(
    name: str,
    data: bytes,
    *,
    dataset: str | None = None,
    year: int | None = None,
    month: int | None = None,
    choices: Choices | None = None,
    recipe: str | None = None,
    store_path: Path | None = None,
    today: date | None = None,
    progress: Progress | None = None,
    sha256: str | None = None,
) -> Plan:
    """What ``data`` would become, with every problem, and nothing written.

    Raises:
        IngestRefused: only for what no choice can fix: an unreadable file, a limit, a bad option,
            or a recipe that does not fit the file.

    ``sha256`` is the file's digest when the caller has it already (else it is worked out here).
    """
    name = PurePath(name).name
    report = progress or (lambda done, total: None)
    check_options(name, dataset, year, month)
    path = Path(store_path or store.db_path())
    sheets = read.read(name, data)
    report(30, 100)
    if choices is None:
        choices = recipes.choices_for(name, sheets, recipe, path)
    year = year if year is not None else choices.year
    month = month if month is not None else choices.month
    check_options(name, None, year, month)
    ctx = Context(name, dataset, year, month, today or date.today())
    found = Plan(name, sha256 or hashlib.sha256(data).hexdigest(), sheets, choices, result=IngestResult(name))
    found.result.recipe = choices.recipe
    for sheet in sheets:
        tables = find_tables(sheet, lambda k, s=sheet.name: choices.table(s, k))
        if not tables:
            found.empty_sheets.append(
                Said("sheet_no_header", sheet=repr(sheet.name)) if sheet.name else Said("no_header")
            )
        found.tables += [_read_table(table, ctx, choices) for table in tables]
    report(50, 100)
    _settle(found, len(sheets))
    return found


def _read_table(table: Table, ctx: Context, choices: Choices) -> Read:
    placed = place(table, ctx, choices)
    if placed.skip:
        return Read(placed, passed_over=_describe(table, "table_skipped"))
    if placed.dataset is None:
        return Read(placed, passed_over=_describe(table, "table_unknown"))
    table = placed.table
    part = _build(table, placed.dataset, ctx)
    part.notes = placed.notes + part.notes
    if part.facts is None or part.facts.num_rows == 0:
        if not any(c.header.role in AREA_ROLES for c in table.columns) or not part.problems:
            return Read(placed, part, _describe(table, "table_no_rows"))
        if _no_municipality(part):
            return Read(placed, part, _describe(table, "table_no_known_rows"))
    unused = [c.label for c in table.columns if c.header.text and not c.header.known]
    if unused:
        part.notes.append(Said("unread_columns", columns=", ".join(unused)))
    return Read(placed, part)


def _settle(found: Plan, sheets: int) -> None:
    """The facts per dataset and every problem, or the reasons nothing could be read."""
    result, built = found.result, found.built
    passed_over = [
        (r.passed_over, r.built.problems if r.built else []) for r in found.tables if r.passed_over
    ]
    passed_over = [(reason, []) for reason in found.empty_sheets] + passed_over
    problems = [p for part in built for p in part.problems]
    if not built:
        problems += [p for _, seen in passed_over for p in seen]
        reasons = tuple(reason for reason, _ in passed_over) or (Said("no_tables"),)
        found.problems = [problem(found.name, "not_recognised", reasons=reasons), *problems]
        return
    result.notes += [Said("not_read", reason=reason) for reason, _ in passed_over if sheets > 1 or built]
    for part in built:
        result.warnings += part.warnings
        result.notes += [n for n in part.notes if n not in result.notes]
        result.renamed.update(part.renamed)
    found.parts = combine.per_dataset(found.name, built, result, problems)
    if problems:
        order = {p: i for i, p in enumerate(problems)}
        found.problems = sorted(problems, key=lambda p: (p.sheet or "", p.row or 0, order[p]))
    elif not found.parts:
        found.problems = [problem(found.name, "no_rows")]


def _no_municipality(part: Built) -> bool:
    """Every problem is a row whose area matches nothing: the table is not about municipalities."""
    return all(p.code in (rows.UNKNOWN_AREA, rows.UNKNOWN_AREA_HINT, rows.NO_AREA) for p in part.problems)
