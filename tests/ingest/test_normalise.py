"""Every normaliser: codes get their leading zeros back, names match without guessing, Swedish numbers
are read as numbers, suppressed cells become NULL (and are counted), and rows that are not
municipalities (subtotals, totals, footnotes, blanks) are never stored as municipalities."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date

import official_files as of
import pytest
from ingest_helpers import digits, one, query

from reception import ingest


def codes(path, view="targets", column="kommun_kod") -> set[str]:
    return {r[0] for r in query(path, f"select distinct {column} from {view}")}


def test_codes_stored_as_numbers_get_their_leading_zeros_back(fresh_store):
    f = of.arrivals_xlsx()  # 180, 114, 980 as numbers
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert codes(fresh_store, "arrivals_ytd") == {"0180", "0114", "0980", "1438", "2023", "2080"}


def test_csv_codes_that_lost_their_zero_get_it_back(fresh_store):
    f = of.kommuntal_csv(codes_as_numbers=True)
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert {"0180", "0114", "0182", "0980", "0780", "0781"} <= codes(fresh_store)
    assert all(re.fullmatch(r"\d{4}", c) for c in codes(fresh_store))


def test_county_codes_stored_as_numbers_get_their_leading_zero_back(fresh_store):
    f = of.lanstal_xlsx(with_codes=True)  # 1, 7, 9 as numbers
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    got = {r[0] for r in query(fresh_store, "select lan_kod from county_targets where year = 2024")}
    assert got == {"01", "07", "09", "14", "20"}


def test_upper_case_hyphenless_and_old_names_are_matched(fresh_store):
    # MALUNG (old name of Malung-Sälen), DALSED (Dals-Ed), UPPLANDS-VÄSBY (Upplands Väsby), GOTLAND
    # names only: no code column to lean on
    f = of.arrivals_xlsx(with_codes=False, name="kommunmottagna_namn.xlsx")
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert codes(fresh_store, "arrivals_ytd") == {"0180", "0114", "0980", "1438", "2023", "2080"}


def test_city_and_region_style_names_are_matched(fresh_store):
    # "Stockholms stad", "Region Gotland", "Nacka kommun", "Växjö kommun", "Alvesta kommun"
    f = of.fordelningstal_xlsx()
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert codes(fresh_store) == {"0180", "0182", "0980", "0780", "0764"}


def test_names_in_decomposed_unicode_are_the_same_names(fresh_store):
    # "Växjö" as a Mac or a PDF copy writes it: a + combining diaeresis (NFD)
    entries = [replace(e, kommun=unicodedata.normalize("NFD", e.kommun)) for e in of.KOMMUNTAL_2024]
    assert entries[4].kommun != "Växjö"
    f = of.kommuntal_xlsx(entries)
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert codes(fresh_store) == {e.kod for e in of.KOMMUNTAL_2024}


@pytest.mark.parametrize(
    ("printed", "kod"),
    [
        ("Falu kommun", "2080"),  # Falun's official name, in the genitive
        ("FALU KOMMUN", "2080"),
        ("Göteborgs Stad", "1480"),
        ("Malung-Sälens kommun", "2023"),
        ("Dals-Eds kommun", "1438"),
        ("Upplands Väsby kommun", "0114"),
    ],
)
def test_official_municipality_names_are_matched(fresh_store, printed, kod):
    lines = [["År", "Kommun", "Fördelningstal"], [2024, printed, 7]]
    ingest.ingest_bytes("fordelningstal.csv", of.csv_bytes(lines), store_path=fresh_store)
    assert query(fresh_store, "select kommun_kod, program, target from targets") == [
        (kod, "temporary_protection", 7)
    ]


def test_county_names_in_upper_case_and_short_form_are_matched(fresh_store):
    f = of.lanstal_xlsx()  # "KRONOBERG LÄN" for Kronobergs län, "GOTLANDS LÄN"
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    got = dict(query(fresh_store, "select lan_kod, target from county_targets where year = 2024"))
    assert got == {kod: value for _, _, kod, value in of.LANSTAL_2024}


def test_gotland_is_municipality_0980_in_municipal_files_and_county_09_in_county_files(fresh_store):
    kommuntal = of.kommuntal_xlsx()  # "Region Gotland", then the subtotal row "Gotlands län"
    lanstal = of.lanstal_xlsx()  # "GOTLANDS LÄN"
    ingest.ingest_bytes(kommuntal.name, kommuntal.data, store_path=fresh_store)
    ingest.ingest_bytes(lanstal.name, lanstal.data, store_path=fresh_store)
    assert query(fresh_store, "select target, received from targets where kommun_kod = '0980'") == [(64, 41)]
    assert "09" not in codes(fresh_store)
    assert one(fresh_store, "select target from county_targets where year = 2024 and lan_kod = '09'") == 14
    assert all(len(c) == 2 for c in codes(fresh_store, "county_targets", "lan_kod"))


def test_thousands_with_space_and_no_break_space_are_one_number(fresh_store):
    f = of.kommuntal_csv()  # Stockholm "1 882" (space) and "1\u00a0301" (no-break space)
    assert b"1 882" in f.data and "1\u00a0301".encode("cp1252") in f.data
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert query(fresh_store, "select target, received from targets where kommun_kod = '0180'") == [
        (1882, 1301)
    ]


def test_thousands_in_a_utf8_file_with_no_break_space(fresh_store):
    f = of.monthly_long_csv(encoding="utf-8-sig")  # "1\u00a0204" egenbosatta in Stockholm
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert (
        one(
            fresh_store,
            "select persons from arrivals_month where month = '2024-01-01' and kommun_kod = '0180' "
            "and category = 'self_settled'",
        )
        == 1204
    )


def test_decimal_comma_is_a_decimal(fresh_store):
    f = of.anvisningsandel_csv(sep=";")
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    got = dict(
        query(fresh_store, "select kommun_kod, target from targets where program = 'unaccompanied_minors'")
    )
    assert got["0114"] == pytest.approx(3.45)
    assert got["0180"] == pytest.approx(45.67)


def test_suppressed_cells_are_stored_as_null_never_zero(fresh_store):
    f = of.arrivals_xlsx()
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    rows = {}
    for k, c, p, u in query(
        fresh_store, "select kommun_kod, category, persons, of_which_unaccompanied from arrivals_ytd"
    ):
        rows[(k, c, "persons")] = p
        rows[(k, c, "unacc")] = u
    # each marker, as printed
    assert rows[("0180", "family", "unacc")] is None  # ".."
    assert rows[("0180", "other", "unacc")] is None  # "-"
    assert rows[("0114", "quota_refugee", "unacc")] is None  # "x"
    assert rows[("0114", "assigned", "unacc")] is None  # blank
    assert rows[("1438", "family", "persons")] is None  # blank
    assert rows[("1438", "quota_refugee", "persons")] is None  # ".."
    assert rows[("2023", "family", "persons")] is None  # "-"
    assert rows[("0980", "other", "persons")] is None  # "x"
    # and real zeros stay zeros
    assert rows[("1438", "other", "persons")] == 0
    assert rows[("0114", "self_settled", "unacc")] == 0


def test_the_summary_counts_suppressed_cells_and_leaves_them_out_of_the_totals(fresh_store):
    f = of.arrivals_xlsx()
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    persons, unacc = of.suppressed_counts()
    assert (persons, unacc) == (5, 6)
    (summary,) = result.loads
    assert summary.suppressed["persons"] == persons
    assert summary.suppressed["of_which_unaccompanied"] == unacc
    expected = of.expected_arrivals().values()
    assert summary.totals["persons"] == sum(p for p, _ in expected if p is not None)
    assert summary.totals["of_which_unaccompanied"] == sum(u for _, u in expected if u is not None)


def test_the_summary_lines_say_how_many_values_were_suppressed(fresh_store):
    f = of.arrivals_xlsx()
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    persons, unacc = of.suppressed_counts()
    summary = result.loads[0]
    hidden = {
        line.split(":")[0].strip(): line.split("(")[-1]
        for line in result.summary_lines()
        if line.strip().startswith("summa ")
    }
    assert hidden == {
        "summa personer": f"{persons} värden dolda i källan, sparade som okända)",
        "summa varav ensamkommande barn": f"{unacc} värden dolda i källan, sparade som okända)",
    }, summary


def test_a_suppressed_monthly_figure_is_null_and_its_year_unknown(fresh_store):
    f = of.monthly_long_csv()  # Falun, family, 2024-02: ".."
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert (
        one(
            fresh_store,
            "select persons from arrivals_month where month = '2024-02-01' and kommun_kod = '2080' "
            "and category = 'family'",
        )
        is None
    )


def test_subtotal_total_footnote_and_blank_rows_are_not_stored_as_municipalities(fresh_store):
    f = of.kommuntal_xlsx()
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert codes(fresh_store) == {e.kod for e in of.KOMMUNTAL_2024}
    assert one(fresh_store, "select sum(target) from targets where year = 2024") == 2755  # not doubled
    known = {r[0] for r in query(fresh_store, "select kommun_kod from municipality")}
    assert codes(fresh_store) <= known


def test_the_riket_row_of_an_arrivals_sheet_is_not_stored(fresh_store):
    f = of.arrivals_xlsx()
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert one(fresh_store, "select count(distinct kommun_kod) from arrivals_ytd") == 6


def test_the_summa_row_of_a_capacity_sheet_is_not_stored(fresh_store):
    f = of.capacity_wide_xlsx()
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert codes(fresh_store, "capacity") == {"2080", "2081", "2082"}


def test_year_and_month_come_from_the_title(fresh_store):
    f = of.arrivals_xlsx(year=2023, month=7)  # "januari–juli 2023"
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert query(fresh_store, "select distinct year, as_of_month from arrivals_ytd") == [(2023, 7)]


@pytest.mark.parametrize(
    "title",
    [
        "Kommunmottagna enligt ersättningsförordningen januari–oktober 2024",
        "Kommunmottagna enligt ersättningsförordningen januari-oktober 2024",
        "Kommunmottagna enligt ersättningsförordningen jan–okt 2024",
        "Kommunmottagna enligt ersättningsförordningen januari t.o.m. oktober 2024",
        "Kommunmottagna 2024 t.o.m. oktober",
    ],
)
def test_the_snapshot_month_is_read_from_the_ways_titles_write_it(fresh_store, title):
    f = of.arrivals_xlsx(title=title)
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert query(fresh_store, "select distinct year, as_of_month from arrivals_ytd") == [(2024, 10)]


def test_a_publication_date_in_the_next_year_does_not_move_the_year(fresh_store):
    f = of.arrivals_xlsx(month=12)  # "januari–december 2024", published 2025-01-05
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert query(fresh_store, "select distinct year, as_of_month from arrivals_ytd") == [(2024, 12)]


def test_the_year_comes_from_the_sheet_name_when_the_title_has_none(fresh_store):
    f = of.kommuntal_xlsx(year=None, sheet="Kommuntal 2025")
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert {r[0] for r in query(fresh_store, "select distinct year from targets")} == {2025}


def test_a_capacity_month_comes_from_the_month_column(fresh_store):
    f = of.capacity_long_csv(months=("2024-10",))
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert {r[0] for r in query(fresh_store, "select distinct month from capacity")} == {date(2024, 10, 1)}


def test_numbers_in_the_summary_are_the_stored_numbers(fresh_store):
    f = of.kommuntal_xlsx()
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    text = digits("\n".join(result.summary_lines()))
    assert "2024" in text
    assert "2755" in text
