r"""Factorization transfer (R4).

If $Q$ factors over $G$ then $D_{KL}(P\,\|\,Q) \ge \varepsilon_G$, because
$D_{KL}(P\|Q) = \varepsilon_G + \sum_i \mathbb{E}_P\, D_{KL}(P[Y_i\mid pa_i] \,\|\, Q[Y_i\mid pa_i])$. So "P is
ε-close to *some* G-distribution" implies "P satisfies G within ε". This is a fact about a second
distribution, not an entropy inequality: it is checked on random exact rational pairs $(P, Q)$,
comparing the decomposition exactly and certifying the sign with ball arithmetic.
"""
from natlat_sym.catalog import Theorem, check_on_instances
from natlat_sym.catalog.experiments import kl_transfer_instances_hold

THEOREM = Theorem(
    id="diagram_error_le_kl_of_factorization",
    title="Factorization transfer",
    spec_id="R4", kind="rule", reference="S2",
    obligations=(
        check_on_instances(lambda: kl_transfer_instances_hold(seed=0, instances=12, alphabet=2),
                           "D(P‖Q) − ε_G = Σ_i E_P D(P[Y_i|pa]‖Q[Y_i|pa]) ≥ 0 for Q factoring over G "
                           "(random exact instances, all 3-node DAG shapes)"),
        check_on_instances(lambda: kl_transfer_instances_hold(seed=1, instances=3, alphabet=3),
                           "the same on ternary alphabets"),
    ),
    uses=("diagram_error_eq_entropy_form",),
)
