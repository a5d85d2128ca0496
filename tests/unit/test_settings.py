"""One list of settings (reception/settings.py), and nothing read besides it: every environment
variable, secrets key and config.toml option the code or the deployment uses is listed, and the
README's Settings table is the same list."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest
from code_values import Unresolved, enclosing, markers, resolve
from source_tree import ROOT, tree

from reception import settings
from reception.settings import CONFIG, ENV, SECRETS, SETTINGS

NAMES = {where: {s.name for s in SETTINGS if s.where == where} for where in (ENV, SECRETS, CONFIG)}


def files() -> list[Path]:
    found = [ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("reception/**/*.py")]
    found += [*ROOT.glob("deploy/**/*.py"), *ROOT.glob("bench/**/*.py")]
    # the settings module reads os.environ for the name its caller gives: env() refuses one not listed
    return sorted(p.relative_to(ROOT) for p in found if p != ROOT / "reception" / "settings.py")


def _is_environ(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "environ" and ast.unparse(node.value) == "os"


def _is_secrets(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "secrets" and ast.unparse(node.value) == "st"


def _names(path: Path, node: ast.AST) -> set[str]:
    """The texts ``node`` can hold; a parameter followed to the calls of its function in the module."""
    try:
        values = resolve(path, node)
    except Unresolved as unresolved:
        raise AssertionError(f"{unresolved}: name the setting so the test can read it") from None
    found = set()
    for value in values:
        if not markers(value):
            found.add(value)
            continue
        function, parameter = markers(value)[0].split(".", 1)
        scope = next(s for s in enclosing(path, node) if getattr(s, "name", None) == function)
        position = [a.arg for a in scope.args.args].index(parameter)
        calls = [
            c
            for c in ast.walk(tree(path))
            if isinstance(c, ast.Call) and ast.unparse(c.func).split(".")[-1] == function
        ]
        assert calls, f"{path}: {function} is never called"
        for call in calls:
            found |= _names(path, call.args[position])
    return found


def reads(path: Path) -> list[tuple[str, str, int]]:
    """(kind, name, line) of every setting ``path`` reads or sets."""
    found = []
    for node in ast.walk(tree(path)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args:
            owner, method = node.func.value, node.func.attr
            environ = _is_environ(owner) and method in ("get", "setdefault", "pop")
            if environ or ast.unparse(node.func) in ("os.getenv", "settings.env"):
                found += [(ENV, n, node.lineno) for n in _names(path, node.args[0])]
            elif _is_secrets(owner) and method == "get":
                found += [(SECRETS, n, node.lineno) for n in _names(path, node.args[0])]
        elif isinstance(node, ast.Subscript) and (_is_environ(node.value) or _is_secrets(node.value)):
            kind = ENV if _is_environ(node.value) else SECRETS
            found += [(kind, n, node.lineno) for n in _names(path, node.slice)]
        elif isinstance(node, ast.Dict) and any(
            k is None and _is_environ(v) for k, v in zip(node.keys, node.values, strict=True)
        ):
            # {**os.environ, "NAME": value}: an environment for a child process
            found += [(ENV, n, node.lineno) for k in node.keys if k is not None for n in _names(path, k)]
    return found


def test_the_walk_finds_the_settings_the_code_reads():
    everything = {(kind, name) for path in files() for kind, name, _ in reads(path)}
    assert {
        (ENV, "RECEPTION_DB"),
        (ENV, "RECEPTION_EDITOR_PASSWORD"),
        (ENV, "RECEPTION_EDITORS"),
    } <= everything
    assert {(SECRETS, "editor_password"), (SECRETS, "editors"), (SECRETS, "auth")} <= everything
    assert (ENV, "STREAMLIT_BROWSER_GATHER_USAGE_STATS") in everything  # deploy/cluster.py, bench/browser.py


@pytest.mark.parametrize("path", files(), ids=str)
def test_every_setting_the_code_reads_is_listed(path):
    unlisted = [(kind, name, line) for kind, name, line in reads(path) if name not in NAMES[kind]]
    assert unlisted == [], f"{path}: add these to reception/settings.py and the README's Settings table"


def test_the_app_reads_the_environment_only_through_the_settings_module():
    for path in files():
        if path.parts[0] == "reception":
            used = [n.lineno for n in ast.walk(tree(path)) if _is_environ(n) or ast.unparse(n) == "os.getenv"]
            assert used == [], f"{path}:{used}: read environment variables with settings.env(NAME)"


def test_an_unlisted_name_is_refused():
    with pytest.raises(KeyError):
        settings.env("RECEPTION_NOTHING")
    with pytest.raises(KeyError):
        settings.env("editors")  # a secrets key, not an environment variable


def test_every_config_option_is_listed_with_its_value():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    options = {
        f"{section}.{key}": value for section, values in config.items() for key, value in values.items()
    }
    assert set(options) == NAMES[CONFIG]
    for name, value in options.items():
        listed = settings.BY_NAME[name].default
        assert tomllib.loads(f"v = {listed}")["v"] == value, name


def test_every_variable_of_the_deployment_file_is_listed():
    text = (ROOT / "deploy" / "reception.env.example").read_text(encoding="utf-8")
    assert set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]+)=", text, flags=re.M)) <= NAMES[ENV]


def readme_table() -> list[tuple[str, ...]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Settings\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")][1:]  # the header row aside
    return [tuple(cell.strip().strip("`") for cell in row.strip("|").split(" | ")) for row in rows]


def test_the_readme_shows_every_setting_in_one_table():
    rows = [r for r in readme_table() if not set("".join(r)) <= set("-:| ")]
    expected = [(s.name, s.where, s.default, s.meaning) for s in SETTINGS]
    assert rows == expected


def test_the_readme_says_the_app_runs_on_linux():
    assert "The app needs Linux" in (ROOT / "README.md").read_text(encoding="utf-8")
