r"""The third-diagram weight in T3 cannot be lowered to 7/4 (O2 / T3, negative).

T3 proves $I(\Gamma;X_1X_2\mid\Lambda) \le \varepsilon_1 + \varepsilon_2 + \varepsilon_2' + 2\varepsilon_3$, and no
Shannon-type proof exists with a weight below 2 on $\varepsilon_3 = I(\Lambda;\Gamma\mid X_1X_2)$; the XOR
example shows that real distributions need weight at least 1. A binary distribution of
$(X_1, X_2, \Lambda, \Gamma)$ found by the O2 search (`run_o2` of `proofs/latent_mediates_of_natural_latents_with_third_diagram_weight.py`, seed 0,
25 s) violates the bound with weight $7/4$ (certified), so real distributions need a weight above
1.79.  The newer mirror-ascent sweep raises this to $1.999999999999999$ (witness
`proofs/data/bounds/o2.json`, see the O2 entry); whether 2 itself is attained stays open.
"""
from pathlib import Path

from natlat_sym.catalog import Theorem, refute_that
from natlat_sym.finite.io import load

_WITNESS = load(Path(__file__).parent / "data" / "third_diagram_weight_seven_quarters_counterexample.json")
_T3 = "I(G;X1,X2|L) <= I(X1;X2|L) + I(G;X1|X2) + I(G;X2|X1) + {c}*I(L;G|X1,X2)"

THEOREM = Theorem(
    id="not_latent_mediates_of_natural_latents_with_third_diagram_weight_below_two",
    title="Third-diagram weight 7/4 fails on a real distribution",
    spec_id="O2b", kind="negative", reference="spec T3, O2; counterexample found by search (ours)",
    obligations=(
        refute_that(_T3.format(c="7/4"), witness=_WITNESS,
                    description="T3 with weight 7/4 on ε3 fails on a binary distribution (certified)"),
        refute_that(_T3.format(c="3/2"), witness=_WITNESS, supporting=True,
                    description="…and so does weight 3/2"),
    ),
    uses=("latent_mediates_of_stochastic_natural_latents", "third_diagram"),
)
