"""Loading files on the Data page: the upload, each file's preview, "Läs in", and what the load did.

Each uploaded file is previewed at once, in a child process (:func:`reception.ingest.isolate.preview`,
read once per file and choices): what it would become, the guesses marked, and the choices that
correct them (:mod:`reception.ui.preview`). "Läs in" loads exactly what the preview showed (its
resolved choices and the digest of its facts). A refusal lists every problem as a table (sheet,
row, column, value, problem) that can be sorted, read from the back of a room, and downloaded.
"""

from __future__ import annotations

import json

import pandas as pd
import streamlit as st

from reception import ingest, store
from reception.i18n import fmt_int, t
from reception.ingest import isolate, recipes
from reception.ingest.preview import Preview
from reception.ingest.preview_text import status
from reception.text import clip, md
from reception.ui import preview as shown
from reception.ui import roles, said, uploads
from reception.ui.said import Slot

OUTCOMES = "upload_outcomes"  # session key: {upload's file id: IngestResult or IngestRefused}
SAVED = "recipe_saved"  # session key: the name of the recipe this session saved last


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
    """Files to load, each previewed with its choices and its own "Läs in"."""
    files = st.file_uploader(t("data.upload_help"), accept_multiple_files=True, key="uploads") or []
    said.forget({f.file_id for f in files})
    for i, upload in enumerate(files):
        one_file(Slot(i, upload.file_id), upload)


def load_key(slot: Slot) -> str:
    return "upload_button" if slot.i == 0 else f"upload_button_{slot.i}"


def _read(choices):
    def read(name: str, data: bytes, owner: str | None) -> Preview:
        return isolate.preview(name, data, owner=owner, choices=choices)

    return read


def one_file(slot: Slot, upload) -> None:
    """One file: what its load did, or its preview with the choices and the button that loads it."""
    outcome = st.session_state.get(OUTCOMES, {}).get(slot.file_id)
    if outcome is not None:
        show_outcome(upload.name, outcome, slot)
        return
    choices = said.current(slot)
    context = json.dumps(choices.to_json() if choices else None, sort_keys=True)
    try:
        with st.spinner(md(clip(upload.name))):
            preview = uploads.read_once(shown.key(slot.i, "read"), upload, _read(choices), context)
    except ingest.IngestRefused as refused:
        show_refusal(upload.name, refused.problems, slot, refused.count)
        return
    st.subheader(t("preview.title", file=md(upload.name)))
    _status(preview)
    shown.summary(preview)
    if preview.to_correct:
        show_refusal(upload.name, preview.problems, slot, preview.problem_count)
    elif preview.problems:
        opened = "\n".join(  # what is still to be chosen (a file not recognised: what to choose)
            "- " + (t("preview.open.not_recognised") if p.code == "not_recognised" else md(p.text()))
            for p in preview.problems
        )
        st.warning(t("preview.status.choose") + "\n\n" + opened)
    shown.guesses(preview)
    st.button(
        t("data.load_button"),
        type="primary",
        key=load_key(slot),
        disabled=not preview.loadable,
        on_click=_load,
        args=(slot, upload, preview),
    )
    _recipe_form(slot, preview)
    with st.expander(t("preview.details"), expanded=not preview.certain, icon=":material/tune:"):
        shown.details(slot, preview)


def _status(preview: Preview) -> None:
    said_now = t(status(preview), id=int(preview.already_loaded or 0))
    if preview.already_loaded is not None:
        st.info(said_now, icon=":material/check_circle:")
    elif preview.loadable and preview.certain:
        st.success(said_now, icon=":material/check_circle:")
    elif preview.loadable:
        st.info(said_now, icon=":material/help:")


def _load(slot: Slot, upload, preview: Preview) -> None:
    """Store what the preview showed (re-checked: an editor, a preview that can be loaded)."""
    if not roles.is_editor() or not preview.loadable:
        return
    try:
        with roles.acting():
            outcome = isolate.ingest(  # in a child process: a hostile file takes only the child down
                upload.name,
                upload.getvalue(),
                choices=preview.resolved,
                expect=preview.digest,
                owner=uploads.owner(),
            )
    except ingest.IngestRefused as refused:
        outcome = refused
    st.session_state[OUTCOMES] = {**st.session_state.get(OUTCOMES, {}), slot.file_id: outcome}


def _recipe_form(slot: Slot, preview: Preview) -> None:
    """Save what was said about this file as a recipe, for the next file of the same layout."""
    if said.current(slot) is None or not preview.layouts():
        return
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.text_input(t("recipes.save_name"), key=shown.key(slot.i, "recipe_name"), max_chars=200)
    right.button(
        t("recipes.save"),
        key=shown.key(slot.i, "recipe_save"),
        on_click=_save_recipe,
        args=(slot, preview),
        icon=":material/bookmark_add:",
    )
    st.caption(t("recipes.save_help"))
    if st.session_state.get(SAVED):
        st.success(t("recipes.saved", name=md(st.session_state[SAVED])))


def _save_recipe(slot: Slot, preview: Preview) -> None:
    if not roles.is_editor():
        return
    name = " ".join(str(st.session_state.get(shown.key(slot.i, "recipe_name")) or "").split())
    choices = said.current(slot)
    if not name or choices is None:
        st.session_state[SAVED] = None
        return
    recipes.save(name, preview.layouts(), choices, roles.editor_name(), store.db_path())
    st.session_state[SAVED] = name


def show_refusal(name: str, problems: list[ingest.Problem], slot: Slot, count: int | None = None) -> None:
    """The problems as a table; ``count`` is how many there were in all, when only the first were
    carried back from the reading (see ``isolate``)."""
    count = len(problems) if count is None else count
    st.error(f"{t('data.refused')} {t('data.problems', name=md(name), n=fmt_int(count))}")
    st.dataframe(problems_frame(problems), hide_index=True, placeholder="–", key=f"problems_{slot.i}")
    if count > len(problems):
        st.caption(t("problem.more_of_the_same", n=fmt_int(count - len(problems))))


def show_outcome(name: str, outcome, slot: Slot) -> None:
    """What a load did, or why it refused."""
    if isinstance(outcome, ingest.IngestRefused):
        show_refusal(name, outcome.problems, slot, outcome.count)
        return
    result = outcome
    if result.already_loaded is not None:
        st.info(t("data.already", name=md(name), id=int(result.already_loaded)))
        return
    lines = [t("load.recipe", name=md(result.recipe))] if result.recipe else []
    lines += [line for load in result.loads for line in load.lines()]
    # the summary's lines are the importer's own words and figures (no text from the file)
    summary = "\n".join("- " + md(line.strip()) for line in lines)
    st.success(t("data.loaded", name=md(name)) + "\n\n" + summary)
    if result.retired:
        st.info(t("data.demo_removed"), icon=":material/science_off:")
    if result.renamed:
        st.caption(md(", ".join(f"{a} → {b}" for a, b in sorted(result.renamed.items()))))
    if result.warnings:
        st.warning(
            t("data.warnings", n=len(result.warnings))
            + "\n\n"
            + "\n".join(f"- {md(w.text() if hasattr(w, 'text') else w)}" for w in result.warnings)
        )
    if result.notes:
        with st.expander(t("data.notes", n=len(result.notes))):
            st.markdown("\n".join(f"- {md(n.text() if hasattr(n, 'text') else n)}" for n in result.notes))
