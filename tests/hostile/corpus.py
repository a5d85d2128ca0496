"""Hostile and careless files, built by code: each with what the importer must do with it.

Every case is a :class:`Case`: a name for the test id, a builder returning (file name, bytes), and
the expected outcome: refused with a problem code (``limit.*``, ``format.*``, ``unreadable``), refused
by the importer's own checks (``refused``: a problem listed, no code), or loaded (``loaded``, with
a check of what was stored). Big files are made small on disk: zips whose members unpack to a
gigabyte are written as a deflate block repeated, parquet files of 50 M rows as runs of nulls.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape

import pyarrow as pa
import pyarrow.parquet as pq
from openpyxl import Workbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
KOMMUNER = [("0180", "Stockholm", 100), ("1480", "Göteborg", 60), ("2080", "Falun", 20)]
TARGETS = {code: target for code, _, target in KOMMUNER}


@dataclass
class Case:
    """One hostile file and what must happen to it.

    Attributes:
        id: the test id.
        build: () -> (file name, bytes).
        expect: 'limit.…'/'format.…'/'unreadable'/'crashed' (a refusal with that code),
            'refused' (the importer's own refusal, no code) or 'loaded'.
        stored: for 'loaded': {kommun_kod: target} that the store must then hold for 2024.
    """

    id: str
    build: Callable[[], tuple[str, bytes]]
    expect: str
    stored: dict[str, float] | None = None


# --- zip and xlsx by hand ----------------------------------------------------------------------


@dataclass
class Repeated:
    """A member's content as ``head + chunk * times + tail``, deflated without ever being whole."""

    head: bytes
    chunk: bytes
    times: int
    tail: bytes


def _deflated(content: bytes | Repeated) -> tuple[bytes, int, int]:
    """(raw deflate stream, crc32, uncompressed size)."""
    if isinstance(content, bytes):
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        return packer.compress(content) + packer.flush(), zlib.crc32(content), len(content)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    out = [packer.compress(content.head) + packer.flush(zlib.Z_FULL_FLUSH)]
    block = packer.compress(content.chunk) + packer.flush(zlib.Z_FULL_FLUSH)  # the same every time
    out += [block] * content.times
    out.append(packer.compress(content.tail) + packer.flush())
    crc = zlib.crc32(content.head)
    for _ in range(content.times):
        crc = zlib.crc32(content.chunk, crc)
    crc = zlib.crc32(content.tail, crc)
    size = len(content.head) + len(content.chunk) * content.times + len(content.tail)
    return b"".join(out), crc, size


def zip_bytes(members: list[tuple[str, bytes | Repeated]], *, flags: int = 0) -> bytes:
    """A zip written field by field (so sizes, flags and content can be anything)."""
    out, central = bytearray(), bytearray()
    for name, content in members:
        raw, crc, size = _deflated(content)
        encoded = name.encode()
        offset = len(out)
        out += struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, flags, 8, 0, 0x21, crc, len(raw), size, len(encoded), 0
        )
        out += encoded + raw
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50, 20, 20, flags, 8, 0, 0x21, crc, len(raw), size, len(encoded), 0, 0, 0, 0, 0, offset,
        )  # fmt: skip
        central += encoded
    count = len(members)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), len(out) - len(central), 0)
    return bytes(out)


def cell(ref: str, value: object) -> str:
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'
    return f'<c r="{ref}"><v>{value}</v></c>'


def rows_xml(rows: list[list[object]], first_row: int = 1) -> str:
    out = []
    for i, row in enumerate(rows, start=first_row):
        cells = "".join(cell(f"{chr(65 + j)}{i}", v) for j, v in enumerate(row) if v is not None)
        out.append(f'<row r="{i}">{cells}</row>')
    return "".join(out)


def sheet_xml(body: str, *, dimension: str | None = None, prolog: str = "", after: str = "") -> bytes:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<worksheet xmlns="{MAIN}">{dim}<sheetData>{body}</sheetData>{after}</worksheet>'
    ).encode()


