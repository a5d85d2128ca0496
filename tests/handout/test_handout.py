"""The handout: the deck as a PDF with one page per slide, whose text can be read back out."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import plotly.io.json
import pytest
from pypdf import PdfReader

from reception import queries, site
from reception.__main__ import main
from reception.charts import headline
from reception.meeting import deck, handout, sample
from reception.meeting.deck import Deck, Slide
from reception.selection import Selection
from reception.store import documents

PRINTED = date(2026, 11, 22)
SAMPLE = sample.sample_deck()


@pytest.fixture(scope="module")
def module_store(_demo_master, tmp_path_factory, chromium) -> Path:
    path = tmp_path_factory.mktemp("handout") / "reception.duckdb"
    documents.copy_store(_demo_master, path)
    return path


def pages_text(pdf: bytes, folder: Path) -> list[str]:
    file = folder / "handout.pdf"
    file.write_bytes(pdf)
    return [" ".join(page.extract_text().split()) for page in PdfReader(file).pages]


def expected(slide: Slide, store: Path, lang: str) -> headline.Built:
    """What the slide's page shows first, built here the way the handout must have built it."""
    parts = urlsplit(slide.url)
    selection = replace(Selection.from_query_params(dict(parse_qsl(parts.query))), lang=lang)
    return headline.build(parts.path, selection, lambda n, s: queries.run(n, s.as_params(), store))


@pytest.fixture(scope="module")
def swedish(module_store, tmp_path_factory) -> list[str]:
    pdf = handout.build(SAMPLE, path=module_store, today=PRINTED)
    assert pdf.startswith(b"%PDF")
    return pages_text(pdf, tmp_path_factory.mktemp("sv"))


def test_one_page_per_slide_with_its_title_finding_summary_and_source(swedish, module_store):
    assert len(swedish) == len(SAMPLE.slides) == 4
    fresh = queries.run("data_freshness", None, module_store)
    for text, slide in zip(swedish, SAMPLE.slides, strict=True):
        built = expected(slide, module_store, "sv")
        assert built.figure is not None
        for part in (
            slide.title,
            built.title,
            built.summary,
            headline.source_line(fresh, built.datasets, "sv"),
        ):
            assert " ".join(part.split()) in text


def test_swedish_by_default_with_page_numbers_date_and_the_selection_in_words(swedish):
    assert "Sida 1 av 4 · Utskriven 2026-11-22" in swedish[0]
    assert "Sida 4 av 4" in swedish[3]
    assert "Hela landet · Bosättningslagen (kommuntal) · 2016-2026 · Alla kategorier" in swedish[0]
    assert "Göteborgsregionen · Bosättningslagen" in swedish[1]
    assert "Dalarnas län" in swedish[2]
    assert "Källa: demo. Data till och med okt 2026." in swedish[2]


def test_english_with_lang_en(module_store, tmp_path):
    one = Deck(title="Meeting", slides=(Slide("Capacity in Dalarna", "/kapacitet?lan=20"),))
    text = pages_text(handout.build(one, "en", module_store, PRINTED), tmp_path)
    built = expected(one.slides[0], module_store, "en")
    assert len(text) == 1
    assert "Page 1 of 1 · Printed 2026-11-22" in text[0]
    assert "Source: demo. Data up to Oct 2026." in text[0]
    assert built.summary in text[0] and "free" in built.summary
    assert "Källa" not in text[0] and "Sida" not in text[0]


def test_a_deck_never_renamed_is_titled_in_english(module_store, tmp_path):
    one = Deck(slides=(Slide("Capacity in Dalarna", "/kapacitet?lan=20"),))
    text = pages_text(handout.build(one, "en", module_store, PRINTED), tmp_path)
    assert "Network meeting" in text[0] and "Nätverksmöte" not in text[0]


def test_pages_without_a_chart_and_broken_slides_still_get_their_page(module_store, tmp_path):
    odd = Deck(
        slides=(Slide("Data", "/data"), Slide("Elsewhere", "https://example.org/"), Slide("Riket", "/"))
    )
    text = pages_text(handout.build(odd, path=module_store, today=PRINTED), tmp_path)
    assert len(text) == 3
    assert "inget eget diagram" in text[0] and "/data" in text[0]
    assert "pekar inte på en sida i appen" in text[1]
    assert "Hur långt har kommunerna kommit" in text[2]


def test_an_empty_deck_is_refused_in_words():
    with pytest.raises(handout.HandoutFailed) as refused:
        handout.build(Deck())
    assert refused.value.message("en").startswith("The meeting has no slides yet")


