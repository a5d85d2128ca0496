"""What a meeting page needs besides the deck: where a slide is shown, and what changed since last time.

"Since the last meeting" compares the store as of two loads: the one the last meeting saw (kept
with the deck) and the newest. The three questions are SQL files (``queries/meeting_*.sql``);
this module picks the loads, runs them and says the result in a few short lines.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pandas as pd

from reception import queries
from reception.deck import Deck, Slide, slide_problems

MONTHS = {
    "sv": ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}
PROGRAMS = {
    "sv": {
        "settlement": "kommuntal",
        "temporary_protection": "fördelningstal",
        "unaccompanied_minors": "andel ensamkommande",
    },
    "en": {
        "settlement": "quota",
        "temporary_protection": "allocation",
        "unaccompanied_minors": "share of minors",
    },
}


def slide_src(slide: Slide) -> str | None:
    """The slide's page as shown inside the meeting page: presenting, without Streamlit's chrome.

    None when the slide's URL is not one of this app's pages (it is never put in a frame then).
    """
    if slide_problems(slide, "Bilden"):
        return None
    parts = urlsplit(slide.url)
    params = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in ("present", "embed")
    ]
    return parts.path + "?" + urlencode([*params, ("present", "1"), ("embed", "true")])


def default_loads(deck: Deck, loads: pd.DataFrame) -> tuple[int | None, int | None]:
    """The pair to compare: the load the last meeting saw (if still live, else the one before the
    newest) and the newest live load. ``loads`` is ``meeting_loads``'s answer, newest first."""
    live = loads["load_id"].tolist()
    if not live:
        return None, None
    newest = live[0]
    if deck.seen_load_id in live:
        return deck.seen_load_id, newest
    return (live[1] if len(live) > 1 else newest), newest


@dataclass(frozen=True)
class Changes:
    new_months: pd.DataFrame
    revised_targets: pd.DataFrame
    fell_behind: pd.DataFrame

    def is_empty(self) -> bool:
        return self.new_months.empty and self.revised_targets.empty and self.fell_behind.empty


def since(params: dict, path: Path | None = None) -> Changes:
    """Run the three comparisons; ``params`` holds from_load, to_load, years, kommuner and categories."""
    return Changes(
        new_months=queries.run("meeting_new_months", params, path),
        revised_targets=queries.run("meeting_revised_targets", params, path),
        fell_behind=queries.run("meeting_fell_behind", params, path),
    )


def _number(value: float | None, lang: str) -> str:
    if value is None or pd.isna(value):
        return "?" if lang == "en" else "okänt"
    text = f"{round(float(value)):,}"
    return text.replace(",", "\u00a0") if lang == "sv" else text


def _month(ts: pd.Timestamp, lang: str) -> str:
    return f"{MONTHS[lang][ts.month - 1]} {ts.year}"


def summary_lines(changes: Changes, lang: str = "sv") -> list[str]:
    """The changes said in a few short lines, one per finding, in Swedish or English."""
    sv = lang == "sv"
    lines = []
    new = changes.new_months[changes.new_months["change"] == "new"]
    if not new.empty:
        months = ", ".join(_month(m, lang) for m in new["month"])
        total = None if new["persons_now"].isna().any() else new["persons_now"].sum()
        lines.append(
            (f"Nya månader: {months} ({_number(total, lang)} mottagna)")
            if sv
            else f"New months: {months} ({_number(total, lang)} received)"
        )
    for row in changes.new_months[changes.new_months["change"] == "revised"].itertuples():
        before, now = _number(row.persons_before, lang), _number(row.persons_now, lang)
        lines.append(
            f"{_month(row.month, lang)} reviderad: {before} → {now}"
            if sv
            else f"{_month(row.month, lang)} revised: {before} → {now}"
        )
    for row in changes.revised_targets.itertuples():
        program = PROGRAMS[lang].get(row.program, row.program)
        before, now = _number(row.target_before, lang), _number(row.target_now, lang)
        if row.change == "new":
            lines.append(
                f"{row.kommun}: nytt {program} {row.year}: {now}"
                if sv
                else f"{row.kommun}: new {program} {row.year}: {now}"
            )
        else:
            lines.append(f"{row.kommun}: {program} {row.year} {before} → {now}")
    for row in changes.fell_behind.itertuples():
        got, expected = _number(row.received_now, lang), _number(row.expected_now, lang)
        if row.status == "fell_behind":
            lines.append(
                f"{row.kommun} har hamnat efter takten: {got} mottagna, väntat {expected}"
                if sv
                else f"{row.kommun} fell behind pace: {got} received, {expected} expected"
            )
        else:
            lines.append(
                f"{row.kommun} har kommit ikapp: {got} mottagna, väntat {expected}"
                if sv
                else f"{row.kommun} caught up: {got} received, {expected} expected"
            )
    return lines


def months_title(changes: Changes, lang: str = "sv") -> str:
    """The months chart's finding, e.g. '1 ny och 1 reviderad månad sedan förra mötet'."""
    counts = changes.new_months["change"].value_counts()
    new, revised = int(counts.get("new", 0)), int(counts.get("revised", 0))
    one = (revised or new) == 1  # the noun agrees with the count just before it
    if lang == "sv":
        word = "månad" if one else "månader"
        parts = [f"{new} {'ny' if new == 1 else 'nya'}"] * bool(new)
        parts += [f"{revised} {'reviderad' if revised == 1 else 'reviderade'}"] * bool(revised)
        return (
            f"{' och '.join(parts)} {word} sedan förra mötet"
            if parts
            else "Inga nya månader sedan förra mötet"
        )
    word = "month" if one else "months"
    parts = [f"{new} new"] * bool(new) + [f"{revised} revised"] * bool(revised)
    return (
        f"{' and '.join(parts)} {word} since the last meeting"
        if parts
        else "No new months since the last meeting"
    )


def months_figure(changes: Changes, lang: str = "sv", colours: tuple[str, str] = ("#0072B2", "#E69F00")):
    """New and revised months as bars (their count now), with the count before as a mark on revised ones.

    New and revised differ by colour, by a hatch pattern and by name, never by colour alone.
    """
    import plotly.graph_objects as go

    sv = lang == "sv"
    df = changes.new_months
    fig = go.Figure()
    kinds = (
        ("new", colours[0], "", "Ny månad", "New month"),
        ("revised", colours[1], "/", "Reviderad", "Revised"),
    )
    for kind, colour, pattern, name_sv, name_en in kinds:
        part = df[df["change"] == kind]
        fig.add_bar(
            x=part["month"],
            y=part["persons_now"],
            name=name_sv if sv else name_en,
            marker={"color": colour, "pattern": {"shape": pattern}},
        )
    revised = df[df["change"] == "revised"]
    fig.add_scatter(
        x=revised["month"],
        y=revised["persons_before"],
        mode="markers",
        name="Före" if sv else "Before",
        marker={"symbol": "line-ew-open", "size": 28, "color": "#333333", "line": {"width": 3}},
    )
    fig.update_layout(
        title=months_title(changes, lang),
        xaxis_title="Månad" if sv else "Month",
        yaxis_title="Mottagna under månaden (personer)" if sv else "Received in the month (persons)",
        barmode="overlay",
    )
    return fig
