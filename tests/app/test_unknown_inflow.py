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


def test_overview_on_a_kommunmottagna_file_alone_says_unknown_not_at_least_unknown(store_path):
    """One year-to-date snapshot: the year's received are known (91 under the Settlement Act), the
    month's inflow is not (no snapshot before it), so its tile reads '–', never 'minst –'."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
    from official_layouts import kommunmottagna_xlsx

    from reception import ingest

    f = kommunmottagna_xlsx()
    ingest.ingest_bytes(f.name, f.data, store_path=store_path)
    for lang in ("sv", "en"):
        tiles = {m.label: m.value for m in open_page("app.py", lang=lang).metric}
        assert tiles[t("tile.received", lang, year=2024)] == "91"
        assert tiles[t("tile.month_inflow", lang, month="okt 2024" if lang == "sv" else "Oct 2024")] == "–"
