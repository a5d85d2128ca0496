"""What each column of a table holds, settled before any builder reads it.

The header says most of it (:func:`~reception.ingest.vocabulary.read_header`); a person's choices
replace what it says (:mod:`reception.ingest.choices`); and where neither says something a table
needs, the words around the table may give the program, the category or the dataset, marked as a
guess. Columns named only by a year or a month ("2019", "jan", "2024M01") hold the table's
measure for that period: the kommuntal of 2019 in a table of targets, the places of January in a
table of capacity. Every column carries where its meaning came from, for the preview.

The words around a table never change what a column its header names holds: a note about
unaccompanied children above a table does not make its categories minors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from reception.ingest.choices import PERIOD_MEASURE, Choices, ColumnChoice, TableChoice
from reception.ingest.facts import Context
from reception.ingest.layout import Column, Table
from reception.ingest.problems import Said
from reception.ingest.vocabulary import _CATEGORY_RE, Header, _first, normalise, period_header

# where a column's meaning, or a table's dataset, came from (preview.source.<code> in the label table)
HEADER, CELLS, TITLE, PERIOD, CHOICE, RECIPE, OPTION, UNKNOWN, IGNORED = (
    "header",
    "cells",
    "title",
    "period",
    "choice",
    "recipe",
    "option",
    "unknown",
    "ignored",
)
GUESSES = (CELLS, TITLE)
# what a title says a table of bare numbers ('2024', 'Antal', 'Värde') holds
_TITLE_DATASET = (
    ("population", re.compile(r"folkmängd|befolkning|population|invånare")),
    ("county_targets", re.compile(r"länstal")),
    ("targets", re.compile(r"kommuntal|fördelningstal|anvisningsandel")),
    ("arrivals", re.compile(r"mottagna|mottagande|anvisade|received|arrivals|kvotflykting|egenbosatt")),
)
_TITLE_PROGRAM = (
    ("unaccompanied_minors", re.compile(r"ensamkommande|anvisningsandel")),
    ("temporary_protection", re.compile(r"fördelningstal|massflykt|tillfälligt skydd")),
    ("settlement", re.compile(r"kommuntal|bosättningslagen")),
)
PROGRAMS = ("settlement", "temporary_protection", "unaccompanied_minors")


@dataclass
class Placed:
    """A table as the builders will read it, and why each part is what it is."""

    table: Table
    dataset: str | None
    dataset_from: str | None = None
    sources: dict[int, str] = field(default_factory=dict)  # column index -> HEADER, CELLS, TITLE, ...
    notes: list[Said] = field(default_factory=list)
    skip: bool = False

    def guesses(self) -> list[int]:
        """The columns whose meaning is a guess (found by their cells, or from the title)."""
        return [i for i, source in self.sources.items() if source in GUESSES]


def _title(table: Table, with_sheet_title: bool = True) -> str:
    lines = table.title + (table.sheet_title if with_sheet_title else [])
    return " ".join(lines + [table.sheet.name or ""]).lower()


def detect(table: Table) -> tuple[str | None, str | None]:
    """Which dataset a table holds, from what its headers mean (or, for a table of bare numbers,
    what its title says), and where that was read: (dataset, HEADER or TITLE); (None, None)."""
    headers = [c.header for c in table.columns]
    roles = {h.role for h in headers}
    measures = {h.measure for h in headers}
    municipal = bool(roles & {"kommun", "kommun_kod"})
    if "population" in measures:
        return "population", HEADER
    if "target" in measures:
        county = any(h.target_of == "settlement_county" for h in headers if h.measure == "target")
        return ("county_targets" if county or not municipal else "targets"), HEADER
    if "program" in roles:
        return "targets", HEADER
    if measures & {"places", "occupied", "free"}:
        return "capacity", HEADER
    if "category" in roles:
        counted = measures & {"count", "received", "total", "persons", "unaccompanied"}
        if counted:
            return "arrivals", HEADER
        return ("arrival_events", HEADER) if roles & {"date", "month"} else (None, None)
    if any(h.category for h in headers if h.measure in ("persons", "received", "unaccompanied")):
        return "arrivals", HEADER
    if measures & {"period", "count"}:
        title = _title(table)
        by_month = any(h.measure == "period" and h.month is not None for h in headers)
        found = next(
            (d for d, pattern in _TITLE_DATASET if pattern.search(title) and (d == "arrivals") == by_month),
            None,
        )
        return (found, TITLE) if found else (None, None)
    return None, None


def title_program(table: Table) -> str | None:
    """The program the title or the sheet's name says ("Kommuntal 2019 – Hallands län")."""
    return next((p for p, pattern in _TITLE_PROGRAM if pattern.search(_title(table, False))), None)


def title_category(table: Table) -> str | None:
    """The category the title names ("Kvotflyktingar kommunmottagna per månad 2024")."""
    return _first(_CATEGORY_RE, normalise(" ".join(table.title + table.sheet_title)))


