"""More official files, built in the layouts their publishers use: SCB's population table and
Kolada's export (this module grows with Migrationsverket's Kommunmottagna file, tables with the
months as columns and the county boards' kommuntal decisions).

Builders return :class:`official_files.Official` with the row (or CSV line) of every labelled row,
so tests expect warnings and problems at exact places. Population figures are the real ones the
repository ships (data/population.csv), so a file of all 290 municipalities adds up as SCB's does.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from datetime import date
from functools import cache
from pathlib import Path

from official_files import Official, _Book, csv_bytes, swedish_number
from openpyxl import load_workbook

from reception import geo

POPULATION_CSV = Path(__file__).resolve().parents[2] / "data" / "population.csv"


@cache
def population() -> dict[tuple[int, str], int]:
    """(year, kommun_kod) -> population, from the shipped reference file."""
    with POPULATION_CSV.open(encoding="utf-8") as f:
        return {(int(r["year"]), r["kommun_kod"]): int(r["population"]) for r in csv.DictReader(f)}


@cache
def _names() -> tuple[dict[str, str], dict[str, str]]:
    kommun = {m["kommun_kod"]: m["kommun"] for m in geo.municipalities().to_pylist()}
    lan = {c["lan_kod"]: c["lan"] for c in geo.counties().to_pylist()}
    return kommun, lan


def _scb_rows(
    codes: list[str], years: list[int], off_by: dict[str, int], changed: dict | None = None
) -> list[tuple[str, str, list[int]]]:
    """(label, region cell, values per year) in SCB's order: Riket, then each county and its
    municipalities. ``off_by`` adds to a county's ('01') or the country's ('00') printed sum;
    ``changed`` gives (year, kommun_kod) other figures than the reference (the sums follow)."""
    kommun, lan = _names()
    figures = {**population(), **(changed or {})}
    by_county = defaultdict(list)
    for code in sorted(codes):
        by_county[code[:2]].append(code)
    out = [("Riket", "00 Riket", [sum(figures[(y, c)] for c in codes) + off_by.get("00", 0) for y in years])]
    for county, members in sorted(by_county.items()):
        sums = [sum(figures[(y, c)] for c in members) + off_by.get(county, 0) for y in years]
        out.append((lan[county], f"{county} {lan[county]}", sums))
        out += [(kommun[c], f"{c} {kommun[c]}", [figures[(y, c)] for y in years]) for c in members]
    return out


def all_codes() -> list[str]:
    return sorted(_names()[0])


def scb_population_xlsx(
    codes: list[str] | None = None, *, years: tuple[int, ...] = (2018, 2019), off_by: dict | None = None
) -> Official:
    """Statistikdatabasen's xlsx download (BE0101): a title, the years as the header with nothing over
    the region column, "00 Riket", "01 Stockholms län" and "0114 Upplands Väsby" in one column, the
    source and a footnote under the table."""
    book = _Book()
    ws = book.sheet("Tabell")
    ws.add(["Folkmängd i riket, län och kommuner 31 december efter region och år"], "title")
    ws.blank()
    ws.add([None, *[str(y) for y in years]], "header")
    for label, cell, values in _scb_rows(codes or all_codes(), list(years), off_by or {}):
        ws.add([cell, *values], label)
    ws.blank()
    ws.add(["Källa: SCB, Befolkningsstatistik (BE0101)"], "source")
    ws.add(["Senast uppdaterad: 2020-02-20"], "footnote")
    return Official("BE0101N1_folkmangd.xlsx", book.bytes(), "Tabell", ws.rows)


def scb_population_csv(
    codes: list[str] | None = None,
    *,
    years: tuple[int, ...] = (2018, 2019),
    off_by: dict | None = None,
    changed: dict | None = None,
) -> Official:
    """The same table as SCB's "semikolonavgränsad med rubrik" CSV: the title on line 1, a "region"
    header, "Folkmängd 2018" per year, Windows-1252, thousands with a space."""
    lines: list[list[object]] = [["Folkmängd i riket, län och kommuner 31 december efter region och år"], []]
    lines.append(["region", *[f"Folkmängd {y}" for y in years]])
    rows: dict[str, list[int]] = {"header": [3]}
    for label, cell, values in _scb_rows(codes or all_codes(), list(years), off_by or {}, changed):
        lines.append([cell, *[swedish_number(v) for v in values]])
        rows.setdefault(label, []).append(len(lines))
    lines += [[], ["Källa: SCB"]]
    return Official("folkmangd_region_ar.csv", csv_bytes(lines), rows=rows)


def kolada_csv(codes: list[str], *, years: tuple[int, ...] = (2018, 2019), national: bool = True) -> Official:
    """Kolada's CSV export of N01951 (Invånare totalt, antal): one row per municipality, year and
    gender (T, K, M; only T is the whole population), ids that lost their leading zeros, the
    country as "0000 Riket". K and M are made up halves; only T must be read."""
    kommun, _ = _names()
    figures = population()
    lines: list[list[object]] = [["Kommun-ID", "Kommun", "Nyckeltal", "År", "Kön", "Värde"]]
    rows: dict[str, list[int]] = {"header": [1]}
    kpi = "Invånare totalt, antal"
    if national:
        for y in years:
            lines.append(["0000", "Riket", kpi, y, "T", sum(figures[(y, c)] for c in codes)])
            rows.setdefault("Riket", []).append(len(lines))
    for code in codes:
        for y in years:
            value = figures[(y, code)]
            for gender, part in (("T", value), ("K", value // 2), ("M", value - value // 2 - 1)):
                lines.append([str(int(code)), kommun[code], kpi, y, gender, part])
                if gender == "T":
                    rows.setdefault(kommun[code], []).append(len(lines))
    return Official("kolada_N01951.csv", csv_bytes(lines, encoding="utf-8-sig"), rows=rows)


# --- Migrationsverket: "Kommunmottagna enligt ersättningsförordningen 2024" ---------------------

KM_CATEGORIES = ("quota_refugee", "assigned", "self_settled", "other", "family")
KM_HEADERS = (
    "Kvotflykting (Kategori 1)",
    "Person från anläggningsboende (ABO) i Migrations-verkets mottagningssystem (Kategori 2)",
    "Person från eget boende (EBO) enligt lagen (1994:137) om mottagande av asylsökande m.fl. (Kategori 6)",
    "Övriga (Kategori 3 och 8)",
    "Anhöriga (Kategori 4)",
)
KM_FOOTNOTE = (
    "Kategori 1: kvotflyktingar.\n"
    "Kategori 2: personer från Migrationsverkets anläggningsboende.\n"
    "Kategori 6: personer från eget boende.\n"
    "Tomma celler betyder noll."
)

# county as printed (upper case, first row only) -> [(municipality as printed, kommun_kod, values)],
# values: (persons, of which unaccompanied) per category in KM_CATEGORIES order; None is a blank cell (0)
KOMMUNMOTTAGNA_2024 = {
    "STOCKHOLMS LÄN": [
        ("BOTKYRKA", "0127", ((12, 1), (30, None), (85, 2), (None, None), (40, None))),
        ("DANDERYD", "0162", ((1, None), (2, None), (3, None), (None, None), (None, None))),
        ("UPPLANDS VÄSBY", "0114", ((None, None), (7, 1), (22, None), (1, None), (9, None))),
    ],
    "GOTLANDS LÄN": [
        ("GOTLAND", "0980", ((4, None), (6, 2), (5, None), (None, None), (2, None))),
    ],
    "DALARNAS LÄN": [
        ("FALUN", "2080", ((8, None), (15, 3), (31, 1), (2, None), (11, None))),
        ("MALUNG", "2023", ((None, None), (3, None), (2, None), (None, None), (1, None))),
        ("SÄTER", "2082", ((1, None), (2, None), (None, None), (None, None), (None, None))),
    ],
}


def expected_kommunmottagna(counties: dict = KOMMUNMOTTAGNA_2024) -> dict[tuple[str, str], tuple[int, int]]:
    """(kommun_kod, category) -> (persons, of_which_unaccompanied) as stored: every blank is 0."""
    return {
        (code, category): (persons or 0, minors or 0)
        for rows in counties.values()
        for _, code, values in rows
        for category, (persons, minors) in zip(KM_CATEGORIES, values, strict=True)
    }


def _km_cells(values) -> list:
    cells = [v for pair in values for v in pair]
    total = sum(p for p, _ in values if isinstance(p, int))
    minors = sum(m for _, m in values if isinstance(m, int))
    return [*cells, total or None, minors or None]


def _km_sum(rows) -> list:
    columns = [_km_cells(values) for _, _, values in rows]
    return [sum(c[j] for c in columns if isinstance(c[j], int)) or None for j in range(12)]


def _km_rows(
    counties: dict, delsumma_off_by: dict[str, int], delsumma_in: str = "C"
) -> list[tuple[str | None, list]]:
    """(label, cells A..O) of the table: header, municipalities, Delsumma, blank, Totalt.
    ``delsumma_in``: "C" writes the county in A and "Delsumma" in C; "A" writes "LÄN Delsumma" in A."""
    header = [None, None, None]
    for text in KM_HEADERS:
        header += [text, "varav ensamk barn"]
    header += ["Totalt", "varav ensamk barn"]
    out: list[tuple[str | None, list]] = [("header", header)]
    everyone = []
    for county, rows in counties.items():
        for i, (name, _, values) in enumerate(rows):
            out.append((name, [county if i == 0 else None, None, name, *_km_cells(values)]))
        sums = _km_sum(rows)
        sums[-2] = (sums[-2] or 0) + delsumma_off_by.get(county, 0)
        cells = [county, None, "Delsumma"] if delsumma_in == "C" else [f"{county} Delsumma", None, None]
        out.append((f"Delsumma {county}", [*cells, *sums]))
        out.append((None, []))
        everyone += rows
    out.append(("Totalt", ["Totalt", None, None, *_km_sum(everyone)]))
    return out


def kommunmottagna_with_errors(cell: int, value: object) -> dict:
    """KOMMUNMOTTAGNA_2024 with two errors: a municipality nobody knows (INGENSTANS, 9999) under Gotland,
    and ``value`` in column ``cell`` (0: the first category) of Stockholm county's first municipality."""
    counties = {**KOMMUNMOTTAGNA_2024}
    nowhere = ("INGENSTANS", "9999", ((1, None), (2, None), (None, None), (None, None), (None, None)))
    counties["GOTLANDS LÄN"] = [*counties["GOTLANDS LÄN"], nowhere]
    name, code, values = counties["STOCKHOLMS LÄN"][1]
    values = (*values[:cell], (value, None), *values[cell + 1 :])
    counties["STOCKHOLMS LÄN"] = [
        counties["STOCKHOLMS LÄN"][0],
        (name, code, values),
        *counties["STOCKHOLMS LÄN"][2:],
    ]
    return counties


