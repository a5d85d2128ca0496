"""python -m reception scenario: the table printed, the decision draft written, refusals with exit 2."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from openpyxl import load_workbook

from reception import ingest
from reception.__main__ import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ingest"))
import official_layouts as ol  # noqa: E402


def numbers_printed(out: str) -> dict[str, int]:
    rows = re.findall(r"^(\S[^\d\n]*?)\s+(\d+)\s+\d+,\d\s%", out, flags=re.MULTILINE)
    return {name.strip(): int(number) for name, number in rows}


def test_the_lanstal_of_the_year_shared_by_this_years_kommuntal(plan_store, capsys):
    assert (
        main(["--db", str(plan_store), "scenario", "--year", "2026", "--county", "20", "--key", "share"]) == 0
    )
    out = capsys.readouterr().out
    assert out.startswith("Scenario: 321 personer i Dalarnas län 2026")
    numbers = numbers_printed(out)
    assert len(numbers) == 15 and sum(numbers.values()) == 321
    assert "största restmetoden" in out and "kommuntalen 2026" in out


def test_equal_key_with_a_total_and_the_decision_draft(plan_store, tmp_path, capsys):
    out_file = tmp_path / "beslut.xlsx"
    argv = ["--db", str(plan_store), "scenario", "--year", "2027", "--county", "20", "--total", "100"]
    assert main([*argv, "--key", "equal", "--out", str(out_file)]) == 0
    numbers = numbers_printed(capsys.readouterr().out)
    assert sorted(numbers.values()) == [6] * 5 + [7] * 10  # 100 / 15 = 6.67
    rows = list(load_workbook(out_file).worksheets[0].values)
    assert rows[-1][0] == "Totalt" and rows[-1][2] == 100
    assert {r[0]: r[2] for r in rows[1:-1]} == numbers


def test_a_national_total_goes_to_the_county_by_the_lanstal_shares(plan_store, capsys):
    argv = ["--db", str(plan_store), "scenario", "--year", "2026", "--county", "20", "--national"]
    assert main([*argv, "--total", "16400", "--key", "equal"]) == 0
    assert capsys.readouterr().out.startswith("Scenario: 642 personer")


def test_a_weight_file_is_a_key(plan_store, tmp_path, capsys):
    weights = tmp_path / "vikter.csv"
    names = ["Avesta", "Borlänge", "Falun", "Gagnef", "Hedemora", "Leksand", "Ludvika", "MALUNG", "Mora"]
    names += ["Orsa", "Rättvik", "Smedjebacken", "Säters kommun", "Vansbro", "Älvdalen"]
    lines = ["Kommun;Vikt"] + [f"{n};{3 if n == 'Falun' else 0}" for n in names] + ["Summa;3"]
    weights.write_text("\n".join(lines), encoding="cp1252")
    argv = ["--db", str(plan_store), "scenario", "--year", "2026", "--county", "20", "--total", "50"]
    assert main([*argv, "--key", str(weights)]) == 0
    numbers = numbers_printed(capsys.readouterr().out)
    assert numbers["Falun"] == 50 and sum(numbers.values()) == 50


def test_refusals_exit_2_with_a_message(plan_store, capsys):
    base = ["--db", str(plan_store), "scenario", "--county", "20", "--key", "share"]
    assert main([*base, "--year", "2027"]) == 2  # no länstal for 2027 and no --total
    assert "Inget länstal för 2027" in capsys.readouterr().err
    assert (
        main(["--db", str(plan_store), "scenario", "--year", "2026", "--county", "99", "--key", "equal"]) == 2
    )
    assert "Okänt län 99" in capsys.readouterr().err
    assert main([*base, "--year", "2026", "--key", "nosuchfile.csv"]) == 2
    assert "Okänd nyckel" in capsys.readouterr().err


def test_population_key_by_hand_for_dalarna(plan_store, capsys):
    argv = ["--db", str(plan_store), "scenario", "--year", "2026", "--county", "20", "--key", "population"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    numbers = numbers_printed(out)
    # data/population.csv 2024: Dalarna 286 546 inhabitants (sum of its 15), Vansbro 6 752:
    # 321 x 6 752 / 286 546 = 7.56 -> 7 or 8
    assert numbers["Vansbro"] in (7, 8) and sum(numbers.values()) == 321
    assert "befolkningen 2024" in out


def test_the_table_has_one_value_per_column_aligned(plan_store, capsys):
    argv = ["--db", str(plan_store), "scenario", "--year", "2026", "--county", "20", "--key", "share"]
    assert main(argv) == 0
    out = capsys.readouterr().out.splitlines()
    table = out[out.index("") + 1 : out.index("", out.index("") + 1)]
    assert len(table) == 16  # the header and Dalarna's 15
    assert "·" not in "\n".join(table)
    cells = [re.split(r"\s{2,}", line.strip()) for line in table]
    assert {len(row) for row in cells} == {8}  # kommun, number, share, exact, free, buffer, short, from
    assert cells[0][-1] == "Räcker inte från" and re.fullmatch(r"[a-z]{3} 2026|–", cells[1][-1])
    assert len({len(line) for line in table}) == 1  # every column ends where its header ends


def test_a_year_without_a_decision_takes_the_sum_of_the_kommuntal_and_says_so(store_path, capsys):
    f = ol.county_decision_xlsx(title="Kommuntal 2025 – Hallands län", stated=None)
    ingest.ingest_bytes(f.name, f.data, store_path=store_path)
    argv = ["--db", str(store_path), "scenario", "--year", "2025", "--county", "13", "--key", "share"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("Scenario: 321 personer i Hallands län 2025")
    assert "321, summa av kommuntalen för Hallands län" in out
