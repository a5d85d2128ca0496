"""The Data page in English: a refused file's problems, and a loaded file's summary and notes, read in
English (worded through the label table), in Swedish on the Swedish page."""

from __future__ import annotations

from app_helpers import open_page, shown

from reception import store
from reception.i18n import t

BAD = "Kommun;Kommuntal 2025\nAtlantis;12\nSäter;tolv\n".encode("cp1252")


def _upload(at, name: str, data: bytes, lang: str, *, load: bool = True):
    """Upload a file (its preview shows at once) and, with ``load``, press the preview's load button."""
    at.get("file_uploader")[0].set_value((name, data, "text/csv")).run()
    if load:
        next(b for b in at.button if b.label == t("data.load_button", lang)).click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_a_refusal_on_the_english_page_lists_english_problems(demo_store):
    before = store.data_version(demo_store)
    at = _upload(open_page("pages/data.py", lang="en"), "broken.csv", BAD, "en", load=False)
    assert at.error[0].value.startswith("The file was not loaded. Nothing has changed.")
    problems = at.dataframe[0].value
    assert problems[t("problem.message", "en")].tolist() == [
        "unknown municipality.",
        "text where a number should be.",
    ]
    assert store.data_version(demo_store) == before


def test_the_same_refusal_on_the_swedish_page_is_swedish(demo_store):
    at = _upload(open_page("pages/data.py"), "trasig.csv", BAD, "sv", load=False)
    problems = at.dataframe[0].value
    assert problems["Problem"].tolist() == ["okänd kommun.", "text där det ska stå ett tal."]


def test_a_loaded_file_is_summarised_in_english(demo_store):
    data = "Kommuntal 2025\nKommun;Antal\nSäter;12\nLudvika;30\nTotalt;42\n".encode("cp1252")
    at = _upload(open_page("pages/data.py", lang="en"), "kommuntal.csv", data, "en")
    summary = shown(at.success[0].value)
    assert "Targets per municipality: load " in summary and "total target: 42" in summary
    assert "Column B (Antal) is read as Settlement Act (municipal quota), as the title says." in shown(
        " ".join(e.value for e in at.markdown)
    )
