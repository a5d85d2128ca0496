"""Deterministic demo data for all 290 municipalities, January 2016 to last month.

What is real: the county targets (länstal) where a decision is known (data/lanstal.csv), the
national totals the government announced with them, and the month-of-year shape of inflow, taken
from Migrationsverket's monthly asylum applications 2009–2016 (data/asylum_applications_monthly.csv).
Everything else — the municipal split (by a synthetic size weight, not population), arrivals by
category, capacity — is synthetic and every load is marked as demo.

Arrivals are stored as Migrationsverket publishes them: one year-to-date snapshot per month, the
current year up to the month before ``today`` (the reporting lag). The demo is written through the
importer's writer: loading it retires any earlier demo and every live real load, so the store never
holds two demos, nor demo beside real figures.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from reception import geo, store
from reception.ingest import load
from reception.meeting import sample

FIRST_YEAR = 2016
SEED = 20161
DATASETS = ("targets", "arrivals", "capacity")
MONTHLY_SHAPE_CSV = store.DATA_DIR / "asylum_applications_monthly.csv"

# national totals under the Settlement Act as announced (the final revision of each year);
# 2018 and 2021 were not found and are synthetic
SETTLEMENT_TOTAL = {
    2016: 21700,
    2017: 23600,
    2018: 14400,
    2019: 9000,
    2020: 7100,
    2021: 6700,
    2022: 7500,
    2023: 3300,
    2024: 21700,
    2025: 6600,
    2026: 8200,
}
# fördelningstal for temporary protection (2025 onwards synthetic)
PROTECTION_TOTAL = {2022: 23500, 2023: 7100, 2024: 5500, 2025: 3000, 2026: 2500}
# people received in municipalities outside the assignments: self-settled, family, other (synthetic,
# shaped on the asylum series: the tail of the 2015 peak, then the decline)
RECEIVED_TOTAL = {
    2016: 49000,
    2017: 29000,
    2018: 19000,
    2019: 13500,
    2020: 7400,
    2021: 6500,
    2022: 5600,
    2023: 5000,
    2024: 4600,
    2025: 4200,
    2026: 4300,
}
PROTECTION_RECEIVED = {2022: 19000, 2023: 6300, 2024: 4700, 2025: 2900, 2026: 2300}
# shares of the people received outside the Settlement Act's assignments
CATEGORY_SHARE = {"self_settled": 0.72, "family": 0.22, "other": 0.06}
# assignments fill the year's kommuntal: quota refugees' part of it (synthetic)
QUOTA_PART = 0.38
UNACCOMPANIED_SHARE = {2016: 0.14, 2017: 0.09, 2018: 0.05, 2019: 0.03}
BIG = {
    "0180": 40,
    "1480": 25,
    "1280": 18,
    "0380": 10,
    "0580": 8,
    "1880": 8,
    "1980": 7,
    "0581": 7,
    "0680": 7,
    "1283": 7,
    "2480": 6,
    "1281": 6,
}
KINDS = {"apartment": 0.6, "shared": 0.25, "temporary": 0.15}


def _months(today: date) -> pd.DatetimeIndex:
    last = pd.Timestamp(today.year, today.month, 1) - pd.DateOffset(months=1)
    return pd.date_range(f"{FIRST_YEAR}-01-01", last, freq="MS")


def _season() -> np.ndarray:
    """Month-of-year factors (mean 1) from the real applications 2009–2014, before the peak."""
    with open(MONTHLY_SHAPE_CSV, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if "2009" <= r["month"][:4] <= "2014"]
    frame = pd.DataFrame(
        {
            "m": [int(r["month"][5:7]) for r in rows],
            "y": [r["month"][:4] for r in rows],
            "n": [int(r["applications"]) for r in rows],
        }
    )
    frame["n"] = frame["n"] / frame.groupby("y")["n"].transform("mean")
    profile = frame.groupby("m")["n"].mean().to_numpy()
    return profile / profile.mean()


def _weights(codes: list[str], rng: np.random.Generator) -> np.ndarray:
    base = rng.lognormal(mean=0.0, sigma=0.7, size=len(codes))
    return np.array([BIG.get(c, w) for c, w in zip(codes, base, strict=True)])


def _county_shares(year: int) -> pd.Series:
    """Each county's share of the national länstal in ``year``, from the nearest known decision."""
    known = pd.read_csv(store.LANSTAL_CSV, dtype={"lan_kod": str})
    known = known.sort_values("valid_from").groupby(["year", "lan_kod"]).last().reset_index()
    nearest = min(known["year"].unique(), key=lambda y: (abs(y - year), -y))
    table = known[known["year"] == nearest].set_index("lan_kod")["lanstal"]
    return table / table.sum()


