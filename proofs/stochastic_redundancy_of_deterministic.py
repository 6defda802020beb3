r"""Deterministic implies stochastic, and makes the third diagram free (T2).

(a) The stochastic redundancy error never exceeds the deterministic one:
$I(\Gamma;X_D\mid X_{-D}) \le H(\Gamma\mid X_{-D})$.  (b) The third-diagram error is at most how far
$\Gamma$ is from a function of $X$: $I(\Lambda;\Gamma\mid X)\le H(\Gamma\mid X)\le\min_j H(\Gamma\mid X_j)$, so deterministic
theorems need no third-diagram hypothesis.  Both coefficients are least possible.
"""
from natlat_sym.catalog import Theorem, prove_that, tight_constants

THEOREM = Theorem(
    id="stochastic_redundancy_of_deterministic",
    title="Deterministic implies stochastic, and makes the third diagram free",
    spec_id="T2", kind="theorem",
    reference="S20 (exact case, Lean); derived",
    obligations=(
        prove_that("I(Γ;X1|X2,X3) <= H(Γ|X2,X3)", description="(a) with D = {1}"),
        prove_that("I(Γ;X1,X2|X3) <= H(Γ|X3)", description="(a) with D = {1, 2}"),
        prove_that("I(Λ;Γ|X1,X2) <= H(Γ|X1,X2)", description="(b) third diagram ≤ H(Γ|X)"),
        prove_that("H(Γ|X1,X2) <= H(Γ|X1)", description="(b) H(Γ|X) ≤ H(Γ|X_j)"),
        tight_constants("I(Γ;X1|X2) <= a*H(Γ|X2)", a=1),
        tight_constants("I(Λ;Γ|X1,X2) <= a*H(Γ|X1)", a=1),
    ),
    uses=("stochastic_redundancy", "deterministic_redundancy", "third_diagram"),
)
