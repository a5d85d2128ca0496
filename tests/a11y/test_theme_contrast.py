"""The theme's colours (.streamlit/config.toml) meet WCAG AA for text: 4.5:1."""

from __future__ import annotations

import tomllib

import pytest
from cvd import contrast

from reception import store

# Streamlit's light theme, for what config.toml leaves out
LIGHT = {
    "textColor": "#31333F",
    "backgroundColor": "#FFFFFF",
    "secondaryBackgroundColor": "#F0F2F6",
    "primaryColor": "#FF4B4B",
}
AA_TEXT = 4.5


def theme() -> dict[str, str]:
    with open(store.ROOT / ".streamlit" / "config.toml", "rb") as f:
        configured = tomllib.load(f).get("theme", {})
    return {**LIGHT, **{k: v for k, v in configured.items() if k in LIGHT}}


@pytest.mark.parametrize(
    ("foreground", "background"),
    [
        ("textColor", "backgroundColor"),  # body text
        ("textColor", "secondaryBackgroundColor"),  # the sidebar, inputs
        ("primaryColor", "backgroundColor"),  # links, selected tabs, primary-coloured text
        ("#FFFFFF", "primaryColor"),  # the label on a primary button
    ],
)
def test_theme_text_colours_meet_wcag_aa(foreground, background):
    colours = theme()
    fg, bg = colours.get(foreground, foreground), colours.get(background, background)
    assert contrast(fg, bg) >= AA_TEXT, f"{foreground} {fg} on {background} {bg}"
