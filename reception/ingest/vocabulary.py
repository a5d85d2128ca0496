"""The words of the official files: what a header means, and what a category, program or kind is called.

Headers are recognised by meaning, in Swedish and English, never by position. A header is read into
facets (:class:`Header`): a *role* for columns that say where or when (kommun, kommun_kod, lan, year,
month, ...), or a *measure* (target, received, persons, places, ...) with the category, program,
kind and year it is about. "Kvotflyktingar varav ensamkommande barn" is the measure
``unaccompanied`` of the category ``quota_refugee``; "Kommuntal 2024" is the ``target`` of the
program ``settlement`` in 2024. The dataset builders decide what a facet means in their table.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# whole-header roles: columns that say which area, when, or which kind of thing a row is about
ROLES: tuple[tuple[str, str], ...] = (
    (
        "kommun_kod",
        r"kommun ?kod|kommunnummer|kommun ?nr|kn ?kod|k ?kod|kommun_kod|municipality[ _]code|"
        r"municipality (no|number)|kod|code|regionkod|kommun ?-?id|municipality[ _-]?id|kommun_id",
    ),
    ("lan_kod", r"läns ?kod|län ?nr|lan_kod|lanskod|county[ _]code"),
    (
        "kommun",
        r"kommun|kommunnamn|kommun ?namn|anvisningskommun|anvisad kommun|mottagande kommun|"
        r"mottagningskommun|bosättningskommun|kommun_namn|municipality|municipality name|namn|name|"
        r"kommun ?/ ?län|län ?/ ?kommun|kommun och län|område|area|kommun \(kod och namn\)|region|"
        r"kommun ?titel|municipality[ _]title",
    ),
    ("lan", r"län|länsnamn|lan|county|county name|länsstyrelse"),
    ("year", r"år|year|kommuntalsår|avser år|redovisningsår|statistikår|ar"),
    ("as_of_month", r"t\.? ?o\.? ?m\.? ?månad|till och med månad|as of month|as_of_month|ytd month"),
    (
        "month",
        r"månad|month|period|år ?månad|år ?och ?månad|year ?month|avser månad|redovisningsmånad|"
        r"statistikmånad|månad ?år",
    ),
    (
        "date",
        r"datum|date|mottagningsdatum|mottagandedatum|kommunmottagen|kommunmottagningsdatum|"
        r"mottagen datum|ankomstdatum|bosättningsdatum|arrived|arrival date|received date|arrived_on",
    ),
    (
        "category",
        r"kategori|category|mottagandekategori|mottagningskategori|grupp|typ av mottagande|"
        r"ersättningskategori",
    ),
    ("program", r"program|mål avser|typ av mål|måltyp|anvisningsgrund|scheme|lagrum"),
    ("kind", r"boendetyp|boendeform|typ av boende|kind|housing type|kind of housing|boende|platstyp"),
    (
        "flag_unaccompanied",
        r"ensamkommande|ensamkommande barn|ensamkommande \(ja/nej\)|unaccompanied|"
        r"ensamkommande_barn|ensamkommande ja/nej",
    ),
    ("gender", r"kön|gender|sex"),
    ("decision", r"sfs|sfs-?nummer|sfs nr|förordning|beslut|decision|ordinance"),
    ("valid_from", r"gäller från|giltig från|gäller fr\.?o\.?m\.?|valid[ _]from|ikraftträdande|i kraft"),
)
_ROLE_RE = [(role, re.compile(rf"^(?:{pattern})$")) for role, pattern in ROLES]

# facets found anywhere in a header (order matters: the first match wins within each facet)
IGNORED = re.compile(
    r"%|procent|percent|uppfyll|fulfil|per 1 ?000|invånare|inhabitants|befolkning|population|"
    r"differens|avvikelse|förändring|skillnad|difference|change|kommentar|comment|anmärkning|not\b|notering|"
    r"\bandel\b|\bshare\b|överfört|carried"
)
REMAINING = re.compile(r"\bkvar\b|återstår|återstående|remaining|left to|ej mottagna|ej anvisade")
UNACCOMPANIED = re.compile(r"ensamkommande|ensamk\b|ensamk\.|unaccompanied")
TOTAL = re.compile(r"^(totalt?|summa|samtliga|alla|total|sum|all)\b|\b(totalt|summa|total)$")
RECEIVED = re.compile(
    r"mottagna|mottagit|mottagande|anvisade|anvisat|anvisningar|utfall|received|assigned|bosatta|placerade"
)
TARGETS: tuple[tuple[str, str], ...] = (
    ("settlement_county", r"länstal|lanstal|county quota"),
    ("settlement", r"kommuntal|municipal quota"),
    ("temporary_protection", r"fördelningstal|allocation number"),
    ("unaccompanied_minors", r"anvisningsandel|promille|‰|per mille"),
    ("any", r"^mål\b|\bmål$|target|antal att ta emot|ska ta emot|att anvisa"),
)
PLACES = (
    ("free", r"lediga|vakanta|free|available|tillgängliga"),
    ("occupied", r"belag|upptag|occupied|används|used|nyttjade|boende personer"),
    ("places", r"platser|places|kapacitet|capacity|bostäder|lägenheter totalt"),
)
POPULATION = re.compile(
    r"^(folkmängd|folkmängden|befolkning|befolkningen|population|antal invånare|invånare( totalt)?|"
    r"inhabitants|invånare totalt, antal)\b(?!.*\bper\b)"
)
# a column that is a period: a year ('2024'), a month ('jan', 'januari', '2024-01', '2024M01', 'Jan-24')
_PERIOD_YEAR = re.compile(r"^((?:19|20)\d\d)$")
_PERIOD_YEAR_MONTH = re.compile(r"^((?:19|20)\d\d)\s*(?:-|m|/)\s*(0?[1-9]|1[0-2])(?:-01)?$")
_PERIOD_MONTH_YEAR = re.compile(r"^([a-zåäö]+)\.?(?:[\s\-/']*((?:19|20)?\d\d))?$")
COUNT = re.compile(r"^(antal|personer|persons|people|count|värde|value|antal personer|n)$")
REVISED = re.compile(r"revider|justera|\bnytt?\b|uppdater|ändrat|revised|adjusted|updated")
SINCE = re.compile(r"(sedan|från|fr\.?o\.?m\.?|since|from)\s*(20\d\d)")

CATEGORIES: tuple[tuple[str, str], ...] = (
    ("temporary_protection", r"tillfälligt skydd|massflykt|temporary[ _]protection|temporärt skydd"),
    ("quota_refugee", r"kvot|vidarebosatt|quota|\bkat(egori)?\.? ?1\b"),
    ("self_settled", r"egenbosatt|egen bosatt|\bebo\b|eget boende|self[ -_]?settled|\bkat(egori)?\.? ?6\b"),
    ("assigned", r"anvis|\babo\b|anläggningsboende|assigned|\bkat(egori)?\.? ?2\b"),
    ("family", r"anhörig|family|familj|\bkat(egori)?\.? ?4\b"),
    ("other", r"övrig|other|\bkat(egori)?\.? ?[38]\b"),
)
PROGRAMS: tuple[tuple[str, str], ...] = (
    ("unaccompanied_minors", r"ensamkommande|unaccompanied|anvisningsandel|promille"),
    ("temporary_protection", r"tillfälligt skydd|massflykt|fördelningstal|temporary[ _]protection|2022:1008"),
    ("settlement", r"kommuntal|bosättning|settlement|2016:38|anvisning enligt"),
)
KINDS: tuple[tuple[str, str], ...] = (
    ("temporary", r"tillfällig|evakuering|akut|paviljong|modul|hotell|vandrarhem|temporary|emergency"),
    ("shared", r"korridor|delad|delat|kollektiv|gemensam|rum\b|inneboende|shared|room"),
    ("apartment", r"lägenhet|bostad|egen bostad|ordinarie|apartment|flat|housing"),
)
_CATEGORY_RE = [(name, re.compile(p)) for name, p in CATEGORIES]
_PROGRAM_RE = [(name, re.compile(p)) for name, p in PROGRAMS]
_KIND_RE = [(name, re.compile(p)) for name, p in KINDS]
_TARGET_RE = [(name, re.compile(p)) for name, p in TARGETS]
_PLACES_RE = [(name, re.compile(p)) for name, p in PLACES]
IDENTIFIERS = {
    "quota_refugee",
    "assigned",
    "self_settled",
    "family",
    "other",
    "temporary_protection",
    "settlement",
    "unaccompanied_minors",
    "apartment",
    "shared",
    "temporary",
    "all",
}

MONTHS = {
    "januari": 1,
    "jan": 1,
    "january": 1,
    "februari": 2,
    "feb": 2,
    "february": 2,
    "mars": 3,
    "mar": 3,
    "march": 3,
    "april": 4,
    "apr": 4,
    "maj": 5,
    "may": 5,
    "juni": 6,
    "jun": 6,
    "june": 6,
    "juli": 7,
    "jul": 7,
    "july": 7,
    "augusti": 8,
    "aug": 8,
    "august": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MARKS = "*¹²³⁴⁵⁶⁷⁸⁹"  # footnote marks after a word: 'Falun*', 'Totalt²'


def without_footnotes(text: str) -> str:
    """``text`` without the footnote marks at its end ('Falun*', 'Falun 1)', 'Falun (2)', 'Falun²³'),
    and the spaces before and after them; unchanged when it ends in no mark.

    Read from the end, one character at a time: linear in the length of the text. (The pattern
    this replaces, ``(\\s*(\\*+|...))+\\s*$``, tried every start and backtracked: 100 000 spaces
    took minutes, and a run of 30 stars before a letter took longer than anyone waits.)
    """
    end, found = len(text), False
    while True:
        stop = end
        while stop and text[stop - 1].isspace():
            stop -= 1
        start = stop
        while start and text[start - 1] in _MARKS:
            start -= 1
        if start == stop and stop >= 2 and text[stop - 1] == ")" and text[stop - 2].isdecimal():
            start = stop - 3 if stop >= 3 and text[stop - 3] == "(" else stop - 2  # '(2)' or '2)'
        if start == stop:
            return text[:stop] if found else text
        end, found = start, True


def normalise(text: object) -> str:
    """Lower case, single spaces, no footnote marks: '  Kommun-\\nnamn*' -> 'kommun- namn'."""
    if text is None:
        return ""
    clean = unicodedata.normalize("NFC", str(text)).replace("\u00a0", " ").replace("\u202f", " ")
    clean = clean.replace("_x000D_", " ")
    clean = re.sub(r"\s+", " ", clean).strip().lower()
    clean = without_footnotes(clean).strip(" :.")
    return clean


@dataclass(frozen=True)
class Header:
    """What one column's header says. ``text`` is the header as the file has it (both rows joined)."""

    text: str
    role: str | None = None
    measure: str | None = None  # target | received | remaining | persons | unaccompanied | total |
    #                             places | occupied | free | count | ignored
    target_of: str | None = None  # for measure 'target': settlement | temporary_protection | ...
    category: str | None = None
    program: str | None = None
    kind: str | None = None
    year: int | None = None
    revised: bool = False
    month: int | None = None  # for measure 'period': the month a column of months is about

    @property
    def known(self) -> bool:
        return self.role is not None or self.measure not in (None, "ignored")


