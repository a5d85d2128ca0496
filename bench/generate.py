"""Scaled data: event-level arrivals files (parquet, CSV, xlsx) and the stores the pages run on.

Events are one row per person received, in the importer's ``arrival_events`` layout: ``datum``
(date), ``kommun_kod`` ('0180'), ``kategori`` (Swedish), ``ensamkommande`` (boolean in parquet,
ja/nej in CSV and xlsx). They are made by DuckDB from hashes of the row number, so a file of a
given size is the same on every machine; municipalities are drawn by a size weight (the big
cities more often), dates evenly from January 2016 to the end of last month, in date order as an
extract comes. Files are kept in ``bench/out/data`` and made again only when missing or made for
another month.
"""

from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import duckdb

from reception import demo, geo

OUT = Path(__file__).resolve().parent / "out"
DATA = OUT / "data"
VERSION = 1  # bump when the files' content changes
FIRST_DAY = date(2016, 1, 1)
# (kategori, percent of events): shares in the spirit of the demo's national mix
CATEGORIES = (
    ("anvisad", 25),
    ("kvotflykting", 12),
    ("egenbosatt", 35),
    ("anhörig", 15),
    ("övrig", 5),
    ("tillfälligt skydd", 8),
)
UNACCOMPANIED_PERCENT = 4


def last_day(today: date) -> date:
    """The last day of the month before ``today`` (the newest complete month)."""
    return today.replace(day=1) - timedelta(days=1)


def weighted_codes() -> list[str]:
    """Every municipality code once, the big cities as many extra times as their demo weight."""
    codes = sorted(geo.municipalities().column("kommun_kod").to_pylist())
    return codes + [code for code, weight in demo.BIG.items() for _ in range(weight)]


def events_sql(rows: int, today: date) -> tuple[str, list]:
    """The SELECT that makes ``rows`` events, and its parameters."""
    days = (last_day(today) - FIRST_DAY).days + 1
    category, bound = [], 0
    for name, percent in CATEGORIES:
        bound += percent
        category.append(f"when hash(i, 3) % 100 < {bound} then '{name}'")
    sql = f"""
        select
            ?::date + cast(i * ? // ? as integer) as datum,
            list_extract(?::varchar[], 1 + cast(hash(i, 2) % ? as integer)) as kommun_kod,
            case {" ".join(category)} end as kategori,
            hash(i, 4) % 100 < {UNACCOMPANIED_PERCENT} as ensamkommande
        from range(?) as r(i)
    """
    codes = weighted_codes()
    return sql, [FIRST_DAY, days, rows, codes, len(codes), rows]


def _connect() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("set enable_progress_bar = false")
    return con


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _fresh(path: Path, stamp: dict) -> bool:
    marker = path.with_name(path.name + ".json")
    return path.exists() and marker.exists() and json.loads(marker.read_text()) == stamp


def _stamp(path: Path, stamp: dict) -> None:
    path.with_name(path.name + ".json").write_text(json.dumps(stamp))


def events_file(rows: int, fmt: str, today: date) -> tuple[Path, bool]:
    """The events file of ``rows`` rows in ``fmt`` (parquet, csv or xlsx); made when missing.

    Returns:
        The file, and whether it was made now (False: reused from an earlier run).
    """
    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"arrival_events_{rows}.{fmt}"
    stamp = {"version": VERSION, "rows": rows, "through": str(last_day(today))}
    if _fresh(path, stamp):
        return path, False
    if fmt == "parquet":
        sql, params = events_sql(rows, today)
        with _connect() as con:
            con.execute(f"copy ({sql}) to {_quoted(path)} (format parquet, compression zstd)", params)
    elif fmt == "csv":
        source, _ = events_file(rows, "parquet", today)
        with _connect() as con:
            con.execute(
                f"""copy (
                    select strftime(datum, '%Y-%m-%d') as datum, kommun_kod, kategori,
                           case when ensamkommande then 'ja' else 'nej' end as ensamkommande
                    from read_parquet({_quoted(source)})
                ) to {_quoted(path)} (format csv, delimiter ';', header true, quote '"')"""
            )
    elif fmt == "xlsx":
        _write_xlsx(path, rows, today)
    else:
        raise ValueError(fmt)
    _stamp(path, stamp)
    return path, True


def _write_xlsx(path: Path, rows: int, today: date) -> None:
    """An event-level sheet as Excel holds it: a header row, then dates as dates, ja/nej as text."""
    from openpyxl import Workbook

    source, _ = events_file(rows, "parquet", today)
    with _connect() as con:
        records = con.execute(
            f"""select datum, kommun_kod, kategori, case when ensamkommande then 'ja' else 'nej' end
                from read_parquet({_quoted(source)})"""
        ).fetchall()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Mottagna")
    sheet.append(["datum", "kommun_kod", "kategori", "ensamkommande"])
    for record in records:
        sheet.append(record)
    tmp = path.with_name(path.name + ".part")
    book.save(tmp)
    tmp.replace(path)


def demo_store(folder: Path, today: date) -> Path:
    """A store with the demo (290 municipalities, monthly, 2016 onwards, every category)."""
    path = folder / "demo.duckdb"
    demo.load_demo(path, today=today)
    return path


def copy_store(source: Path, target: Path) -> Path:
    """A private copy of a store (for a load that must not change the original)."""
    shutil.copyfile(source, target)
    return target
