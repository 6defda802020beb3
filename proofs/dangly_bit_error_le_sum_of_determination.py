r"""Dangly-Bit lemma (R9).

If $H(\Gamma\mid X) \le \varepsilon_1$ and $P$ satisfies a diagram $G$ (over variables containing $X$)
within $\varepsilon_2$, then adding a fresh copy of $\Gamma$ as a child of $X$ only gives a diagram
satisfied within $\varepsilon_2 + I(\Gamma; \text{rest} \mid X) \le \varepsilon_1 + \varepsilon_2$.
Checked on every DAG with at most 3 nodes, every parent set $X$ and every $\Gamma$ (fresh, or a
node already drawn).
"""
import time

from natlat_sym.catalog import Theorem, prove_that
from natlat_sym.catalog.diagram_claims import certify_sum, diagram_statement, instance_outcome, standard_names
from natlat_sym.catalog.theorem import FiniteOutcome, check_on_instances
from natlat_sym.dags import all_dags, bits, to_digraph
from natlat_sym.diagrams import diagram_error
from natlat_sym.errors import CertificateError
from natlat_sym.shannon.basic_inequalities import BasicInequality
from natlat_sym.shannon.certificate import HypothesisForm
from natlat_sym.shannon.linear import LinearForm


def dangly_bit_instances_hold(*, max_nodes: int = 3) -> FiniteOutcome:
    """R9 on every DAG ``G`` on ``k <= max_nodes`` nodes, every nonempty
    parent set ``X`` and every ``Γ`` (a fresh variable, or a node not in
    ``X``): adding a copy of ``Γ`` as a child of ``X`` gives exactly
    ``ε_{G+} = ε_G + I(Γ; V∖X | X)``, and a certificate of
    ``H(Γ|X) <= e1, ε_G <= e2  ⇒  ε_{G+} <= e1 + e2``.

    >>> dangly_bit_instances_hold(max_nodes=2).verdict
    'holds'
    """
    start = time.perf_counter()
    count = 0
    e1, e2 = LinearForm.parameter("e1"), LinearForm.parameter("e2")
    for k in range(1, max_nodes + 1):
        names = standard_names(k)
        for p in all_dags(k):
            g = to_digraph(p, names)
            eG = diagram_error(g)
            for xs in range(1, 1 << k):
                X = {names[i] for i in bits(xs)}
                for gamma in ["G"] + [names[i] for i in range(k) if not xs >> i & 1]:
                    plus = g.copy()
                    node = gamma if gamma not in g else f"{gamma}#2"
                    plus.add_node(node, variable=gamma)
                    plus.add_edges_from((x, node) for x in X)
                    eplus = diagram_error(plus)
                    V = set(names) | {gamma}
                    if eplus != eG + LinearForm.mutual_information({gamma}, set(names) - X, X):
                        return instance_outcome(False, f"identity fails: G={p}, X={sorted(X)}, Γ={gamma}", f"k={k}",
                                        time.perf_counter() - start)
                    hyps = (HypothesisForm("det", e1 - LinearForm.entropy(X | {gamma}) + LinearForm.entropy(X), ">="),
                            HypothesisForm("diagram", e2 - eG, ">="))
                    try:
                        # H(Γ | V) >= 0; when Γ is already a node the term is 0 and left out
                        basic = [] if gamma in names else [BasicInequality.cond_entropy({gamma}, set(names))]
                        certify_sum(e1 + e2 - eplus, basic,
                                 sorted(V), "eps(G+) <= e1 + e2", hyps, (1, 1))
                    except CertificateError as e:
                        return instance_outcome(False, f"certificate failed: {e}", f"k={k}", time.perf_counter() - start)
                    count += 1
    return instance_outcome(True, f"{count} instances: exact identity and certified bound",
                    f"all DAGs on k = 1..{max_nodes} nodes, every parent set X, Γ fresh or an existing node",
                    time.perf_counter() - start)


def for_every_dangly_bit(*, max_nodes: int = 3):
    return check_on_instances(lambda: dangly_bit_instances_hold(max_nodes=max_nodes),
                              f"for all DAGs G on <= {max_nodes} nodes, X, Γ: H(Γ|X) <= e1, eps(G) <= e2 => "
                              "eps(G + Γ child of X) <= e1 + e2")


THEOREM = Theorem(
    id="dangly_bit_error_le_sum_of_determination",
    title="Dangly-Bit lemma",
    spec_id="R9", kind="rule", reference="S9 appendix",
    obligations=(
        prove_that(diagram_statement("X1 <- L -> X2; X1 -> G", "<=", "e1 + e2",
                                     given=[("H(G|X1)", "<=", "e1", "det"), ("X1 <- L -> X2", "<=", "e2", "med")]),
                   description="mediation diagram plus Γ hanging off X1: ε ≤ H(Γ|X1) + ε_med"),
        prove_that(diagram_statement("X1 <- L -> X2; X1 -> G", "==", ["X1 <- L -> X2", "I(G;L,X2|X1)"]),
                   description="exactly: ε(G+) = ε(G) + I(Γ; rest | X1)"),
        for_every_dangly_bit(max_nodes=3),
    ),
    uses=("diagram_error_eq_entropy_form", "deterministic_redundancy"),
)
