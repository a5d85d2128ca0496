"""Accessibility in the real browser: keyboard reach, text contrast (WCAG AA) in both modes, and
chart colours that stay apart for the common colour-vision deficiencies."""

from __future__ import annotations

import pytest
from browsing import CHART, chart_colours, low_contrast_text, open_page, page_paths
from cvd import DEFICIENCIES, closest_pairs

# Two colours a chart uses side by side must differ by at least this much (CIEDE2000) as seen
# with each deficiency: about the difference of two clearly different shades, not a hint.
MIN_DELTA_E = 10
FOCUSED = """() => {
  const e = document.activeElement;
  return {tag: e.tagName, role: e.getAttribute('role') || '',
          label: e.getAttribute('aria-label') || e.innerText?.slice(0, 30) || '',
          sidebar: !!e.closest('[data-testid="stSidebar"]'), main: !!e.closest('[data-testid="stMain"]')};
}"""


def tab_through(page, presses: int = 80) -> list[dict]:
    reached = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        reached.append(page.evaluate(FOCUSED))
    return reached


def test_keyboard_reaches_the_sidebar_controls_and_the_page_buttons(page, server):
    open_page(page, server, "/")
    reached = tab_through(page)
    sidebar_controls = [r for r in reached if r["sidebar"] and r["tag"] in ("INPUT", "BUTTON", "A")]
    main_buttons = [r for r in reached if r["main"] and (r["tag"] == "BUTTON" or r["role"] == "button")]
    assert len(sidebar_controls) >= 3, reached
    assert main_buttons, reached


@pytest.mark.parametrize("path", page_paths())
@pytest.mark.parametrize("present", ["", "?present=1"], ids=["normal", "presenting"])
def test_text_meets_wcag_aa_contrast(page, server, path, present):
    open_page(page, server, path + present)
    assert low_contrast_text(page) == []


@pytest.mark.parametrize("path", page_paths())
def test_chart_colours_stay_apart_for_colour_vision_deficiencies(page, server, path):
    open_page(page, server, path)
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
    assert problems == []
