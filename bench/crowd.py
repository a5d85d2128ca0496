"""A crowd on the dashboard: sessions that open Översikt, change the county and read a tile, for a while,
while an editor loads a file that changes that tile.

Most sessions are light (:mod:`bench.stream`: Streamlit's WebSocket protocol, no browser), a few are
real browsers (Playwright driving Debian's chromium), and the editor is a browser too: it opens the
Data page, unlocks it with the editor password and uploads a kommuntal file for ``COUNTY`` (Dalarna).
Each session goes back and forth between ``COUNTY`` and ``OTHER`` every few seconds; every action is
timed from the click (a widget change sent, an option clicked) to the answer (the run finished; in a
browser, the tile drawn by the new run). Whatever goes wrong is an error and is counted.

Whether every session sees the load: each read of the county's tile is kept with when it started;
every read that started after the editor saw the load's success must show the new figure.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.stream import Disconnected, Session
from reception import geo
from reception.i18n import fmt_int, t
from reception.store import writer

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip
COUNTY, OTHER = "20", "21"  # Dalarna, whose tile the load changes; Gävleborg
PER_MUNICIPALITY = 40  # the loaded kommuntal of each of the county's municipalities
THINK_S = (2.0, 6.0)  # between one session's actions
IDLE = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  return app && app.dataset.testScriptState === 'notRunning'
    && app.dataset.testConnectionState === 'CONNECTED';
}"""
READY = """since => {
  const app = document.querySelector('[data-testid="stApp"]');
  const token = document.querySelector('style[data-run]');
  return app && app.dataset.testScriptState === 'notRunning'
    && app.dataset.testConnectionState === 'CONNECTED' && token && token.dataset.run !== since;
}"""


def county_names() -> dict[str, str]:
    return {row["lan_kod"]: row["lan"] for row in geo.counties().to_pylist()}


def kommuntal_file(year: int) -> tuple[str, bytes, str]:
    """A county board's kommuntal decision for ``COUNTY``: (file name, bytes, the tile's new figure)."""
    names = [m["kommun"] for m in geo.municipalities().to_pylist() if m["lan_kod"] == COUNTY]
    lines = [f"Kommuntal {year} – {county_names()[COUNTY]}", "Kommun;Antal"]
    lines += [f"{name};{PER_MUNICIPALITY}" for name in names]
    return (
        f"kommuntal_{year}_{COUNTY}.csv",
        "\n".join(lines).encode("cp1252"),
        fmt_int(PER_MUNICIPALITY * len(names)),
    )


def as_real(path: Path) -> None:
    """Make a demo store's loads count as real ones, as in a county's store of official files: a new
    file then adds to them (the first real file would retire a demo, and every other figure with it)."""
    with writer.write(path) as con:
        con.execute("update load_log set is_demo = false")


@dataclass
class Record:
    """What one session did: action times, errors, and its reads of the county's tile."""

    kind: str  # "light" or "browser"
    process: str | None = None
    actions: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    reads: list[tuple[float, str]] = field(default_factory=list)  # (started, tile value) for COUNTY
    reconnects: int = 0


