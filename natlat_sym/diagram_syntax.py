r"""Diagrams written as text: parsing, normalising and printing.

A diagram is a :class:`networkx.DiGraph` whose nodes carry a ``variable``
attribute; :func:`parse_diagram` reads the text form, :func:`as_diagram`
accepts text or a DiGraph, :func:`diagram_to_text` writes text that reads
back to the same diagram.  What diagrams mean (their errors, implication,
orders) is in :mod:`natlat_sym.diagrams`, which re-exports these names.

Duplicated nodes
----------------
The natural-latent literature draws the same variable twice, e.g. the
determinism diagram ``Γ ← X → Γ``.  Here the two ``Γ`` are distinct *nodes*
carrying the same ``variable`` attribute; the sum runs over nodes and the
joint term ``H(Y)`` over the distinct variables, so
``Γ ← X → Γ`` has error ``H(X) + 2H(Γ|X) − H(X,Γ) = H(Γ|X)``.

Text syntax
-----------
::

    diagram   := statement ((";" | newline) statement)*
    statement := node (arrow node)*          # a lone node declares an isolated variable
    arrow     := "->" | "<-" | "→" | "←"
    node      := name ["#" copy]             # copy = 1, 2, ...; "G#1" is "G"

Across statements a plain name is always the same node (copy 1).  Inside one
statement a name written again is a *new copy* of that variable, so
``"G <- X -> G"`` has nodes ``G``, ``X``, ``G#2``; write ``G#2`` explicitly to
refer to a copy from another statement.  A DiGraph may be passed instead of
text: each node's variable is its ``variable`` attribute, or the node itself.

Examples
--------
>>> sorted(parse_diagram("G <- X -> G").nodes)
['G', 'G#2', 'X']
>>> diagram_to_text("X1 <- L -> X2")
'L -> X1; L -> X2'
"""

from __future__ import annotations

import re

import networkx as nx

from .errors import ParseError, StatementError
from .shannon.linear import _natural_key

__all__ = ["parse_diagram", "as_diagram", "diagram_to_text", "diagram_variables", "has_copies", "node_variable"]

_RESERVED = frozenset({"H", "I", "TC", "DTC"})
_TOKEN = re.compile(
    r"""
    (?P<ws>[ \t\r]+)
  | (?P<sep>[;\n])
  | (?P<arrow>->|<-|→|←)
  | (?P<node>[^\W\d]\w*(?:\#\d+)?)
    """,
    re.VERBOSE | re.UNICODE,
)


def _node_id(variable: str, copy: int) -> str:
    return variable if copy == 1 else f"{variable}#{copy}"


def _cycle_text(g: nx.DiGraph, u, v) -> str:
    path = nx.shortest_path(g, v, u)  # adding u -> v closes v ~> u -> v
    return " -> ".join(str(n) for n in [u, *path])


def parse_diagram(text: str) -> nx.DiGraph:
    """Read a diagram from text (see the module docstring for the syntax).

    Parameters
    ----------
    text : str
        E.g. ``"X1 <- L -> X2"``, ``"X2 -> X1 -> G"``, ``"G <- X -> G"``.

    Returns
    -------
    networkx.DiGraph
        Nodes are strings (``"G"``, ``"G#2"``) with a ``variable`` attribute.

    Raises
    ------
    ParseError
        One line naming the problem and its column: unexpected character,
        missing name, two names without an arrow, reserved name, a cycle.

    Examples
    --------
    >>> g = parse_diagram("G <- X -> G")
    >>> sorted(g.nodes(data="variable"))
    [('G', 'G'), ('G#2', 'G'), ('X', 'X')]
    >>> sorted(parse_diagram("X2 -> X1 -> G").edges())
    [('X1', 'G'), ('X2', 'X1')]
    >>> parse_diagram("X1 <- <- L")
    Traceback (most recent call last):
    ...
    natlat_sym.errors.ParseError: expected a variable name after '<-' at column 7: 'X1 <- <- L'
    """
    if not isinstance(text, str):
        raise StatementError(f"a diagram is text or a networkx DiGraph, got {type(text).__name__}")
    tokens = []
    i = 0
    while i < len(text):
        m = _TOKEN.match(text, i)
        if not m:
            raise ParseError(f"unexpected character {text[i]!r} in a diagram", text, i)
        if m.lastgroup != "ws":
            tokens.append((m.lastgroup, m.group(), i))
        i = m.end()
    tokens.append(("sep", "", len(text)))

    g = nx.DiGraph()
    copies: dict[str, int] = {}          # variable -> highest copy index in use
    seen: set[str] = set()               # plain names already used in this statement
    prev = None                          # (node id, position) of the last node in the statement
    pending = None                       # (arrow text, position) waiting for its right node
    for kind, tok, pos in tokens:
        if kind == "sep":
            if pending is not None:
                raise ParseError(f"expected a variable name after {pending[0]!r}", text, pos)
            prev, seen = None, set()
            continue
        if kind == "arrow":
            if prev is None:
                raise ParseError(f"expected a variable name before {tok!r}", text, pos)
            if pending is not None:
                raise ParseError(f"expected a variable name after {pending[0]!r}", text, pos)
            pending = (tok, pos)
            continue
        name, _, idx = tok.partition("#")
        if name in _RESERVED:
            raise ParseError(f"{name} is a measure name and cannot name a variable", text, pos)
        if idx:
            copy = int(idx)
            if copy < 1:
                raise ParseError(f"copy index of {name} must be 1 or more", text, pos)
        elif name in seen:
            copy = copies.get(name, 1) + 1
        else:
            copy = 1
            seen.add(name)
        node = _node_id(name, copy)
        copies[name] = max(copies.get(name, 0), copy)
        g.add_node(node, variable=name)
        if prev is not None:
            if pending is None:
                raise ParseError(f"expected '->' or '<-' between {prev[0]} and {node}", text, pos)
            u, v = (prev[0], node) if pending[0] in ("->", "→") else (node, prev[0])
            if u == v:
                raise ParseError(f"arrow from {u} to itself", text, pending[1])
            if nx.has_path(g, v, u):
                raise ParseError(f"diagram has a cycle {_cycle_text(g, u, v)}", text, pending[1])
            g.add_edge(u, v)
            pending = None
        prev = (node, pos)
    if g.number_of_nodes() == 0:
        raise ParseError("empty diagram: no variables", text, 0)
    return g


