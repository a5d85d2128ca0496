"""The preview of an uploaded file on the Data page: what it would become, the guesses, the choices.

Each change (a select or a number with a fixed key, so a test can drive it) updates the person's
:class:`~reception.ingest.choices.Choices` for that file in a callback; the rerun reads the file
again in the child with the new choices (:func:`reception.ingest.isolate.preview`), so the preview
and every check follow at once. The widgets are set from the preview on every run, so each shows
what the importer now reads. "Läs in" loads with the preview's resolved choices and its digest.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from reception.i18n import fmt_int, language, t
from reception.ingest import preview_text
from reception.ingest.choices import CATEGORIES, DATASETS, MEASURES, PROGRAMS
from reception.ingest.preview import Preview, TableView
from reception.text import md
from reception.ui import said
from reception.ui.said import Slot

PICKABLE = (
    *(f"target:{p}" for p in PROGRAMS),
    "received",
    "persons",
    "unaccompanied",
    "places",
    "occupied",
    "population",
    "ignore",
)
YEARS = tuple(range(2000, 2041))
YEARLY = ("target", "received", "persons", "places", "occupied", "population")  # kinds a year is said of
PER_ROW = 3


def key(i: int, name: str) -> str:
    """A widget's key: the first file's are plain ('pv_area_0'), further files' carry their number."""
    return f"pv_{name}" if i == 0 else f"pv{i}_{name}"


def _value(column) -> str:
    if column.kind == "target" and column.program in PROGRAMS:
        return f"target:{column.program}"
    return column.kind


def _kinds(lang: str):
    """Names of the column kinds in ``lang`` (a select's labels are worded again by whoever reads it)."""

    def label(option: str) -> str:
        kind, _, program = option.partition(":")
        words = t(f"preview.kind.{kind}", lang)
        return f"{words} ({t(f'program.{program}', lang)})" if program else words

    return label


def _named(prefix: str, lang: str):
    """Identifiers by their names in ``lang``: 'settlement' -> 'Bosättningslagen (kommuntal)'."""
    return lambda value: t(f"{prefix}.{value}", lang)


def _short(text: str, most: int = 34) -> str:
    """A column's label on one line above its select ('F (Person från anläggningsboende…')."""
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _set(widget: str, value: object) -> None:
    """A widget shows ``value`` (what the importer now reads) when it is drawn in this run."""
    st.session_state[widget] = value


def summary(preview: Preview) -> None:
    """What the file would become, in a few lines: dataset, years, municipalities and totals."""
    lines = []
    if preview.recipe:
        lines.append(t("load.recipe", name=md(preview.recipe)))
    for n, table in enumerate(preview.tables, start=1):
        head = t(
            "preview.table", n=n, where=md(preview_text.where(table)), dataset=preview_text.dataset(table)
        )
        lines.append(head)
    for loaded in preview.summaries:
        period = loaded.period.text() if hasattr(loaded.period, "text") else loaded.period
        dataset = t(f"dataset.{loaded.dataset}")
        lines.append(t("preview.summary", dataset=dataset, rows=fmt_int(loaded.rows), period=period))
    several = len(preview.summaries) > 1
    for year in preview.years:
        places = t("load.counties" if year.dataset == "county_targets" else "load.municipalities")
        named = t(f"dataset.{year.dataset}") + " " if several else ""
        lines.append(
            t("preview.year", year=year.year, dataset=named)
            + f" {places}: {fmt_int(year.municipalities)}; {preview_text.totals(year.totals)}"
        )
    st.markdown("\n".join(f"- {line}" for line in lines))


def guesses(preview: Preview) -> None:
    if preview.guesses:
        st.warning(
            t("preview.guesses", n=len(preview.guesses))
            + "\n\n"
            + "\n".join(f"- {md(g.text())}" for g in preview.guesses),
            icon=":material/help:",
        )


