"""Turn polymatroid counterexamples into real distributions.

Concept
-------
When the prover cannot prove a statement it returns a
:class:`~natlat_sym.shannon.certificate.PolymatroidWitness`: an entropy
vector that obeys every elemental inequality and the hypotheses but breaks
the conclusion.  It shows only that no Shannon-type proof exists.  To show
the statement is *false* one needs a distribution, and this module looks for
one, within a time budget, in three ways (cheapest first):

1. **The witness itself as a linear code.**  An integer polymatroid that is
   the rank function of subspaces of ``F_q^k`` is the entropy vector (in units
   of ``log2 q``) of the uniform distribution over the code
   (:mod:`natlat_sym.finite.linear_codes`).  The witness is tried over GF(2)
   as it is; when the statement is *homogeneous* (no constant term once the
   parameters are substituted) any positive multiple of a violating vector
   also violates it, so the witness is first scaled to its smallest integer
   multiple and also tried over GF(3) (entropies ``rank * log2 3``) and, at
   twice the scale, over GF(2) (which covers GF(4)-representable vectors).
2. **Sums of small linear rays.**  Independent products add entropy vectors,
   so a nonnegative *integer* combination ``Σ m_r·r`` of GF(2)-linear rank
   functions ``r`` on ``F_2^k`` (``k <= 3``) is realised by the product of
   ``m_r`` independent copies of each.  A small mixed-integer program (HiGHS
   via :func:`scipy.optimize.milp`; fewest total bits) picks a combination
   satisfying the hypotheses and violating the conclusion.
3. **Other integer polymatroids.**  For up to six variables a mixed-integer
   program over the integer points of the Shannon cone (hypotheses kept,
   conclusion violated by at least one unit, smallest alphabets first)
   proposes a few more integer vectors, each tried as a linear code as in 1.
4. **Local search from the witness's support.**  The float counterexample
   search of :mod:`natlat_sym.finite.search` (seeded, a few starts, at most
   ``_SEARCH_SECONDS``; up to 5 variables and 4 equality hypotheses, as the
   search's set-up is exponential in both) over distributions in which the
   variables of entropy 0 in the witness are constants and the others bits.
   This finds
   distributions no linear code gives, e.g. the four-atom violations of
   Ingleton's inequality.

Every candidate is built as an exact :class:`~natlat_sym.finite.distribution.Distribution`
(masses ``c / q^k``) and kept only if it satisfies every hypothesis and
violates the conclusion *exactly* (:mod:`natlat_sym.finite._exact_logs`);
the prover then re-checks it once more with the independent certified
evaluator (:func:`natlat_sym.finite.evaluate.check_on`).  Floats only
propose.

Budget
------
``timeout`` bounds the whole call.  Every loop checks the clock, the
mixed-integer programs get the time that is left as HiGHS's time limit, and
a dense distribution is never built past ``_MAX_CELLS`` cells.  The
documented overshoot is at most one exact check of one candidate (at most
``_MAX_CELLS`` cells) plus HiGHS's reaction time to its time limit (step 4:
32 objective evaluations and one exact verification).  A
``timeout <= 0`` does no work at all and returns ``None``.

Public functions
----------------
realize_witness
    ``PolymatroidWitness`` → exact ``Distribution`` or ``None``.
linear_rays
    The entropy vectors of GF(2)-linear distributions used in step 2.

Examples
--------
"I(X;Y) = 0 and I(X;Z) = 0 and I(Y;Z) = 0 imply I(X;Y,Z) = 0" is false
(pairwise independence; XOR):

>>> from fractions import Fraction as Fr
>>> from natlat_sym.shannon.linear import LinearForm as F
>>> from natlat_sym.shannon.certificate import HypothesisForm, PolymatroidWitness
>>> hyps = tuple(HypothesisForm(f"h{i}", F.mutual_information({a}, {b}), "==")
...              for i, (a, b) in enumerate([("X", "Y"), ("X", "Z"), ("Y", "Z")]))
>>> target = -F.mutual_information({"X"}, {"Y", "Z"})      # I(X;Y,Z) <= 0
>>> ent = {frozenset(s): Fr(min(len(s), 2)) for s in
...        [("X",), ("Y",), ("Z",), ("X", "Y"), ("X", "Z"), ("Y", "Z"), ("X", "Y", "Z")]}
>>> d = realize_witness(PolymatroidWitness(("X", "Y", "Z"), ent), hyps, target, ">=")
>>> d.shape, sorted(set(d.pmf.flat))
((2, 2, 2), [Fraction(0, 1), Fraction(1, 4)])
"""

