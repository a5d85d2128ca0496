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
from pathlib import PurePath

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from python_calamine import CalamineWorkbook

from reception.ingest import guard
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
    except MemoryError:
        raise IngestRefused(name, [coded(name, "limit.memory", limit=guard.active().memory_mb)]) from None
    except Exception as error:  # noqa: BLE001 - every reader's error (calamine, csv, Arrow, XML, zip, codecs)
        raise IngestRefused(name, [unreadable(name, kind, error)]) from None
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


def unreadable(name: str, kind: str, error: BaseException) -> Problem:
    """A reader's error as a problem: the error's kind and the first of its words (no paths: bytes only)."""
    said = " ".join(str(error).split())[:160]
    return coded(
        name,
        "unreadable",
        kind=kind,
        error=f"{type(error).__name__}: {said}" if said else type(error).__name__,
    )


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


def read_excel(name: str, data: bytes) -> list[Sheet]:
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as error:  # calamine raises its own error types for broken files
        raise refuse(name, "not_excel", error=str(error)) from error
    sheets = []
    for sheet_name in book.sheet_names:
        sheet = book.get_sheet_by_name(sheet_name)
        values = sheet.to_python(skip_empty_area=True)
        first_row, first_col = sheet.start if values else (0, 0)
        width = max((len(r) for r in values), default=0)
        columns = [[None] * len(values) for _ in range(width)]
        for i, row in enumerate(values):
            for j, value in enumerate(row):
                if value is not None and value != "":
                    columns[j][i] = _text(value)
        grid = pa.table({f"c{j}": pa.array(col, pa.string()) for j, col in enumerate(columns)})
        merged = [
            (r0 - first_row, c0 - first_col, r1 - first_row, c1 - first_col)
            for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])
        ]
        rows = pa.array(range(first_row + 1, first_row + 1 + len(values)), pa.int64())
        sheets.append(Sheet(sheet_name, grid, rows, merged, decimal=",", first_col=first_col))
    return sheets


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
    sample_rows = list(csv.reader(io.StringIO(whole), delimiter=delimiter))
    width = max((len(r) for r in sample_rows), default=1)
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
        grid = _read_ragged(utf8, delimiter)
    grid = pa.table({n: _blank_to_null(grid.column(n)) for n in grid.column_names})
    rows = pa.array(range(1, grid.num_rows + 1), pa.int64())
    return Sheet(None, grid, rows, decimal="," if delimiter in ";\t" else ".")


def _read_ragged(utf8: pa.Buffer, delimiter: str) -> pa.Table:
    """Rows of different lengths (hand-made files): Python's reader, padded to the widest row."""
    text = utf8.to_pybytes().decode("utf-8")
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
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
    except (pa.ArrowInvalid, OSError) as error:
        raise refuse(name, "not_parquet", error=str(error)) from error
    columns = {}
    for j, column_name in enumerate(table.column_names):
        column = table.column(column_name)
        if pa.types.is_timestamp(column.type):
            column = pc.cast(column, pa.date32())
        text = pc.cast(column, pa.string())
        header = pa.chunked_array([pa.array([column_name], pa.string())])
        columns[f"c{j}"] = pa.chunked_array(header.chunks + text.chunks)
    grid = _blank_strings(pa.table(columns))
    rows = pa.array(range(1, grid.num_rows + 1), pa.int64())
    return Sheet(None, grid, rows, decimal=".", given_header=True)


def _blank_strings(grid: pa.Table) -> pa.Table:
    return pa.table({n: _blank_to_null(grid.column(n)) for n in grid.column_names})