def table_choices(slot: Slot, preview: Preview, j: int, table: TableView) -> None:
    """What the table holds, where its header is, and which column names the municipality."""
    left, middle, right = st.columns(3)
    dataset = key(slot.i, f"dataset_{j}")
    _set(dataset, table.dataset)
    left.selectbox(
        t("preview.pick.dataset"),
        DATASETS,
        format_func=_named("dataset", language()),
        index=None,
        placeholder=t("preview.pick.open"),
        key=dataset,
        on_change=said.table,
        args=(slot, preview, table, "dataset", dataset),
    )
    header = key(slot.i, f"header_{j}")
    _set(header, table.at)
    rows = next((last for name, _, last in preview.sheets if name == table.sheet), 1)
    middle.number_input(
        t("preview.pick.header"),
        min_value=1,
        max_value=max(rows, table.at) + 1_000,
        step=1,
        key=header,
        on_change=said.table,
        args=(slot, preview, table, "header", header),
    )
    area = key(slot.i, f"area_{j}")
    _set(area, table.area)
    letters = [c.letter for c in table.columns if c.text or c.kind != "open"]
    texts = {c.letter: c.label for c in table.columns}
    right.selectbox(
        t("preview.pick.area"),
        letters,
        format_func=lambda letter: texts[letter],
        index=None,
        placeholder=t("preview.pick.open"),
        key=area,
        on_change=said.table,
        args=(slot, preview, table, "area", area),
    )


def column_choices(slot: Slot, preview: Preview, j: int, table: TableView) -> None:
    """A select per column: what it holds; and its category and year where they matter."""
    shown = [c for c in table.columns if (c.text or c.numbers) and c.kind not in ("kommun", "kommun_kod")]
    for start in range(0, len(shown), PER_ROW):
        for column, place in zip(shown[start : start + PER_ROW], st.columns(PER_ROW), strict=False):
            current = _value(column)
            options = PICKABLE if current in PICKABLE else (current, *PICKABLE)
            widget = key(slot.i, f"kind_{j}_{column.letter}")
            _set(widget, current)
            mark = " " + t("preview.guess_mark") if column.guess else ""
            place.selectbox(
                md(_short(column.label)) + mark,
                options,
                format_func=_kinds(language()),
                key=widget,
                help=md(preview_text.why(column, preview.recipe)),
                on_change=said.column,
                args=(slot, preview, table, column, "kind", widget),
            )
            if column.kind in ("persons", "unaccompanied"):
                widget = key(slot.i, f"cat_{j}_{column.letter}")
                _set(widget, column.category)
                place.selectbox(
                    t("preview.pick.category"),
                    CATEGORIES,
                    format_func=_named("category", language()),
                    index=None,
                    placeholder=t("preview.pick.open"),
                    key=widget,
                    on_change=said.column,
                    args=(slot, preview, table, column, "category", widget),
                )
            by_year = table.dataset in ("targets", "population") or column.year is not None
            if by_year and column.kind in YEARLY:
                widget = key(slot.i, f"year_{j}_{column.letter}")
                chosen = said.chosen(slot, table, column.letter)
                _set(widget, chosen.year if chosen else None)
                place.selectbox(
                    t("preview.pick.column_year"),
                    YEARS,
                    index=None,
                    placeholder=t("preview.pick.header_year", year=column.year)
                    if column.year
                    else t("preview.pick.file_year"),
                    key=widget,
                    on_change=said.column,
                    args=(slot, preview, table, column, "year", widget),
                )


def table_extras(slot: Slot, preview: Preview, j: int, table: TableView) -> None:
    """What columns named by a year or a month hold, and the category of figures whose columns
    name none (a table of months)."""
    periods = [c for c in table.columns if c.source == "period" or (c.kind == "period" and c.numbers)]
    open_category = table.dataset == "arrivals" and any(
        c.kind == "persons" and not c.category for c in table.columns
    )
    if not periods and not open_category:
        return
    left, right = st.columns(2)
    if periods:
        widget = key(slot.i, f"periods_{j}")
        kinds = {c.kind for c in periods}
        _set(widget, next(iter(kinds)) if len(kinds) == 1 and kinds <= set(MEASURES) else None)
        left.selectbox(
            t("preview.pick.periods"),
            MEASURES,
            format_func=_named("preview.kind", language()),
            index=None,
            placeholder=t("preview.pick.open"),
            key=widget,
            on_change=said.table,
            args=(slot, preview, table, "periods", widget),
        )
    if open_category:
        widget = key(slot.i, f"category_{j}")
        _set(widget, None)
        right.selectbox(
            t("preview.pick.table_category"),
            CATEGORIES,
            format_func=_named("category", language()),
            index=None,
            placeholder=t("preview.pick.open"),
            key=widget,
            on_change=said.table,
            args=(slot, preview, table, "category", widget),
        )


