"""The importer's preview question against the hand-made store (small_store.py): the länstal a county's sum
of kommuntal is checked against. The länstal are the shipped decisions (data/lanstal.csv)."""

from __future__ import annotations

from reception import queries


def test_preview_lanstal_is_each_countys_latest_decision_of_each_year(small):
    df = queries.run("preview_lanstal", {"years": [2017, 2026]})
    by_key = {(y, lan): t for y, lan, t in df.itertuples(index=False)}
    assert len(df) == 42  # 21 counties, two years
    assert by_key[(2026, "20")] == 321
    # 2017: Dalarna's länstal was 844, revised to 616 in March; the revision is the one that holds
    assert by_key[(2017, "20")] == 616
    assert queries.run("preview_lanstal", {"years": [2018]}).empty  # no decision known for 2018
