"""Every coded message the code can raise or say has its label in both languages, and words without
a missing field: the codes are collected from the syntax tree, not grepped.

A code is whatever reaches a coded constructor: the importer's ``problem``, ``coded``, ``refuse``,
``Problem`` (and the codes of its ``more``), ``Said``; the deck's ``Problem``; ``ScenarioRefused``,
``UndoRefused``, ``HandoutFailed`` and the command line's ``Refused``. A function that passes a
parameter on as the code (``cell_problems(..., code)``, ``limits.refused(name, code)``) becomes a
constructor itself, and its callers are read. A code held in a variable is followed to its values
(assignments, conditional expressions, loops over literal tuples, f-strings, dict literals, a
function's return values); one that cannot be followed fails, unless DECLARED lists its values.

``ingest/months.py`` once passed a Swedish sentence as a code, and the user read "cannot be read as
csv (KeyError)": every code must be a key, and every label's fields are given where it is raised.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from code_values import Unresolved, _bindings, callee, enclosing, markers, param, resolve
from source_tree import code_files, string_literals, tree

from reception.i18n import t
from reception.i18n.labels import LABELS
from reception.ingest.problems import IngestRefused, Problem, Said

PROBLEMS = Path("reception/ingest/problems.py")
DECK = Path("reception/meeting/deck.py")
LOCATION = {"sheet", "row", "column", "value"}  # where a problem is, not fields of its sentence
PLACEHOLDER = re.compile(r"{(\w+)(?:![rsa])?}")
SWEDISH = re.compile(
    r"[åäöÅÄÖ]|\b(?:och|eller|inte|ingen|rad|rader|raden|kolumn|kolumnen|blad|bladet|filen|summa|"
    r"till|har|kan|finns|saknas|skrivet|inläsning|år|mål)\b"
)


@dataclass(frozen=True)
class Constructor:
    """Something that takes a code: ``key`` makes the label from the code; ``code`` is the code as a
    template of the function's parameters; ``fields`` the field names it adds itself."""

    key: str
    code: str
    fields: frozenset[str] | None = frozenset()  # None: not known (not checked)
    passes_fields: bool = True  # the call's keywords become fields (else only ``fields``)
    label_keyword: bool = False  # a ``label=`` keyword names the whole label instead
    location: bool = False  # sheet=, row=, column=, value= say where, not fields (problem, refuse)


def seed(function: str, key: str, **kw) -> Constructor:
    return Constructor(key, param(function, "code"), **kw)


CONSTRUCTORS: dict[tuple[Path, str], Constructor] = {
    (PROBLEMS, "problem"): seed("problem", "problem.{}", location=True),
    (PROBLEMS, "coded"): seed("coded", "problem.{}", fields=frozenset({"file"})),
    (PROBLEMS, "refuse"): seed("refuse", "problem.{}", location=True),
    (PROBLEMS, "Problem"): seed("Problem", "problem.{}", passes_fields=False),
    (PROBLEMS, "Said"): seed("Said", "problem.{}"),
    (DECK, "Problem"): seed("Problem", "deck.problem.{}", passes_fields=False),
    (Path("reception/planning/allocate.py"), "ScenarioRefused"): seed("ScenarioRefused", "plan.refused.{}"),
    (Path("reception/store/loadlog.py"), "UndoRefused"): seed("UndoRefused", "undo.refused.{}"),
    (Path("reception/meeting/handout.py"), "HandoutFailed"): seed("HandoutFailed", "{}"),
    (Path("reception/__main__.py"), "Refused"): seed("Refused", "cli.refused.{}", label_keyword=True),
}
# where each constructor takes its code: (position, keyword)
CODE_ARGUMENT = {name: (1, "code") for name in ("problem", "coded", "refuse")} | {
    "Problem": (1, "code"),
    "Said": (0, "code"),
}
# every Refusal in the code: each carries codes some constructor above takes
REFUSALS = {
    "IngestRefused": "lists the importer's Problems (problem, coded, refuse, Problem)",
    "DeckRefused": "lists the deck's Problems",
    "ScenarioRefused": "a code of its own: plan.refused.<code>",
    "UndoRefused": "a code of its own: undo.refused.<code>",
    "Refused": "the command line's code: cli.refused.<code>, or label=",
}
# codes held where the tree does not show their values, each listed with where they come from
DECLARED = {
    ("reception/ingest/period.py", "label"): (
        ("source.title", "source.sheet_title", "source.sheet_name", "source.file_name"),
        "read_period's labelled texts, made by facts.period_of",
        "reception/ingest/facts.py",
    ),
}