def xlsx(
    sheets: list[bytes | Repeated],
    *,
    extra: list[tuple[str, bytes | Repeated]] = (),
    flags: int = 0,
    names: list[str] | None = None,
) -> bytes:
    """A workbook with these sheets' XML (named ``names``, else Blad1, Blad2, ...), and any extra members."""
    n = len(sheets)
    names = names or [f"Blad{i}" for i in range(1, n + 1)]
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, n + 1)
    )
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        f"{overrides}</Types>"
    )
    root = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS}">'
        f'<Relationship Id="rId1" Type="{DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    listed = "".join(
        f'<sheet name="{escape(names[i - 1], {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
        for i in range(1, n + 1)
    )
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{DOC}">'
        f"<sheets>{listed}</sheets></workbook>"
    )
    links = "".join(
        f'<Relationship Id="rId{i}" Type="{DOC}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, n + 1)
    )
    book_rels = f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS}">{links}</Relationships>'
    members = [
        ("[Content_Types].xml", types.encode()),
        ("_rels/.rels", root.encode()),
        ("xl/workbook.xml", workbook.encode()),
        ("xl/_rels/workbook.xml.rels", book_rels.encode()),
    ]
    members += [(f"xl/worksheets/sheet{i}.xml", s) for i, s in enumerate(sheets, start=1)]
    return zip_bytes(members + list(extra), flags=flags)


def kommuntal_rows(values: dict[str, object] | None = None) -> list[list[object]]:
    """A small kommuntal table: a title, a header, three municipalities; ``values`` replaces targets."""
    values = values or {}
    rows: list[list[object]] = [["Kommuntal 2024"], [], ["Kommunkod", "Kommun", "Kommuntal 2024"]]
    rows += [[code, name, values.get(code, target)] for code, name, target in KOMMUNER]
    return rows


def kommuntal_sheet(values: dict[str, object] | None = None, **kwargs) -> bytes:
    return sheet_xml(rows_xml(kommuntal_rows(values)), **kwargs)


def good_xlsx() -> bytes:
    return xlsx([kommuntal_sheet(dimension="A1:C6")])


# --- the cases ---------------------------------------------------------------------------------


def far_corner(dimension: str | None) -> tuple[str, bytes]:
    """One cell at A1 and one at XFD1048576: 1.9 KB that calamine reads as 17 billion cells."""
    body = '<row r="1">' + cell("A1", "Kommun") + '</row><row r="1048576">' + cell("XFD1048576", 1) + "</row>"
    return "far_corner.xlsx", xlsx([sheet_xml(body, dimension=dimension)])


def far_corner_hidden() -> tuple[str, bytes]:
    """The far cell's reference after a line break instead of a space, as if to slip past a scan."""
    body = (
        '<row r="1">' + cell("A1", "Kommun") + '</row><row\nr="1048576"><c\nr="XFD1048576"><v>1</v></c></row>'
    )
    return "far_corner_hidden.xlsx", xlsx([sheet_xml(body)])


def shared_string(size_mb: int) -> tuple[str, bytes]:
    head = f'<?xml version="1.0"?><sst xmlns="{MAIN}" count="1" uniqueCount="1"><si><t>'.encode()
    strings = Repeated(head, b"A" * (1 << 20), size_mb, b"</t></si></sst>")
    body = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    return "shared_string.xlsx", xlsx([sheet_xml(body)], extra=[("xl/sharedStrings.xml", strings)])


def padded_sheet(size_mb: int) -> tuple[str, bytes]:
    """A sheet padded with spaces: unpacks 1000 times larger than it is packed."""
    xml = sheet_xml(rows_xml(kommuntal_rows()))
    cut = xml.index(b"<sheetData>")
    return "padded.xlsx", xlsx([Repeated(xml[:cut], b" " * (1 << 20), size_mb, xml[cut:])])


def many_members(n: int) -> tuple[str, bytes]:
    return "many_members.xlsx", xlsx(
        [kommuntal_sheet()], extra=[(f"xl/media/m{i}.xml", b"<x/>") for i in range(n)]
    )


def many_sheets(n: int) -> tuple[str, bytes]:
    return f"sheets_{n}.xlsx", xlsx([sheet_xml(rows_xml([["x"]]))] * n)


def nested() -> tuple[str, bytes]:
    return "nested.xlsx", xlsx(
        [kommuntal_sheet()], extra=[("xl/embeddings/Microsoft_Excel_Worksheet.xlsx", good_xlsx())]
    )


def encrypted_member() -> tuple[str, bytes]:
    return "locked_member.xlsx", xlsx([kommuntal_sheet()], flags=0x1)


