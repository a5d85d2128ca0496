"""Demo and real never mix: what each kind of load retires, and what undo brings back."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from reception import demo, ingest, store
from reception.store import loadlog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
import official_files as of  # noqa: E402

TODAY = date(2026, 11, 22)


def live(path: Path) -> dict[int, tuple[bool, str | None]]:
    with store.connect_read(path) as con:
        rows = con.execute(
            "select load_id, is_demo, undone_at is null, undone_reason from loads where not is_reference"
        ).fetchall()
    return {r[0]: (r[1], r[3]) for r in rows if r[2]}


def reasons(path: Path) -> dict[int, tuple[str | None, int | None]]:
    with store.connect_read(path) as con:
        rows = con.execute("select load_id, undone_reason, retired_by from loads").fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


def load_kommuntal(path: Path) -> ingest.IngestResult:
    f = of.kommuntal_xlsx()
    return ingest.ingest_bytes(f.name, f.data, store_path=path)


def test_the_first_real_file_retires_the_demo_and_undoing_it_brings_the_demo_back(store_path):
    shown = demo.load_demo(store_path, today=TODAY)
    result = load_kommuntal(store_path)
    assert result.retired == shown
    assert list(live(store_path)) == result.load_ids
    assert {reasons(store_path)[i] for i in shown} == {("real_loaded", result.load_ids[0])}
    undone = loadlog.undo(result.load_ids[0], store_path)
    assert undone["restored"] == shown and list(live(store_path)) == shown


def test_undoing_a_real_load_keeps_the_demo_out_while_another_real_load_is_live(store_path):
    demo.load_demo(store_path, today=TODAY)
    first = load_kommuntal(store_path).load_ids[0]
    f = of.capacity_wide_xlsx()
    second = ingest.ingest_bytes(f.name, f.data, store_path=store_path)
    assert second.retired == []  # nothing of the demo was left to retire
    assert loadlog.undo(first, store_path)["restored"] == []
    assert list(live(store_path)) == second.load_ids


def test_the_demo_on_purpose_retires_real_loads_and_undoing_it_brings_them_back(store_path):
    real = load_kommuntal(store_path).load_ids
    shown = demo.load_demo(store_path, today=TODAY)
    assert list(live(store_path)) == shown
    assert reasons(store_path)[real[0]] == ("demo_loaded", shown[0])
    for load_id in shown[:-1]:  # the real load stays out while any demo load is live
        assert loadlog.undo(load_id, store_path)["restored"] == []
    assert loadlog.undo(shown[-1], store_path)["restored"] == real
    assert list(live(store_path)) == real


def test_a_replaced_demo_never_comes_back_beside_a_newer_one(store_path):
    old = demo.load_demo(store_path, today=TODAY)
    new = demo.load_demo(store_path, today=TODAY)
    assert {reasons(store_path)[i] for i in old} == {("demo_replaced", new[0])}
    real = load_kommuntal(store_path).load_ids[0]
    assert loadlog.undo(real, store_path)["restored"] == new


def test_undo_refusals_carry_a_code_and_are_worded_in_the_users_language(store_path):
    real = load_kommuntal(store_path).load_ids[0]
    loadlog.undo(real, store_path)
    with pytest.raises(loadlog.UndoRefused) as refused:
        loadlog.undo(real, store_path)
    assert refused.value.code == "already_undone" and refused.value.fields["id"] == real
    with pytest.raises(loadlog.UndoRefused) as unknown:
        loadlog.undo(999, store_path)
    assert (unknown.value.code, str(unknown.value)) == (
        "unknown",
        "Det finns ingen inläsning med nummer 999.",
    )
    assert unknown.value.message("en") == "There is no load number 999."
