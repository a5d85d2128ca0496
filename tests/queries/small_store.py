"""A store small enough to work every answer out by hand.

Dalarnas län (20): Vansbro 2021, Smedjebacken 2061, Falun 2080, Säter 2082; Stockholm 0180.
Dalarnas pilotgrupp (data/regions.csv) = Vansbro, Säter, Smedjebacken.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reception.store import loadlog, writer

TARGETS = [
    # year, kommun_kod, program, target, received
    (2025, "2021", "settlement", 10, 4),
    (2025, "2082", "settlement", 20, 25),
    (2025, "2061", "settlement", 30, None),  # received from the arrivals: quota + assigned
    (2025, "0180", "settlement", 100, 50),
    (2024, "2021", "settlement", 8, 8),
    (2025, "2021", "unaccompanied_minors", 500, None),  # per mille: half of the country's minors
    (2025, "0180", "unaccompanied_minors", 500, None),
]
MONTHS = [
    # month, kommun_kod, category, persons, of_which_unaccompanied
    (date(2025, 1, 1), "2061", "assigned", 3, 1),
    (date(2025, 2, 1), "2061", "assigned", 5, 0),
    (date(2025, 1, 1), "2061", "quota_refugee", 2, 0),
    (date(2025, 1, 1), "2061", "self_settled", 7, 0),
    (date(2025, 2, 1), "2061", "self_settled", None, None),  # suppressed
    (date(2025, 1, 1), "0180", "assigned", 10, 3),
    (date(2025, 3, 1), "0180", "assigned", 20, 0),
    (date(2024, 3, 1), "0180", "assigned", 14, 0),
    (date(2024, 3, 1), "2061", "assigned", 4, 0),
]
CAPACITY = [
    # month, kommun_kod, kind, places, occupied
    (date(2025, 3, 1), "2061", "apartment", 10, 4),
    (date(2025, 3, 1), "2061", "shared", 5, 5),
    (date(2025, 3, 1), "0180", "apartment", 100, 95),
    (date(2025, 2, 1), "2061", "apartment", 10, 2),
    (date(2025, 2, 1), "0180", "apartment", 100, None),
]


def build(path: Path) -> Path:
    """Fill the prepared store at ``path`` with the rows above, one load per dataset."""
    with writer.write(path) as con:
        load = loadlog.new_load(con, source="mal.xlsx", dataset="targets", rows=len(TARGETS))
        con.executemany("insert into fact_target values (?, ?, ?, ?, ?, ?)", [(load, *r) for r in TARGETS])
        load = loadlog.new_load(con, source="mottagna.csv", dataset="arrivals", rows=len(MONTHS))
        con.executemany(
            "insert into fact_arrivals_month values (?, ?, ?, ?, ?, ?)", [(load, *r) for r in MONTHS]
        )
        load = loadlog.new_load(con, source="platser.xlsx", dataset="capacity", rows=len(CAPACITY))
        con.executemany("insert into fact_capacity values (?, ?, ?, ?, ?, ?)", [(load, *r) for r in CAPACITY])
    return path
