"""What an Excel 97–2003 file (xls) makes the reader build, read from its records before it runs.

An xls is a compound file (OLE) holding a ``Workbook`` stream (``Book`` before Excel 97) of BIFF
records. calamine reserves the grid a sheet's DIMENSIONS record declares, builds one from the
farthest cells its cell records name, and sizes the table of texts by the count the SST record
declares, before reading a value: a 10 KB file can ask for a terabyte. So the compound file is read
here (its sector chains followed with a bound, so a loop in them ends), and every record of the
stream is walked: the workbook's own records (a password, FILEPASS; the texts; where each sheet
starts), then each sheet from where the workbook says it starts, as calamine walks it.
"""

from __future__ import annotations

import struct

from reception.ingest.limits import Limits, count, refused
from reception.ingest.problems import column_letter

SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
FREE, END_OF_CHAIN = 0xFFFFFFFF, 0xFFFFFFFE
STREAMS = ("workbook", "book")  # the workbook stream's names, as calamine looks for them
# records (MS-XLS 2.3): the ones that say how big something is, or where a cell is
BOF, EOF, FILEPASS, BOUNDSHEET, SST, DIMENSIONS = 0x0809, 0x000A, 0x002F, 0x0085, 0x00FC, 0x0200
CELLS = {0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x0006}  # number, label, boolerr, rk, labelsst, formula
MULRK = 0x00BD
U32 = 1 << 32


class _Broken(Exception):
    pass


def _sectors(data: bytes, shift: int) -> int:
    return max((len(data) >> shift) - 1, 0)


def _chain(table: list[int], first: int, limit: int) -> list[int]:
    """The sectors of a chain, each once: a loop or a sector beyond the file breaks the file."""
    chain, seen, sector = [], set(), first
    while sector != END_OF_CHAIN:
        if sector >= limit or sector in seen or sector >= len(table):
            raise _Broken
        seen.add(sector)
        chain.append(sector)
        sector = table[sector]
    return chain


def _read_chain(data: bytes, chain: list[int], size: int, shift: int, base: int = 0) -> bytes:
    step = 1 << shift
    return b"".join(data[base + (s << shift) : base + (s << shift) + step] for s in chain)[:size]


def streams(data: bytes) -> list[bytes]:
    """Every stream of a compound file named as a workbook stream is (calamine reads one of them).

    Raises:
        _Broken: the compound file's structure is not what it says.
    """
    if len(data) < 512 or not data.startswith(SIGNATURE):
        raise _Broken
    shift = struct.unpack_from("<H", data, 0x1E)[0]
    mini_shift = struct.unpack_from("<H", data, 0x20)[0]
    if shift not in (9, 12) or mini_shift != 6:
        raise _Broken
    fat_count, directory_first = struct.unpack_from("<II", data, 0x2C)
    mini_cutoff, mini_first, _, difat_first, difat_count = struct.unpack_from("<IIIII", data, 0x38)
    sector_size, limit = 1 << shift, _sectors(data, shift)
    if fat_count > limit or difat_count > limit:
        raise _Broken

    def sector(n: int) -> bytes:
        if n >= limit:
            raise _Broken
        start = (n + 1) << shift
        return data[start : start + sector_size]

    fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s not in (FREE, END_OF_CHAIN)]
    seen, next_difat = set(), difat_first
    while next_difat not in (FREE, END_OF_CHAIN) and len(fat_sectors) < fat_count + 1:
        if next_difat in seen:
            raise _Broken
        seen.add(next_difat)
        entries = struct.unpack(f"<{sector_size // 4}I", sector(next_difat))
        fat_sectors += [s for s in entries[:-1] if s not in (FREE, END_OF_CHAIN)]
        next_difat = entries[-1]
    fat: list[int] = []
    for n in fat_sectors[:fat_count]:
        fat += struct.unpack(f"<{sector_size // 4}I", sector(n))
    offset = sector_size  # sector 0 starts after the header, which is one sector long
    directory = _read_chain(data, _chain(fat, directory_first, limit), 1 << 40, shift, offset)
    entries = []
    for at in range(0, len(directory) - 127, 128):
        length = min(struct.unpack_from("<H", directory, at + 64)[0], 64)
        kind = directory[at + 66]
        start, size = struct.unpack_from("<IQ", directory, at + 116)
        name = directory[at : at + max(length - 2, 0)].decode("utf-16-le", "replace")
        entries.append((name, kind, start, size if shift == 12 else size & 0xFFFFFFFF))
    if not entries:
        raise _Broken
    root_start, root_size = entries[0][2], entries[0][3]
    found = []
    for name, kind, start, size in entries:
        if kind != 2 or name.lower() not in STREAMS:
            continue
        if size > len(data):
            raise _Broken  # a stream longer than the file could hold
        if size >= mini_cutoff:
            found.append(_read_chain(data, _chain(fat, start, limit), size, shift, offset))
            continue
        mini_stream = _read_chain(data, _chain(fat, root_start, limit), root_size, shift, offset)
        mini_fat_bytes = _read_chain(data, _chain(fat, mini_first, limit), 1 << 40, shift, offset)
        mini_fat = list(struct.unpack(f"<{len(mini_fat_bytes) // 4}I", mini_fat_bytes))
        found.append(_read_chain(mini_stream, _chain(mini_fat, start, len(mini_stream) >> 6), size, 6))
    return found


