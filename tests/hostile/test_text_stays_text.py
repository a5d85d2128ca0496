"""Text stays text: every call that draws Markdown shows outside text only through ``text.md``.

The app's Streamlit code (``app.py``, ``pages/``, ``reception/ui/``) is walked. Every call that
draws its text as Markdown (``st.markdown``, ``st.error`` ... ``st.toast``, and the label and help
of every widget, whatever object it is called on: a column, a form, the sidebar) must be given text
that is *safe*: a literal, a label (``t(...)``) whose fields are safe, ``md(...)``, a number
formatted (``fmt_int``, ``int``, ``len``), or a join, an f-string, a sum or a choice of safe parts.
A variable is safe only when every value the function gives it is safe, so outside text cannot
slip through a name; a parameter, an attribute or another call is not, unless it is on the
allow-list below, each with the reason it shows only label-table or reference text.
"""

from __future__ import annotations

import ast
import io
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from reception import export
from reception.selection import Selection
from reception.store import loadlog, writer
from reception.ui import sections

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted([ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("reception/ui/*.py")])

# calls whose first argument (or ``body``/``label``) is drawn as Markdown, and widgets with a label
DRAWN = {"markdown", "error", "success", "warning", "info", "caption", "write", "toast", "title", "header",
         "subheader", "exception", "spinner", "status"}  # fmt: skip
LABELLED = {"button", "download_button", "link_button", "page_link", "checkbox", "toggle", "radio",
            "selectbox", "multiselect", "select_slider", "slider", "text_input", "text_area", "number_input",
            "date_input", "time_input", "file_uploader", "color_picker", "expander", "popover", "metric",
            "form_submit_button", "pills", "segmented_control", "feedback"}  # fmt: skip
MARKDOWN_KEYWORDS = ("body", "label", "help", "captions", "value") + ("delta",)
SAFE_CALLS = {"t", "md", "fmt_int", "fmt_num", "fmt_pct", "fmt_month", "int", "len", "float", "round"}

# (file, the call's text as written): shows only label-table text or the reference's own names
ALLOWED = {
    (
        "reception/ui/__init__.py",
        "st.error(str(bad), icon=':material/edit_document:')",
    ): "the operator's own data/regions.csv: a line number and what is wrong, in the label's words",
    (
        "reception/ui/__init__.py",
        "st.subheader(headline.describe(selection, options, category=False))",
    ): "the selection in words: labels, the reference's area names and years",
    (
        "reception/ui/sections.py",
        "st.caption(summary)",
    ): "a chart's summary: charts.findings words it from labels, numbers and reference names",
    (
        "reception/ui/sections.py",
        "st.caption(extra)",
    ): "a page's note under a chart: labels and numbers (every caller passes t(...))",
    (
        "reception/ui/sections.py",
        "st.caption(source_line(datasets))",
    ): "the source line: labels, dates, and the loads' file names through md (sections.source_line)",
    ("reception/ui/sections.py", "st.subheader(title)"): "a section's title: t(...) at every caller",
    (
        "reception/ui/sections.py",
        "st.info(built.summary)",
    ): "a first chart's message when it has nothing to show: charts.headline words it from labels",
    (
        "reception/ui/preview.py",
        "st.markdown('\\n'.join((f'- {line}' for line in lines)))",
    ): "the preview's summary: labels, counts, years, and the period the importer words from labels",
    (
        "pages/variation.py",
        "st.caption(summary)",
    ): "a chart's summary: charts.findings words it from labels and numbers",
    (
        "app.py",
        "st.caption(sections.source_line(('targets', 'arrivals', 'capacity')))",
    ): "the source line: labels, dates, and the loads' file names through md",
}