def _first(patterns: list[tuple[str, re.Pattern]], text: str) -> str | None:
    return next((name for name, pattern in patterns if pattern.search(text)), None)


def read_header(text: object) -> Header:
    """The facets of a header cell (or of two header rows joined with a space)."""
    raw = "" if text is None else re.sub(r"\s+", " ", str(text)).strip()
    norm = normalise(raw)
    if not norm:
        return Header(raw)
    if period := period_header(norm):
        year, month = period
        return Header(raw, measure="period", year=year, month=month)
    without_year = re.sub(r"\b(19|20)\d\d\b", "", norm).strip(" -–,")
    role = next((r for r, pattern in _ROLE_RE if pattern.match(without_year)), None)
    years = {int(y) for y in re.findall(r"\b(20\d\d)\b", norm)} - {int(y) for _, y in SINCE.findall(norm)}
    year = years.pop() if len(years) == 1 else None
    facets = {
        "category": _first(_CATEGORY_RE, norm),
        "program": _first(_PROGRAM_RE, norm),
        "kind": _first(_KIND_RE, norm),
        "year": year,
        "revised": bool(REVISED.search(norm)),
    }
    if role is not None:
        return Header(raw, role=role, year=year)
    return Header(raw, measure=_measure(norm, without_year), target_of=_first(_TARGET_RE, norm), **facets)


