"""Turn polymatroid counterexamples into real distributions.

Concept
-------
The prover refutes a statement that is not Shannon-provable with a
:class:`~natlat_sym.shannon.certificate.PolymatroidWitness`: an entropy
vector that obeys every elemental inequality and the hypotheses but breaks
the conclusion.  It shows only that no Shannon-type proof exists.  To show
the statement is *false* one needs a distribution.

Entropy vectors of *GF(2)-linear* distributions are easy to write down:
draw ``u`` uniformly from GF(2)^k and let each variable be a linear map of
``u`` (a subspace of functionals); then ``H(S)`` is the rank of the union of
the subspaces of ``S`` — an integer number of bits.  For ``n <= 3`` every
extreme ray of the Shannon cone is of this kind (uniform bits, copies and
XOR).  Independent products add entropy vectors, so a nonnegative
*integer* combination ``Σ m_r·r`` of such rays is realised by the product of
``m_r`` independent copies of each ray's distribution.

:func:`realize_witness` searches for such a combination satisfying the
hypotheses and violating the conclusion with a small mixed-integer program
(HiGHS via :func:`scipy.optimize.milp`; least total number of bits), builds
the product distribution with exact masses ``2^-K``, and re-verifies it
exactly (all entropies are integers, so the verdict is exact arithmetic).
The witness supplies the variables and the parameter values.

Public functions
----------------
realize_witness
    ``PolymatroidWitness`` → exact ``Distribution`` or ``None``.
linear_rays
    The entropy vectors of GF(2)-linear distributions used.

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
from collections.abc import Sequence
from fractions import Fraction
from functools import lru_cache

import numpy as np

from ..errors import CertificateError
from ..shannon.certificate import HypothesisForm, PolymatroidWitness
from ..shannon.linear import LinearForm
from ._exact_logs import log_combination

__all__ = ["realize_witness", "linear_rays"]

_MAX_CELLS = 1 << 14


def _rank(vectors: Sequence[int]) -> int:
    """Rank over GF(2) of bit-mask vectors."""
    basis: list[int] = []
    for v in vectors:
        for b in basis:
            v = min(v, v ^ b)
        if v:
            basis.append(v)
    return len(basis)


@lru_cache(maxsize=None)
def _subspaces(k: int) -> tuple[tuple[int, ...], ...]:
    """All subspaces of GF(2)^k, each as a tuple of basis bit masks."""
    seen, out = set(), []
    for r in range(0, k + 1):
        for basis in itertools.combinations(range(1, 1 << k), r):
            if _rank(basis) != r:
                continue
            span = frozenset(_span(basis))
            if span not in seen:
                seen.add(span)
                out.append(basis)
    return tuple(out)


def _span(basis) -> set[int]:
    out = {0}
    for b in basis:
        out |= {x ^ b for x in out}
    return out


def linear_rays(n: int, k: int):
    """Distinct nonzero entropy vectors of ``n`` GF(2)-linear variables over
    ``u`` uniform on GF(2)^k: list of ``(vector, assignment)`` where
    ``vector[S]`` is an int per nonempty subset (bitmask of variables) and
    ``assignment`` gives each variable's basis.

    >>> len(linear_rays(3, 1)), len(linear_rays(3, 2)) > 7
    (7, True)
    """
    subsets = range(1, 1 << n)
    seen, out = set(), []
    for assign in itertools.product(_subspaces(k), repeat=n):
        vec = tuple(_rank([b for i in range(n) if s >> i & 1 for b in assign[i]]) for s in subsets)
        if any(vec) and vec not in seen:
            seen.add(vec)
            out.append((vec, assign))
    return out


def _linear_distribution(assign, k: int) -> np.ndarray:
    """Exact pmf (object array) of the variables ``x_i = (<b, u>)_{b in basis_i}``."""
    shape = tuple(1 << len(b) for b in assign)
    arr = np.zeros(shape, dtype=np.int64)
    for u in range(1 << k):
        idx = tuple(sum(((bin(b & u).count("1") & 1) << j) for j, b in enumerate(basis)) for basis in assign)
        arr[idx] += 1
    return arr, 1 << k


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


def _form_row(form: LinearForm, names, subsets):
    index = {frozenset(n for i, n in enumerate(names) if s >> i & 1): j for j, s in enumerate(subsets)}
    row = np.zeros(len(subsets))
    for s, c in form.entropies.items():
        row[index[frozenset(s)]] += float(c)
    return row


def realize_witness(witness: PolymatroidWitness, hypotheses, target: LinearForm, sense: str,
                    *, seed: int = 0):
    """A concrete distribution violating the statement the witness refutes,
    or ``None`` when none is found among integer combinations of GF(2)-linear
    rays.

    Parameters
    ----------
    witness : PolymatroidWitness
        From the prover; supplies the variables and the parameter values.
    hypotheses : sequence of HypothesisForm
    target : LinearForm
        The conclusion's normal form: the statement claims ``target >= 0``
        (or ``target == 0`` when ``sense == "=="``).
    sense : str
        The conclusion's relation: ``"<="`` or ``">="`` (both mean the claim
        ``target >= 0``, as in :func:`~natlat_sym.shannon.certificate.check_witness`)
        or ``"=="``.
    seed : int
        Unused by the current deterministic MILP; kept for a stable API.

    Returns
    -------
    Distribution or None
        Exact (masses ``2^-K``), variables named as in the witness; alphabet
        of a variable = the ``2^d`` values of its ``d`` bits.  It satisfies
        every hypothesis and violates the conclusion, verified exactly.
    """
    from scipy.optimize import Bounds, LinearConstraint, milp

    from .distribution import Distribution

    del seed
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
        hyps = [HypothesisForm(h.name, h.form.substitute(params), h.sense) for h in hypotheses]
    except (TypeError, ValueError) as e:
        raise CertificateError(f"bad parameter value in witness: {e}") from None
    for f in [target] + [h.form for h in hyps]:
        if f.parameter_names():
            raise CertificateError(f"witness gives no value to parameter(s) {sorted(f.parameter_names())}")
        if not f.variables() <= set(names):
            raise CertificateError(f"statement mentions variables {sorted(f.variables() - set(names))} not in the witness")
    subsets = list(range(1, 1 << n))
    ks = (1, 2, 3) if n <= 3 else ((1, 2, 3) if n == 4 else (1, 2))
    for k in ks:
        rays = linear_rays(n, k)
        R = np.array([r for r, _ in rays], dtype=float).T  # subsets x rays
        bits = np.array([max(r) for r, _ in rays], dtype=float)
        rows, lo, hi = [], [], []
        for h in hyps:
            row = _form_row(h.form, names, subsets) @ R
            c = float(h.form.constant)
            rows.append(row)
            lo.append(-c if h.sense == ">=" else -c)
            hi.append(np.inf if h.sense == ">=" else -c)
        t_row = _form_row(target, names, subsets) @ R
        tc = float(target.constant)
        den = 1
        for c in list(target.entropies.values()) + [target.constant]:
            den = den * c.denominator // np.gcd(den, c.denominator)
        # Scale the target row to integer coefficients so that "violated by at
        # least one unit" is a threshold of 1/2, not 1/(2*den): with den = 10^8
        # (a constant perturbed by 1e-8) the unscaled threshold was below the
        # MILP's feasibility tolerance and the empty combination passed as
        # "violating".
        t_row = t_row * den
        tc = tc * den
        attempts = [(-np.inf, -tc - 0.5)] if sense == ">=" else [(-np.inf, -tc - 0.5), (-tc + 0.5, np.inf)]
        for t_lo, t_hi in attempts:
            A = np.vstack(rows + [t_row]) if rows else t_row[None, :]
            cons = LinearConstraint(A, np.array(lo + [t_lo]), np.array(hi + [t_hi]))
            res = milp(bits, constraints=cons, integrality=np.ones(len(rays)),
                       bounds=Bounds(0, 6), options={"time_limit": 10.0})
            if res.x is None:
                continue
            mult = np.rint(res.x).astype(int)
            parts = []
            for m, (_, assign) in zip(mult, rays):
                parts += [_linear_distribution(assign, k)] * int(m)
            if not parts:
                continue
            cells = 1
            for p, _ in parts:
                cells *= p.size
            if cells > _MAX_CELLS * 4 or int(np.prod([np.prod(p.shape) for p, _ in parts])) > 1 << 40:
                continue
            counts, den_total = _product(parts)
            if counts.size > _MAX_CELLS:
                continue
            pmf = np.empty(counts.shape, dtype=object)
            for idx, c in np.ndenumerate(counts):
                pmf[idx] = Fraction(int(c), den_total)
            if _violates(pmf, names, hyps, target, sense):
                return Distribution.from_array(pmf, names, exact=True)
    return None


def _violates(pmf, names, hyps, target, sense) -> bool:
    for h in hyps:
        c = log_combination(pmf, names, h.form)
        if (h.sense == "==" and not c.is_zero()) or (h.sense == ">=" and c.sign() < 0):
            return False
    c = log_combination(pmf, names, target)
    return c.sign() < 0 if sense == ">=" else not c.is_zero()
