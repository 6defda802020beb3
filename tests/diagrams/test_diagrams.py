"""Tests for natlat_sym.diagrams: syntax, errors, diagram errors, implication, orders."""

import itertools
import random

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natlat_sym.diagrams import (as_diagram, canonical_key, common_topological_order, diagram_error,
                                 diagram_error_expression, diagram_to_text, diagram_variables,
                                 enumerate_dags, factorization_implies, frankenstein, has_copies,
                                 is_imap_of, is_topological_order, local_markov_statements,
                                 node_error_terms, parse_diagram, topological_orders)
from natlat_sym.errors import ParseError, StatementError
from natlat_sym.shannon.linear import LinearForm as F
from natlat_sym.shannon.measures import to_linear_form
from natlat_sym.shannon.parse import parse_expression


# ----------------------------------------------------------------------------- syntax
def test_fork_and_chain_parse():
    g = parse_diagram("X1 <- L -> X2")
    assert sorted(g.edges()) == [("L", "X1"), ("L", "X2")]
    g = parse_diagram("X2 -> X1 -> G")
    assert sorted(g.edges()) == [("X1", "G"), ("X2", "X1")]


def test_statements_share_nodes_and_unicode_arrows():
    g = parse_diagram("L → X1; L -> X2\nX3 ← L")
    assert sorted(g.edges()) == [("L", "X1"), ("L", "X2"), ("L", "X3")]


def test_copies_inside_a_statement_are_new_nodes():
    g = parse_diagram("G <- X -> G")
    assert dict(g.nodes(data="variable")) == {"G": "G", "X": "X", "G#2": "G"}
    assert has_copies(g) and diagram_variables(g) == ("G", "X")


def test_explicit_copy_index_refers_across_statements():
    g = parse_diagram("G <- X1 -> G; X2 -> G#2")
    assert set(g.predecessors("G#2")) == {"X1", "X2"}
    assert set(g.predecessors("G")) == {"X1"}


def test_isolated_nodes_and_round_trip_text():
    for text in ["A; B; C", "X1 <- L -> X2", "G <- X -> G", "A -> B -> C; A -> C"]:
        g = parse_diagram(text)
        again = parse_diagram(diagram_to_text(g))
        assert set(again.edges()) == set(g.edges()) and set(again) == set(g)


@pytest.mark.parametrize("text, message, column", [
    ("X1 <- <- L", "expected a variable name after '<-'", 7),
    ("-> X", "expected a variable name before '->'", 1),
    ("A B", "expected '->' or '<-' between A and B", 3),
    ("A -> ", "expected a variable name after '->'", 6),
    ("A -> B$", "unexpected character '$'", 7),
    ("H -> X", "H is a measure name", 1),
    ("A -> B; B -> A", "diagram has a cycle", 11),
    ("A#0 -> B", "copy index of A must be 1 or more", 1),
    (" ; \n", "empty diagram", 1),
])
def test_bad_syntax_is_one_line_with_column(text, message, column):
    with pytest.raises(ParseError) as e:
        parse_diagram(text)
    msg = str(e.value)
    assert message in msg and f"column {column}" in msg and "\n" not in msg
    assert e.value.position == column - 1


def test_empty_text_is_an_error():
    with pytest.raises(ParseError, match="empty diagram"):
        parse_diagram("")


def test_longer_cycle_names_the_path():
    with pytest.raises(ParseError, match=r"cycle .*A -> B -> C|cycle .*C -> A"):
        parse_diagram("A -> B -> C; C -> A")


def test_bad_inputs_to_as_diagram():
    with pytest.raises(StatementError, match="text or a networkx DiGraph"):
        as_diagram(42)
    with pytest.raises(StatementError, match="empty diagram"):
        as_diagram(nx.DiGraph())
    with pytest.raises(StatementError, match="cycle"):
        as_diagram(nx.DiGraph([("X", "Y"), ("Y", "Z"), ("Z", "X")]))
    g = nx.DiGraph()
    g.add_node(1)
    with pytest.raises(StatementError, match="must be an identifier"):
        as_diagram(g)
    with pytest.raises(StatementError, match="text or a networkx DiGraph"):
        as_diagram(nx.MultiDiGraph([("A", "B")]))


def test_digraph_with_variable_attribute():
    g = nx.DiGraph()
    g.add_node("x", variable="X")
    g.add_node("g1", variable="G")
    g.add_node("g2", variable="G")
    g.add_edges_from([("x", "g1"), ("x", "g2")])
    assert diagram_error(g) == F.cond_entropy({"G"}, {"X"})


# ----------------------------------------------------------------------------- errors (T1 instances)
def _form(text):
    return to_linear_form(parse_expression(text))


@pytest.mark.parametrize("diagram, expected", [
    ("L -> X1; L -> X2; L -> X3", "TC(X1;X2;X3|L)"),
    ("X1 <- L -> X2", "I(X1;X2|L)"),
    ("X2 -> X1 -> G", "I(G;X2|X1)"),
    ("G <- X1 -> G", "H(G|X1)"),
    ("L <- X1 -> G; X2 -> L; X2 -> G; X1 -> X2", "I(L;G|X1,X2)"),
    ("Y1; Y2; Y3", "TC(Y1;Y2;Y3)"),
    ("A -> B -> C; A -> C", "0"),
    ("A -> A", "0"),
])
def test_spec_instances_by_canonical_form(diagram, expected):
    assert diagram_error(diagram) == _form(expected)


def test_expression_matches_form_and_prints_textbook():
    for text in ["X1 <- L -> X2", "G <- X -> G", "X2 -> X1 -> G", "Y1; Y2"]:
        assert to_linear_form(diagram_error_expression(text)) == diagram_error(text)
    from natlat_sym.shannon.measures import to_text
    assert to_text(diagram_error_expression("X2 -> X1 -> G")) == "H(X2) + H(G|X1) + H(X1|X2) - H(G,X1,X2)"


