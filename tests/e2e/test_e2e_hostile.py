"""The 1.9 KB sheet that once killed the server, uploaded through a real browser: a refusal shows,
the server keeps answering, and another visitor's session goes on as if nothing happened."""

from __future__ import annotations

import re
import sys
import threading
import urllib.request
from pathlib import Path

import psutil
from browsing import open_page, rerun
from playwright.sync_api import expect

from reception import store
from reception.meeting import deck
from reception.store import documents

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


# --- every attack class, in a real browser ------------------------------------------------------

ATTACKS = [  # one file of each class of the hostile corpus (tests/hostile/corpus.py)
    "the far corner in single quotes (1.5 KB)",
    "the far corner in a sheet stored as .bin",
    "the far corner in a sheet outside the sheet folders",
    "a DTD in a sheet written in UTF-16",
    "two members of the same name",
    "ods: one cell of a billion spaces (text:s)",
    "xls declaring two billion texts",
    "CSV with 3000 columns on line 5000",
    "CSV, ragged, with a quoted field of 600 KB",
    "a sheet name of 2 MB quoted by 120 problems",
    "names that are links, images, HTML and escape sequences",
    "encrypted xlsx (EncryptedPackage)",
]
LIVE = re.compile(r"elsewhere|e\.example")


class Watch:
    """The server's health and resident memory, polled while the test runs (in a thread)."""

    def __init__(self, base: str):
        port = base.rsplit(":", 1)[1]
        self.server = next(
            p for p in psutil.Process().children(recursive=True)
            if "streamlit" in " ".join(p.cmdline()) and port in p.cmdline()
        )  # fmt: skip
        self.base, self.failed, self.polls, self.peak = base, 0, 0, 0
        self.baseline = self.server.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)

    def _poll(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.server.memory_info().rss)
            try:
                self.polls += 1
                assert health(self.base) == b"ok"
            except (OSError, AssertionError):
                self.failed += 1
            self._stop.wait(0.2)

    def __enter__(self) -> Watch:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def upload(page, server: str, path: str, name: str, data: bytes) -> None:
    """Open ``path`` and give it the file; on the Data page the file is previewed at once."""
    open_page(page, server, path)
    with rerun(page):
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(
            files=[{"name": name, "mimeType": "application/octet-stream", "buffer": data}]
        )


def links_and_images_from_outside(page) -> list[str]:
    """Every link or image on the page whose address is the outside text's."""
    found = page.evaluate(
        """() => [...document.querySelectorAll('a[href], img[src], [srcset]')]
                 .map(e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('srcset'))"""
    )
    # a heading's own anchor (#x-http-elsewhere-…) is the page's, to itself: not a link elsewhere
    return [a for a in found if a and not a.startswith("#") and LIVE.search(a)]


def test_each_attack_class_is_a_coded_refusal_and_the_server_keeps_answering(new_page, server, served_store):
    cases = {case.id: case for case in corpus.CASES}
    before = store.data_version(served_store)
    watcher = new_page().page
    open_page(watcher, server, "/")
    uploader = new_page().page
    open_page(uploader, server, "/data")
    with Watch(server) as watch:
        for attack in ATTACKS:
            name, data = cases[attack].build()
            upload(uploader, server, "/data", name, data)  # refused as it is previewed
            refusal = uploader.locator('[data-testid="stAlertContentError"]')
            expect(refusal).to_contain_text("Filen lästes inte in. Ingenting har ändrats.")
            said = uploader.locator('[data-testid="stMain"]').inner_text()
            assert not re.search(r"\w+Error\b|Traceback|Exception|\{\w+\}", said), (attack, said[-600:])
            assert not links_and_images_from_outside(uploader), attack
        # the other visitor's session goes on drawing
        expect(watcher.locator(CONNECTED)).to_be_attached()
        with rerun(watcher):
            watcher.locator('a[href*="kapacitet"]').first.click()
        expect(watcher).to_have_url(re.compile(r"/kapacitet"))
    assert watch.polls > 5 and watch.failed == 0, f"{watch.failed} of {watch.polls} health checks failed"
    grown = (watch.peak - watch.baseline) / (1 << 20)
    assert grown < 200, f"the server grew {grown:.0f} MB"
    assert store.data_version(served_store) == before


def test_a_file_name_of_5000_characters_is_refused_in_words(page, server):
    """It made the browser show "AxiosError: Request failed with status code 400" (the upload request's
    header was refused before any code of ours ran)."""
    upload(page, server, "/data", "k" * 4996 + ".csv", b"Kommun;Kommuntal 2024\nFalun;5\n")
    expect(page.locator('[data-testid="stAlertContentError"]')).to_contain_text("1 problem att rätta i filen")
    expect(page.locator('[data-testid="stDataFrame"]').first).to_contain_text(
        "Filens namn är 5000 tecken långt"
    )
    assert "AxiosError" not in page.locator('[data-testid="stApp"]').inner_text()


def test_outside_text_is_drawn_as_text_in_the_browser(new_page, server, served_store):
    """A deck's titles, a weight file's name and unknown names, a scenario's name and a file's name on
    the Data page: shown as written, and no link or image from them (they used to fetch and link).
    A file's name holds no '/', so its addresses are written without one."""
    image, link = "![x](http://elsewhere.example/pixel.png)", "[se här](https://e.example) www.e.example"
    named = "[se här](https:e.example) www.e.example <img src=x>.csv"
    # shown as written: the word joiner after www is invisible, and keeps it from being a link
    named_shown = re.compile(r"\[se här\]\(https\u2060?:e\.example\) www\u2060?\.e\.example <img src=x>\.csv")
    kept = deck.load(served_store)
    page = new_page().page
    try:
        deck.save(deck.Deck(title=image, slides=(deck.Slide(f"{link} a@e.example", "/"),)), served_store)
        open_page(page, server, "/mote")
        expect(page.locator('[data-testid="stMain"]')).to_contain_text("pixel.png")
        assert not links_and_images_from_outside(page)

        upload(page, server, "/data", named, b"Kommun;Kommuntal\n" + image.encode() + b";5\n")
        expect(page.locator('[data-testid="stAlertContentError"]')).to_contain_text(named_shown)
        assert not links_and_images_from_outside(page)

        open_page(page, server, "/planering?lan=20&to=2026")
        with rerun(page):
            page.get_by_text("Egen vikt från fil", exact=True).click()
        weights = f"Kommun;Vikt\n{image};1\n{link};2\n".encode()
        with rerun(page):
            page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
                files=[{"name": named, "mimeType": "text/csv", "buffer": weights}]
            )
        expect(page.locator('[data-testid="stAlertContentError"]')).to_contain_text("pixel.png")
        assert not links_and_images_from_outside(page)

        open_page(page, server, "/planering?lan=20&to=2026")
        name = page.get_by_label("Scenariots namn")
        name.fill(f"{image} {link}")
        name.press("Enter")
        with rerun(page):
            page.get_by_role("button", name="Spara scenariot").click()
        expect(page.locator('[data-testid="stAlertContentSuccess"]')).to_contain_text("pixel.png")
        assert not links_and_images_from_outside(page)
    finally:
        deck.save(kept, served_store)
        for saved in documents.names("scenario", served_store):
            if "pixel" in saved:
                documents.delete(
                    "scenario", saved, documents.read("scenario", saved, served_store)[1], served_store
                )
