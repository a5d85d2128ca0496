"""The one house style for every figure, and the figure builders (pure: they return figures).

Okabe–Ito colours (colour-blind safe); "above target" is always blue and "below target" always
vermillion, and never by colour alone (a sign and a label too). Swedish number formatting via
``layout.separators``. Two sizes: normal, and presentation (large type, thick lines).

Pages use: ``style(fig, present=..., lang=...)`` on every figure (the builders already call it),
``PLOTLY_CONFIG`` for ``st.plotly_chart(config=...)``, and the builders in this package's
modules: ``targets``, ``flows``, ``findings`` (each chart's title and summary in words),
``per_capita``, ``planning``, ``meeting`` (the months changed since the last meeting) and
``headline`` (each page's first chart, composed once for the page and the handout).

May import from reception: ``i18n``, ``memo``, ``selection``; never the store, Streamlit or ``ui``:
the builders take data frames and return figures.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

# Okabe–Ito
BLUE, VERMILLION, ORANGE, SKY, GREEN, YELLOW, PURPLE, GREY = (
    "#0072B2",
    "#D55E00",
    "#E69F00",
    "#56B4E9",
    "#009E73",
    "#F0E442",
    "#CC79A7",
    "#595959",
)
PALETTE = [BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, "#000000", YELLOW]
ABOVE, BELOW = BLUE, VERMILLION
INK = "#1a1a1a"
# diverging scale for fulfilment: vermillion (behind) - white (on target) - blue (ahead)
FULFILMENT_SCALE = [[0.0, VERMILLION], [0.5, "#f7f7f7"], [1.0, BLUE]]
# sequential scale for counts (a scenario's numbers, people per 1 000): white none, blue the most
NUMBER_SCALE = [[0.0, "#f7fbff"], [0.5, SKY], [1.0, BLUE]]

# scrollZoom off: Plotly zooms a map on the mouse wheel by default, so scrolling the page past the map
# shrank Sweden to a dot; the map's own buttons still zoom
PLOTLY_CONFIG = {"displaylogo": False, "topojsonURL": "/app/static/", "locale": "sv", "scrollZoom": False}

SIZES = {
    False: {"font": 15, "title": 19, "tick": 13, "line": 2.5, "height": 440, "marker": 7},
    # presentation: at most this tall, so a chart under a page's headings fits a 1280x720 projector
    True: {"font": 24, "title": 32, "tick": 21, "line": 5, "height": 480, "marker": 12},
}

pio.templates["reception"] = go.layout.Template(
    layout={
        "colorway": PALETTE,
        "font": {"family": "Source Sans, Source Sans Pro, Arial, sans-serif", "color": INK},
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "xaxis": {"gridcolor": "#e5e5e5", "linecolor": "#8c8c8c", "zeroline": False, "automargin": True},
        "yaxis": {"gridcolor": "#e5e5e5", "linecolor": "#8c8c8c", "zeroline": False, "automargin": True},
        "hoverlabel": {"bgcolor": "white", "font": {"color": INK}},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "left", "x": 0},
        "title": {"x": 0, "xanchor": "left"},
    }
)


def separators(lang: str) -> str:
    """Plotly's decimal and thousands separators: '1 234,5' in Swedish, '1,234.5' in English."""
    return ".," if lang == "en" else ", "


def style(fig: go.Figure, *, present: bool = False, lang: str = "sv", height: int | None = None) -> go.Figure:
    """Apply the house template and the normal or presentation sizes; returns the same figure.

    In presentation ``height`` is capped at the presentation height: a slide never scrolls.
    """
    size = SIZES[present]
    height = min(height or size["height"], size["height"]) if present else height or size["height"]
    fig.update_layout(
        template="reception",
        separators=separators(lang),
        font_size=size["font"],
        title_font_size=size["title"],
        height=height,
        margin={"l": 10, "r": 70, "t": 90 if present else 70, "b": 10},
        legend_font_size=size["font"],
    )
    # whole numbers with thousands separated ("28 000"), never SI suffixes ("28k")
    axes = {"tickfont_size": size["tick"], "title_font_size": size["font"], "separatethousands": True}
    fig.update_xaxes(**axes, exponentformat="none")
    fig.update_yaxes(**axes, exponentformat="none")
    fig.update_traces(selector={"type": "scatter"}, line_width=size["line"], marker_size=size["marker"])
    if present:
        fig.update_layout(font_color="#000000")
    return fig


ROW = {False: 28, True: 46}  # px a bar (or heatmap row) takes, normal and presenting


def rows_height(rows: int, present: bool, least: int = 360, bars: int = 1) -> int:
    """The height of a chart with a row per municipality or county (a bar, ``bars`` grouped bars or a
    heatmap row): a row each, half a row more for each grouped bar after the first, plus 160 px for
    the title, legend and value axis, and never less than ``least``. The one rule every chart with
    such rows uses; in presentation :func:`style` caps it (and :func:`fit_rows` shrinks the labels)."""
    return max(least, int(ROW[present] * (1 + (bars - 1) / 2) * rows) + 160)


def fit_rows(fig: go.Figure, rows: int, present: bool) -> go.Figure:
    """In presentation, shrink a bar chart's category labels so each of its ``rows`` keeps its name
    within the capped height (Plotly would drop every other label instead); returns the figure."""
    if present and rows:
        plot = fig.layout.height - 170  # the title, the legend and the value axis take the rest
        fig.update_yaxes(tickfont_size=max(12, min(SIZES[True]["tick"], int(0.7 * plot / rows))))
    return fig


def municipality_map(
    geojson: dict | str,
    codes,
    values,
    hover: list[str],
    colorbar: dict,
    colorscale,
    line_width: float = 0.3,
    **z_range: float,
) -> go.Figure:
    """Municipalities coloured by ``values`` on their boundaries (or the URL the browser fetches them
    from), zoomed to the ones shown, with ``hover`` as each one's text; the builders add title and size."""
    fig = go.Figure(
        go.Choropleth(
            geojson=geojson,
            featureidkey="properties.kommun_kod",
            locations=codes,
            z=values,
            colorscale=colorscale,
            marker_line_color="#7f7f7f",
            marker_line_width=line_width,
            text=hover,
            hovertemplate="%{text}<extra></extra>",
            colorbar={**colorbar, "len": 0.8},
            **z_range,
        )
    )
    fig.update_geos(fitbounds="locations", visible=False, projection_type="mercator")
    return fig


def short_name(name: str, limit: int = 16) -> str:
    """A municipality name short enough for a tick label ('Upplands Väsby' stays, longer ones get '…')."""
    return name if len(name) <= limit else name[: limit - 1] + "…"
