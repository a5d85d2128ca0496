"""Every AppTest keeps its media storage and manager, so tests can read what a download button sends."""

from __future__ import annotations

import app_helpers
import pytest


@pytest.fixture(autouse=True)
def keep_media(monkeypatch):
    app_helpers.keep_media(monkeypatch)
