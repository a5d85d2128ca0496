"""The finding of each chart in words: its title and a one-line summary (also read by screen readers).

Each function takes the query's DataFrame and returns ``(title, summary)``; totals for tiles
come from ``totals``. Unknown values are left out and never counted as zero.
"""

from __future__ import annotations

import pandas as pd

from reception.i18n import MONTHS, fmt_at_least, fmt_int, fmt_month, fmt_num, fmt_pct, t

Texts = tuple[str, str]


def totals(df: pd.DataFrame) -> dict:
    """Sum of target and received over municipalities whose received count is known.

    ``target_all`` and ``received_all`` are the sums over every municipality where each is known
    (the tiles: a kommuntal file without arrivals still has its targets); None when none is.
    ``received_unknown``: municipalities left out of ``received_all`` because a count of theirs is
    suppressed (0 when nothing is known at all): the sum is then the least the area can hold.
    """
    some = df["received"].notna().any()
    known = df.dropna(subset=["received", "target"])
    target, received = known["target"].sum(), known["received"].sum()
    return {
        "target_all": df["target"].sum() if df["target"].notna().any() else None,
        "received_all": df["received"].sum() if some else None,
        "received_unknown": int(df["received"].isna().sum()) if some else 0,
        "target": target if len(known) else None,
        "received": received if len(known) else None,
        "fulfilment": received / target if target else None,
        "n": len(df),
        "behind": int((known["gap"] < 0).sum()),
        "median": known["fulfilment"].median() if len(known) else None,
    }


def fulfilment_map(df: pd.DataFrame, year: int, lang: str) -> Texts:
    s = totals(df)
    summary = t(
        "overview.map_summary",
        lang,
        behind=s["behind"],
        n=s["n"],
        year=year,
        median=fmt_pct(s["median"], 0, lang),
    )
    return t("overview.map_title", lang, year=year), summary


def gap(df: pd.DataFrame, year: int, lang: str) -> Texts:
    s = totals(df)
    known = df.dropna(subset=["gap"]).sort_values("gap")
    title = t("mal.gap_title", lang, behind=s["behind"], n=s["n"], year=year)
    if known.empty:
        return title, t("empty.selection", lang)
    worst, best = known.iloc[0], known.iloc[-1]
    summary = t(
        "mal.gap_summary",
        lang,
        worst=worst["kommun"],
        gap=fmt_int(worst["gap"], lang),
        best=best["kommun"],
        over="+" + fmt_int(best["gap"], lang) if best["gap"] > 0 else fmt_int(best["gap"], lang),
    )
    return title, summary


def ranking(df: pd.DataFrame, year: int, lang: str, n: int = 3) -> Texts:
    known = df.dropna(subset=["gap"]).sort_values("gap")

    def names(part: pd.DataFrame) -> str:
        signed = (("+" if r.gap > 0 else "") + fmt_int(r.gap, lang) for r in part.itertuples())
        return ", ".join(f"{r.kommun} ({g})" for r, g in zip(part.itertuples(), signed, strict=True))

    summary = t("overview.rank_summary", lang, behind=names(known.head(n)), ahead=names(known.tail(n)[::-1]))
    return t("overview.rank_title", lang, year=year), summary


def pace(df: pd.DataFrame, year: int, lang: str) -> Texts:
    reported = df.dropna(subset=["received_cumulative"])
    title = t("mal.pace_title", lang, year=year)
    if reported.empty:
        return title, t("empty.selection", lang)
    last = reported.iloc[-1]
    share = last["received_cumulative"] / last["pace"] if last["pace"] else None
    summary = t(
        "mal.pace_summary",
        lang,
        month=fmt_month(last["month"], lang),
        received=fmt_int(last["received_cumulative"], lang),
        pace=fmt_int(last["pace"], lang),
        share=fmt_pct(share, 0, lang),
    )
    return title, summary


def heatmap(df: pd.DataFrame, lang: str) -> Texts:
    last_year = df["year"].max()
    known = df[(df["year"] == last_year)].dropna(subset=["fulfilment"]).sort_values("fulfilment")
    if known.empty:
        return t("mal.heat_title", lang), t("empty.selection", lang)
    worst = known.iloc[0]
    share = fmt_pct(worst["fulfilment"], 0, lang)
    return t("mal.heat_title", lang), t(
        "mal.heat_summary", lang, year=last_year, worst=worst["kommun"], share=share
    )


def county(df: pd.DataFrame, year: int, lang: str) -> Texts:
    """The county totals' finding; a total that is the sum of the kommuntal (no decision) is said to be."""
    summary = t("mal.county_summary", lang, n=len(df), year=year, total=fmt_int(df["target"].sum(), lang))
    sums = int((df["source"] == "kommuntal_sum").sum()) if "source" in df else 0
    if sums:
        summary += " " + t("mal.county_sums", lang, k=sums)
    return t("mal.county_title", lang, year=year), summary


