"""Imports go one way: ui → services → core/db, db → core only, and no module imports itself round a cycle.

Imports inside functions count (a lazy import must not hide a cycle); imports under TYPE_CHECKING only name
types, so they count for the direction but not for cycles.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("desktop", "db")

# What each layer may import of the project (besides itself). `base` is desktop/__init__.py and data_dirs.py.
ALLOWED = {
    "base": {"base"},
    "core": {"core"},
    "db": {"core"},
    "services": {"core", "db", "base"},
    "ui": {"services", "core", "db", "base"},
    "cli": {"services", "core", "db", "base", "ui"},  # `halfyear selftest` starts the window
    "entry": {"cli", "ui", "services", "core", "db", "base"},
}


@dataclass(frozen=True)
class Import:
    """One import of a project module by another."""

    source: str
    target: str
    line: int
    typing_only: bool


def layer(module: str) -> str:
    """The layer a module belongs to."""
    if module.startswith("db"):
        return "db"
    parts = module.split(".")
    if module == "desktop.__main__":
        return "entry"
    if len(parts) == 1 or parts[1] in ("data_dirs", "__init__"):
        return "base"
    return {"core": "core", "services": "services", "ui": "ui", "cli": "cli"}[parts[1]]


def modules() -> dict[str, Path]:
    """Every project module by dotted name (migrations are Alembic's scripts, not imported by the app)."""
    out = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            rel = path.relative_to(ROOT).with_suffix("")
            if "migrations" in rel.parts:
                continue
            parts = list(rel.parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imports(name: str, path: Path, known: set[str]) -> list[Import]:
    """The project modules `name` imports, anywhere in its file."""
    found: list[Import] = []
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]

    def resolve(target: str) -> str | None:
        while target and target not in known:
            target = target.rpartition(".")[0]
        return target or None

    def visit(node: ast.AST, typing_only: bool) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.body:
                visit(child, True)
            for child in node.orelse:
                visit(child, typing_only)
            return
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1] + ([base] if base else []))
            targets = [f"{base}.{a.name}" for a in node.names] + [base]
        for target in targets:
            resolved = resolve(target)
            if resolved is not None and resolved != name:
                found.append(Import(name, resolved, getattr(node, "lineno", 0), typing_only))
        for child in ast.iter_child_nodes(node):
            visit(child, typing_only)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def all_imports() -> list[Import]:
    """Every import between project modules."""
    mods = modules()
    return [imp for name, path in mods.items() for imp in imports(name, path, set(mods))]


def cycles(edges: list[Import]) -> list[list[str]]:
    """Strongly connected groups of more than one module over the run-time imports (Tarjan)."""
    graph: dict[str, set[str]] = {}
    for e in edges:
        if not e.typing_only:
            graph.setdefault(e.source, set()).add(e.target)
            graph.setdefault(e.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def strong(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out




def test_imports_go_one_way() -> None:
    wrong = [f"{e.source} ({layer(e.source)}) imports {e.target} ({layer(e.target)}), line {e.line}"
             for e in all_imports()
             if layer(e.target) != layer(e.source) and layer(e.target) not in ALLOWED[layer(e.source)]]
    assert wrong == []


def test_no_import_cycles_even_through_imports_inside_functions() -> None:
    assert cycles(all_imports()) == []


def test_the_checks_see_a_cycle_and_a_wrong_direction() -> None:
    edges = [Import("db.store", "db.backup", 1, False), Import("db.backup", "db.store", 2, False),
             Import("db.x", "db.y", 3, True), Import("db.y", "db.x", 4, False)]
    assert cycles(edges) == [["db.backup", "db.store"]]
    assert layer("desktop.ui.main_window") == "ui" and "ui" not in ALLOWED["services"]
    assert "services" not in ALLOWED["db"] and "db" not in ALLOWED["core"]
