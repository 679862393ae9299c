"""The layout holds: Veil's modules import each other without cycles, and none is too large to read.

The layering between packages (service -> synthesizers, reports -> privacy -> core) is checked by the
import-linter contracts in pyproject.toml (``make lint``); this test adds what they do not cover.
"""

from __future__ import annotations

import pathlib

import grimp

ROOT = pathlib.Path(__file__).resolve().parents[2]
MAX_LINES = 600
GENERATED = "veil.v1"


def _strongly_connected(graph: grimp.ImportGraph, modules: set[str]) -> list[list[str]]:
    """Tarjan's algorithm over the direct imports among ``modules``; components of two or more."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module) & modules):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(modules):
        if module not in index:
            visit(module)
    return found


def test_no_import_cycles_between_modules():
    graph = grimp.build_graph("veil")
    modules = {m for m in graph.modules if not m.startswith(GENERATED)}
    assert _strongly_connected(graph, modules) == []


def test_the_cycle_finder_finds_a_cycle():
    graph = grimp.ImportGraph()
    for name in ("p.a", "p.b", "p.c"):
        graph.add_module(name)
    graph.add_import(importer="p.a", imported="p.b")
    graph.add_import(importer="p.b", imported="p.a")
    graph.add_import(importer="p.c", imported="p.a")
    assert _strongly_connected(graph, {"p.a", "p.b", "p.c"}) == [["p.a", "p.b"]]


def test_no_source_module_is_too_large():
    sizes = {
        str(path.relative_to(ROOT)): len(path.read_text().splitlines())
        for path in (ROOT / "veil").rglob("*.py")
        if GENERATED.replace(".", "/") not in path.as_posix()
    }
    assert {path: n for path, n in sizes.items() if n > MAX_LINES} == {}
