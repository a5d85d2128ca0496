"""The preview in words: what ``ingest --dry-run`` prints, and the phrases the Data page shares.

Every phrase comes from the label table (``preview.*``), in the reader's language; text from the
file (header texts, cells, sheet and file names) is shown as the file has it.
"""

from __future__ import annotations

from reception.i18n import fmt_int, fmt_num, t
from reception.ingest.preview import ColumnView, Preview, TableView

NUMBERS = ("target", "received", "persons", "of_which_unaccompanied", "places", "occupied", "population")


def kind(column: ColumnView, lang: str | None = None) -> str:
    """What a column holds, in words: 'mål (kommuntal) 2019', 'personer: kvotflyktingar'."""
    words = t(f"preview.kind.{column.kind}", lang)
    if column.program:
        words += f" ({t(f'program.{column.program}', lang)})" if column.program != "settlement_county" else ""
    if column.category:
        words += ": " + t(f"category.{column.category}", lang).lower()
    if column.month is not None:
        words += " " + t(f"problem.month.{column.month}", lang)
    if column.year is not None:
        words += f" {column.year}"
    return words


def why(column: ColumnView, recipe: str | None, lang: str | None = None) -> str:
    """Why a column is read as it is: 'rubriken säger det', 'ur cellerna', 'ditt val', 'receptet X'."""
    if column.source == "recipe":
        return t("preview.source.recipe", lang, name=recipe or "")
    return t(f"preview.source.{column.source}", lang)


def where(table: TableView, lang: str | None = None) -> str:
    """'blad 'Kommuntal 2024', rubrikrad 5, data på rad 6–21'."""
    parts = []
    if table.sheet:
        parts.append(t("preview.sheet", lang, sheet=repr(table.sheet)))
    rows = "–".join(map(str, sorted({table.header_rows[0], table.header_rows[-1]})))
    parts.append(t("preview.header_rows", lang, rows=rows))
    if table.first_row is not None:
        parts.append(t("preview.data_rows", lang, first=table.first_row, last=table.last_row))
    return ", ".join(parts)


def dataset(table: TableView, lang: str | None = None) -> str:
    if table.dataset is None:
        return t("preview.dataset_open", lang)
    named = t(f"dataset.{table.dataset}", lang)
    return named + (
        " — " + t(f"preview.dataset_from.{table.dataset_from}", lang) if table.dataset_from else ""
    )


def totals(values: dict[str, float], lang: str | None = None) -> str:
    shown = []
    for measure in NUMBERS:
        if measure in values:
            value = values[measure]
            number = fmt_num(value, 0 if float(value).is_integer() else 2, lang)
            shown.append(t("load.total", lang, measure=t(f"measure.{measure}", lang), total=number))
    return ", ".join(shown)


def lines(preview: Preview, lang: str | None = None) -> list[str]:
    """The whole preview as the command line prints it."""
    out = [t("preview.head", lang, file=preview.file)]
    if preview.recipe:
        out.append("  " + t("load.recipe", lang, name=preview.recipe))
    for n, table in enumerate(preview.tables, start=1):
        out.append(t("preview.table", lang, n=n, where=where(table, lang), dataset=dataset(table, lang)))
        if table.passed_over is not None:
            out.append("  " + t("problem.not_read", lang, reason=table.passed_over.text(lang)))
        for column in table.columns:
            if column.text or column.numbers or column.kind != "open":
                mark = " " + t("preview.guess_mark", lang) if column.guess else ""
                out.append(
                    f"    {column.label}: {kind(column, lang)} — {why(column, preview.recipe, lang)}{mark}"
                )
        for row in table.skipped:
            checks = "; ".join(c.text(lang) for c in row.checks)
            out.append(
                "    "
                + t(
                    "preview.skipped_row",
                    lang,
                    row=row.row,
                    kind=t(f"preview.row.{row.kind}", lang),
                    text=row.text,
                )
                + (f" — {checks}" if checks else "")
            )
        if table.blank_rows:
            out.append("    " + t("preview.blank_rows", lang, n=table.blank_rows))
        if table.more_skipped:
            out.append("    " + t("preview.more_rows", lang, n=table.more_skipped))
    for year in preview.years:
        places = t("load.counties" if year.dataset == "county_targets" else "load.municipalities", lang)
        out.append(
            t("preview.year", lang, year=year.year, dataset=t(f"dataset.{year.dataset}", lang) + " ")
            + f" {places}: {fmt_int(year.municipalities, lang)}; {totals(year.totals, lang)}"
        )
    for dataset_name, (columns, rows) in preview.stored.items():
        out.append(t("preview.stored", lang, n=len(rows), dataset=t(f"dataset.{dataset_name}", lang)))
        out.append("    " + " | ".join(columns))
        out += ["    " + " | ".join("" if v is None else str(v) for v in row) for row in rows]
    for title, said in (("preview.guesses", preview.guesses), ("load.warnings", preview.warnings)):
        if said:
            out.append(t(title, lang, n=len(said)))
            out += [f"  - {s.text(lang) if hasattr(s, 'text') else s}" for s in said]
    if preview.problems:
        out.append(t("preview.problems", lang, n=preview.problem_count))
        out += [f"  - {p.line(lang)}" for p in preview.problems]
        if preview.problems_omitted:
            out.append("  - " + t("problem.more_of_the_same", lang, n=preview.problems_omitted))
    out.append(t(status(preview), lang, id=preview.already_loaded))
    return out


def status(preview: Preview) -> str:
    """The label that says whether the file can be loaded as previewed."""
    if preview.already_loaded is not None:
        return "preview.status.already"
    if preview.to_correct:
        return "preview.status.correct"
    if preview.problems:
        return "preview.status.choose"
    return "preview.status.ready" if preview.certain else "preview.status.ready_guesses"
