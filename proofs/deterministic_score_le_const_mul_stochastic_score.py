r"""Best constant from stochastic to deterministic natural latents (O1, open).

A Lean development claims $T(P) \le 96\,\tau(P)$ for two observables (T15); lower bounds on the best
constant were unknown. `natlat experiment o1` sweeps small supports for a large ratio $T(P)/\tau(P)$:
$T$ exactly over all partitions of the support, $\tau$ from above by an explicit latent. The
committed witness `proofs/data/bounds/o1.json` (an exact $P$ and latent channel) is re-checked by
the independent checker (`natlat verify-bound`): the best constant is at least its claim (above
the DSBS(0.1) value 1.746 of the spec). The n = 3 deletion-budget variants have witnesses in the
same folder; see the docs page *Open problems: certified lower bounds*.
"""
import math
import time
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from sympy.utilities.iterables import multiset_partitions

from natlat_sym.catalog import FiniteOutcome, Theorem, check_on_instances, experiment
from natlat_sym.errors import StatementError
from natlat_sym.finite.distribution import Distribution
from natlat_sym.openproblems.witness import bound_outcome
from proofs._open_problem_search import ExperimentResult, float_cmi, float_cmis


def _deterministic_score(p: np.ndarray) -> tuple[float, list]:
    """T(P) by brute force over partitions of the support (float)."""
    support = [tuple(x) for x in zip(*np.nonzero(p))]
    best, best_part = math.inf, None
    for part in multiset_partitions(support):  # set partitions: the support cells are distinct
        joint = np.zeros(p.shape + (len(part),))
        for v, block in enumerate(part):
            for x in block:
                joint[x + (v,)] = p[x]
        s1, s2, s3 = float_cmis(joint, ((0,), (1,), (2,)), ((2,), (0, 1), (1,)), ((2,), (0, 1), (0,)))
        s = s1 + s2 + s3
        if s < best:
            best, best_part = s, part
    return best, best_part


def _stochastic_score(p: np.ndarray, logits: np.ndarray) -> float:
    ch = np.exp(logits - logits.max(axis=-1, keepdims=True))
    ch /= ch.sum(axis=-1, keepdims=True)
    joint = p[..., None] * ch
    s1, s2, s3 = float_cmis(joint, ((0,), (1,), (2,)), ((2,), (0,), (1,)), ((2,), (1,), (0,)))
    return s1 + s2 + s3


def _best_stochastic_score(p, rng, starts: int, values: int) -> float:
    best = float_cmi(p[..., None], (0,), (1,))  # constant latent: S = I(X1;X2)
    for _ in range(starts):
        x0 = rng.normal(scale=2.0, size=p.shape + (values,))
        res = minimize(lambda z: _stochastic_score(p, z.reshape(x0.shape)), x0.ravel(), method="L-BFGS-B",
                       options={"maxiter": 200})
        best = min(best, float(res.fun))
    return best


def _dsbs(eps: float) -> np.ndarray:
    return np.array([[(1 - eps) / 2, eps / 2], [eps / 2, (1 - eps) / 2]])


def run_o1(*, seed: int = 0, budget_seconds: float = 10.0, max_alphabet: int = 3, max_support: int = 6,
           starts: int = 3, max_candidates: int | None = None) -> ExperimentResult:
    """O1: search for distributions with a large ratio ``T(P) / τ(P)``.

    Candidates: DSBS(0.1) first, then random ``P`` on ``a × b`` alphabets
    (``a, b <= max_alphabet``) with at most ``max_support`` support cells.
    ``T`` is exact over partitions (float entropies); ``τ`` is the best of
    ``starts`` local minimisations over latents with ``|supp| + 1`` values, so
    the ratio is a float lower bound on ``T/τ`` for that ``P``.

    The run stops after ``budget_seconds`` or ``max_candidates`` candidates;
    with a candidate limit that is reached first, the result depends only on
    the seed (reproducible).

    Returns
    -------
    ExperimentResult
        ``best_ratio``, the attaining distribution (rounded to exact rationals
        with denominator ≤ 10⁶ for export), seconds, seed.

    Raises
    ------
    StatementError
        For a non-positive budget or alphabet below 2.
    """
    if budget_seconds <= 0 or max_alphabet < 2 or max_support < 2:
        raise StatementError("run_o1: budget_seconds > 0, max_alphabet >= 2 and max_support >= 2 are required")
    rng = np.random.default_rng(seed)
    start = time.perf_counter()
    best = (-1.0, None, {})
    evaluations = 0
    candidate = _dsbs(0.1)
    while True:
        support = int((candidate > 0).sum())
        T, _ = _deterministic_score(candidate)
        tau = _best_stochastic_score(candidate, rng, starts, support + 1)
        evaluations += 1
        if tau > 1e-6:
            ratio = T / tau
            if ratio > best[0]:
                best = (ratio, candidate, {"T": T, "tau_found": tau})
        if time.perf_counter() - start > budget_seconds or (max_candidates and evaluations >= max_candidates):
            break
        a, b = rng.integers(2, max_alphabet + 1, size=2)
        cells = rng.choice(a * b, size=int(rng.integers(2, min(max_support, a * b) + 1)), replace=False)
        candidate = np.zeros(a * b)
        candidate[cells] = rng.dirichlet(np.ones(len(cells)))
        candidate = candidate.reshape(a, b)
    ratio, arr, values = best
    dist = Distribution.from_array(arr, ["X1", "X2"]).to_exact(max_denominator=10**6)
    return ExperimentResult("O1", float(ratio), dist, time.perf_counter() - start, seed, evaluations,
                            detail=f"best T/τ_found = {ratio:.4f} (T = {values['T']:.4f}, τ ≤ {values['tau_found']:.4f} "
                                   f"bits) over {evaluations} candidate(s); float search, evidence only",
                            values=values)


def o1_evidence(*, seed: int = 0, budget_seconds: float = 1.0, candidates: int | None = None) -> FiniteOutcome:
    """A small run of :func:`run_o1` as catalog evidence: ``candidates``
    distributions when given (then the result depends only on the seed, and
    ``budget_seconds`` is only a cap), else as many as ``budget_seconds``
    allows."""
    r = run_o1(seed=seed, budget_seconds=budget_seconds, starts=2, max_candidates=candidates)
    work = f"{candidates} candidates" if candidates else f"budget {budget_seconds:g} s"
    return FiniteOutcome("evidence", detail=r.detail, sizes=f"alphabets ≤ 3, supports ≤ 6, seed {seed}, {work}",
                         distribution=r.distribution, value=r.best_ratio)


_BOUNDS = Path(__file__).parent / "data" / "bounds"

THEOREM = Theorem(
    id="deterministic_score_le_const_mul_stochastic_score",
    title="Stochastic versus deterministic natural-latent constant",
    spec_id="O1", kind="open", reference="S7, S17 (T ≤ 96τ claimed)",
    obligations=(
        # a fixed amount of work (the same evidence on every machine and load), capped in time
        experiment(lambda: o1_evidence(seed=0, candidates=2, budget_seconds=20.0),
                   "best T(P)/τ(P) found on small supports (small budget)", expected_cost=50),
        check_on_instances(lambda: bound_outcome(_BOUNDS / "o1.json"),
                           "certified lower bound on the best constant (committed witness, independent checker)",
                           supporting=True),
    ),
    uses=("natural_latent_score",),
)
