r"""Natural-latent scores (definition D8).

For two observables the *stochastic score* of a latent $V$ is
$S(V) = I(X_1;X_2\mid V) + I(V;X_1\mid X_2) + I(V;X_2\mid X_1)$ and
$\tau(P) = \inf_V S(V)$; the *deterministic score* of $V = f(X)$ replaces the
redundancy terms by $H(V\mid X_2) + H(V\mid X_1)$, and $T(P)$ minimises it over
partitions of the support.  For every $V$ the stochastic score is at most the
deterministic one, so $\tau \le T$; the bounty conjecture (T15) asks for the converse
up to a constant.
"""
from natlat_sym.catalog import Theorem, prove_that

THEOREM = Theorem(
    id="natural_latent_score",
    title="Natural-latent scores τ and T",
    spec_id="D8", kind="definition",
    reference="S17; S18",
    obligations=(
        prove_that("I(X1;X2|V) + I(V;X1|X2) + I(V;X2|X1) <= I(X1;X2|V) + H(V|X2) + H(V|X1)",
                   description="stochastic score ≤ deterministic score"),
        prove_that("TC(X1;X2;X3|V) + I(V;X1|X2,X3) <= TC(X1;X2;X3|V) + H(V|X2,X3)",
                   description="n = 3, budget 1: the same comparison term by term"),
    ),
    uses=("natural_latent",),
)
