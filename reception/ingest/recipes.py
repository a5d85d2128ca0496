"""Recipes: what a person said about a file's layout, saved under a name for the next file like it.

A recipe is a small document beside the store (:mod:`reception.store.documents`, kind ``recipe``): the
layout's fingerprint (each table's sheet name and normalised header texts, years written as
``åååå`` so next year's file fits too) and the choices that read it (the municipality column, what
each column holds, what the table holds, the program and the category). The header row is not kept
(next month's file may have a note line more above it): it is found again by the fingerprint. Nor
are the year and the month: each file says its own, or the preview asks.

A file is read with the first recipe whose every table is found in it, and the summary names it.
A recipe document is read as outside text: :func:`from_document` validates every field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from reception.ingest import choices as said
from reception.ingest.choices import Choices, ChoicesInvalid, TableChoice
from reception.ingest.layout import SCAN, Table, band_texts
from reception.ingest.problems import refuse
from reception.ingest.read import Sheet
from reception.ingest.vocabulary import normalise
from reception.store import documents

KIND = "recipe"
MAX_TEXTS = 2000
_YEAR = re.compile(r"\b(19|20)\d\d\b")


class RecipeInvalid(ValueError):
    """A recipe document that is not one (edited by hand, or from another version)."""


@dataclass(frozen=True)
class Layout:
    """One table's fingerprint: its sheet (normalised name, '' for a CSV), its place on the sheet and
    its header texts, normalised."""

    sheet: str
    index: int
    header: tuple[str, ...]


@dataclass(frozen=True)
class Recipe:
    name: str
    layouts: tuple[Layout, ...]
    choices: Choices
    saved_by: str = ""
    revision: int = 0


def fingerprint(text: object) -> str:
    """A header text or sheet name as the layout compares it: normalised, any year as 'åååå'."""
    return _YEAR.sub("åååå", normalise(text))


def _texts(texts: list[str]) -> tuple[str, ...]:
    out = [fingerprint(t) for t in texts]
    while out and not out[-1]:
        out.pop()
    return tuple(out)


def layout_of(table: Table) -> Layout:
    return Layout(
        fingerprint(table.sheet.name or ""), table.index, _texts([c.header.text for c in table.columns])
    )


def kept(choices: Choices) -> Choices:
    """What a recipe keeps of choices: not the header rows, years or months (each file says its own)."""
    tables = []
    for table in choices.tables:
        columns = tuple((k, replace(c, year=None, month=None, source=None)) for k, c in table.columns)
        tables.append(replace(table, header=None, columns=columns))
    return Choices(tables=tuple(tables), program=choices.program)


def to_document(layouts: list[Layout], choices: Choices) -> dict:
    return {
        "layouts": [{"sheet": x.sheet, "index": x.index, "header": list(x.header)} for x in layouts],
        "choices": kept(choices).to_json(),
    }


def from_document(name: str, body: object, revision: int = 0, saved_by: str = "") -> Recipe:
    """A recipe from its document, validated.

    Raises:
        RecipeInvalid: what is wrong with the document, named.
    """
    if not isinstance(body, dict):
        raise RecipeInvalid("the recipe is not an object")
    layouts = body.get("layouts")
    if not isinstance(layouts, list) or not 1 <= len(layouts) <= said.MAX_TABLES:
        raise RecipeInvalid("the recipe has no list of layouts")
    found = []
    for held in layouts:
        header = held.get("header") if isinstance(held, dict) else None
        sheet, index = (held.get("sheet"), held.get("index")) if isinstance(held, dict) else (None, None)
        if (
            not isinstance(sheet, str)
            or isinstance(index, bool)
            or not isinstance(index, int)
            or not 0 <= index < said.MAX_TABLES
            or not isinstance(header, list)
            or len(header) > MAX_TEXTS
            or not all(isinstance(t, str) and len(t) <= said.MAX_NAME for t in header)
        ):
            raise RecipeInvalid("a layout is not a sheet, a place and a list of header texts")
        found.append(Layout(sheet[: said.MAX_NAME], index, tuple(header)))
    try:
        choices = kept(said.from_json(body.get("choices", {})))
    except ChoicesInvalid as invalid:
        raise RecipeInvalid(str(invalid)) from invalid
    return Recipe(name, tuple(found), replace(choices, recipe=name), saved_by, revision)


def names(path: Path | None = None) -> list[str]:
    return documents.names(KIND, path)


def read_all(path: Path | None = None) -> tuple[list[Recipe], list[tuple[str, str]]]:
    """Every saved recipe, and the documents that are not recipes (name, what is wrong)."""
    good, broken = [], []
    for name in names(path):
        try:
            body, revision = documents.read(KIND, name, path)
            good.append(from_document(name, body, revision, _saved_by(body)))
        except (RecipeInvalid, ValueError, KeyError, TypeError) as error:
            broken.append((name, str(error)))
    return good, broken


def _saved_by(body: object) -> str:
    who = body.get("saved_by") if isinstance(body, dict) else None
    return who[: said.MAX_NAME] if isinstance(who, str) else ""


def save(name: str, layouts: list[Layout], choices: Choices, who: str, path: Path | None = None) -> int:
    """Save (or replace) the recipe ``name``; returns its revision."""
    name = " ".join(name.split())
    if not name or len(name) > said.MAX_NAME:
        raise RecipeInvalid("a recipe's name is 1 to 200 characters")
    if not layouts:
        raise RecipeInvalid("a recipe needs the layout of at least one table")
    _, revision = documents.read(KIND, name, path)
    body = {**to_document(layouts, choices), "saved_by": who}
    return documents.write(KIND, name, body, revision, path)


def remove(name: str, path: Path | None = None) -> bool:
    """Remove the recipe ``name`` (a broken one too); False when there is none by that name."""
    if name not in names(path):
        return False
    try:
        _, revision = documents.read(KIND, name, path)
    except (ValueError, KeyError, TypeError):  # not a document we can read: removed all the same
        documents.discard(KIND, name, path)
        return True
    documents.delete(KIND, name, revision, path)
    return True


def _header_row(sheet: Sheet, layout: Layout) -> int | None:
    """The row (as Excel numbers it) whose header texts are the layout's, among the first rows."""
    n = min(sheet.grid.num_rows, SCAN + 40)
    for r in range(n):
        texts = band_texts(sheet, r)
        if texts is not None and _texts(texts) == layout.header:
            return sheet.rows[r].as_py()
    return None


