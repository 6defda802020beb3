"""Tests for the R-series instance checks (in their proof modules) and their certificates."""

from fractions import Fraction

import pytest

from natlat_sym import dags
from natlat_sym.catalog import diagram_claims as claims
from proofs import dangly_bit_error_le_sum_of_determination as dangly
from proofs import diagram_error_eq_of_rerooting as rerooting
from proofs import error_le_of_factorization_implication as implication
from proofs import frankenstein_error_le_sum as frankenstein
from proofs import joint_independence_of_pairwise_isolation as joint
from proofs import marginal_error_le_of_marginalization as marginalization
from proofs import stitched_error_le_sum_of_shared_blanket as stitching
from natlat_sym.diagrams import diagram_error, factorization_implies
from natlat_sym.errors import CertificateError
from natlat_sym.shannon.basic_inequalities import BasicInequality
from natlat_sym.shannon.certificate import check_certificate
from natlat_sym.shannon.linear import LinearForm as F


def test_counts_of_dags_and_error_forms():
    assert [len(dags.all_dags(k)) for k in (1, 2, 3, 4)] == [1, 3, 25, 543]
    # error forms = Markov equivalence classes: 1, 2, 11, 185 on 1..4 labelled nodes
    assert [len(dags.implication_classes(k)[0]) for k in (1, 2, 3, 4)] == [1, 2, 11, 185]


def test_error_vector_matches_diagram_error_on_all_3_node_dags():
    names = claims.standard_names(3)
    for p in dags.all_dags(3):
        assert dags.vector_form(dags.error_vector(p), names) == diagram_error(dags.to_digraph(p, names))


def test_implication_certificate_is_exact_sum_of_terms():
    names = claims.standard_names(3)
    start, goal = (0, 0, 0), (0, 0b001, 0b011)  # empty graph => complete DAG
    terms = dags.implication_certificate(start, goal)
    total = F()
    for v, u, pa in terms:
        total = total + F.mutual_information({names[v]}, {names[u]}, {names[j] for j in range(3) if pa >> j & 1})
    assert total == diagram_error(dags.to_digraph(start, names)) - diagram_error(dags.to_digraph(goal, names))


def test_no_certificate_without_implication():
    # collider Y1 -> Y3 <- Y2 does not imply the chain Y1 -> Y2 -> Y3 (different skeleton use is fine,
    # but no covered-reversal/addition sequence reaches it)
    collider, chain = (0, 0, 0b011), (0, 0b001, 0b010)
    assert not factorization_implies(dags.to_digraph(collider, claims.standard_names(3)), dags.to_digraph(chain, claims.standard_names(3)))
    assert dags.implication_certificate(collider, chain) is None


def test_certify_rejects_a_false_certificate():
    names = ("Y1", "Y2")
    with pytest.raises(CertificateError):
        claims.certify_sum(-F.mutual_information({"Y1"}, {"Y2"}), [BasicInequality.mutual_information({"Y1"}, {"Y2"})],
                   names, "I(Y1;Y2) <= 0")


@pytest.mark.parametrize("fn, kwargs", [
    (implication.implication_instances_hold, {"max_nodes": 4}),
    (frankenstein.frankenstein_instances_hold, {"pair_nodes": 3, "triple_nodes": 3}),
    (rerooting.rerooting_instances_hold, {"max_nodes": 4}),
    (marginalization.marginalization_instances_hold, {"max_nodes": 3}),
    (stitching.stitching_instances_hold, {"max_nodes": 4}),
    (dangly.dangly_bit_instances_hold, {"max_nodes": 2}),
    (joint.joint_independence_instances_hold, {"max_n": 5}),
])
def test_schema_holds_and_reports_sizes(fn, kwargs):
    out = fn(**kwargs)
    assert out.verdict == "holds", out.detail
    assert out.sizes and out.detail


def test_implication_instance_counts_at_four_nodes():
    pairs, orbits, classes, failures = implication._implication_certificates(4)
    assert classes == 185 and not failures
    assert orbits < pairs  # relabelling reduces the work


def test_diagram_statement_sides_and_hypotheses():
    st = claims.diagram_statement("G <- X -> G", "<=", "eps", given=[("H(G|X)", "<=", "eps", "det")])
    assert st.hypotheses[0].name == "det"
    assert st.conclusion.normal_form() == F.parameter("eps") - F.cond_entropy({"G"}, {"X"})
    both = claims.diagram_statement("Y1; Y2", "<=", ["Y1 -> Y2", "Y2 -> Y1"])
    assert both.conclusion.normal_form() == -F.mutual_information({"Y1"}, {"Y2"})


def test_frankenstein_finer_identity_on_a_hand_instance():
    # G1 = Y1 -> Y2 -> Y3, G2 = Y1 -> Y3 <- Y2 in the order Y1, Y2, Y3
    g_star = diagram_error("Y1; Y2 -> Y3")
    node = lambda i, pa: dags.vector_form(frankenstein._node_term_vector(3, i, pa), claims.standard_names(3))  # noqa: E731
    assert g_star == node(0, 0) + node(1, 0) + node(2, 0b010)
    assert node(1, 0) == F.mutual_information({"Y2"}, {"Y1"})
