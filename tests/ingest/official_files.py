"""Official files, built in the layouts Migrationsverket and the county boards publish, with their quirks.

Every builder returns an :class:`Official`: the file's name and bytes, the sheet that holds the table,
and where each labelled row landed (the row number Excel shows, or the CSV line), so tests can expect
problems at exact places. The numbers are small and made up; the expected stored values are worked out
from the same entries the file is built from, so a test reads its expectation next to the fixture.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

NBSP = "\u00a0"

# suppression markers as the publications print them (blank is None)
SUPPRESSED = ("..", "-", "x", None)


@dataclass
class Official:
    """A built file: what a user would drop on the app."""

    name: str
    data: bytes
    sheet: str | None = None
    rows: dict[str, list[int]] = field(default_factory=dict)

    def row(self, label: str, occurrence: int = 0) -> int:
        """The row number (Excel) or line (CSV) where ``label`` was written."""
        return self.rows[label][occurrence]

    def write(self, folder) -> object:
        path = folder / self.name
        path.write_bytes(self.data)
        return path


# --- low-level writers -------------------------------------------------------------------------


class _Sheet:
    """Rows appended one by one, remembering where each labelled row landed."""

    def __init__(self, ws):
        self.ws = ws
        self.rows: dict[str, list[int]] = {}

    @property
    def next_row(self) -> int:
        return self.ws.max_row + 1 if self.ws.max_row > 1 or self.ws["A1"].value is not None else 1

    def add(self, values: list, label: str | None = None) -> int:
        row = self.next_row
        for col, value in enumerate(values, start=1):
            if value is not None:
                self.ws.cell(row=row, column=col, value=value)
        if not any(v is not None for v in values):
            # a blank row still takes its place: mark it so max_row moves on
            self.ws.cell(row=row, column=1, value=None)
            self.ws.row_dimensions[row].height = 15
        if label is not None:
            self.rows.setdefault(label, []).append(row)
        return row

    def blank(self) -> int:
        return self.add([None])


class _Book:
    def __init__(self):
        self.wb = Workbook()
        self._first = True
        self.rows: dict[str, list[int]] = {}

    def sheet(self, title: str) -> _Sheet:
        if self._first:
            ws = self.wb.active
            ws.title = title
            self._first = False
        else:
            ws = self.wb.create_sheet(title)
        return _Sheet(ws)

    def bytes(self) -> bytes:
        out = io.BytesIO()
        self.wb.save(out)
        return out.getvalue()


def csv_bytes(lines: list[list[object]], *, sep: str = ";", encoding: str = "cp1252") -> bytes:
    """CSV as Swedish Excel saves it: CRLF, the given separator and encoding (utf-8-sig adds the BOM)."""
    text = "\r\n".join(sep.join("" if v is None else str(v) for v in line) for line in lines) + "\r\n"
    return text.encode(encoding)


def swedish_number(value: int | float, *, thousands: str = " ", decimals: int | None = None) -> str:
    """1882 -> '1 882'; 3.45 -> '3,45' (decimal comma)."""
    if isinstance(value, float) or decimals is not None:
        text = f"{value:,.{decimals if decimals is not None else 2}f}"
    else:
        text = f"{value:,}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", thousands)


# --- the reference: municipalities the fixtures use (codes as Statistics Sweden has them) ------

LAN = {
    "01": "Stockholms län",
    "07": "Kronobergs län",
    "09": "Gotlands län",
    "14": "Västra Götalands län",
    "20": "Dalarnas län",
}


# --- Migrationsverket: "Kommunmottagande med kommuntal 2024" --------------------------------


@dataclass(frozen=True)
class Target:
    lan: str  # county name as printed
    kommun: str  # municipality as printed
    kod: str  # what it must be stored as
    target: object  # kommuntal (normally int; tests put bad values here)
    received: object = None  # "Anvisade"


KOMMUNTAL_2024 = [
    Target("Stockholms län", "Stockholm", "0180", 1882, 1301),
    Target("Stockholms län", "Upplands Väsby", "0114", 88, 60),
    Target("Stockholms län", "Nacka", "0182", 205, 190),
    Target("Gotlands län", "Region Gotland", "0980", 64, 41),
    Target("Kronobergs län", "Växjö", "0780", 190, 170),
    Target("Kronobergs län", "Ljungby", "0781", 60, 58),
    Target("Dalarnas län", "Falun", "2080", 120, 97),
    Target("Dalarnas län", "Borlänge", "2081", 110, 110),
    Target("Dalarnas län", "Malung-Sälen", "2023", 22, 9),
    Target("Dalarnas län", "Vansbro", "2021", 14, 3),
]

# how each county's subtotal row is drawn: the three styles the publications use
SUBTOTAL_STYLE = {
    "Stockholms län": "summa",  # Kommun cell "Summa Stockholms län"
    "Gotlands län": "county_in_kommun",  # Kommun cell "Gotlands län"
    "Kronobergs län": "empty_kommun",  # Län cell "Kronobergs län", Kommun cell empty
    "Dalarnas län": "summa",
}


def _parse(value) -> int | None:
    """A count as printed: 1882, or text like "1 882" with a space or no-break space; else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        text = value.replace(" ", "").replace(NBSP, "")
        if re.fullmatch(r"-?\d+", text):
            return int(text)
    return None