def file_choices(slot: Slot, preview: Preview) -> None:
    """The sheet to read (when there are several), and the program, year and month the file doesn't say."""
    columns = st.columns(4 if len(preview.sheets) > 1 else 3)
    if len(preview.sheets) > 1:
        widget = key(slot.i, "sheet")
        read = {t.sheet for t in preview.tables if t.read}
        _set(widget, next(iter(read)) if len(read) == 1 else None)
        columns[0].selectbox(
            t("preview.pick.sheet"),
            [name for name, _, _ in preview.sheets],
            index=None,
            placeholder=t("preview.pick.all_sheets"),
            key=widget,
            on_change=said.sheet,
            args=(slot, preview, widget),
        )
    program, year, month = columns[-3:]
    widget = key(slot.i, "program")
    _set(widget, preview.choices.program)
    program.selectbox(
        t("preview.pick.program"),
        PROGRAMS,
        help=t("preview.pick.if_silent"),
        format_func=_named("program", language()),
        index=None,
        placeholder=t("preview.pick.as_file"),
        key=widget,
        on_change=said.file,
        args=(slot, preview, "program", widget),
    )
    for place, name, most in ((year, "year", 2100), (month, "month", 12)):
        widget = key(slot.i, name)
        _set(widget, getattr(preview.choices, name))
        place.number_input(
            t(f"preview.pick.{name}"),
            help=t("preview.pick.if_silent"),
            min_value=2000 if name == "year" else 1,
            max_value=most,
            value=None,
            step=1,
            placeholder=t("preview.pick.as_file"),
            key=widget,
            on_change=said.file,
            args=(slot, preview, name, widget),
        )


def columns_frame(preview: Preview, table: TableView) -> pd.DataFrame:
    """Every column: its letter, its header, what it is read as, and why."""
    shown = [c for c in table.columns if c.text or c.numbers or c.kind != "open"]
    return pd.DataFrame(
        {
            t("preview.col.letter"): [c.letter for c in shown],
            t("preview.col.header"): [c.text for c in shown],
            t("preview.col.kind"): [preview_text.kind(c) for c in shown],
            t("preview.col.why"): [
                preview_text.why(c, preview.recipe) + (" " + t("preview.guess_mark") if c.guess else "")
                for c in shown
            ],
        }
    )


def skipped_frame(table: TableView) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("problem.row"): [r.row for r in table.skipped],
            t("preview.col.row_kind"): [t(f"preview.row.{r.kind}") for r in table.skipped],
            t("preview.col.text"): [r.text for r in table.skipped],
            t("preview.col.check"): ["; ".join(c.text() for c in r.checks) for r in table.skipped],
        }
    )


def stored_frame(columns: list[str], rows: list[tuple]) -> tuple[pd.DataFrame, dict]:
    """The first rows exactly as they would be stored; headers named in the reader's language."""
    frame = pd.DataFrame(rows, columns=columns)
    labels = {c: st.column_config.Column(f"{t(f'preview.field.{c}')} ({c})") for c in columns}
    return frame, labels


def details(slot: Slot, preview: Preview) -> None:
    """Per table: the choices, how every column is read, the rows passed over, the first rows stored."""
    file_choices(slot, preview)
    for j, table in enumerate(preview.tables):
        st.markdown(f"**{t('preview.table_heading', n=int(j) + 1, where=md(preview_text.where(table)))}**")
        if table.passed_over is not None:
            st.caption(md(table.passed_over.text()))
        table_choices(slot, preview, j, table)
        table_extras(slot, preview, j, table)
        column_choices(slot, preview, j, table)
        st.dataframe(columns_frame(preview, table), hide_index=True, key=key(slot.i, f"columns_{j}"))
        if table.skipped:
            st.caption(t("preview.skipped_heading"))
            st.dataframe(skipped_frame(table), hide_index=True, key=key(slot.i, f"skipped_{j}"))
        extra = [t("preview.blank_rows", n=fmt_int(table.blank_rows))] if table.blank_rows else []
        extra += [t("preview.more_rows", n=fmt_int(table.more_skipped))] if table.more_skipped else []
        if extra:
            st.caption(" ".join(extra))
    for dataset, (columns, rows) in preview.stored.items():
        st.caption(t("preview.stored", n=len(rows), dataset=t(f"dataset.{dataset}")))
        frame, labels = stored_frame(columns, rows)
        st.dataframe(frame, hide_index=True, column_config=labels, key=key(slot.i, f"stored_{dataset}"))
