"""Figures and findings for scenarios: the numbers on a map, and each municipality against its places.

Builders take the scenario's tables (``reception.planning.plan``), the title and the language, and return
styled figures; the findings return (title, summary) in the user's language. No Streamlit here.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from reception.charts import (
    BELOW,
    BLUE,
    INK,
    NUMBER_SCALE,
    SKY,
    municipality_map,
    rows_height,
    short_name,
    style,
)
from reception.i18n import fmt_int, fmt_month, fmt_pct, t
from reception.memo import remembered


def shortfall(checked: pd.DataFrame, lang: str) -> tuple[str, str]:
    """'3 av 15 kommuner får för få platser' and who is first, by how many, from when."""
    known = checked.dropna(subset=["headroom"])
    short = known[known["short_with_buffer"] > 0]
    if known.empty:  # no free places known: whether they suffice is unknown, never "enough"
        return t("plan.short_unknown_title", lang), t("plan.short_unknown_summary", lang)
    if short.empty and len(known) < len(checked):
        title = t("plan.short_none_some_title", lang, k=len(known), m=len(checked))
        return title, t("plan.short_none_summary", lang)
    if short.empty:
        return t("plan.short_none_title", lang), t("plan.short_none_summary", lang)
    first = short.sort_values(["short_from", "short_with_buffer"], ascending=[True, False]).iloc[0]
    title = t("plan.short_title", lang, n=len(short), m=len(checked))
    summary = t(
        "plan.short_summary",
        lang,
        places=fmt_int(short["short_with_buffer"].sum(), lang),
        kommun=first["kommun"],
        month=fmt_month(first["short_from"], lang),
    )
    return title, summary


@remembered
def capacity_bars(checked: pd.DataFrame, title: str, lang: str, present: bool) -> go.Figure:
    """Per municipality: scenario and buffer stacked, the free places as a marker, the shortfall written.

    A municipality without capacity data has no marker and no shortfall (unknown, not zero).
    """
    rows = checked.sort_values(["short_with_buffer", "number"], ascending=True, na_position="first")
    names = [short_name(k) for k in rows["kommun"]]
    fig = go.Figure()
    fig.add_bar(
        y=names, x=rows["number"], orientation="h", name=t("plan.legend.number", lang), marker_color=BLUE
    )
    fig.add_bar(
        y=names,
        x=rows["buffer_needed"].fillna(0),
        orientation="h",
        name=t("plan.legend.buffer", lang),
        marker={"color": SKY, "pattern": {"shape": "/", "fgcolor": BLUE}},
    )
    fig.add_scatter(
        y=names,
        x=rows["headroom"],
        mode="markers",
        name=t("plan.legend.free", lang),
        marker={"symbol": "line-ns", "line": {"width": 5, "color": INK}},
        hovertemplate="%{y}: %{x}<extra></extra>",
    )
    short = rows["short_with_buffer"]
    fig.add_scatter(
        y=names,
        x=rows["number"] + rows["buffer_needed"].fillna(0),
        mode="text",
        text=["" if pd.isna(s) or s <= 0 else t("plan.short_label", lang, n=fmt_int(s, lang)) for s in short],
        textposition="middle right",
        textfont={"color": BELOW},
        cliponaxis=False,
        showlegend=False,
        hoverinfo="skip",
    )
    style(fig, present=present, lang=lang, height=rows_height(len(rows), present, 380))
    fig.update_layout(title_text=title, barmode="stack", xaxis_title_text=t("plan.axis.places", lang))
    # after the house style (which sizes every scatter's markers): a tick as tall as a bar
    fig.update_traces(selector={"mode": "markers"}, marker_size=40 if present else 26)
    fig.update_yaxes(categoryorder="array", categoryarray=names)
    return fig


def map_finding(table: pd.DataFrame, lang: str) -> tuple[str, str]:
    top = table.sort_values(["number", "kommun_kod"], ascending=[False, True]).iloc[0]
    none = int((table["number"] == 0).sum())
    summary = t("plan.map_summary", lang, kommun=top["kommun"], number=fmt_int(top["number"], lang))
    if none:
        summary += " " + t("plan.map_none", lang, n=none)
    return t("plan.map_title", lang), summary


@remembered
def scenario_map(table: pd.DataFrame, geojson: dict | str, title: str, lang: str, present: bool) -> go.Figure:
    """The county's municipalities coloured by their scenario number (white none, blue the most)."""
    hover = [
        f"<b>{r.kommun}</b><br>{fmt_int(r.number, lang)} ({fmt_pct(r.share, 1, lang)})"
        for r in table.itertuples()
    ]
    fig = municipality_map(
        geojson,
        table["kommun_kod"],
        table["number"],
        hover,
        {"title": {"text": t("plan.legend.number", lang), "side": "right"}},
        NUMBER_SCALE,
        line_width=0.5,
        zmin=0,
    )
    style(fig, present=present, lang=lang, height=560)
    fig.update_layout(title_text=title, margin={"l": 0, "r": 0, "t": 60, "b": 0})
    return fig
