"""The meeting's figure: the months that are new or revised since the last meeting.

No Streamlit here; the Möte page styles and shows it.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from reception.charts import BLUE, INK, ORANGE
from reception.i18n import t


def months_figure(new_months: pd.DataFrame, title: str, lang: str = "sv") -> go.Figure:
    """New and revised months as bars (their count now), with the count before as a mark on revised ones.

    New and revised differ by colour, by a hatch pattern and by name, never by colour alone.

    Args:
        new_months: ``queries/meeting_new_months.sql``'s answer (month, change, persons_now,
            persons_before).
        title: the finding (``reception.meeting.since_last.months_title``).
    """
    df = new_months
    fig = go.Figure()
    for kind, colour, pattern in (("new", BLUE, ""), ("revised", ORANGE, "/")):
        part = df[df["change"] == kind]
        fig.add_bar(
            x=part["month"],
            y=part["persons_now"],
            name=t(f"meeting.chart.{kind}", lang),
            marker={"color": colour, "pattern": {"shape": pattern}},
        )
    revised = df[df["change"] == "revised"]
    fig.add_scatter(
        x=revised["month"],
        y=revised["persons_before"],
        mode="markers",
        name=t("meeting.chart.before", lang),
        marker={"symbol": "line-ew-open", "size": 28, "color": INK, "line": {"width": 3}},
    )
    fig.update_layout(
        title=title,
        xaxis_title=t("meeting.chart.x", lang),
        yaxis_title=t("meeting.chart.y", lang),
        barmode="overlay",
    )
    return fig