def encrypted_ole() -> tuple[str, bytes]:
    """What Excel writes for a workbook with a password: a compound file holding EncryptedPackage."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHHH", 0x3E, 3, 0xFFFE, 9)
    directory = "Root Entry".encode("utf-16-le").ljust(128, b"\0")
    directory += "EncryptionInfo".encode("utf-16-le").ljust(128, b"\0")
    directory += "EncryptedPackage".encode("utf-16-le").ljust(128, b"\0")
    return "locked.xlsx", header.ljust(512, b"\xff") + directory.ljust(512, b"\0") + random.Random(
        1
    ).randbytes(4096)


def xlsb() -> tuple[str, bytes]:
    return "binary.xlsb", zip_bytes(
        [("[Content_Types].xml", b"<Types/>"), ("xl/workbook.bin", b"\x83\x01\x00")]
    )


def xlsm() -> tuple[str, bytes]:
    return "macros.xlsm", xlsx(
        [kommuntal_sheet()], extra=[("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0" + bytes(60))]
    )


def macros_renamed() -> tuple[str, bytes]:
    return "macros_renamed.xlsx", xlsx([kommuntal_sheet()], extra=[("xl/vbaProject.bin", bytes(64))])


def dtd_in_sheet() -> tuple[str, bytes]:
    prolog = '<!DOCTYPE worksheet [<!ENTITY a "Stockholm">]>'
    return "dtd.xlsx", xlsx([kommuntal_sheet(prolog=prolog)])


def laughs() -> tuple[str, bytes]:
    """The billion laughs in the shared strings."""
    entities = '<!ENTITY l0 "ha">' + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    strings = (
        f'<?xml version="1.0"?><!DOCTYPE sst [{entities}]><sst xmlns="{MAIN}"><si><t>&l9;</t></si></sst>'
    )
    body = '<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
    return "laughs.xlsx", xlsx([sheet_xml(body)], extra=[("xl/sharedStrings.xml", strings.encode())])


def truncated(share: float) -> tuple[str, bytes]:
    data = good_xlsx()
    return f"truncated_{int(share * 100)}.xlsx", data[: int(len(data) * share)]


def corrupted_member() -> tuple[str, bytes]:
    """The sheet's deflate stream overwritten in the middle: the directory is fine, the data is not."""
    data = bytearray(good_xlsx())
    at = data.index(b"xl/worksheets/sheet1.xml") + len("xl/worksheets/sheet1.xml") + 20
    data[at : at + 40] = random.Random(2).randbytes(40)
    return "corrupted.xlsx", bytes(data)


def not_a_workbook() -> tuple[str, bytes]:
    return "text.xlsx", b"Kommun;Kommuntal\nStockholm;100\n"


def ods(content: str) -> bytes:
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    body = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Blad1">{content}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        book.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        book.writestr("content.xml", body, zipfile.ZIP_DEFLATED)
        book.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def ods_cell(value: object, repeat: int = 1) -> str:
    times = f' table:number-columns-repeated="{repeat}"' if repeat > 1 else ""
    if isinstance(value, str):
        return (
            f'<table:table-cell office:value-type="string"{times}><text:p>{value}</text:p></table:table-cell>'
        )
    return (
        f'<table:table-cell office:value-type="float" office:value="{value}"{times}>'
        f"<text:p>{value}</text:p></table:table-cell>"
    )


def ods_rows(rows: list[list[object]]) -> str:
    return "".join(
        "<table:table-row>"
        + "".join(ods_cell(v) if v is not None else "<table:table-cell/>" for v in row)
        + "</table:table-row>"
        for row in rows
    )


def ods_repeated() -> tuple[str, bytes]:
    """Under a kilobyte: one row of a thousand cells, repeated a hundred thousand times."""
    row = f'<table:table-row table:number-rows-repeated="100000">{ods_cell(1, 1000)}</table:table-row>'
    return "repeated.ods", ods(row)