def _records(workbook: bytes, start: int):
    """(type, data) of each record from ``start`` until EOF or the stream's end."""
    at, end = start, len(workbook)
    while at + 4 <= end:
        kind, length = struct.unpack_from("<HH", workbook, at)
        body = workbook[at + 4 : at + 4 + length]
        at += 4 + length
        yield kind, body
        if kind == EOF:
            return


def _declared(body: bytes) -> tuple[int, str] | None:
    """The cells a DIMENSIONS record makes calamine reserve, and the range as Excel writes it."""
    if len(body) == 14:
        first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", body)
    elif len(body) == 10:
        first_row, last_row, first_col, last_col = struct.unpack_from("<HHHH", body)
    else:
        return None
    if last_row < 1 or last_col < 1:
        return None  # calamine then takes the first cell alone
    rows = (last_row - 1 - first_row) % U32 + 1  # calamine subtracts in unsigned 32-bit numbers
    columns = (last_col - 1 - first_col) % U32 + 1
    shown = f"{column_letter(first_col)}{first_row + 1}:{column_letter(last_col - 1)}{last_row}"
    return rows * columns, shown


def _sheet(name: str, workbook: bytes, start: int, label: str, limits: Limits) -> None:
    low_row = low_col = U32
    high_row = high_col = -1
    for kind, body in _records(workbook, start):
        if kind == DIMENSIONS and (declared := _declared(body)) and declared[0] > limits.cells:
            raise refused(name, "limit.dimension", sheet=label, ref=declared[1], limit=count(limits.cells))
        if kind in CELLS and len(body) >= 4:
            row, col = struct.unpack_from("<HH", body)
            low_row, high_row = min(low_row, row), max(high_row, row)
            low_col, high_col = min(low_col, col), max(high_col, col)
        elif kind == MULRK and len(body) >= 6:
            row, first = struct.unpack_from("<HH", body)
            last = struct.unpack_from("<H", body, len(body) - 2)[0]
            low_row, high_row = min(low_row, row), max(high_row, row)
            low_col, high_col = min(low_col, first, last), max(high_col, first, last)
    if high_row >= 0 and (high_row - low_row + 1) * (high_col - low_col + 1) > limits.cells:
        rows, columns = count(high_row - low_row + 1), count(high_col - low_col + 1)
        raise refused(name, "limit.cells", sheet=label, rows=rows, columns=columns, limit=count(limits.cells))


def check(name: str, data: bytes, limits: Limits) -> None:
    """Refuse an xls whose records declare or reach more than the limits, or that has a password.

    Raises:
        IngestRefused: ``format.encrypted``, ``format.broken_xls``, ``limit.sheets``,
            ``limit.dimension``, ``limit.cells`` or ``limit.strings``.
    """
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        raise refused(name, "format.encrypted")  # an xlsx with a password is a compound file too
    try:
        found = streams(data)
    except (_Broken, struct.error, IndexError, ValueError):
        raise refused(name, "format.broken_xls") from None
    if not found:
        raise refused(name, "format.broken_xls")
    for workbook in found:
        _workbook(name, workbook, limits)


def _sheet_name(body: bytes, number: int) -> str:
    """A BOUNDSHEET record's sheet name (BIFF8: a length, a flag, then Latin-1 or UTF-16)."""
    if len(body) < 8:
        return str(number)
    length, wide = body[6], body[7] & 1
    raw = body[8 : 8 + length * (2 if wide else 1)]
    return raw.decode("utf-16-le" if wide else "latin-1", "replace") or str(number)


def _workbook(name: str, workbook: bytes, limits: Limits) -> None:
    sheets: list[tuple[int, str]] = []
    for kind, body in _records(workbook, 0):
        if kind == FILEPASS and len(body) >= 2 and body[:2] != b"\0\0":
            raise refused(name, "format.encrypted")
        if kind == SST and len(body) >= 8:
            declared = struct.unpack_from("<i", body, 4)[0]
            # every text takes at least three bytes: a count beyond that is the file lying
            if declared < 0 or declared > len(workbook) // 3:
                raise refused(
                    name, "limit.strings", n=count(max(declared, 0)), limit=count(len(workbook) // 3)
                )
        if kind == BOUNDSHEET and len(body) >= 4:
            start = struct.unpack_from("<I", body)[0]
            if start >= len(workbook):
                raise refused(name, "format.broken_xls")
            sheets.append((start, _sheet_name(body, len(sheets) + 1)))
            if len(sheets) > limits.sheets:
                raise refused(name, "limit.sheets", n=len(sheets), limit=limits.sheets)
    for start, label in sheets:
        _sheet(name, workbook, start, label, limits)
