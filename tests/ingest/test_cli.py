"""The command line: ``python -m reception --db FILE ingest PATH [--dataset] [--year] [--month]`` exits 0
with a summary (dataset, year, rows, municipalities matched, totals, warnings) or 2 with the problems on
stderr (file, row, column, value); ``loads``, ``undo``, ``export``. And it loads while another process
keeps reading the views, without a lock error."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from dataclasses import replace

import official_files as of
import pytest
from ingest_helpers import BIG_CSV_ROWS, cli, digits, one, query

from reception import __main__ as command
from reception import store


def run(capsys, db, *args) -> tuple[int, str, str]:
    """``python -m reception --db DB ...`` in this process: (exit status, stdout, stderr)."""
    try:
        code = command.main(["--db", str(db), *args])
    except SystemExit as exit_:  # argparse refuses unknown options this way
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_exits_0_with_a_summary_naming_dataset_year_rows_municipalities_and_totals(
    fresh_store, tmp_path, capsys
):
    f = of.arrivals_xlsx()
    code, out, err = run(capsys, fresh_store, "ingest", str(f.write(tmp_path)))
    assert code == 0, err
    text = digits(out)
    assert re.search(r"arrivals|mottag", text, re.I), out
    assert "2024" in text
    assert re.search(r"\b30\b", text), out  # rows stored
    assert re.search(r"\b6\b", text), out  # municipalities matched
    persons = sum(p for p, _ in of.expected_arrivals().values() if p is not None)
    assert str(persons) in text, out  # the total of known persons
    assert one(fresh_store, "select count(*) from arrivals_ytd") == 30


def test_ingest_summary_shows_the_warnings(fresh_store, tmp_path, capsys):
    f = of.kommuntal_xlsx(subtotal_off_by={"Dalarnas län": 5})
    code, out, err = run(capsys, fresh_store, "ingest", str(f.write(tmp_path)))
    assert code == 0, err
    row = f.row("subtotal Dalarnas län")
    warning = [
        line for line in out.splitlines() if "dalarna" in line.lower() or re.search(rf"\b{row}\b", line)
    ]
    assert warning, f"the subtotal warning belongs to the summary on stdout: {out!r}"
    assert "271" in digits(out) and "266" in digits(out)  # what the row says, what its municipalities give


def test_a_refused_ingest_exits_2_naming_file_row_column_and_value_on_stderr(fresh_store, tmp_path, capsys):
    entries = [replace(e, kommun="Atlantis") if e.kommun == "Nacka" else e for e in of.KOMMUNTAL_2024]
    f = of.kommuntal_xlsx(entries)
    before = store.data_version(fresh_store)
    code, out, err = run(capsys, fresh_store, "ingest", str(f.write(tmp_path)))
    assert code == 2
    assert f.name in err
    assert "Atlantis" in err
    assert re.search(r"\b8\b", err), err
    assert "B (Kommun)" in err
    assert str(tmp_path) not in err
    assert store.data_version(fresh_store) == before


def test_a_refused_ingest_lists_every_problem_on_stderr(fresh_store, tmp_path, capsys):
    entries = [
        replace(e, kommun="Atlantis")
        if e.kommun == "Nacka"
        else replace(e, target="tolv")
        if e.kommun == "Växjö"
        else e
        for e in of.KOMMUNTAL_2024
    ]
    f = of.kommuntal_xlsx(entries)
    code, _, err = run(capsys, fresh_store, "ingest", str(f.write(tmp_path)))
    assert code == 2
    assert "Atlantis" in err and "tolv" in err
    assert "C (Kommuntal)" in err


def test_a_missing_file_exits_2(fresh_store, tmp_path, capsys):
    code, _, err = run(capsys, fresh_store, "ingest", str(tmp_path / "finns_inte.xlsx"))
    assert code == 2
    assert "finns_inte.xlsx" in err


def test_the_year_option_fixes_a_file_without_a_year(fresh_store, tmp_path, capsys):
    path = of.kommuntal_xlsx(year=None).write(tmp_path)
    code, _, err = run(capsys, fresh_store, "ingest", str(path))
    assert code == 2
    assert "år" in err.lower()
    code, out, err = run(capsys, fresh_store, "ingest", str(path), "--year", "2024")
    assert code == 0, err
    assert query(fresh_store, "select distinct year from targets") == [(2024,)]


def test_the_month_option_sets_the_snapshot_month(fresh_store, tmp_path, capsys):
    path = of.arrivals_xlsx(month=9).write(tmp_path)
    code, _, err = run(capsys, fresh_store, "ingest", str(path), "--month", "11")
    assert code == 0, err
    assert query(fresh_store, "select distinct year, as_of_month from arrivals_ytd") == [(2024, 11)]


def test_a_month_that_does_not_exist_is_refused_with_exit_2(fresh_store, tmp_path, capsys):
    path = of.arrivals_xlsx(month=9).write(tmp_path)
    before = store.data_version(fresh_store)
    code, _, err = run(capsys, fresh_store, "ingest", str(path), "--month", "13")
    assert code == 2
    assert "13" in err
    assert "Traceback" not in err
    assert store.data_version(fresh_store) == before


def test_the_dataset_option_names_the_dataset(fresh_store, tmp_path, capsys):
    path = of.events_parquet().write(tmp_path)
    code, out, err = run(capsys, fresh_store, "ingest", str(path), "--dataset", "arrival_events")
    assert code == 0, err
    assert one(fresh_store, "select dataset from loads where source = ?", [path.name]) == "arrival_events"


def test_an_identical_file_again_exits_0_and_says_it_is_already_loaded(fresh_store, tmp_path, capsys):
    path = of.kommuntal_xlsx().write(tmp_path)
    assert run(capsys, fresh_store, "ingest", str(path))[0] == 0
    load_id = one(fresh_store, "select max(load_id) from loads")
    code, out, err = run(capsys, fresh_store, "ingest", str(path))
    assert code == 0, err
    assert re.search(rf"\b{load_id}\b", out), out
    assert one(fresh_store, "select max(load_id) from loads") == load_id


def test_loads_lists_the_file_and_undo_takes_it_back(fresh_store, tmp_path, capsys):
    f = of.kommuntal_xlsx()
    assert run(capsys, fresh_store, "ingest", str(f.write(tmp_path)))[0] == 0
    load_id = one(fresh_store, "select load_id from loads where source = ?", [f.name])
    code, out, _ = run(capsys, fresh_store, "loads")
    assert code == 0
    assert f.name in out and re.search(rf"^\s*{load_id}\s", out, re.M)
    code, out, err = run(capsys, fresh_store, "undo", str(load_id))
    assert code == 0, err
    assert query(fresh_store, "select count(*) from targets where year = 2024") == [(0,)]
    code, _, err = run(capsys, fresh_store, "undo", str(load_id))
    assert code == 2 and "ångrad" in err


def test_export_writes_the_loaded_view(fresh_store, tmp_path, capsys):
    f = of.kommuntal_xlsx()
    assert run(capsys, fresh_store, "ingest", str(f.write(tmp_path)))[0] == 0
    out_file = tmp_path / "targets.csv"
    code, _, err = run(capsys, fresh_store, "export", "targets", "--out", str(out_file))
    assert code == 0, err
    text = out_file.read_text(encoding="utf-8-sig")
    assert "0180" in text and "1882" in text


def test_the_command_line_runs_as_its_own_process(fresh_store, tmp_path):
    f = of.kommuntal_csv()
    done = cli(fresh_store, "ingest", str(f.write(tmp_path)))
    assert done.returncode == 0, done.stderr
    assert "2024" in done.stdout
    bad = of.kommuntal_csv(
        [replace(e, target="tolv") if e.kommun == "Ljungby" else e for e in of.KOMMUNTAL_2024]
    )
    bad.name = "kommuntal_fel.csv"
    done = cli(fresh_store, "ingest", str(bad.write(tmp_path)))
    assert done.returncode == 2
    assert "kommuntal_fel.csv" in done.stderr and "tolv" in done.stderr and re.search(r"\b7\b", done.stderr)


READER = r"""
import json, sys, time
from pathlib import Path
from reception import store

