"""Every page under AppTest: on the demo store and an empty one, every control, the URL round trip,
the language switch, presentation mode, and downloads whose bytes parse back to the numbers shown."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pandas as pd
import pytest
from app_helpers import PAGES, buttons, download_bytes, download_name, open_page, read_csv, shown
from openpyxl import load_workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
import official_files as of  # noqa: E402

from reception import export, queries, store
from reception.i18n import fmt_int, t
from reception.selection import Selection

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_exception_on_the_demo(demo_store, page):
    at = open_page(page)
    assert at.title[0].value
    assert any("Demodata" in info.value for info in at.info)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_offers_a_friendly_start_on_an_empty_store(store_path, page):
    at = open_page(page)
    assert not at.error
    assert [b.label for b in at.button if b.key == "empty_load_demo"] == ["Läs in demodata"]
    assert not at.get("plotly_chart")


def test_the_friendly_start_loads_the_demo(store_path):
    at = open_page("app.py")
    next(b for b in at.button if b.key == "empty_load_demo").click().run()
    assert not at.exception
    assert not store.is_empty(store_path)
    assert len(at.get("plotly_chart")) == 2


@pytest.mark.parametrize("page", [p for p in PAGES if p != "pages/data.py"])  # Data draws no chart
def test_every_chart_has_a_title_a_summary_a_source_and_three_downloads(demo_store, page):
    at = open_page(page, **({"lan": "20", "to": "2026"} if page == "pages/planering.py" else {}))  # a plan
    if page == "pages/mote.py":  # its chart shows the months new since a load: pick the first load
        since = next(s for s in at.selectbox if s.label == t("meeting.from_load", "sv"))
        since.set_value(int(since.options[-1].split(" · ")[0])).run()  # listed newest first
    charts = at.get("plotly_chart")
    assert charts, page
    captions = [c.value for c in at.caption]
    assert sum(c.startswith("Källa:") for c in captions) >= len(charts), page
    for chart in charts:
        spec = json.loads(chart.proto.spec)
        assert spec["layout"]["title"]["text"].strip(), page  # the template writes an empty title
        assert spec["layout"]["separators"] == ", "
    assert len(buttons(at, "CSV för Excel")) >= len(charts)
    assert len(buttons(at, "xlsx")) >= len(charts)


def test_url_round_trip_reproduces_the_selection(demo_store):
    url = {"from": "2020", "to": "2024", "lan": "14", "program": "temporary_protection", "category": "family"}
    at = open_page("pages/mal.py", **url)
    assert {k: at.query_params[k] for k in url} == url
    assert at.selectbox(key="w_lan").value == "14"
    assert at.selectbox(key="w_program").value == "temporary_protection"
    assert at.selectbox(key="w_year_from").value == 2020
    assert Selection.from_query_params(dict(at.query_params)) == Selection(
        2020, 2024, "lan", "14", "temporary_protection", "family"
    )


def test_invalid_url_values_show_the_defaults_without_error(demo_store):
    at = open_page("app.py", lan="xx", program="nope", to="1700", lang="de")
    assert at.title[0].value == "Översikt"
    assert at.selectbox(key="w_area_kind").value == "country"


def test_the_selection_survives_a_page_switch(demo_store):
    at = open_page("app.py", region="Göteborgsregionen")
    at.switch_page("pages/kapacitet.py").run()
    assert at.selectbox(key="w_region").value == "Göteborgsregionen"
    assert at.query_params["region"] == "Göteborgsregionen"


def test_every_control_changes_the_selection_and_the_url(demo_store):
    at = open_page("app.py")
    at.selectbox(key="w_year_from").set_value(2022).run()
    at.selectbox(key="w_year_to").set_value(2024).run()
    assert (at.query_params["from"], at.query_params["to"]) == ("2022", "2024")
    assert at.metric[0].label == "Mål 2024"
    at.selectbox(key="w_area_kind").set_value("lan").run()
    at.selectbox(key="w_lan").set_value("20").run()
    assert at.query_params["lan"] == "20"
    at.selectbox(key="w_area_kind").set_value("region").run()
    at.selectbox(key="w_region").set_value("Dalarnas pilotgrupp").run()
    assert at.query_params["region"] == "Dalarnas pilotgrupp"
    at.selectbox(key="w_area_kind").set_value("kommun").run()
    at.multiselect(key="w_kommun").set_value(["2021", "2082"]).run()
    assert at.query_params["kommun"] == "2021,2082"
    at.selectbox(key="w_program").set_value("unaccompanied_minors").run()
    at.selectbox(key="w_category").set_value("family").run()
    assert (at.query_params["program"], at.query_params["category"]) == ("unaccompanied_minors", "family")
    at.toggle(key="w_present").set_value(True).run()
    assert at.query_params["present"] == "1"
    assert not at.exception


def test_the_language_switch_translates_the_page(demo_store):
    at = open_page("pages/kapacitet.py")
    at.radio(key="w_lang").set_value("en").run()
    assert at.title[0].value == "Capacity"
    assert at.query_params["lang"] == "en"
    assert any(c.value.startswith("Source:") for c in at.caption)
    at.switch_page("pages/variation.py").run()
    assert at.title[0].value == "Variation over time"


def test_presentation_mode_shows_the_selection_as_heading_and_no_downloads(demo_store):
    at = open_page("pages/mal.py", present="1", region="Göteborgsregionen", to="2026")
    assert at.subheader[0].value.startswith("Göteborgsregionen · Bosättningslagen")
    assert not at.get("download_button")
    next(b for b in at.button if "Lämna" in b.label).click().run()
    assert "present" not in at.query_params


def test_overview_downloads_parse_back_to_the_tiles(demo_store):
    at = open_page("app.py", region="Göteborgsregionen")
    csv = read_csv(download_bytes(buttons(at, "CSV")[0]))  # the ranking's: the map's data, bars first
    excel = read_csv(download_bytes(buttons(at, "CSV för Excel")[0]), excel=True)
    assert len(csv) == 13
    assert excel["fulfilment"].tolist() == pytest.approx(csv["fulfilment"].tolist(), nan_ok=True)
    tiles = {m.label: m.value for m in at.metric}
    assert tiles["Mål 2026"] == fmt_int(csv["target"].sum(), "sv")
    received = fmt_int(csv["received"].sum(), "sv")
    assert tiles["Mottagna 2026"] == (f"minst {received}" if csv["received"].isna().any() else received)
    names = [download_name(b) for b in buttons(at, "CSV")]
    assert any(n.startswith("mottagande_oversikt_karta_GR_2026_") for n in names), names


def test_every_csv_download_matches_its_swedish_excel_twin(demo_store):
    for page in ("pages/mal.py", "pages/kapacitet.py", "pages/variation.py"):
        at = open_page(page, lan="20")
        plain, excel = buttons(at, "⤓ CSV"), buttons(at, "CSV för Excel")
        plain = [b for b in plain if b not in excel]
        assert len(plain) == len(excel) >= 3, page
        for a, b in zip(plain, excel, strict=True):
            left, right = read_csv(download_bytes(a)), read_csv(download_bytes(b), excel=True)
            assert list(left.columns) == list(right.columns)
            numeric = left.select_dtypes("number").columns
            assert left[numeric].to_numpy().ravel().tolist() == pytest.approx(
                right[numeric].to_numpy().ravel().tolist(), nan_ok=True
            )


def test_gap_caption_names_the_numbers_in_the_download(demo_store):
    at = open_page("pages/mal.py", lan="20")
    data = read_csv(download_bytes(buttons(at, "CSV")[0])).sort_values("gap")
    worst = data.iloc[0]
    assert f"{worst['kommun']} ({fmt_int(worst['gap'], 'sv')} personer)" in at.caption[0].value


def test_xlsx_has_the_data_and_an_about_sheet(demo_store):
    params = Selection(2026, 2026, "lan", "20").as_params()
    frame = queries.run("fulfilment_by_municipality", params)
    book = load_workbook(io.BytesIO(export.to_xlsx(frame, {"Källfiler": "demo: mål"})))
    assert book.sheetnames == ["Data", "Om data"]
    rows = list(book["Data"].values)
    assert len(rows) == len(frame) + 1 and rows[1][2] == frame["kommun"].iloc[0]


def test_data_page_undoes_a_load_and_downloads_a_view(demo_store):
    at = open_page("pages/data.py")
    at.selectbox(key="view_pick").set_value("capacity").run()
    view = read_csv(download_bytes(buttons(at, "⤓ CSV")[0]))
    assert len(view) == 37_700 * 3
    loads = queries.run("data_loads").set_index("load_id")
    arrivals = int(loads.index[loads["dataset"] == "arrivals"][0])
    assert loads["undone_at"].isna().all()
    at.selectbox(key="undo_pick").set_value(arrivals).run()
    at.button(key="undo_button").click().run()
    assert pd.isna(queries.run("data_loads").set_index("load_id").loc[arrivals, "undone_at"])  # asked first
    at.button(key="undo_yes").click().run()
    assert not at.exception
    loads = queries.run("data_loads").set_index("load_id")
    assert pd.notna(loads.loc[arrivals, "undone_at"])  # this load, and only it, is undone
    assert loads.drop(index=arrivals)["undone_at"].isna().all()
    with store.connect_read(demo_store) as con:
        assert con.execute("select count(*) from arrivals_year").fetchone()[0] == 0
        assert con.execute("select count(*) from targets").fetchone()[0] > 0


def test_a_refused_upload_shows_every_problem_as_a_table_and_changes_nothing(demo_store):
    before = store.data_version(demo_store)
    at = open_page("pages/data.py")
    bad = "Kommun;Kommuntal 2025\nAtlantis;12\nSäter;tolv\n".encode("cp1252")
    at.get("file_uploader")[0].set_value(("trasig.csv", bad, "text/csv")).run()  # previewed at once
    assert not at.exception
    assert at.button(key="upload_button").disabled
    assert at.error[0].value.startswith("Filen lästes inte in. Ingenting har ändrats.")
    assert "trasig.csv" in shown(at.error[0].value)
    problems = at.dataframe[0].value
    assert problems["Rad"].tolist() == [2, 3]
    assert problems["Värde"].tolist() == ["Atlantis", "tolv"]
    assert store.data_version(demo_store) == before


def test_an_uploaded_file_is_loaded_summarised_and_shown_in_the_history(demo_store):
    at = open_page("pages/data.py")
    kommuntal = "Kommuntal 2027\n\nKommun;Kommuntal;Anvisade\nSTOCKHOLM;1\u00a0200;..\nMALUNG;7;3\n".encode()
    at.get("file_uploader")[0].set_value(("kommuntal_2027.csv", kommuntal, "text/csv")).run()
    next(b for b in at.button if b.label == "Läs in").click().run()
    assert not at.exception
    assert shown(at.success[0].value).startswith("Inläst: kommuntal_2027.csv")
    assert "summa mål: 1\u00a0207" in shown(at.success[0].value)
    assert "MALUNG → Malung-Sälen" in shown(" ".join(c.value for c in at.caption))
    history = at.dataframe[0].value
    assert history.iloc[0]["source"] == "kommuntal_2027.csv"
    picked = Selection(2027, 2027, "kommun", "0180,2023")
    frame = queries.run("fulfilment_by_municipality", picked.as_params())
    assert frame.set_index("kommun")["target"].to_dict() == {"Stockholm": 1200, "Malung-Sälen": 7}


def test_a_real_file_uploaded_on_the_data_page_retires_the_demo(demo_store):
    kommuntal = of.kommuntal_xlsx()  # 2024, ten municipalities, the official layout
    at = open_page("pages/data.py")
    assert any("Demodata" in info.value for info in at.info)  # the banner, while the demo is on screen
    at.get("file_uploader")[0].set_value((kommuntal.name, kommuntal.data, XLSX)).run()
    next(b for b in at.button if b.label == "Läs in").click().run()
    assert not at.exception
    assert t("data.demo_removed", "sv") in [info.value for info in at.info]
    with store.connect_read(demo_store) as con:
        targets = dict(
            con.execute(
                "select kommun_kod, target from targets where year = 2024 and program = 'settlement'"
            ).fetchall()
        )
        assert targets == {e.kod: e.target for e in of.KOMMUNTAL_2024}  # over all 290: only the file's
        assert con.execute("select count(*) from arrivals_year").fetchone()[0] == 0
        assert con.execute("select count(*) from capacity").fetchone()[0] == 0
        why = con.execute("select distinct undone_reason from loads where is_demo").fetchall()
    assert why == [("real_loaded",)]
    history = at.dataframe[0].value
    assert set(history.loc[history["is_demo"], "undone_reason"]) == {"ersatt av riktiga data"}
    at.switch_page("app.py").run()  # no demo figures on screen: no banner
    assert not any("Demodata" in info.value for info in at.info)
