"""The package's shape: no import cycles between its modules, no import of its own modules inside a
function (the way a cycle is dodged) but the few listed below, and each package importing only what
its ``__init__`` docstring says it may.

The graph is read from the source (the AST), not from a running interpreter, so an import that only
happens on some path still counts. ``from reception.ui import roles`` is an edge to the module
``reception.ui.roles``; ``from reception.ui import page`` is an edge to the package's ``__init__``.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "reception"

# Imports of the package's own modules inside a function: each one for the cost of what it imports, for
# one command or one click, never to dodge a cycle. (module, imported module): why.
ALLOWED_INSIDE = {
    ("reception.__main__", "reception.demo"): "the demo's builders, for the demo subcommand only",
    ("reception.__main__", "reception.meeting.handout"): "fpdf2 and kaleido, for the handout subcommand only",
    ("reception.ui.start", "reception.demo"): "the demo's builders, only when the demo is loaded",
}
MAY_IMPORT = re.compile(r"^May import from reception:(.*?)(?:\n\n|\Z)", re.M | re.S)


@dataclass(frozen=True)
class Imported:
    module: str  # the importing module
    target: str  # the module (or package) imported
    line: int
    inside_function: bool


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_package(name: str) -> bool:
    return MODULES.get(name, Path()).name == "__init__.py"


def _targets(node: ast.Import | ast.ImportFrom, here: str) -> list[str]:
    """The modules of the package an import statement loads."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:  # relative: anchored at this module's package
        package = here if _is_package(here) else here.rpartition(".")[0]
        anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
        base = ".".join([*anchor, base] if base else anchor)
    # ``from pkg import name``: the submodule when there is one, else the package itself
    return [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]


def _is_type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imports_of(path: Path) -> list[Imported]:
    """Every import of a ``reception`` module in the file, and whether it is inside a function."""
    here = module_name(path)
    found: list[Imported] = []

    def visit(node: ast.AST, inside: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if _is_type_checking(child):
                continue  # never executed
            if isinstance(child, ast.Import | ast.ImportFrom):
                for target in _targets(child, here):
                    if target == "reception" or target.startswith("reception."):
                        found.append(Imported(here, target, child.lineno, inside))
            visit(child, inside or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda))

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the modules it imports when it is imported (top-level imports only)."""
    edges: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for imp in imports_of(path):
            if not imp.inside_function and imp.target != name:
                edges[name].add(imp.target)
    return edges


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as a path that ends where it starts, or None (depth-first search)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(edges):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def unit(module: str) -> str:
    """The part of ``reception`` a module belongs to: its package (``store``) or itself (``geo``)."""
    return module.split(".")[1] if module.count(".") else module


def allowed(package: str) -> set[str]:
    """What a package's ``__init__`` docstring says it may import: 'May import from reception: ``a``,
    ``b``; nothing from ``c``.' ('nothing' for none; what follows the semicolon is not allowed)."""
    doc = ast.get_docstring(ast.parse(MODULES[f"reception.{package}"].read_text(encoding="utf-8"))) or ""
    said = MAY_IMPORT.search(doc)
    assert said, f"reception/{package}/__init__.py: the docstring has no 'May import from reception:' line"
    return set(re.findall(r"``(\w+)``", said.group(1).split(";")[0]))  # what follows ';' is what it may not


PACKAGES = sorted(
    name.split(".")[1]
    for name, path in MODULES.items()
    if path.name == "__init__.py" and name.count(".") == 1
)


def test_the_cycle_finder_finds_a_cycle_and_names_it():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_the_graph_sees_submodules_and_packages():
    edges = graph(MODULES)
    assert "reception.ui.sidebar" in edges["reception.ui.roles"]  # from reception.ui import sidebar
    assert "reception.store" in edges["reception.store.writer"]  # from reception import store


def test_no_import_cycle_between_the_modules_of_reception():
    cycle = find_cycle(graph(MODULES))
    assert cycle is None, "import cycle: " + " -> ".join(cycle)


def test_no_reception_module_is_imported_inside_a_function_but_the_listed_ones():
    inside = [imp for path in MODULES.values() for imp in imports_of(path) if imp.inside_function]
    unlisted = [
        f"{MODULES[i.module].relative_to(ROOT)}:{i.line} imports {i.target}"
        for i in inside
        if (i.module, i.target) not in ALLOWED_INSIDE
    ]
    assert not unlisted, "an import inside a function (move the shared part down a floor):\n" + "\n".join(
        unlisted
    )
    stale = set(ALLOWED_INSIDE) - {(i.module, i.target) for i in inside}
    assert not stale, f"listed but no longer there: {stale}"


def test_each_listed_import_inside_a_function_says_why_on_its_line():
    for module, target in ALLOWED_INSIDE:
        lines = MODULES[module].read_text(encoding="utf-8").splitlines()
        uses = [i for i in imports_of(MODULES[module]) if i.target == target and i.inside_function]
        for imp in uses:
            assert "#" in lines[imp.line - 1], f"{module}:{imp.line}: say why {target} is imported here"


@pytest.mark.parametrize("package", PACKAGES)
def test_each_package_imports_only_what_its_docstring_allows(package):
    may = allowed(package)
    broken = sorted(
        f"{imp.module} imports {imp.target}"
        for name, path in MODULES.items()
        if unit(name) == package
        for imp in imports_of(path)
        if unit(imp.target) not in may | {package}
    )
    assert not broken, f"reception/{package} may import only {sorted(may)}:\n" + "\n".join(broken)