def _scope_of(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    """Each node's enclosing function (or the module)."""
    scopes: dict[ast.AST, ast.AST] = {}

    def visit(node: ast.AST, scope: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) else scope
            scopes[child] = inner
            visit(child, inner)

    visit(tree, tree)
    return scopes


class Walk:
    """Safety of expressions in one file."""

    def __init__(self, path: Path):
        self.path = path
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.scopes = _scope_of(self.tree)

    def _assignments(self, scope: ast.AST, name: str) -> list[ast.AST] | None:
        """The values ``name`` is given in ``scope``; None when one cannot be known (a parameter, a
        loop's variable, a name from ``with ... as``, an augmented assignment, a global)."""
        if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            params = scope.args
            every = [*params.posonlyargs, *params.args, *params.kwonlyargs, params.vararg, params.kwarg]
            if any(p is not None and p.arg == name for p in every):
                return None
        values: list[ast.AST] = []
        for node in ast.walk(scope):
            if self.scopes.get(node) is not scope and node is not scope:
                continue
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id == name:
                        values.append(node.value)
                    elif any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(target)):
                        return None  # unpacked: which part is which is not worth guessing
            elif isinstance(node, ast.AnnAssign | ast.AugAssign | ast.NamedExpr):
                if isinstance(node.target, ast.Name) and node.target.id == name:
                    if isinstance(node, ast.AugAssign):
                        values.append(ast.BinOp(ast.Name(name), node.op, node.value))
                    elif node.value is not None:
                        values.append(node.value)
            elif isinstance(node, ast.For | ast.comprehension | ast.withitem):
                target = node.optional_vars if isinstance(node, ast.withitem) else node.target
                if target is not None and any(
                    isinstance(n, ast.Name) and n.id == name for n in ast.walk(target)
                ):
                    return None
        return values or None

    def safe(self, node: ast.AST, seen: frozenset[str] = frozenset()) -> bool:
        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, ast.JoinedStr):
            return all(self.safe(v.value, seen) for v in node.values if isinstance(v, ast.FormattedValue))
        if isinstance(node, ast.BinOp):
            return self.safe(node.left, seen) and self.safe(node.right, seen)
        if isinstance(node, ast.IfExp):
            return self.safe(node.body, seen) and self.safe(node.orelse, seen)
        if isinstance(node, ast.BoolOp):
            return all(self.safe(v, seen) for v in node.values)
        if isinstance(node, ast.List | ast.Tuple):
            return all(self.safe(e, seen) for e in node.elts)
        if isinstance(node, ast.GeneratorExp | ast.ListComp):
            return self.safe(node.elt, seen)
        if isinstance(node, ast.Name):
            if node.id in seen:
                return True  # a cycle: the other assignments decide
            values = self._assignments(self.scopes.get(node, self.tree), node.id)
            return values is not None and all(self.safe(v, seen | {node.id}) for v in values)
        if isinstance(node, ast.Call):
            return self._safe_call(node, seen)
        return False

    def _safe_call(self, node: ast.Call, seen: frozenset[str]) -> bool:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if name == "join" and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Constant):
            return all(self.safe(a, seen) for a in node.args)
        if name not in SAFE_CALLS:
            return False
        if name == "t":  # the key is a label's; its fields must be safe
            for keyword in node.keywords:
                if keyword.arg is None:  # t(key, **fields): only fields each made safe in the dict
                    if not self._safe_fields(keyword.value, seen):
                        return False
                elif not self.safe(keyword.value, seen):
                    return False
        return True

    def _safe_fields(self, node: ast.AST, seen: frozenset[str]) -> bool:
        """``{k: md(v) for ...}``, or a variable given only such dicts."""
        if isinstance(node, ast.DictComp):
            return self.safe(node.value, seen)
        if isinstance(node, ast.Name):
            values = self._assignments(self.scopes.get(node, self.tree), node.id)
            return values is not None and all(self._safe_fields(v, seen) for v in values)
        return False


def shown_texts(call: ast.Call) -> list[ast.AST]:
    """The arguments of a drawing call that Streamlit draws as Markdown."""
    name = call.func.attr
    first_is_text = name in DRAWN or (name in LABELLED and name != "page_link")  # a page link: the page first
    texts = [call.args[0]] if call.args and first_is_text else []
    if name == "write":
        texts = list(call.args)
    if name == "radio" and len(call.args) > 1 and not any(k.arg == "format_func" for k in call.keywords):
        texts.append(call.args[1])  # a radio's options are Markdown too
    for keyword in call.keywords:
        if keyword.arg in MARKDOWN_KEYWORDS or (keyword.arg == "options" and name == "radio"):
            texts.append(keyword.value)
        if keyword.arg == "format_func" and name == "radio" and isinstance(keyword.value, ast.Lambda):
            texts.append(keyword.value.body)
    return texts


