"""Roles tests open pages under AppTest: keep the download storage as tests/app does."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "app"))

import app_helpers  # noqa: E402


@pytest.fixture(autouse=True)
def keep_media(monkeypatch):
    app_helpers.keep_media(monkeypatch)
