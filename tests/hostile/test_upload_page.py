"""The Data page's upload goes through the child: a hostile file is a refusal in the page's language."""

from __future__ import annotations

from pathlib import Path

import corpus
from streamlit.testing.v1 import AppTest

from reception import store
from reception.ingest import guard

ROOT = Path(__file__).resolve().parents[2]


def test_the_far_corner_sheet_is_refused_on_the_data_page_in_english(demo_store):
    before = store.data_version(demo_store)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/data.py").run()
    name, data = corpus.far_corner("A1:XFD1048576")
    at.get("file_uploader")[0].set_value((name, data, "application/octet-stream")).run()  # previewed at once
    assert not at.exception
    assert at.error[0].value.startswith("The file was not loaded. Nothing has changed.")
    problems = at.dataframe[0].value
    assert name in at.error[0].value.replace("\\", "")  # shown as escaped Markdown: text stays text
    assert problems["Problem"].tolist() == [
        "The sheet 'Blad1' declares the range A1:XFD1048576; "
        f"the limit is {guard.UPLOAD.cells:,} cells per sheet.".replace(",", " ")
    ]
    assert store.data_version(demo_store) == before
