"""More official files, built in the layouts their publishers use: SCB's population table and
Kolada's export (this module grows with Migrationsverket's Kommunmottagna file, tables with the
months as columns and the county boards' kommuntal decisions).

Builders return :class:`official_files.Official` with the row (or CSV line) of every labelled row,
so tests expect warnings and problems at exact places. Population figures are the real ones the
repository ships (data/population.csv), so a file of all 290 municipalities adds up as SCB's does.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import cache
from pathlib import Path

from official_files import Official, _Book, csv_bytes, swedish_number

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
