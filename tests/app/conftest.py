"""Every AppTest keeps its media storage, so tests can read what a download button sends."""

from __future__ import annotations

import pytest
from app_helpers import KeptStorage


@pytest.fixture(autouse=True)
def keep_media(monkeypatch):
    monkeypatch.setattr("streamlit.testing.v1.app_test.MemoryMediaFileStorage", KeptStorage)
