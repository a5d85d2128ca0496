"""The meeting deck: saved views a network meeting steps through, kept beside the store.

A slide is a view of this app (a page's URL path and query string, which hold its selection)
with a title. The deck is kept as a document beside the store (``reception.store.documents``), so the
next meeting opens the same deck while an edit never copies the store or changes the data version;
a save names the revision it started from, so two editors never silently overwrite each other.
It can be exported to and imported from a JSON file. Slide URLs are checked before they are kept or
shown: only this app's own pages, never another site, since a slide is shown in a frame.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import duckdb

from reception import queries, site
from reception.i18n import t
from reception.ingest import isolate
from reception.ingest.problems import IngestRefused
from reception.refusal import Refusal
from reception.store import documents
from reception.text import clip

FORMAT = "reception-meeting-deck"
VERSION = 1
MAX_SLIDES = 100
MAX_TITLE = 200
MAX_URL = 2000
MAX_PROBLEMS = 50  # problems a refusal lists; the rest are counted
DEFAULT_TITLE = t("deck.default_title", "sv")  # kept as written; shown in the reader's language (shown_title)
# what a query string may hold: percent-encoded text, no quotes, spaces or angle brackets
_SAFE_QUERY = re.compile(r"[A-Za-z0-9_.~%&=+,:;\-]*")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a deck or slide: a code (label ``deck.problem.<code>``) and its fields.

    ``where`` says which slide: None for the deck as a whole, ``{}`` for "the slide", or
    ``{"name": ..., "number": ...}`` for slide ``number`` of file ``name``.
    """

    code: str
    fields: dict = field(default_factory=dict)
    where: dict | None = None

    def __post_init__(self) -> None:
        """Every value from the file (its name, a link, a version) cut to a line where it is quoted."""
        object.__setattr__(self, "fields", _clipped(self.fields))
        if self.where:
            object.__setattr__(self, "where", _clipped(self.where))

    def text(self, lang: str | None = None) -> str:
        said = t(f"deck.problem.{self.code}", lang, **self.fields)
        if self.where is None:
            return said
        place = t("deck.where.file_slide" if self.where else "deck.where.slide", lang, **self.where)
        return f"{place}: {said}"


def _clipped(fields: dict) -> dict:
    return {k: clip(v) if isinstance(v, str) else v for k, v in fields.items()}


class DeckRefused(Refusal):
    """A deck file or slide that can't be used; ``message(lang)`` lists every problem, worded when
    it is read."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(problems[0].code if problems else "")

    def __str__(self) -> str:
        return self.message()

    def bounded(self) -> DeckRefused:
        """At most :data:`MAX_PROBLEMS` problems, and one more that counts the rest."""
        if len(self.problems) <= MAX_PROBLEMS:
            return self
        more = Problem("more", {"n": len(self.problems) - MAX_PROBLEMS})
        return DeckRefused([*self.problems[:MAX_PROBLEMS], more])

    def message(self, lang: str | None = None) -> str:
        lines = "\n".join(f"- {p.text(lang)}" for p in self.problems)
        return f"{t('deck.refused', lang)}\n{lines}"


class DeckStale(Exception):
    """Somebody saved the deck after this editor read it: nothing was written.

    ``current`` is the deck as it is now (shown instead, so no change is silently lost).
    """

    def __init__(self, current: Deck):
        self.current = current
        super().__init__("stale")

    def message(self, lang: str | None = None) -> str:
        return t("deck.stale", lang)


def shown_title(title: str, lang: str | None = None) -> str:
    """A deck's title as the reader sees it: the default title, never renamed, in ``lang``."""
    return t("deck.default_title", lang) if title == DEFAULT_TITLE else title


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
    # the saved document's revision this deck was read at (0: never saved); not part of its content
    revision: int = field(default=0, compare=False)

    def add(self, slide: Slide) -> Deck:
        problems = slide_problems(slide)
        if problems:
            raise DeckRefused(problems)
        if len(self.slides) >= MAX_SLIDES:
            raise DeckRefused([Problem("too_many_slides", {"n": MAX_SLIDES})])
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


def slide_problems(slide: Slide, name: str | None = None, number: int | None = None) -> list[Problem]:
    """What is wrong with a slide (empty if nothing); ``name`` and ``number`` say which file's slide."""
    where = {"name": name, "number": number} if name is not None else {}
    problems = []

    def refuse(code: str, /, **fields: object) -> None:
        problems.append(Problem(code, fields, where))

    if not isinstance(slide.title, str) or not slide.title.strip():
        refuse("no_title")
    elif len(slide.title) > MAX_TITLE:
        refuse("long_title", n=MAX_TITLE)
    if not isinstance(slide.url, str) or not slide.url:
        refuse("no_link")
        return problems
    parts = urlsplit(slide.url)
    if len(slide.url) > MAX_URL:
        refuse("long_link", n=MAX_URL)
    elif parts.scheme or parts.netloc or not slide.url.startswith("/"):
        refuse("outside", url=repr(slide.url))
    elif parts.path not in site.url_paths():
        refuse("no_page", path=repr(parts.path))
    elif parts.fragment or not _SAFE_QUERY.fullmatch(parts.query):
        refuse("bad_characters", url=repr(slide.url))
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


