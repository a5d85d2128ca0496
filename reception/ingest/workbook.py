"""What a workbook's parts (xlsx, ods) make the reader build, read by parsing them before it runs.

calamine trusts what a sheet says about itself: the grid a ``<dimension>`` declares, the far corner
its cell references reach, the repeat counts of an ods, are allocated before a single value is read
(A1:XFD1048576 is 17 billion cells, and the process aborts). So every part calamine would read is
parsed here first (:mod:`reception.ingest.xmlscan`) and measured as calamine measures it:

- xlsx: every part the workbook names as a sheet, found through the workbook's relationships as
  calamine resolves them and as the package format does (a sheet may be stored anywhere, under any
  name, ``.bin`` too), and every part stored under a sheet folder; in each, the declared dimension
  and the rows and columns the cell references reach (``r`` on ``row`` and ``c``; a cell without
  one is counted after the last one that had it, as calamine places it).
- ods: ``content.xml``, with the repeat counts of rows and cells as calamine expands them (empty
  cells and rows after the last content count nothing, those before count every time), and the
  text the repeats and runs of spaces (``text:s``) make.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import PurePath
from urllib.parse import unquote

from reception.ingest import xmlscan
from reception.ingest.limits import Limits, count, refused
from reception.ingest.xmlscan import local

WORKBOOK = "xl/workbook.xml"
WORKBOOK_RELATIONS = "xl/_rels/workbook.xml.rels"  # where calamine looks, whatever the package says
SHEET_FOLDER = re.compile(r"xl/(?:worksheets|chartsheets|dialogsheets)/", re.IGNORECASE)
BEYOND = 1 << 32  # a row or column calamine computes by wrapping round (row 0, no digits): no limit holds
_DIGITS = str.maketrans("", "", "0123456789")
_LETTERS = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ONLY_DIGITS = re.compile(r"[0-9\n]*")
_INSIDE_CELLS = frozenset(("v", "is", "t", "f", "r", "rPr", "rPh"))  # a value, a text, a formula


# --- xlsx: which parts are sheets ---------------------------------------------------------------


def _relations(name: str, book: zipfile.ZipFile, part: str, limits: Limits) -> dict[str, str]:
    """A relationships part as {Id: Target}."""
    found: dict[str, str] = {}

    def start(element: str, attributes: dict) -> None:
        if local(element) == "Relationship" and attributes.get("Id") is not None:
            found[attributes["Id"]] = attributes.get("Target") or ""
            if len(found) > limits.members:  # a relationship names a part: no more than there are
                raise refused(name, "limit.members", n=len(found), limit=limits.members)

    xmlscan.read(name, book, part, start)
    return found


def _targets(source_folder: str, target: str) -> set[str]:
    """The members a relationship's target may mean: as calamine reads it (under ``xl/``) and as the
    package format does (relative to the part that names it), each as written and percent-decoded."""
    out = set()
    for written in {target, unquote(target)}:
        if written.startswith("/xl/"):
            out.add(written[1:])
        elif written.startswith("xl/"):
            out.add(written)
        else:
            out.add("xl/" + written)
        packaged = written[1:] if written.startswith("/") else posixpath.join(source_folder, written)
        out.add(posixpath.normpath(packaged))
    return out


def _workbooks(name: str, book: zipfile.ZipFile, members: set[str], limits: Limits) -> list[str]:
    """The workbook parts: calamine's fixed one, and whichever the package's relationships name."""
    parts = [WORKBOOK] if WORKBOOK in members else []
    if "_rels/.rels" in members:
        for target in _relations(name, book, "_rels/.rels", limits).values():
            for part in _targets("", target):
                if part in members and part not in parts and part.lower().endswith(".xml"):
                    parts.append(part)
    return parts


def sheets(name: str, book: zipfile.ZipFile, members: set[str], limits: Limits) -> dict[str, str]:
    """Every member that may be read as a sheet, with the name the user knows it by.

    Raises:
        IngestRefused: more sheets than ``limits.sheets``, or a part that is not XML.
    """
    found = {m: PurePath(m).stem for m in members if SHEET_FOLDER.match(m)}
    for workbook in _workbooks(name, book, members, limits):
        folder = posixpath.dirname(workbook)
        own = posixpath.join(folder, "_rels", posixpath.basename(workbook) + ".rels")
        relations: dict[str, str] = {}
        for part in dict.fromkeys((WORKBOOK_RELATIONS, own)):
            if part in members:
                relations.update(_relations(name, book, part, limits))
        listed: list[tuple[str, str]] = []

        def start(element: str, attributes: dict, listed=listed) -> None:
            if local(element) != "sheet":
                return
            key = next((v for k, v in attributes.items() if ":" in k and local(k) == "id"), None)
            listed.append((attributes.get("name") or "", key or ""))
            if len(listed) > limits.sheets:
                raise refused(name, "limit.sheets", n=len(listed), limit=limits.sheets)

        xmlscan.read(name, book, workbook, start)
        for shown, key in listed:
            for part in _targets(folder, relations.get(key, "")):
                if part in members:
                    found[part] = shown or found.get(part) or PurePath(part).stem
    if len(found) > limits.sheets:
        raise refused(name, "limit.sheets", n=len(found), limit=limits.sheets)
    return found


# --- xlsx: what a sheet reaches -----------------------------------------------------------------


def _column(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _position(reference: str) -> tuple[int, int] | None:
    """(row, column), 1-based, of a reference as calamine reads it ('B7' -> (7, 2)); a missing or zero
    row or column is :data:`BEYOND` (calamine wraps round below zero); None for one calamine refuses."""
    letters = reference.translate(_DIGITS)
    digits = reference.translate(_LETTERS)
    if not (letters + digits == reference and letters.isascii() and (not letters or letters.isalpha())):
        return None
    if len(digits) > 10 or len(letters) > 7:  # beyond any sheet (and int() of 5 000 digits refuses)
        return BEYOND, BEYOND
    row = int(digits) if digits else 0
    return (row or BEYOND), (_column(letters) if letters else BEYOND)


class _Reach:
    """The rows and columns one sheet's elements reach, gathered as expat reads it.

    :meth:`handler` is called for every element of the sheet (a million for 100 000 rows), so it
    does as little as it can: it keeps each reference as it comes, and :meth:`measure` takes a
    chunk's references apart at once (joined, digits and letters split by the string functions).
    """

    def __init__(self) -> None:
        self.dimensions: list[str] = []  # calamine takes the last before the data; each is checked
        self.cells: list[str] = []  # cell references (r of c) not yet measured
        self.rows_named: list[str] = []  # row numbers (r of row) not yet measured
        self.rows = 0  # the furthest row a reference reaches
        self.columns = 0
        self.counts = [0, 0, 0]  # rows without a number; cells without a reference in this row, most

    def handler(self):
        """The StartElementHandler: a closure with everything it needs bound to local names."""

        def start(element, attributes, cell=self.cells.append, row=self.rows_named.append,
                  counts=self.counts, inside=_INSIDE_CELLS, other=self._other):  # fmt: skip
            if element == "c":
                reference = attributes.get("r")
                if reference is not None:
                    cell(reference)
                else:
                    counts[1] += 1
                    if counts[1] > counts[2]:
                        counts[2] = counts[1]
            elif element in inside:  # the most common elements: nothing to count
                return
            elif element == "row":
                counts[1] = 0
                reference = attributes.get("r")
                if reference is not None:
                    row(reference)
                else:
                    counts[0] += 1
            else:
                other(element, attributes)

        return start

    def _other(self, element: str, attributes: dict) -> None:
        """A dimension, or a cell or a row with a prefix the file chose (x:c): the same elements."""
        tag = local(element)
        if tag == "dimension":
            self.dimensions.append(attributes.get("ref", ""))
        elif ":" in element and tag in ("c", "row"):
            self.handler()(tag, attributes)

    def measure(self) -> None:
        """The rows and columns the references kept so far reach."""
        if self.cells:
            joined = "\n".join(self.cells)
            for column in set(joined.translate(_DIGITS).split("\n")):
                if not column or len(column) > 7:
                    self.columns = BEYOND  # no letters: calamine wraps round below column 0
                elif column.isascii() and column.isalpha():
                    self.columns = max(self.columns, _column(column))
            self._rows(joined.translate(_LETTERS))
        if self.rows_named:
            self._rows("\n".join(self.rows_named))
        self.cells.clear()
        self.rows_named.clear()

    def _rows(self, numbers: str) -> None:
        digits = numbers.split("\n")
        if not _ONLY_DIGITS.fullmatch(numbers):  # a reference calamine refuses: not counted here
            digits = [d for d in digits if not d or d.isascii() and d.isdigit()]
        if "" in digits or max(map(len, digits), default=1) > 10:
            self.rows = BEYOND  # no digits: row 0 - 1 wraps round
        elif digits:
            values = list(map(int, digits))
            self.rows = BEYOND if min(values) == 0 else max(self.rows, max(values))


def _declared(dimension: str) -> int | None:
    """The cells a ``<dimension ref>`` makes calamine allocate; None if calamine refuses the ref."""
    parts = [_position(part) for part in dimension.split(":")]
    if not 1 <= len(parts) <= 2 or None in parts:
        return None
    (r0, c0), (r1, c1) = parts[0], parts[-1]
    rows = r1 - r0 + 1 if r1 >= r0 else BEYOND  # calamine subtracts in unsigned numbers
    columns = c1 - c0 + 1 if c1 >= c0 else BEYOND
    return rows * columns


def check_sheet(name: str, book: zipfile.ZipFile, member: str, label: str, limits: Limits) -> None:
    """A sheet's declared dimension, and how far its cell references really reach.

    Raises:
        IngestRefused: ``limit.dimension``, ``limit.cells`` (naming the sheet), or the XML's own.
    """
    reach = _Reach()

    def after_chunk() -> None:
        for dimension in reach.dimensions:
            cells = _declared(dimension)
            if cells is not None and cells > limits.cells:
                raise refused(name, "limit.dimension", sheet=label, ref=dimension, limit=count(limits.cells))
        reach.dimensions.clear()
        reach.measure()
        _within(name, label, reach, limits)

    xmlscan.read(name, book, member, reach.handler(), after_chunk=after_chunk)
    after_chunk()


def _within(name: str, label: str, reach: _Reach, limits: Limits) -> None:
    rows = max(reach.rows, 1) + reach.counts[0]
    columns = max(reach.columns, 1) + reach.counts[2]
    if rows * columns > limits.cells:
        shown = [count(n) if n < BEYOND else "> 4 294 967 295" for n in (rows, columns)]
        raise refused(
            name, "limit.cells", sheet=label, rows=shown[0], columns=shown[1], limit=count(limits.cells)
        )


# --- ods ----------------------------------------------------------------------------------------

_VALUE_ATTRIBUTES = {"value-type", "value", "string-value", "date-value", "time-value", "boolean-value"}


def _number(attributes: dict, wanted: str) -> int:
    """A repeat count (``table:number-rows-repeated``, ``text:c``), 1 when absent."""
    for key, value in attributes.items():
        if local(key) == wanted:
            try:
                return max(int(value), 1)
            except ValueError:
                return BEYOND  # calamine refuses it; counted as beyond every limit meanwhile
    return 1


class _Ods:
    """Cells and text of content.xml as calamine builds them, counted as expat reads it."""

    def __init__(self, name: str, limits: Limits, parser_box: list) -> None:
        self.name, self.limits, self.box = name, limits, parser_box
        self.cells = 0  # of the sheets done
        self.text = 0  # bytes of cell text, with its repeats
        self.sheets = 0
        self._sheet()

    def _sheet(self) -> None:
        self.rows = self.width = self.row = 0  # rows and columns with content so far, next row
        self.row_repeat, self.position, self.last, self.row_text = 1, 0, 0, 0
        self.cell: list | None = None  # [repeat, start byte, has content, spaces] of the open cell

    def start(self, element: str, attributes: dict) -> None:
        tag = local(element)
        if tag in ("table-cell", "covered-table-cell"):
            filled = any(local(k) in _VALUE_ATTRIBUTES or local(k) == "formula" for k in attributes)
            at = self.box[0].CurrentByteIndex
            self.cell = [_number(attributes, "number-columns-repeated"), at, filled, 0]
        elif self.cell is not None:
            self.cell[2] = True  # anything inside a cell is content (a paragraph, a note)
            if tag == "s":
                self.cell[3] += _number(attributes, "c")
        elif tag == "table-row":
            self.row_repeat = _number(attributes, "number-rows-repeated")
            self.position = self.last = self.row_text = 0
        elif tag == "table":
            self.sheets += 1
            if self.sheets > self.limits.sheets:
                raise refused(self.name, "limit.sheets", n=self.sheets, limit=self.limits.sheets)

    def end(self, element: str) -> None:
        tag = local(element)
        if tag in ("table-cell", "covered-table-cell") and self.cell is not None:
            repeat, started, filled, spaces = self.cell
            self.cell = None
            self.position += repeat
            if filled:
                self.last = self.position
                size = self.box[0].CurrentByteIndex - started + spaces
                self.row_text += repeat * size
        elif tag == "table-row":
            self.row += self.row_repeat
            if self.last:
                self.rows, self.width = self.row, max(self.width, self.last)
                self.text += self.row_repeat * self.row_text
            self._check()
        elif tag == "table":
            self.cells += self.rows * self.width
            self._sheet()

    def _check(self) -> None:
        if self.cells + self.rows * self.width > self.limits.cells:
            raise refused(self.name, "limit.repeated", limit=count(self.limits.cells))
        if self.text > self.limits.shared_strings_mb << 20:
            raise refused(self.name, "limit.text", limit=self.limits.shared_strings_mb)


def check_ods(name: str, book: zipfile.ZipFile, limits: Limits) -> None:
    """The cells and text content.xml makes, as calamine expands its repeats.

    Raises:
        IngestRefused: ``limit.repeated``, ``limit.text``, ``limit.sheets``, or the XML's own.
    """
    box: list = []
    ods = _Ods(name, limits, box)
    xmlscan.read(name, book, "content.xml", ods.start, ods.end, after_chunk=ods._check, byte_index=box)
    ods._check()
