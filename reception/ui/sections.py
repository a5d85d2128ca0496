"""Page sections: a chart or table with its summary, source and data date, and downloads.

``chart(fig, summary, data, subject, selection, datasets)`` is the one rhythm every chart uses:
the figure (its title states the finding), a one-line summary in a caption (also the figure's
alt text), the source files and data date, a note on suppressed values, and the data behind it
as CSV, CSV for Swedish Excel and xlsx with an "Om data" sheet.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import partial

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from reception import export
from reception.charts import PLOTLY_CONFIG, headline
from reception.i18n import fmt_int, language, t
from reception.selection import Selection
from reception.text import md
from reception.ui import tables
from reception.ui.cached import query

AREA_SHORT = {"Göteborgsregionen": "GR"}


def source_line(datasets: tuple[str, ...], quote=md) -> str:
    """'Källa: demo: mål. Data till och med okt 2026.' for the given datasets; the file names (the
    users' text) through ``quote``: :func:`md` for the page, ``str`` for a file's plain text."""
    return headline.source_line(query("data_freshness"), datasets, language(), files_as=quote)


def about(subject: str, selection: Selection, datasets: tuple[str, ...]) -> dict[str, str]:
    """The "Om data" sheet: what, which selection, which files and when they were loaded."""
    fresh = query("data_freshness")
    rows = fresh[fresh["dataset"].isin(headline.with_events(datasets))]
    loaded = ", ".join(f"{r.dataset}: {r.loaded_at:%Y-%m-%d %H:%M}" for r in rows.itertuples())
    return {
        t("about.subject"): subject,
        t("about.selection"): headline.describe(selection, query("area_options")),
        t("about.sources"): source_line(datasets, quote=str),  # a sheet's plain text, no Markdown
        t("about.loaded"): loaded,
        t("about.made"): f"{datetime.now():%Y-%m-%d %H:%M}",
    }


def file_stem(subject: str, selection: Selection, ext: str) -> str:
    """e.g. mottagande_mal_GR_2024_2026-11-22.csv"""
    country = selection.area_kind == "country"
    area = "riket" if country else headline.area_name(selection, query("area_options"))
    area = AREA_SHORT.get(area, area if len(area) <= 30 else f"{len(selection.kommun_kods)}-kommuner")
    return export.filename(f"mottagande_{subject}", area, selection.years_label(), ext, today=date.today())


def downloads(
    data: pd.DataFrame, subject: str, selection: Selection, datasets: tuple[str, ...], key: str
) -> None:
    """Three download buttons for exactly ``data``: CSV, CSV for Swedish Excel, xlsx.

    Each file is made when its button is clicked (Streamlit's deferred download), from the data of
    this run: a page run that only shows the data pays nothing for the files it might be asked for.
    """
    if selection.present:
        return
    columns = st.columns([1, 1, 1, 3])
    builds = (
        ("download.csv", "csv", partial(export.to_csv, data)),
        ("download.csv_excel", "csv", partial(export.to_csv_excel, data)),
        ("download.xlsx", "xlsx", partial(export.to_xlsx, data, about(subject, selection, datasets))),
    )
    for column, (label, ext, payload) in zip(columns, builds, strict=False):
        suffix = "_excel" if label == "download.csv_excel" else ""
        column.download_button(
            f"⤓ {t(label)}",
            payload,
            file_name=file_stem(subject + suffix, selection, ext),
            mime=export.MIME[ext],
            key=f"dl_{key}_{label}",
            on_click="ignore",
        )


def notes(summary: str, datasets: tuple[str, ...], suppressed: int = 0, extra: str | None = None) -> None:
    st.caption(summary)
    if suppressed:
        st.caption("⚠ " + t("suppressed", n=fmt_int(suppressed)))
    if extra:
        st.caption(extra)
    st.caption(source_line(datasets))


def chart(
    fig: go.Figure,
    summary: str,
    data: pd.DataFrame,
    subject: str,
    selection: Selection,
    datasets: tuple[str, ...],
    *,
    key: str,
    note: str | None = None,
) -> None:
    """One chart section: figure, summary, suppressed-value note, source and date, downloads."""
    suppressed = int(data["suppressed"].sum()) if "suppressed" in data.columns else 0
    config = {**PLOTLY_CONFIG, "locale": language()}
    st.plotly_chart(fig, config=config, key=f"chart_{key}", alt=summary, theme=None)
    notes(summary, datasets, suppressed, note)
    downloads(data, subject, selection, datasets, key)
    if selection.present:
        st.divider()


def first_chart(
    path: str, selection: Selection, subject: str, *, key: str, note: str | None = None, geojson=None
) -> headline.Built:
    """The page's first chart, composed once for the page and the handout (``reception.charts.headline``),
    drawn as a :func:`chart` section; its message when there is nothing to show."""
    built = headline.build(path, selection, lambda name, asked: query(name, asked), geojson)
    if built.figure is None:
        st.info(built.summary)
    else:
        chart(
            built.figure,
            built.summary,
            built.data,
            subject,
            built.selection,
            built.datasets,
            key=key,
            note=note,
        )
    return built


def table(
    data: pd.DataFrame, title: str, subject: str, selection: Selection, datasets: tuple[str, ...], key: str
):
    """A table section: heading, the table (labelled in the user's language), source and date, downloads."""
    st.subheader(title)
    tables.show(data, key=f"table_{key}")
    st.caption(source_line(datasets))
    downloads(data, subject, selection, datasets, key)


def empty(message_key: str = "empty.selection", **fields: object) -> None:
    st.info(t(message_key, **{key: md(value) for key, value in fields.items()}))


def missing(*datasets: str, year: int | str) -> None:
    """Datasets a page needs that are not loaded (for the year): which files to load, and one link to Data."""
    if not datasets:
        return
    st.info("\n\n".join(t(f"missing.{d}", year=md(year)) for d in datasets), icon=":material/upload_file:")
    st.page_link("pages/data.py", label=t("missing.go_data"), icon=":material/upload:")
