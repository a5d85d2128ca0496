"""One value per key: the same municipality twice with different values refuses the file.

The same key twice with the same values (a table repeated on two sheets, Gotland as both county
and municipality) keeps one row and says so; with different values it is a problem that names
both rows.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from reception.i18n import t
from reception.ingest import names
from reception.ingest.problems import Problem, Said, problem

KEYS = {
    "targets": ["year", "kommun_kod", "program"],
    "county_targets": ["year", "lan_kod", "program", "valid_from"],  # a revision applies from a later day
    "capacity": ["month", "kommun_kod", "kind"],
    "population": ["year", "kommun_kod"],
}
MEASURES = {
    "targets": ["target", "received"],
    "county_targets": ["target"],
    "capacity": ["places", "occupied"],
    "population": ["population"],
}
SUMMED = pc.ScalarAggregateOptions(skip_nulls=False)


def arrivals_key(facts: pa.Table) -> list[str]:
    time = ["month"] if "month" in facts.column_names else ["year", "as_of_month"]
    return [*time, "kommun_kod", "category"]


def one_per_key(
    file: str, facts: pa.Table, key: list[str], measures: list[str]
) -> tuple[pa.Table, list[Problem], list[str]]:
    """Facts with each key once, the problems (different values) and warnings (repeats)."""
    indexed = facts.append_column("_i", pa.array(range(facts.num_rows), pa.int64()))
    counts = indexed.group_by(key, use_threads=False).aggregate([("_i", "count"), ("_i", "min")])
    repeated = counts.filter(pc.greater(counts.column("_i_count"), 1))
    if repeated.num_rows == 0:
        return facts, [], []
    keep = pc.is_in(indexed.column("_i"), counts.column("_i_min"))
    clash = indexed.join(repeated.select(key), keys=key, join_type="inner").sort_by("_i")
    problems, warnings = [], []
    groups: dict[tuple, list[dict]] = {}
    for row in clash.to_pylist():
        groups.setdefault(tuple(row[k] for k in key), []).append(row)
    for k, rows in list(groups.items())[:200]:
        values = {tuple(r[m] for m in measures) for r in rows}
        places = " och ".join(_where(r) for r in rows)
        name = _name(dict(zip(key, k, strict=True)))
        if len(values) > 1:
            shown = " mot ".join(
                ", ".join(f"{t(f'measure.{m}', 'sv')} {_fmt(v)}" for m, v in zip(measures, vs, strict=True))
                for vs in sorted(values, key=str)
            )
            first = rows[0]
            problems.append(
                problem(
                    file,
                    "repeated_key",
                    sheet=first["_sheet"],
                    row=first["_row"],
                    column=first.get("_column"),
                    value=first.get("_value"),
                    name=name,
                    shown=shown,
                    places=places,
                )
            )
        else:
            warnings.append(Said("repeated_same", name=name, places=places))
    return facts.filter(keep), problems, warnings


def sum_per_key(facts: pa.Table, key: list[str], measures: list[str]) -> pa.Table:
    """Rows of the same key added up (an unknown part makes the sum unknown); origin from the first."""
    origin = [c for c in facts.column_names if c.startswith("_")]
    grouped = facts.group_by(key, use_threads=False).aggregate(
        [(m, "sum", SUMMED) for m in measures] + [(c, "min") for c in origin]
    )
    names = [n.removesuffix("_sum").removesuffix("_min") for n in grouped.column_names]
    return grouped.rename_columns(names).select(facts.column_names)


def _name(key: dict) -> str:
    """'Säter 2025 (settlement)' for a key, in the words of the file."""
    places = names.places()
    parts = []
    if "kommun_kod" in key:
        parts.append(places.kommun.get(key["kommun_kod"], key["kommun_kod"]))
    if "lan_kod" in key:
        parts.append(places.lan.get(key["lan_kod"], key["lan_kod"]))
    for field in ("year", "month", "as_of_month", "valid_from"):
        if field in key:
            value = key[field]
            parts.append(
                f"{value:%Y-%m}"
                if hasattr(value, "strftime")
                else f"{'t.o.m. månad ' if field == 'as_of_month' else ''}{value}"
            )
    if "lan_kod" in key:
        rest = ["länstal"]
    else:
        rest = [t(f"{f}.{key[f]}", "sv") for f in ("program", "category") if f in key]
    rest += [str(key[f]) for f in ("kind", "_raw") if f in key]
    return " ".join(parts) + (f" ({', '.join(rest)})" if rest else "")


def _where(row: dict) -> str:
    return f"blad {row['_sheet']!r} rad {row['_row']}" if row.get("_sheet") else f"rad {row['_row']}"


def _fmt(value: object) -> str:
    if value is None:
        return "okänt"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
