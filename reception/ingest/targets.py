"""Targets: kommuntal, fördelningstal and anvisningsandel per municipality; länstal per county.

Wide tables have a target column per program and year ("Kommuntal 2024", "Reviderat kommuntal",
"Fördelningstal"), each with the received and remaining columns to its right; long tables have a
program column. A revised target column wins over the first decision; the summary says which
column was used. "Kvar att anvisa" is checked against target less received, never stored.
"""

from __future__ import annotations

import re

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from reception.ingest import area_cell, checks, rows
from reception.ingest.facts import (
    Built,
    Context,
    body,
    check_counts,
    data_rows,
    parse_column,
    read_numbers,
    take,
    where,
    year_for,
)
from reception.ingest.layout import Column, Table
from reception.ingest.problems import Said, problem
from reception.ingest.values import date_of, per_distinct, year_of
from reception.ingest.vocabulary import RECEIVED, SINCE, program_of

PROGRAMS = ("settlement", "temporary_protection", "unaccompanied_minors")


def _received(column: Column) -> bool:
    h = column.header
    return h.measure == "received" or (
        h.measure in ("unaccompanied", "total", "count") and bool(RECEIVED.search(h.text.lower()))
    )


def _program(column: Column) -> str | None:
    """The program of a target column: its header's, or what the preview settled (a choice, the title)."""
    return column.header.target_of if column.header.target_of in PROGRAMS else None


def _groups(table: Table) -> dict[tuple[str | None, int | None], dict[str, list[Column]]]:
    """Columns grouped by (program, year): targets, and the received/remaining to their right."""
    groups: dict[tuple, dict[str, list[Column]]] = {}
    last: tuple | None = None
    for column in table.columns:
        h = column.header
        if h.measure == "target":
            last = (_program(column), h.year)
            groups.setdefault(last, {"target": [], "received": [], "remaining": []})["target"].append(column)
        elif last is not None and (_received(column) or h.measure == "remaining"):
            if h.year is not None and last[1] is not None and h.year != last[1]:
                continue
            groups[last]["received" if _received(column) else "remaining"].append(column)
    return groups


def _pick(columns: list[Column], prefer) -> Column | None:
    """The column to read among several: the preferred ones, the last of them (the latest revision)."""
    if not columns:
        return None
    preferred = [c for c in columns if prefer(c)]
    return (preferred or columns)[-1]


def _received_rank(column: Column) -> tuple[int, int]:
    """Received this year beats a running total since an earlier year; 'mottagna' beats 'anvisade'."""
    text = column.header.text.lower()
    return (0 if SINCE.search(text) or "ackumuler" in text else 1, 1 if "mottag" in text else 0)


def build_targets(table: Table, ctx: Context) -> Built:
    """Fact rows (year, kommun_kod, program, target, received) from a table of municipal targets."""
    built = Built("targets")
    groups = _groups(table)
    titled = len(groups) == 1
    measures = [c for g in groups.values() for cols in g.values() for c in cols]
    areas = rows.resolve(table, measures)
    built.areas = areas
    built.problems += areas.problems
    built.warnings += areas.warnings
    built.renamed.update(areas.renamed)
    year_column = next(iter(table.role("year")), None)
    index = data_rows(areas)
    origin = where(table, areas, index)
    parts = []
    for (program, year), cols in groups.items():
        target = _pick(cols["target"], lambda c: c.header.revised)
        if program is None:
            built.problems.append(
                problem(ctx.file, "program_unknown", sheet=table.sheet.name, column=target.label)
            )
            continue
        if len(cols["target"]) > 1:
            built.notes.append(Said("target_column_revised", column=target.label))
        received = max(cols["received"], key=_received_rank, default=None)
        if len(cols["received"]) > 1:
            built.notes.append(Said("received_column", column=received.label))
        per_mille = program == "unaccompanied_minors"
        t = read_numbers(table, target)
        built.problems += check_counts(
            table, areas, target, t, whole=not per_mille, most=1000 if per_mille else None
        )
        r = read_numbers(table, received) if received else None
        if received:
            built.problems += check_counts(table, areas, received, r)
            built.warnings += checks.subtotals(table, areas, [(target, t), (received, r)])
            if cols["remaining"]:
                left = read_numbers(table, cols["remaining"][0])
                built.warnings += _remaining(table, areas, cols["remaining"][0], left, t, r)
        else:
            built.warnings += checks.subtotals(table, areas, [(target, t)])
        years = _years(table, ctx, built, year, year_column, index)
        if years is None:
            continue
        n = len(index)
        parts.append(
            pa.table(
                {
                    "year": years,
                    "kommun_kod": take(areas.code, index),
                    "program": pa.array([program] * n, pa.string()),
                    "target": take(t.values, index),
                    "received": take(r.values, index) if r else pa.nulls(n, pa.float64()),
                    **origin,
                }
            )
        )
    if not groups:
        built.problems.append(problem(ctx.file, "no_target_column", sheet=table.sheet.name))
    built.facts = pa.concat_tables(parts) if parts else None
    if titled:
        built.warnings += _stated_total(table, built.facts)
    return built


# a number spaced in thousands ('1 234'), read from its first digit only (never from one inside it,
# which made a long run of '1 1 1 …' quadratic)
_SPACED = r"(?<!\d)(?<!\d[ \u00a0])(\d(?:[ \u00a0]?\d)*)"
_STATED = re.compile(rf"(?:ta emot|totalt|sammanlagt)\s+{_SPACED}|{_SPACED}\s+(?:personer|nyanlända)")


