"""The colour-vision helper itself, against published reference values."""

from __future__ import annotations

import numpy as np
import pytest
from cvd import DEFICIENCIES, closest_pairs, contrast, delta_e, hex_to_rgb, simulate, to_lab


@pytest.mark.parametrize(
    ("lab1", "lab2", "expected"),
    [
        # Sharma, Wu & Dalal (2005), the CIEDE2000 test data, pairs 1, 2, 7, 17 and 25
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 3.1571, -77.2803), (50.0, 0.0, -82.7485), 2.8615),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ],
)
def test_ciede2000_matches_the_published_test_data(lab1, lab2, expected):
    assert delta_e(np.array(lab1), np.array(lab2)) == pytest.approx(expected, abs=1e-4)


def test_white_in_lab_is_lightness_100():
    assert to_lab(np.array([1.0, 1.0, 1.0])) == pytest.approx([100, 0, 0], abs=0.01)


def test_wcag_contrast_of_known_pairs():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("rgb(118, 118, 118)", "#fff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("deficiency", DEFICIENCIES)
def test_greys_look_the_same_to_everyone(deficiency):
    for grey in ("#000000", "#808080", "#ffffff"):
        assert simulate(hex_to_rgb(grey), deficiency) == pytest.approx(hex_to_rgb(grey), abs=0.01)


def hue(lab):
    return np.degrees(np.arctan2(lab[2], lab[1])) % 360


@pytest.mark.parametrize("deficiency", ["protanopia", "deuteranopia"])
def test_red_and_green_take_the_same_hue_for_red_green_deficiencies(deficiency):
    red, green = (hex_to_rgb(c) for c in ("#d62728", "#2ca02c"))
    assert abs(hue(to_lab(red)) - hue(to_lab(green))) > 90
    assert abs(hue(to_lab(simulate(red, deficiency))) - hue(to_lab(simulate(green, deficiency)))) < 20


def test_blue_and_green_are_closer_for_tritanopia_than_for_deuteranopia():
    blue, green = hex_to_rgb("#1f77b4"), hex_to_rgb("#2ca02c")
    seen = {d: delta_e(to_lab(simulate(blue, d)), to_lab(simulate(green, d))) for d in DEFICIENCIES}
    assert seen["tritanopia"] < seen["deuteranopia"]


def test_fewer_than_two_colours_have_no_pairs():
    assert closest_pairs([], "tritanopia") == []
    assert closest_pairs(["#0072B2"], "protanopia") == []