def kommunmottagna_xlsx(
    counties: dict = KOMMUNMOTTAGNA_2024,
    *,
    year: int = 2024,
    updated: str = "2024-11-04 08:15",
    delsumma_off_by: dict | None = None,
    delsumma_in: str = "C",
    note: str | None = None,
) -> Official:
    """The xlsx as Migrationsverket publishes it: "Rubrik" with a two-line title merged over the
    columns, "Uppdaterad", a comment and a multi-line footnote cell, blank rows, a header with
    nothing over A–C, then the table; a second sheet "Förklaringar och begrepp". ``note``: one more
    note line among the notes (under the footnote cell)."""
    book = _Book()
    ws = book.sheet("Kommunmottagna")
    ws.add(["Rubrik", f"Kommunmottagna enligt ersättningsförordningen {year}\nAntal personer"], "title")
    ws.ws.merge_cells("B1:O1")
    ws.add(["Uppdaterad", updated], "updated")
    ws.add(["Kommentar", "Statistiken avser personer som kommunmottagits enligt förordningen (2010:1122)."])
    ws.add([None, KM_FOOTNOTE], "footnote")
    ws.ws.merge_cells("B4:O4")
    if note is not None:
        ws.add([None, note], "note")
    ws.add(["Källa: Migrationsverket"])
    ws.blank()
    ws.blank()
    for label, cells in _km_rows(counties, delsumma_off_by or {}, delsumma_in):
        ws.add(cells or [None], label)
    about = book.sheet("Förklaringar och begrepp")
    about.add(["Begrepp", "Förklaring"])
    about.add(["Kvotflykting", "Person som tagits ut i ett annat land för vidarebosättning i Sverige."])
    about.add(["ABO", "Anläggningsboende: boende som Migrationsverket ordnar."])
    about.add(["EBO", "Eget boende under asyltiden."])
    return Official(
        f"kommunmottagna_ersattningsforordningen_{year}.xlsx", book.bytes(), "Kommunmottagna", ws.rows
    )