def test_every_headline_is_a_page_of_the_app():
    assert set(headline.HEADLINES) <= site.url_paths()
    # Möte and Data have no chart of their own; Planering's scenario is a draft whose inputs are not in
    # its link, so a slide of it prints the link to open (handout.no_chart), not a chart
    assert set(headline.HEADLINES) >= site.url_paths() - {"/mote", "/data", "/planering"}


def test_the_demo_comes_with_the_sample_deck_and_keeps_a_saved_one(module_store, store_path):
    assert deck.load(module_store).slides == SAMPLE.slides
    mine = Deck(title="Mitt möte", slides=(Slide("Mål", "/mal"),))
    deck.save(mine, store_path)
    sample.seed_sample_deck(store_path)
    assert deck.load(store_path).slides == mine.slides
    deck.save(Deck(), store_path)
    sample.seed_sample_deck(store_path)
    assert deck.load(store_path).slides == SAMPLE.slides


def test_the_command_line_writes_the_saved_deck_and_a_single_page(module_store, tmp_path, capsys):
    out = tmp_path / "mote.pdf"
    assert main(["--db", str(module_store), "handout", "--out", str(out)]) == 0
    assert len(PdfReader(out).pages) == 4
    assert "4 sidor" in capsys.readouterr().out
    one = tmp_path / "one.pdf"
    link = "http://localhost:8501/variation?lan=20&present=1"
    assert (
        main(["--db", str(module_store), "handout", "--page", link, "--lang", "en", "--out", str(one)]) == 0
    )
    text = pages_text(one.read_bytes(), tmp_path)
    assert len(text) == 1 and "Variation over time" in text[0] and "Dalarnas län" in text[0]


def test_the_command_line_refuses_a_bad_deck_file(module_store, tmp_path, capsys):
    bad = tmp_path / "mote.json"
    bad.write_text('{"format": "reception-meeting-deck", "version": 1, "slides": [{"title": "x"}]}')
    out = tmp_path / "never.pdf"
    assert main(["--db", str(module_store), "handout", "--deck", str(bad), "--out", str(out)]) == 2
    assert "länken saknas" in capsys.readouterr().err
    assert not out.exists()


def test_without_a_browser_the_handout_is_refused_in_words(module_store, tmp_path, monkeypatch):
    handout.BROWSER.close()  # the browser kept from earlier handouts: the next one starts anew
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-chromium-here"))
    with pytest.raises(handout.HandoutFailed) as refused:
        handout.build(handout.single_page("/variation"), path=module_store)
    assert refused.value.code == "handout.no_browser"
    assert "could not be drawn" in refused.value.message("en")


def test_the_browser_is_kept_for_the_next_handout_and_started_anew_after_a_failure(module_store, monkeypatch):
    handout.build(handout.single_page("/variation"), path=module_store)
    kept = handout.BROWSER._kaleido
    handout.build(handout.single_page("/kapacitet"), path=module_store)
    assert kept is not None and handout.BROWSER._kaleido is kept
    monkeypatch.setattr(handout.Browser, "DRAW_S", 0.001)  # a draw that times out closes the browser
    with pytest.raises(handout.HandoutFailed):
        handout.build(handout.single_page("/variation"), path=module_store)
    assert handout.BROWSER._kaleido is None
    monkeypatch.undo()
    assert handout.build(handout.single_page("/variation"), path=module_store).startswith(b"%PDF")


def test_a_first_handout_starts_its_browser_before_it_runs_the_queries(module_store, monkeypatch):
    """Starting chromium is most of a first handout's time: it starts while the slides are worked out."""
    handout.BROWSER.close()
    order: list[str] = []
    warm, sheets = handout.BROWSER.warm, handout.sheets
    monkeypatch.setattr(handout.BROWSER, "warm", lambda: (order.append("browser"), warm())[1])
    monkeypatch.setattr(handout, "sheets", lambda *a: (order.append("queries"), sheets(*a))[1])
    assert handout.build(handout.single_page("/variation"), path=module_store).startswith(b"%PDF")
    assert order == ["browser", "queries"]


def test_the_image_is_drawn_from_the_slide_figure_without_its_title_and_leaves_the_figure_as_it_was(
    module_store,
):
    def text(fig: dict) -> str:
        return plotly.io.json.to_json_plotly(fig, pretty=True)

    figure = expected(SAMPLE.slides[0], module_store, "sv").figure
    before = figure.to_plotly_json()
    drawn = handout._untitled(figure)
    assert drawn["layout"]["title"]["text"] == "" and drawn["layout"]["margin"]["t"] == 40
    assert text(figure.to_plotly_json()) == text(before) and before["layout"]["title"]["text"]
    before["layout"]["title"]["text"], before["layout"].setdefault("margin", {})["t"] = "", 40
    assert text(drawn) == text(before)