def _num(value) -> int:
    """For subtotals: what the cell adds, 0 for text and suppressed cells."""
    parsed = _parse(value)
    return 0 if parsed is None else parsed


def kommuntal_xlsx(
    entries: list[Target] = KOMMUNTAL_2024,
    *,
    year: int | None = 2024,
    name: str | None = None,
    sheet: str | None = None,
    subtotal_off_by: dict[str, int] | None = None,
    with_other_sheets: bool = False,
    title: str | None = None,
) -> Official:
    """The kommuntal sheet: title rows, blank, header, county name on its first row only, a subtotal
    per county, "Riket", footnotes. ``subtotal_off_by`` makes a county's subtotal disagree."""
    book = _Book()
    if with_other_sheets:
        about = book.sheet("Om statistiken")
        about.add(["Om statistiken"])
        about.add(["Tabellen visar kommuntal enligt bosättningslagen (2016:38) och hur många som anvisats."])
        about.add(["Kontakt", "statistik@migrationsverket.se"])
        about.add([None])
        about.add(["Uppdateras", "varje månad"])
    sheet_name = sheet or (f"Kommuntal {year}" if year else "Blad1")
    ws = book.sheet(sheet_name)
    ws.add(
        [title or (f"Kommunmottagande med kommuntal {year}" if year else "Kommunmottagande med kommuntal")]
    )
    ws.add(["Källa: Migrationsverket"])
    ws.add(
        [
            f"Statistiken avser perioden till och med {year or 2024}-10-31"
            if year
            else "Uppdaterad varje månad"
        ]
    )
    ws.blank()
    ws.add(["Län", "Kommun", "Kommuntal", "Anvisade", "Kvar att anvisa"], label="header")
    off = subtotal_off_by or {}
    total_t = total_r = 0
    counties: list[str] = []
    for e in entries:
        if e.lan not in counties:
            counties.append(e.lan)
    for lan in counties:
        members = [e for e in entries if e.lan == lan]
        sum_t = sum(_num(e.target) for e in members)
        sum_r = sum(_num(e.received) for e in members)
        for i, e in enumerate(members):
            numbers = _parse(e.target) is not None and _parse(e.received) is not None
            remaining = _num(e.target) - _num(e.received) if numbers else None  # else Excel shows #VÄRDEFEL!
            ws.add([lan if i == 0 else None, e.kommun, e.target, e.received, remaining], label=e.kommun)
        style = SUBTOTAL_STYLE.get(lan, "summa")
        shown_t = sum_t + off.get(lan, 0)
        if style == "summa":
            cells = [None, f"Summa {lan}"]
        elif style == "county_in_kommun":
            cells = [None, lan]
        else:
            cells = [lan, None]
        ws.add([*cells, shown_t, sum_r, shown_t - sum_r], label=f"subtotal {lan}")
        total_t += sum_t
        total_r += sum_r
    ws.add(["Riket", None, total_t, total_r, total_t - total_r], label="Riket")
    ws.blank()
    ws.add(
        ["1) Kommuntalen för 2024 reviderades i juli och i november (Förordning 2016:40, ändrad)."],
        label="note 1",
    )
    ws.add(["2) Anvisade avser personer som anvisats till och med månadens sista dag."], label="note 2")
    if with_other_sheets:
        diagram = book.sheet("Diagram")
        diagram.add([None])
    return Official(
        name=name or f"Kommunmottagande_med_kommuntal_{year or 'utan_ar'}.xlsx",
        data=book.bytes(),
        sheet=sheet_name,
        rows=ws.rows,
    )


