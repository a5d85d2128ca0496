"""What a person said about a file in the preview: where its tables are and what each column holds.

The importer reads a header into facets (:class:`~reception.ingest.vocabulary.Header`); a choice
replaces the facets of one column ("column B is the kommuntal", "column C is the received of 2019"),
names the municipality column, the header row, what a table holds, or the program, category, year
or month the file does not say. The pipeline applies choices by overriding the facets the dataset
builders read, so a chosen column goes through every check a recognised one does.

Choices are small, frozen and JSON-serialisable: the Data page keeps them per upload, the preview
returns them fully resolved (every column's kind said, every table's header row said), and a
recipe keeps them for the next file of the same layout. :func:`from_json` validates what it reads,
since a recipe is a file somebody may have edited by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reception.ingest.vocabulary import Header

DATASETS = ("targets", "county_targets", "arrivals", "capacity", "arrival_events", "population")
PROGRAMS = ("settlement", "temporary_protection", "unaccompanied_minors")
CATEGORIES = ("quota_refugee", "assigned", "self_settled", "family", "other", "temporary_protection")
# what a person may say a column with numbers holds (the Data page's select offers these)
MEASURES = ("target", "received", "persons", "unaccompanied", "places", "occupied", "population")
# what a column may be besides a measure: where, when or which kind of row, or a check that is not stored
ROLES = (
    "kommun",
    "kommun_kod",
    "lan",
    "lan_kod",
    "year",
    "as_of_month",
    "month",
    "date",
    "category",
    "program",
    "kind",
    "flag_unaccompanied",
    "gender",
    "decision",
    "valid_from",
)
CHECKS = ("total", "remaining", "free", "count", "period")
# where a column's meaning came from (reception.ingest.resolve)
SOURCES = ("header", "cells", "title", "period", "choice", "recipe", "option", "unknown", "ignored")
IGNORE = "ignore"  # a column that is not read (a comment, a share, a difference)
OPEN = "open"  # a column whose header is not recognised and that nobody has placed: not read
KINDS = (*MEASURES, *ROLES, *CHECKS, IGNORE, OPEN)
# what columns named only by a year or a month hold, per dataset (a choice may say another measure)
PERIOD_MEASURE = {
    "targets": "target",
    "arrivals": "persons",
    "capacity": "places",
    "population": "population",
}
_LETTERS = re.compile(r"[A-Z]{1,3}")
MAX_TABLES = 100
MAX_COLUMNS = 2000
MAX_NAME = 200


class ChoicesInvalid(ValueError):
    """A document of choices that is not one (a recipe edited by hand, a wrong field)."""


@dataclass(frozen=True)
class ColumnChoice:
    """What one column holds.

    Attributes:
        kind: a measure (:data:`MEASURES`), a role (:data:`ROLES`), a check (:data:`CHECKS`),
            ``ignore`` or ``open``.
        category: for ``persons`` and ``unaccompanied``: the category (None: the header's).
        year: the year the figures are of (None: the year the header says, if any).
        month: the month (None: the month the header says, if any).
        program: for ``target``: settlement, temporary_protection or unaccompanied_minors
            (None: the header's, else the file's).
        source: in resolved choices, where the preview found the meaning (``header``, ``cells``,
            ``title`` ...), so a load says the same about it; None for what a person chose.
    """

    kind: str
    category: str | None = None
    year: int | None = None
    month: int | None = None
    program: str | None = None
    source: str | None = None

    def header(self, read: Header) -> Header:
        """The facets the builders read for a column whose header was ``read`` as it is."""
        text, kind = read.text, self.kind
        if kind == IGNORE:
            return Header(text, measure="ignored")
        if kind == OPEN:
            return Header(text)
        if kind in ROLES:
            return Header(text, role=kind, year=read.year)
        year = self.year if self.year is not None else read.year
        month = self.month if self.month is not None else read.month
        same = read.measure == kind
        return Header(
            text,
            measure=kind,
            target_of=self.program or (read.target_of if same else None),
            category=self.category or (read.category if kind != "target" else None),
            program=read.program if same else None,
            kind=read.kind if kind in ("places", "occupied", "free") else None,
            year=year,
            revised=read.revised if same else False,
            month=month,
        )


def choice_of(header: Header, source: str | None = None) -> ColumnChoice:
    """The choice that gives exactly ``header``'s facets (a resolved column), found at ``source``."""
    if header.role is not None:
        return ColumnChoice(header.role, source=source)
    if header.measure == "ignored":
        return ColumnChoice(IGNORE, source=source)
    if header.measure is None:
        return ColumnChoice(OPEN, source=source)
    return ColumnChoice(
        header.measure,
        category=header.category if header.measure in ("persons", "unaccompanied") else None,
        year=header.year,
        month=header.month,
        program=header.target_of if header.measure == "target" else None,
        source=source,
    )


@dataclass(frozen=True)
class TableChoice:
    """What was said about one table: the ``index``-th table on its ``sheet``.

    Attributes:
        sheet: the sheet's name (None for a CSV or parquet file).
        index: the table's place on its sheet, 0 for the first.
        header: the row (as Excel numbers it) that names the columns; None: found by meaning.
        area: the letter of the column with the municipality's name or code; None: as found.
        dataset: what the table holds; None: what its columns say.
        category: the category of figures whose columns name none (a table of months).
        periods: what columns named only by a year or a month hold (a kind of :data:`MEASURES`);
            None: the dataset's own measure.
        columns: (letter, choice) for each column said.
        skip: the table is not read.
    """

    sheet: str | None = None
    index: int = 0
    header: int | None = None
    area: str | None = None
    dataset: str | None = None
    category: str | None = None
    periods: str | None = None
    columns: tuple[tuple[str, ColumnChoice], ...] = ()
    skip: bool = False

    def column(self, letter: str) -> ColumnChoice | None:
        return dict(self.columns).get(letter)

    def with_column(self, letter: str, choice: ColumnChoice | None) -> TableChoice:
        kept = {k: v for k, v in self.columns if k != letter}
        if choice is not None:
            kept[letter] = choice
        return replace(self, columns=tuple(sorted(kept.items(), key=lambda kv: (len(kv[0]), kv[0]))))


@dataclass(frozen=True)
class Choices:
    """Everything said about a file: per table, and the program, year and month the file does not say.

    ``recipe`` names the saved recipe the choices came from (the summary says it).
    """

    tables: tuple[TableChoice, ...] = ()
    program: str | None = None
    year: int | None = None
    month: int | None = None
    recipe: str | None = None

    def table(self, sheet: str | None, index: int) -> TableChoice | None:
        return next((c for c in self.tables if c.sheet == sheet and c.index == index), None)

    def with_table(self, choice: TableChoice) -> Choices:
        kept = [c for c in self.tables if (c.sheet, c.index) != (choice.sheet, choice.index)]
        order = sorted([*kept, choice], key=lambda c: (c.sheet or "", c.index))
        return replace(self, tables=tuple(order))

    @property
    def empty(self) -> bool:
        return self == Choices()

    def to_json(self) -> dict:
        """A plain dict (JSON as it is), without the defaults."""
        out: dict = {}
        for key in ("program", "year", "month", "recipe"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.tables:
            out["tables"] = [_table_json(c) for c in self.tables]
        return out


def _table_json(c: TableChoice) -> dict:
    out: dict = {"sheet": c.sheet, "index": c.index}
    for key in ("header", "area", "dataset", "category", "periods"):
        if getattr(c, key) is not None:
            out[key] = getattr(c, key)
    if c.skip:
        out["skip"] = True
    if c.columns:
        out["columns"] = {letter: _column_json(choice) for letter, choice in c.columns}
    return out


def _column_json(c: ColumnChoice) -> dict:
    out = {"kind": c.kind}
    for key in ("category", "year", "month", "program", "source"):
        if getattr(c, key) is not None:
            out[key] = getattr(c, key)
    return out


# --- reading choices back, validated ----------------------------------------------------------


def _get(held: dict, key: str, kind, allowed=None, *, where: str):
    value = held.get(key)
    if value is None:
        return None
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ChoicesInvalid(f"{where}: {key} is not a whole number")
    if kind is str and not isinstance(value, str):
        raise ChoicesInvalid(f"{where}: {key} is not text")
    if kind is str and len(value) > MAX_NAME:
        raise ChoicesInvalid(f"{where}: {key} is too long")
    if allowed is not None and value not in allowed:
        raise ChoicesInvalid(f"{where}: {key} is not one of the known values")
    return value


def _year(held: dict, key: str, where: str) -> int | None:
    year = _get(held, key, int, where=where)
    if year is not None and not 2000 <= year <= 2100:
        raise ChoicesInvalid(f"{where}: {key} is not a year between 2000 and 2100")
    return year


def _month(held: dict, key: str, where: str) -> int | None:
    month = _get(held, key, int, where=where)
    if month is not None and not 1 <= month <= 12:
        raise ChoicesInvalid(f"{where}: {key} is not a month 1–12")
    return month


def _dict(value: object, where: str) -> dict:
    if not isinstance(value, dict):
        raise ChoicesInvalid(f"{where} is not an object")
    return value


def _column_from(held: object, where: str) -> ColumnChoice:
    held = _dict(held, where)
    kind = _get(held, "kind", str, KINDS, where=where)
    if kind is None:
        raise ChoicesInvalid(f"{where}: no kind")
    return ColumnChoice(
        kind,
        category=_get(held, "category", str, CATEGORIES, where=where),
        year=_year(held, "year", where),
        month=_month(held, "month", where),
        program=_get(held, "program", str, (*PROGRAMS, "settlement_county"), where=where),
        source=_get(held, "source", str, SOURCES, where=where),
    )


def _table_from(held: object, n: int) -> TableChoice:
    where = f"table {n + 1}"
    held = _dict(held, where)
    index = _get(held, "index", int, where=where) or 0
    header = _get(held, "header", int, where=where)
    if not 0 <= index < MAX_TABLES or (header is not None and not 1 <= header <= 1_048_576):
        raise ChoicesInvalid(f"{where}: index or header out of range")
    area = _get(held, "area", str, where=where)
    if area is not None and not _LETTERS.fullmatch(area):
        raise ChoicesInvalid(f"{where}: area is not a column letter")
    columns = _dict(held.get("columns", {}), f"{where}: columns")
    if len(columns) > MAX_COLUMNS or not all(isinstance(k, str) and _LETTERS.fullmatch(k) for k in columns):
        raise ChoicesInvalid(f"{where}: columns are not named by their letters")
    skip = held.get("skip", False)
    if not isinstance(skip, bool):
        raise ChoicesInvalid(f"{where}: skip is not true or false")
    choice = TableChoice(
        sheet=_get(held, "sheet", str, where=where),
        index=index,
        header=header,
        area=area,
        dataset=_get(held, "dataset", str, DATASETS, where=where),
        category=_get(held, "category", str, CATEGORIES, where=where),
        periods=_get(held, "periods", str, MEASURES, where=where),
        skip=skip,
    )
    for letter, column in columns.items():
        choice = choice.with_column(letter, _column_from(column, f"{where}, column {letter}"))
    return choice


def from_json(held: object) -> Choices:
    """Choices from their JSON form (:meth:`Choices.to_json`).

    Raises:
        ChoicesInvalid: anything that is not a choice this importer makes, named.
    """
    held = _dict(held, "the choices")
    tables = held.get("tables", [])
    if not isinstance(tables, list) or len(tables) > MAX_TABLES:
        raise ChoicesInvalid("tables is not a list of at most 100 tables")
    return Choices(
        tables=tuple(_table_from(t, n) for n, t in enumerate(tables)),
        program=_get(held, "program", str, PROGRAMS, where="the choices"),
        year=_year(held, "year", "the choices"),
        month=_month(held, "month", "the choices"),
        recipe=_get(held, "recipe", str, where="the choices"),
    )
