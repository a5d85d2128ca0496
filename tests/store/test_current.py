"""The contract views as the writer leaves them: worked out at every load and undo, and arrivals from one
source per year, municipality and category, so monthly and yearly figures always agree."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reception import store
from reception.store import loadlog, writer


def load_snapshots(path: Path, counts: dict[int, int]) -> int:
    """Year-to-date snapshots for Ale, quota refugees, 2024: {as_of_month: persons so far}."""
    with writer.write(path) as con:
        load_id = loadlog.new_load(con, source="kommunmottagna.xlsx", dataset="arrivals", rows=len(counts))
        for month, persons in counts.items():
            con.execute(
                "insert into fact_arrivals_ytd values (?, 2024, ?, '1440', 'quota_refugee', ?, null)",
                [load_id, month, persons],
            )
    return load_id


def load_months(path: Path, counts: dict[int, int | None]) -> int:
    """Monthly figures for Ale, quota refugees, 2024: {month: persons in the month}."""
    with writer.write(path) as con:
        load_id = loadlog.new_load(con, source="per_manad.csv", dataset="arrivals", rows=len(counts))
        for month, persons in counts.items():
            con.execute(
                "insert into fact_arrivals_month values (?, ?, '1440', 'quota_refugee', ?, null)",
                [load_id, date(2024, month, 1), persons],
            )
    return load_id


def months_and_year(path: Path) -> tuple[list[tuple], tuple]:
    with store.connect_read(path) as con:
        months = con.execute(
            "select month(month), persons from arrivals_month where kommun_kod = '1440' order by 1"
        ).fetchall()
        year = con.execute(
            "select persons, as_of_month from arrivals_year where kommun_kod = '1440' and year = 2024"
        ).fetchone()
    return months, year


def test_views_are_worked_out_again_at_every_load_and_undo(store_path):
    first = load_snapshots(store_path, {1: 4, 2: 9, 3: 15})
    assert months_and_year(store_path) == ([(1, 4), (2, 5), (3, 6)], (15, 3))
    revision = load_snapshots(store_path, {3: 18})
    assert months_and_year(store_path) == ([(1, 4), (2, 5), (3, 9)], (18, 3))
    loadlog.undo(revision, store_path)
    assert months_and_year(store_path) == ([(1, 4), (2, 5), (3, 6)], (15, 3))
    loadlog.undo(first, store_path)
    assert months_and_year(store_path) == ([], None)


def test_the_newest_source_gives_both_the_months_and_the_year(store_path):
    load_snapshots(store_path, {1: 4, 2: 9, 3: 15})
    months = load_months(store_path, {1: 5, 2: 5})
    assert months_and_year(store_path) == ([(1, 5), (2, 5)], (10, 2))
    loadlog.undo(months, store_path)
    load_months(store_path, {1: 5, 2: None})
    assert months_and_year(store_path) == ([(1, 5), (2, None)], (None, 2))  # a suppressed month: year unknown
    load_snapshots(store_path, {1: 4, 2: 9, 3: 15, 4: 20})
    assert months_and_year(store_path) == ([(1, 4), (2, 5), (3, 6), (4, 5)], (20, 4))


def test_a_write_that_adds_no_load_leaves_the_views_alone(store_path):
    load_snapshots(store_path, {1: 4})
    with writer.write(store_path) as con:
        con.execute("delete from current_arrivals_year")  # only a refresh would put it back
    assert months_and_year(store_path)[1] is None
