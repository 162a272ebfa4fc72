"""The window calls the store only through ops: no store call in desktop/ui/ outside ops.py and the callables
handed to StoreOp, StoreQuery or a job (an AST scan, so a new call on the UI thread fails here, not on a
server 40 ms away)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "desktop" / "ui"
# what runs a callable on a background lane, and which positional argument that callable is
_RUNNERS = {"StoreOp": 1, "StoreQuery": 1, "db": 0, "work": 0}
_ATTACH = {"attach", "set_store"}  # handing the store over to the window is not calling it


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _is_store(node: ast.expr) -> bool:
    """`store`, `self.store`, `w.store`, `window.ops.store` …"""
    return (isinstance(node, ast.Name) and node.id == "store") or (isinstance(node, ast.Attribute) and node.attr == "store")


def violations(source: str, filename: str = "<test>") -> list[str]:
    """Store calls made outside the callables run on a background lane, as `file:line: code`."""
    tree = ast.parse(source)
    handed: set[int] = set()  # lambdas and functions handed to a runner
    handed_names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _name(node.func) in _RUNNERS and len(node.args) > _RUNNERS[_name(node.func)]:
            fn = node.args[_RUNNERS[_name(node.func)]]
            handed.add(id(fn))
            if isinstance(fn, ast.Name):
                handed_names.add(fn.id)
    found: list[str] = []

    def runs_in_background(node: ast.AST) -> bool:
        if id(node) in handed:
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            params = [a.arg for a in node.args.posonlyargs + node.args.args if a.arg not in ("self", "cls")]
            # a function taking the store as its first parameter can only be given one by an op: passing the
            # store anywhere else is itself a violation below
            named = not isinstance(node, ast.Lambda) and node.name in handed_names
            return named or params[:1] == ["store"]
        return False

    def visit(node: ast.AST, background: bool) -> None:
        background = background or runs_in_background(node)
        if not background:
            if isinstance(node, ast.Call):
                if isinstance(node.func, ast.Attribute) and _is_store(node.func.value):
                    found.append(f"{filename}:{node.lineno}: {ast.unparse(node)[:80]}")
                elif _name(node.func) not in _ATTACH and any(
                        _is_store(a) for a in [*node.args, *(k.value for k in node.keywords)]):
                    found.append(f"{filename}:{node.lineno}: store handed on: {ast.unparse(node)[:80]}")
            if isinstance(node, ast.Assign) and _is_store(node.value):
                found.append(f"{filename}:{node.lineno}: store kept aside: {ast.unparse(node)[:80]}")
        for child in ast.iter_child_nodes(node):
            visit(child, background)

    visit(tree, False)
    return found


def test_desktop_ui_calls_the_store_only_through_ops() -> None:
    files = [p for p in sorted(UI.rglob("*.py")) if p.name != "ops.py"]
    assert len(files) > 20
    found = [v for p in files for v in violations(p.read_text(encoding="utf-8"), str(p.relative_to(UI)))]
    assert found == []


@pytest.mark.parametrize("code", [
    "def f(self):\n    self.store.get_item(1)",
    "def f(w):\n    rows = w.store.item_tree(3)",
    "def f(self):\n    helper(self.store)",
    "def f(self):\n    s = self.store\n    s.list_reports()",
    "def f(self):\n    self.jobs.db(lambda: 1, on_done=lambda r: self.store.history(r))",
])
def test_the_scan_finds_calls_on_the_ui_thread(code: str) -> None:
    assert violations(code)


@pytest.mark.parametrize("code", [
    "def f(self):\n    StoreOp(self, lambda store: store.set_status(1)).run()",
    "def f(self):\n    def read(store):\n        return store.history(1)\n    StoreQuery(self, read).run()",
    "def _all(store):\n    return [store.item_tree(r.id) for r in store.list_reports()]",
    "def f(self):\n    self.jobs.db(lambda: self.store.close())",
    "def f(self, result):\n    self.set_store(result.store)\n    return self.store.url",
])
def test_the_scan_lets_ops_and_jobs_call_the_store(code: str) -> None:
    assert violations(code) == []
