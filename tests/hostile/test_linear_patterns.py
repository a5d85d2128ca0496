"""Every pattern the importer applies to cell text takes time linear in the text, and cells are capped.

A pattern that backtracks freezes whoever runs it: ``(\\s*(\\*+|...))+\\s*$`` on a name with 100 000
spaces held the server for minutes, and on 30 stars before a letter it never ended. Here every
pattern of the importer (each compiled one in its modules, and each written inline in a ``re`` call,
found by walking the code) searches 1 MB of text built to make a backtracking pattern try every
start. The bounds are generous (a linear search of 1 MB takes 10–200 ms here; a quadratic one takes
hours), so a loaded two-core machine never fails them by chance.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import signal
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import reception.ingest
from reception.ingest import names, read, vocabulary
from reception.planning import from_store

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "hostile"))
import corpus  # noqa: E402

MB = 1 << 20
SECONDS = 2.0  # one search of 1 MB; linear patterns need at most 0.2 s here
# runs of what makes a backtracking pattern try every start: spaces, marks, digits, letters, words
UNITS = (" ", "\t", "*", "¹", "(1)", "1)", "a", "å", "0", "1 ", "0 ", "a ", "-", " -", ". ", ",", "jan ",
         "från ", "summa ", "t.o.m. ", "2024 ", "2024-01-01 ")  # fmt: skip
MODULES = [f"reception.ingest.{m.name}" for m in pkgutil.iter_modules(reception.ingest.__path__)]
MODULES.append("reception.planning.weights")


def _compiled(value: object, found: dict[str, re.Pattern]) -> None:
    if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
        found.setdefault(value.pattern, value)
    elif isinstance(value, list | tuple):
        for item in value:
            _compiled(item, found)
    elif isinstance(value, dict):
        for item in value.values():
            _compiled(item, found)


def patterns() -> dict[str, re.Pattern]:
    """Every str pattern of the importer: compiled at module level, or a literal in a ``re.*`` call."""
    found: dict[str, re.Pattern] = {}
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for value in vars(module).values():
            _compiled(value, found)
        for node in ast.walk(ast.parse(Path(module.__file__).read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.setdefault(node.args[0].value, re.compile(node.args[0].value))
    return found


class TooSlow(Exception):
    pass


def _interrupt(signum, frame):
    raise TooSlow


def seconds_to_search(pattern: re.Pattern, text: str) -> float:
    """How long ``pattern.search(text)`` takes; TooSlow past the bound (the regex engine checks for
    signals as it runs, so a backtracking search is interrupted, not waited for)."""
    previous = signal.signal(signal.SIGALRM, _interrupt)
    signal.setitimer(signal.ITIMER_REAL, SECONDS)
    started = time.perf_counter()
    try:
        pattern.search(text)
        return time.perf_counter() - started
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_the_walk_finds_the_patterns_that_matter():
    found = patterns()
    assert len(found) > 80
    assert vocabulary.SINCE.pattern in found and names.TOTAL_WORDS.pattern in found
    assert r"[\s\-‐‑–—.'’]+" in found  # an inline one, in names.key


@pytest.mark.parametrize("unit", UNITS)
def test_every_pattern_searches_a_megabyte_in_linear_time(unit):
    text = (unit * (MB // len(unit) + 1))[:MB] + "!"
    slow = []
    for source, pattern in patterns().items():
        try:
            seconds_to_search(pattern, text)
        except TooSlow:
            slow.append(source)
    assert not slow, f"these patterns backtrack on {unit!r} repeated: {slow}"


def test_the_bound_catches_a_backtracking_pattern():
    """The old footnote pattern: the same test would have failed on it."""
    old = re.compile(r"(\s*(\*+|[¹²³⁴⁵⁶⁷⁸⁹]+|\(\d\)|\d\)))+\s*$")
    with pytest.raises(TooSlow):
        seconds_to_search(old, "Falun" + " " * MB + "x")


OLD_FOOTNOTE = re.compile(r"(\s*(\*+|[¹²³⁴⁵⁶⁷⁸⁹]+|\(\d\)|\d\)))+\s*$")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Falun*", "Falun"),
        ("Falun **", "Falun"),
        ("Falun 1)", "Falun"),
        ("Falun (2)", "Falun"),
        ("Falun²³", "Falun"),
        ("Falun (12)", "Falun (1"),  # as the pattern did: '2)' is a mark, '(12)' is not
        ("Falun", "Falun"),
        ("Falun   ", "Falun   "),  # no mark: nothing is taken
        ("Totalt* 1) ", "Totalt"),
        ("", ""),
    ],
)
def test_footnote_marks_go_as_before(text, expected):
    assert vocabulary.without_footnotes(text) == expected == OLD_FOOTNOTE.sub("", text)


@given(st.text(alphabet=" *¹()12aÅ", max_size=12))
def test_footnote_marks_go_exactly_as_the_old_pattern_took_them(text):
    assert vocabulary.without_footnotes(text) == OLD_FOOTNOTE.sub("", text)


def test_the_matching_functions_answer_at_once_for_a_megabyte_of_text():
    places = names.places()
    for unit in (" ", "*", "(1)", "a", "1 "):
        cell = "Falun" + unit * (MB // len(unit))
        started = time.perf_counter()
        vocabulary.read_header(cell)
        places.municipality(cell)
        places.county(cell)
        places.subtotal_county(cell)
        names.is_total(cell)
        names.is_subtotal(cell)
        assert time.perf_counter() - started < 5 * SECONDS, unit


def test_a_cell_and_a_sheet_name_are_cut_before_anything_matches_them():
    long_name = "Blad" + "x" * 5000
    data = corpus.xlsx([corpus.sheet_xml(corpus.rows_xml([["Falun" + "x" * 100_000, 1]]))], names=[long_name])
    sheet = read.read("v.xlsx", data)[0]
    assert len(sheet.grid.column("c0")[0].as_py()) == read.MAX_CELL
    assert sheet.name == long_name[: read.MAX_CELL]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_weight_file_with_a_name_of_100_000_characters_is_answered_within_a_second(demo_store, kind):
    """The file that froze the server for three minutes. Bound: one second, as the issue asks (it
    takes about 0.2 s here; the first read, which starts the reading process, is made before)."""
    name = "Falun" + " " * 99_995
    if kind == "xlsx":
        data = corpus.xlsx([corpus.sheet_xml(corpus.rows_xml([["Kommun", "Vikt"], [name, 1]]))])
    else:
        data = f"Kommun;Vikt\n{name};1\n".encode()
    with pytest.raises(from_store.ScenarioRefused):
        from_store.read_weights("warm.csv", "20", b"Kommun;Vikt\nFalun;1\n")  # starts the fork server
    started = time.monotonic()
    with pytest.raises(from_store.ScenarioRefused) as refused:
        from_store.read_weights(f"vikter.{kind}", "20", data)
    assert time.monotonic() - started < 1.0
    # Falun is found (the spaces after a name are no part of it); the county's others are missing
    assert refused.value.code in ("file_missing", "file_refused")
