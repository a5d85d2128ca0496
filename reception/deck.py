"""The meeting deck: saved views a network meeting steps through, kept in the store.

A slide is a view of this app (a page's URL path and query string, which hold its selection)
with a title. The deck is kept in the store, so the next meeting opens the same deck, and it can
be exported to and imported from a JSON file. Slide URLs are checked before they are kept or
shown: only this app's own pages, never another site, since a slide is shown in a frame.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import duckdb

from reception import queries, store

FORMAT = "reception-meeting-deck"
VERSION = 1
MAX_SLIDES = 100
MAX_TITLE = 200
MAX_URL = 2000
DEFAULT_TITLE = "Nätverksmöte"
# what a query string may hold: percent-encoded text, no quotes, spaces or angle brackets
_SAFE_QUERY = re.compile(r"[A-Za-z0-9_.~%&=+,:;\-]*")


class DeckRefused(Exception):
    """A deck file or slide that can't be used; ``str(e)`` lists every problem in Swedish."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        lines = "\n".join(f"- {p}" for p in problems)
        super().__init__(f"Inget har ändrats:\n{lines}")


@dataclass(frozen=True)
class Slide:
    title: str
    url: str


@dataclass(frozen=True)
class Deck:
    """An ordered list of slides; the editing methods return a new deck."""

    title: str = DEFAULT_TITLE
    slides: tuple[Slide, ...] = ()
    seen_load_id: int | None = None

    def add(self, slide: Slide) -> Deck:
        problems = slide_problems(slide, "Bilden")
        if problems:
            raise DeckRefused(problems)
        if len(self.slides) >= MAX_SLIDES:
            raise DeckRefused([f"Ett möte kan ha högst {MAX_SLIDES} bilder."])
        return replace(self, slides=(*self.slides, Slide(slide.title.strip(), slide.url)))

    def remove(self, index: int) -> Deck:
        return replace(self, slides=self.slides[:index] + self.slides[index + 1 :])

    def move(self, index: int, offset: int) -> Deck:
        """Move slide ``index`` by ``offset`` places, stopping at either end."""
        target = min(max(index + offset, 0), len(self.slides) - 1)
        slides = list(self.slides)
        slides.insert(target, slides.pop(index))
        return replace(self, slides=tuple(slides))


def step(index: int, count: int, offset: int) -> int:
    """The slide ``offset`` steps from ``index``, wrapping round at either end (0 for no slides)."""
    return (index + offset) % count if count else 0


def page_paths() -> set[str]:
    """The URL paths of this app's pages: '/' for app.py, '/name' for pages/[NN_]name.py."""
    found = {"/"}
    for file in (store.ROOT / "pages").glob("*.py"):
        found.add("/" + re.sub(r"^\d+_", "", file.stem))
    return found


def slide_problems(slide: Slide, where: str) -> list[str]:
    """What is wrong with a slide, in Swedish, each prefixed with ``where`` (empty if nothing)."""
    problems = []
    if not isinstance(slide.title, str) or not slide.title.strip():
        problems.append(f"{where}: rubriken saknas.")
    elif len(slide.title) > MAX_TITLE:
        problems.append(f"{where}: rubriken är längre än {MAX_TITLE} tecken.")
    if not isinstance(slide.url, str) or not slide.url:
        problems.append(f"{where}: länken saknas.")
        return problems
    parts = urlsplit(slide.url)
    if len(slide.url) > MAX_URL:
        problems.append(f"{where}: länken är längre än {MAX_URL} tecken.")
    elif parts.scheme or parts.netloc or not slide.url.startswith("/"):
        problems.append(f"{where}: länken {slide.url!r} leder utanför appen; bara appens sidor går.")
    elif parts.path not in page_paths():
        problems.append(f"{where}: sidan {parts.path!r} finns inte i appen.")
    elif parts.fragment or not _SAFE_QUERY.fullmatch(parts.query):
        problems.append(f"{where}: länken {slide.url!r} innehåller tecken som inte hör hemma i en vy.")
    return problems