def test_copy_of_variable_under_itself_does_not_break_the_form():
    # a copy drawn as a child of the variable itself contributes H(A|A) = 0
    assert diagram_error("A -> A; B") == diagram_error("A; B")


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=542), st.randoms(use_true_random=False))
def test_node_terms_sum_to_error_in_every_order(index, rnd):
    g = list(enumerate_dags(4))[index]
    orders = list(topological_orders(g))
    order = rnd.choice(orders)
    terms = node_error_terms(g, order)
    total = F()
    for t in terms.values():
        total = total + t
    assert total == diagram_error(g)


def test_node_terms_reject_non_topological_order():
    with pytest.raises(StatementError, match="not a topological order"):
        node_error_terms("A -> B", order=["B", "A"])


# ----------------------------------------------------------------------------- implication
def test_implication_on_canonical_small_graphs():
    path, rev, fork, collider = "A -> B -> C", "A <- B <- C", "A <- B -> C", "A -> B <- C"
    full = "A -> B -> C; A -> C"
    for a in (path, rev, fork):
        for b in (path, rev, fork):
            assert factorization_implies(a, b)          # Markov equivalent
        assert not factorization_implies(a, collider) and not factorization_implies(collider, a)
        assert factorization_implies(a, full) and not factorization_implies(full, a)
    assert factorization_implies(collider, full)
    assert factorization_implies("A; B; C", collider)


def test_imap_is_the_reverse_direction():
    assert is_imap_of("A -> B", "A; B") and not is_imap_of("A; B", "A -> B")


def test_implication_matches_error_inequality_direction():
    # Markov equivalent diagrams have the same error form
    assert diagram_error("A -> B -> C") == diagram_error("A <- B -> C")
    assert diagram_error("A -> B -> C") != diagram_error("A -> B <- C")


def test_implication_bad_inputs():
    with pytest.raises(StatementError, match="different variables"):
        factorization_implies("A -> B", "A -> C")
    with pytest.raises(StatementError, match="duplicated nodes"):
        factorization_implies("G <- X -> G", "X -> G")


def test_local_markov_statements_of_fork():
    assert local_markov_statements("X1 <- L -> X2") == [
        ("X1", frozenset({"X2"}), frozenset({"L"})), ("X2", frozenset({"X1"}), frozenset({"L"}))]


def test_fast_bitmask_dseparation_agrees_with_networkx():
    from natlat_sym.dags import all_dags, elementary_independences, elementary_triples, to_digraph
    rng = random.Random(0)
    names = ["Y1", "Y2", "Y3", "Y4"]
    sample = rng.sample(list(all_dags(4)), 60)
    for p in sample:
        g = to_digraph(p, names)
        mask = elementary_independences(p)
        for t, (i, j, ks) in enumerate(elementary_triples(4)):
            z = {names[q] for q in range(4) if ks >> q & 1}
            assert bool(mask >> t & 1) == nx.is_d_separator(g, {names[i]}, {names[j]}, z)


def test_bitmask_implication_agrees_with_networkx_on_all_3_node_pairs():
    from natlat_sym.dags import all_dags, elementary_independences, to_digraph
    names = ["Y1", "Y2", "Y3"]
    dags = all_dags(3)
    ci = {p: elementary_independences(p) for p in dags}
    for a, b in itertools.product(dags, repeat=2):
        fast = ci[b] & ~ci[a] == 0
        assert fast == factorization_implies(to_digraph(a, names), to_digraph(b, names))


# ----------------------------------------------------------------------------- enumeration, orders
def test_enumeration_counts_and_isomorphism():
    assert [sum(1 for _ in enumerate_dags(k)) for k in (1, 2, 3)] == [1, 3, 25]
    reps = list(enumerate_dags(3, up_to_isomorphism=True))
    keys = {canonical_key(g) for g in reps}
    assert len(keys) == len(reps) == 6
    assert {canonical_key(g) for g in enumerate_dags(3)} == keys
    with pytest.raises(StatementError, match="too many"):
        next(enumerate_dags(7))
    with pytest.raises(StatementError):
        next(enumerate_dags(0))
    with pytest.raises(StatementError, match="distinct identifiers"):
        next(enumerate_dags(["A", "A"]))


def test_orders_and_common_order():
    assert is_topological_order("A -> B; C", ("C", "A", "B"))
    assert not is_topological_order("A -> B; C", ("A", "B"))
    assert common_topological_order("A -> B -> C", "A -> C; B") == ("A", "B", "C")
    assert common_topological_order("Y1 -> Y2", "Y2 -> Y1") is None
    with pytest.raises(StatementError, match="different nodes"):
        common_topological_order("A -> B", "A -> C")


def test_frankenstein_counterexample_and_cycle():
    g = frankenstein(["Y1 -> Y2", "Y2 -> Y1"], {"Y1": 0, "Y2": 1})
    assert g.number_of_edges() == 0
    # the "independence" this would prove is false: its error is I(Y1;Y2) while both inputs have error 0
    assert diagram_error(g) == F.mutual_information({"Y1"}, {"Y2"})
    assert diagram_error("Y1 -> Y2").is_zero() and diagram_error("Y2 -> Y1").is_zero()
    with pytest.raises(StatementError, match="share no topological order"):
        frankenstein(["Y1 -> Y2", "Y2 -> Y1"], {"Y1": 1, "Y2": 0})
    with pytest.raises(StatementError, match="choice must be an index"):
        frankenstein(["A -> B"], {"A": 0, "B": 3})
    with pytest.raises(StatementError, match="different nodes"):
        frankenstein(["A -> B", "A -> C"], {"A": 0, "B": 0})
