"""The Planering page under AppTest on the demo store: inputs -> the scenario's table, refusals, saving."""

from __future__ import annotations

import io
import json

import app_helpers
import pytest
from app_helpers import open_page

from reception.store import documents

PAGE = "pages/planering.py"


@pytest.fixture(autouse=True)
def keep_media(monkeypatch):
    app_helpers.keep_media(monkeypatch)


def scenario_table(at):
    return at.dataframe[1].value  # [0] is the floors-and-caps editor


def test_dalarna_2026_is_prefilled_with_the_lanstal_and_adds_up(plan_store):
    at = open_page(PAGE, lan="20", to="2026")
    assert at.number_input(key="plan_total_20_2026").value == 321
    table = scenario_table(at)
    assert len(table) == 15 and table["number"].sum() == 321
    assert "Metod:" in " ".join(c.value for c in at.caption)
    titles = [json.loads(c.proto.spec)["layout"]["title"]["text"] for c in at.get("plotly_chart")]
    assert len(titles) == 2 and titles[1] == "Scenariot per kommun"


def test_equal_key_and_a_typed_total_give_whole_numbers_that_add_up(plan_store):
    at = open_page(PAGE, lan="20", to="2026")
    at.number_input(key="plan_total_20_2026").set_value(100)
    at.radio(key="plan_key").set_value("equal").run()
    assert not at.exception
    numbers = sorted(scenario_table(at)["number"])
    # 100 / 15 = 6.67: ten get 7 and five get 6
    assert numbers == [6] * 5 + [7] * 10


def test_a_national_total_is_shared_by_the_lanstal_first(plan_store):
    at = open_page(PAGE, lan="20", to="2026")
    at.radio(key="plan_kind").set_value("national").run()
    at.number_input(key="plan_national").set_value(16_400).run()  # twice 8 200: Dalarna twice 321
    assert scenario_table(at)["number"].sum() == 642


def test_a_weight_file_with_an_unknown_name_is_refused_naming_it(plan_store):
    at = open_page(PAGE, lan="20", to="2026")
    at.radio(key="plan_key").set_value("file").run()
    rows = b"Kommun;Vikt\nAvesta;1\nNarnia;2\n"
    at.file_uploader(key="plan_file").set_value(("vikter.csv", rows, "text/csv")).run()
    assert not at.exception
    assert "Narnia" in at.error[0].value
    assert len(at.dataframe) == 0  # no scenario drawn from a refused file


def test_the_decision_draft_is_an_xlsx_with_a_total_row(plan_store):
    from openpyxl import load_workbook

    from reception import queries
    from reception.planning import from_store, plan

    at = open_page(PAGE, lan="20", to="2026")
    assert [b for b in at.get("download_button") if "Beslutsunderlag" in b.proto.label]
    # the button builds its file on click: the same builder, on the page's scenario
    basis = from_store.basis(lambda name, **p: queries.run(name, p), 2026, "20")
    spec = plan.Spec(2026, "20", 321, "share")
    table = from_store.with_basis(plan.build(spec, basis), basis)
    sheet = load_workbook(io.BytesIO(from_store.decision_file(spec, table, ".xlsx"))).worksheets[0]
    rows = list(sheet.values)
    assert rows[0] == ("Kommun", "Kommunkod", "Antal", "Andel", "Nyckel")
    assert rows[-1][0] == "Totalt" and rows[-1][2] == 321 and len(rows) == 17
    shown = scenario_table(at)
    assert {r[0]: r[2] for r in rows[1:-1]} == dict(zip(shown["kommun"], shown["number"], strict=True))
    assert rows[1][4] == "kommuntalen 2026"


def test_an_editor_saves_and_compares_a_scenario(plan_store):
    at = open_page(PAGE, lan="20", to="2026")
    at.text_input(key="plan_name").set_value("Förslag A").run()
    at.button(key="plan_save").click().run()
    assert documents.names("scenario") == ["20 2026 Förslag A"]
    body, revision = documents.read("scenario", "20 2026 Förslag A")
    assert revision == 1 and sum(body["numbers"].values()) == 321 and body["title"] == "Förslag A"
    compared = at.dataframe[-1].value
    assert list(compared.columns[-2:]) == ["Detta scenario", "Förslag A (2026)"]
    # saving again from this session updates it; one somebody else saved meanwhile is not overwritten
    at.button(key="plan_save").click().run()
    assert documents.read("scenario", "20 2026 Förslag A")[1] == 2
    documents.write("scenario", "20 2026 Förslag A", body, 2)  # another editor
    at.button(key="plan_save").click().run()
    assert "Någon annan sparade" in at.warning[0].value
    assert documents.read("scenario", "20 2026 Förslag A")[1] == 3


def test_saving_needs_the_editor_password_when_one_is_set(plan_store, monkeypatch):
    monkeypatch.setenv("RECEPTION_EDITOR_PASSWORD", "rätt lösenord")
    at = open_page(PAGE, lan="20", to="2026")
    assert not [b for b in at.button if b.key == "plan_save"]
    assert "Bara redaktörer" in " ".join(c.value for c in at.caption)
    for given, unlocked in (("fel", False), ("rätt lösenord", True)):
        at.text_input(key="editor_password_input").input(given)
        next(b for b in at.button if b.label == "Lås upp").click().run()
        assert bool([b for b in at.button if b.key == "plan_save"]) is unlocked


def test_english_labels(plan_store):
    at = open_page(PAGE, lan="20", to="2026", lang="en")
    assert at.subheader[0].value == "Scenario: 321 persons in Dalarnas län 2026"


def test_population_key_says_which_year_of_population(plan_store):
    at = open_page(PAGE, lan="20", to="2026")
    at.radio(key="plan_key").set_value("population").run()
    assert not at.exception and scenario_table(at)["number"].sum() == 321
    assert "befolkningen 2024" in " ".join(c.value for c in at.caption)


def test_the_county_follows_a_changed_selection(plan_store):
    at = open_page(PAGE, lan="20", to="2026")
    at.query_params.clear()
    at.query_params["lan"] = "03"
    at.query_params["to"] = "2026"
    at.run()
    assert not at.exception
    assert at.subheader[0].value == "Scenario: 344 personer i Uppsala län 2026"  # Uppsala's länstal 2026


def test_the_whole_country_asks_for_a_county(plan_store):
    at = open_page(PAGE)
    assert "Välj ett län" in at.info[-1].value and len(at.dataframe) == 0
