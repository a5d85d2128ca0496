"""Messages in the user's language: every importer problem carries a code and its fields and is worded
through the label table at display time, so the English interface reads English and the Swedish one
Swedish; the command line is Swedish unless asked for --lang en."""

from __future__ import annotations

import re

import pytest
from official_files import NBSP
from official_layouts import (
    county_decision_xlsx,
    kolada_csv,
    kommunmottagna_with_errors,
    kommunmottagna_xlsx,
    scb_population_xlsx,
)

from reception import __main__ as command
from reception import ingest
from reception.i18n import LABELS, set_language


def _refused_file():
    return kommunmottagna_xlsx(kommunmottagna_with_errors(0, -1))


def _refusal(store_path) -> ingest.IngestRefused:
    f = _refused_file()
    with pytest.raises(ingest.IngestRefused) as refused:
        ingest.ingest_bytes(f.name, f.data, store_path=store_path)
    return refused.value


def test_a_refusal_reads_in_english_and_in_swedish(fresh_store):
    f = _refused_file()
    refused = _refusal(fresh_store)
    by_code = {p.code: p for p in refused.problems}
    assert set(by_code) == {"negative", "unknown_area"}
    unknown, negative = by_code["unknown_area"], by_code["negative"]
    assert unknown.text("sv") == "okänd kommun."
    assert unknown.text("en") == "unknown municipality."
    assert negative.text("en") == "a count can't be negative."
    assert unknown.line("en") == (
        f"{f.name}, sheet 'Kommunmottagna', row {f.row('INGENSTANS')}, column C: the value 'INGENSTANS': "
        "unknown municipality."
    )
    assert unknown.line("sv") == (
        f"{f.name}, blad 'Kommunmottagna', rad {f.row('INGENSTANS')}, kolumn C: värdet 'INGENSTANS': "
        "okänd kommun."
    )
    assert refused.text("en").splitlines()[0] == f"{f.name}: 2 problems"
    assert refused.text("sv").splitlines()[0] == f"{f.name}: 2 problem"


def test_the_message_follows_the_language_of_whoever_reads_it(fresh_store):
    refused = _refusal(fresh_store)
    problem = next(p for p in refused.problems if p.code == "unknown_area")
    try:
        set_language("en")
        assert problem.message == "unknown municipality."
    finally:
        set_language("sv")
    assert problem.message == "okänd kommun."


def test_a_problem_with_fields_and_more_sentences_is_worded_whole_in_both(fresh_store):
    f = kolada_csv(["0114"], years=(2019,))
    with pytest.raises(ingest.IngestRefused) as refused:
        ingest.ingest_bytes(f.name, f.data, dataset="population", year=1800, store_path=fresh_store)
    problem = refused.value.problems[0]
    assert problem.text("sv") == "året 1800 är inte rimligt (2000–2100)."
    assert problem.text("en") == "the year 1800 is not plausible (2000–2100)."


def run(capsys, db, *args):
    code = command.main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_line_refuses_in_swedish_by_default_and_in_english_when_asked(
    fresh_store, tmp_path, capsys
):
    path = _refused_file().write(tmp_path)
    code, _, err = run(capsys, fresh_store, "ingest", str(path))
    assert code == 2
    assert err.startswith("Filen lästes inte in. Ingenting har ändrats.\n")
    assert "okänd kommun." in err and "ett antal kan inte vara negativt." in err
    code, _, err = run(capsys, fresh_store, "--lang", "en", "ingest", str(path))
    assert code == 2
    assert err.startswith("The file was not loaded. Nothing has changed.\n")
    assert "unknown municipality." in err and "a count can't be negative." in err
    assert "okänd" not in err and "blad" not in err


def test_the_command_line_summary_in_english(fresh_store, tmp_path, capsys):
    f = kolada_csv(["0114", "0180"], years=(2019,))
    code, out, _ = run(
        capsys, fresh_store, "--lang", "en", "ingest", str(f.write(tmp_path)), "--dataset", "population"
    )
    assert code == 0
    assert out.splitlines()[0] == f"Loaded: {f.name}"
    assert out.splitlines()[1].startswith("  Population on 31 December (SCB, Kolada): load ")
    assert "  total population: " in out


def test_every_problem_label_has_the_same_fields_in_both_languages():
    for key, (sv, en) in LABELS.items():
        if key.startswith("problem."):
            assert set(re.findall(r"{(\w+)}", sv)) == set(re.findall(r"{(\w+)}", en)), key


def test_warnings_and_notes_carry_their_code_and_read_in_english(fresh_store):
    f = scb_population_xlsx(years=(2019,), off_by={"20": 3})
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    (warning,) = result.warnings
    assert warning.code == "population_sum_differs"
    assert warning.text("en").replace(NBSP, " ") == (
        f"sheet 'Tabell', row {f.row('Dalarnas län')}: Dalarnas län 2019 stands as 287 969 but the "
        "municipalities add up to 287 966."
    )
    assert warning.text("sv") == str(warning)
    lines = result.summary_lines("en")
    assert lines[0] == f"Loaded: {f.name}"
    assert "Warnings (1):" in lines
    assert not any("Varningar" in line or "summa" in line for line in lines)


def test_a_note_made_of_other_labels_reads_whole_in_english(fresh_store):
    f = county_decision_xlsx()
    result = ingest.ingest_bytes(f.name, f.data, store_path=fresh_store)
    year = next(n for n in result.notes if n.code == "year_from")
    assert year.text("en") == "Year 2019 from the title 'Kommuntal 2019 – Hallands län'."
    column = next(n for n in result.notes if n.code == "count_as_program")
    program = "Settlement Act (municipal quota)"
    assert column.text("en") == f"Column B (Antal) is read as {program}, as the title says."
