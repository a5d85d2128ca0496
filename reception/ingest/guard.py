"""What a file may be before any reader touches it, judged by reading what it says about itself.

The readers trust what a file says about itself: calamine allocates the grid a sheet declares
(A1:XFD1048576 is 17 billion cells, and the process aborts), an ods cell repeated a million times
is a million cells, an xls's records name cells 65 535 rows apart, a parquet footer's row count is
what Arrow will build. So before reading, :func:`check` reads what the file says about its size,
and parses (never searches) the parts that say it: a zip's member list (sizes, compression ratio,
count, names, encryption, nested archives); every part of an xlsx that may be read as a sheet, found
through the workbook's relationships, with its declared dimension and the cells its references
reach, and the prolog of every other XML part (no DTD, no entities); an ods's repeat counts and the
text they make (:mod:`reception.ingest.workbook`); an xls's records (:mod:`reception.ingest.biff`);
a parquet footer; and every line of a CSV, for its length and its columns. Anything beyond the
limits (:mod:`reception.ingest.limits`) is refused with the file's name and the limit it broke; the
reading itself runs in a child process (:mod:`reception.ingest.isolate`) with a memory ceiling and
a time limit as the last line.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import PurePath

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from reception.ingest import biff, workbook, xmlscan
from reception.ingest.limits import (
    COMMAND_LINE,
    DECK,
    MB,
    UPLOAD,
    WEIGHTS,
    Limits,
    active,
    count,
    refused,
    size_mb,
    use,
)

__all__ = ["COMMAND_LINE", "DECK", "MB", "UPLOAD", "WEIGHTS", "Limits", "active", "check", "use"]

OLE = biff.SIGNATURE
NESTED = (".zip", ".xlsx", ".xlsm", ".xlsb", ".ods", ".docx", ".pptx", ".jar", ".gz", ".7z", ".rar")
CSV_BLOCK = 1 << 24  # a CSV's lines are measured this many bytes at a time


def check(name: str, data: bytes, limits: Limits | None = None) -> None:
    """Refuse the file if it is beyond a limit or a kind that is never read; else return.

    Raises:
        IngestRefused: naming the file and the limit (code ``limit.*``) or the kind (``format.*``).
    """
    limits = limits or active()
    if len(data) > limits.file_mb * MB:
        raise refused(name, "limit.file", size=size_mb(len(data)), limit=limits.file_mb)
    suffix = PurePath(name).suffix.lower()
    if data.startswith(OLE):
        biff.check(name, data, limits)
    elif data[:4] == b"PAR1" or (suffix == ".parquet" and data[:4] != b"PK\x03\x04"):
        _check_parquet(name, data, limits)
    elif data[:2] == b"PK" or suffix in (".xlsx", ".xlsm", ".xlsb", ".ods"):
        _check_zip(name, data, suffix, limits)
    elif suffix != ".xls":
        _check_csv(name, data, limits)


# --- zip (xlsx, ods) ----------------------------------------------------------------------------


def _check_zip(name: str, data: bytes, suffix: str, limits: Limits) -> None:
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
        infos = book.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise refused(name, "format.broken_zip") from None
    if len(infos) > limits.members:
        raise refused(name, "limit.members", n=len(infos), limit=limits.members)
    total = sum(info.file_size for info in infos)
    if total > limits.unpacked_mb * MB:
        raise refused(name, "limit.unpacked", size=size_mb(total), limit=limits.unpacked_mb)
    names = {info.filename for info in infos}
    if len(names) < len(infos):  # two members of one name: one is checked, the reader may take the other
        raise refused(name, "format.broken_zip")
    if suffix == ".xlsb" or "xl/workbook.bin" in names:
        raise refused(name, "format.xlsb")
    if suffix == ".xlsm" or any(n.lower().endswith("vbaproject.bin") for n in names):
        raise refused(name, "format.macros")
    for info in infos:
        if info.flag_bits & 0x1:
            raise refused(name, "format.encrypted")
        if info.filename.lower().endswith(NESTED):
            raise refused(name, "format.nested", member=info.filename)
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > MB and ratio > limits.ratio:
            raise refused(name, "limit.ratio", member=info.filename, ratio=int(ratio), limit=limits.ratio)
    try:
        if "xl/sharedStrings.xml" in names:
            size = book.getinfo("xl/sharedStrings.xml").file_size
            if size > limits.shared_strings_mb * MB:
                raise refused(
                    name, "limit.shared_strings", size=size_mb(size), limit=limits.shared_strings_mb
                )
        sheets = workbook.sheets(name, book, names, limits)
        for member in sorted(names - sheets.keys() - {"content.xml"}):
            if member.lower().endswith((".xml", ".rels")):
                xmlscan.read(name, book, member)  # the prolog: no DTD
        for member in sorted(sheets):
            workbook.check_sheet(name, book, member, sheets[member], limits)
        if "content.xml" in names:
            workbook.check_ods(name, book, limits)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
        # a member that does not unpack: truncated, a method zipfile lacks, or a password
        raise refused(name, "format.broken_zip") from None


# --- parquet -----------------------------------------------------------------------------------


def _check_parquet(name: str, data: bytes, limits: Limits) -> None:
    try:
        meta = pq.ParquetFile(pa.BufferReader(data)).metadata
    except (pa.ArrowException, OSError, ValueError, MemoryError):
        raise refused(name, "format.broken_parquet") from None
    if meta.num_columns > limits.columns:
        raise refused(name, "limit.columns", n=meta.num_columns, limit=limits.columns)
    cells = meta.num_rows * max(meta.num_columns, 1)
    if cells > limits.cells:
        raise refused(
            name,
            "limit.parquet_rows",
            rows=count(meta.num_rows),
            columns=meta.num_columns,
            limit=count(limits.cells),
        )
    unpacked = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
    if unpacked > limits.unpacked_mb * MB:
        raise refused(name, "limit.unpacked", size=size_mb(unpacked), limit=limits.unpacked_mb)


# --- CSV ---------------------------------------------------------------------------------------


def _check_csv(name: str, data: bytes, limits: Limits) -> None:
    """Every line of the file: none longer than the line limit, none with more fields than the
    column limit (a line with that many separators is at least that long, so only long lines are
    counted; lines are found a block at a time, by NumPy)."""
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if not utf16 and b"\x00" in data:
        raise refused(name, "format.nul")
    text = data.decode("utf-16", "replace").encode("utf-8") if utf16 else data
    line_limit = limits.line_kb * 1024
    end_of_last = -1  # where the last line break seen stands
    ending = 10 if b"\n" in text or b"\r" not in text else 13  # LF (or CR LF); CR alone in old Mac files
    for block_start in range(0, max(len(text), 1), CSV_BLOCK):
        block = np.frombuffer(text, np.uint8, min(CSV_BLOCK, len(text) - block_start), block_start)
        breaks = np.flatnonzero(block == ending) + block_start
        if not len(breaks):
            if block_start + len(block) - end_of_last - 1 > line_limit:
                raise refused(name, "limit.line", limit=limits.line_kb)
            continue
        lengths = np.diff(breaks, prepend=end_of_last) - 1
        end_of_last = int(breaks[-1])
        _long_lines(name, text, breaks, lengths, limits, line_limit)
    if len(text) - end_of_last - 1 > line_limit:
        raise refused(name, "limit.line", limit=limits.line_kb)
    _widest(name, text[end_of_last + 1 :], limits)


def _long_lines(name, text: bytes, breaks, lengths, limits: Limits, line_limit: int) -> None:
    if int(lengths.max()) > line_limit:
        raise refused(name, "limit.line", limit=limits.line_kb)
    for at in np.flatnonzero(lengths >= limits.columns - 1):  # only these can hold too many fields
        end = int(breaks[at])
        _widest(name, text[end - int(lengths[at]) : end], limits)


def _widest(name: str, line: bytes, limits: Limits) -> None:
    widest = max(line.count(b";"), line.count(b","), line.count(b"\t")) + 1
    if widest > limits.columns:
        raise refused(name, "limit.columns", n=widest, limit=limits.columns)