def kommuntal_csv(
    entries: list[Target] = KOMMUNTAL_2024,
    *,
    year: int | None = 2024,
    encoding: str = "cp1252",
    name: str | None = None,
    codes_as_numbers: bool = True,
) -> Official:
    """The kommuntal table saved from Swedish Excel as CSV: semicolons, an År column, codes that lost
    their leading zero, thousands with a space (kommuntal) and a no-break space (anvisade)."""
    header = (["År"] if year else []) + ["Kommunkod", "Kommun", "Kommuntal", "Anvisade"]
    lines: list[list[object]] = [header]
    rows: dict[str, list[int]] = {"header": [1]}
    for e in entries:
        code = str(int(e.kod)) if codes_as_numbers else e.kod
        target = swedish_number(e.target, thousands=" ") if isinstance(e.target, int) else e.target
        received = swedish_number(e.received, thousands=NBSP) if isinstance(e.received, int) else e.received
        lines.append(([year] if year else []) + [code, e.kommun, target, received])
        rows.setdefault(e.kommun, []).append(len(lines))
    suffix = "utf8" if encoding.startswith("utf") else "ansi"
    return Official(
        name=name or f"kommuntal_{year or 'x'}_{suffix}.csv",
        data=csv_bytes(lines, encoding=encoding),
        rows=rows,
    )


def sheet_as_csv(f: Official, *, encoding: str = "cp1252", name: str | None = None) -> Official:
    """A sheet as Swedish Excel's "Spara som CSV" writes it: every row a line (title, blank, footnote rows
    too), empty cells as nothing between semicolons, numbers as shown, with a no-break space between
    thousands. Lines are numbered as the sheet's rows were."""
    ws = load_workbook(io.BytesIO(f.data))[f.sheet]
    lines = [
        [swedish_number(v, thousands=NBSP) if isinstance(v, int | float) else v for v in row]
        for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column, values_only=True)
    ]
    return Official(
        name=name or f.name.rsplit(".", 1)[0] + ".csv",
        data=csv_bytes(lines, encoding=encoding),
        rows=f.rows,
    )


def with_formulas(f: Official) -> Official:
    """The kommuntal sheet as Excel saves it when sums are formulas: "Kvar att anvisa" is =C-D on every
    row, subtotals are =SUMMA(...) and "Riket" adds the subtotals; each formula keeps the value Excel
    computed (the cached value), which is what a reader must use."""
    wb = load_workbook(io.BytesIO(f.data))
    ws = wb[f.sheet]
    cached: dict[str, object] = {}

    def formula(row: int, col: int, text: str) -> None:
        cell = ws.cell(row=row, column=col)
        cached[cell.coordinate] = cell.value
        cell.value = text

    header = f.row("header")
    subtotals = sorted(r for label, rows in f.rows.items() if label.startswith("subtotal") for r in rows)
    first = header + 1
    for sub in subtotals:
        for r in range(first, sub):
            if isinstance(ws.cell(row=r, column=5).value, int):
                formula(r, 5, f"=C{r}-D{r}")
        for col in "CDE":
            formula(sub, " ABCDE".index(col), f"=SUM({col}{first}:{col}{sub - 1})")
        first = sub + 1
    riket = f.row("Riket")
    for col in "CDE":
        formula(riket, " ABCDE".index(col), "=" + "+".join(f"{col}{r}" for r in subtotals))
    out = io.BytesIO()
    wb.save(out)
    # openpyxl writes formulas without values: put Excel's cached values in, as a saved file has them
    src = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    patched = io.BytesIO()
    with zipfile.ZipFile(patched, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                text = data.decode("utf-8")
                for ref, value in cached.items():
                    text = re.sub(
                        rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)<v\s*/>',
                        lambda m, v=value: f"{m.group(1)}{m.group(2)}<v>{v}</v>",
                        text,
                    )
                data = text.encode("utf-8")
            dst.writestr(item, data)
    return Official(
        name=f.name.replace(".xlsx", "_formler.xlsx"), data=patched.getvalue(), sheet=f.sheet, rows=f.rows
    )


# --- Migrationsverket: "Kommunmottagna enligt ersättningsförordningen januari–oktober 2024" ----

MONTHS_SV = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
]

CATEGORY_HEADERS = {
    "quota_refugee": "Kvotflyktingar",
    "assigned": "Anvisade från Migrationsverkets anläggningsboende (ABO)",
    "self_settled": "Egenbosatta (EBO)",
    "family": "Anhöriga",
    "other": "Övriga",
}
CATEGORIES = tuple(CATEGORY_HEADERS)


@dataclass(frozen=True)
class Received:
    code: object  # as printed: a number (180) that lost its zero
    kommun: str  # as printed: UPPER CASE, old or short forms
    kod: str  # what it must be stored as
    values: dict[str, tuple[object, object]]  # category -> (Totalt, varav ensamkommande barn)


