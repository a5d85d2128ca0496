"""The 1.9 KB sheet that once killed the server, uploaded through a real browser: a refusal shows,
the server keeps answering, and another visitor's session goes on as if nothing happened."""

from __future__ import annotations

import re
import sys
import urllib.request
from pathlib import Path

from browsing import open_page, rerun
from playwright.sync_api import expect

from reception import store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hostile"))
import corpus  # noqa: E402 - the hostile files live with their own tests

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CONNECTED = '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'


def health(base: str) -> bytes:
    with urllib.request.urlopen(base + "/_stcore/health", timeout=5) as answer:
        return answer.read().strip()


def test_the_far_corner_sheet_is_refused_and_nobody_is_disconnected(new_page, server, served_store):
    name, data = corpus.far_corner("A1:XFD1048576")
    assert len(data) < 2100  # the 1.9 KB file of the report
    before = store.data_version(served_store)

    watcher = new_page().page  # another visitor, on the overview
    open_page(watcher, server, "/")
    uploader = new_page().page
    open_page(uploader, server, "/data")

    with rerun(uploader):  # the upload is previewed at once, in the child: the refusal shows
        uploader.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            files=[{"name": name, "mimeType": XLSX, "buffer": data}]
        )
    refusal = uploader.locator('[data-testid="stAlertContentError"]')
    expect(refusal).to_contain_text("Filen lästes inte in. Ingenting har ändrats.")
    expect(refusal).to_contain_text(name)
    expect(uploader.locator(CONNECTED)).to_be_attached()
    assert uploader.locator('[data-testid="stException"]').count() == 0

    assert health(server) == b"ok"
    assert store.data_version(served_store) == before

    # the other visitor is still connected: the page reruns and draws when they move on
    expect(watcher.locator(CONNECTED)).to_be_attached()
    with rerun(watcher):
        watcher.locator('a[href*="kapacitet"]').first.click()
    expect(watcher).to_have_url(re.compile(r"/kapacitet"))
    expect(watcher.locator('[data-testid="stApp"]')).to_have_attribute(
        "data-test-connection-state", "CONNECTED"
    )
    # and the uploader's own session goes on too
    open_page(uploader, server, "/data")
    assert health(server) == b"ok"


def test_the_weight_file_that_killed_the_server_is_refused_on_planering(new_page, server, served_store):
    """Planering's own-weights upload is open to every visitor: its file is read in a child too."""
    data = corpus.xlsx(  # the far corner written with single quotes, which the old guard did not see
        [
            corpus.sheet_xml(
                "<row r='1'><c r='A1' t='inlineStr'><is><t>Kommun</t></is></c></row>"
                "<row r='1048576'><c r='XFD1048576'><v>1</v></c></row>"
            )
        ]
    )
    watcher = new_page().page
    open_page(watcher, server, "/")
    planner = new_page().page
    open_page(planner, server, "/planering?lan=20&to=2026")
    with rerun(planner):
        planner.get_by_text("Egen vikt från fil", exact=True).click()
    with rerun(planner):
        planner.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
            files=[{"name": "vikter.xlsx", "mimeType": XLSX, "buffer": data}]
        )
    refusal = planner.locator('[data-testid="stAlertContentError"]')
    expect(refusal).to_contain_text("vikter.xlsx läses inte som viktfil")
    assert health(server) == b"ok"
    expect(watcher.locator(CONNECTED)).to_be_attached()
    with rerun(watcher):
        watcher.locator('a[href*="kapacitet"]').first.click()
    expect(watcher).to_have_url(re.compile(r"/kapacitet"))
    assert health(server) == b"ok"
