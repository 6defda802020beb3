r"""Least third-diagram weight on real distributions (O2, open).

Shannon-type proofs of T3 need weight exactly 2 on $\varepsilon_3 = I(\Lambda;\Gamma\mid X)$ (and $n$ for
the weak $n$-observable version); it is open whether real distributions attain 2. The experiment
maximises $(I(\Gamma;X\mid\Lambda) - \varepsilon_1 - \varepsilon_2 - \varepsilon_2')/\varepsilon_3$ over random
small-alphabet distributions; longer runs (`natlat experiment o2 --seed 0 --budget 25`) reach
about 1.79 (see `not_latent_mediates_of_natural_latents_with_third_diagram_weight_below_two`).
"""
from natlat_sym.catalog import Theorem, experiment
from natlat_sym.catalog.experiments import o2_evidence

THEOREM = Theorem(
    id="latent_mediates_of_natural_latents_with_third_diagram_weight",
    title="Least third-diagram weight on real distributions",
    spec_id="O2", kind="open", reference="spec T3, O2",
    obligations=(
        experiment(lambda: o2_evidence(seed=0, budget_seconds=0.5),
                   "best ratio (I(G;X|L) − ε1 − ε2 − ε2')/ε3 found (small budget)"),
    ),
    uses=("latent_mediates_of_stochastic_natural_latents", "third_diagram"),
)
