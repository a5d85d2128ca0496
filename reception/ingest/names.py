"""Municipality and county names and codes as the official files write them, matched without guessing.

A name matches when it equals a municipality's name ignoring case, spaces and hyphens, with the
suffixes the files add ("Säters kommun", "Göteborgs Stad", "Region Gotland"), or when it is in the
small table of known old and other names. Codes lose their leading zeros in Excel (180 for 0180,
1 for 01) and get them back. Anything else does not match; the caller refuses it, and
:meth:`Places.suggest` offers the nearest names for the message (a hint, never a match).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from reception import geo
from reception.ingest.vocabulary import without_footnotes

# names that are not the current name ignoring case, spaces and hyphens (key -> kommun_kod)
OLD_NAMES = {
    "malung": "2023",  # Malung-Sälen since 2007
    "falu": "2080",  # "Falu kommun": Falun's genitive drops its n
    "hälsingborg": "1283",  # Helsingborg's spelling until 1971
    "gothenburg": "1480",
}
OLD_CODES = {"1917": "0331"}  # Heby moved from Västmanland to Uppsala län in 2007
TOTAL_WORDS = re.compile(
    r"^(riket|hela riket|sverige|sweden|totalt?|total|summa|samtliga|samtliga kommuner|alla kommuner|"
    r"summa riket|riket totalt|totalsumma|grand total|all municipalities|hela landet)$"
)
SUBTOTAL_WORDS = re.compile(
    r"^(delsumma|delsummor|summa|totalt|subtotal|sum|total)\b|\b(totalt|summa|total)$"
)


def key(text: object) -> str:
    """The comparison key: lower case without spaces, hyphens, dashes and dots (Unicode composed: å is å)."""
    composed = unicodedata.normalize("NFC", str(text or ""))
    return re.sub(r"[\s\-‐‑–—.'’]+", "", composed).lower()


def _without_suffix(k: str) -> list[str]:
    """'säterskommun' -> ['säterskommun', 'säters', 'säter']; 'regiongotland' -> [..., 'gotland']."""
    found = [k]
    stem = re.sub(r"^region", "", k)
    stem = re.sub(r"(kommun|stad|municipality|stadsdel)$", "", stem)
    if stem != k and stem:
        found.append(stem)
        if stem.endswith("s"):
            found.append(stem[:-1])
    return found


@dataclass(frozen=True)
class Match:
    code: str
    name: str  # the official name
    renamed: bool  # matched by an old or other name, or an old code


class Places:
    """The 290 municipalities and 21 counties, for matching names and codes from files."""

    def __init__(self) -> None:
        munis = geo.municipalities().to_pylist()
        counties = geo.counties().to_pylist()
        self.kommun = {m["kommun_kod"]: m["kommun"] for m in munis}
        self.lan = {c["lan_kod"]: c["lan"] for c in counties}
        self._kommun_by_key = {key(name): code for code, name in self.kommun.items()}
        self._lan_by_key: dict[str, str] = {}
        for code, name in self.lan.items():
            full = key(name)  # 'stockholmslän'
            short = re.sub(r"s?län$", "", full)  # 'stockholm'
            for variant in (full, short, short + "s", short + "län", short + "slän", "region" + short):
                self._lan_by_key.setdefault(variant, code)

    def municipality(self, text: object) -> Match | None:
        """A municipality by name (any of the forms the files use), or None."""
        text = without_footnotes(str(text or ""))
        if re.fullmatch(r"\d{3,4}(?:[.,]0+)?", text.strip()):
            return self.municipality_code(text)
        for k in _without_suffix(key(text)):
            if k in self._kommun_by_key:
                code = self._kommun_by_key[k]
                return Match(code, self.kommun[code], renamed=False)
            if k in OLD_NAMES:
                code = OLD_NAMES[k]
                return Match(code, self.kommun[code], renamed=True)
        return None

    def municipality_code(self, text: object) -> Match | None:
        """A municipality by code: '0180', '180', 180.0 -> 0180; an old code by its successor."""
        digits = _digits(text)
        if digits is None or len(digits) > 4:
            return None
        code = digits.zfill(4)
        if code in OLD_CODES:
            return Match(OLD_CODES[code], self.kommun[OLD_CODES[code]], renamed=True)
        if code in self.kommun and len(digits) >= 3:
            return Match(code, self.kommun[code], renamed=False)
        return None

    def county(self, text: object, *, strict: bool = True) -> str | None:
        """A county's lan_kod by name. ``strict``: only a name that says 'län' (or is no municipality)."""
        k = key(text)
        if not k:
            return None
        code = self._lan_by_key.get(k) or self._lan_by_key.get(re.sub(r"(county|totalt|summa)$", "", k))
        if code is None:
            return None
        says_county = "län" in k or k[-3:] == "lan" or "county" in k
        if strict and not says_county and self.municipality(text) is not None:
            return None  # 'Stockholm', 'Uppsala', 'Gotland' ... are municipalities first
        return code

    def county_code(self, text: object) -> str | None:
        digits = _digits(text)
        if digits is None or len(digits) > 2:
            return None
        code = digits.zfill(2)
        return code if code in self.lan else None

    def subtotal_county(self, text: object) -> str | None:
        """'Summa Dalarnas län', 'Dalarnas län totalt', 'DALARNAS LÄN Delsumma' -> '20'."""
        pattern = r"^(delsumma|summa|totalt|total|subtotal)\s+|\s+(totalt|summa|delsumma|total)$"
        words = re.sub(pattern, "", str(text).strip(), flags=re.IGNORECASE)
        return self.county(words, strict=False) if words != str(text) else None

    def suggest(self, text: object) -> list[str]:
        """Up to three official names close to ``text``, for a refusal's message."""
        names = {key(n): n for n in self.kommun.values()}
        close = difflib.get_close_matches(key(text), list(names), n=3, cutoff=0.75)
        return [names[k] for k in close]


def _digits(text: object) -> str | None:
    """'0180' -> '0180', '180' / '180.0' / 180.0 -> '180'; anything else -> None."""
    raw = str(text).strip() if text is not None else ""
    match = re.fullmatch(r"(\d{1,4})(?:[.,]0+)?", raw)
    return match.group(1) if match else None


def is_total(text: object) -> bool:
    return bool(TOTAL_WORDS.match(re.sub(r"\s+", " ", str(text or "")).strip().lower().rstrip(":*")))


def is_subtotal(text: object) -> bool:
    return bool(SUBTOTAL_WORDS.search(re.sub(r"\s+", " ", str(text or "")).strip().lower()))


@cache
def places() -> Places:
    """The reference, built once per process."""
    return Places()
