r"""Guaranteed translatability (T11, two observables).

Alice's latent $\Lambda^A$ and Bob's latent $\Lambda^B$ model the same $P[X]$.
($\Rightarrow$) If $\Lambda^A$ is a deterministic natural latent, every mediator $\Lambda^B$ determines it:
$H(\Lambda^A\mid\Lambda^B)\le\varepsilon^B_{med} + 2\varepsilon^A_{red}$ (this is T4).
($\Leftarrow$) If every exact mediator determines $\Lambda^A$ to within $\delta$, then taking
$\Lambda^B = X_1$ and $\Lambda^B = X_2$ — both exact mediators — shows $H(\Lambda^A\mid X_j)\le\delta$: $\Lambda^A$ is a
redund.  The converse quantifies over all latents; its Shannon-type content is that each
$X_j$ (in general each $X_{-j}$) is an exact mediator.
"""
from natlat_sym.catalog import Theorem, prove_that

THEOREM = Theorem(
    id="translatable_of_natural_latent",
    title="Guaranteed translatability",
    spec_id="T11", kind="theorem",
    reference="S9 Theorem 2; S20",
    obligations=(
        prove_that("H(A|B) <= I(X1;X2|B) + H(A|X1) + H(A|X2)", description="(⇒) every mediator B determines A"),
        prove_that("I(X1;X2|X1) = 0", description="(⇐) X1 is an exact mediator"),
        prove_that("I(X1;X2|X2) = 0", description="(⇐) X2 is an exact mediator"),
        prove_that("TC(X1;X2;X3|X2,X3) = 0", description="(⇐) X_{-1} is an exact mediator for n = 3"),
    ),
    uses=("natural_latent", "mediator_and_redund", "determination"),
    proof_uses=("redund_determined_of_mediator",),
)
