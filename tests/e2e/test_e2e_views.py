"""A user's view in the real browser: change the selection, share the link, download the data."""

from __future__ import annotations

import io
import re
from urllib.parse import parse_qs, urlsplit

import pandas as pd
from browsing import CHART, open_page, rerun, wait_drawn
from openpyxl import load_workbook
from playwright.sync_api import expect

SIDEBAR = '[data-testid="stSidebar"]'


def pick(page, label: str, option: str) -> None:
    """Choose ``option`` in the sidebar's select box labelled ``label``."""
    box = page.locator(SIDEBAR).locator('[data-testid="stSelectbox"]').filter(has_text=label).first
    box.click()
    with rerun(page):
        page.get_by_role("option", name=option, exact=True).click()


def chart_titles(page) -> list[str]:
    titles = page.locator(f"{CHART} .gtitle")
    expect(titles.first).to_be_attached()
    return titles.all_text_contents()


def pick_goteborgsregionen(page) -> None:
    pick(page, "Område", "Region")
    pick(page, "Välj region", "Göteborgsregionen")


def test_picking_goteborgsregionen_changes_the_url_and_the_charts(page, server):
    open_page(page, server, "/mal")
    before = chart_titles(page)
    assert before and all(before), before
    pick_goteborgsregionen(page)
    expect(page).to_have_url(re.compile(r"region=G(%C3%B6|ö)teborgsregionen"))
    assert parse_qs(urlsplit(page.url).query)["region"] == ["Göteborgsregionen"]
    expect(page.locator(f"{CHART} .gtitle").first).not_to_have_text(before[0])
    assert chart_titles(page) != before


def test_a_shared_link_shows_the_same_view_in_a_fresh_browser(new_page, server):
    first = new_page().page
    open_page(first, server, "/mal")
    pick_goteborgsregionen(first)
    with rerun(first):
        first.locator(SIDEBAR).get_by_text("English", exact=True).click()
    expect(first.locator("h1").first).to_have_text("Received against targets")
    link = first.url
    seen = (first.locator("h1").first.inner_text(), chart_titles(first))
    assert seen[1] and all(seen[1]), seen

    fresh = new_page().page  # a new browser context: no session, no cookies
    fresh.goto(link)
    wait_drawn(fresh)
    assert (fresh.locator("h1").first.inner_text(), chart_titles(fresh)) == seen
    area = fresh.locator(SIDEBAR).get_by_role("combobox", name="Pick a region")
    expect(area).to_have_value("Göteborgsregionen")


def test_each_download_format_parses_back(page, server):
    open_page(page, server, "/mal")
    got = {}
    for label in ("CSV", "CSV för Excel", "Excel (xlsx)"):
        button = page.locator('[data-testid="stDownloadButton"] button').filter(has_text=label).first
        with page.expect_download() as download:
            button.click()
        got[label] = (download.value.suggested_filename, download.value.path().read_bytes())

    name, data = got["CSV"]
    plain = pd.read_csv(io.BytesIO(data))
    assert name.endswith(".csv") and len(plain) > 0
    name, data = got["CSV för Excel"]
    assert data.startswith(b"\xef\xbb\xbf")
    excel = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert list(excel.columns) == list(plain.columns)
    pd.testing.assert_frame_equal(excel, plain, check_dtype=False)
    name, data = got["Excel (xlsx)"]
    book = load_workbook(io.BytesIO(data))
    assert name.endswith(".xlsx") and "Om data" in book.sheetnames
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]] == list(plain.columns)
    assert sheet.max_row == len(plain) + 1


MAP_SCALE = """el => el.querySelector('.js-plotly-plot')._fullLayout.geo.projection.scale"""


def test_scrolling_the_page_over_the_map_scrolls_the_page_and_leaves_the_map_as_it_was(page, server):
    open_page(page, server, "/")
    chart = page.locator(CHART).filter(has=page.locator(".geo")).first
    chart.scroll_into_view_if_needed()
    scale = chart.evaluate(MAP_SCALE)
    box = chart.bounding_box()
    main = page.locator('[data-testid="stMain"]')
    top = main.evaluate("el => el.scrollTop")
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, 400)
    page.wait_for_function("([el, top]) => el.scrollTop > top", arg=[main.element_handle(), top])
    assert chart.evaluate(MAP_SCALE) == scale
