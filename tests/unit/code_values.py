"""What text an expression in the code can hold, read from the syntax tree: literals, f-strings and
concatenations, conditional expressions, names followed to their assignments (in the function, the
module or the module they are imported from), loop variables over literal tuples, dict literals looked
up, and the return values of a function of the code.

A function's parameter stands in the result as a marker (:func:`param`), so a test can follow the
value to the function's callers. Anything else raises :class:`Unresolved`, naming the place: the
caller's test then asks for the code to be made resolvable or for the value to be listed.
"""

from __future__ import annotations

import ast
import itertools
from functools import cache
from pathlib import Path

from source_tree import ROOT, code_files, tree

MARK = "\0"
COMPREHENSIONS = ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp  # each a scope of its own


class Unresolved(Exception):
    def __init__(self, path: Path, node: ast.AST, why: str = ""):
        self.path, self.line = path, getattr(node, "lineno", 0)
        super().__init__(f"{path}:{self.line}: {ast.unparse(node)!r} {why}".strip())


def param(function: str, name: str) -> str:
    """The marker for parameter ``name`` of ``function`` inside a resolved value."""
    return f"{MARK}{function}.{name}{MARK}"


def markers(value: str) -> list[str]:
    """The parameters (``function.name``) a resolved value still depends on."""
    return value.split(MARK)[1::2]


@cache
def parents(path: Path) -> dict[int, ast.AST]:
    found = {}
    for node in ast.walk(tree(path)):
        for child in ast.iter_child_nodes(node):
            found[id(child)] = node
    return found


def enclosing(path: Path, node: ast.AST) -> list[ast.AST]:
    """The functions around ``node``, innermost first, then the module."""
    chain, up = [], parents(path).get(id(node))
    while up is not None:
        if isinstance(up, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | COMPREHENSIONS):
            chain.append(up)
        up = parents(path).get(id(up))
    return [*chain, tree(path)]


def module_path(dotted: str) -> Path | None:
    """reception.ingest.problems -> reception/ingest/problems.py (or the package's __init__.py)."""
    base = Path(*dotted.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if (ROOT / candidate).is_file() and candidate in code_files():
            return candidate
    return None


@cache
def imports(path: Path) -> dict[str, tuple[Path, str | None]]:
    """Local name -> (module file, name in it; None for the module itself)."""
    found: dict[str, tuple[Path, str | None]] = {}
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                sub = module_path(f"{node.module}.{alias.name}")
                source = module_path(node.module)
                if sub is not None:
                    found[alias.asname or alias.name] = (sub, None)
                elif source is not None:
                    found[alias.asname or alias.name] = (source, alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if (source := module_path(alias.name)) is not None:
                    found[alias.asname or alias.name.split(".")[0]] = (source, None)
    return found


def definition(path: Path, name: str, seen: frozenset = frozenset()) -> tuple[Path, str]:
    """Where ``name`` as used at the top of ``path`` is defined: (module, name), through imports and
    a package's re-exports."""
    if name in imports(path) and (path, name) not in seen:
        source, inner = imports(path)[name]
        if inner is not None:
            return definition(source, inner, seen | {(path, name)})
    return path, name


def callee(path: Path, call: ast.Call) -> tuple[Path, str] | None:
    """The (module, name) a call calls: ``f(...)``, ``module.f(...)``; None for a method of a value."""
    if isinstance(call.func, ast.Name):
        return definition(path, call.func.id)
    if isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name):
        bound = imports(path).get(call.func.value.id)
        if bound is not None and bound[1] is None:
            return definition(bound[0], call.func.attr)
    return None


def _bindings(scope: ast.AST, name: str) -> list[tuple[str, ast.AST]]:
    """How ``name`` gets its values directly in ``scope`` (not in nested functions): ('value', expr),
    ('item', iterable expr, element index or None), ('param', None, None)."""
    found: list = []
    if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
        arguments = [*scope.args.posonlyargs, *scope.args.args, *scope.args.kwonlyargs]
        if any(a.arg == name for a in arguments):
            found.append(("param", None, None))
    stack = list(scope.generators if isinstance(scope, COMPREHENSIONS) else ast.iter_child_nodes(scope))
    while stack:
        node = stack.pop()
        if isinstance(
            node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef | COMPREHENSIONS
        ):
            continue
        if isinstance(node, ast.comprehension) and not isinstance(scope, COMPREHENSIONS):
            continue
        stack.extend(ast.iter_child_nodes(node))
        targets: list[tuple[ast.AST, ast.AST, str]] = []
        if isinstance(node, ast.Assign):
            targets += [(t, node.value, "value") for t in node.targets]
        elif isinstance(node, ast.AnnAssign | ast.NamedExpr) and node.value is not None:
            targets.append((node.target, node.value, "value"))
        elif isinstance(node, ast.For | ast.comprehension):
            targets.append((node.target, node.iter, "item"))
        for target, value, kind in targets:
            if isinstance(target, ast.Name) and target.id == name:
                found.append((kind, value, None))
            elif isinstance(target, ast.Tuple):
                for i, element in enumerate(target.elts):
                    if isinstance(element, ast.Name) and element.id == name:
                        found.append((kind, value, i))
    return found


def _product(parts: list[set[str]]) -> set[str]:
    return {"".join(p) for p in itertools.product(*parts)}


def resolve(path: Path, node: ast.AST, depth: int = 0) -> set[str]:
    """Every text ``node`` can hold; a function's parameter as its :func:`param` marker."""
    if depth > 30:
        raise Unresolved(path, node, "(too deep)")
    again = lambda n: resolve(path, n, depth + 1)  # noqa: E731
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return {str(node.value)}
    if isinstance(node, ast.JoinedStr):
        return _product([again(v.value if isinstance(v, ast.FormattedValue) else v) for v in node.values])
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _product([again(node.left), again(node.right)])
    if isinstance(node, ast.IfExp):
        return again(node.body) | again(node.orelse)
    if isinstance(node, ast.BoolOp):
        return set().union(*(again(v) for v in node.values))
    if isinstance(node, ast.Name):
        return _name(path, node, node.id, depth)
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        bound = imports(path).get(node.value.id)
        if bound is not None and bound[1] is None:
            return _top_name(bound[0], node.attr, node, depth)
    if isinstance(node, ast.Subscript):
        return set().union(*(again(v) for v in elements(path, node.value, depth, values=True)))
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Attribute) and node.func.attr == "get" and node.args:
            found = set().union(*(again(v) for v in elements(path, node.func.value, depth, values=True)))
            return found | (again(node.args[1]) if len(node.args) > 1 else set())
        target = callee(path, node)
        if target is not None:
            function = _function(*target)
            if function is not None:
                returns = [n.value for n in ast.walk(function) if isinstance(n, ast.Return) and n.value]
                found = set().union(*(resolve(target[0], r, depth + 1) for r in returns))
                if not any(markers(v) for v in found):
                    return found
    raise Unresolved(path, node)


