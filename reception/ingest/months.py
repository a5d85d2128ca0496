"""Arrivals with the periods as columns: months ('jan … dec', 'januari', '2024-01', '2024M01', 'Jan-24')
or whole years ('2019', '2020').

Each month cell is the month's own figure (the monthly arrivals path, not a year-to-date snapshot);
each year cell the whole year's (a year that is not over is refused unless the month it runs to is
said). County rows ("Stockholms län", "Totalt" under a county) and "Riket" are checked against their
municipalities, a "Totalt"/"Summa" column against the periods of its row. Masked values ('..') are
unknown. A month column with no figure at all (a month still to come) is not read. The category
comes from each column (settled in :mod:`reception.ingest.resolve`: the header, the person's
choice or the title) or from a category column; a table that says neither is refused rather than
stored under a guessed category.
"""

from __future__ import annotations

from datetime import date

import pyarrow as pa
import pyarrow.compute as pc

from reception.ingest import checks
from reception.ingest.facts import (
    Built,
    Context,
    body,
    data_rows,
    parse_column,
    read_measures,
    take,
    where,
    year_for,
)
from reception.ingest.layout import Column, Table
from reception.ingest.problems import Said, problem
from reception.ingest.vocabulary import category_of, normalise, period_header


def month_columns(table: Table) -> list[Column]:
    """Columns of persons (or bare periods) for one month each."""
    return [
        c for c in table.columns if c.header.measure in ("period", "persons") and c.header.month is not None
    ]


def year_columns(table: Table) -> list[Column]:
    """Columns of persons for one whole year each, named by the year alone ('2019')."""
    return [
        c
        for c in table.columns
        if c.header.measure == "persons"
        and c.header.month is None
        and c.header.year is not None
        and period_header(normalise(c.header.text)) is not None
    ]


def by_period(table: Table) -> bool:
    """Whether an arrivals table has its periods as columns."""
    if month_columns(table):
        return True
    years = year_columns(table)
    return bool(years) and len(years) == len(table.measures("persons"))


def build_month_columns(table: Table, ctx: Context) -> Built:
    """Monthly arrivals (month, kommun_kod, category, persons) from a table with a column per month,
    or yearly ones (year, as_of_month 12) from a table with a column per year."""
    built = Built("arrivals")
    months = month_columns(table)
    periods = months or year_columns(table)
    totals = table.measures("total")
    category_col = next(iter(table.role("category")), None)
    if category_col is None and any(c.header.category is None for c in periods):
        built.problems.append(problem(ctx.file, "month_table_category", sheet=table.sheet.name))
        return built
    areas, read = read_measures(table, periods + totals, built)
    built.areas = areas
    index = data_rows(areas)
    if totals:
        parts = [read[c.index] for c in periods if pc.any(pc.is_valid(body(table).column(c.index))).as_py()]
        built.warnings += checks.row_sums(table, areas, (totals[0], read[totals[0].index]), parts)
    year = None
    if any(c.header.year is None for c in periods):
        year = year_for(table, ctx, built, "months")
        if year is None:
            return built
    categories = None
    if category_col is not None:
        categories = parse_column(
            table, category_col, category_of, pa.string(), index, built, "unknown_category"
        )
    if built.problems:
        return built
    origin = where(table, areas, index)
    n = len(index)
    parts, empty = [], []
    for column in periods:
        values = take(read[column.index].values, index)
        if n and pc.all(pc.is_null(take(body(table).column(column.index), index))).as_py():
            empty.append(column.label)
            continue
        year_of_column = ctx.year or column.header.year or year
        if months:
            time = {
                "month": pa.repeat(pa.scalar(date(year_of_column, column.header.month, 1), pa.date32()), n)
            }
        else:
            time = {
                "year": pa.repeat(pa.scalar(year_of_column, pa.int32()), n),
                "as_of_month": pa.repeat(pa.scalar(_as_of(year_of_column, ctx), pa.int32()), n),
            }
        category = column.header.category
        parts.append(
            pa.table(
                {
                    **time,
                    "kommun_kod": take(areas.code, index),
                    "category": categories if category is None else pa.repeat(pa.scalar(category), n),
                    "persons": values,
                    "of_which_unaccompanied": pa.nulls(n, pa.float64()),
                    **origin,
                }
            )
        )
    if empty:
        built.notes.append(Said("empty_months", columns=", ".join(empty)))
    if months:
        _future_months(table, parts, ctx, built)
    else:
        _running_years(table, periods, ctx, built, year)
    if built.problems:
        return built
    built.notes.append(Said("months_as_columns" if months else "years_as_columns"))
    built.facts = pa.concat_tables(parts) if parts else None
    return built


def _as_of(year: int, ctx: Context) -> int:
    """The month a yearly column runs to: the whole year, or the month said for the year running."""
    return ctx.month if ctx.month is not None and year >= ctx.today.year else 12


def _future_months(table: Table, parts: list[pa.Table], ctx: Context, built: Built) -> None:
    future = [p for p in parts if p.column("month")[0].as_py() > ctx.today]
    if future:
        month = f"{future[0].column('month')[0].as_py():%Y-%m}"
        built.problems.append(problem(ctx.file, "future_month", sheet=table.sheet.name, month=month))


def _running_years(table: Table, columns: list[Column], ctx: Context, built: Built, year: int | None) -> None:
    """A column of a year not over yet holds part of it: which part must be said (the month)."""
    for column in columns:
        y = ctx.year or column.header.year or year
        if y is not None and y >= ctx.today.year and ctx.month is None:
            built.problems.append(
                problem(ctx.file, "partial_year", sheet=table.sheet.name, column=column.label, year=y)
            )
