r"""Factorization transfer (R4).

If $Q$ factors over $G$ then $D_{KL}(P\,\|\,Q) \ge \varepsilon_G$, because
$D_{KL}(P\|Q) = \varepsilon_G + \sum_i \mathbb{E}_P\, D_{KL}(P[Y_i\mid pa_i] \,\|\, Q[Y_i\mid pa_i])$. So "P is
ε-close to *some* G-distribution" implies "P satisfies G within ε". This is a fact about a second
distribution, not an entropy inequality: it is checked on random exact rational pairs $(P, Q)$,
comparing the decomposition exactly and certifying the sign with ball arithmetic.
"""
import time
from fractions import Fraction
from itertools import product

import numpy as np

from natlat_sym.catalog import FiniteOutcome, Theorem, check_on_instances
from natlat_sym.diagrams import diagram_error, enumerate_dags
from natlat_sym.finite.distribution import Distribution
from natlat_sym.finite.evaluate import ExactValue, decide_sign, exact_value
from natlat_sym.verdicts import Truth


def _random_rational(rng, n: int, den: int) -> list[Fraction]:
    w = rng.integers(1, den, size=n)
    total = int(w.sum())
    return [Fraction(int(x), total) for x in w]


def kl_transfer_instances_hold(*, seed: int = 0, instances: int = 12, alphabet: int = 2) -> FiniteOutcome:
    """R4 on random exact instances: for ``G`` running over the DAGs on 3
    nodes up to isomorphism, a random exact ``P`` on ``alphabet³`` cells and
    a random exact ``Q`` that factors over ``G``, certify
    ``D_KL(P‖Q) − ε_G(P) >= 0``; the difference is exactly
    ``Σ_i E_P D_KL(P[Y_i|pa] ‖ Q[Y_i|pa])`` (compared exactly).

    >>> kl_transfer_instances_hold(instances=2).verdict
    'holds'
    """
    start = time.perf_counter()
    rng = np.random.default_rng(seed)
    names = ("Y1", "Y2", "Y3")
    dags = list(enumerate_dags(names, up_to_isomorphism=True))
    cells = list(product(range(alphabet), repeat=3))
    checked = 0
    for t in range(instances):
        g = dags[t % len(dags)]
        pv = _random_rational(rng, len(cells), 12)
        P = Distribution.from_dict(dict(zip(cells, pv)), names)
        # Q = Π_i Q[Y_i | pa_i] with random exact conditionals
        cpt = {}
        for n in names:
            pa = sorted(g.predecessors(n))
            for pa_val in product(range(alphabet), repeat=len(pa)):
                cpt[(n, pa_val)] = _random_rational(rng, alphabet, 6)
        q = {}
        for x in cells:
            val = dict(zip(names, x))
            prob = Fraction(1)
            for n in names:
                pa = sorted(g.predecessors(n))
                prob *= cpt[(n, tuple(val[p] for p in pa))][val[n]]
            q[x] = prob
        kl = ExactValue.rational(0)
        for x, p in zip(cells, pv):
            kl = kl + ExactValue.log2(p / q[x]) * p
        eps = exact_value(diagram_error(g), P)
        diff = kl - eps
        # the exact decomposition Σ_i E_P D(P[Y_i|pa] ‖ Q[Y_i|pa])
        decomposition = ExactValue.rational(0)
        for n in names:
            pa = sorted(g.predecessors(n))
            fam = P.marginal(pa + [n]) if pa else P.marginal([n])
            par = P.marginal(pa) if pa else None
            for idx, pj in np.ndenumerate(fam.pmf):
                if pj == 0:
                    continue
                ppa = par.pmf[idx[:-1]] if par is not None else Fraction(1)
                decomposition = decomposition + ExactValue.log2((pj / ppa) / cpt[(n, tuple(idx[:-1]))][idx[-1]]) * pj
        if not diff == decomposition:
            return FiniteOutcome(Truth.VIOLATED, detail=f"instance {t}: KL − ε_G differs from its decomposition",
                                 distribution=P)
        sign, interval, _ = decide_sign(diff)
        if sign is None or sign < 0:
            return FiniteOutcome(Truth.VIOLATED if sign is not None else Truth.UNDECIDED,
                                 detail=f"instance {t} ({sorted(g.edges())}): D(P‖Q) − ε_G in {interval}",
                                 distribution=P)
        checked += 1
    return FiniteOutcome(Truth.HOLDS, detail=f"{checked} random exact (P, Q) pairs, Q factoring over each of the "
                         f"{len(dags)} 3-node DAG shapes: D(P‖Q) − ε_G = Σ_i E_P D(P[Y_i|pa]‖Q[Y_i|pa]) exactly "
                         f"and certified > 0 [{time.perf_counter() - start:.2f} s]",
                         sizes=f"3 variables, alphabets {alphabet}, {checked} instances, seed {seed}")


THEOREM = Theorem(
    id="diagram_error_le_kl_of_factorization",
    title="Factorization transfer",
    spec_id="R4", kind="rule", reference="S2",
    obligations=(
        check_on_instances(lambda: kl_transfer_instances_hold(seed=0, instances=12, alphabet=2),
                           "D(P‖Q) − ε_G = Σ_i E_P D(P[Y_i|pa]‖Q[Y_i|pa]) ≥ 0 for Q factoring over G "
                           "(random exact instances, all 3-node DAG shapes)"),
        check_on_instances(lambda: kl_transfer_instances_hold(seed=1, instances=3, alphabet=3),
                           "the same on ternary alphabets"),
    ),
    uses=("diagram_error_eq_entropy_form",),
)
