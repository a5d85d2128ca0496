"""The rows a preview passes over, and the checks on them: titles and notes above a table, and in its
body the subtotals, totals and text rows that are not municipalities, each sum row with whether it agrees
with its rows and a county's subtotal of kommuntal with the county's länstal (the store's decisions).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from reception import queries
from reception.ingest import area_cell, layout, names
from reception.ingest.facts import Built, read_numbers
from reception.ingest.layout import Table
from reception.ingest.problems import Said

LISTED = 60  # rows listed per table; the rest are counted
# how a body row that is not a municipality is named (preview.row.<kind>)
_ROW_KINDS = {area_cell.SUBTOTAL: "subtotal", area_cell.TOTAL: "total", area_cell.UNKNOWN: "unknown"}


@dataclass
class SkippedRow:
    row: int
    kind: str  # title, note, subtotal, total
    text: str
    checks: list[Said] = field(default_factory=list)


def _text(cells: list[str | None]) -> str:
    filled = [" ".join(c.split()) for c in cells if c and c.strip()]
    text = " · ".join(filled[:4])
    return text if len(text) <= 80 else text[:79] + "…"


def skipped(table: Table, areas, built, found, lanstal) -> tuple[list[SkippedRow], int, int]:
    """The rows above the header (titles, notes) and the body rows that are not municipalities."""
    listed, blank = [], 0
    begin = 0
    if table.index > 0:
        before = [r.placed.table for r in found.tables if r.placed.table.sheet is table.sheet]
        begin = before[table.index - 1].stop if table.index - 1 < len(before) else 0
    sheet_rows = table.sheet.rows
    for offset, cells in enumerate(layout.cells(table.sheet, begin, table.header_rows[0])):
        if any(cells):
            listed.append(SkippedRow(sheet_rows[begin + offset].as_py(), "title", _text(cells)))
    if areas is None:
        return listed, blank, 0
    checks = _row_checks(table, areas, built, lanstal)
    others = np.flatnonzero(areas.kind != area_cell.DATA)
    body = table.sheet.grid.slice(table.start, table.stop - table.start)
    picked = body.take(pa.array(others[: LISTED * 20])).to_pydict()  # enough to list, past blanks
    cells_of = [list(row) for row in zip(*picked.values(), strict=True)] if picked else []
    more = int(len(others) - len(cells_of))  # rows not looked at: counted, not listed
    for n, i in enumerate(others[: len(cells_of)]):
        i = int(i)
        cells = cells_of[n]
        if not any(cells):
            blank += 1
            continue
        if len(listed) >= LISTED:
            more += 1
            continue
        row = sheet_rows[table.start + i].as_py()
        kind = _ROW_KINDS.get(int(areas.kind[i]), "note")
        listed.append(SkippedRow(row, kind, _text(cells), checks.get(row, [])))
    return listed, blank, more


def _warned_row(said: object) -> int | None:
    """The row a sum warning is about (its ``where`` field)."""
    fields = dict(getattr(said, "fields", ()))
    where = fields.get("where")
    return dict(getattr(where, "fields", ())).get("row")


def _row_checks(table: Table, areas, built: Built | None, lanstal: dict) -> dict[int, list[Said]]:
    """Per sum row (as Excel numbers it): does it agree with its rows, and a county with its länstal."""
    out: dict[int, list[Said]] = {}
    if built is None:
        return out
    warned = {}
    for warning in built.warnings:
        if getattr(warning, "code", "") in ("subtotal_differs", "population_sum_differs"):
            warned.setdefault(_warned_row(warning), []).append(warning)
    sums = np.flatnonzero(np.isin(areas.kind, (area_cell.SUBTOTAL, area_cell.TOTAL)))
    sheet_rows = table.sheet.rows
    for i in sums:
        row = sheet_rows[table.start + int(i)].as_py()
        if row in warned:
            out[row] = list(warned[row])
        elif row in built.unchecked:
            out[row] = [Said("check_not_made")]
        else:
            out[row] = [Said("check_agrees")]
    for row, said in _against_lanstal(table, areas, built, lanstal).items():
        out.setdefault(row, []).append(said)
    return out


def lanstal_of(path: Path, found) -> dict[tuple[int, str], float]:
    """The länstal (year, lan_kod) -> target the store holds, for the years of the file's kommuntal."""
    years = {
        y
        for d, facts, _ in found.parts
        if d == "targets"
        for y in pc.unique(facts.column("year")).to_pylist()
    }
    if not years or not path.exists():
        return {}
    decided = queries.run("preview_lanstal", {"years": sorted(years)}, path)
    return {(int(y), lan): float(t) for y, lan, t in decided.itertuples(index=False)}


def _against_lanstal(table: Table, areas, built: Built, lanstal: dict) -> dict[int, Said]:
    """A county's sum of kommuntal against the county's länstal, for a table of one year: a county's
    subtotal row, or the total row of a table of one county's municipalities."""
    facts = built.facts
    if not lanstal or facts is None or built.dataset != "targets" or "year" not in facts.column_names:
        return {}
    years = pc.unique(facts.column("year")).to_pylist()
    targets = [c for c in table.measures("target") if c.header.target_of == "settlement"]
    if len(years) != 1 or len(targets) != 1:
        return {}
    read = read_numbers(table, targets[0]).values
    county = areas.county.to_pylist()
    present = set(facts.column("kommun_kod").to_pylist())
    counties = {code[:2] for code in present}
    members = names.places().kommun
    out = {}
    for i in np.flatnonzero(np.isin(areas.kind, (area_cell.SUBTOTAL, area_cell.TOTAL))):
        lan = (
            county[int(i)]
            if areas.kind[i] == area_cell.SUBTOTAL
            else (min(counties) if len(counties) == 1 else None)
        )
        stated = read[int(i)].as_py()
        decided = lanstal.get((years[0], lan))
        if lan is None or stated is None or decided is None:
            continue
        row = table.sheet.rows[table.start + int(i)].as_py()
        of_county = {k for k in members if k[:2] == lan}
        if not of_county <= present:
            out[row] = Said("lanstal_partial", year=years[0], n=len(of_county & present), of=len(of_county))
            continue
        code = "lanstal_agrees" if abs(decided - stated) < 0.5 else "lanstal_differs"
        out[row] = Said(code, year=years[0], lanstal=f"{decided:g}", stated=f"{stated:g}")
    return out
