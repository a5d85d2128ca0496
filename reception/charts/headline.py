"""Each page's first chart in one place: its question, its finding and its figure.

A slide is a page with a selection. To show that slide anywhere but the live page (a printed
handout, an image), the page's first chart has to be built again outside Streamlit; the
registry below says, per page path, which query it asks, for which years, what the finding says
and which figure shows it, so nothing of a page's composition is written twice. ``build`` runs it
with any query runner: the PDF passes ``queries.run`` on a store, and every page draws its first
chart through it (``reception.ui.sections.first_chart`` passes ``ui.query``).

Also here, pure so both the app and the handout can use them: the selection in words and the
source line (files and data date) under a chart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pandas as pd
import plotly.graph_objects as go

from reception.charts import findings, flows, targets
from reception.i18n import fmt_month, t
from reception.selection import Selection

Runner = Callable[[str, Selection], pd.DataFrame]


@dataclass(frozen=True)
class Headline:
    """How a page's first chart is made.

    Attributes:
        page: the label key of the page's title.
        query: the ``queries/`` file it answers.
        this_year: the query is asked for the selection's last year only (year_from = year_to).
        datasets: the datasets its source line names.
        finding: ``(data, selection) -> (title, summary)``.
        figure: ``(data, title, selection, geojson) -> figure`` (geojson only for maps).
        empty: the label key said when the data has nothing to show.
        known: a column that must hold a value for there to be a chart (else: no rows at all).
    """

    page: str
    query: str
    this_year: bool
    datasets: tuple[str, ...]
    finding: Callable[[pd.DataFrame, Selection], tuple[str, str]]
    figure: Callable[[pd.DataFrame, str, Selection, object], go.Figure]
    empty: str = "empty.selection"
    known: str | None = None


HEADLINES: dict[str, Headline] = {
    "/": Headline(
        "page.oversikt",
        "fulfilment_by_municipality",
        True,
        ("targets", "arrivals"),
        lambda d, s: findings.fulfilment_map(d, s.year_to, s.lang),
        lambda d, title, s, geojson: targets.fulfilment_map(d, geojson, title, s.lang, s.present),
        "overview.no_target",
    ),
    "/mal": Headline(
        "page.mal",
        "fulfilment_by_municipality",
        True,
        ("targets", "arrivals"),
        lambda d, s: findings.gap(d, s.year_to, s.lang),
        lambda d, title, s, _: targets.gap_bars(d, title, s.lang, s.present, n=8 if s.present else 15),
        "overview.no_target",
    ),
    "/kapacitet": Headline(
        "page.kapacitet",
        "capacity_by_municipality",
        False,
        ("capacity",),
        lambda d, s: findings.headroom(d, s.lang),
        lambda d, title, s, _: flows.headroom_bars(d, title, s.lang, s.present, n=10 if s.present else 20),
    ),
    "/variation": Headline(
        "page.variation",
        "inflow_monthly",
        False,
        ("arrivals",),
        lambda d, s: findings.inflow(d, s.lang),
        lambda d, title, s, _: flows.inflow_chart(d, title, s.lang, s.present),
        known="persons",
    ),
}


@dataclass(frozen=True)
class Built:
    """A page's first chart for a selection: the figure is None when there is nothing to show."""

    title: str
    summary: str
    figure: go.Figure | None
    data: pd.DataFrame
    datasets: tuple[str, ...]
    selection: Selection  # what was asked (only the last year, for a chart of this year)


def build(path: str, selection: Selection, run: Runner, geojson: object = None) -> Built | None:
    """The first chart of the page at ``path`` for ``selection``; None for a page without one.

    Args:
        path: the page's URL path ('/', '/mal', ...).
        selection: what the slide shows; its ``lang`` and ``present`` size the figure.
        run: runs a query for a selection, e.g. ``lambda name, sel: queries.run(name, sel.as_params())``.
        geojson: the municipalities' boundaries (a dict for images, a URL for the browser).
    """
    headline = HEADLINES.get(path)
    if headline is None:
        return None
    asked = replace(selection, year_from=selection.year_to) if headline.this_year else selection
    data = run(headline.query, asked)
    if data.empty or (headline.known and data[headline.known].dropna().empty):
        message = t(headline.empty, selection.lang, year=selection.year_to)
        return Built(t(headline.page, selection.lang), message, None, data, headline.datasets, asked)
    title, summary = headline.finding(data, selection)
    figure = headline.figure(data, title, selection, geojson)
    return Built(title, summary, figure, data, headline.datasets, asked)


def area_name(selection: Selection, options: pd.DataFrame) -> str:
    """The selection's area in words: 'Riket', 'Dalarnas län', or the municipalities' names.

    ``options`` is ``queries/area_options.sql``'s answer (codes to names).
    """
    if selection.area_kind == "country":
        return t("whole_country", selection.lang)
    names = dict(zip(options["code"], options["name"], strict=False))
    codes = selection.kommun_kods or (selection.area_code,)
    return ", ".join(names.get(code, code) for code in codes)


def describe(selection: Selection, options: pd.DataFrame, *, category: bool = True) -> str:
    """The selection in words: 'Dalarnas län · Bosättningslagen (kommuntal) · 2016-2026 · Alla kategorier'
    (without the category: the heading over a presented page)."""
    lang = selection.lang
    words = t(
        "present.heading", lang, area=area_name(selection, options),
        program=t(f"program.{selection.program}", lang), years=selection.years_label(),
    )  # fmt: skip
    return f"{words} · {t(f'category.{selection.category}', lang)}" if category else words


def with_events(datasets: tuple[str, ...]) -> tuple[str, ...]:
    """Arrival events are counted into the monthly arrivals: their files are sources of them too."""
    return (*datasets, "arrival_events") if "arrivals" in datasets else datasets


def source_line(
    fresh: pd.DataFrame,
    datasets: tuple[str, ...],
    lang: str | None = None,
    files_as: Callable[[str], str] = str,
) -> str:
    """'Källa: demo: mål. Data till och med okt 2026.' from ``queries/data_freshness.sql``'s answer.

    ``files_as`` writes the file names (users' text): the app passes ``text.md``, so they are never
    read as Markdown; the PDF takes them as they are.
    """
    rows = fresh[fresh["dataset"].isin(with_events(datasets))]
    files = ", ".join(sorted(set(", ".join(rows["sources"].dropna()).split(", ")) - {""})) or "–"
    newest, years = rows["newest"].dropna(), rows["newest_year"].dropna()
    when = fmt_month(newest.max(), lang) if len(newest) else (str(int(years.max())) if len(years) else "–")
    return t("source", lang, files=files_as(files), date=when)
