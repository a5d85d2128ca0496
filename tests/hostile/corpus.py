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
import string
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath
from xml.sax.saxutils import escape

import pyarrow as pa
import pyarrow.parquet as pq
import xlwt
from openpyxl import Workbook

from reception.ingest import biff

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
        command_line: what ``ingest`` on the command line does with it, when its larger limits
            make it another outcome than the upload's ('loaded').
    """

    id: str
    build: Callable[[], tuple[str, bytes]]
    expect: str
    stored: dict[str, float] | None = None
    command_line: str | None = None


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
    at: list[tuple[str, str]] | None = None,
) -> bytes:
    """A workbook with these sheets' XML (named ``names``, else Blad1, Blad2, ...), and any extra members.

    ``at`` says where each sheet is stored and how the workbook's relationship names it: (member,
    target); by default ``xl/worksheets/sheet1.xml`` named ``worksheets/sheet1.xml``.
    """
    n = len(sheets)
    names = names or [f"Blad{i}" for i in range(1, n + 1)]
    at = at or [(f"xl/worksheets/sheet{i}.xml", f"worksheets/sheet{i}.xml") for i in range(1, n + 1)]
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
        f'<Relationship Id="rId{i}" Type="{DOC}/worksheet" Target="{at[i - 1][1]}"/>' for i in range(1, n + 1)
    )
    book_rels = f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS}">{links}</Relationships>'
    members = [
        ("[Content_Types].xml", types.encode()),
        ("_rels/.rels", root.encode()),
        ("xl/workbook.xml", workbook.encode()),
        ("xl/_rels/workbook.xml.rels", book_rels.encode()),
    ]
    members += [(at[i][0], s) for i, s in enumerate(sheets)]
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


# --- what a grep did not see: quotes, spaces, prefixes, other places, other encodings ----------

FAR = (1048576, "XFD1048576")


def far_sheet(
    row_open: str = "<row r='{row}'>", cell: str = "<c r='{ref}'><v>1</v></c>", dim: str = ""
) -> bytes:
    """A sheet with A1 and the far corner, its attributes written as ``row_open`` and ``cell`` say."""
    body = (
        '<row r="1">' + cell_xml("A1", "Kommun") + "</row>"
        + row_open.format(row=FAR[0]) + cell.format(ref=FAR[1]) + "</row>"
    )  # fmt: skip
    return sheet_xml(body, prolog="", after="").replace(b"<sheetData>", dim.encode() + b"<sheetData>")


def cell_xml(ref: str, value: object) -> str:
    return cell(ref, value)


def far_quoted() -> tuple[str, bytes]:
    """The far corner in single quotes: 1.5 KB that made calamine ask for 512 GiB."""
    return "quoted.xlsx", xlsx([far_sheet()])


def far_spaced() -> tuple[str, bytes]:
    return "spaced.xlsx", xlsx([far_sheet('<row r = "{row}">', '<c\tr\n=\n"{ref}"><v>1</v></c>')])


def dimension_quoted() -> tuple[str, bytes]:
    body = rows_xml(kommuntal_rows())
    return "dimension_quoted.xlsx", xlsx(
        [sheet_xml(body).replace(b"<sheetData>", b"<dimension ref = 'A1:XFD1048576' /><sheetData>")]
    )


def dimension_twice() -> tuple[str, bytes]:
    """calamine takes the last dimension before the data: a small one first hides nothing."""
    body = rows_xml(kommuntal_rows())
    dims = b'<dimension ref="A1:C6"/><dimension ref="A1:XFD1048576"/><sheetData>'
    return "dimension_twice.xlsx", xlsx([sheet_xml(body).replace(b"<sheetData>", dims)])


def far_elsewhere(member: str, target: str) -> tuple[str, bytes]:
    """The far corner in a sheet stored where the workbook's relationship says, not the usual place."""
    stem = PurePath(member).name.replace(".", "_")
    return f"elsewhere_{stem}.xlsx", xlsx([far_sheet()], at=[(member, target)])


