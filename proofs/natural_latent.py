r"""Natural latent and its error conventions (definition D4).

$\Lambda$ is an $(\varepsilon_{med}, \varepsilon_{red})$-natural latent when it is a
mediator to within $\varepsilon_{med}$ and a redund to within $\varepsilon_{red}$
(stochastic: D2, deterministic: D3).  Sources aggregate the errors differently:
*max-form* (each error $\le\varepsilon$), *sum-form* (the score
$\varepsilon_{med} + \sum$ redundancy terms $\le\varepsilon$) and separate budgets
(strongest).  Max-form with bound $\varepsilon$ gives a sum-form score $\le 3\varepsilon$
for two observables, and sum-form $\le\varepsilon$ gives every term $\le\varepsilon$.
"""
from natlat_sym.catalog import Theorem, prove_that
from natlat_sym.latents import natural_latent_conditions

MAX_FORM = natural_latent_conditions(["X1", "X2"], "Λ", aggregation="max", eps="eps")
SUM_FORM = natural_latent_conditions(["X1", "X2"], "Λ", aggregation="sum", eps="eps")

THEOREM = Theorem(
    id="natural_latent",
    title="Natural latent (error conventions)",
    spec_id="D4", kind="definition",
    reference="S1; S7; S9; S17; S19",
    obligations=(
        prove_that("I(X1;X2|Λ) + I(Λ;X1|X2) + I(Λ;X2|X1) <= 3*eps", given=MAX_FORM,
                   description="max-form ⇒ sum-form score ≤ 3ε"),
        prove_that("I(Λ;X1|X2) <= eps", given=SUM_FORM, description="sum-form ⇒ each term ≤ ε"),
        prove_that("H(Λ|X1) + H(Λ|X2) + I(X1;X2|Λ) >= I(Λ;X1|X2) + I(Λ;X2|X1) + I(X1;X2|Λ)",
                   description="deterministic score ≥ stochastic score"),
    ),
    uses=("mediation_error", "stochastic_redundancy", "deterministic_redundancy"),
)
