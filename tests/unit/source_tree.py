"""The code users run, parsed: every .py of app.py, pages/ and reception/ as a syntax tree, for the
tests that read the code itself (words, problem codes, labels, settings)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def code_files() -> list[Path]:
    """app.py, pages/*.py and reception/**/*.py, as paths relative to the repository."""
    files = [ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("reception/**/*.py")]
    return sorted(p.relative_to(ROOT) for p in files)


@cache
def tree(path: Path) -> ast.Module:
    return ast.parse((ROOT / path).read_text(encoding="utf-8"), filename=str(path))


def docstrings(module: ast.Module) -> set[int]:
    """The ids of the docstring constants: a string expression as the first statement of the module,
    a class or a function."""
    found = set()
    for node in ast.walk(module):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(getattr(first.value, "value", None), str):
                found.add(id(first.value))
    return found


def string_literals(module: ast.Module) -> Iterator[ast.Constant]:
    """Every string constant but docstrings, f-strings' constant parts included."""
    skipped = docstrings(module)
    for node in ast.walk(module):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skipped:
            yield node


def called_name(call: ast.Call) -> str | None:
    """``problem`` for ``problem(...)`` and ``problems.problem(...)``; None for other callees."""
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None
