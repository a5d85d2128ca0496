"""The sample deck a new store comes with, so a first look at Möte shows what a meeting looks like.

Here, not beside the handout, so the demo can seed it without importing the PDF makers (fpdf2, kaleido).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from reception.i18n import t
from reception.meeting import deck
from reception.meeting.deck import Deck, Slide

SAMPLE_REGION = "Göteborgsregionen"  # a region of data/regions.csv, by its name there


def sample_deck(lang: str = "sv") -> Deck:
    """A few slides showing what a meeting looks like: the country, a region, a county, variation.
    The demo keeps it in Swedish, as a planner would write it; it is then the planner's own text."""
    return Deck(
        title=t("sample.deck", lang),
        slides=(
            Slide(t("sample.oversikt", lang), "/"),
            Slide(
                t("sample.mal", lang, region=SAMPLE_REGION), "/mal?" + urlencode({"region": SAMPLE_REGION})
            ),
            Slide(t("sample.kapacitet", lang, county="Dalarna"), "/kapacitet?lan=20"),
            Slide(t("sample.variation", lang), "/variation"),
        ),
    )


def seed_sample_deck(path: Path | None = None) -> None:
    """Save the sample deck in the store at ``path`` unless a deck with slides is already kept."""
    if not deck.load(path).slides:
        deck.save(sample_deck(), path)
