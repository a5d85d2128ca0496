"""The one list of pages (reception/site.py) is the pages on disk: none missing, none extra."""

from __future__ import annotations

from reception import site
from reception.i18n import LABELS
from reception.store import ROOT


def test_the_page_list_holds_exactly_the_page_files():
    on_disk = {"app.py", *(f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py"))}
    listed = [file for file, _ in site.PAGES]
    assert len(listed) == len(set(listed))
    assert set(listed) == on_disk


def test_every_page_has_a_title_label():
    assert all(key in LABELS for _, key in site.PAGES)
