"""The meeting's handout: the deck (or one page) as a PDF, one slide a page, to take away.

Each page is A4 landscape: the slide's title, the selection in words, the chart's finding as a
heading, the chart itself, its one-sentence summary, its source and data date, the page number
and the date it was printed. The chart is the page's first chart (``reception.charts.headline``), built
for the slide's selection in the handout's language (Swedish unless asked), drawn as a PNG at
about 250 dpi by kaleido (Plotly's own image export, in the machine's chromium: one browser kept
for the process, since starting it costs more than drawing) and laid out by fpdf2, whose text
stays text: it can be searched, copied and read aloud. The font is the app's own, Source Sans,
which Streamlit ships.
"""

from __future__ import annotations

import asyncio
import atexit
import importlib.util
import tempfile
import threading
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import kaleido
import plotly.graph_objects as go

from reception import geo, queries, store
from reception.charts import headline
from reception.i18n import t
from reception.meeting import deck
from reception.meeting.deck import Deck, Slide
from reception.selection import Selection

WIDTH, HEIGHT, MARGIN = 297, 210, 12  # A4 landscape, mm
CHART_MM = (WIDTH - 2 * MARGIN, 128)  # the box a chart is fitted into
CHART_PX, SCALE = (1100, 516), 2.5  # the figure's size in CSS pixels (type about 10 pt) and its scale
INK, GREY = (26, 26, 26), (89, 89, 89)


class HandoutFailed(Exception):
    """The handout could not be made; ``code`` names the label that says why, ``fields`` fill it."""

    def __init__(self, code: str, /, **fields: object):
        self.code, self.fields = code, fields
        super().__init__(t(code, "sv", **fields))

    def message(self, lang: str = "sv") -> str:
        return t(self.code, lang, **self.fields)


@dataclass(frozen=True)
class Sheet:
    """One page of the handout, before it is laid out."""

    slide: Slide
    selection: Selection | None  # None: the slide is not one of the app's pages
    built: headline.Built | None  # None: a page without a chart of its own


def single_page(url: str, lang: str = "sv") -> Deck:
    """A deck of one slide: the page at ``url`` (a link as copied from the browser, or a path)."""
    url = deck.link_to_url(url)
    name = next((h.page for p, h in headline.HEADLINES.items() if p == urlsplit(url).path), "app.name")
    return Deck(title=t("app.name", lang), slides=(Slide(t(name, lang), url),))


def sheets(chosen: Deck, lang: str = "sv", path: Path | None = None) -> list[Sheet]:
    """Each slide's selection (in ``lang``) and first chart, asked of the store at ``path``."""
    path = path or store.db_path()

    def run(name: str, selection: Selection):
        return queries.run(name, selection.as_params(), path)

    paths = {urlsplit(s.url).path for s in chosen.slides}
    boundaries = geo.municipality_geojson() if "/" in paths else None
    out = []
    for slide in chosen.slides:
        if deck.slide_problems(slide, "Bilden"):
            out.append(Sheet(slide, None, None))
            continue
        parts = urlsplit(slide.url)
        asked = Selection.from_query_params(dict(parse_qsl(parts.query)))
        selection = replace(asked, lang=lang, present=False)
        out.append(Sheet(slide, selection, headline.build(parts.path, selection, run, boundaries)))
    return out


