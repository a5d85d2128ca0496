"""The house palette (reception.charts) for colour-vision deficiencies and contrast.

Simulated with Machado et al. (2009) for protanopia, deuteranopia and tritanopia; distances in
CIEDE2000. Categorical colours drawn next to each other must stay apart; "above" and "below
target" must stay clearly apart for everyone; the diverging fulfilment scale must keep its order
in lightness; text colours meet WCAG AA on white.
"""

from __future__ import annotations

import numpy as np
import pytest
from cvd import DEFICIENCIES, closest_pairs, contrast, delta_e, hex_to_rgb, simulate, to_lab

from reception import charts

# The first colours of the colorway are the ones charts use side by side (most charts have at
# most four series); every pair of them must stay apart by this much for every deficiency.
LEADING = 4
MIN_DELTA_E_LEADING = 10
# "above target" against "below target": the one distinction every chart relies on
MIN_DELTA_E_ABOVE_BELOW = 25


@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
def test_the_leading_palette_colours_stay_apart(deficiency):
    closest, a, b = closest_pairs(charts.PALETTE[:LEADING], deficiency)[0]
    assert closest >= MIN_DELTA_E_LEADING, f"{a} and {b}: ΔE {closest:.1f} with {deficiency}"


@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
def test_every_palette_colour_is_distinct_from_every_other(deficiency):
    closest, a, b = closest_pairs(charts.PALETTE, deficiency)[0]
    assert closest >= 5, f"{a} and {b}: ΔE {closest:.1f} with {deficiency}"


@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
def test_above_and_below_target_stay_clearly_apart(deficiency):
    closest, _, _ = closest_pairs([charts.ABOVE, charts.BELOW], deficiency)[0]
    assert closest >= MIN_DELTA_E_ABOVE_BELOW


@pytest.mark.parametrize("deficiency", [None, *DEFICIENCIES])
def test_the_fulfilment_scale_keeps_its_order_in_lightness(deficiency):
    """Behind - on target - ahead reads as dark - light - dark, so the middle is lightest."""
    stops = [hex_to_rgb(colour) for _, colour in charts.FULFILMENT_SCALE]
    rgb = np.array(stops) if deficiency is None else simulate(np.array(stops), deficiency)
    lightness = to_lab(rgb)[:, 0]
    assert lightness[1] > lightness[0] + 20 and lightness[1] > lightness[2] + 20
    ends = to_lab(rgb[[0, -1]])
    assert delta_e(ends[0], ends[1]) >= MIN_DELTA_E_ABOVE_BELOW


@pytest.mark.parametrize("colour", ["INK", "GREY"])
def test_colours_used_for_text_meet_wcag_aa_on_white(colour):
    assert contrast(getattr(charts, colour), "#ffffff") >= 4.5


@pytest.mark.parametrize("colour", ["ABOVE", "BELOW"])
def test_above_and_below_marks_meet_wcag_non_text_contrast_on_white(colour):
    """Bars and markers are graphical objects: WCAG 1.4.11 asks 3:1 against their background."""
    assert contrast(getattr(charts, colour), "#ffffff") >= 3
