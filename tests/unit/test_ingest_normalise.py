"""The importer's normalisers on their own: names and codes, numbers, months, titles, headers."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
import pytest

from reception.ingest import names, values
from reception.ingest.period import read_period
from reception.ingest.vocabulary import category_of, kind_of, program_of, read_header

PLACES = names.places()


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("STOCKHOLM", "0180"),
        ("Stockholms stad", "0180"),
        ("Göteborgs Stad", "1480"),
        ("MALUNG", "2023"),
        ("Malung-Sälen", "2023"),
        ("DALSED", "1438"),
        ("Dals Ed", "1438"),
        ("UPPLANDS-VÄSBY", "0114"),
        ("upplands väsby", "0114"),
        ("Säters kommun", "2082"),
        ("Region Gotland", "0980"),
        ("Gotland", "0980"),
        ("Bollnäs kommun", "2183"),
        ("Lilla\u00a0Edet", "1462"),
        ("Göteborg*", "1480"),
        ("Ale 1)", "1440"),
        ("0180", "0180"),
        ("180", "0180"),
    ],
)
def test_municipality_names_in_the_forms_the_files_use(written, code):
    assert PLACES.municipality(written).code == code


@pytest.mark.parametrize("written", ["Atlantis", "Malungs", "Stockholm län", "Göteborgsregionen", "", "9999"])
def test_anything_else_is_not_a_municipality(written):
    assert PLACES.municipality(written) is None


def test_old_names_are_reported_as_renamed():
    assert PLACES.municipality("MALUNG").renamed
    assert not PLACES.municipality("Malung-Sälen").renamed


@pytest.mark.parametrize(
    ("written", "code"),
    [("180", "0180"), ("0180", "0180"), ("180.0", "0180"), ("1480", "1480"), ("1917", "0331")],
)
def test_codes_get_their_leading_zero_back(written, code):
    assert PLACES.municipality_code(written).code == code


@pytest.mark.parametrize("written", ["9999", "18", "12345", "abc", "", "0000"])
def test_unknown_or_short_codes_are_no_municipality(written):
    assert PLACES.municipality_code(written) is None


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("KRONOBERG LÄN", "07"),
        ("Kronobergs län", "07"),
        ("Västra Götalands län", "14"),
        ("Gotlands län", "09"),
        ("Dalarna", "20"),
        ("Skåne län", "12"),
    ],
)
def test_county_names(written, code):
    assert PLACES.county(written) == code


def test_county_short_names_that_are_municipalities_stay_municipalities():
    assert PLACES.county("Stockholm") is None and PLACES.county("Gotland") is None
    assert PLACES.county("Stockholm", strict=False) == "01"


def test_county_codes_and_subtotal_labels():
    assert (
        PLACES.county_code("1") == "01"
        and PLACES.county_code("20") == "20"
        and PLACES.county_code("22x") is None
    )
    assert PLACES.subtotal_county("Summa Dalarnas län") == "20"
    assert PLACES.subtotal_county("Dalarnas län totalt") == "20"
    assert names.is_total("Riket") and names.is_total("TOTALT") and not names.is_total("Totalt Dalarna")


def test_suggestions_are_offered_for_near_misses():
    assert PLACES.suggest("Malungsälen") == ["Malung-Sälen"]


def _parse(cells, decimal=","):
    parsed = values.numbers(pa.array(cells, pa.string()), decimal)
    return parsed.values.to_pylist(), parsed.suppressed.to_pylist(), parsed.invalid.to_pylist()


def test_swedish_numbers_with_space_and_no_break_space_thousands_and_decimal_comma():
    got, _, invalid = _parse(["1 882", "1\u00a0882", "1\u202f882", "12,5", "12.5", "-3", "−4", "7*"])
    assert got == [1882, 1882, 1882, 12.5, 12.5, -3, -4, 7]
    assert not any(invalid)


def test_suppressed_marks_are_unknown_not_zero():
    got, suppressed, invalid = _parse(["..", "-", "x", "X", "", None, "<6", "…", " ", "1-5"])
    assert got == [None] * 10
    assert all(suppressed) and not any(invalid)


def test_text_in_a_number_column_is_invalid():
    got, suppressed, invalid = _parse(["tolv", "12 %", "1.882,5", "3 st"])
    assert got == [None] * 4 and invalid == [True] * 4 and not any(suppressed)


def test_english_numbers_in_a_comma_separated_file():
    got, _, invalid = _parse(["1,882", "12.5", "1,234,567.5", "12,5"], decimal=".")
    assert got == [1882, 12.5, 1234567.5, None] and invalid == [False, False, False, True]


@pytest.mark.parametrize(
    "written",
    [
        "2024-10",
        "2024-10-01",
        "2024-10-31",
        "202410",
        "2024M10",
        "2024m10",
        "10/2024",
        "oktober 2024",
        "Okt 2024",
        "okt. 2024",
        "2024 oktober",
        "October 2024",
        "2024-10-01 00:00:00",
    ],
)
def test_months_in_many_forms(written):
    assert values.month_of(written) == date(2024, 10, 1)


@pytest.mark.parametrize("written", ["2024-13", "oktober", "2024", "1899-01", "snart"])
def test_not_months(written):
    assert values.month_of(written) is None


def test_days_flags_years_and_month_numbers():
    assert values.date_of("2024-10-05") == values.date_of("20241005") == date(2024, 10, 5)
    assert values.date_of("2024-02-30") is None
    assert (
        values.flag_of("Ja") is True and values.flag_of("nej") is False and values.flag_of("kanske") is None
    )
    assert values.year_of("2024") == values.year_of("2024.0") == 2024 and values.year_of("24") is None
    assert (
        values.month_number("Oktober") == values.month_number("10") == 10
        and values.month_number("13") is None
    )


@pytest.mark.parametrize(
    ("title", "year", "month"),
    [
        ("Kommunmottagande med kommuntal 2024", 2024, None),
        ("Kommunmottagna enligt ersättningsförordningen januari–oktober 2024", 2024, 10),
        ("Kommunmottagna jan-okt 2024", 2024, 10),
        ("Statistik t.o.m. september 2025", 2025, 9),
        ("Perioden 2024-01-01 -- 2024-10-31", 2024, 10),
        ("Helår 2023", 2023, 12),
        ("Anvisade sedan 2016, läget 2024", 2024, None),
        ("Kommuntal 2017 och mottagna 2016 och 2017", None, None),
    ],
)
def test_titles_say_the_year_and_the_month(title, year, month):
    period = read_period([("source.title", title)])
    assert (period.year, period.month) == (year, month)


def test_dates_on_lines_that_say_when_the_file_was_made_are_not_the_period():
    period = read_period([("source.title", "Uppdaterad 2024-11-05"), ("source.title", "Kommuntal 2024")])
    assert (period.year, period.month) == (2024, None)
    assert "Kommuntal 2024" in period.year_from


@pytest.mark.parametrize(
    ("header", "facets"),
    [
        ("Kommun", {"role": "kommun"}),
        ("Kommunkod", {"role": "kommun_kod"}),
        ("Län", {"role": "lan"}),
        ("Kommuntal 2024", {"measure": "target", "target_of": "settlement", "year": 2024}),
        ("Reviderat kommuntal", {"measure": "target", "revised": True}),
        ("Fördelningstal", {"measure": "target", "target_of": "temporary_protection"}),
        ("Anvisningsandel (promille)", {"measure": "target", "target_of": "unaccompanied_minors"}),
        ("Länstal", {"measure": "target", "target_of": "settlement_county"}),
        ("Anvisade", {"measure": "received"}),
        ("Mottagna enligt kommuntal", {"measure": "received"}),
        ("Kvar att anvisa", {"measure": "remaining"}),
        ("Kommuntal uppfyllt (%)", {"measure": "ignored"}),
        ("Kvotflyktingar Totalt", {"measure": "persons", "category": "quota_refugee"}),
        (
            "Kvotflyktingar varav ensamkommande barn",
            {"measure": "unaccompanied", "category": "quota_refugee"},
        ),
        ("Anvisade från ABO", {"measure": "persons", "category": "assigned"}),
        ("Egenbosatta (EBO)", {"measure": "persons", "category": "self_settled"}),
        ("Personer under tillfälligt skydd", {"measure": "persons", "category": "temporary_protection"}),
        ("Totalt mottagna", {"measure": "total"}),
        ("Lediga platser", {"measure": "free"}),
        ("Belagda platser", {"measure": "occupied"}),
        ("Platser lägenheter", {"measure": "places", "kind": "apartment"}),
        ("Municipality code", {"role": "kommun_kod"}),
        ("Month", {"role": "month"}),
        ("Category", {"role": "category"}),
    ],
)
def test_headers_are_read_by_meaning(header, facets):
    read = read_header(header)
    assert {k: getattr(read, k) for k in facets} == facets


def test_category_program_and_kind_values():
    assert category_of("Kvotflykting") == "quota_refugee" and category_of("EBO") == "self_settled"
    assert category_of("kategori 3") == category_of("8") == "other" and category_of("Annat") is None
    assert (
        program_of("Kommuntal") == "settlement"
        and program_of("Massflyktsdirektivet") == "temporary_protection"
    )
    assert kind_of("Lägenheter") == "apartment" and kind_of("Paviljong") == "temporary"
    assert kind_of("Villa") == "villa" and kind_of("") == "all"
