"""``ingest --dry-run``: the preview on the command line, read in the child like a load, and nothing
changed: the store's bytes are the same afterwards, and a store that did not exist is not made."""

from __future__ import annotations

from guided_files import planners_summary_csv
from ingest_helpers import cli, leftovers
from official_layouts import kommunmottagna_xlsx

from reception.store import documents


def test_dry_run_prints_the_preview_and_leaves_the_stores_bytes_as_they_were(fresh_store, tmp_path):
    f = kommunmottagna_xlsx()
    before = fresh_store.read_bytes()
    done = cli(fresh_store, "ingest", str(f.write(tmp_path)), "--dry-run")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert f"Förhandsvisning av {f.name} (ingenting har sparats)" in out
    assert "blad 'Kommunmottagna', rubrikrad 8, data på rad 9–19" in out
    assert "    C: kommun (namn eller kod) — ur cellerna (gissning)\n" in out
    assert f"rad {f.row('Delsumma DALARNAS LÄN')} (delsumma): DALARNAS LÄN · Delsumma" in out
    assert "Mottagna per kategori 2024: kommuner: 7; summa personer: 305" in out
    assert "year | as_of_month | kommun_kod | category | persons | of_which_unaccompanied" in out
    assert "2024 | 10 | 0127 | quota_refugee | 12.0 | 1.0" in out
    assert out.rstrip().endswith("Kan läsas in; titta först på gissningarna.")
    assert fresh_store.read_bytes() == before
    assert leftovers(fresh_store) == [] and not documents.folder(fresh_store).exists()


def test_a_dry_run_of_a_file_that_needs_choices_says_so_and_exits_2(fresh_store, tmp_path):
    f = planners_summary_csv()
    before = fresh_store.read_bytes()
    done = cli(fresh_store, "ingest", str(f.write(tmp_path)), "--dry-run")
    assert done.returncode == 2
    assert "B (Beslutat): inte placerad (läses inte) — rubriken känns inte igen" in done.stdout
    assert "Rubrikraden (rad 3) är en gissning" in done.stdout
    assert "Kan inte läsas in än: välj det som filen inte säger." in done.stderr
    assert fresh_store.read_bytes() == before


def test_a_dry_run_makes_no_store_where_there_was_none(tmp_path):
    f = kommunmottagna_xlsx()
    missing = tmp_path / "ny.duckdb"
    done = cli(missing, "--lang", "en", "ingest", str(f.write(tmp_path)), "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "Preview of" in done.stdout and "Can be loaded; look at the guesses first." in done.stdout
    assert not missing.exists()