def ods_good() -> tuple[str, bytes]:
    # the empty rows and columns LibreOffice writes after the data, repeated to the sheet's end
    tail = (
        '<table:table-row table:number-rows-repeated="1048570">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    )
    return "kommuntal.ods", ods(ods_rows(kommuntal_rows()) + tail)


def parquet(table: pa.Table, **kwargs) -> bytes:
    buffer = io.BytesIO()
    pq.write_table(table, buffer, **kwargs)
    return buffer.getvalue()


def parquet_rows() -> tuple[str, bytes]:
    """50 M rows in one row group, a few hundred kilobytes on disk."""
    rows = 50_000_000
    table = pa.table({"kommuntal": pa.nulls(rows, pa.int8())})
    return "rows.parquet", parquet(table, row_group_size=rows, use_dictionary=False, write_statistics=False)


def parquet_columns() -> tuple[str, bytes]:
    return "wide.parquet", parquet(pa.table({f"c{i}": pa.array([1], pa.int8()) for i in range(3000)}))


def parquet_truncated() -> tuple[str, bytes]:
    data = parquet(pa.table({"kommun": ["Stockholm"], "kommuntal": [100]}))
    return "cut.parquet", data[: len(data) - 20]


def parquet_good() -> tuple[str, bytes]:
    table = pa.table(
        {
            "kommunkod": [c for c, _, _ in KOMMUNER],
            "kommun": [n for _, n, _ in KOMMUNER],
            "kommuntal 2024": [t for _, _, t in KOMMUNER],
        }
    )
    return "kommuntal.parquet", parquet(table)


def csv_text(rows: list[list[object]], encoding: str = "utf-8") -> bytes:
    return "\r\n".join(";".join("" if v is None else str(v) for v in row) for row in rows).encode(encoding)


def csv_columns(n: int) -> tuple[str, bytes]:
    return f"columns_{n}.csv", (",".join(["1"] * n) + "\n").encode() * 5


def csv_one_line(mb: int) -> tuple[str, bytes]:
    return f"line_{mb}mb.csv", b"Kommun;" + b"x" * (mb << 20)


def csv_binary() -> tuple[str, bytes]:
    """Bytes that are not text but happen to decode as Windows-1252 (no NUL, no undefined byte)."""
    allowed = bytes(b for b in range(1, 256) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D))
    rng = random.Random(3)
    return "binary.csv", bytes(rng.choice(allowed) for _ in range(200_000))


def csv_nul() -> tuple[str, bytes]:
    return "nul.csv", csv_text(kommuntal_rows()).replace(b"Falun", b"Fa\x00lun")


def csv_mixed_encodings(codes: bool) -> tuple[str, bytes]:
    """Lines saved in UTF-8 and in Windows-1252 in one file: read as Windows-1252, the UTF-8 'Göteborg'
    is garbled ('GÃ¶teborg'). With codes the code says who it is; by name alone it must be refused,
    not matched to some municipality."""
    rows = [*kommuntal_rows(), ["1280", "Malmö", 30]]
    if not codes:
        rows = [row[1:] for row in rows]
    first = csv_text(rows[:5], "utf-8")  # ... Göteborg in UTF-8
    rest = csv_text(rows[5:], "cp1252")  # Falun, Malmö in Windows-1252
    return f"mixed_{'codes' if codes else 'names'}.csv", first + b"\r\n" + rest


def csv_utf16() -> tuple[str, bytes]:
    return "unicode.csv", b"\xff\xfe" + csv_text(kommuntal_rows()).decode().replace(";", "\t").encode(
        "utf-16-le"
    )


