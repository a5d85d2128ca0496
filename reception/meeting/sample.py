"""The sample deck a new store comes with, so a first look at Möte shows what a meeting looks like.

Here, not beside the handout, so the demo can seed it without importing the PDF makers (fpdf2, kaleido).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from reception.meeting import deck
from reception.meeting.deck import Deck, Slide


def sample_deck() -> Deck:
    """A few slides showing what a meeting looks like: the country, a region, a county, variation."""
    return Deck(
        title="Nätverksmöte (exempel)",
        slides=(
            Slide("Översikt, hela landet", "/"),
            Slide("Mål för Göteborgsregionen", "/mal?" + urlencode({"region": "Göteborgsregionen"})),
            Slide("Kapacitet i Dalarna", "/kapacitet?lan=20"),
            Slide("Variation över tid, hela landet", "/variation"),
        ),
    )


def seed_sample_deck(path: Path | None = None) -> None:
    """Save the sample deck in the store at ``path`` unless a deck with slides is already kept."""
    if not deck.load(path).slides:
        deck.save(sample_deck(), path)
