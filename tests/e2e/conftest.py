"""Real-browser harness: the real server over a copy of the demo store, driven by Debian's chromium.

Locally the tests skip with a message when chromium or Playwright is missing; with the environment
variable CI set they fail instead, so CI can never pass without having run them.
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from pathlib import Path

import pytest
from browsing import serve

from reception.store import documents

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# the colour-vision helper lives with the accessibility tests
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "a11y"))


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install -y chromium)"
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is missing (pip install -r requirements-dev.txt)"
    return None


@pytest.fixture(scope="session")
def browser_ready():
    """Skip (locally) or fail (in CI) when the browser stack is missing."""
    missing = _missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI, but {missing}")
        pytest.skip(f"browser tests skipped: {missing}")


@pytest.fixture(scope="session")
def served_store(browser_ready, _demo_master, tmp_path_factory) -> Path:
    """The server's store: a private copy of the demo store (tests may write to it, e.g. a deck)."""
    db = tmp_path_factory.mktemp("e2e_store") / "reception.duckdb"
    documents.copy_store(_demo_master, db)
    return db


@pytest.fixture(scope="session")
def server(served_store):
    """The real app served on a free port over ``served_store``; yields its base URL."""
    with serve(served_store) as url:
        yield url


@pytest.fixture(scope="session")
def browser(browser_ready):
    from playwright.sync_api import expect, sync_playwright

    # two cores shared with the server (and other test runs): give assertions room to retry
    expect.set_options(timeout=30_000)
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()


# On a deep link (/mote) Streamlit's client first probes the server under the page's path
# (/mote/_stcore/health, /mote/_stcore/host-config), gets 404 and falls back to the root: expected.
BASE_PROBE = re.compile(r"/[^/]+/_stcore/(health|host-config)$")


class Watched:
    """A page whose console errors and uncaught exceptions are collected, to fail the test on."""

    def __init__(self, page):
        self.page = page
        self.errors: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))

    def _console(self, message) -> None:
        url = message.location.get("url", "")
        if message.type == "error" and not (BASE_PROBE.search(url) and "404" in message.text):
            self.errors.append(f"console: {message.text} ({url})")


@pytest.fixture
def new_page(browser, server):
    """A factory for pages in fresh browser contexts (no shared cookies or storage).

    Every page it made is checked at the end: no console error, no uncaught exception.
    """
    contexts, watched = [], []

    def make(width: int = 1366, height: int = 900) -> Watched:
        context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)
        # a screenshot of a tall page or a download took over 20 s when the two cores were shared with
        # five other test runs (2 of 10 repeated runs): a generous ceiling costs nothing when all is well
        context.set_default_timeout(60_000)
        contexts.append(context)
        watched.append(Watched(context.new_page()))
        return watched[-1]

    yield make
    errors = [e for w in watched for e in w.errors]
    for context in contexts:
        context.close()
    if errors:
        pytest.fail("browser errors:\n" + "\n".join(errors))


@pytest.fixture
def page(new_page):
    return new_page().page
