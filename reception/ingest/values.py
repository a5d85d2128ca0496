"""Cell values: numbers the Swedish way, suppressed marks, months and dates.

Numbers are parsed column-wise with Arrow compute (millions of cells a second); months, dates and
other codes repeat, so they are parsed once per distinct value (:func:`per_distinct`).
A suppressed count (shown as "..", "-", "x", "<6" or left blank) is *unknown*: null, never 0.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pyarrow as pa
import pyarrow.compute as pc

from reception.ingest.vocabulary import MONTHS

SUPPRESSED_MARKS = ["..", "...", "…", ".", "-", "–", "—", "x", "X", ":", "*"]
_SWEDISH = r"^-?\d+([.,]\d+)?$"
_ENGLISH = r"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$"


@dataclass
class Numbers:
    """A column read as numbers.

    Attributes:
        values: float64, null where the cell is empty, suppressed or not a number.
        suppressed: True where the cell is empty or a suppression mark (unknown, not zero).
        invalid: True where the cell holds text that is not a number.
    """

    values: pa.ChunkedArray
    suppressed: pa.ChunkedArray
    invalid: pa.ChunkedArray


def numbers(column: pa.ChunkedArray | pa.Array, decimal: str) -> Numbers:
    """Parse '1 882', '1\u00a0882', '12,5', '..', '<6' (decimal ','), or '1,882.5' (decimal '.')."""
    text = pc.utf8_trim_whitespace(column)
    text = pc.replace_substring_regex(text, "[\\s\u00a0\u202f\u2009]+", "")
    text = pc.replace_substring_regex(text, r"(\*+|[¹²³⁴⁵⁶⁷⁸⁹]+)$", "")
    text = pc.replace_substring(text, "−", "-")
    empty = pc.fill_null(pc.equal(text, ""), True)
    ranges = pc.match_substring_regex(
        text, r"^([<≤]\d+|\d{1,2}[-–]\d{1,2})$"
    )  # '<6', '1-5': somewhere under six
    marked = pc.or_(pc.is_in(text, pa.array(SUPPRESSED_MARKS)), ranges)
    suppressed = pc.or_(empty, pc.fill_null(marked, False))
    if decimal == ".":
        valid = pc.fill_null(pc.match_substring_regex(text, _ENGLISH), False)
        plain = pc.replace_substring(text, ",", "")
    else:
        valid = pc.fill_null(pc.match_substring_regex(text, _SWEDISH), False)
        plain = pc.replace_substring(text, ",", ".")
    values = pc.cast(pc.if_else(valid, plain, pa.scalar(None, pa.string())), pa.float64())
    invalid = pc.and_(pc.invert(valid), pc.invert(suppressed))
    return Numbers(values, suppressed, invalid)


def per_distinct(column: pa.ChunkedArray, parse: Callable[[str], object], kind: pa.DataType) -> pa.Array:
    """Apply ``parse`` once per distinct text of a column and spread the answers to every row."""
    encoded = pc.dictionary_encode(column).combine_chunks()
    answers = pa.array([parse(v) for v in encoded.dictionary.to_pylist()], kind)
    return pc.take(answers, encoded.indices)


def year_of(text: str | None) -> int | None:
    match = re.fullmatch(r"((?:19|20)\d\d)(?:[.,]0+)?", (text or "").strip())
    return int(match.group(1)) if match else None


def month_number(text: str | None) -> int | None:
    """'10', '10.0', 'oktober', 'Okt' -> 10."""
    raw = (text or "").strip().lower().rstrip(".")
    if re.fullmatch(r"\d{1,2}(\.0+)?", raw):
        number = int(float(raw))
        return number if 1 <= number <= 12 else None
    return MONTHS.get(raw)


_MONTH_FORMS = (
    (re.compile(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?(?:[ t].*)?"), (1, 2)),
    (re.compile(r"(\d{4})(\d{2})(\d{2})?"), (1, 2)),
    (re.compile(r"(\d{4}) ?m(\d{1,2})"), (1, 2)),
    (re.compile(r"(\d{1,2})[-/.](\d{4})"), (2, 1)),
)


def month_of(text: str | None) -> date | None:
    """The month a cell names, as its first day: '2024-10', '2024-10-31', '202410', '2024M10',
    '10/2024', 'oktober 2024', 'okt. 2024', '2024 oktober' -> 2024-10-01; else None."""
    raw = re.sub(r"\s+", " ", (text or "").strip().lower())
    for pattern, (y, m) in _MONTH_FORMS:
        match = pattern.fullmatch(raw)
        if match:
            return _month(match.group(y), match.group(m))
    match = re.fullmatch(r"\b([a-zåäö]+)\.? (\d{4})|\b(\d{4}) ([a-zåäö]+)", raw)
    if match:
        name, year = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
        number = MONTHS.get(name)
        return _month(year, number) if number else None
    return None


def _month(year: str, month: str | int) -> date | None:
    y, m = int(year), int(month)
    return date(y, m, 1) if 2000 <= y <= 2100 and 1 <= m <= 12 else None


def date_of(text: str | None) -> date | None:
    """A day: '2024-10-05', '2024/10/05', '20241005', '2024-10-05 00:00:00' -> 2024-10-05; else None."""
    raw = (text or "").strip()
    match = re.fullmatch(r"(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?:[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?)?", raw)
    if not match:
        return None
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return day if 2000 <= day.year <= 2100 else None


def flag_of(text: str | None) -> bool | None:
    """'ja', 'Ja', 'x', '1', 'true', 'yes' -> True; 'nej', '0', 'false', 'no' -> False; else None."""
    raw = (text or "").strip().lower()
    if raw in ("ja", "j", "x", "1", "true", "yes", "y", "sant"):
        return True
    if raw in ("nej", "n", "0", "false", "no", "falskt"):
        return False
    return None
