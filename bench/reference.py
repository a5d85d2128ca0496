"""The two references, on the same store as the pages: the floor and the pandas way.

*Floor*: the queries a page ran (recorded by ``bench.pages``), run straight on DuckDB through
``reception.queries.run`` on an open connection, without Streamlit or its cache: what the page
cannot be faster than. *Pandas*: the main questions answered by ``bench.naive``, against the
query file that answers them in the app. Also every query file on its own.
"""

from __future__ import annotations

from pathlib import Path

from bench import naive
from bench.timing import measure, ratio
from reception import queries, store

EVENTS_QUERY = "bench_events_monthly"


def _has_events(db: Path) -> bool:
    with store.connect_read(db) as con:
        found = con.execute(
            "select count(*) from information_schema.tables where table_name = 'arrival_events'"
        ).fetchone()[0]
        return bool(found) and con.execute("select count(*) from arrival_events").fetchone()[0] > 0


def replay(db: Path, calls: list[tuple]) -> None:
    """Run a page's recorded queries and view reads straight on DuckDB."""
    for kind, name, params in calls:
        if kind == "query":
            queries.run(name, params, db)
        else:  # a whole view, as the Data page reads it
            cursor = queries.reader(db)
            try:
                cursor.execute(f"select * from {name}").df()
            finally:
                cursor.close()


def floor(db: Path, calls: list[tuple], runs: int, warmup: int = 1) -> dict:
    """Median and p95 of the page's queries run one after another, straight on DuckDB."""
    return measure(lambda: replay(db, calls), runs, warmup)


def query_files(db: Path, params: dict, runs: int, warmup: int = 1) -> dict[str, dict]:
    """Every file in queries/ on ``db`` with the default selection (bench_* where its table exists);
    the planning questions for Dalarna in the selection's last year, as the Planering page starts; the
    preview's länstal for that year."""
    with store.connect_read(db) as con:
        live = [r[0] for r in con.execute("select load_id from loads where undone_at is null").fetchall()]
    params = {
        **params,
        "from_load": min(live),
        "to_load": max(live),
        "lan_kod": "20",
        "year": params["year_to"],
        "years": [params["year_to"]],  # the importer preview's länstal, for the selection's last year
    }
    events = _has_events(db)
    out = {}
    for file in sorted(queries.QUERIES.glob("*.sql")):
        if file.stem.startswith("bench_") and not events:
            continue
        out[file.stem] = measure(lambda name=file.stem: queries.run(name, params, db), runs, warmup)
    return out


def pandas_vs_duckdb(db: Path, params: dict, runs: int, warmup: int = 1, event_runs: int = 0) -> dict:
    """Each main question in DuckDB (its query file) and in naive pandas; ratio pandas / DuckDB.

    With ``event_runs`` and an event table in the store, also monthly inflow counted from the
    events themselves (bench_events_monthly.sql against pandas over every event row).
    """
    out = {}
    con = queries.reader(db)  # the very data the query files read
    con.execute("set enable_progress_bar = false")
    try:
        for question, (name, one_year, pandas_fn, key, column) in naive.QUESTIONS.items():
            asked = {**params, "year_from": params["year_to"]} if one_year else params
            duck = measure(lambda n=name, a=asked: queries.run(n, a, db), runs, warmup)
            pandas = measure(lambda f=pandas_fn, a=asked: f(con, a), runs, warmup)
            same = naive.agrees(queries.run(name, asked, db), pandas_fn(con, asked), key, column)
            out[question] = _pair(name, duck, pandas, same, "views")
        if event_runs and _has_events(db):
            duck = measure(lambda: queries.run(EVENTS_QUERY, params, db), event_runs, warmup)
            pandas = measure(lambda: naive.inflow_monthly(con, params, events=True), event_runs, warmup)
            same = naive.agrees(
                queries.run(EVENTS_QUERY, params, db),
                naive.inflow_monthly(con, params, events=True),
                "month",
                "persons",
            )
            out["monthly inflow from the events"] = _pair(EVENTS_QUERY, duck, pandas, same, "events")
    finally:
        con.close()
    return out


def _pair(query: str, duck: dict, pandas: dict, same: bool, source: str) -> dict:
    return {
        "query": query,
        "reads": source,
        "duckdb": duck,
        "pandas": pandas,
        "pandas_over_duckdb": ratio(pandas["median_ms"], duck["median_ms"]),
        "same_answer": same,
    }
