"""Figures about capacity and inflow: places over time, headroom, run-out, inflow, profile, buffer."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from reception.charts import BELOW, BLUE, GREY, ORANGE, SKY, fit_rows, rows_height, short_name, style
from reception.i18n import MONTHS, fmt_int, t
from reception.memo import remembered


@remembered
def capacity_over_time(df: pd.DataFrame, title: str, lang: str, present: bool) -> go.Figure:
    """Places and occupied places as lines; the headroom between them as a shaded band."""
    fig = go.Figure()
    fig.add_scatter(x=df["month"], y=df["occupied"], name=t("kap.occupied", lang), line={"color": ORANGE})
    fig.add_scatter(
        x=df["month"],
        y=df["places"],
        name=t("kap.places_shaded", lang),
        line={"color": BLUE},
        fill="tonexty",
        fillpattern={"shape": ".", "fgcolor": SKY},
        fillcolor="rgba(86,180,233,0.15)",
    )
    style(fig, present=present, lang=lang)
    fig.update_layout(
        title_text=title, xaxis_title_text=t("axis.month", lang), yaxis_title_text=t("axis.places", lang)
    )
    return fig


@remembered
def headroom_bars(df: pd.DataFrame, title: str, lang: str, present: bool, n: int = 20) -> go.Figure:
    """Occupied and free places per municipality, stacked, for the n with the smallest free share
    (ties: the most places first). Free places are blue and hatched, occupied orange."""
    ranked = df.assign(free_share=df["headroom"] / df["places"].where(df["places"] > 0))
    shown = ranked.sort_values(["free_share", "places"], ascending=[True, False]).head(n).iloc[::-1]
    names = [short_name(k) for k in shown["kommun"]]
    fig = go.Figure()
    fig.add_bar(
        y=names, x=shown["occupied"], orientation="h", name=t("kap.occupied", lang), marker_color=ORANGE
    )
    fig.add_bar(
        y=names,
        x=shown["headroom"],
        orientation="h",
        name=t("kap.headroom", lang),
        marker={"color": BLUE, "pattern": {"shape": "/"}},
        text=[
            t(
                "kap.free_of_one" if h == 1 else "kap.free_of",
                lang,
                free=fmt_int(h, lang),
                places=fmt_int(p, lang),
            )
            for h, p in zip(shown["headroom"], shown["places"], strict=True)
        ],
        textposition="outside",
        cliponaxis=False,
    )
    style(fig, present=present, lang=lang, height=rows_height(len(shown), present, 420))
    fit_rows(fig, len(shown), present)
    fig.update_layout(barmode="stack", title_text=title, xaxis_title_text=t("axis.places", lang))
    top = (shown["occupied"].fillna(0) + shown["headroom"].fillna(0)).max()
    if top > 0:  # room right of the longest bar for its words ("0 lediga av 2 070"), never cut
        fig.update_xaxes(range=[0, top * 1.3])
    return fig


@remembered
def runout_bars(df: pd.DataFrame, title: str, lang: str, present: bool, n: int = 20) -> go.Figure:
    """Months of places left at the current inflow, for the n municipalities closest to running out."""
    shown = df.dropna(subset=["months_left"]).query("0 < months_left <= 12").head(n).iloc[::-1]
    fig = go.Figure(
        go.Bar(
            y=[short_name(k) for k in shown["kommun"]],
            x=shown["months_left"],
            orientation="h",
            marker_color=BELOW,
            text=[f"{v:.1f}".replace(".", "," if lang == "sv" else ".") for v in shown["months_left"]],
            textposition="outside",
            cliponaxis=False,
        )
    )
    style(fig, present=present, lang=lang, height=rows_height(len(shown), present))
    fit_rows(fig, len(shown), present)
    fig.update_layout(title_text=title, xaxis_title_text=t("kap.months_left", lang))
    return fig


@remembered
def inflow_chart(df: pd.DataFrame, title: str, lang: str, present: bool) -> go.Figure:
    """Monthly inflow as bars with the rolling 12-month mean as a thick line."""
    fig = go.Figure()
    fig.add_bar(x=df["month"], y=df["persons"], name=t("var.monthly", lang), marker_color=SKY)
    fig.add_scatter(
        x=df["month"],
        y=df["rolling_mean_12"],
        name=t("var.rolling", lang),
        line={"color": BLUE},
        mode="lines",
    )
    style(fig, present=present, lang=lang)
    fig.update_layout(
        title_text=title,
        xaxis_title_text=t("axis.month", lang),
        yaxis_title_text=t("axis.persons_month", lang),
    )
    return fig


@remembered
def profile_chart(df: pd.DataFrame, title: str, lang: str, present: bool) -> go.Figure:
    """The mean of each calendar month, with the smallest and largest year as a range."""
    names = [MONTHS[lang][m - 1] for m in df["month_of_year"]]
    fig = go.Figure(
        go.Bar(
            x=names,
            y=df["mean_persons"],
            name=t("var.mean", lang),
            marker_color=BLUE,
            error_y={
                "type": "data",
                "symmetric": False,
                "array": df["max_persons"] - df["mean_persons"],
                "arrayminus": df["mean_persons"] - df["min_persons"],
                "color": GREY,
            },
        )
    )
    style(fig, present=present, lang=lang)
    fig.update_layout(
        title_text=title,
        xaxis_title_text=t("axis.month_of_year", lang),
        yaxis_title_text=t("axis.persons_month", lang),
    )
    return fig


@remembered
def buffer_chart(df: pd.DataFrame, title: str, lang: str, present: bool, n: int = 20) -> go.Figure:
    """Buffer a 90th-percentile month needs against free places today, for the n least covered."""
    known = df.dropna(subset=["headroom", "buffer_needed"]).copy()
    known["margin"] = known["headroom"] - known["buffer_needed"]
    shown = known.sort_values("margin").head(n).iloc[::-1]
    names = [short_name(k) for k in shown["kommun"]]
    fig = go.Figure()
    fig.add_bar(
        y=names, x=shown["buffer_needed"], orientation="h", name=t("var.buffer", lang), marker_color=ORANGE
    )
    fig.add_scatter(
        y=names,
        x=shown["headroom"],
        mode="markers",
        name=t("var.headroom", lang),
        marker={"symbol": "diamond", "color": BLUE, "line": {"color": "white", "width": 1}},
    )
    style(fig, present=present, lang=lang, height=rows_height(len(shown), present, 420))
    fit_rows(fig, len(shown), present)
    fig.update_layout(title_text=title, xaxis_title_text=t("axis.places", lang))
    return fig
