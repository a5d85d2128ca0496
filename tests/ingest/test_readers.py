"""Every reader stores exactly the numbers in the file: xlsx (title rows, merged headers, several sheets),
CSV (Windows-1252 and UTF-8 with BOM, semicolon or comma), parquet; for every dataset."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import official_files as of
import pytest
from ingest_helpers import one, query, ytd

from reception import ingest


def targets(path, program="settlement", year=2024) -> dict[str, tuple]:
    rows = query(
        path,
        "select kommun_kod, target, received from targets where year = ? and program = ?",
        [year, program],
    )
    return {code: (target, received) for code, target, received in rows}


def expected_kommuntal(entries=of.KOMMUNTAL_2024) -> dict[str, tuple]:
    return {e.kod: (e.target, e.received) for e in entries}


def months(path) -> dict[tuple[date, str, str], tuple]:
    rows = query(
        path, "select month, kommun_kod, category, persons, of_which_unaccompanied from arrivals_month"
    )
    return {(m, k, c): (p, u) for m, k, c, p, u in rows}


def test_the_export_api_is_there():
    assert ingest.DATASETS == (
        "targets",
        "county_targets",
        "arrivals",
        "capacity",
        "arrival_events",
        "population",
    )
    for name in ("ingest_bytes", "ingest_file", "IngestRefused", "Problem", "IngestResult", "LoadSummary"):
        assert hasattr(ingest, name), name


def test_kommuntal_sheet_with_title_rows_subtotals_and_footnotes_stores_exactly_its_municipalities(
    fresh_store,
):
    f = of.kommuntal_xlsx()
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert targets(fresh_store) == expected_kommuntal()
    assert result.source == f.name
    assert result.already_loaded is None
    assert result.dataset == "targets"
    assert result.rows == 10
    (summary,) = result.loads
    assert summary.dataset == "targets"
    assert summary.years == [2024]
    assert summary.municipalities == 10
    assert summary.rows == 10
    assert summary.totals["target"] == 2755
    assert summary.totals["received"] == 2039
    assert not any(summary.suppressed.values())
    assert result.load_ids == [summary.load_id]


def test_the_load_is_recorded_with_file_name_fingerprint_dataset_and_rows(fresh_store):
    from reception import store

    f = of.kommuntal_xlsx()
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    row = one(
        fresh_store,
        "select source, sha256, dataset, rows, is_demo, undone_at from loads where load_id = ?",
        [result.load_ids[0]],
    )
    assert row == (f.name, store.sha256_bytes(f.data), "targets", 10, False, None)
    assert one(fresh_store, "select count(distinct load_id) from targets where year = 2024") == 1
    assert one(fresh_store, "select max(load_id) from targets where year = 2024") == result.load_ids[0]


def test_a_workbook_with_several_sheets_reads_the_one_that_holds_the_table(fresh_store):
    f = of.kommuntal_xlsx(with_other_sheets=True)
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert targets(fresh_store) == expected_kommuntal()


def test_formulas_saved_by_excel_are_read_as_the_values_excel_computed(fresh_store):
    f = of.with_formulas(of.kommuntal_xlsx())  # subtotals, Riket and "Kvar att anvisa" as formulas
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert targets(fresh_store) == expected_kommuntal()
    assert not [w for w in result.warnings if "rad" in w.lower()], result.warnings


def test_ingest_file_reads_a_path_and_records_only_the_file_name(fresh_store, tmp_path):
    f = of.kommuntal_xlsx()
    path = f.write(tmp_path)
    result = ingest.ingest_file(path, store_path=fresh_store)
    assert targets(fresh_store) == expected_kommuntal()
    assert result.source == f.name
    assert one(fresh_store, "select source from loads where load_id = ?", [result.load_ids[0]]) == f.name


def test_the_store_defaults_to_reception_db(fresh_store):
    f = of.kommuntal_xlsx()
    ingest.ingest_bytes(f.name, f.data)  # RECEPTION_DB points at fresh_store
    assert targets(fresh_store) == expected_kommuntal()


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig"])
def test_a_sheet_saved_as_csv_keeps_its_title_rows_subtotals_and_footnotes_out_of_the_data(
    fresh_store, encoding
):
    f = of.sheet_as_csv(of.kommuntal_xlsx(), encoding=encoding)  # year only in the title line
    assert "Kommunmottagande med kommuntal 2024;;;;".encode(encoding) in f.data
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert targets(fresh_store) == expected_kommuntal()
    assert result.loads[0].years == [2024]
    assert result.loads[0].municipalities == 10


def test_numbers_stored_as_text_in_a_workbook_are_read_as_numbers(fresh_store):
    entries = [
        replace(e, target="1 882", received="1\u00a0301") if e.kommun == "Stockholm" else e
        for e in of.KOMMUNTAL_2024
    ]
    f = of.kommuntal_xlsx(entries)
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert targets(fresh_store) == expected_kommuntal()


def test_per_mille_as_text_with_decimal_comma_in_a_workbook(fresh_store):
    f = of.anvisningsandel_xlsx()
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    got = targets(fresh_store, program="unaccompanied_minors")
    assert {k: pytest.approx(v[0]) for k, v in got.items()} == {
        kod: share for _, _, kod, share in of.ANVISNINGSANDEL_2024
    }


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig"])
def test_kommuntal_csv_in_windows_1252_or_utf8_with_bom_stores_exactly_its_numbers(fresh_store, encoding):
    f = of.kommuntal_csv(encoding=encoding)
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert targets(fresh_store) == expected_kommuntal()
    assert result.loads[0].years == [2024]
    assert result.loads[0].municipalities == 10


def test_semicolon_csv_with_decimal_comma_stores_per_mille_shares(fresh_store):
    f = of.anvisningsandel_csv(sep=";", encoding="cp1252")
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    got = targets(fresh_store, program="unaccompanied_minors")
    assert set(got) == {kod for _, _, kod, _ in of.ANVISNINGSANDEL_2024}
    for _, _, kod, share in of.ANVISNINGSANDEL_2024:
        assert got[kod][0] == pytest.approx(share)
        assert got[kod][1] is None  # the file has no received column
    assert targets(fresh_store) == {}  # not settlement


def test_comma_separated_csv_with_decimal_point_stores_the_same_shares(fresh_store):
    f = of.anvisningsandel_csv(sep=",", encoding="utf-8-sig")
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    got = targets(fresh_store, program="unaccompanied_minors")
    assert {k: pytest.approx(v[0]) for k, v in got.items()} == {
        kod: share for _, _, kod, share in of.ANVISNINGSANDEL_2024
    }


def test_fordelningstal_sheet_stores_temporary_protection_targets(fresh_store):
    f = of.fordelningstal_xlsx()
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert targets(fresh_store, program="temporary_protection") == {
        e.kod: (e.target, None) for e in of.FORDELNINGSTAL_2024
    }
    assert targets(fresh_store) == {}
    assert result.loads[0].totals["target"] == 418


def test_lanstal_sheet_stores_county_targets(fresh_store):
    f = of.lanstal_xlsx()
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    rows = query(
        fresh_store, "select lan_kod, program, target from county_targets where year = 2024 order by lan_kod"
    )
    assert rows == [(kod, "settlement", value) for _, _, kod, value in of.LANSTAL_2024]
    assert result.dataset == "county_targets"
    assert result.loads[0].years == [2024]
    assert result.loads[0].totals["target"] == 1184


def test_a_lanstal_decision_and_its_date_are_stored(fresh_store):
    f = of.lanstal_decisions_csv()
    first_decision = b"\r\n".join(f.data.split(b"\r\n")[: 1 + len(of.LANSTAL_2024)]) + b"\r\n"
    ingest.ingest_bytes("lanstal_2024_forsta_beslutet.csv", first_decision, store_path=fresh_store)
    rows = query(
        fresh_store,
        "select lan_kod, target, decision, valid_from from county_targets where year = 2024 order by lan_kod",
    )
    assert rows == [(kod, value, "SFS 2023:812", date(2024, 1, 1)) for _, _, kod, value in of.LANSTAL_2024]


def test_a_lanstal_file_with_a_revised_decision_shows_the_decision_in_force_last(fresh_store):
    # the view keeps one row per county and year: the decision with the latest valid_from
    f = of.lanstal_decisions_csv()
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    rows = query(
        fresh_store,
        "select lan_kod, target, decision, valid_from from county_targets where year = 2024 order by lan_kod",
    )
    assert rows == [
        (kod, value * 6, "SFS 2024:512", date(2024, 7, 1)) for _, _, kod, value in of.LANSTAL_2024
    ]


def test_arrivals_sheet_with_two_row_merged_headers_stores_every_category_and_its_unaccompanied_part(
    fresh_store,
):
    f = of.arrivals_xlsx()
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert ytd(fresh_store) == of.expected_arrivals()
    assert result.dataset == "arrivals"
    (summary,) = result.loads
    assert summary.years == [2024]
    assert summary.municipalities == 6
    assert summary.rows == 30
    known = [p for p, _ in of.expected_arrivals().values() if p is not None]
    assert summary.totals["persons"] == sum(known)


def test_a_year_to_date_snapshot_is_also_the_year_so_far(fresh_store):
    f = of.arrivals_xlsx()
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    rows = query(
        fresh_store,
        "select kommun_kod, category, persons, of_which_unaccompanied, as_of_month from arrivals_year "
        "where year = 2024",
    )
    assert {(k, c): (p, u) for k, c, p, u, _ in rows} == of.expected_arrivals()
    assert {m for *_, m in rows} == {10}


def test_a_total_column_in_the_arrivals_sheet_is_not_stored_as_a_category(fresh_store):
    f = of.arrivals_xlsx(with_total_column=True)
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert ytd(fresh_store) == of.expected_arrivals()


def test_monthly_long_csv_stores_monthly_figures_directly(fresh_store):
    f = of.monthly_long_csv()
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    expected = {}
    for month, _code, _cat, count, (kod, category) in of.MONTHLY_LONG:
        y, m = map(int, month.split("-"))
        expected[(date(y, m, 1), kod, category)] = of.stored(count)
    got = months(fresh_store)
    assert {k: v[0] for k, v in got.items()} == expected
    assert all(u is None for _, u in got.values())  # the file has no unaccompanied column
    assert result.dataset == "arrivals"
    assert (
        one(
            fresh_store,
            "select persons from arrivals_year "
            "where year = 2024 and kommun_kod = '0180' and category = 'quota_refugee'",
        )
        == 12 + 9
    )


def test_numbered_categories_3_and_8_are_summed_as_other(fresh_store):
    lines = [
        ("2024-05", "0180", "Kategori 1", 7, None),
        ("2024-05", "0180", "Kategori 3", 4, None),
        ("2024-05", "0180", "Kategori 8", 9, None),
        ("2024-05", "2080", "Kategori 3", 2, None),
    ]
    f = of.monthly_long_csv(lines, name="kategorier.csv")
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    got = {k: v[0] for k, v in months(fresh_store).items()}
    assert got == {
        (date(2024, 5, 1), "0180", "quota_refugee"): 7,
        (date(2024, 5, 1), "0180", "other"): 13,
        (date(2024, 5, 1), "2080", "other"): 2,
    }


def test_capacity_long_csv_stores_places_and_occupied_per_kind(fresh_store):
    f = of.capacity_long_csv(months=("2024-09", "2024-10"))
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    rows = query(
        fresh_store,
        "select month, kommun_kod, count(*), sum(places), sum(occupied) from capacity "
        "group by all order by all",
    )
    expected = []
    for i, month in enumerate((date(2024, 9, 1), date(2024, 10, 1))):
        for kod in ("2080", "2081", "2082"):
            entries = [e for e in of.CAPACITY_OCT_2024 if e[1] == kod]
            expected.append((month, kod, 2, sum(e[3] + i for e in entries), sum(e[4] for e in entries)))
    assert rows == expected
    assert one(fresh_store, "select count(distinct kind) from capacity") == 2
    assert result.dataset == "capacity"
    assert result.loads[0].rows == 12


def test_capacity_wide_sheet_takes_its_month_from_the_title(fresh_store):
    f = of.capacity_wide_xlsx(year=2024, month=10)
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    rows = query(
        fresh_store,
        "select month, kommun_kod, count(*), sum(places), sum(occupied) from capacity group by all",
    )
    expected = set()
    for kod in ("2080", "2081", "2082"):
        entries = [e for e in of.CAPACITY_OCT_2024 if e[1] == kod]
        expected.add((date(2024, 10, 1), kod, 2, sum(e[3] for e in entries), sum(e[4] for e in entries)))
    assert set(rows) == expected  # and not the "Summa" row


def test_capacity_kinds_from_long_and_wide_files_are_the_same_kinds(fresh_store):
    """The wide file's group headers and the long file's Boendetyp name the same kinds of housing."""
    wide = of.capacity_wide_xlsx(year=2024, month=10)
    long = of.capacity_long_csv(months=("2024-10",))
    ingest.ingest_bytes(wide.name, wide.data, store_path=fresh_store)
    kinds_wide = {r[0] for r in query(fresh_store, "select distinct kind from capacity")}
    ingest.ingest_bytes(long.name, long.data, store_path=fresh_store)
    kinds_long = {r[0] for r in query(fresh_store, "select distinct kind from capacity")}
    assert kinds_wide == kinds_long
    assert one(fresh_store, "select count(*) from capacity") == 6  # the long file replaced the wide one


def test_event_parquet_is_aggregated_into_months_with_the_unaccompanied_part(fresh_store):
    f = of.events_parquet()
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert months(fresh_store) == of.expected_event_months()
    assert result.dataset == "arrival_events"
    assert result.loads[0].municipalities == 2
    assert result.loads[0].years == [2024]


def test_event_csv_with_municipality_names_is_aggregated_the_same_way(fresh_store):
    f = of.events_csv()
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert months(fresh_store) == of.expected_event_months()
    assert result.dataset == "arrival_events"


def test_event_months_are_the_same_load_as_the_events(fresh_store):
    f = of.events_parquet()
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert {r[0] for r in query(fresh_store, "select distinct load_id from arrivals_month")} == set(
        result.load_ids
    )
    assert one(fresh_store, "select count(*) from loads where dataset = 'arrival_events'") == 1


def test_the_dataset_can_be_named_instead_of_recognised(fresh_store):
    f = of.events_csv()
    result = ingest.ingest_bytes(f.name, f.data, dataset="arrival_events", store_path=fresh_store)
    assert result.dataset == "arrival_events"
    assert months(fresh_store) == of.expected_event_months()


def test_progress_is_reported_as_done_out_of_total(fresh_store):
    calls = []
    f = of.kommuntal_csv()
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store, progress=lambda d, t: calls.append((d, t)))
    for done, total in calls:
        assert isinstance(done, int) and isinstance(total, int)
        assert 0 <= done <= total


def test_the_unaccompanied_part_of_a_monthly_file_is_a_part_never_added(fresh_store):
    f = of.monthly_with_unaccompanied_csv()
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    march = date(2024, 3, 1)
    assert months(fresh_store) == {
        (march, "0180", "quota_refugee"): (14, 3),
        (march, "0180", "assigned"): (22, None),
        (march, "0180", "self_settled"): (None, None),
        (march, "0180", "family"): (None, None),
        (march, "0180", "other"): (None, 0),
        (march, "2080", "quota_refugee"): (8, 0),
    }
    (summary,) = result.loads
    assert summary.totals["persons"] == 14 + 22 + 8
    assert summary.suppressed["persons"] == 3
    assert summary.suppressed["of_which_unaccompanied"] == 3


def test_capacity_in_a_workbook_with_months_as_date_cells(fresh_store):
    f = of.capacity_long_xlsx()
    ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    rows = query(fresh_store, "select month, count(*), sum(places), sum(occupied) from capacity group by all")
    places = sum(e[3] for e in of.CAPACITY_OCT_2024)
    occupied = sum(e[4] for e in of.CAPACITY_OCT_2024)
    assert sorted(rows) == [(date(2024, 9, 1), 6, places, occupied), (date(2024, 10, 1), 6, places, occupied)]


def test_a_file_with_several_years_reports_them_all(fresh_store):
    lines = [["År", "Kommun", "Kommuntal"]]
    for year, bump in ((2023, 0), (2024, 7)):
        for e in of.KOMMUNTAL_2024[:4]:
            lines.append([year, e.kommun, e.target + bump])
    data = of.csv_bytes(lines, encoding="cp1252")
    result = ingest.ingest_bytes("kommuntal_2023_2024.csv", data, store_path=fresh_store)
    assert result.loads[0].years == [2023, 2024]
    assert result.loads[0].municipalities == 4
    assert result.rows == 8
    got = query(fresh_store, "select year, kommun_kod, target from targets order by all")
    assert len(got) == 8
    assert (2024, "0180", 1889) in got and (2023, "0180", 1882) in got


def test_months_written_the_swedish_way_are_read(fresh_store):
    lines = [["Månad", "Kommunkod", "Kategori", "Antal"]]
    for text, _ in SWEDISH_MONTHS:
        lines.append([text, "0180", "Kvotflyktingar", 5])
    data = of.csv_bytes(lines, encoding="cp1252")
    ingest.ingest_bytes("manader.csv", data, store_path=fresh_store)
    got = {m for (m, _, _) in months(fresh_store)}
    assert got == {m for _, m in SWEDISH_MONTHS}


SWEDISH_MONTHS = [
    ("januari 2024", date(2024, 1, 1)),
    ("feb 2024", date(2024, 2, 1)),
    ("2024-03", date(2024, 3, 1)),
    ("2024-04-01", date(2024, 4, 1)),
    ("maj 2024", date(2024, 5, 1)),
]
