r"""Bookkeeping: implied diagrams have smaller error (R6).

If every distribution that factors over $G_1$ also factors over $G_2$ (decided by d-separation:
every local Markov statement of $G_2$ is a d-separation of $G_1$), then
$\varepsilon_{G_2} \le \varepsilon_{G_1}$. Special cases: adding an arrow; any I-map weakening;
re-rooting. Checked on every pair of DAGs on at most 4 nodes with $G_1 \Rightarrow G_2$; each
instance has a certificate that is a sum of terms $I(v; u \mid pa(v))$, one per arrow added in a
Chickering sequence of covered reversals and additions. Without the implication the inequality
fails (collider versus chain, refuted by XOR).
"""
import time
from functools import lru_cache

from natlat_sym.catalog import Theorem, prove_that, refute_that
from natlat_sym.catalog.diagram_claims import (
    certify_sum, cmi_term, diagram_statement, instance_outcome, standard_names)
from natlat_sym.catalog.theorem import FiniteOutcome, check_on_instances
from natlat_sym.dags import all_dags, implication_certificate, implication_classes, to_digraph
from natlat_sym.diagrams import diagram_error
from natlat_sym.errors import CertificateError
from natlat_sym.finite.families import xor


def _implication_orbits(k: int):
    vecs, ci, members, action = implication_classes(k)
    n = len(vecs)
    pairs = 0
    orbits = {}
    for a in range(n):
        for b in range(n):
            if a != b and ci[b] & ~ci[a] == 0:
                pairs += 1
                key = min((row[a], row[b]) for row in action)
                orbits.setdefault(key, (a, b))
    return pairs, orbits


@lru_cache(maxsize=None)
def _implication_certificates(k: int):
    """Certify every implication orbit on k nodes; returns (pairs, orbits, failures)."""
    vecs, ci, members, _ = implication_classes(k)
    names = standard_names(k)
    pairs, orbits = _implication_orbits(k)
    failures = []
    certs = {}
    for key, (a, b) in orbits.items():
        start, goal = members[a][0], members[b][0]
        target = diagram_error(to_digraph(start, names)) - diagram_error(to_digraph(goal, names))
        terms = implication_certificate(start, goal)
        if terms is None:
            failures.append((start, goal, "no covered-reversal/addition sequence found"))
            continue
        try:
            certs[key] = certify_sum(target, [cmi_term(v, 1 << u, pa, names) for v, u, pa in terms], names,
                                  f"eps(G2) <= eps(G1) for G1 = {start}, G2 = {goal}")
        except CertificateError as e:
            failures.append((start, goal, str(e)))
    return pairs, len(orbits), len(vecs), failures


def implication_instances_hold(*, max_nodes: int = 4) -> FiniteOutcome:
    """R6 on every pair ``(G1, G2)`` of DAGs on ``k <= max_nodes`` labelled
    nodes with ``G1 ⇒ G2``: ``ε_{G2} <= ε_{G1}``, one exactly checked
    certificate per orbit under relabelling.

    >>> implication_instances_hold(max_nodes=3).verdict
    'holds'
    """
    start = time.perf_counter()
    parts, bad = [], []
    for k in range(2, max_nodes + 1):
        pairs, orbits, classes, failures = _implication_certificates(k)
        parts.append(f"k={k}: {len(all_dags(k))} DAGs, {classes} error forms, {pairs} implication pairs "
                     f"(distinct forms), {orbits} up to relabelling")
        bad += failures
    if bad:
        s, g, why = bad[0]
        return instance_outcome(False, f"{len(bad)} instance(s) failed; first G1={s}, G2={g}: {why}",
                        f"k <= {max_nodes}", time.perf_counter() - start)
    return instance_outcome(True, "every pair certified by a sum of I(v;u|pa) terms; " + "; ".join(parts),
                    f"all DAG pairs on k = 2..{max_nodes} nodes", time.perf_counter() - start)


def for_every_implication(*, max_nodes: int = 4):
    """Obligation: :func:`implication_instances_hold` up to ``max_nodes``."""
    return check_on_instances(lambda: implication_instances_hold(max_nodes=max_nodes),
                              f"for all DAGs G1 => G2 on <= {max_nodes} nodes: eps(G2) <= eps(G1)")


THEOREM = Theorem(
    id="error_le_of_factorization_implication",
    title="Bookkeeping: implied diagrams have smaller error",
    spec_id="R6", kind="rule", reference="S2 (rules; unified theorem in S2 comments)",
    obligations=(
        prove_that(diagram_statement("X1 -> X2 -> X3; X1 -> X3", "<=", "X1 -> X2 -> X3"),
                   description="adding the arrow X1 → X3 never increases the error"),
        for_every_implication(max_nodes=4),
        refute_that(diagram_statement("X1 -> X3 -> X2", "<=", "X1 -> X3 <- X2"), witness=xor(),
                    description="no implication, no bound: chain error ≤ collider error fails on XOR",
                    supporting=True),
    ),
    uses=("diagram_error_eq_entropy_form",),
)
