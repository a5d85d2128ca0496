"""Stores holding a subset of the datasets, each built through the importer from official-layout files.

Every file is one the importer's own tests build (``tests/ingest/official_files.py``): the kommuntal,
fördelningstal and anvisningsandel of 2024 (targets: one per program), the länstal of 2024, Kommunmottagna
as a year-to-date snapshot to October 2024, monthly figures for January and February 2024, person-level
events of March and April 2024, and the places of October 2024. Nothing is written by hand into a store.
"""

from __future__ import annotations

import sys
from pathlib import Path

from reception import ingest
from reception.store import startup

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))

import official_files as of  # noqa: E402

YEAR = 2024
FILES = {
    "targets": lambda: [of.kommuntal_xlsx(), of.fordelningstal_xlsx(), of.anvisningsandel_xlsx()],
    "county_targets": lambda: [of.lanstal_xlsx()],
    "arrivals_snapshot": lambda: [of.arrivals_xlsx()],
    "arrivals_monthly": lambda: [of.monthly_long_csv()],
    "arrival_events": lambda: [of.events_csv()],
    "capacity": lambda: [of.capacity_wide_xlsx()],
}


def build(path: Path, datasets: tuple[str, ...]) -> Path:
    """A prepared store at ``path`` holding the files of ``datasets`` (keys of FILES), loaded in turn."""
    startup.prepare(path)
    for dataset in datasets:
        for f in FILES[dataset]():
            ingest.ingest_bytes(f.name, f.data, store_path=path)
    return path
