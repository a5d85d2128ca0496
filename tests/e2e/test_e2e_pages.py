"""Every page in a real browser, normal and presenting: drawn without errors, text at WCAG AA
contrast, chart colours apart for the common colour-vision deficiencies, every button's words whole;
screenshots kept."""

from __future__ import annotations

import pytest
from browsing import (
    CHART,
    chart_colours,
    cut_labels,
    low_contrast_text,
    open_page,
    page_paths,
    screenshot,
    slug,
)
from cvd import DEFICIENCIES, closest_pairs
from playwright.sync_api import expect

# Two colours a chart uses side by side must differ by at least this much (CIEDE2000) as seen
# with each deficiency: about the difference of two clearly different shades, not a hint.
MIN_DELTA_E = 10


def colours_too_close(page) -> list[str]:
    """Pairs of colours in one chart that a colour-vision deficiency would merge."""
    charts = page.locator(CHART)
    problems = []
    for i in range(charts.count()):
        colours = chart_colours(charts.nth(i).screenshot())
        if len(colours) > 8:  # a continuous colour scale: its order is checked on the palette itself
            continue
        for deficiency in DEFICIENCIES:
            for difference, a, b in closest_pairs(colours, deficiency):
                if difference < MIN_DELTA_E:
                    problems.append(
                        f"chart {i + 1}: {a} and {b} differ by {difference:.1f} with {deficiency}"
                    )
    return problems


@pytest.mark.parametrize("path", page_paths())
def test_every_page_draws_without_errors_in_legible_colours(page, server, path):
    open_page(page, server, path)
    screenshot(page, f"{slug(path)}_normal_1366")
    assert {
        "low contrast": low_contrast_text(page),
        "colours": colours_too_close(page),
        "buttons cut": cut_labels(page),
    } == {"low contrast": [], "colours": [], "buttons cut": []}


def first_screen_problems(page, height: int) -> list[str]:
    """What a projector of ``height`` pixels would cut: the first chart's bottom, a demo note
    taller than one line."""
    problems = []
    charts = page.locator(CHART)
    if charts.count():
        box = charts.first.bounding_box()
        if box["y"] + box["height"] > height:
            problems.append(f"the first chart ends at {box['y'] + box['height']:.0f} px, below {height}")
    note = page.locator(".st-key-demo_banner [data-testid='stAlert']")
    if note.count() and note.first.bounding_box()["height"] > 48:
        problems.append(f"the demo note is {note.first.bounding_box()['height']:.0f} px tall, not one line")
    return problems


@pytest.mark.parametrize("path", page_paths())
@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 720)])
def test_every_page_presents_without_sidebar_in_legible_colours(new_page, server, path, width, height):
    page = new_page(width, height).page
    open_page(page, server, path + "?present=1")
    assert first_screen_problems(page, height) == []
    screenshot(page, f"{slug(path)}_present_{width}x{height}", first_screen=True)
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    assert low_contrast_text(page) == []
    assert cut_labels(page) == []


def test_the_overview_has_a_chart(page, server):
    open_page(page, server, "/")
    expect(page.locator(CHART).first).to_be_attached()  # retries: the first run may still be drawing
