"""Which labels the code asks for, exactly: no label counts as used because some f-string starts
like it.

A label is used when its key is a string literal in the code; when an f-string or a concatenation
can be followed to its values (code_values: literals, names, loops over literal tuples; a function's
parameter through every call of the function; a ``format_func`` lambda's parameter through the
options of its widget); when it is a coded message some code raises (test_problem_codes); or when it
is a member of a DYNAMIC family, whose variable part is data (a dataset's name, a column of a query's
result), and then only for a member the family lists. An f-string that looks like a key and can be
followed by none of these is reported, so a new one is either made resolvable or declared.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

from code_values import Unresolved, elements, markers, resolve
from source_tree import ROOT, code_files, string_literals, tree
from test_problem_codes import Constructor, collect

from reception.i18n.labels import LABELS
from reception.ingest import choices
from reception.planning.plan import KEYS
from reception.selection import AREA_KINDS, CATEGORIES, PROGRAMS


@cache
def written_names() -> frozenset[str]:
    """Every identifier the SQL (queries, migrations) or the code writes: the values a query's
    column names, a status or a reason can take."""
    sql = [*ROOT.glob("queries/*.sql"), *ROOT.glob("reception/store/migrations/*.sql")]
    words = set()
    for path in sql:
        words |= set(re.findall(r"[a-z_][a-z0-9_]*", path.read_text(encoding="utf-8").lower()))
    for path in code_files():
        if path.name != "labels.py":
            words |= {
                n.value for n in string_literals(tree(path)) if re.fullmatch(r"[a-z_][a-z0-9_]*", n.value)
            }
    return frozenset(words)


# prefix -> (the values its variable part takes, why it is dynamic)
DYNAMIC: dict[str, tuple[object, str]] = {
    "dataset": (choices.DATASETS, "a load's or a table's dataset, worded where it is shown"),
    "missing": (choices.DATASETS, "the datasets a page needs and the store lacks"),
    "program": (PROGRAMS, "a column's, a recipe's or the selection's programme"),
    "meeting.program": (PROGRAMS, "a meeting line's programme"),
    "category": (CATEGORIES, "a column's, a table's or the selection's category"),
    "preview.kind": (choices.KINDS, "what a column is read as"),
    "preview.source": (choices.SOURCES, "why a column is read as it is"),
    "preview.dataset_from": (choices.SOURCES, "why a table is read as its dataset"),
    "plan.key_basis": (KEYS, "a scenario's key"),
    "problem.month": (tuple(str(m) for m in range(1, 13)), "a month's name by its number"),
    "sel": (AREA_KINDS, "the select of the area kind picked (sel.lan, sel.region)"),
    "measure": (choices.MEASURES, "a load's totals per measure"),
    "pc": (("target", "received", "places"), "Översikt's tiles per 1 000 inhabitants"),
    # data: values a query, a store column or the importer writes
    "col": (written_names, "a table's column, named by the query or view that made it"),
    "preview.field": (written_names, "a stored column of the preview's first rows"),
    "preview.row": (written_names, "a row passed over: its kind (title, note, subtotal, total)"),
    "undone_reason": (written_names, "why a load was undone, as the load log stores it"),
    "inflow_unknown": (written_names, "why a municipality has no forecast, as the query says"),
    "meeting.line": (written_names, "a meeting line's status, as the query says"),
}


# prefixes whose f-strings word a coded message by its code: the keys are the codes some code raises
# (collected by test_problem_codes), not every key under the prefix
CODED = ("problem", "plan.refused", "undo.refused", "deck.problem", "cli.refused")


def members(prefix: str) -> frozenset[str]:
    values, _ = DYNAMIC[prefix]
    return frozenset(values() if callable(values) else values)


def _looks_like_a_key(node: ast.AST) -> str | None:
    """The constant start of an f-string or concatenation that begins like a label key, else None."""
    first = node.values[0] if isinstance(node, ast.JoinedStr) and node.values else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        first = node.left
    if not (isinstance(first, ast.Constant) and isinstance(first.value, str)) or "." not in first.value:
        return None
    return first.value if any(k.startswith(first.value) for k in LABELS) else None


def _lambda_options(path: Path, node: ast.AST, value: str) -> set[str] | None:
    """A ``format_func=lambda k: ...`` parameter's values: the options given to its widget."""
    from code_values import enclosing, parents

    scope = next((s for s in enclosing(path, node) if isinstance(s, ast.Lambda)), None)
    keyword = parents(path).get(id(scope)) if scope is not None else None
    call = parents(path).get(id(keyword)) if keyword is not None else None
    if not (isinstance(keyword, ast.keyword) and isinstance(call, ast.Call) and len(call.args) > 1):
        return None
    options = set().union(*(resolve(path, e) for e in elements(path, call.args[1])))
    (marker,) = markers(value)
    return {value.replace(f"\0{marker}\0", option) for option in options}


@cache
def dynamic_keys() -> tuple[frozenset[str], tuple[str, ...]]:
    """(keys the code's f-strings and concatenations make, the ones no rule follows: 'file:line: code')."""
    used: set[str] = set()
    by_function: dict[tuple[Path, str], set[Constructor]] = {}
    open_ends = []
    for path in code_files():
        if path.name == "labels.py":
            continue
        for node in ast.walk(tree(path)):
            prefix = _looks_like_a_key(node)
            if prefix is None:
                continue
            try:
                values = resolve(path, node)
            except Unresolved:
                values = None
            declared = prefix.removesuffix(".") in (*DYNAMIC, *CODED)  # exactly a family's prefix
            for value in values or ():
                if not markers(value):
                    used.add(value)
                    continue
                if declared:  # its family says which keys it makes
                    continue
                options = _lambda_options(path, node, value)
                if options is not None:
                    used |= options
                    continue
                function = _function_of(path, node, value)
                if function is not None:
                    made = Constructor("{}", value, None)
                    by_function.setdefault((path, function), set()).add(made)
                    continue
                values = None
            if values is None and not declared:
                open_ends.append(f"{path}:{node.lineno}: {ast.unparse(node)}")
    used |= {u.key for u in collect(by_function)}
    return frozenset(used), tuple(open_ends)


def _function_of(path: Path, node: ast.AST, value: str) -> str | None:
    from code_values import enclosing

    names = {m.split(".", 1)[0] for m in markers(value)}
    for scope in enclosing(path, node):
        if isinstance(scope, ast.FunctionDef) and scope.name in names:
            return scope.name
    return None


def literal_keys(sources: list[tuple[Path, ast.Module]], labels) -> set[str]:
    return {n.value for path, module in sources for n in string_literals(module) if n.value in labels}


def family_keys(labels) -> set[str]:
    """The keys that are members of a DYNAMIC family: prefix + '.' + one of its members."""
    found = set()
    for key in labels:
        for prefix in DYNAMIC:
            if key.startswith(f"{prefix}.") and key.removeprefix(f"{prefix}.") in members(prefix):
                found.add(key)
    return found


def unused(labels=LABELS, extra_code: str | None = None) -> set[str]:
    """Labels nothing asks for (``extra_code``: more code, as if it were a module of reception)."""
    sources = [(p, tree(p)) for p in code_files() if p.name != "labels.py"]
    if extra_code is not None:
        sources.append((Path("reception/extra.py"), ast.parse(extra_code)))
    used, _ = dynamic_keys()
    return set(labels) - literal_keys(sources, labels) - used - family_keys(labels)
