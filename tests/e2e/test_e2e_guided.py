"""The preview in a real browser: a planner's own sheet that the importer cannot place is corrected with
two selects, loaded, and the Översikt tiles show the file's figures.

Loading a real file retires the demo, so this runs its own server over its own copy of the demo store
(the other browser tests share one server and expect the demo)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from browsing import open_page, rerun, serve
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from reception.store import documents

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from guided_files import DALARNA, planners_summary_csv  # noqa: E402


@pytest.fixture(scope="module")
def own_server(browser_ready, _demo_master, tmp_path_factory):
    """The app over a private copy of the demo store; yields (base URL, store)."""
    folder = tmp_path_factory.mktemp("e2e_guided")
    db = folder / "reception.duckdb"
    documents.copy_store(_demo_master, db)
    with serve(db) as url:
        yield url, db


def choose(page, label: str, option: str) -> None:
    """Pick ``option`` in the select labelled ``label``; waits for the preview that follows.

    The list opens on the field's arrow (a click in its text opens none); a click that lands while
    the page is still settling may open nothing, so the arrow is pressed until the list shows."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first
    choice = page.get_by_role("option", name=option, exact=True)
    for _ in range(10):
        box.locator(".react-aria-ComboBox button").last.click()
        try:
            choice.wait_for(state="visible", timeout=3_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    with rerun(page):
        choice.click()


def test_a_column_corrected_in_the_preview_is_loaded_and_the_overview_shows_the_files_figures(
    new_page, own_server
):
    base, db = own_server
    f = planners_summary_csv()
    page = new_page(1366, 900).page
    open_page(page, base, "/data")
    with rerun(page):
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            files=[{"name": f.name, "mimeType": "text/csv", "buffer": f.data}]
        )
    load = page.get_by_role("button", name="Läs in", exact=True)
    expect(load).to_be_disabled()  # nothing placed: nothing to load yet
    choose(page, "B (Beslutat)", "mål (Bosättningslagen (kommuntal))")
    choose(page, "C (Hittills)", "mottagna")
    expect(load).to_be_enabled()
    with rerun(page):
        load.click()
    expect(page.locator('[data-testid="stAlertContentSuccess"]').first).to_contain_text(
        "Inläst: lanets_planering.csv"
    )

    open_page(page, base, "/?to=2025")
    tiles = page.locator('[data-testid="stMetric"]')
    target = sum(d for _, _, d, _ in DALARNA)
    received = sum(r for _, _, _, r in DALARNA)
    expect(tiles.filter(has_text="Mål 2025")).to_contain_text(str(target))
    expect(tiles.filter(has_text="Mottagna 2025")).to_contain_text(str(received))