ARRIVALS_OCT_2024 = [
    Received(
        180,
        "STOCKHOLM",
        "0180",
        {
            "quota_refugee": (120, 8),
            "assigned": (310, 12),
            "self_settled": (1482, 25),
            "family": (210, ".."),
            "other": (15, "-"),
        },
    ),
    Received(
        114,
        "UPPLANDS-VÄSBY",
        "0114",
        {
            "quota_refugee": (14, "x"),
            "assigned": (22, None),
            "self_settled": (61, 0),
            "family": (17, 0),
            "other": ("..", 0),
        },
    ),
    Received(
        980,
        "GOTLAND",
        "0980",
        {
            "quota_refugee": (9, 0),
            "assigned": (16, 0),
            "self_settled": (33, "-"),
            "family": (8, 0),
            "other": ("x", 0),
        },
    ),
    Received(
        1438,
        "DALSED",
        "1438",
        {
            "quota_refugee": ("..", 0),
            "assigned": (7, 0),
            "self_settled": (11, 0),
            "family": (None, 0),
            "other": (0, 0),
        },
    ),
    Received(
        2023,
        "MALUNG",
        "2023",
        {
            "quota_refugee": (6, 0),
            "assigned": (
                12,
                "..",
            ),
            "self_settled": (19, 0),
            "family": ("-", 0),
            "other": (0, 0),
        },
    ),
    Received(
        2080,
        "FALUN",
        "2080",
        {
            "quota_refugee": (31, 2),
            "assigned": (44, 6),
            "self_settled": (97, 7),
            "family": (28, 0),
            "other": (6, 0),
        },
    ),
]


def is_suppressed(value) -> bool:
    return value is None or (isinstance(value, str) and value.strip() in ("..", "-", "x", ""))


def stored(value):
    """What a printed cell must be stored as: NULL for a suppressed cell, else the integer."""
    return None if is_suppressed(value) else int(value)


def arrivals_xlsx(
    entries: list[Received] = ARRIVALS_OCT_2024,
    *,
    year: int = 2024,
    month: int = 10,
    name: str | None = None,
    title: str | None = None,
    with_total_column: bool = False,
    with_codes: bool = True,
) -> Official:
    """Kommunmottagna by category, year to date: two-row merged headers (category over "Totalt" and
    "varav ensamkommande barn"), codes as numbers, names in upper case, suppressed cells, a Riket row,
    footnotes that explain the markers."""
    book = _Book()
    period = f"januari–{MONTHS_SV[month - 1]} {year}" if month > 1 else f"januari {year}"
    sheet_name = f"Kommunmottagna {year}"
    ws = book.sheet(sheet_name)
    ws.add([title or f"Kommunmottagna enligt ersättningsförordningen {period}"])
    ws.add(["Källa: Migrationsverket"])
    ws.add([f"Publicerad {date(year, month % 12 + 1, 5) if month < 12 else date(year + 1, 1, 5)}"])
    ws.blank()
    groups = list(CATEGORY_HEADERS.values()) + (["Totalt"] if with_total_column else [])
    lead = 2 if with_codes else 1
    top = ["Kommunkod", "Kommun"][-lead:]
    sub = [None] * lead
    for g in groups:
        top += [g, None]
        sub += ["Totalt", "varav ensamkommande barn"]
    h1 = ws.add(top, label="header")
    ws.add(sub, label="subheader")
    for col in range(1, lead + 1):
        ws.ws.merge_cells(start_row=h1, start_column=col, end_row=h1 + 1, end_column=col)
    for i in range(len(groups)):
        col = lead + 1 + 2 * i
        ws.ws.merge_cells(start_row=h1, start_column=col, end_row=h1, end_column=col + 1)
    totals = [0] * (2 * len(groups))
    for e in entries:
        cells: list[object] = [e.code, e.kommun][-lead:]
        for cat in CATEGORIES:
            persons, unacc = e.values[cat]
            cells += [persons, unacc]
        if with_total_column:
            cells += [
                sum(_num(e.values[c][0]) for c in CATEGORIES),
                sum(_num(e.values[c][1]) for c in CATEGORIES),
            ]
        for i, v in enumerate(cells[lead:]):
            totals[i] += _num(v)
        ws.add(cells, label=e.kommun)
    ws.add([None, "Riket", *totals][-(lead + len(totals)) :], label="Riket")
    ws.blank()
    ws.add(['".." = färre än 6 personer (röjandeskydd). "-" = inga eller färre än 6. "x" = uppgift skyddad.'])
    ws.add(["Kategori 3 och 8 redovisas tillsammans som Övriga."])
    return Official(
        name=name or f"kommunmottagna_{year}_{month:02d}.xlsx",
        data=book.bytes(),
        sheet=sheet_name,
        rows=ws.rows,
    )


