"""Arrivals: people received by category, wide (a column per category) or long (a category column),
and arrival events (one row per person), which are stored as they are and counted per month.

"Varav ensamkommande barn" is a part of a category's persons, never added to them; a "Totalt"
column is checked against the categories, not stored. Two columns or rows of one category
(kategori 3 and 8 are both "other") are added up; if either is unknown, so is the sum.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pyarrow as pa
import pyarrow.compute as pc

from reception.ingest import checks, keys, rows
from reception.ingest.facts import (
    Built,
    Context,
    body,
    cell_problems,
    data_rows,
    parse_column,
    period_of,
    read_measures,
    spread,
    take,
    where,
)
from reception.ingest.layout import Column, Table
from reception.ingest.months import build_month_columns, by_period
from reception.ingest.period import updated_on
from reception.ingest.problems import Said, problem
from reception.ingest.values import Numbers, date_of, flag_of
from reception.ingest.vocabulary import category_of
from reception.ingest.when import When, when

KOMMUNMOTTAGNA = re.compile(r"ersättningsförordning|kommunmottagna")


def _category(column: Column) -> str | None:
    h = column.header
    if h.measure == "persons" or (h.measure == "received" and h.category == "assigned"):
        return h.category
    return None


def _sum(parts: list[Numbers]) -> pa.Array:
    total = parts[0].values
    for part in parts[1:]:
        total = pc.add(total, part.values)  # null if either is null: unknown stays unknown
    return total


def _time_columns(w: When) -> dict[str, pa.Array]:
    if w.month is not None:
        return {"month": w.month}
    return {"year": w.year, "as_of_month": w.as_of}


def _kommunmottagna(table: Table) -> bool:
    """Migrationsverket's own "Kommunmottagna enligt ersättningsförordningen" layout, in which blank
    cells are zeros: that title over a header with no label over the area columns. (Tables that
    label their columns and mark suppressed cells keep blanks unknown, whatever their title.)"""
    title = " ".join(table.title + table.sheet_title).lower()
    return bool(table.by_values) and bool(KOMMUNMOTTAGNA.search(title))


def _as_of_updated(table: Table, ctx: Context, built: Built) -> Context:
    """A Kommunmottagna file is the year so far: without a month in its title, it runs to the last
    whole month before the day it was updated ("Uppdaterad 2024-11-04": January–October)."""
    period = period_of(table, ctx)
    updated = updated_on(table.title + table.sheet_title)
    year = ctx.year or period.year
    if ctx.month is not None or period.month is not None or updated is None or year is None:
        return ctx
    on = date(*updated)
    if on.year > year:
        month = 12
    elif on.year == year and on.month > 1:
        month = on.month - 1
    else:
        return ctx  # updated before the year had a whole month: when() asks for the month
    built.notes.append(
        Said("as_of_updated", month_code=f"problem.month.{month}", year=year, updated=f"{on:%Y-%m-%d}")
    )
    return replace(ctx, month=month)


def build_arrivals(table: Table, ctx: Context) -> Built:
    """Fact rows of arrivals (monthly, or year-to-date snapshots) from a wide or long table."""
    if by_period(table):
        return build_month_columns(table, ctx)
    if table.role("category"):
        return _long(table, ctx)
    built = Built("arrivals")
    persons: dict[str, list[Column]] = {}
    alone: dict[str, list[Column]] = {}
    for column in table.columns:
        if category := _category(column):
            persons.setdefault(category, []).append(column)
        elif column.header.measure == "unaccompanied" and column.header.category:
            alone.setdefault(column.header.category, []).append(column)
        elif column.header.measure == "unaccompanied":
            built.notes.append(Said("minors_of_all_categories", column=column.label))
    if not persons and not alone:
        built.problems.append(problem(ctx.file, "no_category_columns", sheet=table.sheet.name))
        return built
    # a table whose header names only the "varav ensamkommande barn" of its categories: their part
    # of the rows of the main table (the header says it, never the words above the table)
    built.minors_only = not persons
    if built.minors_only:
        built.notes.append(Said("minors_block"))
    totals = table.measures("total")
    measured = [c for cols in (*persons.values(), *alone.values()) for c in cols] + totals
    official = _kommunmottagna(table)
    areas, read = read_measures(table, measured, built, blank_zero=official)
    if official:
        built.notes.append(Said("blank_is_zero"))
        ctx = _as_of_updated(table, ctx, built)
    category_sums = {cat: [read[c.index] for c in cols] for cat, cols in (persons or alone).items()}
    if totals:
        parts = [n for ns in category_sums.values() for n in ns]
        built.warnings += checks.row_sums(table, areas, (totals[0], read[totals[0].index]), parts)
    index = data_rows(areas)
    w = when(table, ctx, built, index)
    if w is None or built.problems:
        return built
    origin = where(table, areas, index)
    parts = []
    for category in persons or alone:
        people = take(_sum(category_sums[category]), index)
        minors = take(_sum([read[c.index] for c in alone[category]]), index) if category in alone else None
        n = len(index)
        if built.minors_only:
            people, minors = pa.nulls(n, pa.float64()), people
        parts.append(
            pa.table(
                {
                    **_time_columns(w),
                    "kommun_kod": take(areas.code, index),
                    "category": pa.repeat(pa.scalar(category, pa.string()), n),
                    "persons": people,
                    "of_which_unaccompanied": minors if minors is not None else pa.nulls(n, pa.float64()),
                    **origin,
                }
            )
        )
    built.facts = _per_month(pa.concat_tables(parts)) if w.daily else pa.concat_tables(parts)
    built.warnings += _more_minors_than_persons(built.facts)
    return built


def _long(table: Table, ctx: Context) -> Built:
    built = Built("arrivals")
    category_col = table.role("category")[0]
    count = next(
        iter(
            table.measures("count", "received", "total")
            + [c for c in table.columns if c.header.measure == "persons" and not c.header.category]
        ),
        None,
    )
    minors = next(iter(table.measures("unaccompanied") + table.role("flag_unaccompanied")), None)
    if count is None:
        built.problems.append(problem(ctx.file, "no_count_column", sheet=table.sheet.name))
        return built
    measured = [c for c in (count, minors) if c is not None]
    areas, read = read_measures(table, measured, built)
    index = data_rows(areas)
    categories = _categories(table, category_col, index, built)
    w = when(table, ctx, built, index)
    if w is None or built.problems:
        return built
    origin = where(table, areas, index)
    n = len(index)
    facts = pa.table(
        {
            **_time_columns(w),
            "kommun_kod": take(areas.code, index),
            "category": categories,
            "persons": take(read[count.index].values, index),
            "of_which_unaccompanied": take(read[minors.index].values, index)
            if minors
            else pa.nulls(n, pa.float64()),
            **origin,
            "_raw": take(body(table).column(category_col.index), index),
        }
    )
    built.facts = facts
    return built


def _categories(table: Table, column: Column, index: pa.Array, built: Built) -> pa.Array:
    return parse_column(table, column, category_of, pa.string(), index, built, "unknown_category")


def _per_month(facts: pa.Table) -> pa.Table:
    """Daily figures summed per month (a suppressed day makes the month unknown)."""
    month = pc.cast(pc.floor_temporal(facts.column("month"), unit="month"), pa.date32())
    facts = facts.set_column(facts.column_names.index("month"), "month", month)
    return keys.sum_per_key(facts, ["month", "kommun_kod", "category"], ["persons", "of_which_unaccompanied"])


def _more_minors_than_persons(facts: pa.Table) -> list[str]:
    over = pc.fill_null(pc.greater(facts.column("of_which_unaccompanied"), facts.column("persons")), False)
    found = facts.filter(over)
    return [
        Said(
            "more_minors_than_persons",
            row=r,
            minors=f"{m:g}",
            persons=f"{p:g}",
            category_code=f"category.{c}",
        )
        for r, m, p, c in zip(
            *(
                found.column(k).to_pylist()[:10]
                for k in ("_row", "of_which_unaccompanied", "persons", "category")
            ),
            strict=True,
        )
    ]


def build_events(table: Table, ctx: Context) -> Built:
    """Arrival events (arrived, kommun_kod, category, unaccompanied), one row per person."""
    built = Built("arrival_events")
    date_col = next(iter(table.role("date") + table.role("month")), None)
    category_col = next(iter(table.role("category")), None)
    flag_col = next(iter(table.role("flag_unaccompanied")), None)
    if date_col is None or category_col is None:
        built.problems.append(problem(ctx.file, "event_columns", sheet=table.sheet.name))
        return built
    areas = rows.resolve(table, [date_col])
    built.areas = areas
    built.problems += areas.problems
    built.renamed.update(areas.renamed)
    index = data_rows(areas)
    days = parse_column(table, date_col, date_of, pa.date32(), index, built, "no_date")
    future = pc.greater(days, pa.scalar(ctx.today, pa.date32()))
    built.problems += cell_problems(table, spread(future, index, table), date_col, "future_date")
    categories = _categories(table, category_col, index, built)
    flags = pa.nulls(len(index), pa.bool_())
    if flag_col is not None:
        flags = parse_column(table, flag_col, flag_of, pa.bool_(), index, built, "not_yes_no", required=False)
    if built.problems:
        return built
    origin = where(table, areas, index)
    built.facts = pa.table(
        {
            "arrived": days,
            "kommun_kod": take(areas.code, index),
            "category": categories,
            "unaccompanied": flags,
            **origin,
        }
    )
    return built