def kommunmottagna_xls(
    counties: dict = KOMMUNMOTTAGNA_2024, *, year: int = 2017, updated: str = "2018-01-10"
) -> Official:
    """The same layout as an .xls (Excel 97–2003), as the files were published up to 2017."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Kommunmottagna")
    wrap = xlwt.easyxf("alignment: wrap on")
    sheet.write_merge(
        0, 0, 1, 14, f"Kommunmottagna enligt ersättningsförordningen {year}\nAntal personer", wrap
    )
    sheet.write(0, 0, "Rubrik")
    sheet.write(1, 0, "Uppdaterad")
    sheet.write(1, 1, updated)
    sheet.write_merge(3, 3, 1, 14, KM_FOOTNOTE, wrap)
    sheet.write(4, 0, "Källa: Migrationsverket")
    rows: dict[str, list[int]] = {}
    r = 7
    for label, cells in _km_rows(counties, {}):
        for c, value in enumerate(cells):
            if value is not None:
                sheet.write(r, c, value)
        if label:
            rows.setdefault(label, []).append(r + 1)
        r += 1
    about = book.add_sheet("Förklaringar och begrepp")
    about.write(0, 0, "Begrepp")
    about.write(0, 1, "Förklaring")
    about.write(1, 0, "Kvotflykting")
    about.write(1, 1, "Person som tagits ut i ett annat land för vidarebosättning i Sverige.")
    out = io.BytesIO()
    book.save(out)
    return Official(
        f"kommunmottagna_ersattningsforordningen_{year}.xls", out.getvalue(), "Kommunmottagna", rows
    )


def excel_csv(f: Official, *, encoding: str = "cp1252", sep: str = ";") -> Official:
    """A sheet as Swedish Excel's "CSV (semikolonavgränsad)" saves it: Windows-1252, semicolons, numbers
    as shown (thousands with a no-break space), a cell with a line break or a semicolon in quotes.
    Lines are numbered as the sheet's rows were (a quoted line break stays in its record)."""
    ws = load_workbook(io.BytesIO(f.data))[f.sheet]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")
    for row in ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=ws.max_column, values_only=True):
        writer.writerow(
            [
                ""
                if v is None
                else swedish_number(v, thousands="\u00a0")
                if isinstance(v, int | float)
                else v
                for v in row
            ]
        )
    return Official(f.name.rsplit(".", 1)[0] + ".csv", out.getvalue().encode(encoding), rows=f.rows)


