"""The facts of a file's tables as loads: one per dataset, each key once, the minors of a table of its own
joined to the rows of the main table.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from reception.ingest import keys
from reception.ingest.facts import Built
from reception.ingest.problems import Problem, Said
from reception.ingest.result import IngestResult, LoadSummary, summarise


def per_dataset(
    name: str, built: list[Built], result: IngestResult, problems: list[Problem]
) -> list[tuple[str, pa.Table, LoadSummary]]:
    """The facts of every table, one load per dataset, each key once (clashes added to ``problems``)."""
    by_dataset: dict[str, list[pa.Table]] = {}
    minors: list[pa.Table] = []
    for part in built:
        if part.facts is not None and part.facts.num_rows:
            (minors if part.minors_only else by_dataset.setdefault(part.dataset, [])).append(part.facts)
    parts = []
    for dataset, tables in by_dataset.items():
        facts = pa.concat_tables(tables, promote_options="default")
        if dataset != "arrival_events":
            facts, found, repeats = _one_per_key(name, dataset, facts)
            problems += found
            result.warnings += repeats
        if dataset == "arrivals" and minors:
            facts = _with_minors(facts, pa.concat_tables(minors, promote_options="default"), result)
        parts.append((dataset, facts, summarise(dataset, facts)))
    return parts


def _with_minors(facts: pa.Table, minors: pa.Table, result: IngestResult) -> pa.Table:
    """The main table's rows with "varav ensamkommande barn" from a table of its own (one whose header
    names only the minors of its categories)."""
    key = keys.arrivals_key(facts)
    extra = minors.select([*key, "of_which_unaccompanied"]).rename_columns([*key, "_minors"])
    joined = facts.join(extra, keys=key, join_type="left outer")
    unmatched = extra.join(facts.select(key), keys=key, join_type="left anti").num_rows
    if unmatched:
        result.warnings.append(Said("minors_without_row", n=unmatched))
    filled = pc.coalesce(joined.column("of_which_unaccompanied"), joined.column("_minors"))
    joined = joined.set_column(
        joined.column_names.index("of_which_unaccompanied"), "of_which_unaccompanied", filled
    )
    return joined.drop_columns(["_minors"]).select(facts.column_names)


def _one_per_key(name: str, dataset: str, facts: pa.Table):
    if dataset == "arrivals":
        key = keys.arrivals_key(facts)
        measures = ["persons", "of_which_unaccompanied"]
        if "_raw" in facts.column_names:
            facts, problems, repeats = keys.one_per_key(name, facts, [*key, "_raw"], measures)
            facts = keys.sum_per_key(facts.drop_columns(["_raw"]), key, measures)
            return facts, problems, repeats
        return keys.one_per_key(name, facts, key, measures)
    return keys.one_per_key(name, facts, keys.KEYS[dataset], keys.MEASURES[dataset])