class Browser:
    """One headless chromium (kaleido's) kept for the process, on an event loop of its own.

    Starting the browser costs more than drawing the sample deck's four charts, so the first
    handout of a process starts it and later ones reuse it. One handout draws at a time; every
    wait has a limit; a browser that fails is closed, and the next handout starts a new one.
    MathJax is left out: no chart here writes TeX, and looking for it offline cost a second.
    """

    START_S, DRAW_S = 60, 120

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._kaleido: kaleido.Kaleido | None = None

    def _run(self, coroutine, seconds: float):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=seconds)

    def _start(self) -> None:
        self._loop = asyncio.new_event_loop()
        threading.Thread(target=self._loop.run_forever, name="handout-browser", daemon=True).start()
        self._kaleido = kaleido.Kaleido(n=1, timeout=self.DRAW_S, mathjax=False)
        self._run(self._kaleido.open(), self.START_S)

    def close(self) -> None:
        """End the browser and its loop (at exit, and after a failure)."""
        if self._loop is None:
            return
        with suppress(Exception):
            self._run(self._kaleido.close(), 10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._loop, self._kaleido = None, None

    def warm(self) -> None:
        """Start the browser in a thread of its own, unless it runs already or is starting: the
        first handout then only draws (a page with the handout button calls this when drawn)."""
        if self._kaleido is not None or self._lock.locked():
            return

        def start() -> None:
            with self._lock:
                if self._kaleido is not None:
                    return
                try:
                    self._start()
                except Exception:  # noqa: BLE001 - the click's own start reports what is wrong
                    self.close()

        threading.Thread(target=start, name="handout-browser-warm", daemon=True).start()

    def draw(self, specs: list[dict]) -> None:
        """Write each spec's figure to its path (kaleido's figure dicts: fig, path, opts, topojson)."""
        with self._lock:
            try:
                if self._kaleido is None:
                    self._start()
                self._run(self._kaleido.write_fig_from_object(specs, cancel_on_error=True), self.DRAW_S)
            except BaseException:
                self.close()
                raise


BROWSER = Browser()
atexit.register(BROWSER.close)


def render(figures: list) -> list[bytes]:
    """The figures as PNG images, drawn by the process's browser (without their titles: the page has
    them as text). Plotly's maps read their base layer from the app's static folder."""
    topojson = (store.ROOT / "static").as_uri() + "/"
    opts = {"format": "png", "width": CHART_PX[0], "height": CHART_PX[1], "scale": SCALE}
    with tempfile.TemporaryDirectory() as folder:
        files = [Path(folder) / f"chart{i}.png" for i in range(len(figures))]
        specs = [
            {"fig": _untitled(f), "path": file, "opts": opts, "topojson": topojson}
            for f, file in zip(figures, files, strict=True)
        ]
        if specs:
            try:
                BROWSER.draw(specs)
            except Exception as e:  # the browser is a separate program: missing, crashed, timed out
                raise HandoutFailed("handout.no_browser", reason=type(e).__name__) from e
        return [f.read_bytes() for f in files]


def _untitled(figure: go.Figure) -> dict:
    """The figure as kaleido takes it, without its title and with a top margin of 40 px: its own
    copy (``to_plotly_json``), changed as a dict rather than checked again as a new Figure."""
    copy = figure.to_plotly_json()
    layout = copy.setdefault("layout", {})
    layout["title"] = {**layout.get("title", {}), "text": ""}
    layout["margin"] = {**layout.get("margin", {}), "t": 40}
    return copy


def build(chosen: Deck, lang: str = "sv", path: Path | None = None, today: date | None = None) -> bytes:
    """The handout of ``chosen`` as PDF bytes: one A4 landscape page per slide.

    Raises:
        HandoutFailed: the deck has no slides, or the charts could not be drawn.
    """
    if not chosen.slides:
        raise HandoutFailed("handout.no_slides")
    BROWSER.warm()  # a first handout of the process: the browser starts while the queries run
    path = path or store.db_path()
    made = sheets(chosen, lang, path)
    images = iter(render([s.built.figure for s in made if s.built and s.built.figure is not None]))
    fresh = queries.run("data_freshness", None, path)
    options = queries.run("area_options", None, path)
    pdf = _document(deck.shown_title(chosen.title, lang))
    day = (today or date.today()).isoformat()
    for number, sheet in enumerate(made, start=1):
        pdf.add_page()
        _head(pdf, deck.shown_title(chosen.title, lang), sheet.slide.title, lang)
        if sheet.selection is None:
            _text(pdf, t("meeting.bad_slide", lang), 13)
        else:
            _text(pdf, headline.describe(sheet.selection, options), 12, GREY)
            if sheet.built is None:
                _text(pdf, t("handout.no_chart", lang, url=sheet.slide.url), 13)
            else:
                _chart(pdf, sheet.built, next(images) if sheet.built.figure is not None else None)
                _text(pdf, headline.source_line(fresh, sheet.built.datasets, lang), 10, GREY)
        _foot(pdf, t("handout.foot", lang, n=number, total=len(made), date=day))
    return bytes(pdf.output())


def _document(title: str):
    from fpdf import FPDF

    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(False)
    pdf.set_title(title)
    pdf.set_creator(t("app.name", "sv"))
    pdf.add_font("app", "", str(font_file()))
    return pdf


def _text(pdf, text: str, size: float, colour=INK, bold: bool = False) -> None:
    pdf.set_font("app", size=size)
    pdf.set_text_color(*colour)
    pdf.set_draw_color(*colour)
    pdf.text_mode = "FILL_STROKE" if bold else "FILL"  # a stroked outline: bold from the one font file
    pdf.set_line_width(0.25 * size / 12)
    pdf.multi_cell(0, size * 0.45, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)


def _head(pdf, deck_title: str, slide_title: str, lang: str) -> None:
    pdf.set_y(MARGIN - 4)
    app = t("app.name", lang)
    _text(pdf, deck_title if deck_title == app else f"{deck_title} · {app}", 9, GREY)
    _text(pdf, slide_title, 20, bold=True)


def _chart(pdf, built: headline.Built, image: bytes | None) -> None:
    _text(pdf, built.title, 14, bold=True)
    if image is not None:
        width, height = CHART_MM
        if CHART_PX[0] / CHART_PX[1] < width / height:
            width = height * CHART_PX[0] / CHART_PX[1]
        pdf.image(image, x=MARGIN, y=pdf.get_y(), w=width, h=height, alt_text=built.summary)
        pdf.set_y(pdf.get_y() + height + 2)
    _text(pdf, built.summary, 13)


def _foot(pdf, text: str) -> None:
    pdf.set_y(HEIGHT - MARGIN + 2)
    pdf.set_font("app", size=9)
    pdf.set_text_color(*GREY)
    pdf.text_mode = "FILL"
    pdf.cell(0, 4, text, align="R")


_fonts: dict[str, Path] = {}


def font_file() -> Path:
    """Source Sans as a TrueType file fpdf2 reads: Streamlit ships it as WOFF2, unpacked once per
    process into a temporary folder."""
    if "app" in _fonts and _fonts["app"].exists():
        return _fonts["app"]
    spec = importlib.util.find_spec("streamlit")
    media = Path(spec.origin).parent / "static" / "static" / "media" if spec and spec.origin else None
    found = sorted(media.glob("SourceSansVF-Upright*.woff2")) if media and media.is_dir() else []
    if not found:
        raise HandoutFailed("handout.no_font")
    from fontTools.ttLib import TTFont

    font = TTFont(found[0])
    font.flavor = None  # WOFF2 to plain TrueType (needs brotli)
    target = Path(tempfile.mkdtemp(prefix="reception-font-")) / "SourceSans.ttf"
    font.save(target)
    _fonts["app"] = target
    return target
