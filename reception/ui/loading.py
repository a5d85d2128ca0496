"""Loading files on the Data page: the upload form, the importer's summary, or its problems as a table.

The importer's own words are shown as they are (Swedish); a refusal lists every problem as a table
(sheet, row, column, value, problem) that can be sorted, read from the back of a room, and downloaded.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from reception import ingest
from reception.i18n import fmt_int, t
from reception.ingest import isolate
from reception.text import clip, md
from reception.ui import uploads

DATASETS = (None, *ingest.DATASETS)


def problems_frame(problems: list[ingest.Problem]) -> pd.DataFrame:
    """One row per problem: where it is and what is wrong."""
    return pd.DataFrame(
        {
            t("problem.where"): [p.sheet or "" for p in problems],
            t("problem.row"): pd.array([p.row for p in problems], dtype="Int64"),
            t("problem.column"): [p.column or "" for p in problems],
            t("problem.value"): [p.value if p.value is not None else "" for p in problems],
            t("problem.message"): [p.text() for p in problems],
        }
    )


def upload_form() -> None:
    """Files to load, what they hold if the file doesn't say, and the button that loads them."""
    uploads = st.file_uploader(t("data.upload_help"), accept_multiple_files=True, key="uploads")
    left, middle, right = st.columns([2, 1, 1])
    dataset = left.selectbox(
        t("data.dataset"),
        DATASETS,
        format_func=lambda d: t(f"dataset.{d}") if d else t("data.dataset_auto"),
        key="upload_dataset",
    )
    year = middle.number_input(
        t("data.year"), min_value=2000, max_value=2100, value=None, step=1, key="upload_year"
    )
    month = right.number_input(
        t("data.month"), min_value=1, max_value=12, value=None, step=1, key="upload_month"
    )
    if uploads and st.button(t("data.load_button"), type="primary", key="upload_button"):
        for upload in uploads:
            load(upload.name, upload.getvalue(), dataset, year, month)


def load(name: str, data: bytes, dataset: str | None, year: float | None, month: float | None) -> None:
    """Run the importer on one file and show what it did, or why it refused."""
    try:
        with st.spinner(md(clip(name))):
            result = isolate.ingest(  # in a child process: a hostile file takes only the child down
                name,
                data,
                dataset=dataset,
                year=int(year) if year is not None else None,
                month=int(month) if month is not None else None,
                owner=uploads.owner(),
            )
    except ingest.IngestRefused as refused:
        st.error(f"{t('data.refused')} {t('data.problems', name=md(refused.file), n=fmt_int(refused.count))}")
        st.dataframe(problems_frame(refused.problems), hide_index=True, key=f"problems_{name}")
        if refused.count > len(refused.problems):
            st.caption(t("problem.more_of_the_same", n=fmt_int(refused.count - len(refused.problems))))
        return
    if result.already_loaded is not None:
        st.info(t("data.already", name=md(name), id=int(result.already_loaded)))
        return
    lines = [line for load in result.loads for line in load.lines()]
    st.success(
        t("data.loaded", name=md(name)) + "\n\n" + "\n".join(f"- {md(line.strip())}" for line in lines)
    )
    if result.retired:
        st.info(t("data.demo_removed"), icon=":material/science_off:")
    if result.renamed:
        st.caption(md(", ".join(f"{a} → {b}" for a, b in sorted(result.renamed.items()))))
    if result.warnings:
        st.warning(
            t("data.warnings", n=len(result.warnings))
            + "\n\n"
            + "\n".join(f"- {md(w)}" for w in result.warnings)
        )
    if result.notes:
        with st.expander(t("data.notes", n=len(result.notes))):
            st.markdown("\n".join(f"- {md(n)}" for n in result.notes))
