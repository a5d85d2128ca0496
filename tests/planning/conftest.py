"""The planning tests read the shared demo store (prepared first, so it holds the shipped länstal, as
on the app's first start) and use the AppTest helpers in tests/app."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))


@pytest.fixture
def plan_store(demo_store) -> Path:
    """A private copy of the demo store with the länstal, also set as RECEPTION_DB."""
    return demo_store
