"""What a meeting page needs besides the deck: where a slide is shown, and what changed since last time.

"Since the last meeting" compares the store as of two loads: the one the last meeting saw (kept
with the deck) and the newest. The three questions are SQL files (``queries/meeting_*.sql``);
this module picks the loads, runs them and says the result in a few short lines.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import pandas as pd

from reception import queries
from reception.i18n import fmt_int, fmt_month, t
from reception.meeting.deck import Deck, Slide, slide_problems
from reception.selection import Selection

QUERIES = ("meeting_new_months", "meeting_revised_targets", "meeting_fell_behind")


def view_url(path: str, selection: Selection) -> str:
    """A page with the selection (as the URL keeps it, without presentation mode): a slide's URL."""
    params = replace(selection, present=False).to_query_params()
    return path + ("?" + urlencode(params) if params else "")


def slide_src(slide: Slide) -> str | None:
    """The slide's page as shown inside the meeting page: presenting, without Streamlit's chrome.

    None when the slide's URL is not one of this app's pages (it is never put in a frame then).
    """
    if slide_problems(slide):
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


Runner = Callable[[str, dict], pd.DataFrame]


def since(params: dict, path: Path | None = None, run: Runner | None = None) -> Changes:
    """Run the three comparisons: ``params`` is a selection's plus from_load and to_load.

    ``run(name, params)`` runs a query (default: straight on the store at ``path``); the page
    passes its cached runner, so the answer is the same and is worked out once per data version.
    """
    run = run or (lambda name, p: queries.run(name, p, path))
    return Changes(*(run(name, params) for name in QUERIES))


def load_names(loads: pd.DataFrame) -> dict[int, str]:
    """How each load is named in the pickers: '12 · kommuntal_2026.xlsx · 2026-11-20 14:05'."""
    return {
        int(r.load_id): f"{r.load_id} · {r.source} · {r.loaded_at:%Y-%m-%d %H:%M}" for r in loads.itertuples()
    }


def summary_lines(changes: Changes, lang: str = "sv", limit: int = 5) -> list[str]:
    """The changes in short lines, one per finding: at most ``limit`` of each kind, then how many more."""
    months = changes.new_months
    new = months[months["change"] == "new"]
    lines = []
    if not new.empty:
        persons = None if new["persons_now"].isna().any() else new["persons_now"].sum()
        names = [fmt_month(m, lang) for m in new["month"]]
        names = ", ".join(names) if len(names) <= limit else f"{names[0]} – {names[-1]}"
        lines.append(t("meeting.line.new_months", lang, months=names, persons=fmt_int(persons, lang)))
    revised_months = [
        t("meeting.line.revised_month", lang, month=fmt_month(r.month, lang),
          before=fmt_int(r.persons_before, lang), now=fmt_int(r.persons_now, lang))
        for r in months[months["change"] == "revised"].itertuples()
    ]  # fmt: skip
    targets = [
        t(f"meeting.line.{'new_target' if r.change == 'new' else 'revised_target'}", lang, kommun=r.kommun,
          program=t(f"meeting.program.{r.program}", lang), year=r.year,
          before=fmt_int(r.target_before, lang), now=fmt_int(r.target_now, lang))
        for r in changes.revised_targets.itertuples()
    ]  # fmt: skip
    pace = [
        t(f"meeting.line.{r.status}", lang, kommun=r.kommun,
          received=fmt_int(r.received_now, lang), expected=fmt_int(r.expected_now, lang))
        for r in changes.fell_behind.itertuples()
    ]  # fmt: skip
    for group in (revised_months, targets, pace):
        lines += group[:limit]
        if len(group) > limit:
            lines.append(t("meeting.line.more", lang, n=len(group) - limit))
    return lines


def months_title(changes: Changes, lang: str = "sv") -> str:
    """The months chart's finding, e.g. '1 ny och 1 reviderad månad sedan förra mötet'."""
    counts = changes.new_months["change"].value_counts()
    new, revised = int(counts.get("new", 0)), int(counts.get("revised", 0))
    if not new + revised:
        return t("meeting.title.none", lang)
    parts = [t(f"meeting.title.new_{'one' if new == 1 else 'many'}", lang, n=new)] * bool(new)
    parts += [t(f"meeting.title.revised_{'one' if revised == 1 else 'many'}", lang, n=revised)] * bool(
        revised
    )
    one = (revised or new) == 1  # the noun agrees with the count just before it
    joined = t("meeting.title.and", lang).join(parts)
    return t(f"meeting.title.month_{'one' if one else 'many'}", lang, parts=joined)
