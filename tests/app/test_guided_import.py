"""The Data page's preview, driven as a planner would: upload, look, correct with a few selects, load;
save the choices as a recipe and load next month's file in one click; remove a recipe."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from app_helpers import open_page

from reception import store
from reception.ingest import recipes

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
from guided_files import (  # noqa: E402
    DALARNA,
    expected_two_years,
    kommuntal_two_years_xlsx,
    next_month_summary_csv,
    planners_summary_csv,
)
from official_layouts import (  # noqa: E402
    KM_CATEGORIES,
    expected_kommunmottagna,
    kommunmottagna_xlsx,
    monthly_columns_xlsx,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class Planner:
    """The Data page, and how many choices were made on it."""

    def __init__(self, **query):
        self.at = open_page("pages/data.py", **query)
        self.choices = 0

    def upload(self, name: str, data: bytes, mime: str = "text/csv") -> Planner:
        self.at.file_uploader(key="uploads").set_value((name, data, mime)).run()
        self.ok()
        return self

    def choose(self, key: str, value: object) -> Planner:
        widget = self.at.number_input(key=key) if key in ("pv_year", "pv_month") or "header" in key else None
        (widget or self.at.selectbox(key=key)).set_value(value).run()
        self.choices += 1
        self.ok()
        return self

    def load(self) -> Planner:
        button = self.at.button(key="upload_button")
        assert not button.disabled, [w.value for w in self.at.warning] + [e.value for e in self.at.error]
        button.click().run()
        self.ok()
        return self

    def ok(self) -> None:
        assert not self.at.exception, [e.message for e in self.at.exception]

    def text(self, kind: str = "success") -> str:
        return " ".join(e.value for e in getattr(self.at, kind)).replace("\\", "")


def rows(sql: str, path: Path) -> list[tuple]:
    with store.connect_read(path) as con:
        return con.execute(sql).fetchall()


def test_a_file_the_importer_cannot_place_loads_after_at_most_four_choices(demo_store):
    f = planners_summary_csv()
    page = Planner().upload(f.name, f.data)
    assert page.at.button(key="upload_button").disabled  # nothing placed yet: nothing to load
    assert page.at.selectbox(key="pv_kind_0_B").value == "open"
    page.choose("pv_kind_0_B", "target:settlement").choose("pv_kind_0_C", "received")
    assert page.choices <= 4
    page.load()
    assert page.text().startswith("Inläst: lanets_planering.csv")
    stored = rows(
        "select kommun_kod, year, target, received from targets where year = 2025 order by 1", demo_store
    )
    assert stored == sorted((code, 2025, d, r) for _, code, d, r in DALARNA)


def test_after_saving_a_recipe_next_months_file_loads_in_one_click_with_the_recipe_named(demo_store):
    f = planners_summary_csv()
    page = Planner().upload(f.name, f.data)
    page.choose("pv_kind_0_B", "target:settlement").choose("pv_kind_0_C", "received")
    page.at.text_input(key="pv_recipe_name").input("Dalarnas summering").run()
    page.at.button(key="pv_recipe_save").click().run()
    assert "Receptet Dalarnas summering är sparat" in page.text()
    assert recipes.names(demo_store) == ["Dalarnas summering"]

    g = next_month_summary_csv(notes=2, bump=4)
    page = Planner().upload(g.name, g.data)
    assert "Läst enligt receptet Dalarnas summering." in " ".join(m.value for m in page.at.markdown)
    page.load()  # the one click
    assert page.choices == 0
    assert "Läst enligt receptet Dalarnas summering." in page.text()
    stored = rows("select kommun_kod, received from targets where year = 2025 order by 1", demo_store)
    assert stored == sorted((code, r + 4) for _, code, _, r in DALARNA)
    # the Data page lists the recipe, and an editor removes it
    (listed,) = [d.value for d in page.at.dataframe if "Vad receptet säger" in d.value.columns]
    assert listed["Namn"].tolist() == ["Dalarnas summering"]
    page.at.selectbox(key="recipe_remove_pick").set_value("Dalarnas summering").run()
    page.at.button(key="recipe_remove").click().run()
    assert recipes.names(demo_store) == []


def test_the_kommunmottagna_file_with_a_note_about_unaccompanied_children_loads_every_category(demo_store):
    f = kommunmottagna_xlsx(note="Ensamkommande barn: barn under 18 år utan vårdnadshavare.")
    page = Planner().upload(f.name, f.data, XLSX).load()
    assert page.choices == 0
    stored = rows(
        "select kommun_kod, category, persons, of_which_unaccompanied from arrivals_ytd "
        "where year = 2024 and as_of_month = 10",
        demo_store,
    )
    assert {(k, c): (p, u) for k, c, p, u in stored} == expected_kommunmottagna()
    assert {c for _, c, _, _ in stored} == set(KM_CATEGORIES)


def test_a_kommuntal_table_with_two_years_a_difference_column_and_a_totalt_row_loads_both_years(demo_store):
    f = kommuntal_two_years_xlsx()
    page = Planner().upload(f.name, f.data, XLSX)
    kinds = {c.key: c.value for c in page.at.selectbox if c.key and c.key.startswith("pv_kind_0_")}
    assert kinds == {
        "pv_kind_0_B": "target:settlement",
        "pv_kind_0_C": "target:settlement",
        "pv_kind_0_D": "ignore",
    }
    page.load()
    stored = rows(
        "select year, kommun_kod, program, target from targets where kommun_kod like '13%' "
        "and year in (2019, 2020) order by year, kommun_kod",
        demo_store,
    )
    assert stored == expected_two_years()


def test_a_table_of_months_that_names_no_category_loads_once_the_category_is_chosen(demo_store):
    f = monthly_columns_xlsx(title="Kommunmottagna per månad 2024")
    page = Planner().upload(f.name, f.data, XLSX)
    assert page.at.button(key="upload_button").disabled
    assert "säger inte vilken kategori" in page.text("warning")
    page.choose("pv_category_0", "family").load()
    assert page.choices == 1
    stored = rows("select distinct category from arrivals_month where month >= date '2024-01-01'", demo_store)
    assert stored == [("family",)]
    falun = rows(
        "select persons from arrivals_month where kommun_kod = '2080' and month = date '2024-10-01'",
        demo_store,
    )
    assert falun == [(7,)]


def test_a_wrong_header_row_is_corrected_with_a_number_and_the_preview_follows(demo_store):
    f = kommuntal_two_years_xlsx()
    page = Planner().upload(f.name, f.data, XLSX)
    assert page.at.number_input(key="pv_header_0").value == f.row("header")
    page.choose("pv_header_0", 1)  # the title row: nothing placed, nothing to load
    assert page.at.button(key="upload_button").disabled
    page.choose("pv_header_0", f.row("header"))
    assert not page.at.button(key="upload_button").disabled


def test_the_preview_speaks_english_on_the_english_page(demo_store):
    f = planners_summary_csv()
    page = Planner(lang="en").upload(f.name, f.data)
    assert "Can't be loaded yet: choose what the file doesn't say." in page.text("warning")
    page.choose("pv_kind_0_B", "target:settlement").choose("pv_kind_0_C", "received")
    assert "Can be loaded; look at the guesses first." in page.text("info")
    page.load()
    assert page.text().startswith("Loaded: lanets_planering.csv")


def test_every_month_of_the_table_lands_on_its_own_first_day(demo_store):
    f = monthly_columns_xlsx()  # the title names the category: a guess, marked, loaded in one click
    page = Planner().upload(f.name, f.data, XLSX)
    assert "står bara i rubriken" in page.text("warning")
    page.load()
    months = rows(
        "select distinct month from arrivals_month where month >= date '2024-01-01' order by 1", demo_store
    )
    assert [m for (m,) in months] == [date(2024, m, 1) for m in range(1, 11)]


def test_a_session_that_is_no_longer_an_editor_changes_no_choice_and_loads_nothing(demo_store, monkeypatch):
    f = kommuntal_two_years_xlsx()
    page = Planner().upload(f.name, f.data, XLSX)
    before = store.data_version(demo_store)
    monkeypatch.setattr("reception.ui.roles.is_editor", lambda: False)  # signed out in another tab
    page.at.selectbox(key="pv_kind_0_B").set_value("received")
    page.at.button(key="upload_button").click().run()
    page.ok()
    assert "preview_choices" not in page.at.session_state or page.at.session_state["preview_choices"] == {}
    assert store.data_version(demo_store) == before
    assert not page.at.get("file_uploader")  # the page offers a viewer no upload