from __future__ import annotations

import itertools
import math
import time
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from ..errors import BudgetExceeded, CertificateError, StatementError
from ..shannon.certificate import HypothesisForm, PolymatroidWitness
from ..shannon.linear import LinearForm
from ._exact_logs import exact_violation
from .distribution import Distribution
from .linear_codes import code_counts, find_representation, linear_rank_vectors
from .search import find_counterexample

__all__ = ["realize_witness", "linear_rays"]

_MAX_CELL_BITS = 14
_MAX_CELLS = 1 << _MAX_CELL_BITS
"""Largest dense joint alphabet built (cells of the pmf array)."""

_MILP_SECONDS = 10.0
"""Cap on one mixed-integer program (the remaining budget caps it too)."""

_INTEGER_POINT_ROUNDS = 6
"""How many integer polymatroids step 3 proposes at most."""


def linear_rays(n: int, k: int):
    """Distinct nonzero entropy vectors of ``n`` GF(2)-linear variables over
    ``u`` uniform on GF(2)^k: list of ``(vector, configuration)`` where
    ``vector`` holds one int per nonempty subset (in bit-mask order ``1 ..
    2**n - 1``) and ``configuration`` gives each variable's basis (see
    :mod:`natlat_sym.finite.linear_codes`).

    >>> len(linear_rays(3, 1)), len(linear_rays(3, 2)) > 7
    (7, True)
    """
    return _rays(n, k, None) or []


def _rays(n: int, k: int, deadline: float | None):
    found = linear_rank_vectors(n, k, 2, deadline=deadline)
    if found is None:
        return None
    return [(vec[1:], conf) for vec, conf in found.items() if any(vec)]


def _product(parts):
    """Independent product of integer-count pmfs over the same variables;
    variable i's outcome is the tuple of its components (flattened index)."""
    counts, den = parts[0]
    for c2, d2 in parts[1:]:
        n = counts.ndim
        outer = np.multiply.outer(counts, c2)  # axes: a1..an, b1..bn
        perm = [x for i in range(n) for x in (i, n + i)]
        outer = outer.transpose(perm)
        counts = outer.reshape([counts.shape[i] * c2.shape[i] for i in range(n)])
        den *= d2
    return counts, den


@dataclass(frozen=True)
class _Claim:
    """The statement in the realiser's terms: parameter-free forms, claim
    ``target >= 0`` (``sense == ">="``) or ``target == 0``."""

    names: tuple
    hyps: tuple
    target: LinearForm
    sense: str

    @property
    def n(self) -> int:
        return len(self.names)

    @property
    def homogeneous(self) -> bool:
        """No constant anywhere: positive multiples of a violating vector violate."""
        return all(f.constant == 0 for f in [self.target] + [h.form for h in self.hyps])

    def mask_of(self, subset) -> int:
        return sum(1 << self.names.index(v) for v in subset)

    def value(self, form: LinearForm, ranks) -> Fraction:
        return form.constant + sum((c * ranks[self.mask_of(s)] for s, c in form.entropies.items()), Fraction(0))

    def is_violated_by(self, ranks) -> bool:
        """Exact test of the rank vector itself (entropies in units of one bit)."""
        for h in self.hyps:
            v = self.value(h.form, ranks)
            if v < 0 or (h.sense == "==" and v != 0):
                return False
        t = self.value(self.target, ranks)
        return t < 0 if self.sense == ">=" else t != 0

    def violated_exactly_on(self, counts, total) -> bool:
        pmf = np.empty(counts.shape, dtype=object)
        for idx, c in np.ndenumerate(counts):
            pmf[idx] = Fraction(int(c), total)
        return exact_violation(pmf, self.names, self.hyps, self.target, self.sense) is not None

    @property
    def masks(self) -> tuple[int, ...]:
        """The subsets (bit masks) the hypotheses and the conclusion mention."""
        out = set()
        for f in [self.target] + [h.form for h in self.hyps]:
            out |= {self.mask_of(s) for s in f.entropies}
        return tuple(sorted(out))

    def row(self, form: LinearForm, masks=None) -> np.ndarray:
        """Float coefficients of ``form`` on ``masks`` (default: all
        ``2**n - 1`` nonempty subsets, in mask order)."""
        if masks is None:
            masks = range(1, 1 << self.n)
        where = {m: j for j, m in enumerate(masks)}
        out = np.zeros(len(where))
        for s, c in form.entropies.items():
            out[where[self.mask_of(s)]] += float(c)
        return out