def expected_arrivals(entries: list[Received] = ARRIVALS_OCT_2024) -> dict[tuple[str, str], tuple]:
    """(kommun_kod, category) -> (persons, of_which_unaccompanied) as they must be stored."""
    return {
        (e.kod, cat): (stored(e.values[cat][0]), stored(e.values[cat][1]))
        for e in entries
        for cat in CATEGORIES
    }


def suppressed_counts(entries: list[Received] = ARRIVALS_OCT_2024) -> tuple[int, int]:
    persons = sum(is_suppressed(e.values[c][0]) for e in entries for c in CATEGORIES)
    unacc = sum(is_suppressed(e.values[c][1]) for e in entries for c in CATEGORIES)
    return persons, unacc


# --- Fördelningstal (temporary protection) ---------------------------------------------------

FORDELNINGSTAL_2024 = [
    Target("Stockholms län", "Stockholms stad", "0180", 310),
    Target("Stockholms län", "Nacka kommun", "0182", 41),
    Target("Gotlands län", "Region Gotland", "0980", 12),
    Target("Kronobergs län", "Växjö kommun", "0780", 45),
    Target("Kronobergs län", "Alvesta kommun", "0764", 10),
]


def fordelningstal_xlsx(entries: list[Target] = FORDELNINGSTAL_2024, *, year: int = 2024) -> Official:
    book = _Book()
    ws = book.sheet(f"Fördelningstal {year}")
    ws.add([f"Kommunernas fördelningstal för {year} – personer med tillfälligt skydd"])
    ws.add(["Källa: Migrationsverket"])
    ws.blank()
    ws.add(["Län", "Kommun", "Fördelningstal"], label="header")
    counties: list[str] = []
    for e in entries:
        if e.lan not in counties:
            counties.append(e.lan)
    total = 0
    for lan in counties:
        members = [e for e in entries if e.lan == lan]
        for i, e in enumerate(members):
            ws.add([lan if i == 0 else None, e.kommun, e.target], label=e.kommun)
        ws.add([None, f"Summa {lan}", sum(_num(e.target) for e in members)], label=f"subtotal {lan}")
        total += sum(_num(e.target) for e in members)
    ws.add(["Totalt", None, total], label="Totalt")
    ws.blank()
    ws.add(
        ["Fördelningstalen beslutas enligt förordningen (2022:1008) om mottagande av vissa skyddsbehövande."]
    )
    return Official(
        name=f"fordelningstal_{year}.xlsx", data=book.bytes(), sheet=f"Fördelningstal {year}", rows=ws.rows
    )


# --- Anvisningsandel (unaccompanied minors), per mille --------------------------------------

ANVISNINGSANDEL_2024 = [
    # printed code, printed name, stored code, per mille
    ("180", "Stockholm", "0180", 45.67),
    ("114", "Upplands Väsby", "0114", 3.45),
    ("2023", "Malung-Sälen", "2023", 0.85),
    ("980", "Gotland", "0980", 2.1),
]


def anvisningsandel_xlsx(*, year: int = 2024) -> Official:
    """Per mille as text cells with a decimal comma ("3,45"), as when a table is pasted from a PDF."""
    book = _Book()
    ws = book.sheet("Anvisningsandel")
    ws.add([f"Anvisningsandel för ensamkommande barn {year}"])
    ws.add(["Andel i promille av alla anvisningar"])
    ws.blank()
    ws.add(["Kommun", "Anvisningsandel (promille)"], label="header")
    for _code, kommun, _kod, share in ANVISNINGSANDEL_2024:
        ws.add([kommun, f"{share:.2f}".replace(".", ",")], label=kommun)
    return Official(
        name=f"anvisningsandel_{year}.xlsx", data=book.bytes(), sheet="Anvisningsandel", rows=ws.rows
    )


def anvisningsandel_csv(*, sep: str = ";", encoding: str = "cp1252", year: int = 2024) -> Official:
    """Per mille with decimal comma (semicolon file) or decimal point (comma file)."""
    lines: list[list[object]] = [["År", "Kommunkod", "Kommun", "Anvisningsandel (promille)"]]
    rows: dict[str, list[int]] = {}
    for code, kommun, _kod, share in ANVISNINGSANDEL_2024:
        text = f"{share:.2f}".replace(".", ",") if sep == ";" else f"{share:.2f}"
        lines.append([year, code, kommun, text])
        rows[kommun] = [len(lines)]
    kind = "semikolon" if sep == ";" else "komma"
    return Official(
        name=f"anvisningsandel_ensamkommande_{year}_{kind}.csv",
        data=csv_bytes(lines, sep=sep, encoding=encoding),
        rows=rows,
    )


# --- Länstal per county -----------------------------------------------------------------------