# --- monthly statistics with the months as columns -----------------------------------------------

EXCEL_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_HEADERS = {
    "short": ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    "long": [
        "januari", "februari", "mars", "april", "maj", "juni",
        "juli", "augusti", "september", "oktober", "november", "december",
    ],
    "iso": [f"2024-{m:02}" for m in range(1, 13)],
    "scb": [f"2024M{m:02}" for m in range(1, 13)],
    "excel": [f"{m}-24" for m in EXCEL_MONTHS],
    "dates": [date(2024, m, 1) for m in range(1, 13)],  # Excel's 'Jan-24' is often a date cell
}  # fmt: skip

# (county as printed, municipality, kommun_kod, Jan..Oct of 2024; '..' masked); Nov and Dec are blank
MONTHLY_2024 = [
    ("Stockholms län", "Botkyrka", "0127", [3, 2, "..", 4, 5, 1, 0, 2, 6, 3]),
    (None, "Danderyd", "0162", [1, 0, 0, "..", 1, 1, 0, 0, 2, 1]),
    ("Dalarnas län", "Falun", "2080", [2, 4, 3, 1, 0, 5, 2, 2, 1, 7]),
    (None, "Säter", "2082", [0, 1, 0, 0, 2, 0, 0, 1, 0, 0]),
]


def expected_monthly(entries=MONTHLY_2024) -> dict[tuple[date, str], int | None]:
    return {
        (date(2024, m + 1, 1), code): (None if v == ".." else v)
        for _, _, code, values in entries
        for m, v in enumerate(values)
    }


