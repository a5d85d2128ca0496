"""Planering's county total for every year that has one: the länstal decided, else the sum of the year's
kommuntal (labelled, never a decision), else the question and the latest known länstal as a suggestion;
and the county it opens on. Stores are built through the importer from official-layout files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app_helpers import open_page

from reception import ingest
from reception.i18n import t
from reception.store import startup

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
import official_files as of  # noqa: E402
import official_layouts as ol  # noqa: E402

PAGE = "pages/planering.py"


def kommuntal_only(path: Path, *files) -> Path:
    startup.prepare(path)
    for f in files:
        ingest.ingest_bytes(f.name, f.data, store_path=path)
    return path


def charts(at) -> list[str]:
    return [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]


def test_a_year_without_a_decision_is_prefilled_with_the_sum_of_the_kommuntal_and_says_so(store_path):
    # Halland's county board decided its six municipalities' kommuntal for 2025 (321 in all); no länstal
    # decision for 2025 is known (data/lanstal.csv)
    kommuntal_only(store_path, ol.county_decision_xlsx(title="Kommuntal 2025 – Hallands län", stated=None))
    at = open_page(PAGE, lan="13", to="2025")
    assert at.number_input(key="plan_total_13_2025").value == 321
    captions = " ".join(c.value for c in at.caption)
    assert t("plan.total_kommuntal_sum", "sv", year=2025, lan="Hallands län", total="321") in captions
    assert "summa av kommuntalen" in captions and "SFS" not in captions
    assert at.subheader[0].value == "Scenario: 321 personer i Hallands län 2025"
    assert at.dataframe[1].value["number"].sum() == 321  # [0] is the floors-and-caps editor
    at.switch_page("pages/mal.py").run()  # where county totals show: the bar says it is a sum
    county = next(json.loads(c.proto.spec) for c in at.get("plotly_chart") if "Länstal" in charts_title(c))
    assert county["data"][0]["text"] == ["321 (summa av kommuntalen)"]


def charts_title(chart) -> str:
    return json.loads(chart.proto.spec)["layout"]["title"]["text"]


def test_with_neither_the_page_asks_and_suggests_the_latest_lanstal_instead_of_a_table_of_zeros(store_path):
    # Migrationsverket's kommuntal 2024 covers 4 of Dalarna's 15 municipalities: no county total from them,
    # and 2024 has no decision; Dalarna's latest known länstal up to 2024 is 2022's, 239 (SFS 2021:870)
    kommuntal_only(store_path, of.kommuntal_xlsx())
    at = open_page(PAGE, lan="20", to="2024")
    assert at.number_input(key="plan_total_20_2024").value is None
    assert t("plan.total_question", "sv", lan="Dalarnas län", year=2024) in [i.value for i in at.info]
    suggestion = t("plan.total_suggestion", "sv", lan="Dalarnas län", total="239", year=2022)
    assert suggestion in [c.value for c in at.caption]
    assert not at.dataframe and not at.get("plotly_chart")  # no table of zeros, no empty chart
    next(b for b in at.button if b.key == "plan_use_suggestion").click().run()
    assert at.number_input(key="plan_total_20_2024").value == 239
    assert at.dataframe[1].value["number"].sum() == 239 and len(charts(at)) == 2


def test_planering_opens_on_the_county_of_the_selected_region(demo_store):
    for query, lan in ((("region", "Göteborgsregionen"), "14"), (("region", "Dalarnas pilotgrupp"), "20")):
        at = open_page(PAGE, **dict([query]), to="2026")
        assert at.selectbox(key="plan_lan").value == lan, query
        assert at.dataframe, query  # a plan, not an empty picker
    at = open_page(PAGE, to="2026")  # the whole country: the picker asks, in the user's language
    assert at.selectbox(key="plan_lan").value is None
    assert at.selectbox(key="plan_lan").proto.placeholder == "Välj ett alternativ"
