"""'Since the last meeting' queries on the small hand-made store of meeting_store.py."""

from __future__ import annotations

import math
from datetime import date

from meeting_store import ALE, GBG, GR, STHLM, load

from reception import queries
from reception.store import loadlog, writer


def run(name, path, **params):
    base = {"from_load": 3, "to_load": 4, **GR, "category": "all", "program": "settlement"}
    base |= {"year_from": 2026, "year_to": 2026}
    return queries.run(name, {**base, **params}, path)


def test_loads_lists_live_loads_newest_first(meeting_store):
    loadlog.undo(3, meeting_store)
    assert queries.run("meeting_loads", {}, meeting_store)["load_id"].tolist() == [4, 2, 1]


def test_a_new_snapshot_is_a_new_month_and_a_revised_one_a_revised_month(meeting_store):
    df = run("meeting_new_months", meeting_store)
    rows = list(zip(df["month"].dt.date, df["persons_before"], df["persons_now"], df["change"], strict=True))
    # June: (12 + 60) - (10 + 50) = 12 before, (12 + 62) - (10 + 50) = 14 now; July: (12 + 70) - (12 + 62)
    assert rows[0] == (date(2026, 6, 1), 12, 14, "revised")
    assert rows[1][0] == date(2026, 7, 1) and math.isnan(rows[1][1]) and rows[1][2:] == (8, "new")
    assert len(rows) == 2


def test_new_months_follow_the_area_and_categories(meeting_store):
    df = run("meeting_new_months", meeting_store, area_kind="kommun", area_code=STHLM)
    assert list(zip(df["month"].dt.month, df["persons_now"], df["change"], strict=True)) == [(7, 12, "new")]
    df = run("meeting_new_months", meeting_store, category="quota_refugee")
    assert list(zip(df["month"].dt.month, df["persons_now"], df["change"], strict=True)) == [(7, 0, "new")]


def test_a_suppressed_count_makes_the_new_month_unknown_not_smaller(meeting_store):
    load(meeting_store, "arrivals", snapshots=[(ALE, "quota_refugee", 8, None), (GBG, "assigned", 8, 75)])
    df = run("meeting_new_months", meeting_store, from_load=4, to_load=5)
    assert df["month"].dt.month.tolist() == [8]
    assert df["persons_now"].isna().all()


def test_nothing_changed_between_a_load_and_itself(meeting_store):
    assert run("meeting_new_months", meeting_store, from_load=4).empty
    assert run("meeting_revised_targets", meeting_store, from_load=4).empty
    assert run("meeting_fell_behind", meeting_store, from_load=4).empty


def test_an_undone_load_no_longer_counts_as_a_change(meeting_store):
    loadlog.undo(4, meeting_store)
    assert run("meeting_new_months", meeting_store).empty
    assert run("meeting_revised_targets", meeting_store).empty


def test_revised_kommuntal_shows_before_now_and_the_difference(meeting_store):
    df = run("meeting_revised_targets", meeting_store)
    assert df[["kommun", "target_before", "target_now", "difference", "change"]].values.tolist() == [
        ["Ale", 24, 30, 6, "revised"]
    ]


def test_targets_first_loaded_since_the_meeting_are_new(meeting_store):
    df = run("meeting_revised_targets", meeting_store, from_load=1)
    assert df["kommun"].tolist() == ["Ale", "Göteborg"]
    assert df["change"].tolist() == ["new", "new"]
    assert df["target_now"].tolist() == [30, 120]


def test_revised_targets_only_for_the_selected_years(meeting_store):
    assert run("meeting_revised_targets", meeting_store, year_from=2025, year_to=2025).empty


def test_ale_fell_behind_when_its_kommuntal_rose(meeting_store):
    # before: June snapshot, 5 months counted: Ale expects 24 * 5 / 12 = 10, has 12 -> on pace
    # now: July snapshot, 6 months: expects 30 * 6 / 12 = 15, has 12 -> behind
    df = run("meeting_fell_behind", meeting_store)
    assert df[
        ["kommun", "status", "received_before", "expected_before", "received_now", "expected_now"]
    ].values.tolist() == [["Ale", "fell_behind", 12, 10, 12, 15]]


def test_stockholm_caught_up_and_goteborg_stayed_on_pace(meeting_store):
    # Stockholm: before 20 against 60 * 5 / 12 = 25 (behind); now 32 against 30 (on pace)
    # Göteborg: 60 against 50 before, 70 against 60 now: on pace both times, so not listed
    df = run("meeting_fell_behind", meeting_store, area_kind="country", area_code="")
    assert df[["kommun", "status"]].values.tolist() == [["Ale", "fell_behind"], ["Stockholm", "caught_up"]]


def test_without_a_snapshot_before_nobody_fell_behind(store_path):
    # load 2: kommuntal with the file's own received (Ale 24, received 2), no snapshot of the year yet;
    # load 3: the June snapshot: 5 months counted, Ale expects 10 and the file says 2.
    # Before load 3 Ale's pace was unknown: it did not fall behind, it was never known to be on pace.
    with writer.write(store_path) as con:
        load_id = loadlog.new_load(con, source="kommuntal.xlsx", dataset="targets", rows=1)
        con.execute("insert into fact_target values (?, 2026, ?, 'settlement', 24, 2)", [load_id, ALE])
    load(store_path, "arrivals", snapshots=[(ALE, "quota_refugee", m, 2) for m in range(1, 7)])
    assert run("meeting_fell_behind", store_path, from_load=2, to_load=3).empty
