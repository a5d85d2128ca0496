"""Every label users read, in Swedish and English, and numbers written the way each language does.

``t(key)`` uses the language the current page set up (``set_language``, per script thread);
``t(key, lang)`` asks for one explicitly. Labels may hold ``{name}`` fields: ``t(key, name=...)``.
The labels themselves are ``labels.py``.

May import from reception: nothing; every other part imports it.
"""

from __future__ import annotations

import math
import threading

from reception.i18n.labels import LABELS

LANGUAGES = ("sv", "en")
_current = threading.local()


def set_language(lang: str) -> None:
    """The language ``t`` uses in this thread (Streamlit runs each script run in its own)."""
    _current.lang = lang if lang in LANGUAGES else "sv"


def language() -> str:
    return getattr(_current, "lang", "sv")


def t(key: str, lang: str | None = None, **fields: object) -> str:
    """The label for ``key`` in ``lang`` (default: the page's language).

    Raises:
        KeyError: for a key no label has (a bug, caught by the tests).
    """
    sv, en = LABELS[key]
    text = en if (lang or language()) == "en" else sv
    return text.format(**fields) if fields else text


def _known(value: object) -> bool:
    return value is not None and not (isinstance(value, float) and math.isnan(value))


def fmt_int(value: object, lang: str | None = None) -> str:
    """1 234 (Swedish, no-break space) or 1,234 (English); '–' for unknown."""
    if not _known(value):
        return "–"
    text = f"{round(float(value)):,}"
    return text if (lang or language()) == "en" else text.replace(",", "\u00a0")


def fmt_at_least(value: object, least: bool, lang: str | None = None) -> str:
    """A count that leaves suppressed cells out: 'minst 1 234' when ``least`` (the least it can be),
    else 1 234; '–' for unknown, never 'minst –'."""
    if least and _known(value):
        return t("tile.at_least", lang, n=fmt_int(value, lang))
    return fmt_int(value, lang)


def fmt_num(value: object, decimals: int = 1, lang: str | None = None) -> str:
    """1 234,5 (Swedish) or 1,234.5 (English); '–' for unknown."""
    if not _known(value):
        return "–"
    text = f"{float(value):,.{decimals}f}"
    if (lang or language()) == "en":
        return text
    return text.replace(",", "\u00a0").replace(".", ",")


def fmt_pct(share: object, decimals: int = 1, lang: str | None = None) -> str:
    """A share (0.125) as 12,5 % (Swedish) or 12.5% (English); '–' for unknown."""
    if not _known(share):
        return "–"
    number = fmt_num(float(share) * 100, decimals, lang)
    return number + ("%" if (lang or language()) == "en" else "\u00a0%")


def fmt_month(month: object, lang: str | None = None) -> str:
    """A date's month as 'okt 2026' / 'Oct 2026'; '–' for unknown."""
    if not _known(month) or month is None or month != month:  # NaT is unequal to itself
        return "–"
    names = MONTHS[lang or language()]
    return f"{names[month.month - 1]} {month.year}"


MONTHS = {
    "sv": ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
}
