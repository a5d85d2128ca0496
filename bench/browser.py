"""The real server in Debian's chromium: start to first chart, and memory with five sessions.

*Start to first chart*: from launching ``streamlit run`` (chromium already running) until the
overview's first Plotly chart has drawn (``.main-svg`` visible), split at the moment the health
check answers. *Memory*: the server's resident memory (its process and any children), sampled
every 50 ms while five browser sessions (separate contexts, so five Streamlit sessions) each open
the overview and then click through every other page with the app's own links, waiting on each
until the script has finished and every chart has drawn.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from bench.timing import summary

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip
READY = '[data-testid="stApp"][data-test-script-state="notRunning"][data-test-connection-state="CONNECTED"]'
CHART = '[data-testid="stPlotlyChart"]'
TIMEOUT_MS = 60_000


def missing() -> str | None:
    """Why the browser measurements can't run here, or None."""
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install -y chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright package is missing (pip install -r requirements-dev.txt)"
    return None


class Server:
    """``streamlit run <script>`` (the app by default) on a free local port over ``db``, in its own
    process group."""

    def __init__(self, db: Path, log: Path, script: str = "app.py") -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "RECEPTION_DB": str(db), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
        command = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
                   "--server.address", "127.0.0.1", "--server.port", str(self.port)]  # fmt: skip
        self.log = log
        with open(log, "wb") as out:
            self.proc = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )

    def wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited: {self.log.read_text()[-2000:]}")
            try:
                with urllib.request.urlopen(self.url + "/_stcore/health", timeout=2) as answer:
                    if answer.read().strip() == b"ok":
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"the server did not answer within {timeout} s")

    def rss_mb(self) -> float:
        """Resident memory of the server and its children, in MB."""
        import psutil

        try:
            main = psutil.Process(self.proc.pid)
            procs = [main, *main.children(recursive=True)]
            return sum(p.memory_info().rss for p in procs) / 1e6
        except psutil.Error:
            return 0.0

    def stop(self) -> None:
        """Stop the process group this server started (and only it)."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


async def _first_chart(browser, db: Path, folder: Path) -> tuple[float, float]:
    start = time.perf_counter()
    server = Server(db, folder / "server_start.log")
    try:
        server.wait_healthy()
        healthy = time.perf_counter() - start
        context = await browser.new_context(viewport={"width": 1366, "height": 900})
        page = await context.new_page()
        await page.goto(server.url + "/")
        await page.locator(f"{CHART} .main-svg").first.wait_for(state="visible", timeout=TIMEOUT_MS)
        chart = time.perf_counter() - start
        await context.close()
    finally:
        server.stop()
    return healthy, chart


async def _drawn(page, title: str) -> None:
    await page.locator('[data-testid="stMain"] h1', has_text=title).first.wait_for(timeout=TIMEOUT_MS)
    await page.locator(READY).wait_for(timeout=TIMEOUT_MS)
    charts = page.locator(CHART)
    for i in range(await charts.count()):
        await charts.nth(i).locator(".main-svg").first.wait_for(state="attached", timeout=TIMEOUT_MS)


async def _walk(browser, url: str, pages: list[tuple[str, str]]) -> float:
    """One session: open the overview, then every other page by its link; seconds it took."""
    context = await browser.new_context(viewport={"width": 1366, "height": 900})
    page = await context.new_page()
    start = time.perf_counter()
    await page.goto(url + "/")
    await _drawn(page, pages[0][1])
    for path, title in pages[1:]:
        await page.locator(f'[data-testid="stPageLink-NavLink"][href^="{path}"]').first.click()
        await page.wait_for_url(f"**/{path}*", timeout=TIMEOUT_MS)
        await _drawn(page, title)
    took = time.perf_counter() - start
    await context.close()
    return took


def _nav() -> list[tuple[str, str]]:
    from reception import site
    from reception.i18n import LABELS

    return [(Path(file).stem if file != "app.py" else "", LABELS[key][0]) for file, key in site.PAGES]


async def _sessions(browser, db: Path, folder: Path, sessions: int) -> dict:
    server = Server(db, folder / "server_sessions.log")
    peak, samples, done = [0.0], [], threading.Event()

    def sample() -> None:
        while not done.is_set():
            rss = server.rss_mb()
            samples.append(rss)
            peak[0] = max(peak[0], rss)
            time.sleep(0.05)

    try:
        server.wait_healthy()
        idle = server.rss_mb()
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        walks = await asyncio.gather(*(_walk(browser, server.url, _nav()) for _ in range(sessions)))
        after = server.rss_mb()
        done.set()
        sampler.join()
    finally:
        done.set()
        server.stop()
    return {
        "sessions": sessions,
        "rss_idle_mb": round(idle, 1),
        "rss_peak_mb": round(peak[0], 1),
        "rss_after_mb": round(after, 1),
        "samples": len(samples),
        "walk_s": summary(list(walks)),
    }


async def _measure(db: Path, folder: Path, runs: int, warmup: int, sessions: int) -> dict:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            for _ in range(warmup):
                await _first_chart(browser, db, folder)
            timings = [await _first_chart(browser, db, folder) for _ in range(runs)]
            memory = await _sessions(browser, db, folder, sessions)
        finally:
            await browser.close()
    return {
        "start_to_health": summary([healthy for healthy, _ in timings]),
        "start_to_first_chart": summary([chart for _, chart in timings]),
        "memory": memory,
    }


def measure(db: Path, folder: Path, runs: int, warmup: int = 1, sessions: int = 5) -> dict:
    """Start-to-first-chart timings and server memory with ``sessions`` browser sessions on ``db``.

    A server that does not come up or a page that does not draw in time is a finding, reported
    as ``{"skipped": reason}``, not a crash of the benchmark.
    """
    reason = missing()
    if reason:
        return {"skipped": reason}
    from playwright.async_api import Error as PlaywrightError

    try:
        return asyncio.run(_measure(db, folder, runs, warmup, sessions))
    except (RuntimeError, PlaywrightError) as failure:
        text = f"{type(failure).__name__}: {failure}".replace(str(folder), "<tmp>")
        return {"skipped": text[:1000]}
