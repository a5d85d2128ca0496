"""Files the importer has not seen before, as planners and county boards make them: for the preview's
choices and for recipes. Each returns an :class:`official_files.Official` with its labelled rows; the
figures are small and made up, and the tests work their expectations out from the same entries.
"""

from __future__ import annotations

from official_files import Official, _Book, csv_bytes

# a county's own summary sheet: names, what was decided and what was received so far
DALARNA = [
    # name as written, kommun_kod, decided, received so far
    ("Falun", "2080", 120, 97),
    ("Borlänge", "2081", 110, 110),
    ("Säter", "2082", 20, 5),
    ("Ludvika", "2085", 45, 30),
    ("Mora", "2062", 30, 12),
]


def planners_summary_csv(
    entries=DALARNA, *, title: str = "Länets planering 2025 – läget i november"
) -> Official:
    """A planner's own sheet saved as CSV: a title, then "Ort | Beslutat | Hittills | Notering", a
    Summa row. No header word the importer knows: nothing in it can be placed by the importer."""
    lines: list[list[object]] = [[title], [], ["Ort", "Beslutat", "Hittills", "Notering"]]
    rows = {"header": [3]}
    for name, _, decided, received in entries:
        lines.append([name, decided, received, "klart" if decided == received else None])
        rows[name] = [len(lines)]
    lines.append(["Summa", sum(e[2] for e in entries), sum(e[3] for e in entries), None])
    rows["Summa"] = [len(lines)]
    return Official("lanets_planering.csv", csv_bytes(lines, encoding="utf-8-sig"), rows=rows)


# a county board's kommuntal for two years side by side (Hallands län, 2019 and 2020)
HALLAND_TWO_YEARS = [
    # name, kommun_kod, 2019, 2020
    ("Falkenberg", "1382", 45, 38),
    ("Halmstad", "1380", 110, 96),
    ("Hylte", "1315", 20, 16),
    ("Kungsbacka", "1384", 70, 61),
    ("Laholm", "1381", 30, 25),
    ("Varberg", "1383", 46, 40),
]


def kommuntal_two_years_xlsx(entries=HALLAND_TWO_YEARS, *, total_off_by: int = 0) -> Official:
    """ "Kommuntal 2019 och 2020 – Hallands län": names, one column per year, "Skillnad mot 2019", a
    "Totalt" row (``total_off_by`` added to its 2020 figure)."""
    book = _Book()
    ws = book.sheet("Kommuntal")
    ws.add(["Kommuntal 2019 och 2020 – Hallands län"], "title")
    ws.add(["Beslut av Länsstyrelsen i Hallands län"])
    ws.blank()
    ws.add(["Kommun", "2019", "2020", "Skillnad mot 2019"], "header")
    for name, _, a, b in entries:
        ws.add([name, a, b, b - a], name)
    first = sum(e[2] for e in entries)
    second = sum(e[3] for e in entries) + total_off_by
    ws.add(["Totalt", first, second, second - first], "Totalt")
    return Official("kommuntal_halland_2019_2020.xlsx", book.bytes(), "Kommuntal", ws.rows)


def expected_two_years(entries=HALLAND_TWO_YEARS) -> list[tuple]:
    return sorted(
        [(y, code, "settlement", float(v)) for _, code, a, b in entries for y, v in ((2019, a), (2020, b))]
    )


# places per month, a municipality a row: capacity with the months as columns
CAPACITY_MONTHS = [
    # name, kommun_kod, places jan..apr
    ("Falun", "2080", [176, 176, 180, 184]),
    ("Borlänge", "2081", [1244, 1250, 1250, 1261]),
    ("Säter", "2082", [33, 33, 35, 35]),
]


def capacity_months_xlsx(entries=CAPACITY_MONTHS) -> Official:
    """ "Mottagningsplatser 2024": Kommun, then jan–apr; nothing says whether they are places or
    occupied places (the preview asks), a Summa row."""
    book = _Book()
    ws = book.sheet("Platser")
    ws.add(["Mottagningsplatser 2024"], "title")
    ws.blank()
    ws.add(["Kommun", "jan", "feb", "mar", "apr"], "header")
    for name, _, values in entries:
        ws.add([name, *values], name)
    ws.add(["Summa", *[sum(v[m] for *_, v in entries) for m in range(4)]], "Summa")
    return Official("platser_2024.xlsx", book.bytes(), "Platser", ws.rows)


def next_month_summary_csv(entries=DALARNA, *, notes: int = 0, bump: int = 0) -> Official:
    """The summary sheet next month: ``notes`` more note lines above the header, received ``bump`` higher."""
    lines: list[list[object]] = [["Länets planering 2025 – läget i december"]]
    lines += [[f"Anteckning {n + 1}: siffrorna är preliminära."] for n in range(notes)]
    lines += [[], ["Ort", "Beslutat", "Hittills", "Notering"]]
    rows = {"header": [len(lines)]}
    for name, _, decided, received in entries:
        lines.append([name, decided, received + bump, None])
        rows[name] = [len(lines)]
    lines.append(["Summa", sum(e[2] for e in entries), sum(e[3] + bump for e in entries), None])
    return Official("lanets_planering_december.csv", csv_bytes(lines, encoding="utf-8-sig"), rows=rows)