def _sum(values: pd.Series, lang: str) -> str:
    """The sum of the known values; 'minst …' when some are unknown (the least the sum can be)."""
    return fmt_at_least(values.sum(), values.isna().any(), lang)


def headroom(df: pd.DataFrame, lang: str) -> Texts:
    month = fmt_month(df["month"].max(), lang)
    summary = t(
        "kap.by_kommun_summary",
        lang,
        full=int((df["headroom"] <= 0).sum()),
        n=len(df),
        headroom=_sum(df["headroom"], lang),
        places=_sum(df["places"], lang),
    )
    return t("kap.by_kommun_title", lang, month=month), summary


def capacity_time(df: pd.DataFrame, lang: str) -> Texts:
    last = df.dropna(subset=["places"]).iloc[-1]
    summary = t(
        "kap.time_summary",
        lang,
        month=fmt_month(last["month"], lang),
        occupied=fmt_int(last["occupied"], lang),
        places=fmt_int(last["places"], lang),
        share=fmt_pct(last["occupancy"], 0, lang),
    )
    return t("kap.time_title", lang), summary


def runout(df: pd.DataFrame, lang: str) -> Texts:
    """Who is full already, and who runs out within a year at the current inflow (soonest first); how
    many have no forecast because their inflow is unknown."""
    full = int((df["headroom"] <= 0).sum())
    soon = df.dropna(subset=["months_left"]).query("0 < months_left <= 12")
    if soon.empty:
        summary = t("kap.runout_none", lang)
    else:
        first = soon.iloc[0]
        when = fmt_month(first["run_out_month"], lang)
        summary = t("kap.runout_summary", lang, full=full, n=len(soon), first=first["kommun"], when=when)
    unknown = int(df["inflow_unknown"].notna().sum()) if "inflow_unknown" in df else 0
    if unknown:
        summary += " " + t("kap.runout_unknown", lang, n=unknown)
    return t("kap.runout_title", lang), summary


def inflow(df: pd.DataFrame, lang: str) -> Texts:
    known = df.dropna(subset=["persons"])
    if known.empty:
        return t("var.monthly_title", lang), t("empty.selection", lang)
    peak = known.loc[known["persons"].idxmax()]
    rolling = df["rolling_mean_12"].dropna()
    summary = t(
        "var.monthly_summary",
        lang,
        month=fmt_month(peak["month"], lang),
        max=fmt_int(peak["persons"], lang),
        mean=fmt_num(rolling.iloc[-1] if len(rolling) else None, 0, lang),
    )
    return t("var.monthly_title", lang), summary


def profile(df: pd.DataFrame, lang: str) -> Texts:
    high = df.loc[df["mean_persons"].idxmax()]
    low = df.loc[df["mean_persons"].idxmin()]
    summary = t(
        "var.profile_summary",
        lang,
        high=MONTHS[lang][int(high["month_of_year"]) - 1],
        high_n=fmt_int(high["mean_persons"], lang),
        low=MONTHS[lang][int(low["month_of_year"]) - 1],
        low_n=fmt_int(low["mean_persons"], lang),
    )
    return t("var.profile_title", lang), summary


def spread(df: pd.DataFrame, lang: str) -> Texts:
    known = df.dropna(subset=["cv"])
    if known.empty:
        return t("var.spread_title", lang), t("empty.selection", lang)
    top = known.iloc[0]
    return t("var.spread_title", lang), t(
        "var.spread_summary", lang, top=top["kommun"], cv=fmt_num(top["cv"], 2, lang)
    )


def buffer(df: pd.DataFrame, lang: str) -> Texts:
    known = df.dropna(subset=["covered"])
    short = int((~known["covered"].astype(bool)).sum())
    return t("var.buffer_title", lang), t("var.buffer_summary", lang, short=short, n=len(known))


def versus_usual(latest: pd.Series) -> tuple[str | None, str]:
    """The month's inflow against the usual in words ('1 121 färre än vanligt (3 400)'), and the
    tile's arrow: "down", "up", or "off" when the difference rounds to no one ('som vanligt
    (3 400)', never '0 färre') or there is no usual to compare with (no earlier year: no words)."""
    if pd.isna(latest["difference"]):
        return None, "off"
    usual, difference = fmt_num(latest["usual_persons"], 0), fmt_num(abs(latest["difference"]), 0)
    if difference == fmt_num(0, 0):  # shown in whole people: a difference shown as 0 is none
        return t("tile.as_usual", usual=usual), "off"
    fewer = bool(latest["difference"] < 0)  # the arrow and the words say the direction, not a minus sign
    return t("tile.fewer" if fewer else "tile.more", diff=difference, usual=usual), "down" if fewer else "up"
