"""Fixtures for the importer's tests: an empty prepared store, copied from one built per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ingest_helpers import BIG_CSV_ROWS

from reception.store import startup


@pytest.fixture(scope="session")
def _empty_master(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("empty") / "empty.duckdb"
    startup.prepare(path)
    return path


@pytest.fixture
def fresh_store(_empty_master, tmp_path, monkeypatch) -> Path:
    """An empty, prepared store (reference länstal only), also set as RECEPTION_DB.

    The same as the shared ``store_path`` fixture, but copied from a store prepared once per session.
    """
    path = tmp_path / "reception.duckdb"
    shutil.copyfile(_empty_master, path)
    monkeypatch.setenv("RECEPTION_DB", str(path))
    return path


@pytest.fixture(scope="session")
def demo_fingerprint(_demo_master) -> dict:
    """Every view of the demo store (which ``demo_store`` copies), fingerprinted once per session."""
    from ingest_helpers import fingerprint

    return fingerprint(_demo_master)


@pytest.fixture(scope="session")
def big_monthly_csv(tmp_path_factory) -> Path:
    """Monthly arrivals for every municipality, 2015–2024, long form: about 200 000 rows."""
    from official_files import big_monthly_long_csv

    from reception import geo

    codes = sorted(geo.municipalities().column("kommun_kod").to_pylist())
    path = tmp_path_factory.mktemp("big") / "mottagna_per_manad_2015_2024.csv"
    data = big_monthly_long_csv(codes)
    assert data.count(b"\n") == BIG_CSV_ROWS + 1
    path.write_bytes(data)
    return path
