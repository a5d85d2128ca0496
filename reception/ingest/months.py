"""Arrivals with the months as columns: 'jan … dec', 'januari … december', '2024-01', '2024M01', 'Jan-24'.

Each cell is the month's own figure (the monthly arrivals path, not a year-to-date snapshot), per
municipality; county rows ("Stockholms län", "Totalt" under a county) and "Riket" are checked against
their municipalities, a "Totalt"/"Summa" column against the months of its row. Masked values ('..')
are unknown. A month column with no figure at all (a month still to come) is not read. The category
comes from a category column or the title ("Kvotflyktingar per månad"); a table that says neither is
refused rather than stored under a guessed category.
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
from reception.ingest.vocabulary import _CATEGORY_RE, _first, category_of, normalise


def month_columns(table: Table) -> list[Column]:
    return [c for c in table.columns if c.header.measure == "period" and c.header.month is not None]


def build_month_columns(table: Table, ctx: Context) -> Built:
    """Monthly arrivals (month, kommun_kod, category, persons) from a table with a column per month."""
    built = Built("arrivals")
    months = month_columns(table)
    totals = table.measures("total")
    category_col = next(iter(table.role("category")), None)
    title_category = _first(_CATEGORY_RE, normalise(" ".join(table.title + table.sheet_title)))
    if category_col is None and title_category is None:
        built.problems.append(problem(ctx.file, "month_table_category", sheet=table.sheet.name))
        return built
    areas, read = read_measures(table, months + totals, built)
    index = data_rows(areas)
    if totals:
        parts = [read[c.index] for c in months if pc.any(pc.is_valid(body(table).column(c.index))).as_py()]
        built.warnings += checks.row_sums(table, areas, (totals[0], read[totals[0].index]), parts)
    year = None
    if any(c.header.year is None for c in months):
        year = year_for(table, ctx, built, "months")
        if year is None:
            return built
    if category_col is not None:
        message = (
            "okänd kategori (kvotflykting, anvisad, egenbosatt, anhörig, övrig eller tillfälligt skydd)."
        )
        categories = parse_column(table, category_col, category_of, pa.string(), index, built, message)
    else:
        categories = pa.repeat(pa.scalar(title_category, pa.string()), len(index))
        built.notes.append(Said("category_from_title", category_code=f"category.{title_category}"))
    if built.problems:
        return built
    origin = where(table, areas, index)
    n = len(index)
    parts, empty = [], []
    for column in months:
        values = take(read[column.index].values, index)
        if n and pc.all(pc.is_null(take(body(table).column(column.index), index))).as_py():
            empty.append(column.label)
            continue
        first = date(ctx.year or column.header.year or year, column.header.month, 1)
        parts.append(
            pa.table(
                {
                    "month": pa.repeat(pa.scalar(first, pa.date32()), n),
                    "kommun_kod": take(areas.code, index),
                    "category": categories,
                    "persons": values,
                    "of_which_unaccompanied": pa.nulls(n, pa.float64()),
                    **origin,
                }
            )
        )
    if empty:
        built.notes.append(Said("empty_months", columns=", ".join(empty)))
    future = [p for p in parts if p.column("month")[0].as_py() > ctx.today]
    if future:
        built.problems.append(
            problem(
                ctx.file,
                "future_month",
                sheet=table.sheet.name,
                month=f"{future[0].column('month')[0].as_py():%Y-%m}",
            )
        )
        return built
    built.notes.append(Said("months_as_columns"))
    built.facts = pa.concat_tables(parts) if parts else None
    return built
