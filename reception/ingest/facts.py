"""What every dataset builder shares: the context of a file, the parts it builds, and cell checks.

A builder turns one :class:`~reception.ingest.layout.Table` into fact rows (an Arrow table with the
columns of its fact table, plus ``_sheet`` and ``_row`` saying where each came from), the problems
that refuse the file, and the warnings and notes for the summary.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from reception.ingest import checks, rows
from reception.ingest.layout import Column, Table
from reception.ingest.period import Period, read_period
from reception.ingest.problems import Problem, Said, problem
from reception.ingest.rows import DATA, Areas
from reception.ingest.values import Numbers, numbers, per_distinct

LIMIT = 200  # problems listed per rule and column; the rest are counted


@dataclass(frozen=True)
class Context:
    """What the user said about the file (None = read it from the file)."""

    file: str
    dataset: str | None = None
    year: int | None = None
    month: int | None = None
    today: date = field(default_factory=date.today)


@dataclass
class Built:
    """What a builder made of one table."""

    dataset: str
    facts: pa.Table | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    renamed: dict[str, str] = field(default_factory=dict)
    minors_only: bool = False  # a block "varav ensamkommande barn": fills the minors of the main table
    areas: Areas | None = None  # what each body row is (the preview lists the rows passed over)
    unchecked: set[int] = field(default_factory=set)  # sum rows (as Excel numbers them) not checked


def body(table: Table) -> pa.Table:
    return table.sheet.grid.slice(table.start, table.stop - table.start)


def body_rows(table: Table) -> pa.Array:
    return table.sheet.rows.slice(table.start, table.stop - table.start)


def read_numbers(table: Table, column: Column) -> Numbers:
    return numbers(body(table).column(column.index), table.sheet.decimal)


def cell_problems(table: Table, mask: np.ndarray, column: Column, code: str, /, **fields) -> list[Problem]:
    """One problem ``code`` per cell where ``mask`` is true (the first LIMIT, then a count of the rest)."""
    where = np.flatnonzero(mask)
    if not len(where):
        return []
    shown = pa.array(where[:LIMIT])
    texts = body(table).column(column.index).take(shown).to_pylist()
    rows = body_rows(table).take(shown).to_pylist()
    file, sheet = table.sheet.file, table.sheet.name
    problems = [
        problem(file, code, sheet=sheet, row=r, column=column.label, value=v, **fields)
        for r, v in zip(rows, texts, strict=True)
    ]
    if len(where) > LIMIT:
        rest = (("column", column.label), ("n", len(where) - LIMIT))
        problems.append(Problem(file, "more_rows", sheet, fields=rest, more=((code, problems[0].fields),)))
    return problems


def check_counts(
    table: Table,
    areas: Areas,
    column: Column,
    read: Numbers,
    *,
    whole: bool = True,
    most: float | None = None,
) -> list[Problem]:
    """Problems in a column of counts on municipality rows: text, negative, not whole, too large."""
    data = areas.kind == DATA
    values = read.values.to_numpy(zero_copy_only=False).astype(float)
    invalid = read.invalid.to_numpy(zero_copy_only=False)
    problems = cell_problems(table, data & invalid, column, "not_a_number")
    problems += cell_problems(table, data & (values < 0), column, "negative")
    if whole:
        fraction = data & ~np.isnan(values) & (values != np.round(values))
        problems += cell_problems(table, fraction, column, "not_whole")
    if most is not None:
        problems += cell_problems(table, data & (values > most), column, "too_large", most=f"{most:g}")
    return problems


def period_of(table: Table, ctx: Context) -> Period:
    """The year and month the table's title, sheet name or file name say."""
    texts = [("source.title", line) for line in table.title]
    texts += [("source.sheet_title", line) for line in table.sheet_title if line not in table.title]
    if table.sheet.name:
        texts.append(("source.sheet_name", table.sheet.name))
    texts.append(("source.file_name", PurePath(ctx.file).stem.replace("_", " ")))
    return read_period(texts)


def year_for(table: Table, ctx: Context, built: Built, what: str) -> int | None:
    """The one year of a table: given by the user, else from title, sheet name or file name."""
    return _period_part(table, ctx, built, what, "year")


def month_for(table: Table, ctx: Context, built: Built, what: str) -> int | None:
    """The month of a table (as-of month of a snapshot, or the month of a capacity file)."""
    return _period_part(table, ctx, built, what, "month")


