"""Where the tables are in a sheet: title rows, the header (one or two rows), the body.

A header row is the first row that names an area column (kommun, kommunkod, län) and at least one
other column we know. The row below joins it when it holds sub-headers ("Totalt", "varav
ensamkommande barn", "Platser"); the row above joins it when it holds group labels over the columns
(merged cells, or written once and meant for the columns to its right). The body runs to the next
header row, so a sheet with several tables one under another gives several tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import pyarrow as pa
import pyarrow.compute as pc

from reception.ingest import area_cell
from reception.ingest.choices import TableChoice
from reception.ingest.problems import column_letter
from reception.ingest.read import Sheet
from reception.ingest.vocabulary import Header, normalise, read_header

AREA_ROLES = ("kommun", "kommun_kod", "lan", "lan_kod")
SCAN = 60  # rows searched for the first header
# a year alone, and a number (signs and spaces before, thousands spaced); the two quantifiers never
# compete for the same character, so a long run of spaces is read once, not once per start
_YEAR = re.compile(r"(19|20)\d\d")
_NUMBER = re.compile(r"^[\-−\s]*\d[\d\s]*([.,]\d+)?$")


@dataclass
class Column:
    index: int  # the grid column
    letter: str  # as Excel names it
    header: Header

    @property
    def label(self) -> str:
        """How messages name the column: 'C (Kommuntal)'."""
        return f"{self.letter} ({self.header.text})" if self.header.text else self.letter


@dataclass
class Table:
    sheet: Sheet
    columns: list[Column]
    header_rows: tuple[int, ...]  # grid row indices of the header
    start: int  # first body row (grid index)
    stop: int  # one past the last body row
    title: list[str] = field(default_factory=list)  # the text rows just above the header
    sheet_title: list[str] = field(default_factory=list)  # the rows above the sheet's first table
    by_values: dict[int, str] = field(default_factory=dict)  # area columns recognised by their cells
    index: int = 0  # the table's place on its sheet
    found_by: str = "header"  # the header row: header (by meaning), cells, fallback, or choice
    at: int = 0  # the grid row that names the columns (the header's own row; a band may add one)

    def role(self, role: str) -> list[Column]:
        return [c for c in self.columns if c.header.role == role]

    def measures(self, *names: str) -> list[Column]:
        return [c for c in self.columns if c.header.measure in names]


def _cells(sheet: Sheet, start: int, stop: int) -> list[list[str | None]]:
    part = sheet.grid.slice(start, max(0, stop - start)).to_pydict()
    return [list(row) for row in zip(*part.values(), strict=True)] if part else []


def cells(sheet: Sheet, start: int, stop: int) -> list[list[str | None]]:
    """The cells of grid rows ``start`` to ``stop`` (one past the last), row by row."""
    return _cells(sheet, start, stop)


def _is_header(headers: list[Header]) -> bool:
    known = [h for h in headers if h.known]
    return any(h.role in AREA_ROLES for h in known) and len(known) >= 2


def _header_at(rows: list[list[str | None]], i: int) -> bool:
    """Row i names an area column and, alone or with the sub-header row under it, two columns we know."""
    headers = [read_header(c) for c in rows[i]]
    if _is_header(headers):
        return True
    if not any(h.role in AREA_ROLES for h in headers) or i + 1 >= len(rows):
        return False
    below = rows[i + 1]
    known = sum(h.known for h in headers) + sum(read_header(c).known for c in below if c)
    return _sub_headers(below, rows[i]) and known >= 2


def _title_like(cells: list[str | None]) -> bool:
    """One text cell in the row (a title, a note): not a row of group labels."""
    filled = [c for c in cells if c]
    return len(filled) <= 1


def _filled_right(upper: list[str | None], lower: list[str | None], merged: list[tuple]) -> list[str | None]:
    """The upper header row with each label spread over the columns it stands for."""
    out = list(upper)
    for c0, c1 in merged:
        for c in range(c0, min(c1 + 1, len(out))):
            out[c] = upper[c0] if c0 < len(upper) else None
    current = None
    for j, cell in enumerate(out):
        if cell:
            current = cell
        elif current and j < len(lower) and lower[j]:
            out[j] = current
        else:
            current = None
    return out


def _numbers(cells: list[str | None]) -> bool:
    return any(_NUMBER.match(c or "") for c in cells)


def _sub_headers(cells: list[str | None], here: list[str | None]) -> bool:
    """A row under the header that names parts of the columns above ("Totalt", "varav ...").

    The cells under the area columns are empty in such a row (merged with the header above them);
    in the first row of data they hold the municipality.
    """
    if not cells or _title_like(cells) or _numbers(cells):
        return False
    area = [j for j, c in enumerate(here) if c and read_header(c).role in AREA_ROLES]
    if any(j < len(cells) and cells[j] for j in area):
        return False
    headers = [read_header(c) for c in cells if c]
    return any(h.known or normalise(h.text) in ("totalt", "antal") for h in headers)


def _group_labels(cells: list[str | None]) -> bool:
    """Labels over the header's columns: headers we know, or years ('2024' over Kommuntal, Anvisade)."""
    filled = [c for c in cells if c]
    if _title_like(cells) or any(_NUMBER.match(c) and not _YEAR.fullmatch(c.strip()) for c in filled):
        return False
    return any(read_header(c).known or _YEAR.fullmatch(c.strip()) for c in filled)