def _claim(witness: PolymatroidWitness, hypotheses, target: LinearForm, sense: str) -> _Claim:
    names = tuple(witness.variables)
    n = len(names)
    if n == 0 or len(set(names)) != n:
        raise CertificateError("witness must list distinct variables")
    # Same convention as check_witness and the certificates: ``target`` is the
    # conclusion's normal form and the claim is ``target >= 0`` for "<=" and
    # ">=" conclusions alike (the form is already oriented), ``== 0`` for "==".
    if sense not in (">=", "<=", "=="):
        raise CertificateError(f"sense must be '>=', '<=' or '==', got {sense!r}")
    if sense == "<=":
        sense = ">="
    params = dict(witness.parameters)
    try:
        target = target.substitute(params)
        hyps = tuple(HypothesisForm(h.name, h.form.substitute(params), h.sense) for h in hypotheses)
    except (TypeError, ValueError) as e:
        raise CertificateError(f"bad parameter value in witness: {e}") from None
    for f in [target] + [h.form for h in hyps]:
        if f.parameter_names():
            raise CertificateError(f"witness gives no value to parameter(s) {sorted(f.parameter_names())}")
        if not f.variables() <= set(names):
            raise CertificateError(f"statement mentions variables {sorted(f.variables() - set(names))} not in the witness")
    return _Claim(names, hyps, target, sense)


def realize_witness(witness: PolymatroidWitness, hypotheses, target: LinearForm, sense: str,
                    *, seed: int = 0, timeout: float = 10.0):
    """A concrete distribution violating the statement the witness refutes,
    or ``None`` when none is found within the budget.

    Parameters
    ----------
    witness : PolymatroidWitness
        From the prover; supplies the variables, the parameter values and
        the first candidate entropy vector.
    hypotheses : sequence of HypothesisForm
    target : LinearForm
        The conclusion's normal form: the statement claims ``target >= 0``
        (or ``target == 0`` when ``sense == "=="``).
    sense : str
        The conclusion's relation: ``"<="`` or ``">="`` (both mean the claim
        ``target >= 0``, as in :func:`~natlat_sym.shannon.certificate.check_witness`)
        or ``"=="``.
    seed : int
        Seeds the objective perturbations of step 3 (reproducible).
    timeout : float
        Seconds for the whole call (see *Budget* in the module docstring);
        ``<= 0`` returns ``None`` at once.

    Returns
    -------
    Distribution or None
        Exact (masses ``c / q^k``), variables named as in the witness.  It
        satisfies every hypothesis and violates the conclusion, verified
        exactly.

    Raises
    ------
    CertificateError
        A malformed witness or statement (bad sense, unknown variable,
        parameter without value), or a timeout that is not a number.
    """
    try:
        timeout = float(timeout)
    except (TypeError, ValueError):
        raise CertificateError(f"timeout must be a number of seconds, got {timeout!r}") from None
    if math.isnan(timeout):
        raise CertificateError("timeout must be a number of seconds, got nan")
    deadline = time.monotonic() + timeout
    claim = _claim(witness, hypotheses, target, sense)
    if timeout <= 0:
        return None
    return _realize(claim, witness, deadline, seed, _STRATEGIES)


def _realize(claim: _Claim, witness: PolymatroidWitness, deadline: float, seed: int, strategies):
    """The first distribution one of ``strategies`` finds before ``deadline``
    (a strategy returns integer ``(counts, total)`` or a Distribution)."""
    for strategy in strategies:
        if time.monotonic() >= deadline:
            return None
        found = strategy(claim, witness, deadline, seed)
        if isinstance(found, Distribution):
            return found
        if found is not None:
            counts, total = found
            pmf = np.empty(counts.shape, dtype=object)
            for idx, c in np.ndenumerate(counts):
                pmf[idx] = Fraction(int(c), total)
            return Distribution.from_array(pmf, claim.names, exact=True)
    return None


# ----------------------------------------------------------------------------- step 1 and 3: codes