def from_json(data: bytes, name: str = "mote.json") -> Deck:
    """Read a deck file, checking everything first.

    Raises:
        DeckRefused: naming every problem (not JSON, wrong format, a bad slide and which one).
    """
    if len(data) > documents.MAX_BYTES:
        raise DeckRefused([Problem("too_large", {"name": name, "n": documents.MAX_BYTES // 1000})])
    if documents.nesting(data) > documents.MAX_DEPTH:  # before parsing: json recurses as deep as it goes
        raise DeckRefused([Problem("too_deep", {"name": name, "n": documents.MAX_DEPTH})])
    try:
        body = json.loads(data.decode("utf-8-sig"))
    except json.JSONDecodeError as e:
        raise DeckRefused(
            [Problem("not_json", {"name": name, "line": e.lineno, "column": e.colno})]
        ) from None
    except UnicodeDecodeError:
        raise DeckRefused([Problem("not_text", {"name": name})]) from None
    except (ValueError, RecursionError):  # a number of 5 000 digits
        raise DeckRefused([Problem("unreadable", {"name": name})]) from None
    if not isinstance(body, dict) or body.get("format") != FORMAT:
        raise DeckRefused([Problem("not_a_deck", {"name": name})])
    problems = []
    if body.get("version") != VERSION:
        problems.append(
            Problem("version", {"name": name, "version": repr(body.get("version")), "want": VERSION})
        )
    title = body.get("title", DEFAULT_TITLE)
    if not isinstance(title, str) or not title.strip() or len(title) > MAX_TITLE:
        problems.append(Problem("deck_title", {"name": name}))
    raw_slides = body.get("slides")
    if not isinstance(raw_slides, list):
        raise DeckRefused([*problems, Problem("no_slides", {"name": name})])
    if len(raw_slides) > MAX_SLIDES:
        problems.append(Problem("file_too_many", {"name": name, "count": len(raw_slides), "n": MAX_SLIDES}))
    slides = []
    for number, raw in enumerate(raw_slides, start=1):
        if not isinstance(raw, dict):
            problems.append(Problem("not_a_slide", {}, {"name": name, "number": number}))
            continue
        slide = Slide(raw.get("title"), raw.get("url"))
        problems += slide_problems(slide, name, number)
        slides.append(slide)
    if problems:
        raise DeckRefused(problems)
    return Deck(title=title.strip(), slides=tuple(Slide(s.title.strip(), s.url) for s in slides))


def read_file(
    name: str, data: bytes | None = None, *, path: Path | None = None, owner: str | None = None
) -> Deck:
    """A deck file from outside (an upload on Möte, ``handout --deck``), read by :func:`from_json` in
    a child process under the deck files' limits, never in the server's own.

    Raises:
        DeckRefused: what :func:`from_json` refuses, or the limit that stopped the child ("file_refused").
    """
    try:
        return isolate.read_deck(name, data, path=path, owner=owner)
    except IngestRefused as refused:
        reasons = " ".join(p.text() for p in refused.problems[:3])
        raise DeckRefused([Problem("file_refused", {"name": refused.file, "reasons": reasons})]) from None


KIND = "deck"  # the documents' kind the deck is kept under


def _from_body(body: dict, revision: int) -> Deck:
    """A kept deck as it may be shown: at most :data:`MAX_SLIDES` slides, each a title and a link of
    their lengths (a document changed by hand beside the store is read, never trusted)."""
    raw = body.get("slides") if isinstance(body.get("slides"), list) else []
    slides = tuple(
        Slide(s["title"][:MAX_TITLE], s["url"][:MAX_URL])
        for s in raw[:MAX_SLIDES]
        if isinstance(s, dict) and isinstance(s.get("title"), str) and isinstance(s.get("url"), str)
    )
    title = body.get("title") if isinstance(body.get("title"), str) else DEFAULT_TITLE
    seen = body.get("seen_load_id")
    return Deck(title[:MAX_TITLE], slides, seen if isinstance(seen, int) else None, revision)


def _from_old_tables(path: Path | None, name: str) -> Deck:
    """A deck saved in the store's own tables (migration 0002) before decks became documents."""
    try:
        cur = queries.reader(path)
    except FileNotFoundError:
        return Deck()
    try:
        try:
            head = cur.execute(
                "select title, seen_load_id from meeting_deck where deck = ?", [name]
            ).fetchone()
        except duckdb.CatalogException:  # a store from before migration 0002: no deck there
            return Deck()
        if head is None:
            return Deck()
        rows = cur.execute(
            "select title, url from meeting_slide where deck = ? order by position", [name]
        ).fetchall()
    finally:
        cur.close()
    return Deck(title=head[0], slides=tuple(Slide(title, url) for title, url in rows), seen_load_id=head[1])


def load(path: Path | None = None, name: str = "main") -> Deck:
    """The saved deck of the store at ``path``, carrying the revision it was read at.

    Until a deck is saved as a document, one kept in the store's old deck tables is read (and is
    moved to a document by its first save); else an empty deck.
    """
    body, revision = documents.read(KIND, name, path)
    if revision == documents.BROKEN:  # shown empty; the next save replaces it
        return Deck(revision=revision)
    if body is None:
        return _from_old_tables(path, name)
    return _from_body(body, revision)


def save(deck: Deck, path: Path | None = None, name: str = "main", expected: int | None = None) -> Deck:
    """Save the deck beside the store (the store file and its data version are left alone).

    Args:
        expected: the revision the editor read (``deck.revision`` of the deck they started from);
            the save is refused if somebody saved since. ``None`` (for callers that nobody edits
            against, such as the demo or a test's set-up) replaces whatever is there.

    Returns:
        The deck as saved, with its new revision.

    Raises:
        DeckStale: carrying the current deck, when ``expected`` is no longer the saved revision.
    """
    body = {
        "title": deck.title,
        "slides": [asdict(s) for s in deck.slides],
        "seen_load_id": deck.seen_load_id,
    }
    if expected is None:
        expected = documents.read(KIND, name, path)[1]
    try:
        revision = documents.write(KIND, name, body, expected, path)
    except documents.StaleRevision as stale:
        current = (
            _from_body(stale.current, stale.revision) if stale.current else Deck(revision=stale.revision)
        )
        raise DeckStale(current) from None
    return replace(deck, revision=revision)
