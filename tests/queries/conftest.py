"""The hand-made store every query test reads (see small_store.py for the rows)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import small_store  # noqa: E402


@pytest.fixture
def small(store_path) -> Path:
    return small_store.build(store_path)