def place(table: Table, ctx: Context, choices: Choices) -> Placed:
    """``table`` with every column's meaning settled: the header's, the person's, then the guesses."""
    said = choices.table(table.sheet.name, table.index)
    chosen = RECIPE if choices.recipe else CHOICE
    sources = {}
    for c in table.columns:
        if c.index in table.by_values:
            sources[c.index] = CELLS
        elif c.header.known:
            sources[c.index] = HEADER
        elif c.header.measure == "ignored":
            sources[c.index] = IGNORED if c.header.text else UNKNOWN
        else:
            sources[c.index] = UNKNOWN
    columns = list(table.columns)
    if said is not None:
        for k, c in enumerate(columns):
            if c.letter == said.area:
                sources[c.index] = chosen
            if (column_choice := said.column(c.letter)) is not None:
                columns[k] = Column(c.index, c.letter, column_choice.header(c.header))
                sources[c.index] = column_choice.source or chosen
    placed = Placed(replace(table, columns=columns), None, sources=sources, skip=bool(said and said.skip))
    _dataset(placed, ctx, said, chosen)
    if placed.dataset is not None:
        _periods(placed, said, chosen)
        _programs(placed, ctx, choices)
        _categories(placed, said, chosen)
    _title_notes(placed)
    return placed


def _title_notes(placed: Placed) -> None:
    """Say what was read from the title: a target column's program, the category of figures."""
    told = set()
    for column in placed.table.columns:
        if placed.sources.get(column.index) != TITLE:
            continue
        h = column.header
        if h.measure == "target" and h.target_of:
            placed.notes.append(
                Said("count_as_program", column=column.label, program_code=f"program.{h.target_of}")
            )
        elif h.category and h.category not in told:
            told.add(h.category)
            placed.notes.append(Said("category_from_title", category_code=f"category.{h.category}"))


# the dataset a table is when its year or month columns are said to hold a measure
_PERIOD_DATASET = {
    "target": "targets",
    "received": "targets",
    "persons": "arrivals",
    "unaccompanied": "arrivals",
    "places": "capacity",
    "occupied": "capacity",
    "population": "population",
}


def _dataset(placed: Placed, ctx: Context, said: TableChoice | None, chosen: str) -> None:
    if said is not None and said.dataset:
        placed.dataset, placed.dataset_from = said.dataset, chosen
    elif ctx.dataset:
        placed.dataset, placed.dataset_from = ctx.dataset, OPTION
    else:
        placed.dataset, placed.dataset_from = detect(placed.table)
    if placed.dataset is None and said is not None and said.periods:
        placed.dataset, placed.dataset_from = _PERIOD_DATASET[said.periods], chosen


def _set(placed: Placed, column: Column, header: Header, source: str | None = None) -> None:
    columns = [
        Column(c.index, c.letter, header) if c.index == column.index else c for c in placed.table.columns
    ]
    placed.table = replace(placed.table, columns=columns)
    if source is not None:
        placed.sources[column.index] = source


def _periods(placed: Placed, said: TableChoice | None, chosen: str) -> None:
    """Columns named by a year or a month hold the dataset's measure for that period: targets and
    population by year, capacity by month, arrivals by month or (whole years) by year."""
    measure = (said.periods if said else None) or PERIOD_MEASURE.get(placed.dataset)
    if measure is None:
        return
    for column in list(placed.table.columns):
        h = column.header
        if h.measure != "period":
            continue
        by_month = h.month is not None
        if placed.dataset in ("targets", "population") and by_month:
            continue
        if placed.dataset == "capacity" and not by_month:
            continue
        if said and said.periods:
            source = chosen
        else:
            source = PERIOD if placed.sources.get(column.index) == HEADER else placed.sources[column.index]
        _set(placed, column, ColumnChoice(measure).header(h), source)


def _programs(placed: Placed, ctx: Context, choices: Choices) -> None:
    """A target column that names no program takes the chosen one, else the title's (a guess);
    a table of targets with one count column ("Antal") reads it as the target."""
    table = placed.table
    if placed.dataset == "targets" and not table.measures("target") and not table.role("program"):
        counts = table.measures("count")
        if len(counts) == 1:
            _set(placed, counts[0], ColumnChoice("target").header(counts[0].header))
    if placed.dataset not in ("targets",):
        return
    for column in placed.table.measures("target"):
        if column.header.target_of in (*PROGRAMS, "settlement_county"):
            continue
        program, source = choices.program, (RECIPE if choices.recipe else CHOICE)
        if program is None and (program := title_program(placed.table)) is not None:
            source = TITLE
        if program is not None:
            _set(placed, column, replace(column.header, target_of=program), source)


def _categories(placed: Placed, said: TableChoice | None, chosen: str) -> None:
    """Figures per period with no category of their own: the chosen category, else a category
    column, else the title's (a guess); left open when none says it."""
    if placed.dataset != "arrivals" or placed.table.role("category"):
        return
    open_ = [c for c in placed.table.measures("persons") if c.header.category is None and _by_period(c)]
    if not open_:
        return
    category, source = (said.category if said else None), chosen
    if category is None and (category := title_category(placed.table)) is not None:
        source = TITLE
    if category is None:
        return
    for column in open_:
        _set(placed, column, replace(column.header, category=category), source)


def _by_period(column: Column) -> bool:
    h = column.header
    return h.month is not None or period_header(normalise(h.text)) is not None