path, source, limit = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])
errors, iterations, before_new, seen, rows = [], 0, 0, False, None
deadline = time.monotonic() + limit
print("ready", flush=True)
while time.monotonic() < deadline:
    try:
        con = store.connect_read(path)
        try:
            for view in ("targets", "county_targets", "arrivals_ytd", "arrivals_year", "capacity"):
                con.execute(f"select count(*) from {view}").fetchone()
            con.execute("select count(*), sum(persons) from arrivals_month").fetchone()
            live = con.execute(
                "select load_id from loads where source = ? and undone_at is null", [source]
            ).fetchall()
            if live:
                rows = con.execute(
                    "select count(*) from arrivals_month where load_id = ?", [live[0][0]]
                ).fetchone()[0]
        finally:
            con.close()
        iterations += 1
        if live:
            seen = True
            break
        before_new += 1
    except Exception as exc:
        errors.append(f"{type(exc).__name__}: {exc}")
print(json.dumps({"errors": errors[:5], "n_errors": len(errors), "iterations": iterations,
                  "before_new": before_new, "seen": seen, "rows": rows}))
"""


@pytest.mark.slow
def test_ingest_loads_while_another_process_reads_without_a_lock_error(fresh_store, big_monthly_csv):
    small = of.kommuntal_xlsx()
    from reception import ingest

    ingest.ingest_bytes(small.name, small.data, store_path=fresh_store)
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(fresh_store), big_monthly_csv.name, "240"],
        cwd=store.ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert reader.stdout.readline().strip() == "ready"
        time.sleep(0.3)
        done = cli(fresh_store, "ingest", str(big_monthly_csv), timeout=240)
        assert done.returncode == 0, done.stderr
        out, err = reader.communicate(timeout=60)
    finally:
        if reader.poll() is None:
            reader.kill()
            reader.wait()
    assert reader.returncode == 0, err
    report = json.loads(out.strip().splitlines()[-1])
    assert report["n_errors"] == 0, report["errors"]
    assert "lock" not in err.lower()
    assert report["seen"], report
    assert report["before_new"] >= 3, "the reader was reading while the load ran"
    assert report["rows"] == BIG_CSV_ROWS
