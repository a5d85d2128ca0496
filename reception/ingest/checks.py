"""Sums the files state that must agree with their rows: warnings, not refusals.

A county subtotal must equal the sum of its municipalities; a "Delsumma" or an unnamed subtotal the
rows since the previous one; "Riket"/"Totalt" all municipalities (or, when the file writes "Summa"
after each group, the group). A "Totalt" column must equal the sum of its category columns, and
"Kvar att anvisa" the target less the received. Where a member is suppressed, the stated sum can
only be checked as an upper bound.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from reception.i18n import fmt_num
from reception.ingest.layout import Column, Table
from reception.ingest.problems import Said
from reception.ingest.rows import DATA, SUBTOTAL, TOTAL, Areas, where
from reception.ingest.values import Numbers


def _np(values: pa.ChunkedArray | pa.Array) -> np.ndarray:
    return np.asarray(values.to_numpy(zero_copy_only=False), dtype=float)


def _fmt(value: float) -> str:
    return fmt_num(value, 0 if float(value).is_integer() else 2, "sv")


def _agrees(stated: float, members: np.ndarray) -> bool:
    known = members[~np.isnan(members)]
    whole = bool(np.all(known == np.round(known))) and float(stated).is_integer()
    tolerance = 0.5 if whole else 0.01 * (len(members) + 1)
    if len(known) < len(members):  # suppressed members: the stated sum is at least the known part
        return stated >= known.sum() - tolerance
    return abs(stated - known.sum()) <= tolerance


def subtotals(table: Table, areas: Areas, measures: list[tuple[Column, Numbers]]) -> list[str]:
    """Warnings for every subtotal or total row that differs from the sum of its municipalities."""
    kind = areas.kind
    sums = np.flatnonzero(np.isin(kind, (SUBTOTAL, TOTAL)))
    if not len(sums):
        return []
    data = kind == DATA
    lan = np.array([c[:2] if c else "" for c in areas.code.to_pylist()], dtype=object)
    county = areas.county.to_pylist()
    warnings = []
    previous = -1
    for i in sums:
        group = data.copy()
        group[: previous + 1] = False
        group[i:] = False
        candidates = [group]
        if county[i]:
            candidates = [data & (lan == county[i])]
        elif kind[i] == TOTAL:
            candidates = [data, group]
        for column, numbers in measures:
            stated = numbers.values[int(i)].as_py()
            if stated is None:
                continue
            values = _np(numbers.values)
            if not any(_agrees(stated, values[c]) for c in candidates if c.any()):
                known = np.nansum(values[candidates[0]])
                warnings.append(
                    Said(
                        "subtotal_differs",
                        where=where(table, int(i)),
                        column=column.label,
                        stated=_fmt(stated),
                        known=_fmt(known),
                    )
                )
        previous = int(i)
    return warnings


def row_sums(table: Table, areas: Areas, total: tuple[Column, Numbers], parts: list[Numbers]) -> list[str]:
    """Warnings for data rows whose total column differs from the sum of the parts."""
    column, numbers = total
    stated = _np(numbers.values)
    added = np.sum([_np(p.values) for p in parts], axis=0)
    unknown = np.any([np.isnan(_np(p.values)) for p in parts], axis=0)
    wrong = (areas.kind == DATA) & ~np.isnan(stated) & ~unknown & (np.abs(stated - added) > 0.5)
    return [
        Said(
            "row_sum_differs",
            where=where(table, int(i)),
            column=column.label,
            stated=_fmt(stated[i]),
            added=_fmt(added[i]),
        )
        for i in np.flatnonzero(wrong)[:10]
    ]
