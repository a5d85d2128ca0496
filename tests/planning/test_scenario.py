"""The distribution: whole numbers that add up exactly, bounds respected, each within one of its share."""

from __future__ import annotations

import math
from fractions import Fraction

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reception import geo
from reception.planning.allocate import ScenarioRefused, allocate, county_share

MUNICIPALITIES = geo.municipalities().to_pylist()
COUNTIES = sorted({m["lan_kod"] for m in MUNICIPALITIES})


def codes_of(lan_kod: str) -> list[str]:
    return [m["kommun_kod"] for m in MUNICIPALITIES if m["lan_kod"] == lan_kod]


def test_hand_worked_largest_remainder():
    # 10 by 1:1:1 -> 3.33 each; one place left goes to the tie's lowest kommun_kod
    assert allocate(10, {"2080": 1, "2021": 1, "2082": 1}).numbers == {"2080": 3, "2021": 4, "2082": 3}
    # 7 by 5:3:2 -> 3.5, 2.1, 1.4 -> 3, 2, 1 and one left: the largest remainder .5 (2080)
    assert allocate(7, {"2080": 5, "2021": 3, "2082": 2}).numbers == {"2080": 4, "2021": 2, "2082": 1}


def test_tie_goes_to_the_larger_weight_before_the_code():
    # 5 by 3:3:2:2 -> 1.5, 1.5, 1, 1 and one left: remainders .5 tie at the same weight: the lower code
    numbers = allocate(5, {"0002": 3, "0001": 3, "0003": 2, "0004": 2}).numbers
    assert numbers == {"0001": 2, "0002": 1, "0003": 1, "0004": 1}
    # 2 by 1:3 -> 0.5 and 1.5: equal remainders; the larger weight (0002) wins before the lower code
    assert allocate(2, {"0001": 1, "0002": 3}).numbers == {"0001": 0, "0002": 2}


def test_cap_redistributes_to_the_others_in_proportion():
    # 100 by 1:1:2 -> 25, 25, 50; cap 2080 at 10 -> the other 90 by 1:2 -> 30, 60
    alloc = allocate(100, {"2080": 1, "2021": 1, "2082": 2}, caps={"2080": 10})
    assert alloc.numbers == {"2080": 10, "2021": 30, "2082": 60}
    assert alloc.exact["2021"] == 30


def test_floor_takes_from_the_others_in_proportion():
    # 30 by 0:1:2 with a floor of 6 for the first -> 6, then 24 by 1:2 -> 8, 16
    assert allocate(30, {"a": 0, "b": 1, "c": 2}, floors={"a": 6}).numbers == {"a": 6, "b": 8, "c": 16}


def test_cap_and_floor_together_reach_the_total_exactly():
    alloc = allocate(50, {"a": 10, "b": 1, "c": 1, "d": 1}, floors={"b": 12}, caps={"a": 20})
    assert alloc.numbers["a"] == 20 and alloc.numbers["b"] >= 12 and alloc.total == 50


@pytest.mark.parametrize(
    ("total", "floors", "caps", "code"),
    [
        (10, {"a": 6, "b": 6}, None, "floors_too_high"),
        (10, None, {"a": 3, "b": 3}, "caps_too_low"),
        (10, {"a": 4}, {"a": 3}, "cap_below_floor"),
        (-1, None, None, "bad_total"),
    ],
)
def test_infeasible_totals_are_refused_with_a_code(total, floors, caps, code):
    with pytest.raises(ScenarioRefused) as refused:
        allocate(total, {"a": 1, "b": 1}, floors=floors, caps=caps)
    assert refused.value.code == code


def test_zero_weights_everywhere_cannot_share_a_total():
    with pytest.raises(ScenarioRefused) as refused:
        allocate(5, {"a": 0, "b": 0})
    assert refused.value.code == "no_weight"


def test_a_municipality_without_weight_cannot_take_the_rest_of_capped_ones():
    with pytest.raises(ScenarioRefused) as refused:
        allocate(10, {"a": 1, "b": 0}, caps={"a": 4})
    assert refused.value.code == "caps_too_low"


