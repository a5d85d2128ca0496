"""The planning tests read a demo store that also holds the shipped länstal (as a store the app
prepared before loading the demo does), and use the AppTest helpers in tests/app."""

from __future__ import annotations

import shutil
import sys
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))

DEMO_TODAY = date(2026, 11, 22)  # as tests/conftest.py pins it


@pytest.fixture(scope="session")
def _planning_master(tmp_path_factory) -> Path:
    from reception import demo, store

    path = tmp_path_factory.mktemp("planning") / "demo.duckdb"
    store.prepare(path)  # the länstal first, as on the app's first start
    demo.load_demo(path, today=DEMO_TODAY)
    return path


@pytest.fixture
def plan_store(_planning_master, tmp_path, monkeypatch) -> Path:
    """A private copy of the demo store with the länstal, also set as RECEPTION_DB."""
    path = tmp_path / "reception.duckdb"
    shutil.copyfile(_planning_master, path)
    monkeypatch.setenv("RECEPTION_DB", str(path))
    return path
