"""The scenario arithmetic: a total shared out between municipalities in whole numbers.

The distribution (:func:`allocate`) is pure arithmetic on exact fractions:

1. The exact share of each municipality is ``clamp(λ × weight, floor, cap)``, with the one λ that
   makes the shares add up to the total (the shares of the unbounded municipalities stay in
   proportion to their weights; a capped or floored one keeps its bound and the rest is
   redistributed among the others).
2. Every municipality gets its exact share rounded down; the places still left go one each to the
   largest remainders (the largest remainder method, Hamilton's method). Ties go to the larger
   weight, then to the lower kommun_kod: a stated, stable rule.

So the numbers add up exactly to the total, none is below its floor or above its cap, and each is
within one of its exact share. A total the bounds cannot reach is refused (:class:`ScenarioRefused`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

from reception.refusal import Refusal
from reception.text import clip


class ScenarioRefused(Refusal):
    """A scenario the user asked for that cannot be made; ``code`` names the label, ``fields`` fill it.

    The message users read is ``t(f"plan.refused.{code}", **fields)``.
    """

    def __init__(self, code: str, /, **fields: object):
        self.code = code
        self.fields = {k: clip(v) if isinstance(v, str) else v for k, v in fields.items()}
        super().__init__(code)


@dataclass(frozen=True)
class Allocation:
    """A distribution: whole numbers, the exact shares they round, and the bounds they respect."""

    numbers: dict[str, int]
    exact: dict[str, Fraction]
    floors: dict[str, int] = field(default_factory=dict)
    caps: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.numbers.values())


def _fraction(value: object) -> Fraction:
    number = Fraction(value) if isinstance(value, int | Fraction) else Fraction(float(value))
    return number


def _bounds(codes, floors, caps) -> tuple[dict[str, int], dict[str, int | None]]:
    low = {c: int((floors or {}).get(c) or 0) for c in codes}
    high = {c: (None if (caps or {}).get(c) is None else int(caps[c])) for c in codes}
    for c in codes:
        if low[c] < 0 or (high[c] is not None and high[c] < 0):
            raise ScenarioRefused("negative_bound", kommun_kod=c)
        if high[c] is not None and high[c] < low[c]:
            raise ScenarioRefused("cap_below_floor", kommun_kod=c, floor=low[c], cap=high[c])
    return low, high


def _solve_lambda(total: int, weights: dict[str, Fraction], low: dict, high: dict) -> Fraction:
    """The λ for which Σ clamp(λ·w, low, high) = total (the function is monotone and piecewise linear)."""

    def filled(lam: Fraction) -> Fraction:
        out = Fraction(0)
        for c, w in weights.items():
            x = max(Fraction(low[c]), lam * w)
            out += x if high[c] is None else min(x, Fraction(high[c]))
        return out

    breaks = sorted(
        {Fraction(low[c]) / w for c, w in weights.items() if w > 0}
        | {Fraction(high[c]) / w for c, w in weights.items() if w > 0 and high[c] is not None}
        | {Fraction(0)}
    )
    # the segment [a, b] in which the total is reached, then the linear part solved exactly
    lo_lam = Fraction(0)
    for b in breaks:
        if filled(b) >= total:
            break
        lo_lam = b
    else:
        b = None
    # in (lo_lam, b) the function is a + slope·λ; slope = Σ w of the municipalities between their bounds
    probe = lo_lam + (Fraction(1) if b is None else (b - lo_lam) / 2)
    slope = Fraction(0)
    for c, w in weights.items():
        x = probe * w
        if x > low[c] and (high[c] is None or x < high[c]):
            slope += w
    if slope == 0:
        return b if b is not None else lo_lam
    return lo_lam + (total - filled(lo_lam)) / slope


def allocate(
    total: int,
    weights: Mapping[str, object],
    floors: Mapping[str, int] | None = None,
    caps: Mapping[str, int] | None = None,
) -> Allocation:
    """Share ``total`` out between the municipalities of ``weights`` (kommun_kod -> weight ≥ 0).

    Args:
        total: the whole number to share out (≥ 0).
        weights: the key: any non-negative numbers; only their proportions count.
        floors, caps: optional bounds per kommun_kod (missing = 0 and no cap).

    Raises:
        ScenarioRefused: a negative total or weight, no weight at all, a cap below its floor, floors
            that add up to more than the total, or caps (of the municipalities with a weight) that add
            up to less.
    """
    if total < 0 or int(total) != total:
        raise ScenarioRefused("bad_total", total=total)
    total = int(total)
    if not weights:
        raise ScenarioRefused("no_municipalities")
    exact_w = {c: _fraction(w) for c, w in weights.items()}
    if any(w < 0 for w in exact_w.values()):
        raise ScenarioRefused("negative_weight", kommun_kod=min(c for c, w in exact_w.items() if w < 0))
    low, high = _bounds(list(exact_w), floors, caps)
    floor_sum = sum(low.values())
    if floor_sum > total:
        raise ScenarioRefused("floors_too_high", floors=floor_sum, total=total)
    if floor_sum < total and all(w == 0 for w in exact_w.values()):
        raise ScenarioRefused("no_weight")
    reachable = sum(
        low[c] if w == 0 else high[c] if high[c] is not None else math.inf for c, w in exact_w.items()
    )
    if reachable < total:
        raise ScenarioRefused("caps_too_low", caps=reachable, total=total)
    lam = _solve_lambda(total, exact_w, low, high)
    exact = {}
    for c, w in exact_w.items():
        x = max(Fraction(low[c]), lam * w)
        exact[c] = x if high[c] is None else min(x, Fraction(high[c]))
    numbers = {c: math.floor(x) for c, x in exact.items()}
    left = total - sum(numbers.values())
    # largest remainder first; ties: the larger weight, then the lower kommun_kod
    order = sorted(exact, key=lambda c: (-(exact[c] - numbers[c]), -exact_w[c], c))
    for c in order[:left]:
        numbers[c] += 1
    return Allocation(
        numbers, exact, {c: v for c, v in low.items() if v}, {c: v for c, v in high.items() if v is not None}
    )


def county_share(national_total: int, county_weights: Mapping[str, object], lan_kod: str) -> int:
    """The county's part of a national total shared by the länstal shares (largest remainder)."""
    if lan_kod not in county_weights:
        raise ScenarioRefused("no_county_share", lan_kod=lan_kod)
    return allocate(national_total, county_weights).numbers[lan_kod]
