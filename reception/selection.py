"""The one selection every page shows: years, area, program, category, language, presentation.

It is a frozen dataclass so it can be a cache key; it turns into SQL parameters (``as_params``)
and into the URL (``to_query_params`` / ``from_query_params``), so a link reproduces the view.
Values in a URL that make no sense fall back to the defaults, silently and without an exception.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date

PROGRAMS = ("settlement", "temporary_protection", "unaccompanied_minors")
CATEGORIES = ("all", "quota_refugee", "assigned", "self_settled", "family", "other", "temporary_protection")
LANGUAGES = ("sv", "en")
AREA_KINDS = ("country", "lan", "region", "kommun")
FIRST_YEAR, LAST_YEAR = 2000, 2100

_LAN = re.compile(r"^\d{1,2}$")
_KOMMUN = re.compile(r"^\d{3,4}$")


def default_year() -> int:
    return date.today().year


@dataclass(frozen=True)
class Selection:
    """What the user looks at.

    Attributes:
        year_from, year_to: the years, inclusive (year_to is "this year" on pages about one year).
        area_kind: 'country', 'lan' (a county), 'region' (a named grouping) or 'kommun' (picked).
        area_code: the county's lan_kod ('14'), the region's name, or picked kommun_kods
            joined by commas ('1480,1481'); empty for the whole country.
        program: one of PROGRAMS. category: one of CATEGORIES ('all' = every category).
        lang: 'sv' or 'en'. present: presentation mode.
        per_capita: figures per 1 000 inhabitants (target, received, places) where size matters.
    """

    year_from: int = 2016
    year_to: int = 2026
    area_kind: str = "country"
    area_code: str = ""
    program: str = "settlement"
    category: str = "all"
    lang: str = "sv"
    present: bool = False
    per_capita: bool = False

    @property
    def kommun_kods(self) -> tuple[str, ...]:
        """The picked municipalities (only for area_kind 'kommun')."""
        if self.area_kind != "kommun" or not self.area_code:
            return ()
        return tuple(self.area_code.split(","))

    def as_params(self) -> dict[str, object]:
        """The SQL parameters: year_from, year_to, area_kind, area_code, program, category, per_capita."""
        return {
            "year_from": self.year_from,
            "year_to": self.year_to,
            "area_kind": self.area_kind,
            "area_code": self.area_code,
            "program": self.program,
            "category": self.category,
            "per_capita": self.per_capita,
        }

    def years_label(self) -> str:
        """'2024' or '2020-2024', for headings and file names."""
        if self.year_from == self.year_to:
            return str(self.year_to)
        return f"{self.year_from}-{self.year_to}"

    def to_query_params(self) -> dict[str, str]:
        """The URL's query parameters; defaults are left out so links stay short."""
        out: dict[str, str] = {}
        defaults = Selection(year_to=self.year_to)
        if self.year_from != defaults.year_from or self.year_to != default_year():
            out["from"], out["to"] = str(self.year_from), str(self.year_to)
        if self.area_kind != "country":
            out[self.area_kind] = self.area_code
        if self.program != defaults.program:
            out["program"] = self.program
        if self.category != defaults.category:
            out["category"] = self.category
        if self.lang != defaults.lang:
            out["lang"] = self.lang
        if self.present:
            out["present"] = "1"
        if self.per_capita:
            out["per1000"] = "1"
        return out

    @classmethod
    def from_query_params(cls, params: Mapping[str, object]) -> Selection:
        """Read a selection from a URL's query parameters; anything invalid keeps its default."""

        def get(key: str) -> str:
            value = params.get(key)
            if isinstance(value, list | tuple):
                value = value[-1] if value else None
            return str(value).strip() if value is not None else ""

        sel = cls(year_to=default_year())
        year_from, year_to = _year(get("from")), _year(get("to"))
        if year_to is not None:
            sel = replace(sel, year_to=year_to)
        if year_from is not None:
            sel = replace(sel, year_from=year_from)
        if sel.year_from > sel.year_to:
            sel = replace(sel, year_from=sel.year_to)
        if _LAN.match(get("lan")):
            sel = replace(sel, area_kind="lan", area_code=get("lan").zfill(2))
        elif get("region"):
            sel = replace(sel, area_kind="region", area_code=get("region")[:100])
        elif get("kommun"):
            codes = [c.strip().zfill(4) for c in get("kommun").split(",") if _KOMMUN.match(c.strip())]
            if codes:
                sel = replace(sel, area_kind="kommun", area_code=",".join(sorted(set(codes))))
        if get("program") in PROGRAMS:
            sel = replace(sel, program=get("program"))
        if get("category") in CATEGORIES:
            sel = replace(sel, category=get("category"))
        if get("lang") in LANGUAGES:
            sel = replace(sel, lang=get("lang"))
        truthy = ("1", "true", "yes", "ja")
        return replace(
            sel, present=get("present").lower() in truthy, per_capita=get("per1000").lower() in truthy
        )


def _year(text: str) -> int | None:
    if text.isdigit() and FIRST_YEAR <= int(text) <= LAST_YEAR:
        return int(text)
    return None
