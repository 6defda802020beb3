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

Text syntax and duplicated nodes (``G <- X -> G``): see
:mod:`natlat_sym.diagram_syntax` (parsing, printing; re-exported here).
In ``ε_G`` the sum runs over nodes and the joint term ``H(Y)`` over the
distinct variables, so ``Γ ← X → Γ`` has error ``H(Γ|X)``.

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

from collections.abc import Iterator, Mapping, Sequence
from itertools import permutations, product

import networkx as nx

from .diagram_syntax import as_diagram, diagram_to_text, diagram_variables, has_copies, node_variable, parse_diagram
from .errors import StatementError
from .limits import check_time
from .shannon.linear import LinearForm, _natural_key

__all__ = [
    "parse_diagram", "as_diagram", "diagram_to_text", "diagram_variables", "has_copies",
    "diagram_error", "diagram_error_expression", "node_error_terms", "local_markov_statements",
    "factorization_implies", "is_imap_of", "enumerate_dags", "canonical_key",
    "topological_orders", "is_topological_order", "common_topological_order", "frankenstein",
]

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
        parents = {node_variable(g, p) for p in g.predecessors(n)}
        total = total + _cond_entropy({node_variable(g, n)}, parents)
    return total - LinearForm.entropy({node_variable(g, n) for n in g})


def diagram_error_expression(diagram):
    """``ε_G`` as an unevaluated sympy expression in textbook terms,
    ``Σ_j H(Y_j|pa) − H(Y)`` (terms with the variable among its parents are 0
    and omitted).

    >>> from natlat_sym.shannon.measures import to_text
    >>> to_text(diagram_error_expression("X1 <- L -> X2"))
    'H(L) + H(X1|L) + H(X2|L) - H(L,X1,X2)'
    """
    # sympy costs about a second of import time (python3 -X importtime -c "import natlat_sym.diagrams":
    # 0.5 s without it, 1.5 s with it) and only this function needs it.
    from sympy import Add

    from .shannon.measures import H

    g = as_diagram(diagram)
    terms = []
    for n in sorted(g, key=lambda n: (g.in_degree(n) > 0, _natural_key(str(n)))):
        var = node_variable(g, n)
        parents = sorted({node_variable(g, p) for p in g.predecessors(n)}, key=_natural_key)
        if var not in parents:
            terms.append(H(var, given=parents))
    joint = sorted({node_variable(g, n) for n in g}, key=_natural_key)
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
        parents = {node_variable(g, p) for p in g.predecessors(n)}
        out[n] = LinearForm.mutual_information({node_variable(g, n)}, earlier - parents, parents)
        earlier.add(node_variable(g, n))
    return out


# ----------------------------------------------------------------------------- implication
def _plain(diagram, what: str) -> nx.DiGraph:
    """The diagram with nodes renamed to their variables; refuse copies."""
    g = as_diagram(diagram)
    if len({node_variable(g, n) for n in g}) < g.number_of_nodes():
        raise StatementError(f"{what}: factorisation implication is defined for diagrams without duplicated nodes")
    return nx.relabel_nodes(g, {n: node_variable(g, n) for n in g})


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