def _split(total: float, weights: np.ndarray) -> np.ndarray:
    """Whole numbers proportional to weights that add up to round(total) (largest remainder)."""
    exact = total * weights / weights.sum()
    whole = np.floor(exact).astype(int)
    short = int(round(total)) - whole.sum()
    whole[np.argsort(-(exact - whole))[:short]] += 1
    return whole


def build(today: date) -> dict[str, pd.DataFrame]:
    """The demo's facts as DataFrames: targets, arrivals (year-to-date snapshots), capacity."""
    rng = np.random.default_rng(SEED)
    munis = geo.municipalities().to_pandas()
    codes, lan = munis["kommun_kod"].tolist(), munis["lan_kod"].to_numpy()
    weight = _weights(codes, rng)
    pull = rng.lognormal(0.0, 0.35, len(codes))  # how readily each municipality receives
    months = _months(today)
    years = sorted(set(months.year))
    season = _season()

    targets, arrivals = [], []
    for year in years:
        shares = _county_shares(year)
        kommuntal = np.zeros(len(codes), dtype=int)
        # whole numbers per county first, so that the counties add up to the national total exactly
        county_totals = _split(SETTLEMENT_TOTAL[year], shares.to_numpy())
        for lan_kod, county_total in zip(shares.index, county_totals, strict=True):
            inside = lan == lan_kod
            kommuntal[inside] = _split(county_total, weight[inside])
        targets.append(
            pd.DataFrame(
                {
                    "year": year,
                    "kommun_kod": codes,
                    "program": "settlement",
                    "target": kommuntal.astype(float),
                }
            )
        )
        if year in PROTECTION_TOTAL:
            targets.append(
                pd.DataFrame(
                    {
                        "year": year,
                        "kommun_kod": codes,
                        "program": "temporary_protection",
                        "target": _split(PROTECTION_TOTAL[year], weight).astype(float),
                    }
                )
            )
        per_mille = _split(100_000, weight) / 100
        targets.append(
            pd.DataFrame(
                {"year": year, "kommun_kod": codes, "program": "unaccompanied_minors", "target": per_mille}
            )
        )

        in_year = months[months.year == year]
        trend = np.linspace(1.35, 0.7, 12) if year in (2016, 2017) else np.ones(12)
        shape = season * trend * rng.normal(1.0, 0.12, 12).clip(0.6, 1.5)
        shape = shape / shape.sum()
        assigned_total = SETTLEMENT_TOTAL[year] * rng.normal(0.93, 0.05)
        plan = {**CATEGORY_SHARE, "assigned": 1 - QUOTA_PART, "quota_refugee": QUOTA_PART}
        if year in PROTECTION_RECEIVED:
            plan["temporary_protection"] = None
        for category, share in plan.items():
            if category == "temporary_protection":
                yearly = PROTECTION_RECEIVED[year]
                profile = shape if year != 2022 else np.r_[0, 0, 6, 5, 4, 3, 2, 2, 1.5, 1.2, 1, 1] / 26.7
                w = weight * pull
            elif category in ("assigned", "quota_refugee"):
                yearly = assigned_total * share
                profile = shape
                w = (kommuntal + 0.2) * pull
            else:
                yearly = RECEIVED_TOTAL[year] * share
                profile = shape
                w = weight * pull
            expected = yearly * np.outer(profile[: len(in_year)], w / w.sum())
            persons = rng.poisson(expected)
            alone = rng.binomial(persons, UNACCOMPANIED_SHARE.get(year, 0.02))
            for i, month in enumerate(in_year):
                arrivals.append(
                    pd.DataFrame(
                        {
                            "month": month,
                            "kommun_kod": codes,
                            "category": category,
                            "persons": persons[i],
                            "alone": alone[i],
                        }
                    )
                )
    facts = pd.concat(arrivals, ignore_index=True)
    facts["year"] = facts["month"].dt.year
    facts["as_of_month"] = facts["month"].dt.month
    facts = facts.sort_values(["year", "kommun_kod", "category", "as_of_month"])
    keys = ["year", "kommun_kod", "category"]
    facts["persons"] = facts.groupby(keys)["persons"].cumsum()
    facts["of_which_unaccompanied"] = facts.groupby(keys)["alone"].cumsum()
    # a few small municipality-years published with counts under 6 suppressed
    hidden = set(rng.choice(codes, 12, replace=False))
    small = facts["kommun_kod"].isin(hidden) & (facts["persons"] < 6)
    facts["persons"] = facts["persons"].astype("Int64").mask(small)
    facts["of_which_unaccompanied"] = (
        facts["of_which_unaccompanied"]
        .astype("Int64")
        .mask(small | (facts["of_which_unaccompanied"] < 6) & facts["kommun_kod"].isin(hidden))
    )
    ytd = facts[["year", "as_of_month", "kommun_kod", "category", "persons", "of_which_unaccompanied"]]

    # as the county boards' kommuntal files: targets only; received comes from the arrivals, which
    # count it under each program (received_categories in the store)
    target = pd.concat(targets, ignore_index=True).assign(received=np.nan)

    capacity = _capacity(codes, weight, months, rng)
    return {"targets": target, "arrivals": ytd.reset_index(drop=True), "capacity": capacity}


