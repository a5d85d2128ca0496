"""What a file would become, before anything is stored: the preview the Data page and ``--dry-run`` show.

:func:`preview_bytes` runs the importer's own plan (:func:`reception.ingest.pipeline.plan`): the
same tables, the same choices, the same builders and checks a load runs, and nothing written. It
says which dataset, program, years and month; which table was read (sheet, header row, first and
last data row); what every column holds and why (the header, its cells, the title, a choice, a
recipe); the rows passed over with their checks; per year the municipalities and the totals; and
the first rows exactly as they would be stored. It marks every guess, and says what must be chosen
before the file can be loaded. Its ``resolved`` choices and ``digest`` are what "Läs in" loads
with, so the load stores what the preview showed and nothing else.

Everything here is plain data that crosses back from the child process (:mod:`reception.ingest.isolate`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from reception import store
from reception.ingest import area_cell, load, pipeline, recipes, rows, skipped_rows
from reception.ingest.choices import Choices, choice_of
from reception.ingest.facts import Built
from reception.ingest.layout import Table
from reception.ingest.problems import MAX_SENT, Problem, Said
from reception.ingest.resolve import CELLS, GUESSES, TITLE, UNKNOWN, Placed
from reception.ingest.result import LoadSummary
from reception.ingest.values import numbers

SHOWN_ROWS = 10
# problems a choice in the preview settles (the rest are to be corrected in the file)
CHOOSABLE = {
    "not_recognised",
    "no_rows",
    "year_unknown",
    "month_unknown",
    "program_unknown",
    "month_table_category",
    "no_target_column",
    "no_target_value_column",
    "no_county_target_column",
    "no_category_columns",
    "no_count_column",
    "no_capacity_columns",
    "capacity_month_unknown",
    "no_population_column",
    "event_columns",
    "partial_year",
    "no_month_for_year",
}


@dataclass
class ColumnView:
    """One column: what it holds, why, and whether that is a guess."""

    letter: str
    text: str
    kind: str
    category: str | None
    year: int | None
    month: int | None
    program: str | None
    source: str
    guess: bool
    numbers: bool  # the column has numbers on the municipality rows (or under its header)

    @property
    def label(self) -> str:
        return f"{self.letter} ({self.text})" if self.text else self.letter


@dataclass
class TableView:
    """One table of the file as the importer reads it."""

    sheet: str | None
    index: int
    header_rows: tuple[int, ...]
    at: int
    first_row: int | None
    last_row: int | None
    found_by: str
    dataset: str | None
    dataset_from: str | None
    passed_over: Said | None
    columns: list[ColumnView]
    skipped: list[skipped_rows.SkippedRow]
    blank_rows: int
    more_skipped: int
    layout: recipes.Layout
    area: str | None  # the letter of the municipality column as read

    @property
    def read(self) -> bool:
        return self.passed_over is None


@dataclass
class YearView:
    dataset: str
    year: int
    municipalities: int
    totals: dict[str, float]


@dataclass
class Preview:
    """What a file would become, and what is uncertain or still to be said."""

    file: str
    sha256: str
    sheets: list[tuple[str | None, int, int]]  # every sheet: (name, first row, last row) as Excel numbers
    tables: list[TableView]
    empty_sheets: list[Said]
    summaries: list[LoadSummary]
    years: list[YearView]
    stored: dict[str, tuple[list[str], list[tuple]]]  # dataset -> (columns, the first rows)
    problems: list[Problem]
    warnings: list[str]
    notes: list[str]
    renamed: dict[str, str]
    guesses: list[Said]
    choices: Choices
    resolved: Choices
    digest: str | None
    already_loaded: int | None
    problems_omitted: int = 0  # problems past the first MAX_SENT, counted (the preview crosses processes)

    @property
    def problem_count(self) -> int:
        return len(self.problems) + self.problems_omitted

    @property
    def to_choose(self) -> list[Problem]:
        """Problems a choice in the preview settles."""
        return [p for p in self.problems if p.code in CHOOSABLE]

    @property
    def to_correct(self) -> list[Problem]:
        """Problems no choice settles: to be corrected in the file."""
        return [p for p in self.problems if p.code not in CHOOSABLE]

    @property
    def loadable(self) -> bool:
        return not self.problems and self.digest is not None and self.already_loaded is None

    @property
    def certain(self) -> bool:
        """Nothing is a guess, nothing is open: the preview is a summary to confirm."""
        return not self.guesses and not self.problems

    @property
    def recipe(self) -> str | None:
        return self.choices.recipe

    def layouts(self) -> list[recipes.Layout]:
        return [t.layout for t in self.tables if t.read or t.dataset is not None]


def preview_bytes(
    name: str,
    data: bytes,
    *,
    choices: Choices | None = None,
    recipe: str | None = None,
    dataset: str | None = None,
    year: int | None = None,
    month: int | None = None,
    store_path: Path | None = None,
    today: date | None = None,
) -> Preview:
    """The preview of one file (nothing is written).

    Raises:
        IngestRefused: only for what no choice can fix: an unreadable file, a limit, a bad option,
            or a named recipe that does not fit.
    """
    path = Path(store_path or store.db_path())
    found = pipeline.plan(
        name, data, dataset=dataset, year=year, month=month, choices=choices, recipe=recipe,
        store_path=path, today=today,
    )  # fmt: skip
    digest = pipeline.digest(found.parts) if found.parts and not found.problems else None
    result = found.result
    lanstal = skipped_rows.lanstal_of(path, found)
    tables = [_table(r.placed, r.built, r.passed_over, found, lanstal) for r in found.tables]
    return Preview(
        file=found.name,
        sha256=found.sha256,
        sheets=[_extent(s) for s in found.sheets],
        tables=tables,
        empty_sheets=found.empty_sheets,
        summaries=[s for _, _, s in found.parts],
        years=[y for dataset, facts, _ in found.parts for y in _years(dataset, facts)],
        stored={dataset: _first_rows(facts) for dataset, facts, _ in found.parts},
        problems=found.problems[:MAX_SENT],
        warnings=result.warnings,
        notes=result.notes,
        renamed=result.renamed,
        guesses=_guesses(tables, result.notes),
        choices=found.choices,
        resolved=found.resolved(),
        digest=digest,
        already_loaded=load.holding(path, found.sha256, digest) if digest else None,
        problems_omitted=max(len(found.problems) - MAX_SENT, 0),
    )


def _extent(sheet) -> tuple[str | None, int, int]:
    if not sheet.grid.num_rows:
        return sheet.name, 1, 1
    return sheet.name, sheet.rows[0].as_py(), sheet.rows[-1].as_py()


def _table(placed: Placed, built: Built | None, reason, found, lanstal) -> TableView:
    table = placed.table
    sheet_rows = table.sheet.rows
    areas = built.areas if built is not None else None
    if areas is None and any(c.header.role in ("kommun", "kommun_kod", "lan") for c in table.columns):
        counted = [c for c in table.columns if c.header.role is None and _has_numbers(table, c, None)]
        areas = rows.resolve(table, counted)
    data = np.flatnonzero(areas.kind == area_cell.DATA) if areas is not None else np.array([], dtype=int)
    first = sheet_rows[table.start + int(data[0])].as_py() if len(data) else None
    last = sheet_rows[table.start + int(data[-1])].as_py() if len(data) else None
    skipped, blank, more = skipped_rows.skipped(table, areas, built, found, lanstal)
    area = next((c.letter for c in table.columns if c.header.role in ("kommun", "kommun_kod")), None)
    return TableView(
        sheet=table.sheet.name,
        index=table.index,
        header_rows=tuple(sheet_rows[r].as_py() for r in table.header_rows),
        at=sheet_rows[table.at].as_py(),
        first_row=first,
        last_row=last,
        found_by=table.found_by,
        dataset=placed.dataset,
        dataset_from=placed.dataset_from,
        passed_over=reason,
        columns=[_column(table, c, placed, areas) for c in table.columns],
        skipped=skipped,
        blank_rows=blank,
        more_skipped=more,
        layout=recipes.layout_of(table),
        area=area,
    )


def _column(table: Table, column, placed: Placed, areas) -> ColumnView:
    choice = choice_of(column.header)
    source = placed.sources.get(column.index, UNKNOWN)
    return ColumnView(
        letter=column.letter,
        text=column.header.text,
        kind=choice.kind,
        category=choice.category,
        year=choice.year,
        month=choice.month,
        program=choice.program,
        source=source,
        guess=source in GUESSES,
        numbers=_has_numbers(table, column, areas),
    )


def _has_numbers(table: Table, column, areas) -> bool:
    """Numbers in the column, on the municipality rows (or the first rows, if none are known yet)."""
    cells = table.sheet.grid.column(column.index).slice(table.start, min(table.stop - table.start, 200))
    if areas is not None and (areas.kind[: len(cells)] == area_cell.DATA).any():
        cells = cells.filter(pa.array(areas.kind[: len(cells)] == area_cell.DATA))
    read = numbers(cells, table.sheet.decimal)
    return bool(pc.any(pc.is_valid(read.values)).as_py())


def _years(dataset: str, facts: pa.Table) -> list[YearView]:
    """Per year: how many municipalities (or counties) and the total of each measure."""
    names = facts.column_names
    if "year" in names:
        year = facts.column("year")
    else:
        year = pc.year(facts.column("month" if "month" in names else "arrived"))
    area = "lan_kod" if dataset == "county_targets" else "kommun_kod"
    measures = [m for m in ("target", "received", "persons", "of_which_unaccompanied", "places", "occupied",
                            "population") if m in names]  # fmt: skip
    table = pa.table({"_year": year, "_area": facts.column(area), **{m: facts.column(m) for m in measures}})
    if dataset == "arrival_events":
        table = table.append_column("persons", pa.repeat(pa.scalar(1.0), table.num_rows))
        measures = ["persons"]
    grouped = (
        table.group_by("_year")
        .aggregate([("_area", "count_distinct"), *[(m, "sum") for m in measures]])
        .sort_by("_year")
    )
    out = []
    for row in grouped.to_pylist():
        totals = {m: row[f"{m}_sum"] for m in measures if row[f"{m}_sum"] is not None}
        out.append(YearView(dataset, int(row["_year"]), int(row["_area_count_distinct"]), totals))
    return out


def _first_rows(facts: pa.Table) -> tuple[list[str], list[tuple]]:
    """The first rows exactly as they would be stored."""
    stored = pipeline.stored_facts(facts).slice(0, SHOWN_ROWS)
    return stored.column_names, [tuple(r.values()) for r in stored.to_pylist()]


def _guesses(tables: list[TableView], notes: list[str]) -> list[Said]:
    """Every guess the importer is unsure of, said."""
    out: list[Said] = []
    for t in tables:
        if t.found_by == "fallback":
            out.append(Said("guess.header_row", row=t.at))
        if t.dataset_from == TITLE and t.read:
            out.append(Said("guess.dataset", dataset_code=f"dataset.{t.dataset}"))
        for c in t.columns:
            if c.source == CELLS and c.kind in ("kommun", "kommun_kod"):
                out.append(Said("guess.area", column=c.label))
            elif c.source == TITLE:
                out.append(Said("guess.title", column=c.label))
            elif c.source == UNKNOWN and c.numbers and t.dataset is not None:
                out.append(Said("guess.open", column=c.label))
    for note in notes:
        code = getattr(note, "code", "")
        if code in ("year_from", "month_from", "as_of_updated"):
            out.append(note)
    return out
