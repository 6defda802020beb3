r"""Least third-diagram weight on real distributions (O2, open).

Shannon-type proofs of T3 need weight exactly 2 on $\varepsilon_3 = I(\Lambda;\Gamma\mid X)$ (and $n$ for
the weak $n$-observable version); it is open whether real distributions attain 2. The experiment
maximises $(I(\Gamma;X\mid\Lambda) - \varepsilon_1 - \varepsilon_2 - \varepsilon_2')/\varepsilon_3$ over random
small-alphabet distributions by mirror ascent (`natlat experiment o2`). The committed witness
`proofs/data/bounds/o2.json` certifies a ratio within $10^{-15}$ of 2 (independent checker), so the
least weight lies in $[\text{claim}, 2]$ (`natlat verify-bound proofs/data/bounds/o2.json`; see also
`not_latent_mediates_of_natural_latents_with_third_diagram_weight_below_two`). Whether 2 itself is
needed (a sequence of distributions with ratio tending to 2, or one attaining it) is not proved here.
"""
from pathlib import Path

from natlat_sym.catalog import Theorem, check_on_instances, experiment
from natlat_sym.catalog.experiments import o2_evidence
from natlat_sym.openproblems.witness import bound_outcome

_W = Path(__file__).parent / "data" / "bounds" / "o2.json"

THEOREM = Theorem(
    id="latent_mediates_of_natural_latents_with_third_diagram_weight",
    title="Least third-diagram weight on real distributions",
    spec_id="O2", kind="open", reference="spec T3, O2",
    obligations=(
        experiment(lambda: o2_evidence(seed=0, budget_seconds=0.5),
                   "best ratio (I(G;X|L) − ε1 − ε2 − ε2')/ε3 found (small budget)"),
        check_on_instances(lambda: bound_outcome(_W), "certified lower bound on the least weight (committed "
                           "witness, independent checker)", supporting=True),
    ),
    uses=("latent_mediates_of_stochastic_natural_latents", "third_diagram"),
)
