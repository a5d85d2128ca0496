"""The README's layout map is the tree: every module of reception/ is listed under its package, and
nothing listed is missing."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "reception"


def listed() -> set[str]:
    """Paths under reception/ the README's layout map names ('store/writer.py', 'store/migrations/')."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("reception/")
    paths: set[str] = set()
    package = ""
    for line in lines[start + 1 :]:
        if not line.startswith(" "):
            break
        indent = len(line) - len(line.lstrip())
        names = re.split(r",\s*", re.split(r"\s{2,}", line.strip())[0])
        if not all(re.fullmatch(r"[\w.]+\.py|\w+/", name) for name in names):
            continue  # a description carried on to the next line
        if indent == 2:
            package = ""
        for name in names:
            path = package + name
            paths.add(path)
            if indent == 2 and name.endswith("/"):
                package = name
    return paths


def on_disk() -> set[str]:
    modules = {
        str(p.relative_to(PACKAGE))
        for p in PACKAGE.rglob("*.py")
        if "__pycache__" not in p.parts and "migrations" not in p.parts
    }
    folders = {
        f"{p.relative_to(PACKAGE)}/" for p in PACKAGE.rglob("*") if p.is_dir() and p.name != "__pycache__"
    }
    return modules | folders


def test_the_layout_map_lists_every_module_and_folder_and_nothing_else():
    assert listed() == on_disk()


def test_the_map_is_read_as_the_tree():
    got = listed()
    assert {"__main__.py", "store/", "store/writer.py", "store/migrations/", "ui/loading.py"} <= got
