"""Kapacitet on a store whose months are suppressed or missing: no run-out month for the municipalities
whose inflow is unknown, a reason in their row, and the summary counts them (tests/queries/unknown_store.py);
on the demo this is 12 of the 290 municipalities."""

from __future__ import annotations

import sys
from pathlib import Path

from app_helpers import open_page

from reception import queries
from reception.i18n import t
from reception.selection import Selection

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "queries"))
import unknown_store  # noqa: E402


def test_kapacitet_shows_no_run_out_month_where_the_inflow_is_unknown_and_says_why(store_path):
    unknown_store.build(store_path)
    at = open_page("pages/kapacitet.py", lan="20", to="2025")
    summaries = " ".join(c.value for c in at.caption)
    assert t("kap.runout_unknown", "sv", n=3) in summaries  # Smedjebacken, Leksand, Säter
    table = at.dataframe[-1].value.set_index("kommun")
    assert table.loc[["Smedjebacken", "Leksand", "Säter"], "run_out_month"].isna().all()
    assert table.loc["Vansbro", "run_out_month"].month == 5
    assert table.loc["Smedjebacken", "inflow_unknown"] == t("inflow_unknown.unknown_month", "sv")
    assert table.loc["Säter", "inflow_unknown"] == t("inflow_unknown.no_figures", "sv")
    assert table["inflow_unknown"].notna().sum() == 3


def test_the_demo_has_twelve_municipalities_whose_inflow_is_unknown(demo_store):
    df = queries.run("capacity_by_municipality", Selection(2026, 2026).as_params())
    unknown = df[df["inflow_unknown"].notna()]
    assert len(df) == 290 and len(unknown) == 12
    assert unknown["run_out_month"].isna().all() and set(unknown["inflow_unknown"]) == {"unknown_month"}
    at = open_page("pages/kapacitet.py", to="2026")
    assert t("kap.runout_unknown", "sv", n=12) in " ".join(c.value for c in at.caption)
