"""One value per key: the same municipality twice with different values refuses the file.

The same key twice with the same values (a table repeated on two sheets, Gotland as both county
and municipality) keeps one row and says so; with different values it is a problem that names
both rows.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from reception.ingest import names
from reception.ingest.problems import Problem, Said, problem
from reception.ingest.read import row_numbers

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
    indexed = facts.append_column("_i", row_numbers(facts.num_rows, 0))
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
        places = tuple(_where(r) for r in rows)
        name = _name(dict(zip(key, k, strict=True)))
        if len(values) > 1:
            sets = [
                Said("key_values", values=tuple(_value(m, v) for m, v in zip(measures, vs, strict=True)))
                for vs in sorted(values, key=str)
            ]
            shown = Said("key_versus", first=sets[0], second=sets[1]) if len(sets) == 2 else tuple(sets)
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


def _name(key: dict) -> Said:
    """'Säter 2025 (Bosättningslagen)': a key in the words of the file, worded where it is read."""
    places = names.places()
    area = ""
    if "kommun_kod" in key:
        area = places.kommun.get(key["kommun_kod"], key["kommun_kod"])
    if "lan_kod" in key:
        area = places.lan.get(key["lan_kod"], key["lan_kod"])
    when = []
    for field in ("year", "month", "as_of_month", "valid_from"):
        if field in key:
            value = key[field]
            if field == "as_of_month":
                when.append(Said("key_as_of", month=value))
            else:
                when.append(
                    Said("key_text", text=f"{value:%Y-%m}" if hasattr(value, "strftime") else str(value))
                )
    what = [Said("key_county_target")] if "lan_kod" in key else []
    what += [Said("key_label", label_code=f"{f}.{key[f]}") for f in ("program", "category") if f in key]
    what += [Said("key_text", text=str(key[f])) for f in ("kind", "_raw") if f in key]
    if not what:
        return Said("key_name_plain", area=area, when=tuple(when))
    return Said("key_name", area=area, when=tuple(when), what=tuple(what))


def _where(row: dict) -> Said:
    if row.get("_sheet"):
        return Said("where_sheet_row", sheet=repr(row["_sheet"]), row=row["_row"])
    return Said("where_row", row=row["_row"])


def _value(measure: str, value: object) -> Said:
    """'mål 12', 'mottagna okänt': one measure's value in a clash."""
    if value is None:
        return Said("key_unknown", measure_code=f"measure.{measure}")
    shown = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    return Said("key_value", measure_code=f"measure.{measure}", value=shown)