def far_prefixed() -> tuple[str, bytes]:
    """The elements written with a prefix of their own (x:row, x:c): the same elements to calamine."""
    body = (
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Kommun</x:t></x:is></x:c></x:row>'
        f'<x:row r="{FAR[0]}"><x:c r="{FAR[1]}"><x:v>1</x:v></x:c></x:row>'
    )
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="{MAIN}">'
        f"<x:sheetData>{body}</x:sheetData></x:worksheet>"
    ).encode()
    return "prefixed.xlsx", xlsx([sheet])


def far_entity() -> tuple[str, bytes]:
    """The far corner's letters written as character references (&#88; is X)."""
    return "entity.xlsx", xlsx(
        [far_sheet(cell='<c r="&#88;FD{row}"><v>1</v></c>'.replace("{row}", str(FAR[0])))]
    )


def wrapped_row(reference: str) -> tuple[str, bytes]:
    """A reference with no row number or row 0: calamine subtracts one and wraps round to 4 billion."""
    body = '<row r="1">' + cell("A1", "Kommun") + f'</row><row><c r="{reference}"><v>1</v></c></row>'
    return f"wrapped_{reference or 'empty'}.xlsx", xlsx([sheet_xml(body)])


def utf16_dtd() -> tuple[str, bytes]:
    """A DTD in a sheet written in UTF-16: no byte pattern sees it, the parser does."""
    xml = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE worksheet [<!ENTITY a "Stockholm">]>'
        f'<worksheet xmlns="{MAIN}"><sheetData>{rows_xml(kommuntal_rows())}</sheetData></worksheet>'
    )
    return "utf16_dtd.xlsx", xlsx([b"\xff\xfe" + xml.encode("utf-16-le")])


def utf16_dtd_in_relations() -> tuple[str, bytes]:
    rels = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r SYSTEM "http://elsewhere.invalid/x.dtd">'
        f'<Relationships xmlns="{RELS}"/>'
    )
    return "utf16_rels.xlsx", xlsx(
        [kommuntal_sheet()], extra=[("xl/_rels/other.xml.rels", b"\xff\xfe" + rels.encode("utf-16-le"))]
    )


def same_name_twice() -> tuple[str, bytes]:
    """Two members called sheet1.xml: a harmless one for whoever looks first, the far corner after."""
    data = xlsx([kommuntal_sheet()], extra=[("xl/worksheets/sheet1.xml", far_sheet())])
    return "twice.xlsx", data


def broken_sheet_xml() -> tuple[str, bytes]:
    body = rows_xml(kommuntal_rows())
    return "broken_xml.xlsx", xlsx([sheet_xml(body).replace(b"</sheetData>", b"</sheetDat>")])


def ods_quoted_repeats() -> tuple[str, bytes]:
    """Repeat counts in single quotes and with spaces, 935 bytes: ten billion cells."""
    row = (
        "<table:table-row table:number-rows-repeated = '100000'>"
        "<table:table-cell table:number-columns-repeated='100000' "
        "office:value-type='float' office:value='1'/></table:table-row>"
    )
    return "quoted.ods", ods(row)


def ods_spaces(count: int) -> tuple[str, bytes]:
    """One cell holding ``count`` spaces written as one text:s element."""
    cell_text = (
        '<table:table-cell office:value-type="string">'
        f'<text:p>Falun<text:s text:c="{count}"/></text:p></table:table-cell>'
    )
    return "spaces.ods", ods(f"<table:table-row>{cell_text}</table:table-row>")


def ods_repeated_text() -> tuple[str, bytes]:
    """A cell of 200 characters repeated 1 000 columns by 1 000 rows: a million cells, 200 MB of text."""
    text = "x" * 200
    row = (
        '<table:table-row table:number-rows-repeated="1000">'
        '<table:table-cell office:value-type="string" table:number-columns-repeated="1000">'
        f"<text:p>{text}</text:p></table:table-cell>"
        "</table:table-row>"
    )
    return "repeated_text.ods", ods(row)


