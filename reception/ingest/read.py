"""Files to grids: every sheet as columns of text, with the row numbers the user sees.

Excel (xlsx, xls, ods) is read with calamine, CSV with pyarrow (or Python's csv module for ragged
files), parquet with pyarrow. Every cell becomes text (numbers written plainly: 180, 12.5; dates as
ISO dates) or null when empty, so one set of rules reads them all; ``decimal`` says how the sheet
writes decimals in text cells. Row numbers are 1-based: Excel's row, or the CSV record (what Excel
shows when it opens the file); for parquet the header is row 1 and the data starts at row 2.
"""

from __future__ import annotations

import csv
import io
import math
import re
import struct
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from itertools import zip_longest
from pathlib import PurePath

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import python_calamine
from python_calamine import CalamineWorkbook

from reception.ingest import guard
from reception.ingest.limits import active, refused
from reception.ingest.problems import IngestRefused, Problem, coded, refuse

EXCEL = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
# the longest text a cell (or a sheet's name) keeps: no name, number, header or title an official
# file holds comes near it, and every pattern the importer matches cell text with then reads a
# bounded text, however long the file's cell is
MAX_CELL = 1000


@dataclass
class Sheet:
    """One sheet as a grid.

    Attributes:
        name: the sheet's name (Excel), else None.
        grid: columns c0..cN of text (null = empty cell); one row per row of the sheet.
        rows: the row number the user sees for each grid row.
        merged: merged ranges as (first_row, first_col, last_row, last_col), grid indices.
        decimal: ',' (Swedish: semicolon CSV, text in Excel) or '.' (comma-separated CSV).
        given_header: True when the first grid row is a header by construction (parquet).
        first_col: the sheet column of grid column c0 (0 = A), for column letters in messages.
        file: the file's name as the user gave it.
    """

    name: str | None
    grid: pa.Table
    rows: pa.Array
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    decimal: str = ","
    given_header: bool = False
    first_col: int = 0
    file: str = ""


def read(name: str, data: bytes) -> list[Sheet]:
    """Every sheet of a file. Raises IngestRefused for an empty file or an unknown format."""
    if not data:
        raise refuse(name, "empty_file")
    guard.check(name, data)  # the limits, judged from the outside before any reader runs
    suffix = PurePath(name).suffix.lower()
    kind = "CSV"
    try:
        if data[:4] == b"PAR1" or (suffix == ".parquet" and data[:4] != b"PK\x03\x04"):
            kind = "parquet"
            sheets = [read_parquet(name, data)]
        elif suffix in EXCEL or data[:4] in (b"PK\x03\x04", b"\xd0\xcf\x11\xe0"):
            kind = "Excel"
            sheets = read_excel(name, data)
        else:
            sheets = [read_csv(name, data)]
    except IngestRefused:
        raise
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # noqa: BLE001 - every reader's error, a Rust panic's too
        raise IngestRefused(name, [reader_problem(name, kind, error)]) from None
    for sheet in sheets:
        sheet.file = name
        sheet.name = sheet.name[:MAX_CELL] if sheet.name is not None else None
        sheet.grid = _capped(sheet.grid)
    return sheets


def _capped(grid: pa.Table) -> pa.Table:
    """Every cell cut to :data:`MAX_CELL` characters (a column is rewritten only if one is longer)."""
    columns = {}
    for name in grid.column_names:
        column = grid.column(name)
        longest = pc.max(pc.binary_length(column)).as_py() if len(column) else None
        if longest is not None and longest > MAX_CELL:  # bytes: at least as many as characters
            column = pc.utf8_slice_codeunits(column, 0, MAX_CELL)
        columns[name] = column
    return pa.table(columns)


