r"""Bayes-net diagrams and their errors.

A *diagram* is a directed acyclic graph (DAG) whose nodes are random
variables.  A distribution ``P`` over ``Y = (Y_1, …, Y_k)`` *satisfies* the
diagram ``G`` to within ``ε`` when ``ε >= D_KL(P ‖ P_G)``, where
``P_G = Π_j P[Y_j | Y_pa(j)]`` is the factorisation ``G`` prescribes.  The
KL divergence is an information quantity (spec T1, *order-free entropy
form*)::

    ε_G = D_KL(P ‖ P_G) = Σ_j H(Y_j | Y_pa(j)) − H(Y)

and, for any topological order, a sum of conditional mutual informations::

    ε_G = Σ_j I(Y_j ; Y_{<j} ∖ pa(j) | Y_pa(j))          (the *node terms*)

so every diagram error is a nonnegative linear form in joint entropies
(:class:`~natlat_sym.shannon.linear.LinearForm`), and graphical proof steps
become Shannon-type inequalities between such forms.

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

Glossary
--------
node / variable
    A node is a drawing of a variable; several nodes may draw one variable.
factorisation implication
    ``G1 ⇒ G2``: every distribution that factors over ``G1`` also factors
    over ``G2`` (equivalently ``G2`` is an I-map of ``G1``).  Decided by
    d-separation: every *local Markov statement* of ``G2`` (a node is
    independent of its non-descendants given its parents) must be a
    d-separation in ``G1`` (sound and complete, since every DAG has a
    faithful distribution).  Then ``ε_{G2} <= ε_{G1}`` (spec R6).
shared topological order
    An order of the variables in which every arrow of every given diagram
    points forward; it exists iff the union of the diagrams is acyclic.
Frankenstein diagram
    ``G*`` gives each node the parent set it has in a chosen ``G_σ(i)``
    (spec R3).

Public functions
----------------
:func:`parse_diagram`, :func:`as_diagram`, :func:`diagram_to_text`,
:func:`diagram_variables`, :func:`has_copies`, :func:`diagram_error`,
:func:`diagram_error_expression`, :func:`node_error_terms`,
:func:`local_markov_statements`, :func:`factorization_implies`,
:func:`is_imap_of`, :func:`enumerate_dags`, :func:`canonical_key`,
:func:`topological_orders`, :func:`is_topological_order`,
:func:`common_topological_order`, :func:`frankenstein`.

Examples
--------
>>> print(diagram_error("X1 <- L -> X2"))
H(L,X1) + H(L,X2) - H(L) - H(L,X1,X2)
>>> from natlat_sym.shannon.linear import LinearForm as F
>>> diagram_error("G <- X -> G") == F.cond_entropy({"G"}, {"X"})
True
>>> factorization_implies("A -> B -> C", "A -> B -> C; A -> C")   # adding an arrow
True
>>> factorization_implies("A -> C <- B", "A -> B -> C")           # collider vs chain
False
>>> parse_diagram("A -> B; B -> A")
Traceback (most recent call last):
...
natlat_sym.errors.ParseError: diagram has a cycle B -> A -> B at column 11: 'A -> B; B -> A'
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from itertools import permutations, product

import networkx as nx

from .errors import ParseError, StatementError
from .limits import check_time
from .shannon.linear import LinearForm, _natural_key

__all__ = [
    "parse_diagram", "as_diagram", "diagram_to_text", "diagram_variables", "has_copies",
    "diagram_error", "diagram_error_expression", "node_error_terms", "local_markov_statements",
    "factorization_implies", "is_imap_of", "enumerate_dags", "canonical_key",
    "topological_orders", "is_topological_order", "common_topological_order", "frankenstein",
]

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


# ----------------------------------------------------------------------------- parsing
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


def _var(g: nx.DiGraph, n) -> str:
    return g.nodes[n]["variable"]


def diagram_variables(diagram) -> tuple[str, ...]:
    """The distinct variables of a diagram, in natural order (X2 < X10).

    >>> diagram_variables("G <- X2 -> G; X10 -> X2")
    ('G', 'X2', 'X10')
    """
    g = as_diagram(diagram)
    return tuple(sorted({_var(g, n) for n in g}, key=_natural_key))


def has_copies(diagram) -> bool:
    """True when some variable is drawn by more than one node.

    >>> has_copies("G <- X -> G"), has_copies("X1 <- L -> X2")
    (True, False)
    """
    g = as_diagram(diagram)
    return len({_var(g, n) for n in g}) < g.number_of_nodes()


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


# ----------------------------------------------------------------------------- errors
def _cond_entropy(targets: set, given: set) -> LinearForm:
    """``H(A|B) = H(A∪B) − H(B)`` by form arithmetic, so that ``A ⊆ B`` gives 0
    (copies drawn as children of themselves)."""
    return LinearForm.entropy(targets | given) - LinearForm.entropy(given)


def diagram_error(diagram) -> LinearForm:
    """The error ``ε_G = Σ_j H(Y_j | Y_pa(j)) − H(Y)`` as an exact linear form.

    The sum runs over nodes (copies included), the joint term over the
    distinct variables (spec T1).

    Examples
    --------
    >>> from natlat_sym.shannon.linear import LinearForm as F
    >>> diagram_error("X2 -> X1 -> G") == F.mutual_information({"G"}, {"X2"}, {"X1"})
    True
    >>> diagram_error("L <- X -> G") == F.mutual_information({"L"}, {"G"}, {"X"})
    True
    """
    g = as_diagram(diagram)
    total = LinearForm()
    for n in g:
        parents = {_var(g, p) for p in g.predecessors(n)}
        total = total + _cond_entropy({_var(g, n)}, parents)
    return total - LinearForm.entropy({_var(g, n) for n in g})


def diagram_error_expression(diagram):
    """``ε_G`` as an unevaluated sympy expression in textbook terms,
    ``Σ_j H(Y_j|pa) − H(Y)`` (terms with the variable among its parents are 0
    and omitted).

    >>> from natlat_sym.shannon.measures import to_text
    >>> to_text(diagram_error_expression("X1 <- L -> X2"))
    'H(L) + H(X1|L) + H(X2|L) - H(L,X1,X2)'
    """
    from sympy import Add

    from .shannon.measures import H

    g = as_diagram(diagram)
    terms = []
    for n in sorted(g, key=lambda n: (g.in_degree(n) > 0, _natural_key(str(n)))):
        var = _var(g, n)
        parents = sorted({_var(g, p) for p in g.predecessors(n)}, key=_natural_key)
        if var not in parents:
            terms.append(H(var, given=parents))
    joint = sorted({_var(g, n) for n in g}, key=_natural_key)
    return Add(*terms, -H(*joint), evaluate=False)


def node_error_terms(diagram, order: Sequence | None = None) -> dict:
    """The node terms ``ε_{G,j} = I(Y_j ; Y_{<j} ∖ pa(j) | Y_pa(j))`` along a
    topological ``order`` of the nodes (default: a fixed one); they sum to
    :func:`diagram_error`.

    Raises
    ------
    StatementError
        If ``order`` is not a topological order of the nodes.

    Examples
    --------
    >>> terms = node_error_terms("A -> B; C", order=["A", "B", "C"])
    >>> [str(terms[n]) for n in "ABC"]
    ['0', '0', 'H(C) + H(A,B) - H(A,B,C)']
    """
    g = as_diagram(diagram)
    if order is None:
        order = list(nx.lexicographical_topological_sort(g, key=lambda n: _natural_key(str(n))))
    elif not is_topological_order(g, order):
        raise StatementError(f"{list(order)!r} is not a topological order of the diagram's nodes")
    earlier: set[str] = set()
    out = {}
    for n in order:
        parents = {_var(g, p) for p in g.predecessors(n)}
        out[n] = LinearForm.mutual_information({_var(g, n)}, earlier - parents, parents)
        earlier.add(_var(g, n))
    return out


# ----------------------------------------------------------------------------- implication
def _plain(diagram, what: str) -> nx.DiGraph:
    """The diagram with nodes renamed to their variables; refuse copies."""
    g = as_diagram(diagram)
    if len({_var(g, n) for n in g}) < g.number_of_nodes():
        raise StatementError(f"{what}: factorisation implication is defined for diagrams without duplicated nodes")
    return nx.relabel_nodes(g, {n: _var(g, n) for n in g})


def local_markov_statements(diagram) -> list[tuple[str, frozenset, frozenset]]:
    """The local Markov statements ``(v, N, pa(v))``: ``v`` is independent of
    its non-descendants ``N`` (parents excluded) given its parents; those
    with empty ``N`` are omitted.

    >>> local_markov_statements("A -> B -> C")
    [('C', frozenset({'A'}), frozenset({'B'}))]
    """
    g = _plain(diagram, "local_markov_statements")
    out = []
    for v in sorted(g, key=_natural_key):
        pa = frozenset(g.predecessors(v))
        nd = frozenset(g) - nx.descendants(g, v) - pa - {v}
        if nd:
            out.append((v, nd, pa))
    return out


def factorization_implies(g1, g2) -> bool:
    """Whether every distribution that factors over ``g1`` factors over ``g2``.

    Decided by d-separation (``networkx.is_d_separator``) of ``g2``'s local
    Markov statements in ``g1``.  Then ``ε_{g2} <= ε_{g1}`` for every
    distribution (spec R6).

    Raises
    ------
    StatementError
        If the diagrams have duplicated nodes or different variables.

    Examples
    --------
    >>> factorization_implies("A -> B -> C", "A <- B <- C")   # re-rooting
    True
    >>> factorization_implies("A; B", "A -> B"), factorization_implies("A -> B", "A; B")
    (True, False)
    """
    a, b = _plain(g1, "first diagram"), _plain(g2, "second diagram")
    if set(a) != set(b):
        raise StatementError(f"diagrams are over different variables: {sorted(a, key=_natural_key)} "
                             f"vs {sorted(b, key=_natural_key)}")
    return all(nx.is_d_separator(a, {v}, set(nd), set(pa)) for v, nd, pa in local_markov_statements(b))


def is_imap_of(h, g) -> bool:
    """Whether ``h`` is an I-map of ``g``: every independence ``h`` encodes
    (by d-separation) holds in ``g``, i.e. every distribution factoring over
    ``g`` factors over ``h``.  Same as ``factorization_implies(g, h)``.

    >>> is_imap_of("A -> B", "A; B")     # the arrow only removes independences
    True
    """
    return factorization_implies(g, h)


# ----------------------------------------------------------------------------- enumeration
def _names(k_or_names) -> tuple[str, ...]:
    if isinstance(k_or_names, int) and not isinstance(k_or_names, bool):
        if k_or_names < 1:
            raise StatementError(f"number of nodes must be at least 1, got {k_or_names}")
        return tuple(f"Y{i}" for i in range(1, k_or_names + 1))
    names = tuple(k_or_names)
    if not names or len(set(names)) != len(names) or not all(isinstance(n, str) and n.isidentifier() for n in names):
        raise StatementError(f"node names must be distinct identifiers, got {list(names)!r}")
    return names


def _acyclic(k: int, edges) -> bool:
    parents = [0] * k
    for u, v in edges:
        parents[v] |= 1 << u
    done, full = 0, (1 << k) - 1
    while done != full:
        ready = [i for i in range(k) if not (done >> i) & 1 and (parents[i] & ~done) == 0]
        if not ready:
            return False
        for i in ready:
            done |= 1 << i
    return True


def _shape_key(k: int, edges) -> tuple:
    return min(tuple(sorted((p[u], p[v]) for u, v in edges)) for p in permutations(range(k)))


def enumerate_dags(nodes, *, up_to_isomorphism: bool = False) -> Iterator[nx.DiGraph]:
    """Every DAG on the given labelled nodes (an int ``k`` means ``Y1..Yk``).

    Parameters
    ----------
    nodes : int or sequence of str
    up_to_isomorphism : bool
        Yield one DAG per isomorphism class (relabelling of nodes).

    Examples
    --------
    >>> [sum(1 for _ in enumerate_dags(k)) for k in (1, 2, 3, 4)]
    [1, 3, 25, 543]
    >>> [sum(1 for _ in enumerate_dags(k, up_to_isomorphism=True)) for k in (2, 3, 4)]
    [2, 6, 31]
    """
    names = _names(nodes)
    k = len(names)
    if k > 6:
        raise StatementError(f"enumerating all DAGs on {k} nodes is too many; use at most 6")
    pairs = [(i, j) for i in range(k) for j in range(i + 1, k)]
    seen = set()
    for count, states in enumerate(product((0, 1, 2), repeat=len(pairs))):
        if count % 4096 == 4095:
            check_time("the enumeration of DAGs")  # 6 nodes: 3^15 edge states
        edges = [(i, j) if s == 1 else (j, i) for (i, j), s in zip(pairs, states) if s]
        if not _acyclic(k, edges):
            continue
        if up_to_isomorphism:
            key = _shape_key(k, edges)
            if key in seen:
                continue
            seen.add(key)
        g = nx.DiGraph()
        g.add_nodes_from((n, {"variable": n}) for n in names)
        g.add_edges_from((names[u], names[v]) for u, v in edges)
        yield g


def canonical_key(diagram) -> tuple:
    """A key equal for two diagrams iff they are isomorphic as DAGs (node
    names ignored); for diagrams without duplicated nodes, at most 7 nodes.

    >>> canonical_key("A -> B -> C") == canonical_key("Z <- Y <- X")
    True
    >>> canonical_key("A -> B -> C") == canonical_key("A <- B -> C")
    False
    """
    g = _plain(diagram, "canonical_key")
    nodes = sorted(g, key=_natural_key)
    if len(nodes) > 7:
        raise StatementError(f"canonical_key tries all relabellings; {len(nodes)} nodes is too many (max 7)")
    idx = {n: i for i, n in enumerate(nodes)}
    return (len(nodes), _shape_key(len(nodes), [(idx[u], idx[v]) for u, v in g.edges()]))


# ----------------------------------------------------------------------------- orders
def topological_orders(diagram) -> Iterator[tuple]:
    """Every topological order of the diagram's nodes.

    >>> sorted(topological_orders("A -> B; C"))
    [('A', 'B', 'C'), ('A', 'C', 'B'), ('C', 'A', 'B')]
    """
    g = as_diagram(diagram)
    for order in nx.all_topological_sorts(g):
        yield tuple(order)


def is_topological_order(diagram, order: Sequence) -> bool:
    """Whether ``order`` lists every node once with every arrow pointing forward.

    >>> is_topological_order("A -> B", ["B", "A"])
    False
    """
    g = as_diagram(diagram)
    order = list(order)
    if len(order) != g.number_of_nodes() or set(order) != set(g):
        return False
    pos = {n: i for i, n in enumerate(order)}
    return all(pos[u] < pos[v] for u, v in g.edges())


def common_topological_order(*diagrams) -> tuple | None:
    """A topological order shared by all diagrams (same nodes), or None when
    there is none (the union of their arrows has a cycle).

    >>> common_topological_order("A -> B; C", "C -> B; A")
    ('A', 'C', 'B')
    >>> common_topological_order("Y1 -> Y2", "Y2 -> Y1") is None
    True
    """
    gs = [as_diagram(d) for d in diagrams]
    if not gs:
        raise StatementError("common_topological_order needs at least one diagram")
    for k, g in enumerate(gs[1:], start=2):
        if set(g) != set(gs[0]):
            raise StatementError(f"diagram {k} has different nodes from diagram 1")
    union = nx.DiGraph()
    union.add_nodes_from(gs[0])
    for g in gs:
        union.add_edges_from(g.edges())
    if not nx.is_directed_acyclic_graph(union):
        return None
    return tuple(nx.lexicographical_topological_sort(union, key=lambda n: _natural_key(str(n))))


def frankenstein(diagrams: Sequence, choice: Mapping) -> nx.DiGraph:
    """The Frankenstein diagram ``G*``: node ``i`` gets its parents from
    ``diagrams[choice[i]]`` (spec R3).

    Parameters
    ----------
    diagrams : sequence of diagrams on the same nodes
    choice : mapping node -> index into ``diagrams``

    Raises
    ------
    StatementError
        Different node sets, a node without a valid choice, or a cyclic result
        (possible only when the diagrams share no topological order).

    Examples
    --------
    >>> g = frankenstein(["A -> B -> C", "A -> C; B"], {"A": 0, "B": 1, "C": 0})
    >>> sorted(g.edges())
    [('B', 'C')]
    """
    gs = [as_diagram(d) for d in diagrams]
    if not gs:
        raise StatementError("frankenstein needs at least one diagram")
    nodes = set(gs[0])
    for k, g in enumerate(gs[1:], start=2):
        if set(g) != nodes:
            raise StatementError(f"diagram {k} has different nodes from diagram 1")
    out = nx.DiGraph()
    for n in gs[0]:
        out.add_node(n, variable=gs[0].nodes[n]["variable"])
    for n in gs[0]:
        j = choice.get(n) if isinstance(choice, Mapping) else None
        if not isinstance(j, int) or isinstance(j, bool) or not 0 <= j < len(gs):
            raise StatementError(f"node {n!r}: choice must be an index 0..{len(gs) - 1}, got {j!r}")
        out.add_edges_from((p, n) for p in gs[j].predecessors(n))
    if not nx.is_directed_acyclic_graph(out):
        cyc = nx.find_cycle(out)
        raise StatementError("Frankenstein diagram has a cycle " + " -> ".join(str(u) for u, _ in cyc)
                             + f" -> {cyc[0][0]} (the diagrams share no topological order)")
    return out

