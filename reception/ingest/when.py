"""When each row of an arrivals table is about: a monthly figure, or a year-to-date snapshot.

Migrationsverket's monthly files repeat the year so far: one snapshot per file (year and the month
it runs to, from the title) or per row (a year and a "t.o.m. månad" column, or a month column in a
table whose header says it counts "hittills"/"t.o.m."; a note above the table never decides it).
Other tables with a month or date column hold figures for the month itself. A table with only a
year column holds whole years, which can only be said of years that are over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

from reception.ingest.facts import Built, Context, body, month_for, parse_column, period_of, take, year_for
from reception.ingest.layout import Table
from reception.ingest.problems import Said, problem
from reception.ingest.values import date_of, month_number, month_of, per_distinct, year_of

NO_MONTH = "no_month"
NO_MONTH_NUMBER = "no_month_number"
CUMULATIVE = re.compile(
    r"hittills|ackumuler|kumulativ|t\.?\s?o\.?\s?m|till och med|year.to.date|\bytd\b|"
    r"januari\s*[-–—]"
)


@dataclass
class When:
    """Per data row: either ``month`` (monthly figures) or ``year`` and ``as_of`` (snapshots)."""

    month: pa.Array | None = None
    year: pa.Array | None = None
    as_of: pa.Array | None = None
    daily: bool = False  # the month column holds days: figures are summed per month


def _repeat(value: int, n: int) -> pa.Array:
    return pa.repeat(pa.scalar(value, pa.int32()), n)


def when(table: Table, ctx: Context, built: Built, index: pa.Array) -> When | None:
    """The time of every data row (``index``), or None with problems added to ``built``."""
    n = len(index)
    month_col = next(iter(table.role("month") + table.role("date")), None)
    year_col = next(iter(table.role("year")), None)
    as_of_col = next(iter(table.role("as_of_month")), None)
    # the header says whether a month column runs the year so far; the words above it never do
    cumulative = bool(CUMULATIVE.search(" ".join(c.header.text for c in table.columns).lower()))
    if as_of_col is not None:
        as_of = parse_column(table, as_of_col, month_number, pa.int32(), index, built, NO_MONTH_NUMBER)
        return When(year=_years(table, ctx, built, year_col, index), as_of=as_of)
    if month_col is not None:
        cells = body(table).column(month_col.index)
        named = pc.any(pc.is_valid(per_distinct(cells, month_of, pa.date32()))).as_py()
        if year_col is not None and not named:  # 'oktober' or 10 beside a year column
            number = parse_column(table, month_col, month_number, pa.int32(), index, built, NO_MONTH_NUMBER)
            month = first_day(_years(table, ctx, built, year_col, index), number)
        else:
            month = parse_column(table, month_col, month_of, pa.date32(), index, built, NO_MONTH)
        if month_col.header.role == "date":
            days = per_distinct(body(table).column(month_col.index), date_of, pa.date32())
            daily = bool(pc.any(pc.not_equal(pc.day(take(days, index)), 1)).as_py() or False)
        else:
            daily = False
        if cumulative and not daily:
            built.notes.append(Said("month_column_cumulative"))
            return When(year=pc.cast(pc.year(month), pa.int32()), as_of=pc.cast(pc.month(month), pa.int32()))
        return When(month=month, daily=daily)
    if ctx.month is not None or period_of(table, ctx).month is not None:
        as_of = month_for(table, ctx, built, "snapshot")
        if year_col is not None:
            return When(year=_years(table, ctx, built, year_col, index), as_of=_repeat(as_of or 12, n))
        year = year_for(table, ctx, built, "snapshot")
        if year is None or as_of is None:
            return None
        return When(year=_repeat(year, n), as_of=_repeat(as_of, n))
    if year_col is not None:
        years = _years(table, ctx, built, year_col, index)
        running = pc.greater_equal(years, ctx.today.year).to_numpy(zero_copy_only=False)
        if running.any():
            built.problems.append(
                problem(
                    ctx.file,
                    "partial_year",
                    sheet=table.sheet.name,
                    column=year_col.label,
                    year=ctx.today.year,
                )
            )
            return None
        built.notes.append(Said("whole_years"))
        return When(year=years, as_of=_repeat(12, n))
    year = year_for(table, ctx, built, "figures")
    if year is not None:
        built.problems.append(problem(ctx.file, "no_month_for_year", sheet=table.sheet.name, year=year))
    return None


def _years(table: Table, ctx: Context, built: Built, year_col, index) -> pa.Array:
    if year_col is None:
        year = year_for(table, ctx, built, "figures")
        return _repeat(year or 0, len(index))
    return parse_column(table, year_col, year_of, pa.int32(), index, built, "no_year")


def first_day(years: pa.Array, months: pa.Array) -> pa.Array:
    """The first day of each (year, month) as a date."""
    text = pc.binary_join_element_wise(
        pc.cast(years, pa.string()), pc.utf8_lpad(pc.cast(months, pa.string()), 2, "0"), "01", "-"
    )
    return pc.cast(pc.strptime(text, "%Y-%m-%d", "s", error_is_null=True), pa.date32())
