"""What the importer says: a problem found in a file, and the refusal that lists them all.

A problem names where it is as the user sees it: the file, the sheet, the row number Excel shows
(or the CSV line), the column (letter and header) and the value, then what is wrong: a code and its
fields, worded through the label table (``problem.<code>``) in the language of whoever reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

from reception.i18n import t
from reception.refusal import Refusal
from reception.text import clip

MAX_LISTED = 200
MAX_SENT = 50  # problems a refusal carries out of the reading process; the rest are counted


def column_letter(index: int) -> str:
    """Excel's name for the 0-based column ``index``: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


Fields = tuple[tuple[str, object], ...]


def _clipped(fields: Fields) -> Fields:
    """Fields with every text from outside cut to a line (a Said is worded from its own fields)."""
    return tuple((k, clip(v) if isinstance(v, str) and not isinstance(v, Said) else v) for k, v in fields)


def word(code: str, fields: Fields | dict, lang: str | None = None) -> str:
    """The sentence ``problem.<code>`` of the label table with its fields, in ``lang`` (default: the
    current page's or command line's language). A field named ``*_code`` holds another label's key,
    worded first (a category, a programme, a month name)."""
    shown = {}
    for key, value in dict(fields).items():
        if key.endswith("_code"):
            value = t(value, lang)
        elif isinstance(value, Said):
            value = value.text(lang)
        elif isinstance(value, tuple) and all(isinstance(v, Said) for v in value):
            value = "; ".join(v.text(lang) for v in value)
        shown[key] = value
    return t(f"problem.{code}", lang, **shown)


class Said(str):
    """A warning or note of the load summary: a code and its fields, worded through the label table.

    As a string it reads in the language current when it was said (the page's, or the command
    line's); ``text(lang)`` words it again in any language. Fields may be Saids themselves.
    """

    code: str
    fields: Fields

    def __new__(cls, code: str, /, **fields: object) -> Said:
        items = _clipped(tuple(sorted(fields.items())))
        said = super().__new__(cls, word(code, items))
        said.code = code
        said.fields = items
        return said

    def text(self, lang: str | None = None) -> str:
        return word(self.code, self.fields, lang)

    def __reduce__(self):  # across the importer's process boundary: said again, from code and fields
        return _said_again, (self.code, self.fields)


def _said_again(code: str, fields: Fields) -> Said:
    return Said(code, **dict(fields))


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file, and where.

    Attributes:
        file: the file's name as the user gave it (no folder).
        code: what is wrong, as a key of the label table (``problem.<code>``), worded at display time.
        sheet: the sheet's name (Excel), else None.
        row: the row number as Excel shows it, or the CSV line; None for the whole file.
        column: the column as 'B (Kommun)', or None.
        value: the cell's text as it stands in the file, or None.
        fields: the values the sentence names, as (name, value) pairs.
        more: further sentences, each (code, fields), said after the first.
    """

    file: str
    code: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None
    fields: Fields = ()
    more: tuple[tuple[str, Fields], ...] = ()

    def __post_init__(self) -> None:
        """Every value from the file cut to a line, where the problem is made (the reading process)."""
        for name in ("file", "sheet", "column", "value"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, clip(value))
        object.__setattr__(self, "fields", _clipped(self.fields))
        object.__setattr__(self, "more", tuple((code, _clipped(f)) for code, f in self.more))

    def text(self, lang: str | None = None) -> str:
        """What is wrong, in ``lang`` (default: the current language)."""
        return " ".join(word(code, fields, lang) for code, fields in ((self.code, self.fields), *self.more))

    @property
    def message(self) -> str:
        return self.text()

    def where(self, lang: str | None = None) -> str:
        parts = [self.file]
        if self.sheet:
            parts.append(t("problem.at_sheet", lang, sheet=repr(self.sheet)))
        if self.row is not None:
            parts.append(t("problem.at_row", lang, row=self.row))
        if self.column:
            parts.append(t("problem.at_column", lang, column=self.column))
        return ", ".join(parts)

    def line(self, lang: str | None = None) -> str:
        value = " " + t("problem.at_value", lang, value=repr(self.value)) if self.value is not None else ""
        return f"{self.where(lang)}:{value} {self.text(lang)}"

    def __str__(self) -> str:
        return self.line()


def problem(file: str, code: str, /, *, sheet=None, row=None, column=None, value=None, **fields) -> Problem:
    """A problem with its fields given by name: ``problem(name, "no_such_month", month=13)``.

    ``file`` and ``code`` are positional only, so a field may be called ``code`` or ``file`` too
    (``code_and_name_differ`` names the code the file wrote).
    """
    return Problem(file, code, sheet, row, column, value, tuple(sorted(fields.items())))


class IngestRefused(Refusal):
    """A file that is not loaded; the store is unchanged.

    ``problems`` lists the problems found (out of the reading process, the first :data:`MAX_SENT`),
    ``omitted`` counts the others: :attr:`count` is how many there were. The message is worded when
    it is read (:meth:`text`, ``str()``), in the reader's language, never when it is raised.
    """

    def __init__(self, file: str, problems: list[Problem], omitted: int = 0):
        self.file = clip(file)
        self.problems = problems
        self.omitted = omitted
        super().__init__(self.file)

    def __str__(self) -> str:
        return self.text()

    @property
    def count(self) -> int:
        return len(self.problems) + self.omitted

    def bounded(self) -> IngestRefused:
        """This refusal with at most :data:`MAX_SENT` problems, the rest counted."""
        if len(self.problems) <= MAX_SENT:
            return self
        return IngestRefused(self.file, self.problems[:MAX_SENT], self.count - MAX_SENT)

    def text(self, lang: str | None = None) -> str:
        lines = [p.line(lang) for p in self.problems[:MAX_LISTED]]
        more = self.count - len(lines)
        if more > 0:
            lines.append(t("problem.more_of_the_same", lang, n=more))
        head = (
            t("problem.count", lang, file=self.file, n=self.count)
            if self.count != 1
            else t("problem.one", lang, file=self.file)
        )
        return head + "\n" + "\n".join(f"- {line}" for line in lines)


def refuse(file: str, code: str, /, **fields: object) -> IngestRefused:
    """A refusal for one problem about the whole file, e.g. ``raise refuse(name, "empty_file")``."""
    return IngestRefused(file, [problem(file, code, **fields)])


def coded(file: str, code: str, /, **fields: object) -> Problem:
    """A problem about the whole file, its sentence naming the file: coded(name, "limit.time", limit=30)."""
    return Problem(file, code, fields=tuple(sorted({"file": file, **fields}.items())))
