"""The preview in a real browser: a planner's own sheet that the importer cannot place is corrected with
two selects, loaded, and the Översikt tiles show the file's figures.

Loading a real file retires the demo, so this runs its own server over its own copy of the demo store
(the other browser tests share one server and expect the demo)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from browsing import open_page, rerun
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from reception import store
from reception.store import documents

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from guided_files import DALARNA, planners_summary_csv  # noqa: E402


@pytest.fixture(scope="module")
def own_server(browser_ready, _demo_master, tmp_path_factory):
    """The app over a private copy of the demo store; yields (base URL, store)."""
    folder = tmp_path_factory.mktemp("e2e_guided")
    db = folder / "reception.duckdb"
    documents.copy_store(_demo_master, db)
    port = _free_port()
    env = {**os.environ, "RECEPTION_DB": str(db), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true"]
    command += ["--server.address", "127.0.0.1", "--server.port", str(port)]
    with open(folder / "server.log", "wb") as out:
        proc = subprocess.Popen(
            command, cwd=store.ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 40
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as answer:
                    if answer.read().strip() == b"ok":
                        break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail((folder / "server.log").read_text()[-3000:])
                time.sleep(0.2)
        yield url, db
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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