def csv_huge(mb: int) -> tuple[str, bytes]:
    line = b"0180;Stockholm;100\r\n"
    return "huge.csv", b"Kommunkod;Kommun;Kommuntal 2024\r\n" + line * ((mb << 20) // len(line) + 1)


def openpyxl_book(rows: list[list[object]], merges: list[str] = ()) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Kommuntal 2024"
    for row in rows:
        sheet.append(row)
    for merge in merges:
        sheet.merge_cells(merge)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def excel_dates() -> tuple[str, bytes]:
    """A date where a count belongs (Excel turned '1/5' into the 1st of May)."""
    return "dates.xlsx", openpyxl_book(kommuntal_rows({"2080": datetime(2024, 5, 1)}))


def huge_number() -> tuple[str, bytes]:
    return "huge_number.xlsx", openpyxl_book(kommuntal_rows({"2080": 1e308}))


def negative_zero() -> tuple[str, bytes]:
    return "negative_zero.xlsx", openpyxl_book(kommuntal_rows({"2080": -0.0}))


def external_formula() -> tuple[str, bytes]:
    """A target computed from another workbook: the value Excel saved with it is what is read."""
    rows = kommuntal_rows()
    body = rows_xml(rows[:5]) + (
        '<row r="6">' + cell("A6", "2080") + cell("B6", "Falun")
        + "<c r=\"C6\"><f>'[1]Blad1'!C6</f><v>20</v></c></row>"
    )  # fmt: skip
    return "external.xlsx", xlsx([sheet_xml(body)])


def merged_headers(depth: int) -> tuple[str, bytes]:
    """Title rows merged across the sheet, one inside the other, above the table."""
    titles = [[f"Rubrik {i}"] for i in range(depth)]
    rows = titles + kommuntal_rows()[2:]
    merges = [f"A{i + 1}:Z{i + 1}" for i in range(depth)]
    return "merged.xlsx", openpyxl_book(rows, merges)


def xls_garbage() -> tuple[str, bytes]:
    return "garbage.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + random.Random(4).randbytes(8192)


CASES: list[Case] = [
    # sheets that declare or reach far more cells than they hold
    Case("dimension A1:XFD1048576 (1.9 KB)", lambda: far_corner("A1:XFD1048576"), "limit.dimension"),
    Case(
        "dimension A1:ZZ200000",
        lambda: ("zz.xlsx", xlsx([kommuntal_sheet(dimension="A1:ZZ200000")])),
        "limit.dimension",
    ),
    Case("cells at A1 and XFD1048576, no dimension", lambda: far_corner(None), "limit.cells"),
    Case("the far cell after a line break", far_corner_hidden, "limit.cells"),
    Case("a 1 GB shared string in a 1 MB file", lambda: shared_string(1024), "limit.unpacked"),
    Case("a sheet that unpacks 1000 times", lambda: padded_sheet(40), "limit.ratio"),
    Case("2000 members", lambda: many_members(2000), "limit.members"),
    Case("10 000 sheets", lambda: many_sheets(10_000), "limit.members"),
    Case("150 sheets", lambda: many_sheets(150), "limit.sheets"),
    Case("a workbook inside the workbook", nested, "format.nested"),
    # what is never read
    Case("encrypted xlsx (EncryptedPackage)", encrypted_ole, "format.encrypted"),
    Case("encrypted zip members", encrypted_member, "format.encrypted"),
    Case("xlsb", xlsb, "format.xlsb"),
    Case("macros (xlsm)", xlsm, "format.macros"),
    Case("macros in a file called xlsx", macros_renamed, "format.macros"),
    Case("a DTD in the sheet", dtd_in_sheet, "format.dtd"),
    Case("billion laughs in the shared strings", laughs, "format.dtd"),
    # broken files
    Case("truncated xlsx, half", lambda: truncated(0.5), "format.broken_zip"),
    Case("truncated xlsx, end cut", lambda: truncated(0.98), "format.broken_zip"),
    Case("corrupted deflate data", corrupted_member, "format.broken_zip"),
    Case("text called xlsx", not_a_workbook, "format.broken_zip"),
    Case("garbage called xls", xls_garbage, "refused"),
    Case("empty file", lambda: ("empty.csv", b""), "refused"),
    Case("empty xlsx name, no bytes", lambda: ("empty.xlsx", b""), "refused"),
    # ods
    Case("ods with a row of 1000 cells repeated 100 000 times", ods_repeated, "limit.repeated"),
    Case("ods with LibreOffice's empty tail", ods_good, "loaded", TARGETS),
    # parquet
    Case("parquet, 50 M rows in one row group", parquet_rows, "limit.parquet_rows"),
    Case("parquet, 3000 columns", parquet_columns, "limit.columns"),
    Case("parquet, truncated", parquet_truncated, "format.broken_parquet"),
    Case("parquet, good", parquet_good, "loaded", TARGETS),
    # CSV
    Case("CSV with a million columns", lambda: csv_columns(1_000_000), "limit.line"),
    Case("CSV with 3000 columns", lambda: csv_columns(3000), "limit.columns"),
    Case("CSV of one 20 MB line", lambda: csv_one_line(20), "limit.line"),
    Case("CSV of 51 MB", lambda: csv_huge(51), "limit.file"),
    Case("binary bytes that decode as Windows-1252", csv_binary, "refused"),
    Case("NUL bytes", csv_nul, "format.nul"),
    Case("header only", lambda: ("header.csv", b"Kommunkod;Kommun;Kommuntal 2024\r\n"), "refused"),
    Case(
        "header only, xlsx",
        lambda: ("header.xlsx", xlsx([sheet_xml(rows_xml(kommuntal_rows()[:3]))])),
        "refused",
    ),
    Case("mixed encodings, with codes", lambda: csv_mixed_encodings(True), "loaded", {**TARGETS, "1280": 30}),
    Case("mixed encodings, names only", lambda: csv_mixed_encodings(False), "refused"),
    Case("UTF-16 with BOM, tabs", csv_utf16, "loaded", TARGETS),
    # values where they don't belong
    Case("an Excel date where a count belongs", excel_dates, "refused"),
    Case("a number of 1e308", huge_number, "refused"),
    Case("negative zero", negative_zero, "loaded", {"0180": 100, "1480": 60, "2080": 0}),
    Case("a formula referencing another file", external_formula, "loaded", TARGETS),
    Case("deeply merged headers", lambda: merged_headers(40), "loaded", TARGETS),
]