LANSTAL_2024 = [
    # printed county, number code as printed, stored lan_kod, länstal
    ("STOCKHOLMS LÄN", 1, "01", 560),
    ("KRONOBERG LÄN", 7, "07", 84),
    ("GOTLANDS LÄN", 9, "09", 14),
    ("VÄSTRA GÖTALANDS LÄN", 14, "14", 430),
    ("DALARNAS LÄN", 20, "20", 96),
]


def lanstal_xlsx(*, year: int = 2024, with_codes: bool = False) -> Official:
    book = _Book()
    ws = book.sheet("Länstal")
    ws.add([f"Länstal {year}"])
    ws.add(["Antal personer som ska tas emot för bosättning per län"])
    ws.blank()
    header = (["Länskod"] if with_codes else []) + ["Län", "Länstal"]
    ws.add(header, label="header")
    for printed, code, _kod, value in LANSTAL_2024:
        ws.add(([code] if with_codes else []) + [printed, value], label=printed)
    total = sum(v for *_, v in LANSTAL_2024)
    ws.add(([None] if with_codes else []) + ["Totalt", total], label="Totalt")
    ws.blank()
    ws.add(["Beslutat av regeringen enligt förordningen (2016:40) om kommunmottagande av vissa nyanlända."])
    return Official(
        name=f"lanstal_{year}{'_koder' if with_codes else ''}.xlsx",
        data=book.bytes(),
        sheet="Länstal",
        rows=ws.rows,
    )


def lanstal_decisions_csv(*, year: int = 2024) -> Official:
    """Länstal with the ordinance and the date each decision applies from, the revision below the first
    decision (the shape of the shipped data/lanstal.csv, where 2017 has two decisions per county)."""
    lines: list[list[object]] = [["År", "Län", "Länstal", "Beslut", "Gäller från"]]
    for printed, _code, _kod, value in LANSTAL_2024:
        lines.append([year, printed, value, f"SFS {year - 1}:812", f"{year}-01-01"])
    for printed, _code, _kod, value in LANSTAL_2024:
        lines.append([year, printed, value * 6, f"SFS {year}:512", f"{year}-07-01"])
    return Official(name=f"lanstal_{year}_beslut.csv", data=csv_bytes(lines, encoding="cp1252"))


# --- Capacity ---------------------------------------------------------------------------------

CAPACITY_OCT_2024 = [
    # printed kommun, stored code, kind as printed, places, occupied
    ("Falun", "2080", "Lägenheter", 140, 121),
    ("Falun", "2080", "Korridorboende", 36, 30),
    ("Borlänge", "2081", "Lägenheter", 1204, 1190),
    ("Borlänge", "2081", "Korridorboende", 40, 18),
    ("Säter", "2082", "Lägenheter", 25, 25),
    ("Säter", "2082", "Korridorboende", 8, 2),
]


def capacity_long_csv(*, months: tuple[str, ...] = ("2024-10",), encoding: str = "utf-8-sig") -> Official:
    """One row per municipality, month and kind of housing: Kommun;Månad;Boendetyp;Platser;Belagda."""
    lines: list[list[object]] = [["Kommun", "Månad", "Boendetyp", "Platser", "Belagda"]]
    rows: dict[str, list[int]] = {}
    for m_i, month in enumerate(months):
        for kommun, _kod, kind, places, occupied in CAPACITY_OCT_2024:
            lines.append([kommun, month, kind, swedish_number(places + m_i), swedish_number(occupied)])
            rows.setdefault(f"{kommun} {kind} {month}", []).append(len(lines))
    return Official(name="kapacitet_kommuner.csv", data=csv_bytes(lines, encoding=encoding), rows=rows)


def capacity_wide_xlsx(*, year: int = 2024, month: int = 10, bad: dict | None = None) -> Official:
    """One month's places per municipality, the kinds of housing side by side: a merged group header
    per kind over "Platser" and "Belagda". The month is only in the title. ``bad`` replaces cells:
    {(kommun, kind, 'Platser'|'Belagda'): value}."""
    bad = bad or {}
    book = _Book()
    ws = book.sheet("Kapacitet")
    ws.add([f"Mottagningskapacitet i kommunerna {MONTHS_SV[month - 1]} {year}"])
    ws.add(["Källa: Länsstyrelsen i Dalarnas län"])
    ws.blank()
    kinds = ["Lägenheter", "Korridorboende"]
    h1 = ws.add(["Kommun", *[v for k in kinds for v in (k, None)]], label="header")
    ws.add([None, *["Platser", "Belagda"] * len(kinds)], label="subheader")
    ws.ws.merge_cells(start_row=h1, start_column=1, end_row=h1 + 1, end_column=1)
    for i in range(len(kinds)):
        ws.ws.merge_cells(start_row=h1, start_column=2 + 2 * i, end_row=h1, end_column=3 + 2 * i)
    by_kommun: dict[str, dict[str, tuple[int, int]]] = {}
    for kommun, _kod, kind, places, occupied in CAPACITY_OCT_2024:
        by_kommun.setdefault(kommun, {})[kind] = (places, occupied)
    for kommun, per_kind in by_kommun.items():
        cells: list[object] = [kommun]
        for k in kinds:
            p, o = per_kind[k]
            cells += [bad.get((kommun, k, "Platser"), p), bad.get((kommun, k, "Belagda"), o)]
        ws.add(cells, label=kommun)
    ws.add(
        ["Summa", *[sum(by_kommun[m][k][j] for m in by_kommun) for k in kinds for j in (0, 1)]], label="Summa"
    )
    return Official(
        name=f"kapacitet_{year}_{month:02d}.xlsx", data=book.bytes(), sheet="Kapacitet", rows=ws.rows
    )


