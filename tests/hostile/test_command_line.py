"""The command line never prints a traceback, a path outside the repository or a control character
(unless ``--debug``), speaks the language it is asked to on every subcommand, and runs the whole
hostile corpus through ``ingest``, ``scenario --key`` and ``handout --deck`` with a refusal in words.

It printed full Python tracebacks and Rust panic backtraces with the machine's paths, and a file
name holding ``ESC[2J`` cleared the operator's screen when ``loads`` listed it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import corpus
import pytest

from reception.ingest import names
from reception.store import documents, loadlog, writer

ROOT = Path(__file__).resolve().parents[2]
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# a path of this machine outside the repository: a system folder, the Python or Rust installation
OUTSIDE = re.compile(r"(?<![\w.])/(?:usr|root|home|tmp|var|opt|etc|proc|work)/|site-packages|\.cargo|\.rs:\d")
SWEDISH = re.compile(
    r"[åäöÅÄÖ]|\b(?:och|inte|filen|inläsning|rader|sida|sidor|skriven|skrivna|till|gäller|rad|raden|kolumn|"
    r"kolumnen|kolumner|blad|bladet|summa|skrivet|eller|ingen|inga|finns|saknas|klart|sparad|laddning|"
    r"laddningar|kommuner|mottagna|exempel|hela landet|totalt|antal|inl[a]st)\b",
    re.I,
)
# the official figures' names, which the English text gives as a file's header writes them
TERMS = re.compile(r"\b(?:kommuntal|fördelningstal|anvisningsandel|länstal)\b", re.I)


def swedish(text: str) -> list[str]:
    """The Swedish words in ``text`` but the places' names (the reference's names are Swedish) and the
    official figures' names."""
    places = [*names.places().kommun.values(), *names.places().lan.values()]
    proper = "|".join(map(re.escape, sorted(places, key=len, reverse=True)))
    return SWEDISH.findall(TERMS.sub("", re.sub(proper, "", text)))


def python_m_reception(*args: str, db: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "RECEPTION_DB": str(db)}
    command = [sys.executable, "-m", "reception", *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def clean(text: str, *also: str) -> list[str]:
    """What is wrong with text the command line printed (empty: nothing)."""
    found = []
    if "Traceback" in text or "panicked" in text:
        found.append("a traceback")
    if match := OUTSIDE.search(text):
        found.append(f"a path outside the repository: {match.group(0)!r}")
    if match := CONTROL.search(text):
        found.append(f"a control character: {match.group(0)!r}")
    found += [f"{a!r}" for a in also if a and a in text]
    return found


@pytest.fixture(scope="module")
def corpus_run(_demo_master, tmp_path_factory) -> tuple[dict[str, int], dict[str, str], Path]:
    """Every case through ingest, scenario --key and handout --deck, in one process of its own:
    (exit statuses, what each run printed on stdout and stderr, the folder the files were in)."""
    folder = tmp_path_factory.mktemp("cli_corpus")
    db = folder / "reception.duckdb"
    documents.copy_store(_demo_master, db)
    results = folder / "results.json"
    command = [
        sys.executable,
        str(Path(__file__).with_name("cli_corpus.py")),
        str(db),
        str(folder),
        str(results),
    ]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stderr[-3000:]
    printed: dict[str, str] = {}
    for stream in (done.stdout, done.stderr):
        parts = re.split(r"^=== run (.+?) ===$", stream, flags=re.M)
        for key, text in zip(parts[1::2], parts[2::2], strict=True):
            printed[key] = printed.get(key, "") + text
    return json.loads(results.read_text()), printed, folder


def test_the_whole_corpus_runs_through_the_command_line(corpus_run):
    codes, _, _ = corpus_run
    assert len(codes) == 3 * len(corpus.CASES)


@pytest.mark.parametrize("case", corpus.CASES, ids=[c.id for c in corpus.CASES])
def test_each_case_ends_in_words_through_every_command(corpus_run, case):
    codes, printed, folder = corpus_run
    number = f"{corpus.CASES.index(case):03d}"
    for kind in ("ingest", "scenario", "handout"):
        key = f"{number} {kind} {case.id}"
        said = printed.get(key, "")
        loads = (case.command_line or case.expect) == "loaded"  # the command line's limits are larger
        expected = 0 if kind == "ingest" and loads else 2
        assert codes[key] == expected, (key, codes[key], said[-2000:])
        assert said.strip(), f"{key}: nothing said"
        assert not clean(said, str(folder)), (key, clean(said, str(folder)), said[-2000:])


def test_loads_prints_a_file_name_without_its_escape_sequences(store_path):
    name = "kommuntal\x1b[2J\x1b]0;owned\x07\x9b31m.xlsx"
    with writer.write(store_path) as con:
        loadlog.new_load(con, source=name, dataset="targets", rows=1)
    done = python_m_reception("loads", db=store_path)
    assert done.returncode == 0, done.stderr
    assert "kommuntal" in done.stdout and ".xlsx" in done.stdout
    assert not clean(done.stdout + done.stderr)


@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "en", "loads"],
        ["loads", "--lang", "en"],
        ["--lang", "en", "undo", "999"],
        ["--lang", "en", "export", "nothing", "--out", "x.csv"],
        ["--lang", "en", "export", "targets", "--out", "{tmp}/no/such/folder/x.csv"],
        ["--lang", "en", "export", "targets", "--out", "{tmp}/targets.csv"],
        ["--lang", "en", "ingest", "{tmp}/missing.xlsx"],
        ["--lang", "en", "ingest", "{tmp}/bad.csv"],
        ["--lang", "en", "scenario", "--year", "2026", "--county", "20", "--key", "equal"],
        ["--lang", "en", "scenario", "--year", "2026", "--county", "20", "--key", "{tmp}/bad.csv"],
        ["--lang", "en", "handout", "--deck", "{tmp}/bad.csv", "--out", "{tmp}/a.pdf"],
        ["--lang", "en", "handout", "--deck", "x.json", "--page", "/", "--out", "{tmp}/a.pdf"],
        ["--lang", "en", "demo"],
    ],
    ids=lambda args: " ".join(args).replace("{tmp}/", ""),
)
def test_every_subcommand_speaks_english_when_asked(args, demo_store, tmp_path):
    (tmp_path / "bad.csv").write_bytes(b"Kommun;Vikt\nAtlantis;1\n")
    done = python_m_reception(*(a.replace("{tmp}", str(tmp_path)) for a in args), db=demo_store)
    said = done.stdout + done.stderr
    assert done.returncode in (0, 2), said
    assert said.strip()
    assert not swedish(said), said
    assert not clean(said, str(tmp_path)), said


