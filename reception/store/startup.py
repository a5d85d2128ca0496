"""The store made or upgraded at start-up, with the reference data that ships in data/.

:func:`prepare` creates or upgrades the store, loads the shipped länstal decisions once as a load of
their own and reads data/regions.csv when it changed. It writes through the writer and records
through the load log, so it sits above both.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from reception import geo, store
from reception.store import loadlog, writer


def load_reference_lanstal(con: duckdb.DuckDBPyConnection) -> int | None:
    """Load the shipped länstal decisions (data/lanstal.csv) once, as a load of their own."""
    data = store.LANSTAL_CSV.read_bytes()
    digest = store.sha256_bytes(data)
    seen = con.execute(
        "select count(*) from load_log where sha256 = ? and undone_at is null", [digest]
    ).fetchone()[0]
    if seen:
        return None
    rows = con.execute(
        "select count(*) from read_csv(?, header = true, all_varchar = true)", [str(store.LANSTAL_CSV)]
    ).fetchone()[0]
    load_id = loadlog.new_load(
        con,
        source=store.LANSTAL_CSV.name,
        dataset="county_targets",
        rows=rows,
        sha256=digest,
        is_reference=True,
    )
    con.execute(
        """
        insert into fact_county_target
        select ?, cast(year as integer), lpad(lan_kod, 2, '0'), 'settlement',
               cast(lanstal as double), decision, cast(valid_from as date)
        from read_csv(?, header = true, all_varchar = true)
        """,
        [load_id, str(store.LANSTAL_CSV)],
    )
    return load_id


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
