"""Every word users read comes from the label table: no Swedish string literal in the code outside
``reception/i18n/`` and the importer's reading vocabulary, except the few listed here with a reason.

The test parses the code (app.py, pages/, reception/) rather than grepping it, so a Swedish word in an
f-string, a default argument or a dict is found as surely as one in a call to ``st.write``. Docstrings
and comments are for developers and are not read. Besides å, ä and ö it looks for common Swedish words
written without them ("rad", "summa", "till och med") in any literal that holds a space.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from source_tree import code_files, string_literals, tree

SWEDISH_LETTERS = re.compile(r"[åäöÅÄÖ]")
# common Swedish words a message would hold, spelled without å, ä or ö
SWEDISH_WORDS = re.compile(
    r"(?i)\b(?:och|eller|inte|ingen|inga|finns|saknas|rad|rader|raden|kolumn|kolumnen|kolumner|filen|"
    r"blad|bladet|sida|sidan|summa|totalt|skrivet|skriven|sparad|sparat|klart|kunde|kan inte|har|"
    r"till|fel|okand|kommunen|kommuner|lanet|mottagna|inlasning|exempel|hela landet)\b"
)

# modules whose Swedish words are for reading files, not for anyone to read: wholly exempt
READING_MODULES = {
    "reception/ingest/vocabulary.py": "the importer's vocabulary: header, title and category words",
}

# (module, literal) -> why it may stay: words the importer matches in a file, names that are data
ALLOWED = {
    # reading: words and patterns the importer matches in files, never shown
    ("reception/ingest/names.py", "hälsingborg"): "an old spelling of Helsingborg, matched in files",
    ("reception/ingest/names.py", "s?län$"): "strips 'län' from a county name read in a file",
    ("reception/ingest/names.py", "län"): "a county's name as files and the reference write it",
    ("reception/ingest/names.py", "slän"): "a county's name as files write it (Dalarnas län)",
    ("reception/ingest/names.py", None): "total and subtotal rows recognised by their words (summa, totalt)",
    ("reception/ingest/period.py", None): "dates and periods in title rows (uppdaterad, till och med, helår)",
    ("reception/ingest/when.py", None): "year-to-date words in headers (hittills, till och med)",
    ("reception/ingest/population.py", None): "SCB's and Kolada's gender column values (båda könen)",
    ("reception/ingest/resolve.py", None): "what a chosen column holds, recognised by its header words",
    ("reception/ingest/arrivals.py", None): "Migrationsverket's title, recognised (ersättningsförordningen)",
    ("reception/ingest/targets.py", None): "a county decision's title and count header words",
    ("reception/ingest/values.py", None): "month names in a cell (mars 2024), matched with å, ä and ö",
    ("reception/ingest/layout.py", None): "header words of a table's count columns (antal, totalt)",
    ("reception/ingest/recipes.py", "åååå"): "a year in a recipe's kept fingerprint: saved recipes hold it",
    # names that are data, not words
    **{("reception/export.py", c): "å, ä, ö to a, a, o in download file names" for c in "åäöÅÄÖ"},
    ("reception/ui/sections.py", "Göteborgsregionen"): "a region's name in data/regions.csv, shortened to GR",
    (
        "reception/meeting/sample.py",
        "Göteborgsregionen",
    ): "a region's name in data/regions.csv, the sample slide's",
    ("reception/charts/targets.py", " län"): "cut from a county's name as the reference writes it",
}


def swedish_literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string literal in ``path`` that reads as Swedish and is not allowed."""
    found = []
    for node in string_literals(tree(path)):
        text = node.value
        if not (SWEDISH_LETTERS.search(text) or (" " in text and SWEDISH_WORDS.search(text))):
            continue
        if (str(path), text) in ALLOWED or (str(path), None) in ALLOWED:
            continue
        found.append((node.lineno, text))
    return found


def checked_files() -> list[Path]:
    return [p for p in code_files() if p.parts[:2] != ("reception", "i18n") and str(p) not in READING_MODULES]


@pytest.mark.parametrize("path", checked_files(), ids=str)
def test_no_swedish_literal_outside_the_label_table(path):
    found = swedish_literals(path)
    assert not found, (
        f"{path}: Swedish text in the code, put it in reception/i18n/labels.py (or, for words the "
        f"importer reads in files, in ALLOWED with a reason): {found}"
    )


def test_every_allowance_is_still_needed_and_says_why():
    exempt = {module for module, _ in ALLOWED} | set(READING_MODULES)
    for module in exempt:
        assert Path(module) in code_files(), f"{module} is allowed but no longer exists"
    for (module, text), reason in ALLOWED.items():
        assert len(reason) > 20, (module, text)
        literals = {n.value for n in string_literals(tree(Path(module)))}
        if text is not None:
            assert text in literals, f"{module}: {text!r} is allowed but no longer in the code"
        else:
            assert any(SWEDISH_LETTERS.search(s) or SWEDISH_WORDS.search(s) for s in literals), module


def test_the_check_finds_swedish_in_any_literal(tmp_path, monkeypatch):
    import source_tree

    code = (
        '"""Docstrings are fine: åäö."""\n'
        "def f(n):\n"
        '    """Här också."""\n'
        "    x = 1  # a comment: också\n"
        '    return f"{n} rader", g(label="Skrivet till"), {"k": "Ö"}\n'
    )
    module = ast.parse(code)
    monkeypatch.setattr(source_tree, "tree", lambda path: module)
    monkeypatch.setitem(globals(), "tree", lambda path: module)
    found = sorted(text for _, text in swedish_literals(Path("reception/x.py")))
    assert found == [" rader", "Skrivet till", "Ö"]
