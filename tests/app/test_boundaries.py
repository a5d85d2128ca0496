"""What a user sees when something goes wrong: a short message in their language, never a traceback;
the traceback goes to the operator's log. And a bad line in data/regions.csv is named, not a crash."""

from __future__ import annotations

import logging

import pytest
from app_helpers import PAGES, open_page
from streamlit.testing.v1 import AppTest

from reception import queries, store
from reception.i18n import t

SECRET = "/srv/secret/reception/queries.py"


def everything_shown(at: AppTest) -> str:
    return repr(at._tree)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["sv", "en"])
def test_an_error_in_a_page_is_a_short_message_and_a_logged_traceback(
    demo_store, monkeypatch, caplog, page, lang
):
    real_run = queries.run

    def failing(name, params=None, path=None):
        if name in ("data_freshness", "area_options", "years_available", "datasets_in_year"):
            return real_run(name, params, path)  # the set-up works; the page's own questions fail
        raise RuntimeError(f"disk on fire in {SECRET}")

    monkeypatch.setattr(queries, "run", failing)
    with caplog.at_level(logging.ERROR, logger="reception.pages"):
        at = open_page(page, lang=lang, **({"lan": "20"} if page == "pages/planering.py" else {}))  # a plan
    assert not at.exception
    assert [e.value for e in at.error] == [t("error.page", lang)]
    assert SECRET not in everything_shown(at) and "Traceback" not in everything_shown(at)
    logged = [r for r in caplog.records if r.name == "reception.pages"]
    assert logged and SECRET in str(logged[0].exc_info[1])


def test_a_bad_line_in_regions_csv_is_named_not_a_traceback(tmp_path, monkeypatch):
    regions = tmp_path / "regions.csv"
    regions.write_text(
        "region,kommun_kod,kommun\nGöteborgsregionen,1440,Ale\nGöteborgsregionen;1480;Göteborg\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(store, "REGIONS_CSV", regions)
    monkeypatch.setenv("RECEPTION_DB", str(tmp_path / "reception.duckdb"))
    at = open_page("app.py")
    assert not at.exception
    assert [e.value for e in at.error] == [
        t("error.regions", "sv", line=3, problem=t("regions.fields", "sv", n=1))
    ]
    assert "rad 3" in at.error[0].value
    at = open_page("pages/kapacitet.py", lang="en")
    assert "line 3" in at.error[0].value and not at.exception