@dataclass
class Crowd:
    base: str
    year: int
    seconds: float
    light: int
    browsers: int
    password: str
    folder: Path = Path(".")  # where the editor's file is written
    load_at: float | None = 20.0  # seconds into the run; None: no load
    kill: tuple[float, object] | None = None  # (seconds into the run, a callable that ends a process)
    records: list[Record] = field(default_factory=list)
    load: dict = field(default_factory=dict)

    @property
    def label(self) -> str:
        return t("tile.target", "sv", year=self.year)

    async def run(self, seed: int = 20) -> None:
        from playwright.async_api import async_playwright

        rng = random.Random(seed)
        start = time.monotonic()
        self.records = [Record("light") for _ in range(self.light)] + [
            Record("browser") for _ in range(self.browsers)
        ]
        async with async_playwright() as p:
            chromium = await p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            try:
                jobs = [
                    self._light(r, i, start, random.Random(rng.random()))
                    if r.kind == "light"
                    else self._browser(chromium, r, i, start, random.Random(rng.random()))
                    for i, r in enumerate(self.records)
                ]
                if self.load_at is not None:
                    jobs.append(self._editor(chromium, start))
                if self.kill is not None:
                    jobs.append(self._kill(start))
                await asyncio.gather(*jobs)
            finally:
                await chromium.close()

    async def _kill(self, start: float) -> None:
        """End a process ``at`` seconds in, once the editor's load is done (a load still running in a
        killed process is lost with it, as its editor sees: only done loads must stay)."""
        at, end_process = self.kill
        await asyncio.sleep(max(0.0, start + at - time.monotonic()))
        while self.load_at is not None and not ({"done", "error"} & self.load.keys()):
            await asyncio.sleep(0.2)
        self.load["killed_at"] = time.monotonic()
        await asyncio.to_thread(end_process)

    async def _light(self, record: Record, index: int, start: float, rng: random.Random) -> None:
        names = county_names()
        first, second = (COUNTY, OTHER) if index % 2 == 0 else (OTHER, COUNTY)
        session = Session(self.base, query=f"lan={first}")
        await asyncio.sleep(rng.uniform(0, 3))  # not all at the same instant
        county, run = first, None
        try:
            began = time.monotonic()
            run = await session.open()
            record.process = session.process
            self._took(record, run.seconds, began, county, run.metrics, run.exceptions)
            while time.monotonic() - start < self.seconds:
                await asyncio.sleep(rng.uniform(*THINK_S))
                county = second if county == first else first
                began = time.monotonic()
                try:
                    run = await session.rerun({"w_lan": names[county]})
                except Disconnected:
                    if self.kill is None:
                        raise
                    record.reconnects += 1
                    began = time.monotonic()
                    run = await session.reconnect()  # back where the URL says, through a live process
                    run = await session.rerun({"w_lan": names[county]})
                self._took(record, run.seconds, began, county, run.metrics, run.exceptions)
        except Exception as error:  # noqa: BLE001 - every failure is counted, none stops the crowd
            record.errors.append(f"{type(error).__name__}: {error}")
        finally:
            await session.close()

    def _took(self, record, seconds, began, county, metrics, exceptions) -> None:
        record.actions.append(seconds)
        if exceptions or t("error.page", "sv") in str(metrics):
            record.errors.append(f"the page failed: {exceptions}")
        value = metrics.get(self.label)
        if value is None:
            record.errors.append(f"no tile {self.label!r} for {county}: {sorted(metrics)}")
        elif county == COUNTY:
            record.reads.append((began, value))

    async def _browser(self, chromium, record: Record, index: int, start: float, rng: random.Random) -> None:
        names, picker = county_names(), t("sel.lan", "sv")
        first, second = (COUNTY, OTHER) if index % 2 == 0 else (OTHER, COUNTY)
        context = await chromium.new_context(viewport={"width": 1366, "height": 900})
        context.set_default_timeout(90_000)
        page = await context.new_page()
        page.on("pageerror", lambda e: record.errors.append(f"pageerror: {e}"))
        lost: list[str] = []  # the frontend says so in the console when its WebSocket closes
        page.on("console", lambda m: lost.append(m.text) if "WebSocket onclose" in m.text else None)
        await asyncio.sleep(rng.uniform(0, 3))
        county = first
        try:
            began = time.monotonic()
            await page.goto(f"{self.base}/?lan={first}")
            await page.wait_for_function(READY, arg=None)
            record.process = next(
                (c["value"] for c in await context.cookies() if c["name"] == "reception_server"), None
            )
            await self._read_tile(page, record, began, county)
            while time.monotonic() - start < self.seconds:
                await asyncio.sleep(rng.uniform(*THINK_S))
                county = second if county == first else first
                await page.wait_for_function(IDLE)  # as a person waits for a lost connection to come back
                if lost:
                    # its process ended: the frontend is connected to a new session elsewhere, whose first
                    # run starts from the URL (a click then would be redrawn away): load the page again
                    if self.kill is None:
                        raise Disconnected(lost[0])
                    lost.clear()
                    record.reconnects += 1
                    await page.reload()
                    await page.wait_for_function(READY, arg=None)
                since = await page.evaluate("() => document.querySelector('style[data-run]')?.dataset.run")
                await (
                    page.locator('[data-testid="stSelectbox"]')
                    .filter(has_text=picker)
                    .locator("input")
                    .click()
                )
                began = time.monotonic()
                await page.get_by_role("option", name=names[county], exact=True).click()
                await page.wait_for_function(READY, arg=since)
                await self._read_tile(page, record, began, county)
        except Exception as error:  # noqa: BLE001 - counted
            record.errors.append(f"{type(error).__name__}: {str(error)[:300]}")
            if self.folder:
                await page.screenshot(path=str(self.folder / f"browser-{index}-error.png"))
        finally:
            await context.close()

    async def _read_tile(self, page, record: Record, began: float, county: str) -> None:
        if f"lan={county}" not in page.url:  # the app keeps the selection in the URL
            record.errors.append(f"the page shows another county than {county}, picked: {page.url}")
        tile = page.locator('[data-testid="stMetric"]').filter(has_text=self.label).first
        value = (await tile.locator('[data-testid="stMetricValue"]').inner_text()).strip()
        record.actions.append(time.monotonic() - began)
        if county == COUNTY:
            record.reads.append((began, value))

    async def _editor(self, chromium, start: float) -> None:
        name, data, expected = kommuntal_file(self.year)
        self.load.update(file=name, expected=expected)
        context = await chromium.new_context(viewport={"width": 1366, "height": 900})
        context.set_default_timeout(120_000)
        page = await context.new_page()
        try:
            await page.goto(f"{self.base}/data")
            await page.wait_for_function(READY, arg=None)
            await page.get_by_label(t("roles.password", "sv")).fill(self.password)
            await page.get_by_role("button", name=t("roles.unlock", "sv")).click()
            await page.locator('[data-testid="stFileUploaderDropzoneInput"]').wait_for(state="attached")
            self.load["process"] = next(
                (c["value"] for c in await context.cookies() if c["name"] == "reception_server"), None
            )
            await asyncio.sleep(max(0.0, start + self.load_at - time.monotonic()))
            file = self.folder / name
            file.write_bytes(data)
            await page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(file))
            button = page.get_by_role("button", name=t("data.load_button", "sv"))
            await button.click()
            self.load["clicked"] = time.monotonic()
            await page.locator('[data-testid="stAlertContentSuccess"]').first.wait_for()
            self.load["done"] = time.monotonic()
        except Exception as error:  # noqa: BLE001 - counted
            self.load["error"] = f"{type(error).__name__}: {str(error)[:300]}"
        finally:
            await context.close()

    def summary(self) -> dict:
        """Times (p50, p95), errors, the tile before and after the load, and who saw the new figure."""
        times = sorted(a for r in self.records for a in r.actions)
        errors = [e for r in self.records for e in r.errors] + (
            [self.load["error"]] if "error" in self.load else []
        )
        done = self.load.get("done")
        before = {
            v
            for r in self.records
            for started, v in r.reads
            if done is None or started < self.load["clicked"]
        }
        after = {v for r in self.records for started, v in r.reads if done is not None and started > done}
        late = [
            r
            for r in self.records
            if done and any(s > done and v != self.load["expected"] for s, v in r.reads)
        ]
        unseen = [r for r in self.records if done and not any(s > done for s, _ in r.reads)]
        return {
            "sessions": len(self.records),
            "browsers": self.browsers,
            "actions": len(times),
            "p50_ms": round(_quantile(times, 0.5) * 1000) if times else None,
            "p95_ms": round(_quantile(times, 0.95) * 1000) if times else None,
            **{
                f"{kind}_p50_p95_ms": [round(_quantile(part, q) * 1000) for q in (0.5, 0.95)]
                if part
                else None
                for kind in ("light", "browser")
                for part in [sorted(a for r in self.records if r.kind == kind for a in r.actions)]
            },
            "errors": errors,
            "tile_before": sorted(before),
            "tile_after": sorted(after),
            "expected_after": self.load.get("expected"),
            "sessions_with_old_figure_after_load": len(late),
            "sessions_without_a_read_after_load": len(unseen),
            "load_seconds": round(done - self.load["clicked"], 2) if done else None,
            "load_process": self.load.get("process"),
            "processes": sorted({r.process for r in self.records if r.process}),
            "reconnected_from": sorted(r.process for r in self.records if r.reconnects),
        }


def _quantile(values: list[float], q: float) -> float:
    """The nearest-rank quantile of sorted values."""
    index = max(0, min(len(values) - 1, round(q * len(values) + 0.5) - 1))
    return values[index]
