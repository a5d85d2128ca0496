"""The handout draws its charts with kaleido in the machine's chromium: without one the tests that
build a PDF skip locally with the reason, and fail in CI (where .ci/run installs chromium)."""

from __future__ import annotations

import os
import shutil

import pytest


@pytest.fixture(scope="session")
def chromium():
    if os.environ.get("BROWSER_PATH") or shutil.which("chromium") or shutil.which("chromium-browser"):
        return
    if os.environ.get("CI"):
        pytest.fail("the handout's charts need chromium in CI (apt-get install -y chromium)")
    pytest.skip("the handout needs chromium to draw its charts (apt-get install -y chromium)")