def _function(path: Path, name: str) -> ast.FunctionDef | None:
    for node in tree(path).body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return node
    return None


def _name(path: Path, node: ast.AST, name: str, depth: int) -> set[str]:
    for scope in enclosing(path, node):
        bindings = [
            b for b in _bindings(scope, name) if b[1] is None or not any(n is node for n in ast.walk(b[1]))
        ]
        if not bindings:
            continue
        found: set[str] = set()
        for binding in bindings:
            if binding[0] == "param":
                found.add(param(scope.name if hasattr(scope, "name") else "<lambda>", name))
            elif binding[0] == "value" and binding[2] is None:
                found |= resolve(path, binding[1], depth + 1)
            elif binding[0] == "value":  # a, b = x, y
                value = binding[1]
                if not isinstance(value, ast.Tuple):
                    raise Unresolved(path, node, "(unpacked from something not a literal tuple)")
                found |= resolve(path, value.elts[binding[2]], depth + 1)
            else:  # a loop's variable: every element of what it runs over
                for element in elements(path, binding[1], depth):
                    if binding[2] is not None:
                        if not isinstance(element, ast.Tuple):
                            raise Unresolved(path, node, "(a loop over something not literal tuples)")
                        element = element.elts[binding[2]]
                    found |= resolve(path, element, depth + 1)
        return found
    return _top_name(path, name, node, depth, local=False)


def _top_name(path: Path, name: str, node: ast.AST, depth: int, local: bool = True) -> set[str]:
    if local and _bindings(tree(path), name):
        return _name(path, tree(path), name, depth)
    if name in imports(path) and imports(path)[name][1] is not None:
        source, inner = imports(path)[name]
        return _top_name(source, inner, node, depth + 1)
    raise Unresolved(path, node, f"({name} is not assigned a text in {path})")


def elements(path: Path, node: ast.AST, depth: int = 0, values: bool = False) -> list[ast.AST]:
    """The expressions a literal collection holds (a dict's values if ``values``, else its keys),
    followed through names and sorted(), list(), tuple(), .items(), .keys(), .values()."""
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        out = []
        for element in node.elts:
            if isinstance(element, ast.Starred):
                out += elements(path, element.value, depth + 1, values)
            else:
                out.append(element)
        return out
    if isinstance(node, ast.Dict):
        if values:
            return list(node.values)
        return [k for k in node.keys if k is not None]
    copies = ("sorted", "list", "tuple", "set", "reversed", "frozenset")
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.args
        and node.func.id in copies
    ):
        return elements(path, node.args[0], depth + 1, values)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and not node.args:
        inner = node.func.value
        if node.func.attr == "keys":
            return elements(path, inner, depth + 1)
        if node.func.attr == "values":
            return elements(path, inner, depth + 1, values=True)
        if node.func.attr == "items" and isinstance(inner, ast.Dict | ast.Name):
            keys, vals = elements(path, inner, depth + 1), elements(path, inner, depth + 1, values=True)
            return [ast.Tuple(elts=[k, v]) for k, v in zip(keys, vals, strict=True)]
    if isinstance(node, ast.Name):
        for scope in enclosing(path, node) if depth < 30 else []:
            bindings = [
                b
                for b in _bindings(scope, node.id)
                if b[0] == "value" and b[2] is None and not any(n is node for n in ast.walk(b[1]))
            ]
            if bindings:
                return [e for b in bindings for e in elements(path, b[1], depth + 1, values)]
        if node.id in imports(path) and imports(path)[node.id][1] is not None:
            source, inner = imports(path)[node.id]
            return elements(source, ast.Name(id=inner, lineno=0, col_offset=0), depth + 1, values)
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        bound = imports(path).get(node.value.id)
        if bound is not None and bound[1] is None:
            return elements(bound[0], ast.Name(id=node.attr, lineno=0, col_offset=0), depth + 1, values)
    raise Unresolved(path, node, "(not a literal collection)")