def _capacity(codes: list[str], weight: np.ndarray, months: pd.DatetimeIndex, rng) -> pd.DataFrame:
    base = 20 + 30 * weight
    tight = rng.uniform(0.55, 1.02, len(codes))  # some municipalities run close to full
    frames = []
    for kind, share in KINDS.items():
        places = np.round(np.outer(np.linspace(1.4, 0.9, len(months)), base * share)).astype(int)
        drift = np.outer(np.ones(len(months)), tight) + rng.normal(0, 0.04, places.shape)
        occupied = np.minimum(np.round(places * drift.clip(0.2, 1.0)).astype(int), places)
        frames.append(
            pd.DataFrame(
                {
                    "month": np.repeat(months.date, len(codes)),
                    "kommun_kod": np.tile(codes, len(months)),
                    "kind": kind,
                    "places": places.ravel(),
                    "occupied": occupied.ravel(),
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def load_demo(path: Path | None = None, *, today: date | None = None, first_start: bool = False) -> list[int]:
    """Fill the store with the demo and return the new load ids.

    Written by the importer's writer, like every file: the demo's loads retire any earlier demo and
    every live real load in the same transaction (demo and real never mix), and undoing the demo
    brings those real loads back. ``first_start``: only into a store without facts (the app's first
    start; of several processes starting at once, one fills it and the others find it filled).
    """
    facts = build(today or date.today())
    parts = [(d, pa.Table.from_pandas(facts[d], preserve_index=False), None) for d in DATASETS]
    ids, _ = load.write(path or store.db_path(), "demo", None, parts, demo=True, only_into_empty=first_start)
    if not ids:
        return ids
    sample.seed_sample_deck(path)  # a new user's Möte shows what a meeting looks like
    return ids