def as_diagram(diagram) -> nx.DiGraph:
    """A validated copy of ``diagram`` (text or DiGraph) whose every node has
    a ``variable`` attribute.

    Raises
    ------
    StatementError
        Not a DiGraph or text, empty, a cycle, or a variable name that is not
        an identifier.

    Examples
    --------
    >>> import networkx as nx
    >>> as_diagram(nx.DiGraph([("X", "Y"), ("Y", "X")]))
    Traceback (most recent call last):
    ...
    natlat_sym.errors.StatementError: diagram has a cycle X -> Y -> X
    """
    if isinstance(diagram, str):
        return parse_diagram(diagram)
    if not isinstance(diagram, nx.DiGraph) or isinstance(diagram, nx.MultiDiGraph):
        raise StatementError(f"a diagram is text or a networkx DiGraph, got {type(diagram).__name__}")
    if diagram.number_of_nodes() == 0:
        raise StatementError("empty diagram: no variables")
    g = nx.DiGraph()
    for n, data in diagram.nodes(data=True):
        var = data.get("variable", n)
        if not isinstance(var, str) or not var.isidentifier() or var in _RESERVED:
            raise StatementError(f"node {n!r}: variable name {var!r} must be an identifier (not H, I, TC, DTC)")
        g.add_node(n, variable=var)
    g.add_edges_from(diagram.edges())
    if not nx.is_directed_acyclic_graph(g):
        cyc = nx.find_cycle(g)
        raise StatementError("diagram has a cycle " + " -> ".join(str(u) for u, _ in cyc) + f" -> {cyc[0][0]}")
    return g


def node_variable(g: nx.DiGraph, n) -> str:
    """The variable node ``n`` of diagram ``g`` draws."""
    return g.nodes[n]["variable"]


def diagram_variables(diagram) -> tuple[str, ...]:
    """The distinct variables of a diagram, in natural order (X2 < X10).

    >>> diagram_variables("G <- X2 -> G; X10 -> X2")
    ('G', 'X2', 'X10')
    """
    g = as_diagram(diagram)
    return tuple(sorted({node_variable(g, n) for n in g}, key=_natural_key))


def has_copies(diagram) -> bool:
    """True when some variable is drawn by more than one node.

    >>> has_copies("G <- X -> G"), has_copies("X1 <- L -> X2")
    (True, False)
    """
    g = as_diagram(diagram)
    return len({node_variable(g, n) for n in g}) < g.number_of_nodes()


def diagram_to_text(diagram) -> str:
    """Text that :func:`parse_diagram` reads back to the same diagram: one
    ``parent -> child`` statement per arrow, isolated nodes alone.

    >>> diagram_to_text("X1 <- L -> X2")
    'L -> X1; L -> X2'
    >>> diagram_to_text("G <- X -> G")
    'X -> G; X -> G#2'
    """
    g = as_diagram(diagram)
    key = lambda n: _natural_key(str(n))  # noqa: E731
    parts = [f"{u} -> {v}" for u, v in sorted(g.edges(), key=lambda e: (key(e[0]), key(e[1])))]
    parts += [str(n) for n in sorted(g, key=key) if g.degree(n) == 0]
    return "; ".join(parts)
