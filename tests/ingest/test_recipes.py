"""Recipes: the choices for a layout, saved under a name and used for the next file of the same layout
(next month's, with a note line more above the header), named in the summary; validated when read,
listed and removed on the command line."""

from __future__ import annotations

import json

import pytest
from guided_files import DALARNA, next_month_summary_csv, planners_summary_csv
from ingest_helpers import cli, query

from reception import ingest
from reception.ingest import preview, recipes
from reception.ingest.choices import Choices, ColumnChoice, TableChoice
from reception.store import documents

NAME = "Dalarnas summering"
SAID = Choices(
    tables=(
        TableChoice(
            index=0,
            columns=(
                ("B", ColumnChoice("target", program="settlement", year=2025)),
                ("C", ColumnChoice("received")),
            ),
        ),
    )
)


@pytest.fixture
def saved(fresh_store):
    """The planner's sheet corrected in the preview, and the choices saved as a recipe."""
    f = planners_summary_csv()
    shown = preview.preview_bytes(f.name, f.data, store_path=fresh_store, choices=SAID)
    assert shown.loadable
    recipes.save(NAME, shown.layouts(), SAID, "planner@lansstyrelsen.se", fresh_store)
    return fresh_store


def test_next_months_file_with_a_note_line_more_is_read_with_the_recipe_and_says_so(saved):
    g = next_month_summary_csv(notes=2, bump=3)
    result = ingest.ingest_bytes(g.name, g.data, store_path=saved)
    assert result.recipe == NAME
    assert any(NAME in line for line in result.summary_lines())
    assert query(saved, "select kommun_kod, year, target, received from targets order by 1") == sorted(
        (code, 2025, decided, received + 3) for _, code, decided, received in DALARNA
    )


def test_the_recipe_keeps_what_the_columns_are_but_not_the_year_or_the_header_row(saved):
    (recipe,), broken = recipes.read_all(saved)
    assert broken == [] and recipe.saved_by == "planner@lansstyrelsen.se"
    (table,) = recipe.choices.tables
    assert table.header is None and dict(table.columns)["B"] == ColumnChoice("target", program="settlement")
    assert recipe.layouts[0].header == ("ort", "beslutat", "hittills", "notering")


def test_a_file_of_another_layout_is_not_read_with_the_recipe(saved):
    other = ingest.ingest_bytes(
        "kommuntal.csv", b"Kommuntal 2025\nKommun;Kommuntal\nFalun;3\n", store_path=saved
    )
    assert other.recipe is None
    with pytest.raises(ingest.IngestRefused) as refused:
        ingest.ingest_bytes("kommuntal2.csv", b"Kommuntal 2025\nKommun;Antal\nFalun;3\n", recipe=NAME,
                            store_path=saved)  # fmt: skip
    assert [p.code for p in refused.value.problems] == ["recipe_does_not_fit"]


def test_a_recipe_edited_by_hand_is_never_applied_and_can_be_removed(saved):
    (file,) = (documents.folder(saved) / recipes.KIND).glob("*.json")
    held = json.loads(file.read_text())
    held["body"]["choices"]["tables"][0]["columns"]["B"]["kind"] = "drop table"
    file.write_text(json.dumps(held))
    good, broken = recipes.read_all(saved)
    assert good == [] and [name for name, _ in broken] == [NAME]
    g = next_month_summary_csv(notes=1)
    with pytest.raises(ingest.IngestRefused) as refused:
        ingest.ingest_bytes(g.name, g.data, recipe=NAME, store_path=saved)
    assert [p.code for p in refused.value.problems] == ["recipe_broken"]
    assert recipes.remove(NAME, saved) and recipes.names(saved) == []


def test_a_recipe_file_that_is_not_json_does_not_break_the_list(saved):
    (file,) = (documents.folder(saved) / recipes.KIND).glob("*.json")
    file.write_text("{ not json")
    assert recipes.read_all(saved) == ([], [])


def test_the_command_line_lists_uses_and_removes_recipes(saved, tmp_path):
    listed = cli(saved, "recipes")
    assert listed.returncode == 0, listed.stderr
    assert NAME in listed.stdout and "B: mål (Bosättningslagen (kommuntal))" in listed.stdout
    g = next_month_summary_csv(notes=1)
    done = cli(saved, "ingest", str(g.write(tmp_path)), "--recipe", NAME)
    assert done.returncode == 0, done.stderr
    assert f"Läst enligt receptet {NAME}." in done.stdout
    removed = cli(saved, "recipes", "--remove", NAME)
    assert removed.returncode == 0 and recipes.names(saved) == []
    assert cli(saved, "recipes", "--remove", NAME).returncode == 2
