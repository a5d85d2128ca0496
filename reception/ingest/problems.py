"""What the importer says: a problem found in a file, and the refusal that lists them all.

A problem names where it is as the user sees it: the file, the sheet, the row number Excel shows
(or the CSV line), the column (letter and header) and the value, then what is wrong, in Swedish.
"""

from __future__ import annotations

from dataclasses import dataclass

from reception.i18n import t

REFUSED = "Filen lästes inte in. Ingenting har ändrats."
MAX_LISTED = 200


def column_letter(index: int) -> str:
    """Excel's name for the 0-based column ``index``: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file, and where.

    Attributes:
        file: the file's name as the user gave it (no folder).
        message: what is wrong, in Swedish.
        sheet: the sheet's name (Excel), else None.
        row: the row number as Excel shows it, or the CSV line; None for the whole file.
        column: the column as 'B (Kommun)', or None.
        value: the cell's text as it stands in the file, or None.
        code: the label key (``ingest.<code>``) the message is worded by, or None for plain text.
        fields: the label's fields, as (name, value) pairs.
    """

    file: str
    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    code: str | None = None
    fields: tuple[tuple[str, object], ...] = ()

    def text(self, lang: str | None = None) -> str:
        """What is wrong in ``lang`` (default: the page's language); plain messages stay Swedish."""
        return t(f"ingest.{self.code}", lang, **dict(self.fields)) if self.code else self.message

    def where(self) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(f"blad {self.sheet!r}")
        if self.row is not None:
            parts.append(f"rad {self.row}")
        if self.column:
            parts.append(f"kolumn {self.column}")
        return ", ".join(parts)

    def __str__(self) -> str:
        value = f" värdet {self.value!r}:" if self.value is not None else ""
        return f"{self.where()}:{value} {self.message}"


class IngestRefused(Exception):
    """A file that is not loaded. ``problems`` lists every problem found; the store is unchanged."""

    def __init__(self, file: str, problems: list[Problem]):
        self.file = file
        self.problems = problems
        super().__init__(self.text())

    def text(self) -> str:
        lines = [str(p) for p in self.problems[:MAX_LISTED]]
        more = len(self.problems) - MAX_LISTED
        if more > 0:
            lines.append(f"… och {more} problem till av samma slag.")
        count = len(self.problems)
        head = f"{self.file}: {count} problem" if count != 1 else f"{self.file}: ett problem"
        return head + "\n" + "\n".join(f"- {line}" for line in lines)


def coded(file: str, code: str, **fields: object) -> Problem:
    """A problem worded by the label ``ingest.<code>``; its message is the Swedish text."""
    fields = {"file": file, **fields}
    return Problem(file, t(f"ingest.{code}", "sv", **fields), code=code, fields=tuple(fields.items()))


def refuse(file: str, message: str, **where: object) -> IngestRefused:
    """A refusal for one problem, e.g. ``raise refuse(name, "Filen är tom.")``."""
    return IngestRefused(file, [Problem(file, message, **where)])
