"""Mottagna mot mål on a store holding only a kommuntal file: nothing received is known, so the page says
which file to load instead of drawing '0 of n behind' over an empty chart."""

from __future__ import annotations

import sys
from pathlib import Path

from app_helpers import open_page

from reception import ingest
from reception.i18n import t

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
import official_layouts as ol  # noqa: E402


def test_targets_without_anything_received_ask_for_the_arrivals(store_path):
    f = ol.county_decision_xlsx(title="Kommuntal 2025 – Hallands län", stated=None)
    ingest.ingest_bytes(f.name, f.data, store_path=store_path)
    at = open_page("pages/mal.py", lan="13", to="2025")
    assert t("missing.arrivals", "sv", year=2025) in " ".join(i.value for i in at.info)
    titles = [c.proto.spec for c in at.get("plotly_chart")]
    assert not any("färre än målet" in spec for spec in titles)
