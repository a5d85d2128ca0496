"""Facts into the store: one load per dataset, all in one transaction (copy, write, swap)."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa

from reception import store
from reception.store import loadlog, writer

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


def _live_summaries(path: Path, sha256: str) -> list[tuple[int, dict]]:
    """Every live load of the file with this digest, oldest first, with its summary."""
    if not path.exists():
        return []
    with store.connect_read(path) as con:
        if store.schema_version(con) == 0:
            return []
        found = con.execute(
            "select load_id, summary from load_log where sha256 = ? and undone_at is null order by load_id",
            [sha256],
        ).fetchall()
    return [(load_id, json.loads(summary)) for load_id, summary in found if summary]


def already_loaded(path: Path, digest: str, options: dict) -> int | None:
    """The live load that holds this very file read with the same options, if any."""
    loads = _live_summaries(path, digest)
    return next((i for i, summary in loads if summary.get("options") == options), None)


def holding(path: Path, sha256: str, digest: str) -> int | None:
    """The live load that holds this very file read into these very facts, if any (however it was
    read: by itself, with choices or with a recipe)."""
    loads = _live_summaries(path, sha256)
    return next((i for i, summary in loads if summary.get("digest") == digest), None)


def write(
    path: Path,
    source: str,
    digest: str | None,
    parts: list[tuple[str, pa.Table, dict | None]],
    *,
    demo: bool = False,
    only_into_empty: bool = False,
) -> tuple[list[int], list[int]]:
    """Store every (dataset, facts, summary) as its own load, atomically.

    ``only_into_empty``: write only if the store holds no facts yet, decided under the writer's
    lock (several app processes starting on one new store fill it once, not once each).

    The demo is written here too (``demo=True``), so every fact reaches the store one way. In the
    same transaction the loads of the other kind are retired (``loadlog.retire_other_kind``): a real
    file retires the demo, the demo on purpose retires real loads and any earlier demo.

    Returns:
        The new load ids, and the ids of the loads retired by them.
    """
    ids = []
    with writer.write(path) as con:
        if only_into_empty and not store.holds_no_facts(con):
            return [], []
        for dataset, facts, summary in parts:
            table, columns = INSERTS[target_of(dataset, facts)]
            load_id = loadlog.new_load(
                con,
                source=source,
                dataset=dataset,
                rows=facts.num_rows,
                sha256=digest,
                summary=summary,
                is_demo=demo,
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
            ids.append(load_id)
        retired = loadlog.retire_other_kind(con, new=ids, demo=demo)
    return ids, retired
