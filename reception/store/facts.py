"""Facts into an open write: one load in the load log and its rows in the fact table of its dataset.

Every fact reaches the store through :func:`add`: the importer's loads, the demo's and the shipped
länstal decisions read at start-up. Table and column names come from :data:`INSERTS`, never from a file.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from reception.store import loadlog

INSERTS = {
    "targets": ("fact_target", ["year", "kommun_kod", "program", "target", "received"]),
    "county_targets": (
        "fact_county_target",
        ["year", "lan_kod", "program", "target", "decision", "valid_from"],
    ),
    "arrivals_ytd": (
        "fact_arrivals_ytd",
        ["year", "as_of_month", "kommun_kod", "category", "persons", "of_which_unaccompanied"],
    ),
    "arrivals_month": (
        "fact_arrivals_month",
        ["month", "kommun_kod", "category", "persons", "of_which_unaccompanied"],
    ),
    "capacity": ("fact_capacity", ["month", "kommun_kod", "kind", "places", "occupied"]),
    "arrival_events": ("fact_arrival_event", ["arrived", "kommun_kod", "category", "unaccompanied"]),
    "population": ("fact_population", ["year", "kommun_kod", "population"]),
}
# events counted per month, stored with the same load: an unknown flag makes the month's minors unknown
EVENT_MONTHS = """
insert into fact_arrivals_month (load_id, month, kommun_kod, category, persons, of_which_unaccompanied)
select
    $load_id,
    cast(date_trunc('month', arrived) as date),
    kommun_kod,
    category,
    count(*),
    case when count(unaccompanied) = count(*) then count(*) filter (where unaccompanied) end
from incoming
group by all
"""


def target_of(dataset: str, facts: pa.Table) -> str:
    """The INSERTS entry for a dataset's facts (arrivals: snapshots or months)."""
    if dataset == "arrivals":
        return "arrivals_month" if "month" in facts.column_names else "arrivals_ytd"
    return dataset


def add(
    con: duckdb.DuckDBPyConnection,
    dataset: str,
    facts: pa.Table,
    *,
    source: str,
    sha256: str | None,
    summary: dict | None = None,
    demo: bool = False,
    reference: bool = False,
) -> int:
    """Record one load of ``dataset`` in the load log and store its ``facts``, inside an open write;
    returns the load's id."""
    table, columns = INSERTS[target_of(dataset, facts)]
    load_id = loadlog.new_load(
        con,
        source=source,
        dataset=dataset,
        rows=facts.num_rows,
        sha256=sha256,
        summary=summary,
        is_demo=demo,
        is_reference=reference,
    )
    con.register("incoming", facts.select(columns))
    try:
        names = ", ".join(columns)
        # table and column names come from INSERTS above, never from the file
        con.execute(
            f"insert into {table} (load_id, {names}) select $load_id, {names} from incoming",
            {"load_id": load_id},
        )
        if dataset == "arrival_events":
            con.execute(EVENT_MONTHS, {"load_id": load_id})
    finally:
        con.unregister("incoming")
    return load_id
