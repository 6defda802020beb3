"""The package's own modules import each other without a circle.

The module graph is read with :mod:`ast` from the sources of ``natlat_sym``
and ``proofs``: an edge ``a -> b`` for every import of ``b`` executed when
``a`` is imported (statements at module level, including ``try``/``if``
blocks, but not ``if TYPE_CHECKING:`` blocks or imports inside functions and
classes).  ``from pkg import name`` points at ``pkg.name`` when that is a
module and at ``pkg`` (its ``__init__``) otherwise.  Importing a module also
runs its parent packages' ``__init__``; those implicit edges are not counted
(every submodule would otherwise sit in a circle with its own package).
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("natlat_sym", "proofs")


def _modules() -> dict[str, Path]:
    found = {}
    for pkg in PACKAGES:
        for path in (ROOT / pkg).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = path
    return found


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _module_level_imports(tree: ast.Module):
    stack = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If):
            if not _is_type_checking(node):
                stack.extend(node.body + node.orelse)
        elif isinstance(node, ast.Try):
            stack.extend(node.body + node.orelse + node.finalbody)
            for handler in node.handlers:
                stack.extend(handler.body)
        elif isinstance(node, (ast.With,)):
            stack.extend(node.body)


def _targets(node, name: str, is_package: bool, modules) -> set[str]:
    if isinstance(node, ast.Import):
        return {a.name for a in node.names if a.name in modules}
    if node.level:
        base = name.split(".") if is_package else name.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        source = ".".join(base + ([node.module] if node.module else []))
    else:
        source = node.module or ""
    out = set()
    for alias in node.names:
        sub = f"{source}.{alias.name}"
        if sub in modules:
            out.add(sub)
        elif source in modules:
            out.add(source)
    return out


def _all_imports(tree: ast.Module):
    return (node for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom)))


def import_graph(*, deferred: bool = False) -> nx.DiGraph:
    """The module graph; with ``deferred`` also the imports inside functions."""
    modules = _modules()
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in (_all_imports(tree) if deferred else _module_level_imports(tree)):
            for target in _targets(node, name, path.name == "__init__.py", modules):
                if target != name:
                    graph.add_edge(name, target)
    return graph


def test_graph_sees_the_known_edges():
    graph = import_graph()
    assert graph.has_edge("natlat_sym.finite.evaluate", "natlat_sym.finite.distribution")
    assert graph.has_edge("natlat_sym.catalog", "natlat_sym.catalog.theorem")
    assert not graph.has_edge("natlat_sym.shannon.certificate", "natlat_sym.finite")


def test_no_import_circles():
    graph = import_graph()
    circles = [sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1]
    assert circles == [], f"import circles among top-level imports: {circles}"


def test_no_circles_through_deferred_imports_across_subpackages():
    """Imports inside functions do not close a circle either (``finite.distribution``
    and ``finite.io`` used to import each other that way).  Circles inside
    ``natlat_sym.shannon`` alone are left to the prover's own refactoring."""
    graph = import_graph(deferred=True)
    assert graph.has_edge("natlat_sym.finite.io", "natlat_sym.finite.distribution")
    circles = [sorted(c) for c in nx.strongly_connected_components(graph)
               if len(c) > 1 and not all(m.startswith("natlat_sym.shannon.") for m in c)]
    assert circles == [], f"import circles (counting imports inside functions): {circles}"
