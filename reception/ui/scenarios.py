"""The Planering page's widgets: the scenario's inputs, and saving and comparing scenarios.

Inputs are the page's own (a scenario is a draft, not a selection of data, so it stays out of the
URL); the county starts as the selection's county. Saving is for editors only
(``reception.ui.roles``), checked where the button is drawn and again when it is pressed.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from reception import store
from reception.i18n import fmt_int, t
from reception.planning import from_store, plan
from reception.planning.allocate import ScenarioRefused
from reception.selection import Selection
from reception.store import documents
from reception.text import md
from reception.ui import roles, tables, uploads
from reception.ui.cached import query

KIND = "scenario"


def county_and_year(selection: Selection, options: pd.DataFrame) -> tuple[str | None, int]:
    """The county and year to plan for; both follow the selection when it changes (a link, the sidebar).

    The county starts as the selection's: the county itself, or the county a group or the picked
    municipalities lie in (``queries/area_county.sql``: Göteborgsregionen is Västra Götaland's).
    """
    counties = options[options["kind"] == "lan"]
    names = dict(zip(counties["code"], counties["name"], strict=True))
    found = query("area_county", selection)
    chosen = found["lan_kod"].iloc[0] if len(found) and found["lan_kod"].iloc[0] in names else None
    # seeded again when the selection changed, or when the page comes back (its widgets were forgotten)
    if (
        st.session_state.get("plan_seeded") != (chosen, selection.year_to)
        or "plan_lan" not in st.session_state
    ):
        st.session_state["plan_seeded"] = (chosen, selection.year_to)
        st.session_state["plan_lan"] = chosen if chosen else st.session_state.get("plan_lan")
        st.session_state["plan_year"] = selection.year_to
    left, right = st.columns([3, 1])
    lan_kod = left.selectbox(
        t("plan.county"),
        list(names),
        index=None,
        format_func=names.get,
        placeholder=t("widget.choose"),
        key="plan_lan",
    )
    year = right.number_input(t("plan.year"), 2000, 2100, step=1, key="plan_year")
    return lan_kod, int(year)


def _suggest(key: str, value: int) -> None:
    st.session_state[key] = value


def total(lan_kod: str, year: int, lan: str) -> tuple[int | None, int | None]:
    """The county's total (typed, prefilled with a known länstal or the sum of the year's kommuntal,
    or shared from a national total); None until there is one: then the question and a suggestion
    (the county's latest known länstal) are shown instead."""
    known = from_store.lanstal(query, year).set_index("lan_kod")
    row = known.loc[lan_kod] if lan_kod in known.index else None
    kinds = ("county", "national")
    kind = st.radio(
        t("plan.total_kind"),
        kinds,
        format_func=lambda k: t(f"plan.total_kind.{k}"),
        horizontal=True,
        key="plan_kind",
    )
    if kind == "national":
        national = st.number_input(
            t("plan.national_total"), 0, 1_000_000, 8200, step=100, key="plan_national"
        )
        county, share_year = from_store.county_total(query, year, lan_kod, int(national))
        st.caption(
            t(
                "plan.national_share",
                lan=md(lan),
                county=fmt_int(county),
                national=fmt_int(national),
                year=md(share_year),
            )
        )
        return county, int(national)
    source = None if row is None or pd.isna(row["total_source"]) else row["total_source"]
    prefill = int(row["total_this_year"]) if source else None
    key = f"plan_total_{lan_kod}_{year}"
    value = st.number_input(
        t("plan.total"), 0, 1_000_000, prefill, step=1, placeholder=t("plan.total_placeholder"), key=key
    )
    if source == "decision":
        decision = md(row["decision"])
        st.caption(t("plan.total_known", year=int(year), decision=decision, total=fmt_int(prefill)))
    elif source == "kommuntal_sum":
        st.caption(t("plan.total_kommuntal_sum", year=int(year), lan=md(lan), total=fmt_int(prefill)))
    if value is not None:
        return int(value), None
    st.info(t("plan.total_question", lan=md(lan), year=int(year)), icon=":material/help:")
    if row is not None and not pd.isna(row["latest_target"]):
        latest, latest_year = int(row["latest_target"]), int(row["latest_year"])
        st.caption(t("plan.total_suggestion", lan=md(lan), total=fmt_int(latest), year=int(latest_year)))
        st.button(
            t("plan.use_suggestion", total=fmt_int(latest), year=int(latest_year)),
            on_click=_suggest,
            args=(key, latest),
            key="plan_use_suggestion",
        )
    return None, None


def key_and_weights(lan_kod: str) -> tuple[str, dict[str, float] | None, str | None]:
    key = st.radio(
        t("plan.key"),
        plan.KEYS,
        format_func=lambda k: t(f"plan.key.{k}"),
        horizontal=True,
        key="plan_key",
    )
    if key != "file":
        return key, None, None
    upload = st.file_uploader(
        t("plan.upload"), type=["csv", "xlsx", "xls", "ods"], help=t("plan.upload_help"), key="plan_file"
    )
    if upload is None:
        return key, None, None

    def read(name: str, data: bytes, owner: str | None) -> dict[str, float]:
        return from_store.read_weights(name, lan_kod, data, owner=owner)

    return key, uploads.read_once("plan_weights", upload, read, lan_kod), upload.name


def bounds(basis: pd.DataFrame, lan_kod: str) -> tuple[dict[str, int], dict[str, int]]:
    """Floors and caps typed into a table of the county's municipalities (folded away until wanted)."""
    with st.expander(t("plan.bounds")):
        st.caption(t("plan.bounds_help"))
        blank = pd.DataFrame(
            {
                "kommun_kod": basis["kommun_kod"],
                "kommun": basis["kommun"],
                "floor": pd.array([None] * len(basis), dtype="Int64"),
                "cap": pd.array([None] * len(basis), dtype="Int64"),
            }
        )
        edited = st.data_editor(
            blank,
            hide_index=True,
            disabled=["kommun_kod", "kommun"],
            placeholder="",  # an empty cell is no bound: it stays empty
            column_config={
                "kommun_kod": None,
                "kommun": st.column_config.TextColumn(t("col.kommun")),
                "floor": st.column_config.NumberColumn(t("col.floor"), min_value=0, step=1),
                "cap": st.column_config.NumberColumn(t("col.cap"), min_value=0, step=1),
            },
            key=f"plan_bounds_{lan_kod}",
        )
    return plan.bounds_from(edited)


def save(spec: plan.Spec, table: pd.DataFrame, name: str) -> None:
    """Save the scenario under its county, year and name. Saving again from this session updates it;
    a scenario of that name somebody else saved (or changed since) is not overwritten."""
    key = plan.document_name(spec, name)
    known = st.session_state.setdefault("plan_revisions", {})
    try:
        known[key] = documents.write(KIND, key, {**spec.document(plan.numbers_of(table)), "title": name},
                                     known.get(key, 0))  # fmt: skip
        st.success(t("plan.saved", name=md(name)))
    except documents.StaleRevision:
        st.warning(t("plan.save_stale", name=md(name)))


def save_and_compare(spec: plan.Spec, table: pd.DataFrame, basis: pd.DataFrame, lan: str) -> None:
    """Name and save this scenario (editors), and set saved ones of the county side by side."""
    st.subheader(t("plan.save_heading"))
    if roles.require_editor("plan"):
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        name = left.text_input(t("plan.name"), max_chars=documents.MAX_NAME, key="plan_name").strip()
        if right.button(t("plan.save"), disabled=not name, key="plan_save"):
            save(spec, table, name)
    else:
        st.caption(t("plan.save_editors"))
    saved = {}
    for name in documents.names(KIND):
        body, _ = documents.read(KIND, name)
        try:
            other, numbers = plan.Spec.from_document(body)
        except (KeyError, TypeError, ValueError):
            continue  # a document of another shape is not ours to show
        if other.lan_kod == spec.lan_kod:
            saved[f"{body.get('title', name)} ({other.year})"] = numbers
    if not saved:
        st.caption(t("plan.compare_none", lan=md(lan)))
        return
    picked = st.multiselect(
        t("plan.compare"),
        list(saved),
        default=list(saved)[:3],
        placeholder=t("widget.choose_many"),
        key="plan_compare",
    )
    current = {t("plan.current"): plan.numbers_of(table)}
    side_by_side = plan.compare({**current, **{p: saved[p] for p in picked}}, basis)
    tables.show(side_by_side.drop(columns=["kommun_kod"]), key="plan_compare_table")


@st.cache_data(max_entries=64, show_spinner=False)
def _worked_out(spec: plan.Spec, version: store.DataVersion, path: str):
    basis = from_store.basis(query, spec.year, spec.lan_kod)
    table = from_store.with_basis(plan.build(spec, basis), basis)
    checked, had_history = from_store.check(query, spec, table)
    return table, checked, plan.with_check(table, checked), had_history


def worked_out(spec: plan.Spec) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, bool]:
    """(table, capacity check, the table as shown, whether the seasonal profile had history), cached
    per scenario and data version (a rerun with the same inputs only draws). Raises ScenarioRefused."""
    path = store.db_path()
    return _worked_out(spec, store.data_version(path), str(path))


def refused(error: ScenarioRefused) -> None:
    fields = {key: md(value) for key, value in error.fields.items()}  # names and files from outside
    st.error(t(f"plan.refused.{error.code}", **fields), icon=":material/block:")