def _stated_total(table: Table, facts: pa.Table | None) -> list[str]:
    """A sentence in the title that states the county's total ("... ska ta emot 321 nyanlända"),
    checked against the municipalities' targets."""
    if facts is None or facts.column("target").null_count:
        return []
    for line in table.title:
        if match := _STATED.search(line.lower()):
            stated = int(re.sub(r"\D", "", match.group(1) or match.group(2)))
            total = pc.sum(facts.column("target")).as_py() or 0
            if abs(stated - total) > 0.5:
                return [Said("stated_total_differs", stated=stated, total=f"{total:g}", line=repr(line))]
            return []
    return []


def _years(table, ctx, built, header_year, year_column, index) -> pa.Array | None:
    """The year of each data row: given, in the column's header, in a year column, or in the title."""
    n = len(index)
    if ctx.year is not None or header_year is not None:
        return pa.repeat(pa.scalar(ctx.year or header_year, pa.int32()), n)
    if year_column is not None:
        return parse_column(table, year_column, year_of, pa.int32(), index, built, "no_year")
    year = year_for(table, ctx, built, "targets")
    return None if year is None else pa.repeat(pa.scalar(year, pa.int32()), n)


def _remaining(table, areas, column, left, target, received) -> list[str]:
    stated = left.values.to_numpy(zero_copy_only=False).astype(float)
    expected = target.values.to_numpy(zero_copy_only=False) - received.values.to_numpy(zero_copy_only=False)
    wrong = (areas.kind == area_cell.DATA) & ~np.isnan(stated) & ~np.isnan(expected)
    wrong &= np.abs(np.maximum(expected, 0) - stated) > 0.5
    wrong &= np.abs(expected - stated) > 0.5
    at = table.sheet.rows.slice(table.start, table.stop - table.start)
    return [
        Said(
            "remaining_differs",
            row=at[int(i)].as_py(),
            column=column.label,
            stated=f"{stated[i]:g}",
            expected=f"{expected[i]:g}",
        )
        for i in np.flatnonzero(wrong)[:10]
    ]


def build_county_targets(table: Table, ctx: Context) -> Built:
    """Fact rows (year, lan_kod, program, target, decision, valid_from) from a table of länstal."""
    built = Built("county_targets")
    targets = table.measures("target")
    areas = rows.resolve(table, targets, counties=True)
    built.areas = areas
    built.problems += areas.problems
    if not targets:
        built.problems.append(problem(ctx.file, "no_county_target_column", sheet=table.sheet.name))
        return built
    target = _pick(targets, lambda c: c.header.revised)
    t = read_numbers(table, target)
    built.problems += check_counts(table, areas, target, t)
    built.warnings += checks.subtotals(table, areas, [(target, t)])
    index = data_rows(areas)
    years = _years(table, ctx, built, target.header.year, next(iter(table.role("year")), None), index)
    if years is None:
        return built
    program = "temporary_protection" if target.header.program == "temporary_protection" else "settlement"
    n = len(index)
    built.facts = pa.table(
        {
            "year": years,
            "lan_kod": take(areas.code, index),
            "program": pa.repeat(pa.scalar(program, pa.string()), n),
            "target": take(t.values, index),
            "decision": _decisions(table, ctx, index),
            "valid_from": _valid_from(table, index, built),
            **where(table, areas, index),
        }
    )
    return built


def _decisions(table: Table, ctx: Context, index: pa.Array) -> pa.Array:
    """The ordinance of each row: its own column ('SFS 2023:812'), else the one the title names."""
    column = next(iter(table.role("decision")), None)
    if column is not None:
        cells = take(body(table).column(column.index), index)
        return per_distinct(cells, lambda text: _sfs(text) or text.strip(), pa.string())
    named = _sfs(" ".join(table.title) + " " + ctx.file.replace("_", ":"))
    return pa.repeat(pa.scalar(named, pa.string()), len(index))


def _sfs(text: str) -> str | None:
    found = re.search(r"SFS\s*(\d{4}:\d+)", text, re.IGNORECASE)
    return f"SFS {found.group(1)}" if found else None


def _valid_from(table: Table, index: pa.Array, built: Built) -> pa.Array:
    """The day each decision applies from, where the file says it ('Gäller från')."""
    column = next(iter(table.role("valid_from")), None)
    if column is None:
        return pa.nulls(len(index), pa.date32())
    return parse_column(table, column, date_of, pa.date32(), index, built, "no_valid_from", required=False)


def build_long_targets(table: Table, ctx: Context) -> Built:
    """Targets in long form: a program column ('kommuntal', 'fördelningstal', ...) and a value column."""
    built = Built("targets")
    program_column = table.role("program")[0]
    value = next(iter(table.measures("target", "count")), None)
    received = next((c for c in table.columns if _received(c) and c is not value), None)
    if value is None:
        built.problems.append(problem(ctx.file, "no_target_value_column", sheet=table.sheet.name))
        return built
    measures = [c for c in (value, received) if c is not None]
    areas = rows.resolve(table, measures)
    built.areas = areas
    built.problems += areas.problems
    built.renamed.update(areas.renamed)
    index = data_rows(areas)
    programs = parse_column(table, program_column, program_of, pa.string(), index, built, "unknown_program")
    t = read_numbers(table, value)
    built.problems += check_counts(table, areas, value, t, whole=False)
    r = read_numbers(table, received) if received else None
    if r:
        built.problems += check_counts(table, areas, received, r)
    years = _years(table, ctx, built, value.header.year, next(iter(table.role("year")), None), index)
    if years is None:
        return built
    origin = where(table, areas, index)
    n = len(index)
    built.facts = pa.table(
        {
            "year": years,
            "kommun_kod": take(areas.code, index),
            "program": programs,
            "target": take(t.values, index),
            "received": take(r.values, index) if r else pa.nulls(n, pa.float64()),
            **origin,
        }
    )
    return built
