"""What a person says in the preview, kept per uploaded file: the callbacks of its widgets.

Each callback reads its widget's new value, turns it into a change of the file's
:class:`~reception.ingest.choices.Choices` and keeps them in the session; the rerun previews the
file again with them. Only an editor's choices count (re-checked in every callback: a session that
lost its editor rights mid-way changes nothing).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import streamlit as st

from reception.ingest.choices import MEASURES, Choices, ColumnChoice, TableChoice
from reception.ingest.preview import ColumnView, Preview, TableView
from reception.ui import roles

CHOICES = "preview_choices"  # session key: {upload's file id: Choices}


@dataclass(frozen=True)
class Slot:
    """An uploaded file on the page: its place among the uploads (for widget keys) and its file id."""

    i: int
    file_id: str


def current(slot: Slot) -> Choices | None:
    """What was said about this file so far; None when nothing was."""
    return st.session_state.get(CHOICES, {}).get(slot.file_id)


def forget(keep: set[str]) -> None:
    """Drop the choices of files no longer uploaded."""
    held = st.session_state.get(CHOICES, {})
    st.session_state[CHOICES] = {k: v for k, v in held.items() if k in keep}


def _base(slot: Slot, preview: Preview) -> Choices:
    """The choices a change starts from: the ones said, else what the preview applied (a recipe's,
    which become the person's own once changed)."""
    said = current(slot)
    return said if said is not None else replace(preview.choices, recipe=None)


def _keep(slot: Slot, choices: Choices) -> None:
    held = dict(st.session_state.get(CHOICES, {}))
    held[slot.file_id] = choices
    st.session_state[CHOICES] = held


def _table(choices: Choices, table: TableView) -> TableChoice:
    return choices.table(table.sheet, table.index) or TableChoice(sheet=table.sheet, index=table.index)


def table(slot: Slot, preview: Preview, shown: TableView, what: str, widget: str) -> None:
    """The dataset, header row, municipality column or category of one table."""
    if not roles.is_editor():
        return
    value = st.session_state.get(widget)
    choices = _base(slot, preview)
    said = _table(choices, shown)
    if what == "header":
        said = replace(said, header=int(value) if value is not None else None)
    else:
        said = replace(said, **{what: value})
    _keep(slot, choices.with_table(said))


def chosen(slot: Slot, table: TableView, letter: str) -> ColumnChoice | None:
    said = current(slot)
    found = said.table(table.sheet, table.index) if said else None
    return found.column(letter) if found else None


def column(slot: Slot, preview: Preview, shown: TableView, view: ColumnView, what: str, widget: str) -> None:
    """What one column holds, its category or its year."""
    if not roles.is_editor():
        return
    value = st.session_state.get(widget)
    choices = _base(slot, preview)
    said = _table(choices, shown)
    before = said.column(view.letter) or ColumnChoice(view.kind, view.category, None, None, view.program)
    if what == "kind":
        kind, _, program = str(value).partition(":")
        keeps = kind in ("persons", "unaccompanied")
        after = ColumnChoice(
            kind,
            category=(before.category or view.category) if keeps else None,
            year=before.year if kind in MEASURES else None,
            program=program or None,
        )
    elif what == "category":
        after = replace(before, category=value)
    else:
        after = replace(before, year=int(value) if value is not None else None)
    _keep(slot, choices.with_table(said.with_column(view.letter, after)))


def sheet(slot: Slot, preview: Preview, widget: str) -> None:
    """Read one sheet only (the others' tables skipped), or every sheet that holds a table."""
    if not roles.is_editor():
        return
    value = st.session_state.get(widget)
    choices = _base(slot, preview)
    for shown in preview.tables:
        choices = choices.with_table(
            replace(_table(choices, shown), skip=value is not None and shown.sheet != value)
        )
    if value is not None and not any(t.sheet == value for t in preview.tables):
        first = next(first for name, first, _ in preview.sheets if name == value)
        choices = choices.with_table(TableChoice(sheet=value, index=0, header=first))
    _keep(slot, choices)


def file(slot: Slot, preview: Preview, what: str, widget: str) -> None:
    """The program, year or month the file does not say."""
    if not roles.is_editor():
        return
    value = st.session_state.get(widget)
    _keep(slot, replace(_base(slot, preview), **{what: int(value) if what != "program" and value else value}))
