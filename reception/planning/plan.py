"""Planning with scenarios: the key's weights, the table, the capacity check, saving and the decision.

The distribution itself is :func:`reception.planning.allocate.allocate`; this module turns the planning
questions' rows (``queries/planning_*.sql``) into its inputs and its output into tables.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

import pandas as pd

from reception.planning.allocate import Allocation, ScenarioRefused, allocate

KEYS = ("share", "population", "equal", "file")


def weights_for(
    key: str, basis: pd.DataFrame, uploaded: Mapping[str, float] | None = None, year: int | None = None
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
        raise ScenarioRefused("unknown_key", given=key)
    if column not in basis.columns or basis[column].isna().all():
        raise ScenarioRefused(f"no_{column}", year=year)
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
    wanted = [c for c in ("kommun_kod", "headroom", "buffer_needed", "capacity_month") if c in spread.columns]
    known = spread[wanted].drop_duplicates("kommun_kod")
    out = scenario[["kommun_kod", "kommun", "number"]].merge(known, on="kommun_kod", how="left")
    headroom = out["headroom"].astype("Float64").clip(lower=0)
    out["headroom"] = headroom
    out["short"] = (out["number"] - headroom).clip(lower=0)
    buffer = out["buffer_needed"].astype("Float64").fillna(0)  # no history: no buffer to keep
    out["short_with_buffer"] = (out["number"] + buffer - headroom).clip(lower=0)
    cumulative = [sum(shares[: m + 1]) for m in range(12)]
    first = []
    for number, kept, free in zip(out["number"], buffer, headroom, strict=True):
        month = None
        if not pd.isna(free):
            month = next((m + 1 for m in range(12) if number * cumulative[m] + kept > free + 1e-9), None)
        first.append(pd.Timestamp(year, month, 1) if month else pd.NaT)
    for column in ("headroom", "buffer_needed", "short", "short_with_buffer"):
        out[column] = out[column].astype("float64")  # unknown as NaN, as the query results have it
    out["short_from"] = pd.to_datetime(pd.Series(first, index=out.index, dtype="datetime64[ns]"))
    return out.sort_values(["short_with_buffer", "number"], ascending=False, na_position="last").reset_index(
        drop=True
    )


@dataclass(frozen=True)
class Spec:
    """What a scenario is made of (saved as a document of kind "scenario", name = the scenario's name).

    Attributes:
        year, lan_kod: the year and the county. total: the county's total.
        key: one of KEYS. weights: the uploaded weights (key "file" only), file: that file's name.
        floors, caps: bounds per kommun_kod. national_total: the national total the county's total
            was shared from (None when the county's total was given).
    """

    year: int
    lan_kod: str
    total: int
    key: str
    floors: dict[str, int] = field(default_factory=dict)
    caps: dict[str, int] = field(default_factory=dict)
    weights: dict[str, float] | None = None
    file: str | None = None
    national_total: int | None = None

    def document(self, numbers: dict[str, int]) -> dict:
        """The JSON body saved for this scenario: its inputs and the numbers they gave."""
        return {"spec": asdict(self), "numbers": numbers}

    @classmethod
    def from_document(cls, body: dict) -> tuple[Spec, dict[str, int]]:
        return cls(**body["spec"]), {str(k): int(v) for k, v in body["numbers"].items()}


def document_name(spec: Spec, name: str) -> str:
    """A saved scenario's document name: county, year and the planner's name ('20 2027 Förslag A')."""
    return f"{spec.lan_kod} {spec.year} {name}"


def build(spec: Spec, basis: pd.DataFrame) -> pd.DataFrame:
    """The scenario's table (:func:`table`) for the county's ``planning_basis`` rows."""
    weights = weights_for(spec.key, basis, spec.weights, spec.year)
    return table(allocate(spec.total, weights, spec.floors, spec.caps), basis, spec.key)


def with_check(scenario: pd.DataFrame, checked: pd.DataFrame) -> pd.DataFrame:
    """The scenario's table as shown: number, share, exact share and bounds, then the capacity check."""
    columns = ["kommun_kod", "headroom", "buffer_needed", "short_with_buffer", "short_from"]
    shown = scenario[["kommun_kod", "kommun", "number", "share", "exact", "floor", "cap"]]
    return shown.merge(checked[columns], on="kommun_kod", how="left").drop(columns=["kommun_kod"])


def numbers_of(scenario: pd.DataFrame) -> dict[str, int]:
    """kommun_kod -> number, as plain values (for saving as JSON and comparing)."""
    return {str(c): int(n) for c, n in zip(scenario["kommun_kod"], scenario["number"], strict=True)}


def bounds_from(edited: pd.DataFrame) -> tuple[dict[str, int], dict[str, int]]:
    """Floors and caps from an edited table (kommun_kod, floor, cap; empty cells are no bound)."""
    floors, caps = {}, {}
    for code, low, high in zip(edited["kommun_kod"], edited["floor"], edited["cap"], strict=True):
        if not pd.isna(low) and int(low) != 0:
            floors[str(code)] = int(low)
        if not pd.isna(high):
            caps[str(code)] = int(high)
    return floors, caps


def compare(named: dict[str, dict[str, int]], basis: pd.DataFrame) -> pd.DataFrame:
    """Scenarios side by side: kommun_kod, kommun, then one column of numbers per scenario name."""
    out = basis[["kommun_kod", "kommun"]].copy()
    for name, numbers in named.items():
        out[name] = pd.array([numbers.get(c) for c in out["kommun_kod"]], dtype="Int64")
    return out


def decision(
    scenario: pd.DataFrame, key_label: str, labels: dict[str, str], total_label: str
) -> pd.DataFrame:
    """The scenario in the shape of a county board's decision: municipality, number, share, key, a total row.

    Args:
        labels: column headers for kommun, kommun_kod, number, share and key (the user's language).
    """
    rows = scenario.sort_values("kommun_kod")[["kommun", "kommun_kod", "number", "share"]].copy()
    rows["share"] = rows["share"].round(4)
    rows["key"] = key_label
    total = pd.DataFrame(
        [
            {
                "kommun": total_label,
                "kommun_kod": None,
                "number": rows["number"].sum(),
                "share": 1.0,
                "key": None,
            }
        ]
    )
    return pd.concat([rows, total], ignore_index=True).rename(columns=labels)
