"""The meeting deck in the real browser: stepped with the arrow keys, each slide shown presenting,
kept in the store for the next meeting, exported and imported as a file."""

from __future__ import annotations

import json

import pytest
from browsing import open_page, page_paths, run_token, screenshot, wait_drawn
from playwright.sync_api import expect

from reception.meeting import deck
from reception.meeting.deck import Deck, Slide


@pytest.fixture
def three_slides(served_store):
    other = next((p for p in page_paths() if p not in ("/", "/mote")), "/")
    saved = Deck(
        title="Nätverksmöte E2E",
        slides=(
            Slide("Översikt riket", "/"),
            Slide("Andra sidan", other),
            Slide("Översikt på engelska", "/?lang=en"),
        ),
    )
    deck.save(saved, served_store)
    yield saved
    deck.save(Deck(), served_store)


def heading(page):
    return page.locator('[data-testid="stMain"] h3').filter(has_text=" / ")


def open_deck(page, server):
    """Open the meeting page and wait until the current slide has drawn inside its frame."""
    open_page(page, server, "/mote")
    slide = page.frame_locator('[data-testid="stMain"] iframe').first
    expect(slide.locator('[data-testid="stMain"] h1').first).to_be_visible(timeout=20_000)


def test_arrow_keys_step_through_the_deck_and_wrap_round(page, server, three_slides):
    open_deck(page, server)
    expect(page.locator("h2").filter(has_text="Nätverksmöte E2E")).to_be_visible()
    expect(heading(page)).to_have_text("1 / 3 · Översikt riket")
    page.keyboard.press("ArrowRight")
    expect(heading(page)).to_have_text("2 / 3 · Andra sidan")
    page.keyboard.press("ArrowRight")
    expect(heading(page)).to_have_text("3 / 3 · Översikt på engelska")
    page.keyboard.press("ArrowRight")
    expect(heading(page)).to_have_text("1 / 3 · Översikt riket")
    page.keyboard.press("ArrowLeft")
    expect(heading(page)).to_have_text("3 / 3 · Översikt på engelska")


def test_each_slide_is_its_page_presenting_in_a_frame(page, server, three_slides):
    open_page(page, server, "/mote")
    frame = page.locator('[data-testid="stMain"] iframe').first
    expect(frame).to_have_attribute("src", "/?present=1&embed=true")
    inner = page.frame_locator('[data-testid="stMain"] iframe').first
    expect(inner.locator('[data-testid="stMain"] h1').first).to_be_visible(timeout=20_000)
    expect(inner.locator('[data-testid="stSidebar"]')).to_be_hidden()


def test_the_next_meeting_opens_the_same_deck(new_page, server, three_slides):
    first = new_page().page
    open_deck(first, server)
    first.keyboard.press("ArrowRight")
    expect(heading(first)).to_have_text("2 / 3 · Andra sidan")
    later = new_page().page  # a fresh browser: nothing but the store remembers the deck
    open_page(later, server, "/mote")
    expect(later.locator("h2").filter(has_text="Nätverksmöte E2E")).to_be_visible()
    expect(heading(later)).to_have_text("1 / 3 · Översikt riket")


def test_export_then_import_a_bad_file_changes_nothing(page, server, served_store, three_slides, tmp_path):
    open_page(page, server, "/mote")
    page.locator('[data-testid="stExpander"] summary').first.click()
    with page.expect_download() as download:
        page.locator('[data-testid="stDownloadButton"] button').first.click()
    exported = json.loads(download.value.path().read_bytes())
    assert [s["title"] for s in exported["slides"]] == [s.title for s in three_slides.slides]

    exported["slides"][1]["url"] = "https://example.org/"
    bad = tmp_path / "mote.json"
    bad.write_text(json.dumps(exported), encoding="utf-8")
    since = run_token(page)
    page.locator('[data-testid="stFileUploader"] input[type=file]').set_input_files(str(bad))
    expect(page.locator('[data-testid="stAlertContentError"]')).to_contain_text("bild 2")
    expect(page.locator('[data-testid="stAlertContentError"]')).to_contain_text("utanför appen")
    wait_drawn(page, since)
    expect(heading(page)).to_have_text("1 / 3 · Översikt riket")
    assert deck.load(served_store).slides == three_slides.slides


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 720)])
def test_the_deck_presents_its_slide_on_the_first_screen(new_page, server, three_slides, width, height):
    page = new_page(width, height).page
    open_page(page, server, "/mote?present=1")
    slide = page.frame_locator('[data-testid="stMain"] iframe').first
    expect(slide.locator('[data-testid="stMain"] h1').first).to_be_visible(timeout=20_000)
    frame = page.locator('[data-testid="stMain"] iframe').first.bounding_box()
    assert frame["y"] + frame["height"] <= height, "the slide runs below the first screen"
    chart = slide.locator('[data-testid="stPlotlyChart"]').first
    expect(chart.locator(".main-svg").first).to_be_attached()
    expect(slide.locator('[data-testid="stSkeleton"]')).to_have_count(0)  # the slide has drawn
    screenshot(page, f"mote_deck_present_{width}x{height}", first_screen=True)
    box = chart.bounding_box()  # in the page's coordinates, frame included
    assert box["y"] + box["height"] <= frame["y"] + frame["height"], "the slide's chart is cut by its frame"
    # the page's own headings (demo note, title, selection, leave button) take about 330 px
    assert frame["height"] >= height / 3, "the slide takes less than a third of the screen"
