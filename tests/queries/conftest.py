"""The hand-made stores the query tests read: small_store.py for every question, unknown_store.py for
counts that are unknown (suppressed, missing months, unreported occupancy)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import small_store  # noqa: E402
import unknown_store  # noqa: E402


@pytest.fixture
def small(store_path) -> Path:
    return small_store.build(store_path)


@pytest.fixture
def unknown(store_path) -> Path:
    return unknown_store.build(store_path)