# the one place a coded refusal is raised with fields its label does not get, each with why it is right
UNREACHED = {
    ("reception/__main__.py", "preview.status.already"): (
        "raised only when the preview's already_loaded is None, the one case status() never says 'already'"
    ),
}
# Swedish words English text may hold: the official figures' names as a file's header writes them
# (the English labels name them so a planner finds the column), and quoted header examples
TERMS = re.compile(r"\b(?:kommuntal|fördelningstal|anvisningsandel|länstal)\b|'[^']*'")


@dataclass
class Use:
    """One place a code is given: the label it is worded by, and the fields given there (None:
    not known, e.g. passed on with **fields)."""

    key: str
    fields: frozenset[str] | None
    where: str
    code: str = ""
    extra: dict = field(default_factory=dict)


def _argument(call: ast.Call, name: str) -> ast.AST | None:
    """The argument given by keyword for parameter ``name`` (None: not by keyword)."""
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    return None


def _positional(function: ast.FunctionDef | ast.Lambda) -> list[str]:
    return [a.arg for a in (*function.args.posonlyargs, *function.args.args) if a.arg not in ("self", "cls")]


def _pairs_names(node: ast.AST | None, path: Path | None = None) -> frozenset[str] | None:
    """The field names of a literal ``(("name", value), ...)`` (or a name assigned one in the
    function); None when not literal."""
    if node is None:
        return frozenset()
    if isinstance(node, ast.Name) and path is not None:
        for scope in enclosing(path, node):
            values = [b[1] for b in _bindings(scope, node.id) if b[0] == "value" and b[2] is None]
            if values:
                found = [_pairs_names(v) for v in values]
                return None if None in found else frozenset().union(*found)
    if isinstance(node, ast.Tuple) and all(
        isinstance(e, ast.Tuple) and isinstance(e.elts[0], ast.Constant) for e in node.elts
    ):
        return frozenset(e.elts[0].value for e in node.elts)
    return None


def _keywords(path: Path, call: ast.Call, skip: set[str]) -> frozenset[str] | None:
    """The field names a call gives by keyword; None when some are not known (``**fields``, a
    function's own callers' fields, are followed by :func:`_derived`)."""
    names = {k.arg for k in call.keywords if k.arg is not None}
    for keyword in (k for k in call.keywords if k.arg is None):
        if not isinstance(keyword.value, ast.Dict):
            return None
        try:
            names |= {v for key in keyword.value.keys for v in resolve(path, key)}
        except Unresolved:
            return None
    if any(markers(n) for n in names):
        return None
    return frozenset(names - skip)


def _made_by_a_constructor(path: Path, node: ast.AST) -> bool:
    """``found.code`` where ``found`` is the result of a constructor call (its code is counted there)."""
    if not (isinstance(node, ast.Attribute) and node.attr == "code" and isinstance(node.value, ast.Name)):
        return False
    for scope in enclosing(path, node):
        values = [b[1] for b in _bindings(scope, node.value.id) if b[0] == "value"]
        if values:
            calls = [n for v in values for n in ([v.body, v.orelse] if isinstance(v, ast.IfExp) else [v])]
            return all(isinstance(c, ast.Call) and callee(path, c) in CONSTRUCTORS for c in calls)
    return False


def _values(path: Path, node: ast.AST) -> set[str]:
    try:
        return resolve(path, node)
    except Unresolved as unresolved:
        declared = DECLARED.get((str(path), ast.unparse(node)))
        if declared is None:
            raise AssertionError(
                f"{unresolved}: a code whose values the test cannot follow. Make it a literal, a "
                "module constant or a conditional of literals, or list its values in DECLARED."
            ) from None
        return set(declared[0])


