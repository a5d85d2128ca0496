"""The app's pages, in the order the navigation shows them: the one list every other place reads
(the navigation, the deck's check of slide links, the meeting's page names, the tests, the benchmark)."""

from __future__ import annotations

from pathlib import Path

PAGES: tuple[tuple[str, str], ...] = (
    ("app.py", "page.oversikt"),
    ("pages/mal.py", "page.mal"),
    ("pages/kapacitet.py", "page.kapacitet"),
    ("pages/variation.py", "page.variation"),
    ("pages/planering.py", "page.planering"),
    ("pages/mote.py", "page.mote"),
    ("pages/data.py", "page.data"),
)


def url_path(file: str) -> str:
    """A page file's URL path: 'app.py' is '/', 'pages/mal.py' is '/mal'."""
    return "/" if file == "app.py" else "/" + Path(file).stem


def url_paths() -> set[str]:
    """Every page's URL path."""
    return {url_path(file) for file, _ in PAGES}
