"""The year and month a file is about, read from its title rows, sheet name or file name.

Titles say it in many ways: "Kommunmottagande med kommuntal 2024", "januari–oktober 2024",
"t.o.m. oktober 2024", "Perioden 2024-01-01 -- 2024-10-31", "helår 2023". Dates on lines that say
when the file was made ("Uppdaterad 2024-11-05", "Datum: ...") are not the period and are
skipped. Each answer carries where it was found, so the summary can say it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reception.ingest.problems import Said
from reception.ingest.vocabulary import MONTHS

_MADE = re.compile(
    r"uppdater|publicer|hämtad|skapad|utskrift|framtagen|datum|date|created|updated|printed|"
    r"källa|source"
)
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_RANGE = re.compile(rf"\b({_MONTH})\.?\s*[-–—]+\s*({_MONTH})\.?\s+((?:19|20)\d\d)\b")
_UNTIL = re.compile(
    rf"\b(?:t\.?\s?o\.?\s?m\.?|till och med|per|through|up to)\s+({_MONTH})\.?\s+((?:19|20)\d\d)\b"
)
_UNTIL_MONTH = re.compile(rf"\b(?:t\.?\s?o\.?\s?m\.?|till och med|through|up to)\s+({_MONTH})\b")
_RANGE_MONTH = re.compile(rf"\b({_MONTH})\.?\s*[-–—]+\s*({_MONTH})\b")
_ONE = re.compile(rf"\b({_MONTH})\.?\s+((?:19|20)\d\d)\b")
_DATE = r"((?:19|20)\d\d)-(\d\d)-(\d\d)"
_DATE_RANGE = re.compile(rf"{_DATE}\s*(?:--|-|–|—|till|to|t\.o\.m\.)\s*{_DATE}")
_DATE_UNTIL = re.compile(rf"(?:t\.?\s?o\.?\s?m\.?|till och med|per|avser|as of|through)\s+{_DATE}")
_FULL_YEAR = re.compile(r"\b(helår|helåret|hela året|full year|januari\s*[-–—]+\s*december)\b")


_UPDATED = re.compile(r"uppdaterad\w*\s*:?\s*((?:19|20)\d\d)-(\d\d)-(\d\d)")


def updated_on(texts: list[str]) -> tuple[int, int, int] | None:
    """(year, month, day) of an "Uppdaterad 2024-11-04 08:15" line, if any."""
    for text in texts:
        if match := _UPDATED.search(re.sub(r"\s+", " ", text.lower())):
            return int(match.group(1)), int(match.group(2)), int(match.group(3))
    return None


@dataclass(frozen=True)
class Period:
    """What the title says: a year and a month (the month a snapshot runs to), and where each was found."""

    year: int | None = None
    year_from: str | None = None
    month: int | None = None
    month_from: str | None = None
    years_seen: tuple[int, ...] = ()


def read_period(texts: list[tuple[str, str]]) -> Period:
    """The period from labelled texts, most trusted first: [('source.title', 'Kommuntal 2024'), ...];
    the label is the label-table key (problem.<label>) that says where a text was found.

    A year counts only when a text names exactly one year (ignoring "sedan 2016"); the first text
    that names a month gives the month.
    """
    year = year_from = month = month_from = None
    seen: list[int] = []
    for label, text in texts:
        low = re.sub(r"\s+", " ", text.lower())
        period_words = (_DATE_RANGE, _DATE_UNTIL, _UNTIL, _RANGE, _UNTIL_MONTH)
        if _MADE.search(low) and not any(p.search(low) for p in period_words):
            continue
        found_month, found_year = _month(low)
        years = {int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", low)}
        years -= {int(y) for y in re.findall(r"(?:sedan|från|fr\.o\.m\.|since)\s+((?:19|20)\d\d)", low)}
        seen.extend(sorted(years))
        if month is None and found_month is not None:
            month, month_from = found_month, Said(label, text=repr(" ".join(text.split())))
            if year is None and found_year is not None:
                year, year_from = found_year, month_from
        if year is None and len(years) == 1:
            year, year_from = years.pop(), Said(label, text=repr(" ".join(text.split())))
    return Period(year, year_from, month, month_from, tuple(dict.fromkeys(seen)))


def _month(low: str) -> tuple[int | None, int | None]:
    """(month, year) that a text names as the end of its period, if any."""
    if match := _DATE_RANGE.search(low):
        return int(match.group(5)), int(match.group(4))
    if match := _DATE_UNTIL.search(low):
        return int(match.group(2)), int(match.group(1))
    if match := _RANGE.search(low):
        return MONTHS[match.group(2)], int(match.group(3))
    if match := _FULL_YEAR.search(low):
        year = re.search(r"\b((?:19|20)\d\d)\b", low)
        return 12, int(year.group(1)) if year else None
    if match := _UNTIL.search(low):
        return MONTHS[match.group(1)], int(match.group(2))
    if match := _ONE.search(low):
        return MONTHS[match.group(1)], int(match.group(2))
    if match := _RANGE_MONTH.search(low):  # 'januari–oktober', the year elsewhere in the text
        return MONTHS[match.group(2)], None
    if match := _UNTIL_MONTH.search(low):  # 'Kommunmottagna 2024 t.o.m. oktober'
        return MONTHS[match.group(1)], None
    return None, None