def _code_of(path: Path, call: ast.Call, made: Constructor, function: ast.FunctionDef | None) -> set[str]:
    """The codes this call gives ``made`` (its template's parameters filled from the call)."""
    codes = {made.code}
    for marker in sorted({m for c in codes for m in markers(c)}):
        name = marker.split(".", 1)[1]
        if function is None:
            continue
        position = _positional(function).index(name) if name in _positional(function) else None
        node = call.args[position] if position is not None and position < len(call.args) else None
        node = node if node is not None else _argument(call, name)
        if node is None:
            raise AssertionError(f"{path}:{call.lineno}: no argument for {name}")
        values = _values(path, node)
        codes = {c.replace(f"\0{marker}\0", v) for c in codes for v in values}
    return codes


def _definition(target: tuple[Path, str]) -> ast.FunctionDef | ast.ClassDef | None:
    path, name = target
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and node.name == name:
            return node
    return None


def _signature(target: tuple[Path, str]) -> ast.FunctionDef | None:
    found = _definition(target)
    if isinstance(found, ast.ClassDef):
        init = [n for n in found.body if isinstance(n, ast.FunctionDef) and n.name in ("__init__", "__new__")]
        if init:
            return init[0]
        names = [  # a dataclass: its fields in order
            n.target.id for n in found.body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)
        ]
        return ast.parse(f"def {found.name}({', '.join(names)}): pass").body[0]
    return found


def collect(more: dict | None = None) -> list[Use]:
    """Every code the code gives a constructor (``CONSTRUCTORS``, and ``more``: (module, function) ->
    set of constructors), followed through functions that pass one on."""
    constructors = {target: {made} for target, made in CONSTRUCTORS.items()}
    for target, made in (more or {}).items():
        constructors.setdefault(target, set()).update(made)
    uses: dict[tuple, Use] = {}
    for _ in range(10):  # until no new constructor is found
        before = sum(map(len, constructors.values()))
        for path in code_files():
            for call in (n for n in ast.walk(tree(path)) if isinstance(n, ast.Call)):
                target = callee(path, call)
                for made in sorted(constructors.get(target, ()), key=lambda c: c.code):
                    for use in _uses(path, call, target, made, constructors):
                        uses[(use.where, use.key)] = use
        if sum(map(len, constructors.values())) == before:
            break
    return sorted(uses.values(), key=lambda u: (u.key, u.where))


def _uses(path, call, target, made, constructors) -> list[Use]:
    where = f"{path}:{call.lineno}"
    if target == (PROBLEMS, "Problem") and made == CONSTRUCTORS[target]:
        return _problem_uses(path, call, where, constructors)
    first = _code_node(call, target, made)
    if first is not None and _made_by_a_constructor(path, first):
        return []
    codes = _code_of(path, call, made, _signature(target))
    fields = _fields(path, call, target, made)
    found = []
    for code in codes:
        if markers(code):  # the code is the enclosing function's parameter: it is a constructor too
            function = _owner(path, call, code)
            derived = _derived(made.key, code, fields, call, function, made.label_keyword)
            constructors.setdefault((path, function.name), set()).add(derived)
            continue
        key = made.key.format(code)
        label = _argument(call, "label") if made.label_keyword else None
        if label is not None:
            for key in _values(path, label):
                found.append(Use(key, fields, where, code))
            continue
        found.append(Use(key, fields, where, code))
    return found


def _derived(
    key: str, code: str, fields: frozenset[str] | None, call: ast.Call, function: ast.FunctionDef, label=False
) -> Constructor:
    """A function that passes its parameter on as a code. The fields its call gives are all there is
    when known; a call that passes the function's own ``**fields`` on adds its callers' keywords;
    anything else leaves the fields unknown (not checked)."""
    if fields is not None:
        return Constructor(key, code, fields, False, label)
    kwarg = function.args.kwarg.arg if function.args.kwarg else None
    starred = [k.value for k in call.keywords if k.arg is None]
    passed = [getattr(v, "id", None) == kwarg or ast.unparse(v) == f"dict({kwarg})" for v in starred]
    if kwarg and passed and all(passed):
        return Constructor(key, code, frozenset(k.arg for k in call.keywords if k.arg), True, label)
    return Constructor(key, code, None, False, label)


