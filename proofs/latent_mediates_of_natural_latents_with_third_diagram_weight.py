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
import math
import time
from itertools import product
from pathlib import Path

import numpy as np

from natlat_sym.catalog import FiniteOutcome, Theorem, check_on_instances, experiment
from natlat_sym.errors import StatementError
from natlat_sym.finite.distribution import Distribution
from natlat_sym.openproblems.witness import bound_outcome
from proofs._open_problem_search import ExperimentResult, float_cmis


_O2_TERMS = {"I(G;X|L)": ((3,), (0, 1), (2,)), "eps1": ((0,), (1,), (2,)), "eps2": ((3,), (0,), (1,)),
             "eps2p": ((3,), (1,), (0,)), "eps3": ((2,), (3,), (0, 1))}  # axes: X1, X2, L, G


def _o2_terms(joint: np.ndarray) -> dict:
    return dict(zip(_O2_TERMS, float_cmis(joint, *_O2_TERMS.values())))


def _o2_ratio(t: dict, floor: float = 1e-3) -> float:
    if t["eps3"] < floor:
        return -math.inf
    return (t["I(G;X|L)"] - t["eps1"] - t["eps2"] - t["eps2p"]) / t["eps3"]


def _xor_joint() -> np.ndarray:
    j = np.zeros((2, 2, 2, 2))
    for x1, x2, z in product(range(2), repeat=3):
        j[x1, x2, z, z ^ x1 ^ x2] = 1 / 8
    return j


def run_o2(*, seed: int = 0, budget_seconds: float = 10.0, c: float | None = None, max_alphabet: int = 3,
           local_steps: int = 60, max_restarts: int | None = None) -> ExperimentResult:
    """O2: search for distributions of ``(X1, X2, Λ, Γ)`` with a large ratio
    ``(I(Γ;X|Λ) − ε1 − ε2 − ε2') / ε3`` (``ε3 >= 10⁻³``), i.e. evidence on the
    least third-diagram coefficient for real distributions.

    With ``c`` given (``1 <= c < 2``) the score maximised is the margin
    ``I(Γ;X|Λ) − ε1 − ε2 − ε2' − c·ε3`` instead; a positive margin would show
    that ``c`` is too small.  Candidates: the XOR example (ratio 1), then
    random Dirichlet distributions on alphabets ``2..max_alphabet`` improved
    by a random local search of ``local_steps`` steps.  The run stops after
    ``budget_seconds`` or ``max_restarts`` random starts; when the restart
    limit is reached first the result depends only on the seed.
    """
    if budget_seconds <= 0 or max_alphabet < 2:
        raise StatementError("run_o2: budget_seconds > 0 and max_alphabet >= 2 are required")
    if c is not None and not 1 <= c < 2:
        raise StatementError(f"run_o2: c must lie in [1, 2), got {c}")
    rng = np.random.default_rng(seed)
    score = (lambda t: _o2_ratio(t)) if c is None else \
        (lambda t: t["I(G;X|L)"] - t["eps1"] - t["eps2"] - t["eps2p"] - c * t["eps3"])
    start = time.perf_counter()
    best_joint = _xor_joint()
    best_terms = _o2_terms(best_joint)
    best = score(best_terms)
    evaluations = 1
    restarts = 0
    while time.perf_counter() - start < budget_seconds and not (max_restarts and restarts >= max_restarts):
        restarts += 1
        shape = tuple(int(s) for s in rng.integers(2, max_alphabet + 1, size=4))
        joint = rng.dirichlet(np.full(int(np.prod(shape)), 0.3)).reshape(shape)
        cur = score(_o2_terms(joint))
        evaluations += 1
        for _ in range(local_steps):
            trial = np.abs(joint * np.exp(rng.normal(scale=0.3, size=shape)))
            trial /= trial.sum()
            s = score(_o2_terms(trial))
            evaluations += 1
            if s > cur:
                joint, cur = trial, s
            if not max_restarts and time.perf_counter() - start > budget_seconds:
                break
        if cur > best:
            best, best_joint, best_terms = cur, joint, _o2_terms(joint)
    names = ["X1", "X2", "L", "G"]
    dist = Distribution.from_array(best_joint, names, latents=["L", "G"]).to_exact(max_denominator=10**6)
    what = "ratio (I − ε1 − ε2 − ε2')/ε3" if c is None else f"margin with c = {c}"
    return ExperimentResult("O2", float(best), dist, time.perf_counter() - start, seed, evaluations,
                            detail=f"best {what} = {best:.4f} over {evaluations} evaluations; float search, "
                                   "evidence only",
                            values={k: float(v) for k, v in best_terms.items()})


def o2_evidence(*, seed: int = 0, budget_seconds: float = 1.0, restarts: int | None = None) -> FiniteOutcome:
    """A small run of :func:`run_o2` as catalog evidence: ``restarts``
    random starts when given (then the result depends only on the seed, and
    ``budget_seconds`` is only a cap), else as many as ``budget_seconds``
    allows."""
    r = run_o2(seed=seed, budget_seconds=budget_seconds, max_restarts=restarts)
    work = f"{restarts} random starts" if restarts else f"budget {budget_seconds:g} s"
    return FiniteOutcome("evidence", detail=r.detail, sizes=f"alphabets 2..3 per variable, seed {seed}, {work}",
                         distribution=r.distribution, value=r.best_ratio)


_W = Path(__file__).parent / "data" / "bounds" / "o2.json"

THEOREM = Theorem(
    id="latent_mediates_of_natural_latents_with_third_diagram_weight",
    title="Least third-diagram weight on real distributions",
    spec_id="O2", kind="open", reference="spec T3, O2",
    obligations=(
        # a fixed amount of work (the same evidence on every machine and load; ~0.4 s), capped in time
        experiment(lambda: o2_evidence(seed=0, restarts=40, budget_seconds=20.0),
                   "best ratio (I(G;X|L) − ε1 − ε2 − ε2')/ε3 found (small budget)", expected_cost=20),
        check_on_instances(lambda: bound_outcome(_W), "certified lower bound on the least weight (committed "
                           "witness, independent checker)", supporting=True),
    ),
    uses=("latent_mediates_of_stochastic_natural_latents", "third_diagram"),
)