def _try_code(claim: _Claim, ranks, deadline: float):
    """``(counts, total)`` of a linear code realising ``ranks`` (a list over
    subset masks, in units of ``log2 q`` bits) and violating the claim, or
    ``None``.  GF(2) always; GF(3) and GF(2) at twice the scale only when the
    claim is homogeneous (so the scale of the entropies does not matter)."""
    singles = sum(ranks[1 << i] for i in range(claim.n))
    fields = [(2, 1)]
    if claim.homogeneous:
        fields += [(3, 1), (2, 2)]
    for q, scale in fields:
        if time.monotonic() >= deadline:
            return None
        if q ** (singles * scale) > _MAX_CELLS:
            continue
        conf = find_representation([r * scale for r in ranks], q, deadline=deadline)
        if conf is None:
            continue
        counts, total = code_counts(conf, q, max_cells=_MAX_CELLS)
        if claim.violated_exactly_on(counts, total):
            return counts, total
    return None


def _witness_candidates(claim: _Claim, witness: PolymatroidWitness):
    """Integer rank vectors to try: the witness itself when integral, and its
    smallest positive integer multiple when the claim is homogeneous."""
    h = [Fraction(0)] + [Fraction(witness.entropies[frozenset(v for i, v in enumerate(claim.names) if s >> i & 1)])
                         for s in range(1, 1 << claim.n)]
    out = []
    if claim.homogeneous and any(h):
        den = 1
        for v in h:
            den = den * v.denominator // math.gcd(den, v.denominator)
        ints = [int(v * den) for v in h]
        g = 0
        for v in ints:
            g = math.gcd(g, v)
        out.append([v // g for v in ints])
    if all(v.denominator == 1 for v in h):
        ints = [int(v) for v in h]
        if ints not in out:
            out.append(ints)
    return [r for r in out if claim.is_violated_by(r)]


def _by_codes_of_the_witness(claim: _Claim, witness, deadline: float, seed: int):
    for ranks in _witness_candidates(claim, witness):
        found = _try_code(claim, ranks, deadline)
        if found is not None:
            return found
    return None


def _elemental_rows(n: int) -> np.ndarray:
    """The elemental inequalities as rows over the nonempty subsets (>= 0)."""
    full = (1 << n) - 1
    rows = []
    for i in range(n):  # H(X_i | rest) >= 0
        r = np.zeros(full)
        r[full - 1] += 1
        rest = full & ~(1 << i)
        if rest:
            r[rest - 1] -= 1
        rows.append(r)
    for i in range(n):
        for j in range(i + 1, n):
            others = [b for b in range(n) if b not in (i, j)]
            for sub in range(1 << len(others)):
                K = sum(1 << others[t] for t in range(len(others)) if sub >> t & 1)
                r = np.zeros(full)  # I(X_i; X_j | X_K) >= 0
                r[(K | 1 << i) - 1] += 1
                r[(K | 1 << j) - 1] += 1
                r[(K | 1 << i | 1 << j) - 1] -= 1
                if K:
                    r[K - 1] -= 1
                rows.append(r)
    return np.array(rows)


def _claim_constraints(claim: _Claim, columns: np.ndarray | None = None, masks=None):
    """Rows, lower and upper bounds of "hypotheses hold and the conclusion is
    violated by at least half a unit (after scaling it to integer
    coefficients)".  Without ``columns`` the unknowns are the entropies of all
    nonempty subsets; with it they are multiplicities of the columns of
    ``columns`` (a matrix over ``masks``)."""
    def on_columns(row):
        return row if columns is None else row @ columns

    rows, lo, hi = [], [], []
    for h in claim.hyps:
        rows.append(on_columns(claim.row(h.form, masks)))
        c = float(h.form.constant)
        lo.append(-c)
        hi.append(np.inf if h.sense == ">=" else -c)
    den = 1
    for c in list(claim.target.entropies.values()) + [claim.target.constant]:
        den = den * c.denominator // math.gcd(den, c.denominator)
    # Scale the target row to integer coefficients so that "violated by at
    # least one unit" is a threshold of 1/2, not 1/(2*den): with den = 10^8
    # (a constant perturbed by 1e-8) the unscaled threshold was below the
    # MILP's feasibility tolerance and the empty combination passed as
    # "violating".
    t_row = on_columns(claim.row(claim.target, masks) * den)
    tc = float(claim.target.constant) * den
    attempts = [(-np.inf, -tc - 0.5)] if claim.sense == ">=" else [(-np.inf, -tc - 0.5), (-tc + 0.5, np.inf)]
    return rows, lo, hi, t_row, attempts


def _milp(cost, rows, lo, hi, integrality, bounds, deadline: float):
    from scipy.optimize import Bounds, LinearConstraint, milp

    left = min(_MILP_SECONDS, deadline - time.monotonic())
    if left <= 0:
        return None
    cons = LinearConstraint(np.vstack(rows), np.array(lo), np.array(hi))
    res = milp(cost, constraints=cons, integrality=integrality, bounds=Bounds(*bounds),
               options={"time_limit": left})
    return None if res.x is None else np.rint(res.x).astype(int)


# ----------------------------------------------------------------------------- step 2: sums of rays

_MAX_BIT_RAY_VARIABLES = 14
"""Up to this many variables the ``2**n - 1`` one-bit rays are tried."""


def _local_rays(n: int, deadline: float):
    """Rank functions on ``F_2^2`` in which only two or three of the ``n``
    variables are non-constant (as full vectors over the nonempty subsets is
    too many at large ``n``, each as ``(variables, rank function on them,
    configuration on them)``)."""
    out = []
    for size in (2, 3):
        found = linear_rank_vectors(size, 2, 2, deadline=deadline)
        if found is None:
            return None
        local = [(vec, conf) for vec, conf in found.items() if all(vec[1 << i] for i in range(size))]
        for chosen in itertools.combinations(range(n), size):
            out += [(chosen, vec, conf) for vec, conf in local]
    return out


def _ray_families(claim: _Claim, deadline: float):
    """``(matrix over claim.masks, configurations, bits)`` of the ray families worth
    trying at ``n`` variables: one shared bit (``k = 1``: a fair bit copied
    into the variables of a subset ``T``, ``2**n - 1`` rays, built directly),
    then all GF(2)-linear rank functions on ``F_2^2`` (``n <= 6``; beyond, only
    those with two or three non-constant variables, next to the one-bit rays)
    and on ``F_2^3`` (``n <= 4``): their number grows like ``(#subspaces)^n``.
    ``bits`` is each ray's sum of singleton ranks: the product of the chosen
    rays has ``2**(sum of multiplicity * bits)`` cells."""
    n, masks = claim.n, np.array(claim.masks, dtype=np.int64)
    if n > _MAX_BIT_RAY_VARIABLES:
        return
    T = np.arange(1, 1 << n, dtype=np.int64)
    R = ((masks[:, None] & T[None, :]) != 0).astype(float)
    confs = [tuple(((1,),) if t >> i & 1 else () for i in range(n)) for t in T.tolist()]
    bits = np.array([bin(t).count("1") for t in T.tolist()], dtype=float)
    yield R, confs, bits
    if n > 6:
        local = _local_rays(n, deadline)
        if local is None:
            return
        cols, more_confs, more_bits = [], [], []
        for chosen, vec, conf in local:
            sub = [sum(1 << j for j, v in enumerate(chosen) if m >> v & 1) for m in claim.masks]
            cols.append([vec[x] for x in sub])
            full = [()] * n
            for j, v in enumerate(chosen):
                full[v] = conf[j]
            more_confs.append(tuple(full))
            more_bits.append(sum(vec[1 << j] for j in range(len(chosen))))
        yield (np.hstack([R, np.array(cols, dtype=float).T.reshape(len(masks), len(cols))]), confs + more_confs,
               np.concatenate([bits, np.array(more_bits, dtype=float)]))
        return
    for k in (2, 3):
        if k == 3 and n > 4:
            return
        rays = _rays(n, k, deadline)
        if rays is None:
            return
        R = np.array([[r[m - 1] for r, _ in rays] for m in claim.masks], dtype=float).reshape(len(masks), len(rays))
        yield R, [c for _, c in rays], np.array([sum(r[(1 << i) - 1] for i in range(n)) for r, _ in rays],
                                                dtype=float)


def _by_sums_of_rays(claim: _Claim, witness, deadline: float, seed: int):
    if not claim.masks:
        return None
    for R, confs, bits in _ray_families(claim, deadline):
        rows, lo, hi, t_row, attempts = _claim_constraints(claim, R, claim.masks)
        rows, lo, hi = rows + [bits], lo + [0.0], hi + [float(_MAX_CELL_BITS)]  # dense size cap
        for t_lo, t_hi in attempts:
            mult = _milp(bits, rows + [t_row], lo + [t_lo], hi + [t_hi], np.ones(len(confs)), (0, 6), deadline)
            if mult is None or not mult.any():
                continue
            parts = []
            cells = 1
            for m in np.flatnonzero(mult):
                one = code_counts(confs[m], 2, max_cells=_MAX_CELLS)
                parts += [one] * int(mult[m])
                cells *= one[0].size ** int(mult[m])
            if cells > _MAX_CELLS:
                continue
            counts, total = _product(parts)
            if time.monotonic() < deadline and claim.violated_exactly_on(counts, total):
                return counts, total
        if time.monotonic() >= deadline:
            return None
    return None


# ----------------------------------------------------------------------------- step 3: integer points

def _by_integer_points(claim: _Claim, witness, deadline: float, seed: int):
    """Integer polymatroids (smallest joint alphabet first, then perturbed
    objectives for variety) tried as linear codes."""
    n = claim.n
    if n > 6:
        return None
    full = (1 << n) - 1
    G = _elemental_rows(n)
    rows, lo, hi, t_row, attempts = _claim_constraints(claim)
    rows = rows + list(G)
    lo = lo + [0.0] * len(G)
    hi = hi + [np.inf] * len(G)
    singles = np.zeros(full)
    for i in range(n):
        singles[(1 << i) - 1] = 1.0
    # the code over GF(2) has 2^(sum of singleton ranks) cells
    rows.append(singles)
    lo.append(0.0)
    hi.append(float(_MAX_CELL_BITS))
    rng = np.random.default_rng(seed)
    seen = set()
    for round_ in range(_INTEGER_POINT_ROUNDS):
        cost = singles + (0 if round_ == 0 else rng.uniform(-0.3, 0.6, full))
        for t_lo, t_hi in attempts:
            x = _milp(cost, rows + [t_row], lo + [t_lo], hi + [t_hi], np.ones(full), (0, 14), deadline)
            if x is None:
                continue
            ranks = [0] + [int(v) for v in x]
            if tuple(ranks) in seen or not claim.is_violated_by(ranks):
                continue
            seen.add(tuple(ranks))
            found = _try_code(claim, ranks, deadline)
            if found is not None:
                return found
        if time.monotonic() >= deadline:
            return None
    return None


# ----------------------------------------------------------------------------- step 4: local search

_SEARCH_SECONDS = 5.0
"""Cap on the local search of step 4 (the remaining budget caps it too)."""

_SEARCH_STARTS = 4
_SEARCH_MAX_VARIABLES = 5
_SEARCH_MAX_EQUALITIES = 4


def _by_search_from_the_witness(claim: _Claim, witness, deadline: float, seed: int):
    """The float counterexample search of :mod:`natlat_sym.finite.search`,
    started from the witness's support: a variable of entropy 0 in the
    witness is a constant, every other one a bit.  Non-linear distributions
    (such as the four-atom violations of Ingleton's inequality) are found
    this way.  Returns a Distribution (already verified exactly by the
    search) or None."""
    left = min(_SEARCH_SECONDS, deadline - time.monotonic())
    if left <= 0:
        return None
    # The search first picks a Bayesian-network shape by trying every variable
    # order for every subset of the independence hypotheses (n! * 2^m, with
    # no budget): keep it to small statements.
    equalities = sum(h.sense == "==" for h in claim.hyps)
    if claim.n > _SEARCH_MAX_VARIABLES or equalities > _SEARCH_MAX_EQUALITIES:
        return None
    sizes = {v: (2 if witness.entropies[frozenset({v})] > 0 else 1) for v in claim.names}
    try:
        res = find_counterexample((claim.hyps, claim.target, claim.sense), alphabets=sizes, seed=seed,
                                  starts=_SEARCH_STARTS, budget_seconds=left)
    except (BudgetExceeded, StatementError):
        return None
    d = res.distribution if res.found else None
    if d is None or set(d.names) != set(claim.names):
        return None
    d = d.reorder(claim.names)
    return d if exact_violation(d.pmf, d.names, claim.hyps, claim.target, claim.sense) is not None else None


_STRATEGIES = (_by_codes_of_the_witness, _by_sums_of_rays, _by_integer_points, _by_search_from_the_witness)