def _owner(path: Path, call: ast.Call, code: str) -> ast.FunctionDef:
    """The function around ``call`` whose parameter the code is."""
    names = {m.split(".", 1)[0] for m in markers(code)}
    for scope in enclosing(path, call):
        if isinstance(scope, ast.FunctionDef) and scope.name in names:
            return scope
    raise AssertionError(f"{path}:{call.lineno}: a code from a parameter of something not a function")


def _code_node(call, target, made) -> ast.AST | None:
    function = _signature(target)
    names = _positional(function) if function else []
    for marker in markers(made.code):
        name = marker.split(".", 1)[1]
        if name in names and names.index(name) < len(call.args):
            return call.args[names.index(name)]
        return _argument(call, name)
    return None


def _fields(path, call, target, made) -> frozenset[str] | None:
    if target == (DECK, "Problem"):
        given = call.args[1] if len(call.args) > 1 else None
        if isinstance(given, ast.Dict) and all(isinstance(k, ast.Constant) for k in given.keys):
            return frozenset(k.value for k in given.keys)
        return None
    if made.fields is None or not made.passes_fields:
        return made.fields
    given = _keywords(path, call, (LOCATION if made.location else set()) | {"label"})
    return None if given is None else given | made.fields


def _problem_uses(path, call, where, constructors) -> list[Use]:
    """The importer's Problem(file, code, sheet, row, column, value, fields, more)."""
    code = call.args[1] if len(call.args) > 1 else _argument(call, "code")
    uses = []
    if not _made_by_a_constructor(path, code):
        fields = _pairs_names(call.args[6] if len(call.args) > 6 else _argument(call, "fields"), path)
        for value in _values(path, code):
            if markers(value):
                function = _owner(path, call, value)
                derived = _derived("problem.{}", value, fields, call, function)
                constructors.setdefault((path, function.name), set()).add(derived)
            else:
                uses.append(Use(f"problem.{value}", fields, where, value))
    more = call.args[7] if len(call.args) > 7 else _argument(call, "more")
    for pair in _more_pairs(path, more):
        for value in _values(path, pair.elts[0]):
            if markers(value):
                function = _owner(path, call, value)
                derived = _derived("problem.{}", value, _pairs_names(pair.elts[1]), call, function)
                constructors.setdefault((path, function.name), set()).add(derived)
            else:
                uses.append(Use(f"problem.{value}", _pairs_names(pair.elts[1]), where, value))
    return uses


def _more_pairs(path: Path, node: ast.AST | None, depth: int = 0) -> list[ast.Tuple]:
    """The (code, fields) pairs a ``more=`` holds, followed through names and conditionals."""
    if node is None or depth > 10:
        return []
    if isinstance(node, ast.IfExp):
        return _more_pairs(path, node.body, depth + 1) + _more_pairs(path, node.orelse, depth + 1)
    if isinstance(node, ast.Tuple):
        out = []
        for element in node.elts:
            if isinstance(element, ast.Starred):
                out += _more_pairs(path, element.value, depth + 1)
            elif isinstance(element, ast.Tuple) and len(element.elts) == 2:
                out.append(element)
            else:
                raise AssertionError(f"{path}:{node.lineno}: more= holds {ast.unparse(element)!r}")
        return out
    if isinstance(node, ast.Name):
        for scope in enclosing(path, node):
            values = [b[1] for b in _bindings(scope, node.id) if b[0] == "value"]
            values = [v for v in values if not any(n is node for n in ast.walk(v))]
            if values:
                return [p for v in values for p in _more_pairs(path, v, depth + 1)]
    raise AssertionError(f"{path}:{getattr(node, 'lineno', 0)}: more= that the test cannot follow")


USES = collect()
KEYS = sorted({u.key for u in USES})


def dummy(key: str, lang: str) -> dict[str, object]:
    """ASCII values for every field the label names (a field named *_code holds another label)."""
    names = set(PLACEHOLDER.findall(LABELS[key][0])) | set(PLACEHOLDER.findall(LABELS[key][1]))
    return {n: "app.name" if n.endswith("_code") else f"X{i}" for i, n in enumerate(sorted(names))}


