r"""Best constant from stochastic to deterministic natural latents (O1, open).

A Lean development claims $T(P) \le 96\,\tau(P)$ for two observables (T15); lower bounds on the best
constant were unknown. `natlat experiment o1` sweeps small supports for a large ratio $T(P)/\tau(P)$:
$T$ exactly over all partitions of the support, $\tau$ from above by an explicit latent. The
committed witness `proofs/data/bounds/o1.json` (an exact $P$ and latent channel) is re-checked by
the independent checker (`natlat verify-bound`): the best constant is at least its claim (above
the DSBS(0.1) value 1.746 of the spec). The n = 3 deletion-budget variants have witnesses in the
same folder; see the docs page *Open problems: certified lower bounds*.
"""
from pathlib import Path

from natlat_sym.catalog import Theorem, check_on_instances, experiment
from natlat_sym.catalog.experiments import o1_evidence
from natlat_sym.openproblems.witness import bound_outcome

_BOUNDS = Path(__file__).parent / "data" / "bounds"

THEOREM = Theorem(
    id="deterministic_score_le_const_mul_stochastic_score",
    title="Stochastic versus deterministic natural-latent constant",
    spec_id="O1", kind="open", reference="S7, S17 (T ≤ 96τ claimed)",
    obligations=(
        experiment(lambda: o1_evidence(seed=0, budget_seconds=0.5),
                   "best T(P)/τ(P) found on small supports (small budget)"),
        check_on_instances(lambda: bound_outcome(_BOUNDS / "o1.json"),
                           "certified lower bound on the best constant (committed witness, independent checker)",
                           supporting=True),
    ),
    uses=("natural_latent_score",),
)
