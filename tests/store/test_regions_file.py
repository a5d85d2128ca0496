"""data/regions.csv is read at start-up and when it changes; a bad line is named and never blocks a load."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reception import __main__ as cli
from reception import geo, queries, store
from reception.store import startup

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hostile"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))
import corpus  # noqa: E402 - a small kommuntal workbook
from app_helpers import open_page  # noqa: E402

GOOD = "region,kommun_kod,kommun\nPiloten,2021,Vansbro\nPiloten,2081,Borlänge\n"
BAD = GOOD + "Piloten;2080;Falun\n"


@pytest.fixture
def regions(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "regions.csv"
    path.write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(store, "REGIONS_CSV", path)
    return path


def members(path: Path) -> list[tuple[str, str]]:
    with store.connect_read(path) as con:
        return con.execute("select region, kommun_kod from region_member order by all").fetchall()


def test_a_bad_line_keeps_the_groupings_and_a_load_goes_through(regions, store_path, tmp_path, capsys):
    assert members(store_path) == [("Piloten", "2021"), ("Piloten", "2081")]
    regions.write_text(BAD, encoding="utf-8")
    table = tmp_path / "kommuntal.xlsx"
    table.write_bytes(corpus.good_xlsx())
    assert cli.main(["ingest", str(table)]) == 0
    assert "rad 4" in capsys.readouterr().err  # the operator is told which line, and the load went on
    assert len(queries.run("data_loads", {}, store_path).query("dataset == 'targets'")) == 1
    assert members(store_path) == [("Piloten", "2021"), ("Piloten", "2081")]


def test_start_up_is_refused_naming_the_line_but_the_store_is_made(tmp_path, regions):
    regions.write_text(BAD, encoding="utf-8")
    path = tmp_path / "new.duckdb"
    with pytest.raises(geo.RegionFileError) as bad:
        startup.prepare(path)
    assert bad.value.line == 4
    assert not store.needs_upgrade(path) and members(path) == []


def test_an_edited_regions_file_is_read_at_the_next_prepare(regions, store_path):
    regions.write_text(GOOD + "Piloten,2080,Falun\n", encoding="utf-8")
    assert store.regions_changed(store_path)
    startup.prepare(store_path)
    assert ("Piloten", "2080") in members(store_path)
    assert not store.regions_changed(store_path)


def test_the_running_app_reads_an_edited_regions_file_at_its_next_page_run(regions, demo_store):
    open_page("app.py")
    regions.write_text(GOOD + "Nya gruppen,2080,Falun\n", encoding="utf-8")
    at = open_page("app.py", region="Nya gruppen")
    assert "Nya gruppen" in at.selectbox(key="w_region").options
