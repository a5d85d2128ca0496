"""Fixtures every test folder shares: a fresh store, and the demo store built once per session."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reception.store import documents, startup

# The demo is deterministic for a given "today"; tests pin it so their expectations hold.
DEMO_TODAY = date(2026, 11, 22)


@pytest.fixture
def store_path(tmp_path, monkeypatch) -> Path:
    """An empty, prepared store in a temporary folder, also set as RECEPTION_DB."""
    path = tmp_path / "reception.duckdb"
    monkeypatch.setenv("RECEPTION_DB", str(path))
    startup.prepare(path)
    return path


@pytest.fixture(scope="session")
def _demo_master(tmp_path_factory) -> Path:
    from reception import demo

    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    startup.prepare(path)  # as the app's first start does: the reference länstal, then the demo
    demo.load_demo(path, today=DEMO_TODAY)
    return path


@pytest.fixture
def demo_store(_demo_master, tmp_path, monkeypatch) -> Path:
    """A private copy of the demo store (built once per session), also set as RECEPTION_DB."""
    path = tmp_path / "reception.duckdb"
    documents.copy_store(_demo_master, path)
    monkeypatch.setenv("RECEPTION_DB", str(path))
    return path
