"""Figures per 1 000 inhabitants: a map of one measure, and target against received as bars.

Every title or summary says which year's population was used ("befolkning 2019"). No Streamlit here.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from reception.charts import ABOVE, GREY, NUMBER_SCALE, SKY, municipality_map, rows_height, short_name, style
from reception.i18n import fmt_num, t
from reception.memo import remembered


def _hover(r, lang: str) -> str:
    parts = [f"<b>{r.kommun}</b>"]
    for measure in ("target", "received", "places"):
        parts.append(t(f"pc.{measure}", lang) + ": " + fmt_num(getattr(r, f"{measure}_per_1000"), 2, lang))
    return "<br>".join(parts)


@remembered
def per_capita_map(df: pd.DataFrame, geojson: dict | str, title: str, lang: str, present: bool) -> go.Figure:
    """Municipalities coloured by received per 1 000 inhabitants; target and places in the hover."""
    fig = municipality_map(
        geojson,
        df["kommun_kod"],
        df["received_per_1000"],
        [_hover(r, lang) for r in df.itertuples()],
        {"title": {"text": t("pc.axis", lang), "side": "right"}},
        NUMBER_SCALE,
        zmin=0,
    )
    style(fig, present=present, lang=lang, height=640)
    fig.update_layout(title_text=title, margin={"l": 0, "r": 0, "t": 60, "b": 0})
    return fig


@remembered
def per_capita_bars(df: pd.DataFrame, title: str, lang: str, present: bool, n: int = 20) -> go.Figure:
    """Target and received per 1 000 inhabitants for the n municipalities with the highest target."""
    shown = (
        df.dropna(subset=["target_per_1000"]).nlargest(n, "target_per_1000").sort_values("target_per_1000")
    )
    names = [short_name(k) for k in shown["kommun"]]
    fig = go.Figure()
    for measure, colour in (("target", SKY), ("received", ABOVE)):
        values = shown[f"{measure}_per_1000"]
        fig.add_bar(
            y=names,
            x=values,
            orientation="h",
            name=t(f"pc.{measure}", lang),
            marker_color=colour,
            text=[fmt_num(v, 2, lang) for v in values],
            textposition="outside",
            cliponaxis=False,
        )
    style(fig, present=present, lang=lang, height=rows_height(len(shown), present, 420, bars=2))
    fig.update_layout(title_text=title, barmode="group", xaxis_title_text=t("pc.axis", lang))
    fig.update_yaxes(categoryorder="array", categoryarray=names, linecolor=GREY)
    return fig