def test_the_collection_finds_the_codes_of_every_kind():
    families = {key.split(".")[0] for key in KEYS}
    assert {"problem", "deck", "plan", "undo", "handout", "cli", "preview"} <= families
    assert len([k for k in KEYS if k.startswith("problem.")]) > 100
    # codes reached only through a variable, a parameter or a template
    assert {"problem.month_table_category", "problem.more_rows", "problem.year_unknown"} <= set(KEYS)
    assert {"problem.give_month", "problem.source.file_name", "plan.refused.no_population"} <= set(KEYS)
    assert {"problem.table_no_known_rows", "problem.lanstal_differs", "problem.recipe_broken"} <= set(KEYS)


@pytest.mark.parametrize("use", USES, ids=lambda u: f"{u.key}@{u.where}")
def test_every_code_is_a_key_with_its_label_and_its_fields_given(use):
    assert re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)*", use.key), f"{use.where}: {use.key!r} is not a code"
    assert use.key in LABELS, f"{use.where}: no label {use.key!r}: add it to reception/i18n/labels.py"
    sv, en = LABELS[use.key]
    assert sv.strip() and en.strip()
    wanted = set(PLACEHOLDER.findall(sv)) | set(PLACEHOLDER.findall(en))
    if use.fields is not None and (use.where.split(":")[0], use.key) not in UNREACHED:
        assert wanted <= use.fields, f"{use.where}: {use.key} names {sorted(wanted - use.fields)}, not given"


@pytest.mark.parametrize("key", KEYS)
def test_every_code_words_in_both_languages(key):
    for lang in ("sv", "en"):
        fields = dummy(key, lang)
        if key.startswith("problem."):
            code = key.removeprefix("problem.")
            said = Said(code, **fields).text(lang)
            made = Problem("file.csv", code, "Sheet1", 3, "B (Count)", "X", tuple(fields.items()))
            text = IngestRefused("file.csv", [made]).text(lang)
            assert said in text
        else:
            text = t(key, lang, **{k: (t(v, lang) if k.endswith("_code") else v) for k, v in fields.items()})
        assert "{" not in text.replace("{}", ""), text
        if lang == "en":
            assert not SWEDISH.search(TERMS.sub("", text)), f"{key} in English: {text!r}"


def test_every_refusal_class_is_known():
    found = set()
    for path in code_files():
        for node in ast.walk(tree(path)):
            if isinstance(node, ast.ClassDef) and any(ast.unparse(b).endswith("Refusal") for b in node.bases):
                found.add(node.name)
    assert found == set(REFUSALS), "a new Refusal: add its constructor to CONSTRUCTORS and REFUSALS"


def test_every_unreached_case_is_still_there():
    for module, key in UNREACHED:
        assert any(u.where.startswith(f"{module}:") and u.key == key for u in USES), (module, key)


def test_declared_values_are_written_where_they_are_said_to_come_from():
    for (module, expression), (values, reason, source) in DECLARED.items():
        assert expression in {ast.unparse(n) for n in ast.walk(tree(Path(module)))}, (module, expression)
        written = {n.value for n in string_literals(tree(Path(source)))}
        assert set(values) <= written, (reason, set(values) - written)


def test_a_code_held_in_a_variable_without_a_label_fails(monkeypatch):
    import source_tree

    real = source_tree.tree
    source = (
        "from reception.ingest.problems import problem\n"
        "WHICH = {'a': 'unknown_area', 'b': 'no_such_label_anywhere'}\n"
        "def f(name, kind):\n"
        "    code = WHICH[kind] if kind else 'no_area'\n"
        "    return problem(name, code, n=1)\n"
    )
    fake = Path("reception/ingest/rows.py")
    module = ast.parse(source)
    monkeypatch.setattr(source_tree, "tree", lambda path: module if path == fake else real(path))
    import code_values

    monkeypatch.setattr(code_values, "tree", source_tree.tree)
    code_values.parents.cache_clear()
    code_values.imports.cache_clear()
    monkeypatch.setitem(globals(), "tree", source_tree.tree)
    try:
        keys = {u.key for u in collect() if u.where.startswith(str(fake))}
    finally:
        code_values.parents.cache_clear()
        code_values.imports.cache_clear()
    assert keys == {"problem.unknown_area", "problem.no_such_label_anywhere", "problem.no_area"}
    assert "problem.no_such_label_anywhere" not in LABELS
