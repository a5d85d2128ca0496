"""Scenarios: a total shared out between municipalities in whole numbers, and checked against capacity.

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

import pandas as pd

KEYS = ("share", "population", "equal", "file")


class ScenarioRefused(Exception):
    """A scenario the user asked for that cannot be made; ``code`` names the label, ``fields`` fill it.

    The message users read is ``t(f"plan.refused.{code}", **fields)``.
    """

    def __init__(self, code: str, **fields: object):
        self.code = code
        self.fields = fields
        super().__init__(f"{code}: {fields}")


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


def weights_for(
    key: str, basis: pd.DataFrame, uploaded: Mapping[str, float] | None = None
) -> dict[str, float]:
    """The weight per kommun_kod for a key, from the planning basis (kommun_kod, kommuntal, population).

    Raises:
        ScenarioRefused: the key's figures are missing for the county (no kommuntal, no population, no file).
    """
    codes = list(basis["kommun_kod"])
    if key == "equal":
        return dict.fromkeys(codes, 1.0)
    if key == "file":
        if not uploaded:
            raise ScenarioRefused("no_file")
        return {c: float(uploaded.get(c, 0.0)) for c in codes}
    column = {"share": "kommuntal", "population": "population"}.get(key)
    if column is None:
        raise ScenarioRefused("unknown_key", key=key)
    if column not in basis.columns or basis[column].isna().all():
        raise ScenarioRefused(f"no_{column}")
    return {c: (0.0 if pd.isna(v) else float(v)) for c, v in zip(codes, basis[column], strict=True)}


def table(allocation: Allocation, basis: pd.DataFrame, key: str) -> pd.DataFrame:
    """The scenario as a county board's decision: municipality, number, share, exact share, bounds, key."""
    out = basis[["kommun_kod", "kommun"]].copy()
    out["number"] = [allocation.numbers[c] for c in out["kommun_kod"]]
    total = allocation.total
    out["share"] = out["number"] / total if total else 0.0
    out["exact"] = [float(allocation.exact[c]) for c in out["kommun_kod"]]
    out["floor"] = pd.array([allocation.floors.get(c) for c in out["kommun_kod"]], dtype="Int64")
    out["cap"] = pd.array([allocation.caps.get(c) for c in out["kommun_kod"]], dtype="Int64")
    out["key"] = key
    return out.sort_values(["number", "kommun_kod"], ascending=[False, True]).reset_index(drop=True)


def month_profile(profile: pd.DataFrame) -> list[float]:
    """Each calendar month's share of a year's inflow, from ``inflow_month_profile`` (12 shares adding to 1).

    Months without history count as the mean of the others; no history at all gives twelve equal shares.
    """
    means = dict(zip(profile.get("month_of_year", []), profile.get("mean_persons", []), strict=True))
    known = [float(v) for v in means.values() if not pd.isna(v) and v >= 0]
    fill = sum(known) / len(known) if known else 1.0
    values = [float(means[m]) if m in means and not pd.isna(means[m]) else fill for m in range(1, 13)]
    whole = sum(values)
    return [v / whole for v in values] if whole > 0 else [1 / 12] * 12


def capacity_check(
    scenario: pd.DataFrame, spread: pd.DataFrame, shares: list[float], year: int
) -> pd.DataFrame:
    """Each municipality's scenario number against its free places and its 90th-percentile-month buffer.

    Args:
        scenario: :func:`table`'s output (kommun_kod, kommun, number).
        spread: per kommun_kod ``headroom`` (free places now) and ``buffer_needed`` (places a
            90th-percentile month fills, from its own history), as ``inflow_spread`` gives them.
        shares: the twelve months' shares of the year (:func:`month_profile`).
        year: the scenario's year (for the month it runs short from).

    Returns:
        kommun_kod, kommun, number, headroom, buffer_needed, short (places missing for the number),
        short_with_buffer (also keeping a bad month's buffer free) and short_from (the first month
        in which the year's arrivals so far and the buffer no longer fit the free places; NaT if never).
        Unknown headroom gives unknown shortfalls, never zero. Places freeing up during the year
        are not counted: the check is the cautious one.
    """
    known = spread[["kommun_kod", "headroom", "buffer_needed"]].drop_duplicates("kommun_kod")
    out = scenario[["kommun_kod", "kommun", "number"]].merge(known, on="kommun_kod", how="left")
    out["buffer_needed"] = out["buffer_needed"].fillna(0)
    headroom = out["headroom"].astype("Float64").clip(lower=0)
    out["headroom"] = headroom
    out["short"] = (out["number"] - headroom).clip(lower=0)
    out["short_with_buffer"] = (out["number"] + out["buffer_needed"] - headroom).clip(lower=0)
    cumulative = [sum(shares[: m + 1]) for m in range(12)]
    first = []
    for number, buffer, free in zip(out["number"], out["buffer_needed"], headroom, strict=True):
        month = None
        if not pd.isna(free):
            month = next((m + 1 for m in range(12) if number * cumulative[m] + buffer > free + 1e-9), None)
        first.append(pd.Timestamp(year, month, 1) if month else pd.NaT)
    out["short_from"] = pd.to_datetime(pd.Series(first, index=out.index, dtype="datetime64[ns]"))
    return out.sort_values(["short_with_buffer", "number"], ascending=False, na_position="last").reset_index(
        drop=True
    )