def _period_part(table: Table, ctx: Context, built: Built, what: str, part: str) -> int | None:
    """The year or the month (``part``) a table is about: given by the user (--year, --month), else
    read from its title, sheet name or file name and noted where; a problem when nothing says it.

    Args:
        what: what the year or month is of, as a label (problem.what.<what>): 'targets', 'figures' ...
    """
    given = ctx.year if part == "year" else ctx.month
    if given is not None:
        return given
    period = period_of(table, ctx)
    found, source = (period.year, period.year_from) if part == "year" else (period.month, period.month_from)
    if found is None:
        seen = ", ".join(map(str, period.years_seen))
        more = (("years_seen", (("seen", seen),)),) if part == "year" and len(period.years_seen) > 1 else ()
        fields = (("what_code", f"problem.what.{what}"),)
        more = (*more, (f"give_{part}", ()))
        built.problems.append(
            Problem(ctx.file, f"{part}_unknown", table.sheet.name, fields=fields, more=more)
        )
        return None
    built.notes.append(Said(f"{part}_from", source=source, **{part: found}))
    return found


def where(table: Table, areas: Areas, index: pa.Array) -> dict[str, pa.Array]:
    """Where each fact row came from, for messages: _sheet, _row, _column and _value (its area cell)."""
    n = len(index)
    column = areas.column
    cells = take(body(table).column(column.index), index) if column else pa.nulls(n, pa.string())
    return {
        "_sheet": pa.repeat(pa.scalar(table.sheet.name, pa.string()), n),
        "_row": take(body_rows(table), index),
        "_column": pa.repeat(pa.scalar(column.label if column else None, pa.string()), n),
        "_value": cells,
    }


def spread(mask: np.ndarray | pa.Array, index: pa.Array, table: Table) -> np.ndarray:
    """A mask over the data rows ``index`` as a mask over all body rows of the table."""
    if not isinstance(mask, np.ndarray):
        mask = pc.fill_null(mask, False).to_numpy(zero_copy_only=False)
    full = np.zeros(table.stop - table.start, dtype=bool)
    full[index.to_numpy()] = mask
    return full


def parse_column(
    table: Table,
    column: Column,
    parse,
    kind: pa.DataType,
    index: pa.Array,
    built: Built,
    code: str,
    *,
    required: bool = True,
) -> pa.Array:
    """``parse`` applied once per distinct text of a column, for the data rows ``index``.

    A cell it cannot read is a problem ``code``; so is an empty cell when ``required``.
    """
    cells = take(body(table).column(column.index), index)
    values = per_distinct(cells, parse, kind)
    unread = pc.is_null(values) if required else pc.and_(pc.is_null(values), pc.is_valid(cells))
    built.problems += cell_problems(table, spread(unread, index, table), column, code)
    return values


def blank_is_zero(table: Table, read: Numbers, column: Column) -> Numbers:
    """A column in which an empty cell means 0 (a layout that prints every small number)."""
    empty = pc.is_null(body(table).column(column.index))
    return Numbers(
        pc.if_else(empty, pa.scalar(0.0), read.values),
        pc.and_(read.suppressed, pc.invert(empty)),
        read.invalid,
    )


def read_measures(
    table: Table, measured: list[Column], built: Built, *, blank_zero: bool = False
) -> tuple[Areas, dict[int, Numbers]]:
    """The rows of a table of counts: which are municipalities, and every count checked and read.

    Problems (unknown municipalities, text, negative or broken counts) and warnings (subtotals that
    don't add up) go to ``built``; the numbers are keyed by column index. ``blank_zero``: empty
    cells are 0, not unknown.
    """
    areas = rows.resolve(table, measured)
    built.areas = areas
    built.problems += areas.problems
    built.warnings += areas.warnings
    built.renamed.update(areas.renamed)
    read = {c.index: read_numbers(table, c) for c in measured}
    if blank_zero:
        read = {c.index: blank_is_zero(table, read[c.index], c) for c in measured}
    for column in measured:
        built.problems += check_counts(table, areas, column, read[column.index])
    built.warnings += checks.subtotals(table, areas, [(c, read[c.index]) for c in measured])
    return areas, read


def data_rows(areas: Areas) -> pa.Array:
    return pa.array(np.flatnonzero(areas.kind == DATA))


def take(values: pa.ChunkedArray | pa.Array, index: pa.Array) -> pa.ChunkedArray | pa.Array:
    """``values`` at the data rows ``index`` (ascending); all of them as they are when every row is data."""
    return values if len(index) == len(values) else pc.take(values, index)