def test_an_unexpected_error_is_one_line_and_its_traceback_comes_only_with_debug(tmp_path):
    folder_as_store = tmp_path / "a_folder.duckdb"
    folder_as_store.mkdir()
    done = python_m_reception("loads", db=folder_as_store)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "Kommandot stoppades av ett oväntat fel; ingenting har ändrats. "
        "Kör det igen med --debug för att se detaljerna."
    ]
    assert not clean(done.stdout + done.stderr)
    debugged = python_m_reception("--debug", "--lang", "en", "loads", db=folder_as_store)
    assert debugged.returncode == 1
    assert "Traceback" in debugged.stderr and "Run it again with --debug" in debugged.stderr


def _run(capsys, *args: str) -> tuple[int, str]:
    from reception import __main__ as command

    try:
        code = command.main(["--lang", "en", *args])
    except SystemExit as done:  # --help
        code = done.code
    out, err = capsys.readouterr()
    return code, out + err


def test_every_subcommand_and_its_help_speaks_english_in_process(demo_store, tmp_path, capsys):
    """Each subcommand's own work (not only its refusals), run in this process: a preview and a load,
    recipes, loads, undo and redo of the load, an export and a scenario as xlsx, and every --help."""
    from openpyxl import load_workbook

    from reception import __main__ as command

    target = tmp_path / "targets.csv"
    target.write_text("Kommunkod;Kommun;Kommuntal 2027\n2080;Falun;40\n2081;Borlänge;35\n", encoding="utf-8")
    runs = [  # (arguments, exit status); the demo's figures first: a real file retires them
        (["export", "targets", "--out", str(tmp_path / "targets.xlsx")], 0),
        (
            [
                "scenario",
                "--year",
                "2026",
                "--county",
                "20",
                "--key",
                "share",
                "--out",
                str(tmp_path / "s.xlsx"),
            ],
            0,
        ),
        (["scenario", "--year", "2027", "--county", "20", "--total", "300", "--key", "population"], 0),
        (["scenario", "--year", "2027", "--county", "20", "--key", "share"], 2),  # no total known
        (["ingest", str(target), "--dry-run"], 0),
        (["ingest", str(target)], 0),
        (["recipes"], 0),
        (["recipes", "--remove", "nothing"], 2),
        (["loads"], 0),
        (["--help"], 0),
        *(
            ([name, "--help"], 0)
            for name in ("demo", "ingest", "recipes", "loads", "undo", "export", "handout")
        ),
        (["scenario", "--help"], 0),
    ]
    for args, status in runs:
        code, said = _run(capsys, *args)
        assert code == status, (args, said)
        assert said.strip(), args
        assert not swedish(said.replace(target.name, "")), (args, said)
        assert not clean(said, str(tmp_path)), (args, said)
    last = max(int(line.split()[0]) for line in _run(capsys, "loads")[1].splitlines()[1:])
    for status in (0, 2):  # the second undo is refused: undone already
        code, said = _run(capsys, "undo", str(last))
        assert code == status and said.strip() and not swedish(said), said
    for name in ("targets.xlsx", "s.xlsx"):
        book = load_workbook(tmp_path / name)
        assert book.sheetnames[-1] == "About the data", book.sheetnames
        words = " ".join(
            str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row if c
        )
        assert not swedish(words.replace(target.name, "")), (name, swedish(words))
    assert set(command.parser("en")._subparsers._group_actions[0].choices) == {
        "demo",
        "ingest",
        "recipes",
        "loads",
        "undo",
        "export",
        "handout",
        "scenario",
    }
