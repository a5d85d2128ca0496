"""Helpers the browser tests share: serve the app, open a page and wait until it has drawn, screenshots."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reception import site, store

try:
    from playwright.sync_api import Page, expect
except ImportError:  # the browser_ready fixture skips (or fails in CI) with the reason
    Page = expect = None

CHART = '[data-testid="stPlotlyChart"]'
SCREENSHOTS = store.ROOT / "test-artifacts" / "screenshots"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, log: Path, timeout: float = 40) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"the server exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as answer:
                if answer.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"the server did not answer within {timeout} s:\n{log.read_text()[-3000:]}")


@contextmanager
def serve(db: Path) -> Iterator[str]:
    """The real app served on a free port over the store ``db`` (its log beside it); yields its base URL
    and ends the server (its whole process group) on leaving."""
    port = _free_port()
    env = {**os.environ, "RECEPTION_DB": str(db), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    log = db.parent / "server.log"
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true"]
    command += ["--server.address", "127.0.0.1", "--server.port", str(port)]
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            command, cwd=store.ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc, log)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def page_paths() -> list[str]:
    """Every page of the app as a URL path: '/' and one per file in pages/."""
    return sorted(site.url_paths())


# The whole "drawn" condition, polled in the page until it has held for SETTLE_MS with the same
# script run: the app is connected and not running, the run is a new one (its token differs from
# ``since``, the token read before the action), no element is left stale from an earlier run, the
# page has its title (or shows an exception, which the caller then reports) and every chart present
# has drawn. Polling the whole condition, rather than counting charts once and waiting for each,
# cannot wait for a chart that a later run removed, nor take the run before a click for its answer.
SETTLE_MS = 300
_DRAWN_JS = """
([since, settle]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const token = document.querySelector('style[data-run]');
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  const done = app && app.dataset.testScriptState === 'notRunning'
    && app.dataset.testConnectionState === 'CONNECTED'
    && token && token.dataset.run !== since
    && !document.querySelector('[data-stale="true"]')
    && (document.querySelector('[data-testid="stMain"] h1')
        || document.querySelector('[data-testid="stException"]'))
    && charts.every(c => c.querySelector('.main-svg'));
  if (!done) { window.__drawn = null; return false; }
  const key = token.dataset.run + '/' + charts.length;
  if (!window.__drawn || window.__drawn.key !== key) {
    window.__drawn = {key, at: performance.now()};
    return false;
  }
  return performance.now() - window.__drawn.at >= settle;
}
"""


def run_token(page: Page) -> str | None:
    """The current script run's token (``ui.run_token``), or None before the first run drew."""
    return page.evaluate("() => document.querySelector('style[data-run]')?.dataset.run ?? null")


def wait_drawn(page: Page, since: str | None = None, timeout: float = 30_000) -> None:
    """Wait until a script run newer than ``since`` has finished and everything it drew is drawn.

    Pass ``since=run_token(page)`` read *before* an action that reruns the script (or use
    :func:`rerun`); after a navigation (a new document) any run is new, so ``since`` may be None.
    """
    page.wait_for_function(_DRAWN_JS, arg=[since, SETTLE_MS], timeout=timeout, polling=100)
    assert_no_exception(page)


@contextmanager
def rerun(page: Page) -> Iterator[None]:
    """``with rerun(page): button.click()`` waits for the run the action started to be drawn."""
    since = run_token(page)
    yield
    wait_drawn(page, since)


def assert_no_exception(page: Page) -> None:
    shown = page.locator('[data-testid="stException"]')
    if shown.count():
        raise AssertionError("Streamlit showed an exception:\n" + shown.first.inner_text())


def open_page(page: Page, base: str, path: str) -> None:
    page.goto(base + path)
    wait_drawn(page)