def fit(recipe: Recipe, sheets: list[Sheet]) -> Choices | None:
    """The recipe's choices with the header row of each of its tables found in ``sheets``; None
    when a table of the recipe is not in the file."""
    by_name = {fingerprint(s.name or ""): s for s in sheets}
    out = recipe.choices
    rows = {}
    for layout in recipe.layouts:
        sheet = by_name.get(layout.sheet)
        row = _header_row(sheet, layout) if sheet is not None else None
        if row is None:
            return None
        rows[(layout.sheet, layout.index)] = (sheet.name, row)
    for (key, index), (sheet_name, row) in rows.items():
        table = next(
            (t for t in recipe.choices.tables if fingerprint(t.sheet or "") == key and t.index == index),
            TableChoice(),
        )
        out = out.with_table(replace(table, sheet=sheet_name, index=index, header=row))
    kept_tables = [t for t in out.tables if t.header is not None]
    return replace(out, tables=tuple(kept_tables))


def choices_for(file: str, sheets: list[Sheet], name: str | None, path: Path | None) -> Choices:
    """The choices to read a file with: the named recipe's (which must fit), else the first saved
    recipe that fits, else none.

    Raises:
        IngestRefused: the named recipe is not saved, is broken, or does not fit the file.
    """
    good, broken = read_all(path)
    if name is not None:
        recipe = next((r for r in good if r.name == name), None)
        if recipe is None:
            code = "recipe_broken" if any(b == name for b, _ in broken) else "recipe_unknown"
            raise refuse(file, code, name=name)
        fitted = fit(recipe, sheets)
        if fitted is None:
            raise refuse(file, "recipe_does_not_fit", name=name)
        return fitted
    for recipe in good:
        if (fitted := fit(recipe, sheets)) is not None:
            return fitted
    return Choices()
