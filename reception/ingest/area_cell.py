"""What one cell names as an area: a municipality, a county, a subtotal, a total, or nothing known.

The importer asks it of every distinct area text, twice over: :mod:`reception.ingest.rows` to say
what each body row is, and :mod:`reception.ingest.layout` to find an area column whose header says
nothing, by the texts under it. Names and codes are matched by :mod:`reception.ingest.names`.
"""

from __future__ import annotations

import re

from reception.ingest import names

# what a cell (and so a row) is
EMPTY, DATA, COUNTY, SUBTOTAL, TOTAL, UNKNOWN = range(6)

_CODE_AND_NAME = re.compile(r"^(\d{3,4})\s*[-–:]?\s+(\D.*)$")
_SHORT_CODE_AND_NAME = re.compile(r"^(\d{1,4})\s*[-–:]?\s+(\D.*)$")


def judge_name(text: str, counties: bool):
    """(kind, code, the name a renamed match became or None) of a name cell; in a county table
    (``counties``) a county is DATA."""
    places = names.places()
    if names.is_total(text):
        return TOTAL, None, None
    if not counties and (match := places.municipality(text)):
        return DATA, match.code, match.name if match.renamed else None
    both = _CODE_AND_NAME.match(text.strip())
    if not counties and both and (match := places.municipality_code(both.group(1))):
        named = places.municipality(both.group(2))
        return (DATA, match.code, None) if named and named.code == match.code else (UNKNOWN, None, None)
    if lan := places.county(text, strict=not counties):
        return (DATA if counties else COUNTY), lan, None
    if short := _SHORT_CODE_AND_NAME.match(text.strip()):  # SCB's '00 Riket', '01 Stockholms län'
        code, rest = short.groups()
        if names.is_total(rest) and not code.strip("0"):
            return TOTAL, None, None
        lan = places.county(rest, strict=False)
        if lan is not None and lan == places.county_code(code):
            return (DATA if counties else COUNTY), lan, None
    if lan := places.subtotal_county(text):
        return SUBTOTAL, lan, None
    if names.is_subtotal(text):
        return SUBTOTAL, None, None
    return UNKNOWN, None, None


def judge_area(text: str) -> tuple[int, str | None]:
    """What a cell names as a municipality table's area cell: (kind, code), for finding area columns."""
    kind, code, _ = (judge_code if re.fullmatch(r"\d+", text.strip()) else judge_name)(text, False)
    return kind, code


def judge_code(text: str, counties: bool):
    """(kind, code, renamed or None) of a code cell; a text that is no code is judged as a name."""
    places = names.places()
    if not counties and (match := places.municipality_code(text)):
        return DATA, match.code, f"{match.name} (kod {match.code})" if match.renamed else None
    if lan := places.county_code(text):
        return (DATA if counties else COUNTY), lan, None
    if re.fullmatch(r"\d+([.,]0+)?", text.strip()):
        return UNKNOWN, None, None
    return judge_name(text, counties)


def judge_lan(text: str):
    """(kind, lan_kod, None) of a county column's cell: COUNTY, TOTAL or UNKNOWN."""
    if names.is_total(text):
        return TOTAL, None, None
    lan = names.places().county(text, strict=False) or names.places().subtotal_county(text)
    return (COUNTY, lan, None) if lan else (UNKNOWN, None, None)
