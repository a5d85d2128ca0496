"""Every validation rule refuses the file and says where: file, sheet, the row number Excel shows (or the
CSV line), the column (letter and header) and the value as it stands. One refusal lists every problem.
A subtotal that disagrees with its municipalities is a warning, not a refusal."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import official_files as of
import pytest
from ingest_helpers import letter, query
from openpyxl import load_workbook

from reception import ingest


def refused(f: of.Official, store_path, **kwargs) -> ingest.IngestRefused:
    with pytest.raises(ingest.IngestRefused) as info:
        ingest.ingest_bytes(f.name, f.data, store_path=store_path, **kwargs)
    exc = info.value
    assert exc.file == f.name
    assert exc.problems, "a refusal names at least one problem"
    for p in exc.problems:
        assert isinstance(p, ingest.Problem)
        assert p.file == f.name
    return exc


def at(exc: ingest.IngestRefused, row: int) -> list[ingest.Problem]:
    return [p for p in exc.problems if p.row == row]


def kommuntal_with(**changes) -> list[of.Target]:
    """KOMMUNTAL_2024 with some entries replaced: kommun name -> dict of fields."""
    out = []
    for e in of.KOMMUNTAL_2024:
        out.append(replace(e, **changes[e.kommun]) if e.kommun in changes else e)
    return out


def test_an_unknown_municipality_is_refused_naming_sheet_row_column_and_value(fresh_store):
    f = of.kommuntal_xlsx(kommuntal_with(Nacka={"kommun": "Atlantis"}))
    exc = refused(f, fresh_store)
    row = f.row("Atlantis")
    assert row == 8
    (p,) = at(exc, row)
    assert p.sheet == f.sheet
    assert letter(p.column) == "B" and "Kommun" in p.column
    assert p.value == "Atlantis"
    assert "kommun" in p.message.lower()
    assert len(exc.problems) == 1


def test_a_name_is_never_guessed_from_a_prefix(fresh_store):
    # "Upplands" could be Upplands Väsby or Upplands-Bro: refuse it rather than guess
    f = of.kommuntal_xlsx(kommuntal_with(**{"Upplands Väsby": {"kommun": "Upplands"}}))
    exc = refused(f, fresh_store)
    (p,) = at(exc, f.row("Upplands"))
    assert p.value == "Upplands"
    assert letter(p.column) == "B"


def test_a_negative_count_is_refused(fresh_store):
    f = of.kommuntal_xlsx(kommuntal_with(Vansbro={"received": -3}))
    exc = refused(f, fresh_store)
    (p,) = at(exc, f.row("Vansbro"))
    assert p.row == 18
    assert letter(p.column) == "D" and "Anvisade" in p.column
    assert p.value == "-3"


def test_text_where_a_number_belongs_is_refused(fresh_store):
    f = of.kommuntal_xlsx(kommuntal_with(Växjö={"target": "tolv"}))
    exc = refused(f, fresh_store)
    (p,) = at(exc, f.row("Växjö"))
    assert p.row == 12
    assert p.sheet == f.sheet
    assert letter(p.column) == "C" and "Kommuntal" in p.column
    assert p.value == "tolv"


def test_text_where_a_number_belongs_in_a_csv_names_the_line(fresh_store):
    f = of.kommuntal_csv(kommuntal_with(Ljungby={"target": "tolv"}))
    exc = refused(f, fresh_store)
    line = f.row("Ljungby")
    assert line == 7  # header on line 1
    (p,) = at(exc, line)
    assert p.sheet is None
    assert letter(p.column) == "D"
    assert p.value == "tolv"


def test_an_unknown_municipality_in_a_csv_names_the_line_and_value(fresh_store):
    f = of.kommuntal_csv(kommuntal_with(Nacka={"kommun": "Atlantis", "kod": "9999"}))
    exc = refused(f, fresh_store)
    problems = at(exc, f.row("Atlantis"))
    assert problems
    assert {p.value for p in problems} & {"Atlantis", "9999"}
    assert {letter(p.column) for p in problems} <= {"B", "C"}


def test_a_problem_in_a_sheet_saved_as_csv_names_the_line_under_its_title_rows(fresh_store):
    f = of.sheet_as_csv(of.kommuntal_xlsx(kommuntal_with(Nacka={"kommun": "Atlantis"})))
    exc = refused(f, fresh_store)
    (p,) = at(exc, 8)  # title, source, date, blank, header: the table starts on line 6
    assert p.value == "Atlantis"
    assert letter(p.column) == "B"
    assert p.sheet is None


def test_the_same_municipality_twice_with_different_values_is_refused(fresh_store):
    entries = list(of.KOMMUNTAL_2024)
    falun_again = replace(entries[6], target=130)
    entries.insert(entries.index(of.KOMMUNTAL_2024[-1]) + 1, falun_again)
    f = of.kommuntal_xlsx(entries)
    first, second = f.row("Falun", 0), f.row("Falun", 1)
    exc = refused(f, fresh_store)
    problems = [p for p in exc.problems if p.row in (first, second)]
    assert problems, exc.problems
    assert "Falun" in str(exc)
    # where, as for every problem: the sheet, the row, the column and the cell as it stands
    p = problems[0]
    assert p.sheet == f.sheet
    assert letter(p.column) in ("B", "C"), p
    assert p.value in ("Falun", "120", "130"), p


def test_a_file_that_matches_no_dataset_is_refused_naming_the_file(fresh_store):
    f = of.unrelated_xlsx()
    exc = refused(f, fresh_store)
    assert f.name in str(exc)


def test_an_empty_file_is_refused(fresh_store):
    exc = refused(of.Official(name="tom.csv", data=b""), fresh_store)
    assert "tom.csv" in str(exc)


def test_a_year_that_cannot_be_determined_is_refused_and_year_fixes_it(fresh_store):
    f = of.kommuntal_xlsx(year=None)  # no year in title, date line or sheet name
    exc = refused(f, fresh_store)
    assert [p.message for p in exc.problems] == [
        "det går inte att se vilket år målen gäller. Ange året (--year)."
    ], exc.problems
    assert query(fresh_store, "select count(*) from targets") == [(0,)]
    ingest.ingest_bytes(f.name, f.data, year=2024, store_path=fresh_store)
    assert query(fresh_store, "select distinct year from targets") == [(2024,)]
    assert query(fresh_store, "select sum(target) from targets") == [(2755,)]


def test_a_csv_without_a_year_column_is_refused_and_year_fixes_it(fresh_store):
    f = of.kommuntal_csv(year=None)
    exc = refused(f, fresh_store)
    assert [(p.code, p.message) for p in exc.problems] == [
        ("year_unknown", "det går inte att se vilket år målen gäller. Ange året (--year).")
    ], exc.problems
    ingest.ingest_bytes(f.name, f.data, year=2023, store_path=fresh_store)
    assert query(fresh_store, "select distinct year from targets") == [(2023,)]


@pytest.mark.parametrize(("option", "value"), [("dataset", "kommuntal"), ("month", 13), ("month", 0)])
def test_an_override_that_cannot_be_is_refused(fresh_store, option, value):
    f = of.arrivals_xlsx()
    exc = refused(f, fresh_store, **{option: value})
    assert str(value) in str(exc)
    assert query(fresh_store, "select count(*) from arrivals_ytd") == [(0,)]


def test_one_refusal_lists_every_problem_in_the_file_not_just_the_first(fresh_store):
    entries = kommuntal_with(
        Nacka={"kommun": "Atlantis"},
        Växjö={"target": "tolv"},
        Vansbro={"received": -3},
    )
    f = of.kommuntal_xlsx(entries)
    exc = refused(f, fresh_store)
    rows = {p.row for p in exc.problems}
    assert {8, 12, 18} <= rows, exc.problems
    assert {"Atlantis", "tolv", "-3"} <= {p.value for p in exc.problems}
    text = str(exc)
    for value in ("Atlantis", "tolv", "-3"):
        assert value in text
    for row in ("8", "12", "18"):
        assert re.search(rf"\b{row}\b", text), text


def test_many_problems_of_the_same_kind_are_each_listed(fresh_store):
    bad = {e.kommun: {"kommun": f"Okänd{i}"} for i, e in enumerate(of.KOMMUNTAL_2024[:5])}
    f = of.kommuntal_xlsx(kommuntal_with(**bad))
    exc = refused(f, fresh_store)
    values = {p.value for p in exc.problems}
    assert {f"Okänd{i}" for i in range(5)} <= values
    assert len({p.row for p in exc.problems if p.value and p.value.startswith("Okänd")}) == 5


def test_the_refusal_text_lists_every_problem_even_when_there_are_many(fresh_store):
    entries = [replace(e, kommun=f"Okänd{i}") for i, e in enumerate(of.KOMMUNTAL_2024 * 5)]
    f = of.kommuntal_xlsx(entries)
    exc = refused(f, fresh_store)
    assert {f"Okänd{i}" for i in range(50)} <= {p.value for p in exc.problems}
    text = str(exc)
    missing = [i for i in range(50) if not re.search(rf"\bOkänd{i}\b", text)]
    assert not missing, f"str(exc) leaves out {len(missing)} of the problems"


def test_a_negative_count_in_the_arrivals_sheet_names_the_merged_header_column(fresh_store):
    entries = list(of.ARRIVALS_OCT_2024)
    values = dict(entries[0].values)
    values["quota_refugee"] = (-4, 8)
    entries[0] = replace(entries[0], values=values)
    f = of.arrivals_xlsx(entries)
    exc = refused(f, fresh_store)
    (p,) = at(exc, f.row("STOCKHOLM"))
    assert p.row == 7
    assert letter(p.column) == "C"
    assert p.value == "-4"


def test_text_in_a_capacity_cell_is_refused(fresh_store):
    f = of.capacity_wide_xlsx(bad={("Borlänge", "Korridorboende", "Belagda"): "många"})
    exc = refused(f, fresh_store)
    (p,) = at(exc, f.row("Borlänge"))
    assert letter(p.column) == "E"
    assert p.value == "många"


def test_an_unknown_county_is_refused(fresh_store):
    f = of.lanstal_xlsx()
    wb = load_workbook(io.BytesIO(f.data))
    ws = wb[f.sheet]
    row = f.row("KRONOBERG LÄN")
    ws.cell(row=row, column=1, value="ATLANTIS LÄN")
    out = io.BytesIO()
    wb.save(out)
    bad = of.Official(name="lanstal_2024_fel.xlsx", data=out.getvalue(), sheet=f.sheet, rows=f.rows)
    exc = refused(bad, fresh_store)
    (p,) = at(exc, row)
    assert letter(p.column) == "A"
    assert p.value == "ATLANTIS LÄN"


def test_an_unknown_municipality_code_in_an_event_parquet_is_refused(fresh_store):
    codes = [e[1] for e in of.EVENTS]
    codes[2] = "9999"
    f = of.events_parquet(codes=codes)
    exc = refused(f, fresh_store)
    assert "9999" in {p.value for p in exc.problems}


def test_an_unknown_municipality_in_an_event_csv_names_the_line(fresh_store):
    f = of.events_csv()
    text = f.data.decode("utf-8-sig").splitlines()
    text[3] = text[3].replace("Stockholm", "Atlantis")  # line 4
    bad = of.Official(name=f.name, data=("\r\n".join(text) + "\r\n").encode("utf-8-sig"))
    exc = refused(bad, fresh_store)
    (p,) = at(exc, 4)
    assert p.value == "Atlantis"
    assert letter(p.column) == "B"


def test_a_date_that_does_not_exist_in_an_event_csv_is_refused(fresh_store):
    f = of.events_csv()
    text = f.data.decode("utf-8-sig").splitlines()
    text[2] = text[2].replace("2024-03-15", "2024-02-30")  # line 3
    bad = of.Official(name=f.name, data=("\r\n".join(text) + "\r\n").encode("utf-8-sig"))
    exc = refused(bad, fresh_store)
    (p,) = at(exc, 3)
    assert p.value == "2024-02-30"
    assert letter(p.column) == "A"


def test_an_unknown_category_is_refused(fresh_store):
    lines = list(of.MONTHLY_LONG)
    lines[1] = ("2024-01", "0180", "Turister", 30, None)
    f = of.monthly_long_csv(lines)
    exc = refused(f, fresh_store)
    (p,) = at(exc, 3)
    assert p.value == "Turister"
    assert letter(p.column) == "C"


def test_a_refused_path_names_the_file_without_its_folder(fresh_store, tmp_path):
    f = of.kommuntal_xlsx(kommuntal_with(Nacka={"kommun": "Atlantis"}))
    path = f.write(tmp_path)
    with pytest.raises(ingest.IngestRefused) as info:
        ingest.ingest_file(path, store_path=fresh_store)
    assert info.value.file == f.name
    assert all(p.file == f.name for p in info.value.problems)
    assert str(tmp_path) not in str(info.value)


def test_a_subtotal_that_differs_from_its_municipalities_is_a_warning_not_a_refusal(fresh_store):
    f = of.kommuntal_xlsx(subtotal_off_by={"Dalarnas län": 5})
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    row = f.row("subtotal Dalarnas län")
    assert result.warnings, "the disagreeing subtotal is reported"
    assert any("dalarna" in w.lower() or re.search(rf"\b{row}\b", w) for w in result.warnings), (
        result.warnings
    )
    # the municipalities are stored as printed
    assert query(fresh_store, "select sum(target) from targets where kommun_kod like '20%'") == [(266,)]
    assert query(fresh_store, "select count(*) from targets") == [(10,)]


def test_subtotals_that_agree_give_no_subtotal_warning(fresh_store):
    f = of.kommuntal_xlsx()
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert not [w for w in result.warnings if re.search(r"summ|delsumm|län", w, re.I)], result.warnings


def test_a_national_total_that_differs_from_its_municipalities_is_a_warning(fresh_store):
    f = of.kommuntal_xlsx()
    wb = load_workbook(io.BytesIO(f.data))
    ws = wb[f.sheet]
    row = f.row("Riket")
    ws.cell(row=row, column=3, value=ws.cell(row=row, column=3).value + 7)
    out = io.BytesIO()
    wb.save(out)
    result = ingest.ingest_bytes(f.name, out.getvalue(), store_path=fresh_store)
    assert any(re.search(rf"\b{row}\b|riket", w, re.I) for w in result.warnings), result.warnings
    assert query(fresh_store, "select sum(target) from targets") == [(2755,)]
