"""Every page opens in a real browser, draws its charts without errors, normal and presenting."""

from __future__ import annotations

import pytest
from browsing import CHART, open_page, page_paths, screenshot, slug


@pytest.mark.parametrize("path", page_paths())
def test_every_page_draws_without_errors(page, server, path):
    open_page(page, server, path)
    screenshot(page, f"{slug(path)}_normal_1366")


@pytest.mark.parametrize("path", page_paths())
@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 720)])
def test_every_page_presents_without_sidebar(new_page, server, path, width, height):
    page = new_page(width, height).page
    open_page(page, server, path + "?present=1")
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    screenshot(page, f"{slug(path)}_present_{width}x{height}")


def test_the_overview_has_a_chart(page, server):
    open_page(page, server, "/")
    assert page.locator(CHART).count() >= 1