def _monthly_rows(entries, months: str, total_off_by: dict[str, int]) -> list[tuple[str | None, list]]:
    out: list[tuple[str | None, list]] = [("header", ["Län", "Kommun", *MONTH_HEADERS[months], "Totalt"])]
    group: list[list] = []

    def county_total():
        sums = [sum(v for v in col if isinstance(v, int)) for col in zip(*group, strict=True)]
        out.append((f"Totalt {len(out)}", [None, "Totalt", *sums, None, None, sum(sums)]))

    for county, name, _, values in entries:
        if county and group:
            county_total()
            group = []
        total = sum(v for v in values if isinstance(v, int)) + total_off_by.get(name, 0)
        out.append((name, [county, name, *values, None, None, total]))
        group.append(values)
    county_total()
    return out


def monthly_columns_xlsx(
    entries=MONTHLY_2024,
    *,
    months: str = "short",
    total_off_by: dict | None = None,
    title: str = "Kvotflyktingar kommunmottagna per månad 2024",
) -> Official:
    """Migrationsverket's monthly table with the months as columns: a title naming the category and
    the year, county on its first row, a "Totalt" row under each county, masked '..', a Totalt column."""
    book = _Book()
    ws = book.sheet("Per månad")
    ws.add([title], "title")
    ws.add(["Källa: Migrationsverket"])
    ws.blank()
    for label, cells in _monthly_rows(entries, months, total_off_by or {}):
        ws.add(cells, label)
    ws.blank()
    ws.add(['".." = färre än 3 personer'])
    return Official(f"kvotflyktingar_per_manad_2024_{months}.xlsx", book.bytes(), "Per månad", ws.rows)


def monthly_columns_ods(entries=MONTHLY_2024, *, months: str = "long") -> Official:
    """The same table as a county board sends it, saved by LibreOffice as .ods."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="Per månad")
    lines: list[list] = [["Kvotflyktingar kommunmottagna per månad 2024"], ["Källa: Länsstyrelsen"], []]
    rows: dict[str, list[int]] = {}
    for label, cells in _monthly_rows(entries, months, {}):
        lines.append(cells)
        if label:
            rows.setdefault(label, []).append(len(lines))
    for line in lines:
        tr = TableRow()
        for value in line:
            if value is None:
                tr.addElement(TableCell())
            elif isinstance(value, int):
                cell = TableCell(valuetype="float", value=value)
                cell.addElement(P(text=str(value)))
                tr.addElement(cell)
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=value))
                tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    out = io.BytesIO()
    doc.write(out)
    return Official("kvotflyktingar_per_manad_2024.ods", out.getvalue(), "Per månad", rows)


# --- a county board's decision: "Kommuntal 2019 – Hallands län" --------------------------------

HALLAND_2019 = [
    ("Falkenberg", "1382", 45),
    ("Halmstad", "1380", 110),
    ("Hylte", "1315", 20),
    ("Kungsbacka", "1384", 70),
    ("Laholm", "1381", 30),
    ("Varberg", "1383", 46),
]


def county_decision_lines(
    entries=HALLAND_2019,
    *,
    title: str = "Kommuntal 2019 – Hallands län",
    count: str = "Antal",
    stated: int | None = 321,
    total_off_by: int = 0,
) -> tuple[list[list], dict[str, list[int]]]:
    """The decision's rows: the title, a sentence with the county's total, the two-column table of
    names (no codes) and numbers, "Totalt"."""
    lines: list[list] = [[title]]
    if stated is not None:
        lines.append([f"Länsstyrelsen har beslutat att länets kommuner ska ta emot {stated} nyanlända 2019."])
    lines += [[], ["Kommun", count]]
    rows: dict[str, list[int]] = {"header": [len(lines)]}
    for name, _, number in entries:
        lines.append([name, number])
        rows[name] = [len(lines)]
    lines.append(["Totalt", sum(n for *_, n in entries) + total_off_by])
    rows["Totalt"] = [len(lines)]
    return lines, rows


def county_decision_xlsx(**options) -> Official:
    lines, rows = county_decision_lines(**options)
    book = _Book()
    ws = book.sheet("Beslut")
    for line in lines:
        ws.add(line or [None])
    return Official("kommuntal_2019_hallands_lan.xlsx", book.bytes(), "Beslut", rows)


def county_decision_csv(**options) -> Official:
    """As Swedish Excel saves it: the title on the first line, semicolons, Windows-1252."""
    lines, rows = county_decision_lines(**options)
    return Official("kommuntal_2019_hallands_lan.csv", csv_bytes(lines), rows=rows)
