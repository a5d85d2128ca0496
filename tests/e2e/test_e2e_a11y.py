"""Keyboard access in the real browser: Tab reaches the sidebar's controls and the page's buttons.

(Contrast and colour-vision checks run on every page in test_e2e_pages.py.)"""

from __future__ import annotations

from browsing import open_page

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
