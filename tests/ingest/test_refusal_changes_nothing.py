"""A refused file of any kind leaves every view exactly as it was, and the live file untouched."""

from __future__ import annotations

import io
from dataclasses import replace

import official_files as of
import pytest
from ingest_helpers import fingerprint, leftovers, snapshot
from openpyxl import load_workbook

from reception import ingest, store


def _kommuntal_unknown_name():
    entries = [replace(e, kommun="Atlantis") if e.kommun == "Nacka" else e for e in of.KOMMUNTAL_2024]
    return of.kommuntal_xlsx(entries)


def _kommuntal_csv_text_number():
    entries = [replace(e, target="tolv") if e.kommun == "Ljungby" else e for e in of.KOMMUNTAL_2024]
    return of.kommuntal_csv(entries)


def _arrivals_negative():
    entries = list(of.ARRIVALS_OCT_2024)
    values = dict(entries[-1].values)
    values["family"] = (-1, 0)
    entries[-1] = replace(entries[-1], values=values)
    return of.arrivals_xlsx(entries)


def _capacity_text():
    return of.capacity_wide_xlsx(bad={("Falun", "Lägenheter", "Platser"): "ett hundra"})


def _events_unknown_code():
    codes = [e[1] for e in of.EVENTS]
    codes[-1] = "0000"
    return of.events_parquet(codes=codes)


def _monthly_unknown_category():
    lines = list(of.MONTHLY_LONG)
    lines[-1] = ("2024-02", "2080", "Turister", 3, None)
    return of.monthly_long_csv(lines)


def _lanstal_no_year():
    f = of.lanstal_xlsx()
    # the same table without any year: title and sheet name say nothing
    wb = load_workbook(io.BytesIO(f.data))
    wb[f.sheet]["A1"] = "Länstal"
    out = io.BytesIO()
    wb.save(out)
    return of.Official(name="lanstal.xlsx", data=out.getvalue(), sheet=f.sheet)


def _kommuntal_no_year():
    return of.kommuntal_xlsx(year=None)


def _unrelated():
    return of.unrelated_xlsx()


def _not_a_workbook():
    return of.Official(name="trasig.xlsx", data=b"PK\x03\x04 this is not a workbook")


REFUSED = {
    "xlsx-unknown-municipality": _kommuntal_unknown_name,
    "csv-text-for-number": _kommuntal_csv_text_number,
    "xlsx-arrivals-negative": _arrivals_negative,
    "xlsx-capacity-text": _capacity_text,
    "parquet-events-unknown-code": _events_unknown_code,
    "csv-monthly-unknown-category": _monthly_unknown_category,
    "xlsx-lanstal-no-year": _lanstal_no_year,
    "xlsx-kommuntal-no-year": _kommuntal_no_year,
    "xlsx-no-dataset": _unrelated,
    "xlsx-broken": _not_a_workbook,
}


@pytest.mark.parametrize("kind", list(REFUSED))
def test_a_refused_file_leaves_every_view_of_the_demo_store_as_it_was(demo_store, demo_fingerprint, kind):
    f = REFUSED[kind]()
    before, version = demo_fingerprint, store.data_version(demo_store)
    with pytest.raises(ingest.IngestRefused):
        ingest.ingest_bytes(f.name, f.data, store_path=demo_store)
    assert fingerprint(demo_store) == before
    assert store.data_version(demo_store) == version
    assert leftovers(demo_store) == []


def test_a_revision_with_one_bad_row_replaces_none_of_the_earlier_values(fresh_store):
    first = of.kommuntal_xlsx()
    ingest.ingest_bytes(first.name, first.data, store_path=fresh_store)
    arrivals = of.arrivals_xlsx()
    ingest.ingest_bytes(arrivals.name, arrivals.data, store_path=fresh_store)
    before, version = snapshot(fresh_store), store.data_version(fresh_store)
    # a revised kommuntal: every number changes, and one name is wrong
    revised = [replace(e, target=e.target + 10) for e in of.KOMMUNTAL_2024]
    revised[-1] = replace(revised[-1], kommun="Vansbroo")
    f = of.kommuntal_xlsx(revised, name="kommuntal_2024_reviderad.xlsx")
    with pytest.raises(ingest.IngestRefused):
        ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    assert snapshot(fresh_store) == before
    assert store.data_version(fresh_store) == version


def test_a_refused_file_changes_nothing_through_ingest_file_either(demo_store, demo_fingerprint, tmp_path):
    f = _kommuntal_unknown_name()
    path = f.write(tmp_path)
    before, version = demo_fingerprint, store.data_version(demo_store)
    assert fingerprint(demo_store) == before  # the copy is the demo
    with pytest.raises(ingest.IngestRefused):
        ingest.ingest_file(path, store_path=demo_store)
    assert fingerprint(demo_store) == before
    assert store.data_version(demo_store) == version