def ods_other_prefix() -> tuple[str, bytes]:
    """The table namespace under another prefix: counted all the same."""
    row = (
        '<t:table-row xmlns:t="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        't:number-rows-repeated="100000"><t:table-cell t:number-columns-repeated="1000" '
        'office:value-type="float" office:value="1"/></t:table-row>'
    )
    return "other_prefix.ods", ods(row)


# --- xls: the records of an Excel 97-2003 file -------------------------------------------------


def xls_book(cells: dict[tuple[int, int], object]) -> bytes:
    book = xlwt.Workbook()
    sheet = book.add_sheet("Kommuntal 2024")
    for (row, col), value in cells.items():
        sheet.write(row, col, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _kommuntal_cells() -> dict[tuple[int, int], object]:
    cells = {}
    for i, row in enumerate(kommuntal_rows()):
        for j, value in enumerate(row):
            cells[i, j] = int(value) if isinstance(value, str) and value.isdigit() and j == 2 else value
    return cells


def xls_patched(data: bytes, kind: int, change, new_kind: int | None = None, nth: int = 0) -> bytes:
    """The file with the ``nth`` record of ``kind`` in its workbook stream rewritten by ``change``."""
    (stream,) = biff.streams(data)
    offset = data.find(stream[:512])
    at, seen, out = 0, 0, bytearray(data)
    while at + 4 <= len(stream):
        record, length = struct.unpack_from("<HH", stream, at)
        if record == kind:
            if seen == nth:
                body = change(bytes(stream[at + 4 : at + 4 + length]))
                assert len(body) == length
                out[offset + at + 4 : offset + at + 4 + length] = body
                if new_kind is not None:
                    out[offset + at : offset + at + 2] = struct.pack("<H", new_kind)
                return bytes(out)
            seen += 1
        at += 4 + length
    raise ValueError(f"no record {kind:#x}")


def xls_good() -> tuple[str, bytes]:
    return "kommuntal.xls", xls_book(_kommuntal_cells())


def xls_dimension() -> tuple[str, bytes]:
    """DIMENSIONS declaring four billion rows: calamine reserves them before reading a cell."""
    data = xls_book(_kommuntal_cells())
    return "dimension.xls", xls_patched(data, 0x0200, lambda b: struct.pack("<IIHHH", 0, 0xFFFFFFFF, 0, 3, 0))


def xls_far_cells() -> tuple[str, bytes]:
    """Cells at A1 and IV65536 under a small declared dimension: 16.7 million cells to build."""
    cells = {**_kommuntal_cells(), (65535, 255): 1}
    data = xls_book(cells)
    return "far_cells.xls", xls_patched(data, 0x0200, lambda b: struct.pack("<IIHHH", 0, 6, 0, 3, 0))


def xls_strings() -> tuple[str, bytes]:
    """A table of texts declaring two billion texts in a 6 KB file."""
    data = xls_book(_kommuntal_cells())
    return "strings.xls", xls_patched(data, 0x00FC, lambda b: b[:4] + struct.pack("<i", 0x7FFFFFFF) + b[8:])


def xls_sheet_beyond() -> tuple[str, bytes]:
    """A sheet said to start beyond the end of the stream."""
    data = xls_book(_kommuntal_cells())
    return "beyond.xls", xls_patched(data, 0x0085, lambda b: struct.pack("<I", 0x7FFFFFF0) + b[4:])


def xls_password() -> tuple[str, bytes]:
    """A FILEPASS record (a password): the code page record rewritten as one."""
    data = xls_book(_kommuntal_cells())
    return "password.xls", xls_patched(data, 0x0042, lambda b: b"\x01\x00", new_kind=0x002F)


def xls_fat_loop() -> tuple[str, bytes]:
    """The compound file's directory chain loops on itself."""
    data = bytearray(xls_book(_kommuntal_cells()))
    fat_sector = struct.unpack_from("<I", data, 0x4C)[0]
    directory = struct.unpack_from("<I", data, 0x30)[0]
    at = (fat_sector + 1) * 512 + directory * 4
    data[at : at + 4] = struct.pack("<I", directory)  # the directory's next sector: itself
    return "loop.xls", bytes(data)


# --- CSV: every line, every record ---------------------------------------------------------------


def csv_wide_late(columns: int, line: int) -> tuple[str, bytes]:
    """A normal file whose line ``line`` has ``columns`` fields: beyond the 200 lines once looked at."""
    rows = csv_text(kommuntal_rows()) + b"\r\n"
    rows += b"2080;Falun;20\r\n" * line
    return f"wide_late_{line}.csv", rows + b";".join([b"1"] * columns) + b"\r\n"


def csv_quoted_newlines(columns: int) -> tuple[str, bytes]:
    """A record of ``columns`` fields, each quoted with a line break inside: every line is short."""
    record = ";".join(['"x\n"'] * columns)
    return "quoted_newlines.csv", ("Kommun;Kommuntal\n" + record + "\n").encode()


def csv_long_field(kb: int, ragged: bool) -> tuple[str, bytes]:
    """A quoted field of ``kb`` KB spread over short lines; ``ragged``: a row wider than the header,
    so Arrow gives up and Python's reader reads the file (its own limit was 128 KB a field)."""
    field = "x\n" * (kb * 512)
    extra = ";2" if ragged else ""
    return f"long_field_{kb}.csv", (f'Kommun;Kommuntal\n"{field}";1{extra}\n').encode()


def csv_old_mac() -> tuple[str, bytes]:
    """Lines ended by CR alone, as old Macs saved them."""
    return "old_mac.csv", csv_text(kommuntal_rows()).replace(b"\r\n", b"\r")


# --- text that would become live content: links, images, HTML, a terminal's escapes ----------------

LIVE = [
    "![x](http://elsewhere.example/pixel.png)",
    "<img src=http://elsewhere.example/h.png>",
    "[se här](https://elsewhere.example)",
    "www.elsewhere.example",
    "anna@elsewhere.example",
    "Falun\x1b[2J\x1b]0;owned\x07",
    ":red[röd] :material/home: $x^2$",
]


def live_names() -> tuple[str, bytes]:
    """A weight or kommuntal table whose names are links, images, HTML and escape sequences."""
    rows = [["Kommun", "Kommuntal 2024"], *[[text, 10 + i] for i, text in enumerate(LIVE)]]
    return "live_names.csv", csv_text(rows)


def live_file_name() -> tuple[str, bytes]:
    """A good file under a name that is a link, an image and an escape sequence (no '/': a file name)."""
    name = "![x](http:elsewhere.example) www.elsewhere.example <img src=x> \x1b[2J kommuntal.csv"
    return name, csv_text(kommuntal_rows())


def live_sheet() -> tuple[str, bytes]:
    """A sheet named by a link, holding a name that is no municipality: the problem names both."""
    rows = [["Kommun", "Kommuntal 2024"], ["[se här](https://elsewhere.example)", 5]]
    return "live_sheet.xlsx", xlsx([sheet_xml(rows_xml(rows))], names=["![x](http:elsewhere.example)"])


def long_sheet_name_with_bad_rows(sheet_mb: int = 2, rows: int = 120) -> tuple[str, bytes]:
    """The file of the report: a sheet name of megabytes (letters that do not pack small), and rows
    whose names are no municipality: every problem once quoted the name (2.44 GB in the server)."""
    table = [["Kommun", "Kommuntal 2024"]] + [[f"Atlantis {i} " + "x" * 2000, i] for i in range(rows)]
    letters = random.Random(5).choices(string.ascii_letters, k=sheet_mb << 20)
    return "amplified.xlsx", xlsx([sheet_xml(rows_xml(table))], names=["Blad " + "".join(letters)])


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
    Case("CSV of 51 MB", lambda: csv_huge(51), "limit.file", command_line="loaded"),
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
    # what a grep did not see: quotes, spaces, prefixes, entities, other places, other encodings
    Case("the far corner in single quotes (1.5 KB)", far_quoted, "limit.cells"),
    Case("the far corner with spaces, tabs and line breaks around =", far_spaced, "limit.cells"),
    Case("a dimension in single quotes with spaces", dimension_quoted, "limit.dimension"),
    Case("a small dimension, then the far one", dimension_twice, "limit.dimension"),
    Case(
        "the far corner in a sheet under a subfolder",
        lambda: far_elsewhere("xl/worksheets/deep/data.xml", "worksheets/deep/data.xml"),
        "limit.cells",
    ),
    Case(
        "the far corner in a sheet stored as .bin",
        lambda: far_elsewhere("xl/worksheets/sheet1.bin", "/xl/worksheets/sheet1.bin"),
        "limit.cells",
    ),
    Case(
        "the far corner in a sheet outside the sheet folders",
        lambda: far_elsewhere("xl/data/sheet.xml", "data/sheet.xml"),
        "limit.cells",
    ),
    Case(
        "the far corner in a sheet named by a relative path",
        lambda: far_elsewhere("xl/worksheets/x/../sheet9.xml", "worksheets/x/../sheet9.xml"),
        "limit.cells",
    ),
    Case("the far corner with prefixed elements (x:row, x:c)", far_prefixed, "limit.cells"),
    Case("the far corner's letters as character references", far_entity, "limit.cells"),
    Case("a cell reference with row 0", lambda: wrapped_row("A0"), "limit.cells"),
    Case("a cell reference with no row number", lambda: wrapped_row("XFD"), "limit.cells"),
    Case("a DTD in a sheet written in UTF-16", utf16_dtd, "format.dtd"),
    Case("an external DTD in a relationships part in UTF-16", utf16_dtd_in_relations, "format.dtd"),
    Case("two members of the same name", same_name_twice, "format.broken_zip"),
    Case("a sheet that is not well-formed XML", broken_sheet_xml, "format.broken_xml"),
    Case("ods repeat counts in single quotes with spaces", ods_quoted_repeats, "limit.repeated"),
    Case("ods: one cell of a billion spaces (text:s)", lambda: ods_spaces(10**9), "limit.text"),
    Case("ods: a text cell repeated a million times", ods_repeated_text, "limit.text"),
    Case("ods: the table namespace under another prefix", ods_other_prefix, "limit.repeated"),
    Case("ods: a few spaces (text:s) in a name", lambda: ods_spaces(3), "refused"),
    # xls: what its records declare and reach
    Case("xls, good", xls_good, "loaded", TARGETS),
    Case("xls declaring four billion rows", xls_dimension, "limit.dimension"),
    Case("xls with cells at A1 and IV65536", xls_far_cells, "limit.cells", command_line="loaded"),
    Case("xls declaring two billion texts", xls_strings, "limit.strings"),
    Case("xls with a sheet beyond its stream", xls_sheet_beyond, "format.broken_xls"),
    Case("xls with a password (FILEPASS)", xls_password, "format.encrypted"),
    Case("xls whose directory chain loops", xls_fat_loop, "format.broken_xls"),
    # CSV: every line and every record
    Case("CSV with 3000 columns on line 5000", lambda: csv_wide_late(3000, 5000), "limit.columns"),
    Case("CSV with 3000 quoted fields over 3000 lines", lambda: csv_quoted_newlines(3000), "limit.columns"),
    Case("CSV with a quoted field of 600 KB over short lines", lambda: csv_long_field(600, False), "refused"),
    Case("CSV, ragged, with a quoted field of 600 KB", lambda: csv_long_field(600, True), "limit.field"),
    Case("CSV, ragged, with a quoted field of 200 KB", lambda: csv_long_field(200, True), "refused"),
    Case("CSV with old Mac line ends", csv_old_mac, "loaded", TARGETS),
    # text that would become live content where it is shown
    Case("names that are links, images, HTML and escape sequences", live_names, "refused"),
    Case("a good file whose name is a link and an escape sequence", live_file_name, "loaded", TARGETS),
    Case("a sheet named by a link", live_sheet, "refused"),
    Case("a sheet name of 2 MB quoted by 120 problems", long_sheet_name_with_bad_rows, "refused"),
]
