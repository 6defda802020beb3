r"""Fast float scores for the open-problem searches (batched numpy).

Searches only *rank* candidates; nothing here decides a bound — the
independent checker :mod:`natlat_sym.openproblems.bound_checker` does, in
exact and ball arithmetic.  Two inner loops:

``T`` exactly over partitions
    Every score of a partition ``Z`` of the support is a signed sum of joint
    entropies ``H(Z, X_A)``, and each of those is a sum of ``g(B ∩ G)`` over
    blocks ``B`` and key groups ``G`` (cells with equal ``X_A``), with
    ``g(S) = −m(S)·log2 m(S)`` for the mass ``m(S)`` of a set of cells.  So we
    tabulate ``g`` once for all ``2^c`` subsets (bitmasks) and score all
    Bell(c) partitions by table look-ups.
``τ`` from above by mirror descent
    For a channel ``q(v|x)`` the score is a signed sum of ``H(V, X_A)`` whose
    coefficients sum to zero per term, so its gradient in the joint is
    ``G(x,v) = −Σ_A coef_A·log2 P(x_A, v)``; exponentiated-gradient steps
    ``q ← q·exp(−η·G)`` (row-normalised) run for many random starts at once.
    This is the concave-envelope formula of spec T16 written in channel
    coordinates (``τ = Ψ(P) − Φ̂(P)``: a channel *is* a mixture
    ``P = Σ_v λ_v q_v``), so every point visited is an explicit latent and
    its score an upper bound on ``τ``.

Examples
--------
>>> import numpy as np
>>> sup = Support.from_array(np.array([[0.45, 0.05], [0.05, 0.45]]))
>>> round(deterministic_score(sup, get_problem("o1"))[0], 4)   # h(0.1)
0.469
>>> tau, channel = stochastic_upper(sup, get_problem("o1"), np.random.default_rng(0))
>>> 0.25 < tau < 0.2700 and channel.shape[0] == 4
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..errors import BudgetExceeded
from .problems import Problem, get_problem

__all__ = ["Support", "deterministic_score", "stochastic_upper", "stochastic_score", "o2_terms", "o2_ratio",
           "MAX_EXHAUSTIVE_CELLS", "o2_ascent"]

#: Largest support whose partitions the search enumerates (Bell(10) = 115975).
MAX_EXHAUSTIVE_CELLS = 10


@dataclass(frozen=True)
class Support:
    """The support of a distribution of ``n`` observables: ``cells`` (c × n
    integer coordinates), ``mass`` (c floats summing to 1), ``shape``."""

    cells: np.ndarray
    mass: np.ndarray
    shape: tuple

    @classmethod
    def from_array(cls, pmf) -> "Support":
        pmf = np.asarray(pmf, dtype=float)
        cells = np.argwhere(pmf > 0)
        mass = pmf[tuple(cells.T)]
        return cls(cells, mass / mass.sum(), pmf.shape)

    @property
    def size(self) -> int:
        return len(self.mass)

    def keys(self, axes) -> tuple[np.ndarray, int]:
        """Group id of each cell by its coordinates on ``axes`` and the number of groups."""
        axes = list(axes)
        if not axes:
            return np.zeros(self.size, dtype=np.int64), 1
        _, inv = np.unique(self.cells[:, axes], axis=0, return_inverse=True)
        inv = inv.ravel().astype(np.int64)
        return inv, int(inv.max()) + 1

    def entropy(self, axes) -> float:
        key, g = self.keys(axes)
        m = np.bincount(key, weights=self.mass, minlength=g)
        m = m[m > 0]
        return float(-(m * np.log2(m)).sum())


# ----------------------------------------------------------------------------- T by enumeration
@lru_cache(maxsize=16)
def _block_masks(c: int) -> np.ndarray:
    """Bitmask of every block of every partition of ``c`` cells (Bell(c) × c, 0 = empty)."""
    rgs = np.zeros((1, 1), dtype=np.int8)
    for _ in range(1, c):
        mx = rgs.max(axis=1)
        parts = [np.hstack([rgs[v <= mx + 1], np.full((int((v <= mx + 1).sum()), 1), v, dtype=np.int8)])
                 for v in range(int(mx.max()) + 2)]
        rgs = np.vstack(parts)
    weights = (np.int64(1) << np.arange(c, dtype=np.int64))
    masks = np.zeros((len(rgs), c), dtype=np.int64)
    for b in range(c):
        masks[:, b] = ((rgs == b) * weights).sum(axis=1)
    masks.setflags(write=False)
    return masks


def _g_table(mass: np.ndarray) -> np.ndarray:
    c = len(mass)
    bits = (np.arange(1 << c)[:, None] >> np.arange(c)) & 1
    sums = bits @ mass
    with np.errstate(divide="ignore", invalid="ignore"):
        g = np.where(sums > 0, -sums * np.log2(np.where(sums > 0, sums, 1.0)), 0.0)
    return g


def _group_masks(sup: Support, axes) -> np.ndarray:
    key, ng = sup.keys(axes)
    out = np.zeros(ng, dtype=np.int64)
    for i, k in enumerate(key):
        out[k] |= np.int64(1) << i
    return out


def _h_with_partition(masks: np.ndarray, g: np.ndarray, groups: np.ndarray) -> np.ndarray:
    total = np.zeros(len(masks))
    for gm in groups:
        total += g[masks & gm].sum(axis=1)
    return total


def deterministic_score(sup: Support, problem) -> tuple[float, np.ndarray]:
    """``T(P)`` (float) and the labels of a minimising partition.

    Raises
    ------
    BudgetExceeded
        When the support has more than :data:`MAX_EXHAUSTIVE_CELLS` cells.
    """
    problem = get_problem(problem)
    c = sup.size
    if c > MAX_EXHAUSTIVE_CELLS:
        raise BudgetExceeded(f"support of {c} cells: T by enumeration allows at most {MAX_EXHAUSTIVE_CELLS}")
    masks = _block_masks(c)
    g = _g_table(sup.mass)
    n = problem.n
    hz = g[masks].sum(axis=1)
    score = -(n - 1) * hz - sup.entropy(range(n))
    for i in range(n):
        score += _h_with_partition(masks, g, _group_masks(sup, [i]))
    reds = []
    for d in problem.deletion_sets:
        rest = [j for j in range(n) if j not in d]
        reds.append(_h_with_partition(masks, g, _group_masks(sup, rest)) - sup.entropy(rest))
    reds = np.array(reds)
    score = score + (reds.sum(axis=0) if problem.aggregate == "sum" else reds.max(axis=0))
    best = int(np.argmin(score))
    row = masks[best]
    labels = np.zeros(c, dtype=np.int64)
    for b, mk in enumerate(row):
        for i in range(c):
            if (int(mk) >> i) & 1:
                labels[i] = b
    return float(max(score[best], 0.0)), labels


# ----------------------------------------------------------------------------- τ by mirror descent
def _score_plan(sup: Support, problem: Problem):
    """Key one-hot matrices and coefficients: TC part, per-D redundancy parts, constants."""
    n = problem.n
    onehots = {}

    def key(axes):
        axes = tuple(sorted(axes))
        if axes not in onehots:
            k, ng = sup.keys(axes)
            onehots[axes] = (k, np.eye(ng)[k])
        return axes

    full = key(range(n))
    tc = {key([i]): 1.0 for i in range(n)}
    tc[key([])] = tc.get(key([]), 0.0) - (n - 1)
    tc[full] = tc.get(full, 0.0) - 1.0
    reds, consts = [], []
    hx = sup.entropy(range(n))
    for d in problem.deletion_sets:
        rest = [j for j in range(n) if j not in d]
        r = {key(rest): 1.0}
        r[full] = r.get(full, 0.0) - 1.0
        reds.append(r)
        consts.append(hx - sup.entropy(rest))
    return onehots, tc, reds, np.array(consts)


def _terms(joint, onehots, coefs):
    """Value (B,) and gradient (B, c, k) of Σ coef·H(V, X_A) for the joint (B, c, k)."""
    val = np.zeros(joint.shape[0])
    grad = np.zeros_like(joint)
    for axes, coef in coefs.items():
        if coef == 0:
            continue
        k, oh = onehots[axes]
        ja = np.einsum("bck,cg->bgk", joint, oh)
        lg = np.log2(np.maximum(ja, 1e-300))
        val -= coef * (ja * lg).sum(axis=(1, 2))
        grad -= coef * lg[:, k, :]
    return val, grad


def stochastic_score(sup: Support, problem, channel: np.ndarray) -> np.ndarray:
    """Score of channels ``q(v|x)`` (shape (c, k) or (B, c, k)): ``TC(X|V) +
    agg_D I(V;X_D|X_{−D})`` (float, bits)."""
    problem = get_problem(problem)
    q = np.asarray(channel, dtype=float)
    single = q.ndim == 2
    q = q[None] if single else q
    plan = _score_plan(sup, problem)
    val = _evaluate(sup, problem, q, plan, temperature=None)[0]
    return val[0] if single else val


def _evaluate(sup, problem, q, plan, temperature):
    onehots, tc, reds, consts = plan
    joint = sup.mass[None, :, None] * q
    val, grad = _terms(joint, onehots, tc)
    rv, rg = [], []
    for r, c0 in zip(reds, consts):
        v, g = _terms(joint, onehots, r)
        rv.append(v + c0)
        rg.append(g)
    rv = np.array(rv)  # (D, B)
    if problem.aggregate == "sum":
        val = val + rv.sum(axis=0)
        grad = grad + sum(rg)
    else:
        val = val + rv.max(axis=0)
        t = temperature or 1e-3
        w = np.exp((rv - rv.max(axis=0)) / t)
        w /= w.sum(axis=0)
        grad = grad + sum(w[i][:, None, None] * rg[i] for i in range(len(rg)))
    return val, grad


def stochastic_upper(sup: Support, problem, rng, *, starts: int = 16, iterations: int = 250,
                     values: int | None = None, init: np.ndarray | None = None, step: float = 0.2):
    """An upper bound on ``τ(P)`` (float) and the channel attaining it.

    ``starts`` random channels (Dirichlet rows, ``values`` latent values,
    default ``c``) plus ``init`` (optional channels, e.g. a softened best
    partition) run ``iterations`` exponentiated-gradient steps together.
    The constant latent (score ``TC(X)``) is always a candidate, so the bound
    never exceeds it.
    """
    problem = get_problem(problem)
    c = sup.size
    k = values or max(c, 2)
    plan = _score_plan(sup, problem)
    q = rng.dirichlet(np.full(k, 0.5), size=(starts, c))
    if init is not None:
        init = np.asarray(init, dtype=float).reshape(-1, c, k)
        q = np.concatenate([init, q])
    best_val, best_q = np.inf, None
    for it in range(iterations):
        temp = 0.05 * (0.02 ** (it / max(iterations - 1, 1)))
        val, grad = _evaluate(sup, problem, q, plan, temp)
        i = int(np.argmin(val))
        if val[i] < best_val:
            best_val, best_q = float(val[i]), q[i].copy()
        z = np.log(np.maximum(q, 1e-300)) - step * np.clip(grad, -200, 200)
        z -= z.max(axis=2, keepdims=True)
        q = np.exp(z)
        q /= q.sum(axis=2, keepdims=True)
    val, _ = _evaluate(sup, problem, q, plan, None)
    i = int(np.argmin(val))
    if val[i] < best_val:
        best_val, best_q = float(val[i]), q[i].copy()
    const = np.ones((1, c, 1))
    cval = float(_evaluate(sup, problem, const, plan, None)[0][0])
    if cval <= best_val:
        best_val, best_q = cval, np.ones((c, 1))
    return max(best_val, 0.0), best_q


def hard_channel(labels: np.ndarray, k: int, softness: float = 0.0) -> np.ndarray:
    """The channel of a partition (``labels``), optionally mixed with uniform noise."""
    c = len(labels)
    q = np.zeros((c, k))
    q[np.arange(c), labels % k] = 1.0
    return (1 - softness) * q + softness / k


# ----------------------------------------------------------------------------- O2


def _entropies(joint: np.ndarray) -> dict:
    """H of every nonempty subset of axes of a (B, *shape) batch."""
    nd = joint.ndim - 1
    out = {}
    for mask in range(1, 1 << nd):
        axes = tuple(i for i in range(nd) if (mask >> i) & 1)
        drop = tuple(1 + i for i in range(nd) if i not in axes)
        m = joint.sum(axis=drop) if drop else joint
        m = m.reshape(m.shape[0], -1)
        out[axes] = -(m * np.log2(np.maximum(m, 1e-300))).sum(axis=1)
    return out


def _cmi(h, a, b, c=()):
    def H(s):
        s = tuple(sorted(set(s)))
        return h[s] if s else 0.0
    return H(a + c) + H(b + c) - H(a + b + c) - H(c)


def o2_terms(joint) -> dict:
    """``I(G;X|L)``, ``eps1``, ``eps2``, ``eps2p``, ``eps3`` (float, bits) of
    joints with axes ``(X1, X2, L, G)``; batched over a leading axis when 5-d."""
    j = np.asarray(joint, dtype=float)
    single = j.ndim == 4
    j = j[None] if single else j
    h = _entropies(j)
    t = {"I(G;X|L)": _cmi(h, (3,), (0, 1), (2,)), "eps1": _cmi(h, (0,), (1,), (2,)),
         "eps2": _cmi(h, (3,), (0,), (1,)), "eps2p": _cmi(h, (3,), (1,), (0,)),
         "eps3": _cmi(h, (2,), (3,), (0, 1))}
    return {k: float(v[0]) for k, v in t.items()} if single else t


# I(G;X|L) − I(X1;X2|L) − I(G;X1|X2) − I(G;X2|X1) as Σ coef·H(axes); axes X1=0, X2=1, L=2, G=3
_O2_NUM = {(2, 3): 1, (0, 1, 2): 2, (0, 1, 2, 3): -1, (0, 2): -1, (1, 2): -1, (1, 3): -1, (0, 3): -1,
           (0, 1): -2, (0, 1, 3): 2, (1,): 1, (0,): 1}
_O2_DEN = {(0, 1, 2): 1, (0, 1, 3): 1, (0, 1, 2, 3): -1, (0, 1): -1}  # I(L;G|X1,X2)


def _o2_combo(joint, coefs):
    """Value (B,) and gradient of Σ coef·H(X_A) for joints (B, *shape)."""
    nd = joint.ndim - 1
    val = np.zeros(joint.shape[0])
    grad = np.zeros_like(joint)
    for axes, c in coefs.items():
        drop = tuple(1 + i for i in range(nd) if i not in axes)
        m = joint.sum(axis=drop, keepdims=True)
        lg = np.log2(np.maximum(m, 1e-300))
        val -= c * (m * lg).reshape(len(m), -1).sum(axis=1)
        grad -= c * lg
    return val, grad


def o2_ascent(joint, rng, *, steps: int = 300, step: float = 0.1, floor: float = 1e-3):
    """Mirror ascent of the O2 ratio over a batch of joints (B, *shape);
    returns the best ratio and joint seen."""
    j = np.asarray(joint, dtype=float)
    best_val, best = -np.inf, None
    for _ in range(steps):
        num, gn = _o2_combo(j, _O2_NUM)
        den, gd = _o2_combo(j, _O2_DEN)
        ok = den >= floor
        r = np.where(ok, num / np.where(ok, den, 1.0), -np.inf)
        i = int(np.argmax(r))
        if r[i] > best_val:
            best_val, best = float(r[i]), j[i].copy()
        g = (gn - r[:, None, None, None, None] * gd) / np.maximum(den, floor)[:, None, None, None, None]
        g = np.where(ok[:, None, None, None, None], g, gd)       # too small ε3: grow it first
        z = np.log(np.maximum(j, 1e-300)) + step * np.clip(g, -50, 50)
        z -= z.max(axis=tuple(range(1, j.ndim)), keepdims=True)
        j = np.exp(z)
        j /= j.sum(axis=tuple(range(1, j.ndim)), keepdims=True)
    return best_val, best


def o2_ratio(joint, floor: float = 1e-4):
    """``(I(G;X|L) − ε1 − ε2 − ε2')/ε3`` (−inf where ``ε3 < floor``)."""
    t = o2_terms(joint)
    num = np.asarray(t["I(G;X|L)"]) - t["eps1"] - t["eps2"] - t["eps2p"]
    den = np.asarray(t["eps3"])
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(den >= floor, num / np.where(den > 0, den, 1.0), -np.inf)
