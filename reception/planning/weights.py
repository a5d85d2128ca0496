"""A planner's own key: a file with a municipality and a weight on each row (CSV, xlsx, ods, parquet).

The file comes from outside, so it is read only in a child process
(:func:`reception.ingest.isolate.read_weights`, through
:func:`reception.planning.from_store.read_weights`), under the importer's guard and limits, never in
the server's own. It is read by the importer's readers (title rows, Swedish CSV, decimal comma) and
names and codes are matched by the importer's rules (``reception.ingest.names``): case, hyphens,
"Säters kommun", old names, codes without leading zeros. A row is a municipality (by name or code)
and the last number after it is its weight; rows without a number (titles, headers) and total or
county rows are skipped. Anything else with a number is an unknown name, and the file is refused
naming it.
"""

from __future__ import annotations

import math
from pathlib import PurePath

import pyarrow as pa

from reception.ingest import names, read, values
from reception.planning.allocate import ScenarioRefused
from reception.text import clip

MAX_SHOWN = 5
MAX_WEIGHT = 1e12  # far beyond any population or share; a weight of 400 digits is no number to share by


def _rows(sheet: read.Sheet) -> list[list[tuple[str | None, float | None]]]:
    """Each grid row as (text, number or None) cells."""
    columns = []
    for column in sheet.grid.columns:
        parsed = values.numbers(column, sheet.decimal).values
        if isinstance(parsed, pa.ChunkedArray):
            parsed = parsed.combine_chunks()
        columns.append(list(zip(column.to_pylist(), parsed.to_pylist(), strict=True)))
    return [list(row) for row in zip(*columns, strict=True)] if columns else []


def read_weights(name: str, data: bytes, lan_kod: str) -> dict[str, float]:
    """The weight per kommun_kod of the county ``lan_kod`` from an uploaded file.

    Raises:
        IngestRefused: the file is beyond a limit or unreadable (the importer's own refusal).
        ScenarioRefused: unknown names ("file_unknown"), a municipality twice ("file_twice"), a
            negative weight ("file_negative"), or municipalities of the county missing from the file
            ("file_missing").
    """
    sheets = read.read(PurePath(name).name, data)
    places = names.places()
    found: dict[str, float] = {}
    unknown: list[str] = []
    twice: list[str] = []
    for sheet in sheets[:1]:
        for row in _rows(sheet):
            numbered = [i for i, (_, number) in enumerate(row) if number is not None]
            if not numbered:
                continue  # a title, a header or an empty row
            place = next(
                ((i, m) for i, (text, _) in enumerate(row) if text and (m := places.municipality(text))), None
            )
            if place is None:
                label = next((text for text, number in row if text and number is None), None)
                skip = (
                    label is None or names.is_total(label) or names.is_subtotal(label) or places.county(label)
                )
                if not skip:
                    unknown.append(clip(label, 40))
                continue
            at, match = place
            after = [i for i in numbered if i > at]
            if not after:
                continue
            if match.code in found:
                twice.append(match.name)
            written, weight = row[after[-1]]
            if not math.isfinite(weight) or abs(weight) > MAX_WEIGHT:
                raise ScenarioRefused("file_weight", name=match.name, value=clip(written, 40))
            if weight < 0:
                raise ScenarioRefused("file_negative", name=match.name, value=weight)
            found[match.code] = weight
    if unknown:
        raise ScenarioRefused("file_unknown", names=", ".join(unknown[:MAX_SHOWN]), n=len(unknown))
    if twice:
        raise ScenarioRefused("file_twice", names=", ".join(twice[:MAX_SHOWN]))
    county = {code: kommun for code, kommun in places.kommun.items() if code[:2] == lan_kod}
    missing = [county[c] for c in sorted(county, key=county.get) if c not in found]
    if missing:
        raise ScenarioRefused("file_missing", names=", ".join(missing[:MAX_SHOWN]), n=len(missing))
    return {c: found[c] for c in county}