def reader_problem(name: str, kind: str, error: BaseException) -> Problem:
    """What a reader's error means to the user, as a coded problem naming the file: never the error's
    class or words (they name the reader's insides, and may quote the file at any length)."""
    if isinstance(error, MemoryError):
        return coded(name, "limit.memory", limit=active().memory_mb)
    if isinstance(error, python_calamine.PasswordError):
        return coded(name, "format.encrypted")
    if isinstance(error, python_calamine.ZipError):
        return coded(name, "format.broken_zip")
    if isinstance(error, python_calamine.XmlError):
        return coded(name, "format.broken_parts", kind=kind)
    if isinstance(error, csv.Error | pa.ArrowInvalid) and kind == "CSV":
        return coded(name, "format.csv_quotes")
    if isinstance(error, UnicodeError):
        return coded(name, "not_utf8")
    return coded(name, "unreadable", kind=kind)


# --- Excel -----------------------------------------------------------------------------------


def _text(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, timedelta | time):
        return str(value)
    text = str(value)
    return text if text.strip() else None


def _texts(column: tuple) -> list[str | None]:
    """A column's cells as :func:`_text` writes them, with the kinds most cells are (text, whole
    numbers, dates, empty) written in line: a call per cell was half the time of reading a sheet."""
    out: list[str | None] = []
    keep = out.append
    for value in column:
        kind = value.__class__
        if kind is str:
            keep(value if value and not value.isspace() else None)
        elif kind is float and value.is_integer() and -1e15 < value < 1e15:
            keep(str(int(value)))
        elif value is None:
            keep(None)
        elif kind is date:
            keep(value.isoformat())
        else:
            keep(_text(value))
    return out


def read_excel(name: str, data: bytes) -> list[Sheet]:
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except (python_calamine.PasswordError, python_calamine.ZipError, python_calamine.XmlError):
        raise  # words of their own (reader_problem)
    except Exception:  # noqa: BLE001 - calamine's other errors: not a workbook it knows
        raise refuse(name, "not_excel") from None
    sheets = []
    for sheet_name in book.sheet_names:
        sheet = book.get_sheet_by_name(sheet_name)
        values = sheet.to_python(skip_empty_area=True)
        first_row, first_col = sheet.start if values else (0, 0)
        columns = zip_longest(*values) if values else ()
        grid = pa.table({f"c{j}": pa.array(_texts(col), pa.string()) for j, col in enumerate(columns)})
        merged = [
            (r0 - first_row, c0 - first_col, r1 - first_row, c1 - first_col)
            for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])
        ]
        rows = row_numbers(len(values), first_row + 1)
        sheets.append(Sheet(sheet_name, grid, rows, merged, decimal=",", first_col=first_col))
    return sheets


def row_numbers(count: int, first: int = 1) -> pa.Array:
    """``first``, ``first + 1`` ... for ``count`` rows, made by NumPy (Arrow from a Python range
    takes a second for a million rows)."""
    return pa.array(np.arange(first, first + count, dtype=np.int64))


# --- CSV -------------------------------------------------------------------------------------