def test_national_total_shared_by_the_lanstal_shares_first():
    # 2026: 8 200 in all, Dalarna 321; the same shares give Dalarna 321 of 8 200 again
    lanstal = pd.read_csv(geo_root() / "data" / "lanstal.csv", dtype={"lan_kod": str})
    shares = lanstal[lanstal["year"] == 2026].set_index("lan_kod")["lanstal"].to_dict()
    assert sum(shares.values()) == 8200
    assert county_share(8200, shares, "20") == 321
    # 10 000 by the same shares: 321 / 8 200 x 10 000 = 391.46
    assert county_share(10_000, shares, "20") in (391, 392)


def geo_root():
    from reception import store

    return store.ROOT


@settings(max_examples=300, deadline=None)
@given(
    lan=st.sampled_from(COUNTIES),
    total=st.integers(min_value=0, max_value=30_000),
    key=st.sampled_from(["equal", "share", "population", "file"]),
    data=st.data(),
)
def test_every_county_and_key_adds_up_within_bounds_and_one_of_its_share(lan, total, key, data):
    codes = codes_of(lan)
    if key == "equal":
        weights = dict.fromkeys(codes, 1)
    elif key == "population":  # population-like: thousands to hundreds of thousands
        weights = {c: data.draw(st.integers(2_000, 1_000_000)) for c in codes}
    elif key == "share":  # kommuntal-like: small whole numbers, some zero
        weights = {c: data.draw(st.integers(0, 400)) for c in codes}
        weights[codes[0]] = max(weights[codes[0]], 1)
    else:  # an uploaded weight column: any non-negative decimals
        weights = {c: data.draw(st.floats(0, 1e6, allow_nan=False)) for c in codes}
        weights[codes[-1]] = max(weights[codes[-1]], 0.5)
    floors = {c: data.draw(st.integers(0, 5)) for c in codes if data.draw(st.booleans())}
    caps = {c: floors.get(c, 0) + data.draw(st.integers(0, 60)) for c in codes if data.draw(st.booleans())}
    floor_sum = sum(floors.values())
    reachable = sum((floors.get(c, 0) if weights[c] == 0 else caps.get(c, math.inf)) for c in codes)
    if not floor_sum <= total <= reachable:
        with pytest.raises(ScenarioRefused):
            allocate(total, weights, floors, caps)
        return
    alloc = allocate(total, weights, floors, caps)
    assert sum(alloc.numbers.values()) == total
    assert set(alloc.numbers) == set(codes)
    assert sum(alloc.exact.values()) == total
    for c in codes:
        number = alloc.numbers[c]
        assert floors.get(c, 0) <= number <= caps.get(c, math.inf)
        assert abs(number - alloc.exact[c]) < 1
        if not floors and not caps and sum(weights.values()) > 0:
            # without bounds the exact share is the plain proportion of the total
            w = {k: Fraction(v) for k, v in weights.items()}
            assert alloc.exact[c] == total * w[c] / sum(w.values())


def test_every_county_shares_its_2026_lanstal_by_population_exactly():
    from reception import store
    from reception.planning import plan

    population = pd.read_csv(store.ROOT / "data" / "population.csv", dtype={"kommun_kod": str})
    lanstal = pd.read_csv(store.ROOT / "data" / "lanstal.csv", dtype={"lan_kod": str})
    year_2019 = population[population["year"] == 2019]
    for row in lanstal[lanstal["year"] == 2026].itertuples():
        basis = year_2019[year_2019["kommun_kod"].str[:2] == row.lan_kod]
        weights = plan.weights_for("population", basis)
        alloc = allocate(row.lanstal, weights)
        assert alloc.total == row.lanstal and len(alloc.numbers) == len(basis) == len(codes_of(row.lan_kod))
        whole = basis["population"].sum()
        for code, people in zip(basis["kommun_kod"], basis["population"], strict=True):
            assert abs(alloc.numbers[code] - row.lanstal * people / whole) < 1