def _band(sheet: Sheet, r: int) -> tuple[tuple[int, ...], list[str]]:
    """The header rows around row r (the row naming the area column) and each column's joined text."""
    window = _cells(sheet, max(0, r - 1), r + 2)
    above, here = (window[0], window[1]) if r >= 1 else ([], window[0])
    below = window[-1] if len(window) == (3 if r >= 1 else 2) else []
    rows = [r]
    if _sub_headers(below, here):
        rows.append(r + 1)
    elif _group_labels(above):
        rows.insert(0, r - 1)
    if len(rows) == 1:
        return tuple(rows), [c or "" for c in here]
    upper_cells, lower_cells = (here, below) if rows[0] == r else (above, here)
    merged = [(c0, c1) for r0, c0, r1, c1 in sheet.merged if r0 == rows[0]]
    upper = _filled_right(upper_cells, lower_cells, merged)
    joined = [" ".join(p for p in (u, lo) if p) for u, lo in zip(upper, lower_cells, strict=False)]
    return tuple(rows), joined


def band_texts(sheet: Sheet, r: int) -> list[str] | None:
    """The header texts a table whose header names its columns on grid row ``r`` would have (the
    row joined with its sub-header or group-label row); None for an empty row."""
    if not any(_cells(sheet, r, r + 1)[0]):
        return None
    return _band(sheet, r)[1]


def _area_by_values(cells: list[str | None]) -> str | None:
    """The area role of a column whose header says nothing, from the texts under it.

    Municipalities (names, codes, or SCB's "0114 Upplands Väsby") make a "kommun" column (codes
    alone "kommun_kod"); county names with totals and no municipality make a "lan" column
    (Migrationsverket writes the county on its first row only, "Delsumma" and "Totalt" under it).
    """
    filled = [c for c in cells if c and c.strip()]
    if len(filled) < 3:
        return None
    judged = [area_cell.judge_area(c) for c in filled]
    municipal = sum(kind == area_cell.DATA for kind, _ in judged)
    counties = sum(kind == area_cell.COUNTY for kind, _ in judged)
    sums = sum(kind in (area_cell.TOTAL, area_cell.SUBTOTAL) for kind, _ in judged)
    if municipal >= 3 and municipal + counties + sums >= 0.6 * len(filled):
        judged_cells = zip(filled, judged, strict=True)
        codes = all(re.fullmatch(r"\d{3,4}", c.strip()) for c, (k, _) in judged_cells if k)
        return "kommun_kod" if codes else "kommun"
    if municipal == 0 and counties >= 2 and counties + sums >= 0.6 * len(filled):
        return "lan"
    return None


def _header_by_values(head: list[list[str | None]]) -> tuple[int, dict[int, str]] | None:
    """A header row whose area columns are unlabelled: the first row naming columns we know (two or
    more, or one period such as '2024') over a column of municipalities."""
    for i, cells in enumerate(head[:SCAN]):
        headers = [read_header(c) for c in cells]
        known = [h for h in headers if h.known]
        if any(h.role in AREA_ROLES for h in known):
            continue
        if len(known) < 2 and not (len(known) == 1 and known[0].measure == "period" and _title_like(cells)):
            continue
        below = head[i + 1 : i + 41]
        roles = {}
        for j in range(len(cells)):
            if headers[j].known:
                continue
            role = _area_by_values([row[j] if j < len(row) else None for row in below])
            if role:
                roles[j] = role
        if any(r in ("kommun", "kommun_kod") for r in roles.values()):
            return i, roles
    return None


def _minors_of_the_left(columns: list[Column]) -> list[Column]:
    """A bare "varav ensamk barn" after a category's column is that category's minors
    (Migrationsverket's Kommunmottagna: each category followed by its "varav ensamk barn")."""
    out = list(columns)
    for k in range(1, len(out)):
        h, left = out[k].header, out[k - 1].header
        if (
            h.measure == "unaccompanied"
            and h.category is None
            and left.measure == "persons"
            and left.category
        ):
            out[k] = Column(out[k].index, out[k].letter, replace(h, category=left.category))
    return out


def _fallback_header(head: list[list[str | None]]) -> tuple[int, dict[int, str]] | None:
    """A header-like row when no header names what we know: the first row of two or more texts with
    rows of numbers under it, and the municipality column found by its cells where there is one.
    What the other columns hold is left open for the person to say."""
    for i, cells in enumerate(head[:SCAN]):
        texts = [c for c in cells if c and not _NUMBER.match(c)]
        if len(texts) < 2 or _title_like(cells):
            continue
        below = head[i + 1 : i + 6]
        if sum(_numbers(row) for row in below) < 2:
            continue
        roles = {}
        for j in range(len(cells)):
            role = _area_by_values([row[j] if j < len(row) else None for row in head[i + 1 : i + 41]])
            if role and not any(r in ("kommun", "kommun_kod") for r in roles.values()):
                roles[j] = role
        return i, roles
    return None


