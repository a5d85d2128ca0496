"""What the meeting page says about the changes, and where it shows a slide."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pandas as pd
from meeting_store import GR

from reception import site
from reception.charts.meeting import months_figure
from reception.meeting import since_last
from reception.meeting.deck import Deck, Slide

PARAMS = {"from_load": 3, "to_load": 4, **GR, "category": "all", "program": "settlement", "year_from": 2026}
PARAMS["year_to"] = 2026


def test_the_changes_said_in_swedish(meeting_store):
    lines = since_last.summary_lines(since_last.since(PARAMS, meeting_store), "sv")
    assert lines == [
        "Nya månader: jul 2026 (8 mottagna)",
        "jun 2026 reviderad: 12 → 14",
        "Ale: kommuntal 2026 24 → 30",
        "Ale har hamnat efter takten: 12 mottagna, väntat 15",
    ]


def test_the_changes_said_in_english(meeting_store):
    lines = since_last.summary_lines(since_last.since(PARAMS, meeting_store), "en")
    assert lines[0] == "New months: Jul 2026 (8 received)"
    assert lines[-1] == "Ale fell behind pace: 12 received, 15 expected"


def test_nothing_to_say_when_nothing_changed(meeting_store):
    changes = since_last.since({**PARAMS, "from_load": 4}, meeting_store)
    assert changes.is_empty()
    assert since_last.summary_lines(changes) == []


def test_large_numbers_use_swedish_thousands_and_unknown_is_a_dash():
    months = pd.DataFrame(
        {
            "month": pd.to_datetime(["2026-08-01"]),
            "persons_before": [1200.0],
            "persons_now": [None],
            "change": ["revised"],
        }
    )
    empty = pd.DataFrame(columns=["change"])
    changes = since_last.Changes(new_months=months, revised_targets=empty, fell_behind=empty)
    assert since_last.summary_lines(changes) == ["aug 2026 reviderad: 1\u00a0200 → –"]


def test_the_last_meetings_load_is_the_default_starting_point():
    loads = pd.DataFrame({"load_id": [9, 7, 4, 1]})
    assert since_last.default_loads(Deck(seen_load_id=4), loads) == (4, 9)
    # the load the last meeting saw was undone since: compare with the load before the newest
    assert since_last.default_loads(Deck(seen_load_id=5), loads) == (7, 9)
    assert since_last.default_loads(Deck(), pd.DataFrame({"load_id": [1]})) == (1, 1)
    assert since_last.default_loads(Deck(), pd.DataFrame({"load_id": []})) == (None, None)


def test_a_slide_is_shown_presenting_and_without_chrome():
    src = since_last.slide_src(Slide("GR", "/?ar=2026&present=0"))
    parts = urlsplit(src)
    assert parts.path == "/"
    assert parse_qs(parts.query) == {"ar": ["2026"], "present": ["1"], "embed": ["true"]}


def test_a_slide_outside_the_app_is_never_framed():
    assert since_last.slide_src(Slide("Bad", "https://example.org/")) is None
    assert since_last.slide_src(Slide("Bad", "javascript:alert(1)")) is None


def test_the_months_chart_states_its_finding_in_the_title(meeting_store):
    changes = since_last.since(PARAMS, meeting_store)
    assert since_last.months_title(changes, "sv") == "1 ny och 1 reviderad månad sedan förra mötet"
    assert since_last.months_title(changes, "en") == "1 new and 1 revised month since the last meeting"
    nothing = since_last.since({**PARAMS, "from_load": 4}, meeting_store)
    assert since_last.months_title(nothing, "sv") == "Inga nya månader sedan förra mötet"


def test_the_months_chart_shows_exactly_the_changed_months(meeting_store):
    changes = since_last.since(PARAMS, meeting_store)
    fig = months_figure(changes.new_months, since_last.months_title(changes, "sv"), "sv")
    new, revised, before = fig.data
    assert (new.name, list(new.y)) == ("Ny månad", [8])
    assert (revised.name, list(revised.y), revised.marker.pattern.shape) == ("Reviderad", [14], "/")
    assert (before.name, list(before.y)) == ("Före", [12])
    assert fig.layout.yaxis.title.text == "Mottagna under månaden (personer)"


def test_a_view_url_is_the_page_with_the_selection_but_not_presenting():
    from reception.selection import Selection

    sel = Selection(
        year_from=2024, year_to=2024, area_kind="region", area_code="Göteborgsregionen", present=True
    )
    url = since_last.view_url(site.url_path("pages/mal.py"), sel)
    path, query = url.split("?")
    assert path == "/mal"
    assert parse_qs(query) == {"from": ["2024"], "to": ["2024"], "region": ["Göteborgsregionen"]}
    assert site.url_path("app.py") == "/"


def test_long_lists_are_cut_short_with_how_many_more(meeting_store):
    # as of the länstal load nothing was known: every month and every kommuntal is new
    changes = since_last.since(
        {**PARAMS, "from_load": 1, "area_kind": "country", "area_code": ""}, meeting_store
    )
    lines = since_last.summary_lines(changes, "sv", limit=2)
    # the months add up to July's year-to-date: Ale 12 + Göteborg 70 + Stockholm 32
    assert lines[0] == "Nya månader: jan 2026 – jul 2026 (114 mottagna)"
    assert lines[1:] == ["Ale: nytt kommuntal 2026: 30", "Göteborg: nytt kommuntal 2026: 120", "… och 1 till"]