# --- Monthly arrivals, long form ---------------------------------------------------------------

MONTHLY_LONG = [
    # Månad, Kommunkod as printed, Kategori as printed, Antal, stored (code, category)
    ("2024-01", "0180", "Kvotflyktingar", 12, ("0180", "quota_refugee")),
    ("2024-01", "0180", "Anvisade", 30, ("0180", "assigned")),
    ("2024-01", "0180", "Egenbosatta", 1204, ("0180", "self_settled")),
    ("2024-01", "0180", "Anhöriga", 20, ("0180", "family")),
    ("2024-01", "0180", "Övriga", 4, ("0180", "other")),
    ("2024-01", "0180", "Tillfälligt skydd", 41, ("0180", "temporary_protection")),
    ("2024-02", "0180", "Kvotflyktingar", 9, ("0180", "quota_refugee")),
    ("2024-02", "0180", "Egenbosatta", 980, ("0180", "self_settled")),
    ("2024-01", "2080", "Kvotflyktingar", 3, ("2080", "quota_refugee")),
    ("2024-02", "2080", "Kvotflyktingar", 5, ("2080", "quota_refugee")),
    ("2024-02", "2080", "Anhöriga", "..", ("2080", "family")),
]


def monthly_long_csv(
    lines_in=MONTHLY_LONG, *, encoding: str = "cp1252", name: str = "mottagna_per_manad.csv"
) -> Official:
    lines: list[list[object]] = [["Månad", "Kommunkod", "Kategori", "Antal"]]
    rows: dict[str, list[int]] = {}
    for month, code, cat, count, _key in lines_in:
        text = swedish_number(count, thousands=NBSP) if isinstance(count, int) else count
        lines.append([month, code, cat, text])
        rows.setdefault(f"{month} {code} {cat}", []).append(len(lines))
    return Official(name=name, data=csv_bytes(lines, encoding=encoding), rows=rows)


def monthly_with_unaccompanied_csv(*, encoding: str = "utf-8-sig") -> Official:
    """Long form with the unaccompanied part beside the count, and every suppression marker."""
    lines: list[list[object]] = [["Månad", "Kommunkod", "Kategori", "Antal", "Varav ensamkommande barn"]]
    rows: dict[str, list[int]] = {}
    for month, code, cat, count, unacc in MONTHLY_UNACCOMPANIED:
        lines.append([month, code, cat, count, unacc])
        rows.setdefault(f"{month} {code} {cat}", []).append(len(lines))
    return Official(name="mottagna_ensamkommande.csv", data=csv_bytes(lines, encoding=encoding), rows=rows)


MONTHLY_UNACCOMPANIED = [
    # Månad, Kommunkod, Kategori, Antal, Varav ensamkommande barn (as printed)
    ("2024-03", "0180", "Kvotflyktingar", "14", "3"),
    ("2024-03", "0180", "Anvisade", "22", ".."),
    ("2024-03", "0180", "Egenbosatta", "-", "-"),
    ("2024-03", "0180", "Anhöriga", "x", ""),
    ("2024-03", "0180", "Övriga", "", "0"),
    ("2024-03", "2080", "Kvotflyktingar", "8", "0"),
]


def capacity_long_xlsx() -> Official:
    """The long capacity table in a workbook, Månad as real date cells (the first of the month)."""
    book = _Book()
    ws = book.sheet("Platser")
    ws.add(["Kommunernas mottagningsplatser"])
    ws.blank()
    ws.add(["Kommun", "Månad", "Boendetyp", "Platser", "Belagda"], label="header")
    for month in (date(2024, 9, 1), date(2024, 10, 1)):
        for kommun, _kod, kind, places, occupied in CAPACITY_OCT_2024:
            r = ws.add([kommun, month, kind, places, occupied], label=f"{kommun} {kind} {month:%Y-%m}")
            ws.ws.cell(row=r, column=2).number_format = "yyyy-mm"
    return Official(name="platser_2024.xlsx", data=book.bytes(), sheet="Platser", rows=ws.rows)