def screenshot(page: Page, name: str, first_screen: bool = False) -> Path:
    """The whole page (the app scrolls inside stMain, so the viewport grows to its height first),
    and with ``first_screen`` also what fits on the screen before any scrolling (``<name>_first``)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    if first_screen:
        page.screenshot(path=str(SCREENSHOTS / f"{name}_first.png"))
    size = page.viewport_size
    height = page.locator('[data-testid="stMain"]').evaluate("m => m.scrollHeight")
    target = SCREENSHOTS / f"{name}.png"
    if height > size["height"]:
        page.set_viewport_size({"width": size["width"], "height": height})
        wait_still(page)
    page.screenshot(path=str(target))
    if height > size["height"]:
        page.set_viewport_size(size)
        wait_still(page)
    return target


# True once the charts' drawn sizes have not changed for SETTLE_MS (Plotly redraws after a resize).
_STILL_JS = """
(settle) => {
  const sizes = [...document.querySelectorAll('[data-testid="stPlotlyChart"] .main-svg')]
    .map(svg => svg.getAttribute('width') + 'x' + svg.getAttribute('height')).join(',')
    + '@' + window.innerWidth + 'x' + window.innerHeight;
  if (!window.__still || window.__still.sizes !== sizes) {
    window.__still = {sizes, at: performance.now()};
    return false;
  }
  return performance.now() - window.__still.at >= settle;
}
"""


def wait_still(page: Page) -> None:
    """Wait until the charts have redrawn for the viewport and stay as they are."""
    page.wait_for_function(_STILL_JS, arg=SETTLE_MS, polling=100)


def slug(path: str) -> str:
    return path.strip("/").split("?")[0] or "oversikt"


# Every visible element that holds text of its own, with its colour, the colour behind it (the
# backgrounds of its ancestors composited over white) and its size, for the WCAG contrast check.
_TEXT_COLOURS_JS = """
root => {
  const rgba = s => {
    const m = s && s.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, base) => [0, 1, 2].map(i => top[i] * top[3] + base[i] * (1 - top[3])).concat([1]);
  const behind = el => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    return layers.reverse().reduce((base, top) => over(top, base), [255, 255, 255, 1]);
  };
  const found = [];
  for (const el of root.querySelectorAll('*')) {
    if (el.closest('svg, iframe, :disabled, [aria-disabled="true"]')) continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    let opacity = 1;
    for (let e = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
    if (style.visibility === 'hidden' || opacity === 0) continue;
    const bg = behind(el);
    const colour = rgba(style.color);
    const fg = over([colour[0], colour[1], colour[2], colour[3] * opacity], bg);
    found.push({text: el.textContent.trim().slice(0, 40), fg, bg,
                size: parseFloat(style.fontSize), bold: Number(style.fontWeight) >= 700});
  }
  return found;
}
"""


CUT_LABELS = """() => Array.from(document.querySelectorAll('button')).flatMap(button =>
    [button, ...button.querySelectorAll('*')]
        .filter(e => e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1)
        .map(() => button.innerText.replace(/\\s+/g, ' ').trim()))"""


def cut_labels(page: Page) -> list[str]:
    """The buttons whose words do not fit them (cut off, with an ellipsis or without)."""
    return sorted(set(page.evaluate(CUT_LABELS)))


def low_contrast_text(page: Page) -> list[str]:
    """Text below WCAG AA: 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold)."""
    from cvd import contrast

    problems = []
    for item in page.locator('[data-testid="stApp"]').evaluate(_TEXT_COLOURS_JS):
        fg = "rgb({}, {}, {})".format(*item["fg"][:3])
        bg = "rgb({}, {}, {})".format(*item["bg"][:3])
        large = item["size"] >= 24 or (item["bold"] and item["size"] >= 18.66)
        ratio = contrast(fg, bg)
        if ratio < (3 if large else 4.5):
            problems.append(f"{item['text']!r}: {fg} on {bg} = {ratio:.2f}:1 ({item['size']:.0f} px)")
    return sorted(set(problems))


def chart_colours(png: bytes, share: float = 0.003, merge: float = 8.0) -> list[str]:
    """The distinct chromatic colours a chart screenshot is drawn in, most used first.

    Greys (text, grid, background) are left out; so are colours covering less than ``share`` of
    the pixels, blends of a kept colour with the white background (anti-aliased edges), and
    colours within ``merge`` CIEDE2000 of a more used one.
    """
    import io

    import numpy as np
    from cvd import delta_e, to_lab
    from PIL import Image

    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).reshape(-1, 3)
    colours, counts = np.unique(pixels // 4 * 4 + 2, axis=0, return_counts=True)
    rgb, lab = colours / 255, to_lab(colours / 255)
    chromatic = (np.hypot(lab[:, 1], lab[:, 2]) > 15) & (counts >= share * len(pixels))

    def blend_of(i: int, k: int) -> bool:
        towards = rgb[k] - 1.0
        alpha = float(np.dot(rgb[i] - 1.0, towards) / np.dot(towards, towards))
        return 0 < alpha < 1 and float(np.abs(1.0 + alpha * towards - rgb[i]).max()) < 0.04

    kept: list[int] = []
    for i in sorted(np.flatnonzero(chromatic), key=lambda i: -counts[i]):
        if all(delta_e(lab[i], lab[k]) >= merge and not blend_of(i, k) for k in kept):
            kept.append(i)
    return ["#{:02x}{:02x}{:02x}".format(*colours[i]) for i in kept]