def _imported(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return names - {"st"}


def unsafe_calls(path: Path, relative: str | None = None) -> list[str]:
    walk = Walk(path)
    relative = relative or path.relative_to(ROOT).as_posix()
    not_streamlit = _imported(walk.tree) | {"LOG", "logging", "self"}
    found = []
    for node in ast.walk(walk.tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in DRAWN | LABELLED:
            continue
        receiver = node.func.value
        root = receiver
        while isinstance(root, ast.Attribute):
            root = root.value
        if isinstance(root, ast.Name) and root.id in not_streamlit:
            continue  # a module of ours or a logger, not Streamlit
        source = ast.unparse(node)
        if (relative, source) in ALLOWED:
            continue
        if not all(walk.safe(text) for text in shown_texts(node)):
            found.append(f"{relative}:{node.lineno}: {source}")
    return found


def test_every_call_that_draws_markdown_shows_outside_text_only_through_md():
    found = [line for path in FILES for line in unsafe_calls(path)]
    assert not found, "show outside text through reception.text.md:\n" + "\n".join(found)


def test_every_allowed_call_is_still_in_the_code():
    written = set()
    for path in FILES:
        relative = path.relative_to(ROOT).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                written.add((relative, ast.unparse(node)))
    assert set(ALLOWED) <= written, set(ALLOWED) - written


@pytest.mark.parametrize(
    ("code", "safe"),
    [
        ('st.error(t("x", name=md(name)))', True),
        ('st.error(t("x", name=name))', False),  # a field from outside, unescaped
        ("title = slide.title\nst.header(title)", False),  # dodged through a variable
        ("title = md(slide.title)\nst.header(title)", True),
        ("title = md(slide.title)\nif x:\n    title = slide.title\nst.header(title)", False),
        ("left, right = st.columns(2)\nleft.caption(name)", False),  # on a column, not st
        ('st.markdown("\\n".join(f"- {md(line)}" for line in lines))', True),
        ('st.markdown("\\n".join(f"- {line}" for line in lines))', False),
        ('st.warning(t("x", **{k: md(v) for k, v in fields.items()}))', True),
        ('st.warning(t("x", **fields))', False),
        ('fields = {k: md(v) for k, v in f.items()}\nst.warning(t("x", **fields))', True),
        ('st.radio("Key", keys, format_func=lambda k: t(f"k.{k}"))', True),
        ('st.radio("Key", names)', False),  # a radio's options are Markdown
        ("st.expander(name)", False),  # a label is Markdown: images and links draw
        ('st.button("x", help=name)', False),
        ("def f(name):\n    st.caption(name)", False),  # a parameter
        ('LOG.error("x %s", name)', True),  # a logger, not Streamlit
    ],
)
def test_the_walk_tells_safe_text_from_outside_text(tmp_path, code, safe):
    path = tmp_path / "probe.py"
    path.write_text("import streamlit as st\nimport logging\nLOG = logging.getLogger()\n" + code + "\n")
    assert (unsafe_calls(path, "probe.py") == []) is safe


def test_the_om_data_sheet_gets_the_file_names_as_plain_text(demo_store):
    """The xlsx download's "Om data" sheet names the source files as written: no Markdown backslashes
    (the page's source line escapes them; a spreadsheet must not), and no control characters."""
    name = "kommuntal_2026*[se här](http://elsewhere.example)\x1b[2J.xlsx"
    with writer.write(demo_store) as con:
        load_id = loadlog.new_load(con, source=name, dataset="targets", rows=1)
        con.execute("insert into fact_target values (?, 2026, '1440', 'settlement', 20, null)", [load_id])
    about = sections.about("mal", Selection(year_to=2026), ("targets",))
    sheet = load_workbook(io.BytesIO(export.to_xlsx(pd.DataFrame({"a": [1]}), about)))["Om data"]
    sources = next(row[1].value for row in sheet.iter_rows(min_row=2) if "Källa" in str(row[1].value))
    assert "kommuntal_2026*[se här](http://elsewhere.example)[2J.xlsx" in sources
    assert "\\" not in sources and "\x1b" not in sources