def big_monthly_long_csv(codes: list[str], *, first_year: int = 2015, years: int = 10) -> bytes:
    """About 200 000 rows (290 municipalities x 6 categories x 120 months), in UTF-8 with BOM."""
    cats = ["Kvotflyktingar", "Anvisade", "Egenbosatta", "Anhöriga", "Övriga", "Tillfälligt skydd"]
    out = ["Månad;Kommunkod;Kategori;Antal"]
    for y in range(first_year, first_year + years):
        for m in range(1, 13):
            month = f"{y}-{m:02d}"
            for i, code in enumerate(codes):
                for j, cat in enumerate(cats):
                    out.append(f"{month};{code};{cat};{(i * 7 + j * 3 + m + y) % 23}")
    return ("\r\n".join(out) + "\r\n").encode("utf-8-sig")


# --- Event level: one row per person received ----------------------------------------------

EVENTS = [
    # datum, kommun_kod, kategori (plural as the tables), ensamkommande
    (date(2024, 3, 2), "0180", "Kvotflyktingar", "nej"),
    (date(2024, 3, 15), "0180", "Kvotflyktingar", "ja"),
    (date(2024, 3, 31), "0180", "Kvotflyktingar", "nej"),
    (date(2024, 3, 9), "0180", "Egenbosatta", "nej"),
    (date(2024, 4, 1), "0180", "Kvotflyktingar", "nej"),
    (date(2024, 4, 20), "0180", "Anhöriga", "ja"),
    (date(2024, 3, 3), "2080", "Anvisade", "nej"),
    (date(2024, 3, 4), "2080", "Anvisade", "ja"),
    (date(2024, 4, 30), "2080", "Övriga", "nej"),
]
EVENT_CATEGORY = {
    "Kvotflyktingar": "quota_refugee",
    "Anvisade": "assigned",
    "Egenbosatta": "self_settled",
    "Anhöriga": "family",
    "Övriga": "other",
}


def expected_event_months(events=EVENTS) -> dict[tuple[date, str, str], tuple[int, int]]:
    """(month, kommun_kod, category) -> (persons, of_which_unaccompanied)."""
    out: dict[tuple[date, str, str], list[int]] = {}
    for day, code, cat, unacc in events:
        key = (day.replace(day=1), code, EVENT_CATEGORY[cat])
        cell = out.setdefault(key, [0, 0])
        cell[0] += 1
        cell[1] += unacc == "ja"
    return {k: tuple(v) for k, v in out.items()}


def events_parquet(events=EVENTS, *, codes: list[str] | None = None) -> Official:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "datum": pa.array([e[0] for e in events], pa.date32()),
            "kommun_kod": pa.array(codes or [e[1] for e in events], pa.string()),
            "kategori": pa.array([e[2] for e in events], pa.string()),
            "ensamkommande": pa.array([e[3] for e in events], pa.string()),
        }
    )
    out = io.BytesIO()
    pq.write_table(table, out)
    return Official(name="mottagna_personer.parquet", data=out.getvalue())


EVENT_KOMMUN = {"0180": "Stockholm", "2080": "Falun"}


def events_csv(events=EVENTS, *, encoding: str = "utf-8-sig") -> Official:
    """The same people as a CSV: kommun by name, datum as ISO date."""
    lines: list[list[object]] = [["datum", "kommun", "kategori", "ensamkommande"]]
    rows: dict[str, list[int]] = {}
    for i, (day, code, cat, unacc) in enumerate(events):
        lines.append([day.isoformat(), EVENT_KOMMUN[code], cat, unacc])
        rows[f"event {i}"] = [len(lines)]
    return Official(name="mottagna_personer.csv", data=csv_bytes(lines, encoding=encoding), rows=rows)


# --- Files that are not ours ------------------------------------------------------------------


def unrelated_xlsx() -> Official:
    book = _Book()
    ws = book.sheet("Priser")
    ws.add(["Fruktpriser vecka 44"])
    ws.blank()
    ws.add(["Frukt", "Pris per kg", "Land"])
    ws.add(["Äpple", 24, "Sverige"])
    ws.add(["Banan", 21, "Ecuador"])
    return Official(name="fruktpriser.xlsx", data=book.bytes(), sheet="Priser")


def column_letter_of(header: str, headers: list[str]) -> str:
    return get_column_letter(headers.index(header) + 1)