def period_header(norm: str) -> tuple[int | None, int | None] | None:
    """(year, month) of a header that is only a period: '2024' -> (2024, None), 'jan' -> (None, 1),
    '2024-01', '2024M01', 'Jan-24', 'januari 2024' -> (2024, 1); None for any other header."""
    if match := _PERIOD_YEAR.match(norm):
        return int(match.group(1)), None
    if match := _PERIOD_YEAR_MONTH.match(norm):
        return int(match.group(1)), int(match.group(2))
    if (match := _PERIOD_MONTH_YEAR.match(norm)) and match.group(1) in MONTHS:
        year = match.group(2)
        if year is not None and len(year) == 2:
            year = "20" + year
        return (int(year) if year else None), MONTHS[match.group(1)]
    return None


def _measure(norm: str, without_year: str) -> str | None:
    category = _first(_CATEGORY_RE, norm)
    if POPULATION.search(without_year):
        return "population"
    if IGNORED.search(norm):
        return "ignored"
    if REMAINING.search(norm):
        return "remaining"
    place = _first(_PLACES_RE, norm)
    if place:
        return place
    if UNACCOMPANIED.search(norm) and ("varav" in norm or "of which" in norm or category):
        return "unaccompanied"
    if _first(_TARGET_RE, norm) and not RECEIVED.search(norm):
        return "target"
    if TOTAL.search(without_year) and not category:
        return "total"
    if RECEIVED.search(norm) and not _first(_CATEGORY_RE, norm.replace("anvisade", "")):
        return "received"
    if COUNT.match(without_year):
        return "count"
    if category:
        return "persons"
    if UNACCOMPANIED.search(norm):
        return "unaccompanied"
    return None


def category_of(text: str) -> str | None:
    """A category value in a long table: 'Kvotflykting', 'EBO', 'kategori 6', 'self_settled'."""
    norm = normalise(text)
    if norm in IDENTIFIERS:
        return norm
    if re.fullmatch(r"[123468]", norm):
        return {
            "1": "quota_refugee",
            "2": "assigned",
            "3": "other",
            "4": "family",
            "6": "self_settled",
            "8": "other",
        }[norm]
    return _first(_CATEGORY_RE, norm)


def program_of(text: str) -> str | None:
    norm = normalise(text)
    return norm if norm in IDENTIFIERS else _first(_PROGRAM_RE, norm)


def kind_of(text: str) -> str:
    """A kind of housing: a known synonym becomes its identifier; anything else stays as written."""
    norm = normalise(text)
    if not norm or norm in ("alla", "totalt", "samtliga", "all", "total"):
        return "all"
    return norm if norm in IDENTIFIERS else (_first(_KIND_RE, norm) or norm)
