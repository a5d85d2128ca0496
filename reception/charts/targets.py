"""Figures about targets: the fulfilment map, gap ranking, pace line, heat map, county quotas.

Every builder takes the query's DataFrame, the title (the finding, from ``findings``), the
language and presentation flag, and returns a styled figure. No Streamlit here.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from reception.charts import (
    ABOVE,
    BELOW,
    FULFILMENT_SCALE,
    GREY,
    fit_rows,
    municipality_map,
    rows_height,
    short_name,
    style,
)
from reception.i18n import MONTHS, fmt_int, fmt_pct, t
from reception.memo import remembered


@remembered
def fulfilment_map(df: pd.DataFrame, geojson: dict | str, title: str, lang: str, present: bool) -> go.Figure:
    """Municipalities coloured by fulfilment: vermillion behind, white on target, blue ahead.

    ``geojson`` is the boundaries, or the URL the browser fetches them from.
    """
    hover = [
        f"<b>{r.kommun}</b><br>{fmt_pct(r.fulfilment, 0, lang)}<br>"
        + t("overview.map_hover", lang, target=fmt_int(r.target, lang), received=fmt_int(r.received, lang))
        for r in df.itertuples()
    ]
    colorbar = {
        "title": {"text": t("axis.fulfilment", lang), "side": "right"},
        "ticksuffix": "%" if lang == "en" else " %",
    }
    values = (df["fulfilment"] * 100).clip(upper=200)
    fig = municipality_map(
        geojson, df["kommun_kod"], values, hover, colorbar, FULFILMENT_SCALE, zmin=0, zmid=100, zmax=200
    )
    style(fig, present=present, lang=lang, height=340 if present else 640)  # present: under three tiles
    fig.update_layout(title_text=title, margin={"l": 0, "r": 0, "t": 60, "b": 0})
    return fig


@remembered
def gap_bars(df: pd.DataFrame, title: str, lang: str, present: bool, n: int = 10) -> go.Figure:
    """Horizontal bars of received minus target for the n furthest behind and n furthest ahead.

    Behind and ahead differ by colour, by the sign on the label and by the legend name.
    """
    known = df.dropna(subset=["gap"]).sort_values("gap")
    shown = pd.concat([known.head(n), known.tail(n)]).drop_duplicates("kommun_kod").sort_values("gap")
    fig = go.Figure()
    for above, colour, name in ((False, BELOW, "legend.below"), (True, ABOVE, "legend.above")):
        part = shown[(shown["gap"] >= 0) == above]
        fig.add_bar(
            y=[short_name(k) for k in part["kommun"]],
            x=part["gap"],
            orientation="h",
            name=t(name, lang),
            marker={"color": colour, "pattern": {"shape": "" if above else "/"}},
            text=[("+" if g > 0 else "") + fmt_int(g, lang) for g in part["gap"]],
            textposition="outside",
            cliponaxis=False,
            customdata=part[["kommun", "target", "received"]],
            hovertemplate="<b>%{customdata[0]}</b><br>%{x:,.0f}<extra></extra>",
        )
    style(fig, present=present, lang=lang, height=rows_height(len(shown), present, 420))
    fit_rows(fig, len(shown), present)
    fig.update_layout(title_text=title, xaxis_title_text=t("axis.gap", lang), barmode="relative")
    fig.update_yaxes(categoryorder="array", categoryarray=[short_name(k) for k in shown["kommun"]])
    fig.add_vline(x=0, line_color=GREY, line_width=1)
    return fig


@remembered
def pace_chart(df: pd.DataFrame, title: str, lang: str, present: bool) -> go.Figure:
    """Cumulative received by month against the pace line (which allows for the reporting lag)."""
    fig = go.Figure()
    fig.add_scatter(
        x=df["month"],
        y=df["pace"],
        name=t("mal.pace_line", lang),
        mode="lines",
        line={"color": GREY, "dash": "dash"},
    )
    fig.add_scatter(
        x=df["month"],
        y=df["received_cumulative"],
        name=t("mal.pace_received", lang),
        mode="lines+markers",
        line={"color": ABOVE},
        connectgaps=False,
    )
    style(fig, present=present, lang=lang)
    fig.update_layout(
        title_text=title, xaxis_title_text=t("axis.month", lang), yaxis_title_text=t("axis.cumulative", lang)
    )
    fig.update_xaxes(tickvals=list(df["month"]), ticktext=[MONTHS[lang][m.month - 1] for m in df["month"]])
    return fig


@remembered
def fulfilment_heatmap(df: pd.DataFrame, title: str, lang: str, present: bool, limit: int = 30) -> go.Figure:
    """Fulfilment per municipality (rows) and year (columns); the `limit` lowest in the last year."""
    last = df["year"].max()
    order = df[df["year"] == last].sort_values("fulfilment")["kommun"].head(limit).tolist()
    wide = df[df["kommun"].isin(order)].pivot_table(
        index="kommun", columns="year", values="fulfilment", aggfunc="first", dropna=False
    )
    wide = wide.reindex(order[::-1])
    text = [[fmt_pct(v, 0, lang) for v in row] for row in wide.to_numpy()]
    fig = go.Figure(
        go.Heatmap(
            z=(wide.to_numpy() * 100).clip(max=200),
            x=[str(c) for c in wide.columns],
            y=[short_name(k) for k in wide.index],
            zmin=0,
            zmid=100,
            zmax=200,
            colorscale=FULFILMENT_SCALE,
            text=text,
            texttemplate="%{text}",
            hovertemplate="%{y} %{x}: %{text}<extra></extra>",
            colorbar={
                "title": {"text": t("axis.fulfilment", lang), "side": "right"},
                "ticksuffix": "%" if lang == "en" else " %",
            },
            xgap=2,
            ygap=2,
        )
    )
    style(fig, present=present, lang=lang, height=rows_height(len(wide), present))
    fit_rows(fig, len(wide), present)
    fig.update_layout(title_text=title, xaxis_title_text=t("axis.year", lang))
    fig.update_xaxes(type="category", side="top")
    return fig


@remembered
def county_bars(df: pd.DataFrame, title: str, lang: str, present: bool) -> go.Figure:
    """The länstal per county, largest first, as horizontal bars with the figure on each."""
    ordered = df.sort_values("target")
    fig = go.Figure(
        go.Bar(
            y=[name.removesuffix(" län") for name in ordered["lan"]],
            x=ordered["target"],
            orientation="h",
            marker_color=ABOVE,
            text=[  # a sum of the kommuntal is never shown as a decision
                t("county.kommuntal_sum", lang, total=fmt_int(v, lang))
                if s == "kommuntal_sum"
                else fmt_int(v, lang)
                for v, s in zip(ordered["target"], ordered.get("source", [None] * len(ordered)), strict=True)
            ],
            textposition="auto",  # inside a long bar, so a long label is not cut at the edge
            cliponaxis=False,
        )
    )
    style(fig, present=present, lang=lang, height=rows_height(len(df), present))
    fit_rows(fig, len(df), present)
    fig.update_layout(title_text=title, xaxis_title_text=t("axis.persons", lang))
    return fig
