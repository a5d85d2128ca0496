"""Population: SCB's registered population on 31 December, per year and municipality.

Two layouts are read. SCB's own download (Statistikdatabasen, BE0101) has title rows, the code
and the name in one region cell ("0114 Upplands Väsby"), "00 Riket" and "01 Stockholms län" rows
among the municipalities, one column per year ("2023", "2024", or "Folkmängd 2024") and a source
line under the table. Kolada's export is long: a municipality id (leading zeros lost), a name, a
year (or period) and a value, sometimes a gender column (T for all, K and M) of which only the
total is read; "0000 Riket" or "Hela riket" is its national row. Only municipalities are stored;
the county and national rows are checked against their municipalities for every year in which
the file has all of them.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from reception.i18n import fmt_num
from reception.ingest import names
from reception.ingest.facts import (
    Built,
    Context,
    body,
    body_rows,
    check_counts,
    parse_column,
    read_numbers,
    take,
    where,
    year_for,
)
from reception.ingest.layout import Column, Table
from reception.ingest.problems import Problem, Said, problem
from reception.ingest.rows import DATA, SUBTOTAL, TOTAL, resolve
from reception.ingest.values import per_distinct, year_of
from reception.ingest.vocabulary import normalise

ALL_GENDERS = {"t", "totalt", "total", "alla", "samtliga", "båda könen", "kvinnor och män", "män och kvinnor"}
NO_YEAR = "no_year_example"


def _year_columns(table: Table) -> list[Column]:
    """One column per year: '2024' over the values, or 'Folkmängd 2024'."""
    return [
        c
        for c in table.columns
        if c.header.year is not None
        and c.header.month is None
        and c.header.measure in ("period", "population", "count")
    ]


def build_population(table: Table, ctx: Context) -> Built:
    """Fact rows (year, kommun_kod, population) from SCB's or Kolada's table."""
    built = Built("population")
    by_year = _year_columns(table)
    value = next(iter(table.measures("population", "count")), None)
    if not by_year and value is None:
        built.problems.append(problem(ctx.file, "no_population_column", sheet=table.sheet.name))
        return built
    measured = by_year or [value]
    areas = resolve(table, measured)
    built.areas = areas
    built.problems += areas.problems
    built.renamed.update(areas.renamed)
    read = {c.index: read_numbers(table, c) for c in measured}
    for column in measured:
        built.problems += check_counts(table, areas, column, read[column.index])
    keep = _all_genders(table, built)
    data = areas.kind == DATA if keep is None else (areas.kind == DATA) & keep
    index = pa.array(np.flatnonzero(data))
    origin = where(table, areas, index)
    parts, stated = [], []
    if by_year:
        for column in by_year:
            years = pa.repeat(pa.scalar(column.header.year, pa.int32()), len(index))
            parts.append(_facts(years, areas, index, read[column.index].values, origin))
            stated += _stated(
                table, areas, keep, read[column.index].values, lambda i, y=column.header.year: y
            )
    else:
        years = _years(table, ctx, built, index)
        if years is None:
            return built
        parts.append(_facts(years, areas, index, read[value.index].values, origin))
        column = next(iter(table.role("year") + table.role("month")), None)
        if column is not None:
            per_row = per_distinct(body(table).column(column.index), year_of, pa.int32()).to_pylist()
        else:
            per_row = [years[0].as_py() if len(years) else None] * (table.stop - table.start)
        stated += _stated(table, areas, keep, read[value.index].values, lambda i: per_row[i])
    if built.problems:
        return built
    built.facts = pa.concat_tables(parts)
    built.problems += _unlikely_years(table, ctx, built.facts)
    built.warnings += _check_sums(table, built, stated)
    return built


def _facts(years: pa.Array, areas, index: pa.Array, values, origin: dict) -> pa.Table:
    return pa.table(
        {
            "year": years,
            "kommun_kod": take(areas.code, index),
            "population": take(values, index),
            **origin,
        }
    )


def _all_genders(table: Table, built: Built) -> np.ndarray | None:
    """Rows for both genders together (Kolada's 'T'), when the table has a gender column."""
    column = next(iter(table.role("gender")), None)
    if column is None:
        return None
    cells = body(table).column(column.index)
    total = per_distinct(cells, lambda text: normalise(text) in ALL_GENDERS, pa.bool_())
    keep = pc.fill_null(total, False).to_numpy(zero_copy_only=False)
    built.notes.append(Said("all_genders_only", column=column.label))
    return keep


def _years(table: Table, ctx: Context, built: Built, index: pa.Array) -> pa.Array | None:
    """The year of each row: a year column (Kolada's 'period' too), else the title, sheet or file name."""
    column = next(iter(table.role("year") + table.role("month")), None)
    if column is not None:
        return parse_column(table, column, year_of, pa.int32(), index, built, NO_YEAR)
    year = year_for(table, ctx, built, "population")
    return None if year is None else pa.repeat(pa.scalar(year, pa.int32()), len(index))


def _stated(table: Table, areas, keep, values, year_of_row) -> list[tuple[int, str | None, float, int]]:
    """(year, lan_kod or None for the country, value, row) of every county and national row."""
    out = []
    county = areas.county.to_pylist()
    rows = body_rows(table).to_pylist()
    for i in np.flatnonzero(np.isin(areas.kind, (SUBTOTAL, TOTAL))):
        i = int(i)
        if keep is not None and not keep[i]:
            continue
        value = values[i].as_py()
        year = year_of_row(i)
        if value is None or year is None:
            continue
        if areas.kind[i] == SUBTOTAL and not county[i]:
            continue
        out.append((year, county[i] if areas.kind[i] == SUBTOTAL else None, value, rows[i]))
    return out


def _check_sums(table: Table, built: Built, stated: list) -> list[str]:
    """County and national rows against their municipalities, where the file has all of them."""
    places = names.places()
    members = defaultdict(set)
    for code in places.kommun:
        members[code[:2]].add(code)
    facts = built.facts
    sums: dict[tuple[int, str | None], float] = defaultdict(float)
    present: dict[tuple[int, str | None], set] = defaultdict(set)
    for year, code, value in zip(
        facts.column("year").to_pylist(),
        facts.column("kommun_kod").to_pylist(),
        facts.column("population").to_pylist(),
        strict=True,
    ):
        for key in ((year, code[:2]), (year, None)):
            sums[key] += value or 0
            present[key].add(code)
    warnings, unchecked = [], 0
    for year, lan, value, row in stated:
        expected = members[lan] if lan else set(places.kommun)
        if present[(year, lan)] != expected:
            unchecked += 1
            built.unchecked.add(row)
            continue
        if abs(sums[(year, lan)] - value) > 0.5:
            area = places.lan[lan] if lan else "Riket"
            warnings.append(
                Said(
                    "population_sum_differs",
                    where=(
                        Said("where_sheet_row", sheet=repr(table.sheet.name), row=row)
                        if table.sheet.name
                        else Said("where_row", row=row)
                    ),
                    area=area,
                    year=year,
                    stated=fmt_num(value, 0, "sv"),
                    known=fmt_num(sums[(year, lan)], 0, "sv"),
                )
            )
    if unchecked:
        built.notes.append(Said("sums_not_checked", n=unchecked))
    return warnings


def _unlikely_years(table: Table, ctx: Context, facts: pa.Table) -> list[Problem]:
    today = ctx.today or date.today()
    years = sorted(set(facts.column("year").to_pylist()))
    wrong = [y for y in years if not 1950 <= y <= today.year]
    return [
        problem(ctx.file, "unlikely_population_year", sheet=table.sheet.name, year=y, last=today.year)
        for y in wrong
    ]
