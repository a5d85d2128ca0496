"""Fixtures for the meeting tests."""

from __future__ import annotations

import pytest
from meeting_store import build


@pytest.fixture
def meeting_store(store_path):
    return build(store_path)
