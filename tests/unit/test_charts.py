"""The house style and the figure builders: pure, Swedish separators, sizes for presenting."""

from __future__ import annotations

import pandas as pd
import pytest

from reception.charts import ABOVE, BELOW, SIZES, findings, flows, style, targets


def fulfilment() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "year": [2025] * 3,
            "kommun_kod": ["2061", "2021", "2082"],
            "kommun": ["Smedjebacken", "Vansbro", "Säter"],
            "target": [30.0, 10.0, 20.0],
            "received": [10.0, 4.0, 25.0],
            "gap": [-20.0, -6.0, 5.0],
            "fulfilment": [1 / 3, 0.4, 1.25],
        }
    )


def test_swedish_separators_and_presentation_sizes():
    import plotly.graph_objects as go

    normal = style(go.Figure(go.Scatter(x=[1], y=[1])), lang="sv")
    big = style(go.Figure(go.Scatter(x=[1], y=[1])), present=True, lang="en")
    assert normal.layout.separators == ", " and big.layout.separators == ".,"
    assert big.layout.font.size >= 22 and big.layout.title.font.size >= 30
    assert big.layout.xaxis.tickfont.size >= 20 and big.data[0].line.width >= 4
    assert SIZES[False]["font"] < SIZES[True]["font"]


def test_behind_and_ahead_differ_by_colour_pattern_sign_and_name():
    fig = targets.gap_bars(fulfilment(), "titel", "sv", False)
    below, above = fig.data
    assert (below.marker.color, above.marker.color) == (BELOW, ABOVE)
    assert below.name == "Under målet" and above.name == "Över målet"
    assert below.marker.pattern.shape == "/" and above.marker.pattern.shape == ""
    assert list(above.text) == ["+5"] and list(below.text) == ["-20", "-6"]


def test_map_colours_by_fulfilment_with_names_on_hover():
    geojson = {"type": "FeatureCollection", "features": []}
    fig = targets.fulfilment_map(fulfilment(), geojson, "titel", "sv", False)
    assert list(fig.data[0].z) == pytest.approx([100 / 3, 40.0, 125.0])
    assert "Smedjebacken" in fig.data[0].text[0] and "Mål 30" in fig.data[0].text[0]


def test_totals_leave_unknown_received_out():
    df = fulfilment()
    df.loc[0, ["received", "gap", "fulfilment"]] = None
    total = findings.totals(df)
    assert (total["target"], total["received"], total["behind"]) == (30.0, 29.0, 1)


def test_gap_finding_names_the_worst_and_best():
    title, summary = findings.gap(fulfilment(), 2025, "sv")
    assert title == "2 av 3 kommuner har tagit emot färre än målet 2025"
    assert "Smedjebacken (-20 personer)" in summary and "Säter (+5 personer)" in summary


def test_runout_finding_when_nobody_runs_out():
    df = pd.DataFrame({"kommun": ["A"], "headroom": [5], "months_left": [None], "run_out_month": [None]})
    assert (
        findings.runout(df, "en")[1]
        == "No municipality runs out of places within a year at the current inflow."
    )


def test_inflow_chart_draws_a_rolling_mean_over_bars():
    df = pd.DataFrame({"month": pd.date_range("2025-01-01", periods=3, freq="MS"), "persons": [1, None, 3],
                       "rolling_mean_12": [None, None, 2.0]})  # fmt: skip
    fig = flows.inflow_chart(df, "t", "sv", True)
    assert fig.data[0].type == "bar" and fig.data[1].line.width >= 4


def test_runout_finding_counts_the_full_apart_from_those_running_out():
    df = pd.DataFrame(
        {
            "kommun": ["Full", "Snart", "Sedan", "Aldrig"],
            "headroom": [0, 3, 30, 10],
            "months_left": [0.0, 1.5, 15.0, None],
            "run_out_month": [
                pd.Timestamp(2026, 10, 1),
                pd.Timestamp(2026, 12, 1),
                pd.Timestamp(2028, 1, 1),
                None,
            ],
        }
    )
    assert findings.runout(df, "sv")[1].startswith("1 kommuner är redan fulla. 1 till får slut")
    assert "Snart (dec 2026)" in findings.runout(df, "sv")[1]


def test_each_capacity_bar_says_its_free_places_of_its_places_in_words():
    df = pd.DataFrame(
        {
            "kommun": ["Helsingborg", "Falun"],
            "places": [2070, 40],
            "occupied": [2070, 25],
            "headroom": [0, 15],
        }
    )
    for lang, expected in (
        ("sv", ["15 lediga av 40", "0 lediga av 2\xa0070"]),
        ("en", ["15 free of 40", "0 free of 2,070"]),
    ):
        fig = flows.headroom_bars(df, "t", lang, False)
        assert list(fig.data[1].text) == expected
        assert fig.layout.xaxis.range == (0, 2070 * 1.3)  # room for the longest bar's words


def test_one_free_place_is_said_in_the_singular():
    df = pd.DataFrame({"kommun": ["Boden"], "places": [65], "occupied": [64], "headroom": [1]})
    assert list(flows.headroom_bars(df, "t", "sv", False).data[1].text) == ["1 ledig av 65"]
    assert list(flows.headroom_bars(df, "t", "en", False).data[1].text) == ["1 free of 65"]


@pytest.mark.parametrize(
    ("difference", "sv", "en", "arrow"),
    [
        (-1121.0, "1\u00a0121 färre än vanligt (3\u00a0400)", "1,121 fewer than usual (3,400)", "down"),
        (0.6, "1 fler än vanligt (3\u00a0400)", "1 more than usual (3,400)", "up"),
        (-0.4, "som vanligt (3\u00a0400)", "as usual (3,400)", "off"),  # never '↓ 0 färre än vanligt'
        (-0.5, "som vanligt (3\u00a0400)", "as usual (3,400)", "off"),  # 0.5 is written 0: no difference
        (0.0, "som vanligt (3\u00a0400)", "as usual (3,400)", "off"),
    ],
)
def test_the_month_against_the_usual_in_words_and_arrow(difference, sv, en, arrow):
    from reception.i18n import set_language

    month = pd.Series({"usual_persons": 3400.0, "difference": difference})
    try:
        for lang, words in (("sv", sv), ("en", en)):
            set_language(lang)
            assert findings.versus_usual(month) == (words, arrow)
    finally:
        set_language("sv")
    assert findings.versus_usual(pd.Series({"usual_persons": None, "difference": None})) == (None, "off")
