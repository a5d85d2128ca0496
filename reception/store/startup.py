"""The store made or upgraded at start-up, with the reference data that ships in data/.

:func:`prepare` creates or upgrades the store, loads the shipped länstal decisions once as a load of
their own and reads data/regions.csv when it changed. It writes through the writer and records
through the load log, so it sits above both.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from reception import geo, store
from reception.store import facts, writer

LANSTAL_FACTS = """
select cast(year as integer) as year, lpad(lan_kod, 2, '0') as lan_kod, 'settlement' as program,
       cast(lanstal as double) as target, decision, cast(valid_from as date) as valid_from
from read_csv(?, header = true, all_varchar = true)
"""


def load_reference_lanstal(con: duckdb.DuckDBPyConnection) -> int | None:
    """Load the shipped länstal decisions (data/lanstal.csv) once, as a load of their own, through
    the one way facts reach the store (:func:`reception.store.facts.add`)."""
    data = store.LANSTAL_CSV.read_bytes()
    digest = store.sha256_bytes(data)
    seen = con.execute(
        "select count(*) from load_log where sha256 = ? and undone_at is null", [digest]
    ).fetchall()
    if seen[0][0]:
        return None
    table = con.sql(LANSTAL_FACTS, params=[str(store.LANSTAL_CSV)]).to_arrow_table()
    return facts.add(
        con, "county_targets", table, source=store.LANSTAL_CSV.name, sha256=digest, reference=True
    )


def prepare(path: Path | None = None) -> None:
    """Create or upgrade the store, load the reference länstal and read data/regions.csv, where
    needed (a no-op otherwise): at start-up, and when regions.csv has changed since.

    Raises:
        geo.RegionFileError: regions.csv has a bad line (named); the store is still created or
            upgraded, with the groupings it had, so loads go on while the line is mended.
    """
    regions, bad = None, None
    if store.regions_changed(path):
        try:
            regions = geo.read_regions(store.REGIONS_CSV)
        except geo.RegionFileError as error:
            bad = error
    if regions is not None or store.needs_upgrade(path):
        with writer.write(path, regions=regions) as con:
            load_reference_lanstal(con)
    if bad is not None:
        raise bad
