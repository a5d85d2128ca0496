"""Capacity: places and occupied places per month, municipality and kind of housing.

Long tables have a kind column ("Boendetyp"); wide ones name the kind in the header ("Lägenheter
platser", or "Lägenheter" over "Platser | Belagda"); a table without kinds is stored as kind "all".
Free places ("Lediga") complete what is missing (places = occupied + free) or are checked.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from reception.ingest.facts import (
    Built,
    Context,
    body,
    data_rows,
    period_of,
    read_measures,
    take,
    where,
    year_for,
)
from reception.ingest.layout import Column, Table
from reception.ingest.problems import Said, problem
from reception.ingest.values import per_distinct
from reception.ingest.vocabulary import kind_of
from reception.ingest.when import first_day, when

MEASURES = ("places", "occupied", "free")


def _by_kind(table: Table) -> dict[tuple, dict[str, Column]]:
    """Columns grouped by (kind of housing, year, month): the month a column names, if it names one."""
    kinds: dict[tuple, dict[str, Column]] = {}
    for column in table.measures(*MEASURES):
        h = column.header
        key = (h.kind, h.year if h.month is not None else None, h.month)
        kinds.setdefault(key, {}).setdefault(h.measure, column)
    return kinds


def _months(table: Table, ctx: Context, built: Built, kinds: dict, n: int) -> dict[tuple, pa.Array] | None:
    """The month of each group whose columns name one ('jan', '2024-10'); the year from the header,
    else as given or from the title. None when a year is needed and nothing says it."""
    named = [key for key in kinds if key[2] is not None]
    year = None
    if any(y is None for _, y, _ in named):
        year = year_for(table, ctx, built, "months")
        if year is None:
            return None
    return {
        key: pa.repeat(pa.scalar(date(ctx.year or key[1] or year, key[2], 1), pa.date32()), n)
        for key in named
    }


def build_capacity(table: Table, ctx: Context) -> Built:
    """Fact rows (month, kommun_kod, kind, places, occupied) from a table of capacity."""
    built = Built("capacity")
    kinds = _by_kind(table)
    kind_col = next(iter(table.role("kind")), None)
    measured = [c for cols in kinds.values() for c in cols.values()]
    if not measured:
        built.problems.append(problem(ctx.file, "no_capacity_columns", sheet=table.sheet.name))
        return built
    areas, read = read_measures(table, measured, built)
    index = data_rows(areas)
    by_column = _months(table, ctx, built, kinds, len(index))
    if by_column is None:
        return built
    month = None
    if len(by_column) < len(kinds):
        dated = table.role("month") or table.role("date") or table.role("as_of_month")
        if not dated and ctx.month is None and period_of(table, ctx).month is None:
            built.problems.append(problem(ctx.file, "capacity_month_unknown", sheet=table.sheet.name))
            return built
        w = when(table, ctx, built, index)
        if w is None:
            return built
        month = w.month if w.month is not None else first_day(w.year, w.as_of)
    if built.problems:
        return built
    origin = where(table, areas, index)
    parts, empty = [], []
    for key, cols in kinds.items():
        kind = key[0]
        if key in by_column and _empty(table, cols, index):
            empty += [c.label for c in cols.values()]
            continue
        places, occupied = _complete(table, cols, read, built)
        if places is None and occupied is None:
            continue
        n = len(index)
        if kind_col is not None:
            kind_values = take(per_distinct(body(table).column(kind_col.index), kind_of, pa.string()), index)
        else:
            kind_values = pa.repeat(pa.scalar(kind or "all", pa.string()), n)
        parts.append(
            pa.table(
                {
                    "month": by_column.get(key, month),
                    "kommun_kod": take(areas.code, index),
                    "kind": kind_values,
                    "places": take(places, index) if places is not None else pa.nulls(n, pa.float64()),
                    "occupied": take(occupied, index) if occupied is not None else pa.nulls(n, pa.float64()),
                    **origin,
                }
            )
        )
    if empty:
        built.notes.append(Said("empty_months", columns=", ".join(empty)))
    built.facts = pa.concat_tables(parts) if parts else None
    if built.facts is not None:
        over = pc.fill_null(pc.greater(built.facts.column("occupied"), built.facts.column("places")), False)
        for r in built.facts.filter(over).column("_row").to_pylist()[:10]:
            built.warnings.append(Said("more_occupied_than_places", row=r))
    return built


def _empty(table: Table, cols: dict[str, Column], index: pa.Array) -> bool:
    """Every cell of the group's columns is empty on the municipality rows (a month still to come)."""
    return len(index) > 0 and all(
        pc.all(pc.is_null(take(body(table).column(c.index), index))).as_py() for c in cols.values()
    )


def _complete(table, cols, read, built) -> tuple[pa.Array | None, pa.Array | None]:
    """Places and occupied, completed from free places where one is missing."""
    places = read[cols["places"].index].values if "places" in cols else None
    occupied = read[cols["occupied"].index].values if "occupied" in cols else None
    free = read[cols["free"].index].values if "free" in cols else None
    if free is None:
        return places, occupied
    if places is None and occupied is not None:
        built.notes.append(Said("places_from_free"))
        return pc.add(occupied, free), occupied
    if occupied is None and places is not None:
        built.notes.append(Said("occupied_from_free"))
        return places, pc.subtract(places, free)
    if places is not None and occupied is not None:
        differ = pc.greater(pc.abs(pc.subtract(pc.add(occupied, free), places)), 0.5)
        wrong = np.flatnonzero(pc.fill_null(differ, False).to_numpy(zero_copy_only=False))
        rows_seen = table.sheet.rows.slice(table.start, table.stop - table.start)
        for i in wrong[:10]:
            built.warnings.append(Said("free_does_not_add_up", row=rows_seen[int(i)].as_py()))
    return places, occupied