def _grid_row(sheet: Sheet, row: int) -> int | None:
    """The grid index of the row Excel numbers ``row``; None when the sheet has no such row."""
    found = pc.index(sheet.rows, pa.scalar(row, sheet.rows.type)).as_py()
    return None if found < 0 else found


def _unlabelled_areas(sheet: Sheet, r: int, texts: list[str]) -> dict[int, str]:
    """Area columns under a chosen header row, found by their cells where the header names none."""
    if any(read_header(text).role in AREA_ROLES for text in texts):
        return {}
    below = _cells(sheet, r + 1, min(sheet.grid.num_rows, r + 41))
    roles = {}
    for j, text in enumerate(texts):
        if read_header(text).known:
            continue
        role = _area_by_values([row[j] if j < len(row) else None for row in below])
        if role and not any(x in ("kommun", "kommun_kod") for x in roles.values()):
            roles[j] = role
    return roles


def _first_header(sheet: Sheet) -> tuple[int | None, dict[int, str], str]:
    """Where the sheet's first table starts, what its unlabelled area columns are, and how it was found."""
    if sheet.given_header:
        return 0, {}, "header"
    n = sheet.grid.num_rows
    head = _cells(sheet, 0, min(n, SCAN))
    found = next((i for i in range(len(head)) if _header_at(head, i)), None)
    if found is not None:
        return found, {}, "header"
    head = _cells(sheet, 0, min(n, SCAN + 40))
    if (unlabelled := _header_by_values(head)) is not None:
        return unlabelled[0], unlabelled[1], "cells"
    if (fallback := _fallback_header(head)) is not None:
        return fallback[0], fallback[1], "fallback"
    return None, {}, ""


def _with_area(columns: list[Column], letter: str | None) -> list[Column]:
    """The chosen municipality column (by letter) as the table's area column; another column read
    as the municipality's name is no longer one (a code column beside it stays, and is checked)."""
    if letter is None:
        return columns
    out = []
    for c in columns:
        if c.letter == letter:
            role = c.header.role if c.header.role in ("kommun", "kommun_kod") else "kommun"
            out.append(Column(c.index, c.letter, Header(c.header.text, role=role)))
        elif c.header.role == "kommun":
            out.append(Column(c.index, c.letter, Header(c.header.text, measure="ignored")))
        else:
            out.append(c)
    return out


def find_tables(sheet: Sheet, said: Callable[[int], TableChoice | None] | None = None) -> list[Table]:
    """Every table in a sheet (most sheets have one); empty when no header is found.

    Args:
        said: what the person said about the sheet's k-th table (its header row, its municipality
            column), or None; a table whose header row is said starts there, the next ones are
            found below it.
    """
    n = sheet.grid.num_rows
    tables: list[Table] = []
    previous_start = 0
    k = 0
    choice = said(0) if said else None
    if choice is not None and choice.header is not None:
        found, by_values, how = _grid_row(sheet, choice.header), None, "choice"
    else:
        found, by_values, how = _first_header(sheet)
    while found is not None and found < n:
        rows, texts = _band(sheet, found)
        if by_values is None:
            by_values = _unlabelled_areas(sheet, rows[-1], texts)
        columns = [
            Column(
                j,
                column_letter(sheet.first_col + j),
                Header(text, role=by_values[j]) if j in by_values else read_header(text),
            )
            for j, text in enumerate(texts)
        ]
        columns = _with_area(_minors_of_the_left(columns), choice.area if choice else None)
        above = _cells(sheet, previous_start, rows[0])
        if tables:
            above = [row for row in above[-4:] if _title_like(row)]
        title = [" ".join(c for c in row if c) for row in above if any(row)]
        start = rows[-1] + 1
        following = None if sheet.given_header or by_values else _next_header(sheet, columns, start)
        k += 1
        choice = said(k) if said else None
        if choice is not None and choice.header is not None:
            chosen = _grid_row(sheet, choice.header)
            following = chosen if chosen is not None and chosen >= start else None
        first_title = tables[0].title if tables else title
        stop = following if following is not None else n
        table = Table(
            sheet, columns, rows, start, stop, title, first_title, dict(by_values), k - 1, how, found
        )
        tables.append(table)
        previous_start, found = start, following
        by_values = None if choice is not None and choice.header is not None else {}
        how = "choice" if choice is not None and choice.header is not None else "header"
    return tables


def _next_header(sheet: Sheet, columns: list[Column], start: int) -> int | None:
    """The grid row where another header starts below ``start`` (the area column repeats its header)."""
    area = next((c for c in columns if c.header.role in AREA_ROLES), None)
    if area is None:
        return None
    column = sheet.grid.column(area.index).slice(start)
    lowered = pc.utf8_lower(pc.utf8_trim_whitespace(column))
    hits = pc.indices_nonzero(pc.fill_null(pc.equal(lowered, normalise(area.header.text)), False))
    for offset in hits.to_pylist()[:20]:
        row = _cells(sheet, start + offset, start + offset + 1)[0]
        if _is_header([read_header(c) for c in row]):
            return start + offset
    return None