def decode(name: str, data: bytes) -> pa.Buffer:
    """The file as UTF-8 without BOM: UTF-8 as it is (not copied), else Windows-1252 (what Swedish
    Excel writes) or UTF-16 (Excel's "Unicode text"), converted."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return pa.py_buffer(data.decode("utf-16").encode("utf-8"))
    buffer = pa.py_buffer(data)
    if data.startswith(b"\xef\xbb\xbf"):
        buffer = buffer.slice(3)
    if _is_utf8(buffer):
        return buffer
    try:
        return pa.py_buffer(data.decode("cp1252").encode("utf-8"))
    except UnicodeDecodeError as error:
        raise refuse(name, "not_utf8") from error


def _head(buffer: pa.Buffer, size: int) -> bytes:
    return buffer.slice(0, min(size, buffer.size)).to_pybytes()


def _is_utf8(buffer: pa.Buffer) -> bool:
    """Whether the bytes are valid UTF-8, checked by Arrow in place (no decoded copy of a big file)."""
    offsets = pa.py_buffer(struct.pack("<qq", 0, buffer.size))
    text = pa.Array.from_buffers(pa.large_string(), 1, [None, offsets, buffer])
    try:
        text.validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def sniff(sample: str) -> str:
    """The delimiter of a CSV sample: ';', ',' or tab (a one-column file gets ',')."""
    lines = [line for line in sample.splitlines()[:50] if line.strip()]
    try:
        return csv.Sniffer().sniff("\n".join(lines), delimiters=";,\t").delimiter
    except csv.Error:
        counts = {d: sum(line.count(d) for line in lines) for d in ";\t,"}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


def read_csv(name: str, data: bytes) -> Sheet:
    utf8 = decode(name, data)
    declared = re.match(rb"sep=(.)\r?\n", _head(utf8, 16))  # Excel's hint, not a row
    if declared:
        utf8 = utf8.slice(declared.end())
    sample = _head(utf8, 1 << 16).decode("utf-8", errors="ignore")
    delimiter = declared.group(1).decode() if declared else sniff(sample)
    whole = sample if utf8.size <= 1 << 16 else sample.rsplit("\n", 1)[0]
    width = max((len(r) for r in _records(name, whole, delimiter)), default=1)
    names = [f"c{j}" for j in range(width)]
    try:
        grid = pacsv.read_csv(
            pa.BufferReader(utf8),
            read_options=pacsv.ReadOptions(column_names=names, block_size=1 << 24),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
                null_values=[""],
            ),
        )
    except pa.ArrowInvalid:
        grid = _read_ragged(name, utf8, delimiter)
    grid = pa.table({n: _blank_to_null(grid.column(n)) for n in grid.column_names})
    rows = row_numbers(grid.num_rows)
    return Sheet(None, grid, rows, decimal="," if delimiter in ";\t" else ".")


def _records(name: str, text: str, delimiter: str):
    """The records of CSV text, as Python's reader makes them (a quoted field may hold line breaks),
    each no wider than the column limit and no field longer than the line limit.

    Raises:
        IngestRefused: ``limit.columns``, ``limit.field``, or ``format.csv_quotes``.
    """
    limits = active()
    csv.field_size_limit(limits.line_kb * 1024)  # this reading process's, set for each file it reads
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for record in reader:
            if len(record) > limits.columns:
                raise refused(name, "limit.columns", n=len(record), limit=limits.columns)
            yield record
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise refused(name, "limit.field", limit=limits.line_kb) from None
        raise refused(name, "format.csv_quotes") from None


def _read_ragged(name: str, utf8: pa.Buffer, delimiter: str) -> pa.Table:
    """Rows of different lengths (hand-made files), or quoted line breaks: Python's reader, padded
    to the widest row."""
    text = utf8.to_pybytes().decode("utf-8")
    records = list(_records(name, text, delimiter))
    width = max((len(r) for r in records), default=1)
    return pa.table(
        {
            f"c{j}": pa.array([r[j] if j < len(r) else None for r in records], pa.string())
            for j in range(width)
        }
    )


def _blank_to_null(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """Cells of only spaces are empty cells (null); the column is rewritten only if it has any."""
    blank = pc.or_(pc.utf8_is_space(column), pc.equal(column, ""))  # spaces only, or nothing
    if not pc.any(blank).as_py():
        return column
    return pc.if_else(blank, pa.scalar(None, pa.string()), column)


# --- parquet ---------------------------------------------------------------------------------


def read_parquet(name: str, data: bytes) -> Sheet:
    try:
        table = pq.read_table(io.BytesIO(data))
    except (pa.ArrowException, OSError):
        raise refuse(name, "not_parquet") from None
    columns = {}
    for j, column_name in enumerate(table.column_names):
        column = table.column(column_name)
        if pa.types.is_timestamp(column.type):
            column = pc.cast(column, pa.date32())
        try:
            text = pc.cast(column, pa.string())
        except pa.ArrowException:  # a list, a struct, a map: no cell of ours holds one
            raise refuse(name, "parquet_type", header=column_name, type=str(column.type)) from None
        header = pa.chunked_array([pa.array([column_name], pa.string())])
        columns[f"c{j}"] = pa.chunked_array(header.chunks + text.chunks)
    grid = _blank_strings(pa.table(columns))
    rows = row_numbers(grid.num_rows)
    return Sheet(None, grid, rows, decimal=".", given_header=True)


def _blank_strings(grid: pa.Table) -> pa.Table:
    return pa.table({n: _blank_to_null(grid.column(n)) for n in grid.column_names})
