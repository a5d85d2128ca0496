"""A hand-made store where counts are unknown: suppressed cells, a month without a snapshot before it,
a municipality with no figures at all, a kind of place whose occupancy is not reported.

Dalarna (20), March 2025 is the newest month of places and of arrivals; the last three months of
arrivals are January to March 2025.

| kommun | arrivals Jan, Feb, Mar | places (occupied) in March | what is unknown |
|---|---|---|---|
| Vansbro 2021 | 3, 3, 3 | 10 (4) | nothing: inflow 3, 6 free, 2 months left, May 2025 |
| Smedjebacken 2061 | 4, 5 + suppressed, 2 | 10 (5) | February: inflow unknown |
| Säter 2082 | no rows | 8 (2) | every month: no figures |
| Falun 2080 | 6, no row, 6 | 20 (8) + 5 (not reported) | occupied, so free places: inflow (6 + 6) / 3 = 4 |
| Leksand 2029 | snapshots Jan 2 and Mar 9, none for Feb | 6 (1) | March (Feb's snapshot missing) |
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reception.store import loadlog, writer

MONTHS = [
    # month, kommun_kod, category, persons, of_which_unaccompanied
    (date(2025, 1, 1), "2021", "assigned", 3, 0),
    (date(2025, 2, 1), "2021", "assigned", 3, 0),
    (date(2025, 3, 1), "2021", "assigned", 3, 0),
    (date(2025, 1, 1), "2061", "assigned", 4, 0),
    (date(2025, 2, 1), "2061", "assigned", 5, 0),
    (date(2025, 2, 1), "2061", "family", None, None),  # suppressed
    (date(2025, 3, 1), "2061", "assigned", 2, 0),
    (date(2025, 1, 1), "2080", "assigned", 6, 0),
    (date(2025, 3, 1), "2080", "assigned", 6, 0),
]
SNAPSHOTS = [
    # year, as_of_month, kommun_kod, category, persons (January to that month), of_which_unaccompanied
    (2025, 1, "2029", "quota_refugee", 2, 0),
    (2025, 3, "2029", "quota_refugee", 9, 0),
]
CAPACITY = [
    # month, kommun_kod, kind, places, occupied
    (date(2025, 3, 1), "2021", "apartment", 10, 4),
    (date(2025, 3, 1), "2061", "apartment", 10, 5),
    (date(2025, 3, 1), "2082", "apartment", 8, 2),
    (date(2025, 3, 1), "2080", "apartment", 20, 8),
    (date(2025, 3, 1), "2080", "shared", 5, None),  # occupancy not reported
    (date(2025, 3, 1), "2029", "apartment", 6, 1),
]


def build(path: Path) -> Path:
    """Fill the prepared store at ``path`` with the rows above, one load per kind of file."""
    with writer.write(path) as con:
        load = loadlog.new_load(con, source="mottagna.csv", dataset="arrivals", rows=len(MONTHS))
        con.executemany(
            "insert into fact_arrivals_month values (?, ?, ?, ?, ?, ?)", [(load, *r) for r in MONTHS]
        )
        load = loadlog.new_load(con, source="kommunmottagna.xlsx", dataset="arrivals", rows=len(SNAPSHOTS))
        con.executemany(
            "insert into fact_arrivals_ytd values (?, ?, ?, ?, ?, ?, ?)", [(load, *r) for r in SNAPSHOTS]
        )
        load = loadlog.new_load(con, source="platser.xlsx", dataset="capacity", rows=len(CAPACITY))
        con.executemany("insert into fact_capacity values (?, ?, ?, ?, ?, ?)", [(load, *r) for r in CAPACITY])
    return path
