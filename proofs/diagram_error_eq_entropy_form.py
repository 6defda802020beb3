r"""Diagram errors as information quantities (T1).

The KL error of a Bayes-net diagram $G$ over $Y = (Y_1,\dots,Y_k)$ is
$D_{KL}(P \,\|\, \prod_j P[Y_j \mid Y_{pa(j)}]) = \sum_j H(Y_j\mid Y_{pa(j)}) - H(Y)$, an
order-free entropy form (duplicated nodes allowed: take $H$ over distinct variables).
Instances: the mediation diagram gives $TC(X\mid\Lambda)$; the chain $X_2\to X_1\to\Gamma$
gives $I(\Gamma;X_2\mid X_1)$; $\Gamma\leftarrow X_j\rightarrow\Gamma$ gives $H(\Gamma\mid X_j)$; the fork
$\Lambda\leftarrow X\rightarrow\Gamma$ gives $I(\Lambda;\Gamma\mid X)$.
"""
from natlat_sym.catalog import Theorem, prove_that

THEOREM = Theorem(
    id="diagram_error_eq_entropy_form",
    title="Diagram errors as information quantities",
    spec_id="T1", kind="theorem",
    reference="S2 (definition); derived",
    obligations=(
        prove_that("H(Λ) + H(X1|Λ) + H(X2|Λ) + H(X3|Λ) - H(Λ,X1,X2,X3) = TC(X1;X2;X3|Λ)",
                   description="mediation diagram Λ → X1, X2, X3: error = TC(X|Λ)"),
        prove_that("H(X2) + H(X1|X2) + H(Γ|X1) - H(X1,X2,Γ) = I(Γ;X2|X1)",
                   description="chain X2 → X1 → Γ: error = I(Γ;X2|X1)"),
        prove_that("H(X1) + 2*H(Γ|X1) - H(X1,Γ) = H(Γ|X1)",
                   description="Γ ← X1 → Γ (Γ drawn twice): error = H(Γ|X1)"),
        prove_that("H(X1,X2) + H(Λ|X1,X2) + H(Γ|X1,X2) - H(Λ,Γ,X1,X2) = I(Λ;Γ|X1,X2)",
                   description="fork Λ ← X → Γ: error = I(Λ;Γ|X)"),
        prove_that("H(X1) + H(X2|X1) + H(Γ|X1) - H(X1,X2,Γ) = I(Γ;X2|X1)",
                   description="the same error in another topological order (X1 → X2, X1 → Γ)"),
    ),
    uses=("mediation_error", "third_diagram"),
)
