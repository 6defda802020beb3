r"""Deterministic redundancy error (definition D3).

$\Gamma$ is a *deterministic redund* when it is (nearly) a function of the
survivors of any deletion: the error for a deleted set $D$ is $H(\Gamma\mid X_{-D})$,
the KL error of the diagram $\Gamma \leftarrow X_{-D} \rightarrow \Gamma$ ($\Gamma$ drawn twice).
For two observables the terms are $H(\Gamma\mid X_1)$ and $H(\Gamma\mid X_2)$.
Deleting more never lowers the error.
"""
from natlat_sym.catalog import Theorem, prove_that

THEOREM = Theorem(
    id="deterministic_redundancy",
    title="Deterministic redundancy error",
    spec_id="D3", kind="definition",
    reference="S5; S9; S19",
    obligations=(
        prove_that("H(Γ|X1,X2) <= H(Γ|X2)", description="budget monotonicity: deleting more never helps"),
        prove_that("H(Γ|X1) >= 0"),
        prove_that("H(Γ|X1) = H(Γ,X1) - H(X1)"),
    ),
)
