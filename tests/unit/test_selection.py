"""The selection: SQL parameters, and the URL round trip with invalid values falling back."""

from __future__ import annotations

import pytest

from reception.selection import Selection, default_year


def test_url_round_trip_keeps_every_field():
    chosen = Selection(
        2019, 2024, "region", "Göteborgsregionen", "temporary_protection", "family", "en", True, True
    )
    assert Selection.from_query_params(chosen.to_query_params()) == chosen


def test_per_1000_inhabitants_is_kept_in_the_url_and_off_by_default():
    on = Selection(year_to=default_year(), per_capita=True)
    assert on.to_query_params() == {"per1000": "1"}
    assert Selection.from_query_params({"per1000": "1"}).per_capita
    assert not Selection.from_query_params({}).per_capita
    assert not Selection.from_query_params({"per1000": "kanske"}).per_capita
    assert on.as_params()["per_capita"] is True


def test_picked_municipalities_round_trip_sorted_and_padded():
    sel = Selection.from_query_params({"kommun": "180,1480,bad,0180"})
    assert sel.area_kind == "kommun"
    assert sel.kommun_kods == ("0180", "1480")
    assert Selection.from_query_params(sel.to_query_params()) == sel


def test_defaults_make_a_short_url():
    assert Selection(year_to=default_year()).to_query_params() == {}


@pytest.mark.parametrize(
    "params",
    [
        {"from": "abc", "to": "99999"},
        {"lan": "Dalarna"},
        {"program": "drop table"},
        {"category": "=1+1"},
        {"lang": "fi"},
        {"kommun": ",,,"},
        {"present": "maybe"},
        {"per1000": "maybe"},
        {"from": ["2020", None]},
    ],
)
def test_invalid_url_values_fall_back_to_defaults(params):
    sel = Selection.from_query_params(params)
    assert sel.program == "settlement" and sel.category == "all" and sel.lang == "sv"
    assert sel.area_kind in ("country",) and not sel.present and not sel.per_capita
    assert 2000 <= sel.year_from <= sel.year_to


def test_year_from_after_year_to_is_clamped():
    sel = Selection.from_query_params({"from": "2025", "to": "2020"})
    assert (sel.year_from, sel.year_to) == (2020, 2020)


def test_county_code_loses_no_leading_zero():
    assert Selection.from_query_params({"lan": "1"}).area_code == "01"


def test_as_params_names_what_the_queries_use():
    params = Selection(2020, 2022, "lan", "14").as_params()
    assert params == {
        "year_from": 2020,
        "year_to": 2022,
        "area_kind": "lan",
        "area_code": "14",
        "program": "settlement",
        "category": "all",
        "per_capita": False,
    }


def test_years_label():
    assert Selection(2024, 2024).years_label() == "2024"
    assert Selection(2020, 2024).years_label() == "2020-2024"
