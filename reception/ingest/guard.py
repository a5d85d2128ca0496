"""What a file may be before any reader touches it, judged from the outside, and the limits in one place.

The readers trust what a file says about itself: calamine allocates the grid a sheet declares
(A1:XFD1048576 is 17 billion cells, and the process aborts), an ods cell repeated a million times
is a million cells, a parquet footer's row count is what Arrow will build. So before reading,
:func:`check` looks at the envelope only, without parsing the content: a zip's member list
(sizes, compression ratio, count, encryption, nested archives), a sheet's declared ``<dimension>``
and the cell references it really holds, the shared strings' size, ods repeat counts, a parquet
footer, and a CSV's longest line and widest row. Anything beyond the limits is refused with the
file's name and the limit it broke; the reading itself runs in a child process
(:mod:`reception.ingest.isolate`) with a memory ceiling and a time limit as the last line.

Two sets of limits: :data:`UPLOAD` for the Data page (files as Migrationsverket publishes them,
well under 5 MB) and :data:`COMMAND_LINE` for ``python -m reception ingest`` (the benchmark's
10 M-row event files). The README's "Limits" section repeats them.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
import zlib
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import PurePath

import pyarrow as pa
import pyarrow.parquet as pq

from reception.ingest.problems import IngestRefused, coded

MB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """How big a file may be and what reading it may cost.

    Attributes:
        file_mb: the file itself.
        memory_mb: the reading process's resident memory (it is stopped beyond it).
        seconds: the whole load, read to store, by the wall clock.
        unpacked_mb: a zip's members (xlsx, ods) together, uncompressed.
        ratio: one member's uncompressed size over its compressed size (counted from 1 MB up).
        members: files inside a zip.
        sheets: sheets in a workbook.
        cells: rows x columns of a sheet as declared or as its cell references reach; for ods and
            parquet all sheets together.
        shared_strings_mb: an xlsx's table of texts, uncompressed.
        line_kb: a CSV line (a longer run without a line break is refused).
        columns: columns of a CSV or parquet file.
    """

    file_mb: int
    memory_mb: int
    seconds: int
    unpacked_mb: int
    ratio: int
    members: int
    sheets: int
    cells: int
    shared_strings_mb: int
    line_kb: int
    columns: int


# The Data page: official files are a few hundred rows; a year of person-level events (~1 M rows,
# 30 MB as CSV) still fits.
UPLOAD = Limits(
    file_mb=50,
    memory_mb=1024,
    seconds=60,
    unpacked_mb=250,
    ratio=200,
    members=1000,
    sheets=100,
    cells=5_000_000,
    shared_strings_mb=50,
    line_kb=512,
    columns=2000,
)
# The command line (run by whoever runs the server): the benchmark's 10 M-row events (300 MB CSV).
COMMAND_LINE = Limits(
    file_mb=2048,
    memory_mb=8192,
    seconds=900,
    unpacked_mb=2048,
    ratio=200,
    members=1000,
    sheets=100,
    cells=60_000_000,
    shared_strings_mb=500,
    line_kb=512,
    columns=2000,
)

# A planner's weight file on Planering (a municipality and a number per row: a few KB) and a meeting
# deck (JSON, a hundred slides at most): open to every visitor who may upload, so small ceilings.
WEIGHTS = Limits(
    file_mb=5,
    memory_mb=512,
    seconds=20,
    unpacked_mb=50,
    ratio=200,
    members=100,
    sheets=20,
    cells=200_000,
    shared_strings_mb=10,
    line_kb=64,
    columns=200,
)
DECK = Limits(
    file_mb=1,
    memory_mb=256,
    seconds=10,
    unpacked_mb=1,
    ratio=200,
    members=1,
    sheets=1,
    cells=1,
    shared_strings_mb=1,
    line_kb=1024,
    columns=1,
)

_active: ContextVar[Limits] = ContextVar("limits", default=UPLOAD)
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
NESTED = (".zip", ".xlsx", ".xlsm", ".xlsb", ".ods", ".docx", ".pptx", ".jar", ".gz", ".7z", ".rar")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_DIMENSION = re.compile(rb'<dimension\b[^>]*?\bref="([A-Z]*)(\d*)(?::([A-Z]*)(\d*))?"')
# an r attribute is a row's or a cell's reference in a sheet (r:id and ref are other attributes);
# after a space as everyone writes it (a literal start the regex engine finds fast), else after any
# white space
_ROW_NUMBER = re.compile(rb' r="[A-Z]*(\d+)"')
_CELL_LETTERS = re.compile(rb' r="([A-Z]+)\d')
_ROW_NUMBER_ANY = re.compile(rb'\sr="[A-Z]*(\d+)"')
_CELL_LETTERS_ANY = re.compile(rb'\sr="([A-Z]+)\d')
_ODD_SPACE = (b'\tr="', b'\nr="', b'\rr="')
_ODS = re.compile(
    rb"<table:(table-row|table-cell|covered-table-cell)\b([^>]*?)(/?)>|</table:table-row>|<table:table[\s>]"
)
_REPEAT_ROWS = re.compile(rb'table:number-rows-repeated="(\d+)"')
_REPEAT_COLS = re.compile(rb'table:number-columns-repeated="(\d+)"')
CHUNK = 1 << 20
OVERLAP = 4096


def active() -> Limits:
    """The limits of the load running in this process (the Data page's unless told otherwise)."""
    return _active.get()


def use(limits: Limits) -> None:
    """Set the limits every later :func:`check` in this context applies (the child does, first)."""
    _active.set(limits)


def _refuse(name: str, code: str, /, **fields: object) -> IngestRefused:
    return IngestRefused(name, [coded(name, code, **fields)])


def _count(number: int) -> str:
    """5 000 000: grouped with spaces, as the README and the app write counts."""
    return f"{number:,}".replace(",", " ")


def _mb(size: int) -> str:
    return f"{size / MB:.1f}".rstrip("0").rstrip(".")


def check(name: str, data: bytes, limits: Limits | None = None) -> None:
    """Refuse the file if it is beyond a limit or a kind that is never read; else return.

    Raises:
        IngestRefused: naming the file and the limit (code ``limit.*``) or the kind (``format.*``).
    """
    limits = limits or active()
    if len(data) > limits.file_mb * MB:
        raise _refuse(name, "limit.file", size=_mb(len(data)), limit=limits.file_mb)
    suffix = PurePath(name).suffix.lower()
    if data.startswith(OLE):
        _check_ole(name, data)
    elif data[:4] == b"PAR1" or (suffix == ".parquet" and data[:4] != b"PK\x03\x04"):
        _check_parquet(name, data, limits)
    elif data[:2] == b"PK" or suffix in (".xlsx", ".xlsm", ".xlsb", ".ods"):
        _check_zip(name, data, suffix, limits)
    elif suffix != ".xls":
        _check_csv(name, data, limits)


# --- OLE (xls, and Office's encrypted packages) -------------------------------------------------


def _check_ole(name: str, data: bytes) -> None:
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        raise _refuse(name, "format.encrypted")


# --- zip (xlsx, ods) ----------------------------------------------------------------------------


def _check_zip(name: str, data: bytes, suffix: str, limits: Limits) -> None:
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
        infos = book.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise _refuse(name, "format.broken_zip") from None
    if len(infos) > limits.members:
        raise _refuse(name, "limit.members", n=len(infos), limit=limits.members)
    total = sum(info.file_size for info in infos)
    if total > limits.unpacked_mb * MB:
        raise _refuse(name, "limit.unpacked", size=_mb(total), limit=limits.unpacked_mb)
    names = {info.filename for info in infos}
    if suffix == ".xlsb" or "xl/workbook.bin" in names:
        raise _refuse(name, "format.xlsb")
    if suffix == ".xlsm" or any(n.lower().endswith("vbaproject.bin") for n in names):
        raise _refuse(name, "format.macros")
    for info in infos:
        if info.flag_bits & 0x1:
            raise _refuse(name, "format.encrypted")
        if info.filename.lower().endswith(NESTED):
            raise _refuse(name, "format.nested", member=info.filename)
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MB and ratio > limits.ratio:
            raise _refuse(name, "limit.ratio", member=info.filename, ratio=int(ratio), limit=limits.ratio)
    sheets = [n for n in names if re.fullmatch(r"xl/(worksheets|chartsheets|dialogsheets)/[^/]+\.xml", n)]
    if len(sheets) > limits.sheets:
        raise _refuse(name, "limit.sheets", n=len(sheets), limit=limits.sheets)
    try:
        for info in infos:
            if info.filename.endswith((".xml", ".rels")) and info.filename not in sheets:
                _no_dtd(name, book, info.filename)
        if "xl/sharedStrings.xml" in names:
            size = book.getinfo("xl/sharedStrings.xml").file_size
            if size > limits.shared_strings_mb * MB:
                raise _refuse(name, "limit.shared_strings", size=_mb(size), limit=limits.shared_strings_mb)
        shown = _sheet_names(book, names)
        for sheet in sorted(sheets):
            _check_sheet(name, book, sheet, shown.get(sheet, PurePath(sheet).stem), limits)
        if "content.xml" in names:
            _check_ods(name, book, limits)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
        # a member that does not unpack: truncated, a method zipfile lacks, or a password
        raise _refuse(name, "format.broken_zip") from None


def _chunks(book: zipfile.ZipFile, member: str):
    """The member's bytes in chunks that overlap by a little, so no tag is cut in two unseen."""
    tail = b""
    with book.open(member) as stream:
        while chunk := stream.read(CHUNK):
            yield tail + chunk, len(tail)
            tail = chunk[-OVERLAP:]


def _no_dtd(name: str, book: zipfile.ZipFile, member: str) -> None:
    for chunk, _ in _chunks(book, member):
        if b"<!" in chunk and _DTD.search(chunk):
            raise _refuse(name, "format.dtd", member=member)


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


_TAG_SHEET = re.compile(rb"<sheet\b[^>]*>")
_TAG_RELATION = re.compile(rb"<Relationship\b[^>]*>")


def _attribute(tag: bytes, attribute: bytes) -> str | None:
    found = re.search(rb"\s" + re.escape(attribute) + rb'="([^"]*)"', tag)
    return html.unescape(found.group(1).decode("utf-8", "replace")) if found else None


def _sheet_names(book: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    """Each worksheet member's name as the user sees it (Blad1, Kommuntal 2024), from the workbook."""
    parts = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels")
    if not all(part in names and book.getinfo(part).file_size < 8 * MB for part in parts):
        return {}
    workbook, relations = (book.read(part) for part in parts)
    targets = {}
    for tag in _TAG_RELATION.findall(relations):
        key, target = _attribute(tag, b"Id"), _attribute(tag, b"Target")
        if key and target:
            targets[key] = target.lstrip("/") if target.startswith("/") else "xl/" + target
    found = {}
    for tag in _TAG_SHEET.findall(workbook):
        name, key = _attribute(tag, b"name"), _attribute(tag, b"r:id")
        if name and key in targets:
            found[targets[key]] = name
    return found


def _check_sheet(name: str, book: zipfile.ZipFile, member: str, label: str, limits: Limits) -> None:
    """A sheet's declared dimension, and how far its cell references really reach."""
    rows = columns = found_rows = found_cells = referenced = 0
    first = True
    for chunk, overlap in _chunks(book, member):
        if b"<!" in chunk and _DTD.search(chunk):
            raise _refuse(name, "format.dtd", member=member)
        if first and (declared := _DIMENSION.search(chunk)):
            c0, r0, c1, r1 = declared.groups()
            last_col, last_row = (c1, r1) if c1 or r1 else (c0, r0)
            cells = max(_column(last_col or b"A"), 1) * max(int(last_row or 1), 1)
            if cells > limits.cells:
                ref = declared.group(0).split(b'"')[1].decode("ascii", "replace")
                raise _refuse(name, "limit.dimension", sheet=label, ref=ref, limit=_count(limits.cells))
        first = False
        # the references of rows (r="7") and cells (r="B7"), found by the regex engine, not a loop
        odd = any(space in chunk for space in _ODD_SPACE)
        numbers = (_ROW_NUMBER_ANY if odd else _ROW_NUMBER).findall(chunk)
        if numbers:
            rows = max(rows, max(map(int, numbers)))
        letters = (_CELL_LETTERS_ANY if odd else _CELL_LETTERS).findall(chunk)
        if letters:
            columns = max(columns, max(map(_column, set(letters))))
        fresh = chunk[overlap:] if overlap else chunk
        referenced += len(letters)
        found_rows += fresh.count(b"<row")
        found_cells += fresh.count(b"<c")  # cells, and a few other tags: an upper bound
    # cells without a reference sit after the previous one: bound them by how many there are
    columns = max(columns, found_cells - referenced, 1)
    rows = max(rows, found_rows, 1)
    if rows * columns > limits.cells:
        raise _refuse(
            name,
            "limit.cells",
            sheet=label,
            rows=_count(rows),
            columns=_count(columns),
            limit=_count(limits.cells),
        )


def _check_ods(name: str, book: zipfile.ZipFile, limits: Limits) -> None:
    """Cells as the repeat counts make them: the grid from the first cell to the last one with content.

    Like the reader, empty cells and rows repeated after the last content (LibreOffice writes a
    row of 16 384 empty cells repeated to row 1 048 576) count for nothing; repeated ones before
    content count every time.
    """
    total = 0
    rows = width = row = 0  # the sheet's rows and columns with content so far, and the next row
    row_repeat, position, last = 1, 0, 0
    for chunk, overlap in _chunks(book, "content.xml"):
        if b"<!" in chunk and _DTD.search(chunk):
            raise _refuse(name, "format.dtd", member="content.xml")
        for match in _ODS.finditer(chunk, overlap):
            kind, attributes, closed = match.groups()
            if kind == b"table-row":
                found = _REPEAT_ROWS.search(attributes)
                row_repeat, position, last = (int(found.group(1)) if found else 1), 0, 0
                if closed:
                    row += row_repeat
            elif kind is not None:  # a cell, or a cell covered by a merge
                found = _REPEAT_COLS.search(attributes)
                position += int(found.group(1)) if found else 1
                if not closed or b"value-type" in attributes:
                    last = position
            elif match.group(0).startswith(b"</"):  # the row's end
                row += row_repeat
                if last:
                    rows, width = row, max(width, last)
            else:  # a new sheet
                total += rows * width
                rows = width = row = 0
            if total + rows * width > limits.cells:
                raise _refuse(name, "limit.repeated", limit=_count(limits.cells))


# --- parquet -----------------------------------------------------------------------------------


def _check_parquet(name: str, data: bytes, limits: Limits) -> None:
    try:
        meta = pq.ParquetFile(pa.BufferReader(data)).metadata
    except (pa.ArrowException, OSError, ValueError, MemoryError):
        raise _refuse(name, "format.broken_parquet") from None
    if meta.num_columns > limits.columns:
        raise _refuse(name, "limit.columns", n=meta.num_columns, limit=limits.columns)
    cells = meta.num_rows * max(meta.num_columns, 1)
    if cells > limits.cells:
        raise _refuse(
            name,
            "limit.parquet_rows",
            rows=_count(meta.num_rows),
            columns=meta.num_columns,
            limit=_count(limits.cells),
        )
    unpacked = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
    if unpacked > limits.unpacked_mb * MB:
        raise _refuse(name, "limit.unpacked", size=_mb(unpacked), limit=limits.unpacked_mb)


# --- CSV ---------------------------------------------------------------------------------------


def _check_csv(name: str, data: bytes, limits: Limits) -> None:
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not utf16 and b"\x00" in data:
        raise _refuse(name, "format.nul")
    window = limits.line_kb * 1024 * (2 if utf16 else 1)
    # a window without a line break is a line at least that long; windows start every half window,
    # so every line one and a half windows long is seen
    step = window // 2
    for start in range(0, max(len(data) - window + 1, 1), step):
        end = min(start + window, len(data))
        if end - start == window and data.find(b"\n", start, end) < 0 and data.find(b"\r", start, end) < 0:
            raise _refuse(name, "limit.line", limit=limits.line_kb)
    text = data[: 1 << 20].decode("utf-16" if utf16 else "latin-1", errors="replace")
    for line in text.splitlines()[:200]:
        widest = max(line.count(";"), line.count(","), line.count("\t")) + 1
        if widest > limits.columns:
            raise _refuse(name, "limit.columns", n=widest, limit=limits.columns)
