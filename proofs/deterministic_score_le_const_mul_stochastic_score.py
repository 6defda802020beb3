r"""Best constant from stochastic to deterministic natural latents (O1, open).

A Lean development claims $T(P) \le 96\,\tau(P)$ for two observables (T15); lower bounds on the best
constant are unknown. The experiment searches small supports for a large ratio $T(P)/\tau(P)$: $T$
exactly over partitions of the support, $\tau$ by local minimisation over latents (an upper bound,
so the ratio found is a lower bound for that $P$). DSBS(0.1) gives about 1.75. The full experiment
is `natlat experiment o1 --seed N --budget S --out FILE`.
"""
from natlat_sym.catalog import Theorem, experiment
from natlat_sym.catalog.experiments import o1_evidence

THEOREM = Theorem(
    id="deterministic_score_le_const_mul_stochastic_score",
    title="Stochastic versus deterministic natural-latent constant",
    spec_id="O1", kind="open", reference="S7, S17 (T ≤ 96τ claimed)",
    obligations=(
        experiment(lambda: o1_evidence(seed=0, budget_seconds=0.5),
                   "best T(P)/τ(P) found on small supports (small budget)"),
    ),
    uses=("natural_latent_score",),
)
