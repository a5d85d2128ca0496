"""A planner's weight file: names and codes as the importer matches them, refusals that name the problem."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from reception.i18n import t
from reception.ingest import IngestRefused
from reception.planning import from_store
from reception.planning.allocate import ScenarioRefused
from reception.planning.weights import read_weights

GOTLAND = "Vikter;\nRegion Gotland;2,5\n"


def xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_csv_with_a_title_decimal_comma_and_a_county_name_suffix():
    assert read_weights("v.csv", GOTLAND.encode("cp1252"), "09") == {"0980": 2.5}


def test_xlsx_with_codes_without_leading_zeros_and_a_total_row():
    rows = [["Vikter för Uppsala län"], [], ["Kod", "Kommun", "Vikt"]]
    rows += [[305, "Håbo", 1], [319, "ÄLVKARLEBY", 2], [330, "Knivsta", 3], [331, "Heby", 4]]
    rows += [
        [360, "Tierp", 5],
        [380, "Uppsala", 6],
        [381, "Enköping", 7],
        [382, "Östhammar", 8],
        [None, "Summa", 36],
    ]
    weights = read_weights("v.xlsx", xlsx(rows), "03")
    assert weights["0305"] == 1 and weights["0382"] == 8 and len(weights) == 8


@pytest.mark.parametrize(
    ("text", "code", "fields"),
    [
        ("Gotland;1\nAtlantis;2\nLemuria;3\n", "file_unknown", {"names": "Atlantis, Lemuria", "n": 2}),
        ("Gotland;1\nVisby;2\n", "file_unknown", {"names": "Visby", "n": 1}),
        ("Gotland;1\nGOTLAND;2\n", "file_twice", {"names": "Gotland"}),
        ("Gotland;-1\n", "file_negative", {"name": "Gotland", "value": -1.0}),
        ("Kommun;Vikt\n", "file_missing", {"names": "Gotland", "n": 1}),
    ],
)
def test_refused_files_name_what_is_wrong(text, code, fields):
    with pytest.raises(ScenarioRefused) as refused:
        read_weights("v.csv", text.encode(), "09")
    assert refused.value.code == code and refused.value.fields == fields


def test_a_file_that_is_no_table_is_refused_by_the_importers_guard():
    with pytest.raises(IngestRefused) as refused:
        read_weights("v.xlsx", b"PK\x03\x04not a zip", "09")
    assert [p.code for p in refused.value.problems] == ["format.broken_zip"]


def test_through_the_child_a_broken_file_is_a_scenario_refusal_naming_the_file_and_why():
    with pytest.raises(ScenarioRefused) as refused:
        from_store.read_weights("v.xlsx", "09", b"PK\x03\x04not a zip")
    assert refused.value.code == "file_refused"
    assert refused.value.fields["file"] == "v.xlsx"
    assert refused.value.fields["reasons"] == t("problem.format.broken_zip")


def test_through_the_child_the_weights_and_the_content_refusals_come_back_whole():
    assert from_store.read_weights("v.csv", "09", GOTLAND.encode("cp1252")) == {"0980": 2.5}
    with pytest.raises(ScenarioRefused) as refused:
        from_store.read_weights("v.csv", "09", b"Gotland;1\nAtlantis;2\n")
    assert refused.value.code == "file_unknown" and refused.value.fields == {"names": "Atlantis", "n": 1}