def link_to_url(link: str) -> str:
    """A link to a view as copied from the browser, made into a slide URL (path and query only).

    The host is dropped, so the slide shows this app's page whichever address it was copied from,
    and the query string is re-encoded.
    """
    parts = urlsplit(link.strip())
    path = parts.path.rstrip("/") or "/"
    query = urlencode(parse_qsl(parts.query, keep_blank_values=True))
    return path + ("?" + query if query else "")


def to_json(deck: Deck) -> bytes:
    """The deck as a JSON file (UTF-8); the store-specific seen load is left out."""
    body = {
        "format": FORMAT,
        "version": VERSION,
        "title": deck.title,
        "slides": [{"title": s.title, "url": s.url} for s in deck.slides],
    }
    return json.dumps(body, ensure_ascii=False, indent=2).encode("utf-8")


def from_json(data: bytes, name: str = "filen") -> Deck:
    """Read a deck file, checking everything first.

    Raises:
        DeckRefused: naming every problem (not JSON, wrong format, a bad slide and which one).
    """
    try:
        body = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise DeckRefused([f"{name} är inte en JSON-fil ({e})."]) from None
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise DeckRefused([f"{name} är inte en mötesfil från den här appen (fältet format saknas)."])
    problems = []
    if body.get("version") != VERSION:
        problems.append(f"{name}: versionen {body.get('version')!r} känns inte igen (väntade {VERSION}).")
    title = body.get("title", DEFAULT_TITLE)
    if not isinstance(title, str) or not title.strip() or len(title) > MAX_TITLE:
        problems.append(f"{name}: mötets rubrik saknas eller är för lång.")
    raw_slides = body.get("slides")
    if not isinstance(raw_slides, list):
        raise DeckRefused([*problems, f"{name}: listan slides saknas."])
    if len(raw_slides) > MAX_SLIDES:
        problems.append(f"{name}: {len(raw_slides)} bilder, högst {MAX_SLIDES} går.")
    slides = []
    for number, raw in enumerate(raw_slides, start=1):
        if not isinstance(raw, dict):
            problems.append(f"{name}, bild {number}: är inte ett objekt med title och url.")
            continue
        slide = Slide(raw.get("title"), raw.get("url"))
        problems += slide_problems(slide, f"{name}, bild {number}")
        slides.append(slide)
    if problems:
        raise DeckRefused(problems)
    return Deck(title=title.strip(), slides=tuple(Slide(s.title.strip(), s.url) for s in slides))


def load(path: Path | None = None, name: str = "main") -> Deck:
    """The deck kept in the store (an empty deck if none has been saved)."""
    cur = queries.reader(path)
    try:
        try:
            head = cur.execute(
                "select title, seen_load_id from meeting_deck where deck = ?", [name]
            ).fetchone()
        except duckdb.CatalogException:  # a store from before migration 0002: no deck yet
            head = None
        if head is None:
            return Deck()
        rows = cur.execute(
            "select title, url from meeting_slide where deck = ? order by position", [name]
        ).fetchall()
    finally:
        cur.close()
    return Deck(title=head[0], slides=tuple(Slide(t, u) for t, u in rows), seen_load_id=head[1])


def save(deck: Deck, path: Path | None = None, name: str = "main") -> None:
    """Keep the deck in the store, replacing the one saved under ``name``."""
    with store.write(path) as con:
        con.execute("delete from meeting_slide where deck = ?", [name])
        con.execute("delete from meeting_deck where deck = ?", [name])
        con.execute(
            "insert into meeting_deck values (?, ?, ?, ?)",
            [name, deck.title, deck.seen_load_id, datetime.now().replace(microsecond=0)],
        )
        for position, slide in enumerate(deck.slides, start=1):
            con.execute(
                "insert into meeting_slide values (?, ?, ?, ?)", [name, position, slide.title, slide.url]
            )
