"""Every page for each of Västra Götaland's kommunalförbund (data/regions.csv), on the demo: the picker
offers the group, the page runs without an error, and Planering plans for Västra Götaland."""

from __future__ import annotations

import pytest
from app_helpers import PAGES, open_page

from reception.i18n import t

FORBUND = ("Fyrbodal", "Skaraborg", "Sjuhärad", "Göteborgsregionen")


@pytest.mark.parametrize("region", FORBUND)
def test_every_page_works_for_a_kommunalforbund(demo_store, region):
    at = open_page("app.py", region=region, to="2026")
    assert region in at.selectbox(key="w_region").options
    for page in PAGES:
        at.switch_page(page).run()
        assert not at.exception, (page, [e.message for e in at.exception])
        assert not [e for e in at.error if e.value == t("error.page", "sv")], page
        assert at.selectbox(key="w_region").value == region, page
    at.switch_page("pages/planering.py").run()
    assert at.selectbox(key="plan_lan").value == "14"
