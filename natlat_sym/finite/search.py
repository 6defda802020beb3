"""Counterexample search over finite distributions.

Concept
-------
A statement that is not Shannon-provable may still hold for every real
distribution, or it may be false.  :func:`find_counterexample` looks for a
*distribution* violating it: a seeded, reproducible multi-start local
optimisation (scipy L-BFGS-B) of the conclusion's slack over joint
distributions of all the statement's variables with the given alphabet
sizes.  Floats only *search*; the best point of each start is rationalised
(exact Fractions on small denominators) and re-verified exactly.  A
counterexample is reported only when

* every hypothesis holds exactly (equalities exactly zero — decided exactly,
  see :mod:`natlat_sym.finite._exact_logs` — inequalities certified ``>= 0``),
* the conclusion's slack is certified strictly negative (``>=`` conclusion)
  or certified nonzero (``==`` conclusion).

Structure by construction
-------------------------
Exact hypotheses ``I(A;B|C) = 0`` and ``H(A|B) = 0`` would not survive
rounding if they were only penalised.  The search therefore parametrises the
joint distribution as a *Bayesian network*: it picks a variable order and
parent sets under which every such independence holds by d-separation
(e.g. ``I(L;M|X1,X2) = 0`` becomes ``P[X1,X2] P[L|X1,X2] P[M|X1,X2]``), and
makes a functionally determined variable a deterministic child of what
determines it (hardened to a function when rounding).  Each conditional is
a softmax of free logits, and products of exact rational conditionals keep
the independences exact.  Hypotheses that are not structural are penalised
during the search and checked exactly afterwards.

Public functions
----------------
find_counterexample
    The search; returns a :class:`SearchResult`.

Examples
--------
The third diagram cannot be dropped from spec T3 (xor example):

>>> r = find_counterexample(
...     "I(G;X1,X2|L) <= I(X1;X2|L) + I(G;X1|X2) + I(G;X2|X1)", seed=0, starts=20)
>>> r.found, r.margin[1] < 0
(True, True)
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

import networkx as nx
import numpy as np
from scipy.optimize import minimize

from ..errors import BudgetExceeded, StatementError
from ..limits import check_time, time_budget, time_left
from ..shannon.certificate import HypothesisForm
from ..shannon.linear import LinearForm
from ..verdicts import Truth
from ._exact_logs import exact_violation
from ._structure import Determination, Independence, StatementParts, recognize, statement_parts
from .distribution import Distribution
from .evaluate import check_on

__all__ = ["SearchResult", "find_counterexample", "network_for"]

_DENOMINATORS = (2, 4, 8, 16, 32, 64, 256, 1024, 4096, 65536)


@dataclass(frozen=True)
class SearchResult:
    """Outcome of :func:`find_counterexample`.

    Attributes
    ----------
    found : bool
        True only when an exact distribution violating the statement was
        verified (never from floats alone).
    distribution : Distribution or None
        The exact counterexample (Fractions), when found.
    margin : tuple of Fraction or None
        Certified enclosure ``(lo, hi)`` of the conclusion's slack (right
        side minus left side) on the counterexample; ``hi < 0`` for an
        inequality.
    seconds : float
    evaluations : int
        Objective evaluations spent.
    starts : int
        Optimisation starts completed.
    seed : int
    statement : str
    structure : tuple of str
        The hypotheses built in by construction (textbook form).
    """

    found: bool
    distribution: object
    margin: tuple | None
    seconds: float
    evaluations: int
    starts: int = 0
    seed: int = 0
    statement: str = ""
    structure: tuple = ()
    best_float: float = math.nan

    @property
    def truth(self) -> Truth:
        """``violated`` when a verified counterexample was found, else
        ``undecided``: a search that finds nothing proves nothing."""
        return Truth.VIOLATED if self.found else Truth.UNDECIDED

    def to_json(self) -> dict:
        return {
            "found": self.found,
            "truth": self.truth.value,
            "statement": self.statement,
            "distribution": self.distribution.to_json() if self.distribution is not None else None,
            "margin": [str(self.margin[0]), str(self.margin[1])] if self.margin else None,
            "margin_float": [float(self.margin[0]), float(self.margin[1])] if self.margin else None,
            "seconds": self.seconds,
            "evaluations": self.evaluations,
            "starts": self.starts,
            "seed": self.seed,
            "structure": list(self.structure),
            "best_float": None if math.isnan(self.best_float) else self.best_float,
        }


# ----------------------------------------------------------------------------- network

@dataclass(frozen=True)
class _Network:
    order: tuple[str, ...]                 # topological order
    parents: Mapping[str, tuple[str, ...]]  # parent names in `names` order
    deterministic: frozenset               # nodes that must be functions of their parents
    structural: tuple                       # Independence/Determination built in

    def edges(self) -> int:
        return sum(len(p) for p in self.parents.values())


def _d_separated(parents, a, b, c) -> bool:
    g = nx.DiGraph()
    g.add_nodes_from(parents)
    for v, ps in parents.items():
        g.add_edges_from((p, v) for p in ps)
    return nx.is_d_separator(g, set(a), set(b), set(c))


def network_for(names: Sequence[str], conditions: Sequence) -> _Network:
    """A Bayesian-network shape over ``names`` in which every given
    :class:`Independence` holds by d-separation and every
    :class:`Determination` by a deterministic node; among all variable
    orders the one with most edges (the most general family) wins.
    Conditions that cannot be built in are left out of ``structural``."""
    names = tuple(names)
    indeps = [c for c in conditions if isinstance(c, Independence)]
    dets = [c for c in conditions if isinstance(c, Determination)]
    best = None
    # one determination per variable can be structural
    det_for: dict[str, frozenset] = {}
    for d in dets:
        if len(d.target) == 1 and next(iter(d.target)) not in det_for and d.given:
            det_for[next(iter(d.target))] = d.given
    for active_count in range(len(indeps), -1, -1):
        for active in itertools.combinations(indeps, active_count):
            for count, perm in enumerate(itertools.permutations(names)):
                if count % 1024 == 1023:
                    check_time("the choice of a Bayesian-network shape")  # n! orders: 12 variables is 479 million
                pos = {v: i for i, v in enumerate(perm)}
                parents = {v: set(perm[:pos[v]]) for v in perm}
                ok = True
                for v, given in det_for.items():
                    if not all(pos[g] < pos[v] for g in given):
                        ok = False
                        break
                    parents[v] = set(given)
                if not ok:
                    continue
                for ci in active:
                    for u in ci.left:
                        for w in ci.right:
                            parents[w].discard(u)
                            parents[u].discard(w)
                if all(_d_separated(parents, ci.left, ci.right, ci.given) for ci in active):
                    cand = _Network(perm, {v: tuple(p for p in names if p in parents[v]) for v in names},
                                    frozenset(det_for), tuple(active) + tuple(
                                        Determination(frozenset({v}), g) for v, g in det_for.items()))
                    if best is None or cand.edges() > best.edges():
                        best = cand
            if best is not None:
                return best
    raise AssertionError("unreachable: the empty set of independences always has a network")  # pragma: no cover


# ----------------------------------------------------------------------------- parametrisation

class _Model:
    """Maps a flat logit vector to a joint pmf (float) or exact channels."""

    def __init__(self, names, sizes, net: _Network):
        self.names, self.sizes, self.net = tuple(names), tuple(sizes), net
        self.axis = {n: i for i, n in enumerate(names)}
        self.blocks = []  # (node, parents, shape, offset)
        off = 0
        for v in net.order:
            pa = net.parents[v]
            shape = tuple(self.sizes[self.axis[p]] for p in pa) + (self.sizes[self.axis[v]],)
            self.blocks.append((v, pa, shape, off))
            off += int(np.prod(shape))
        self.dim = off

    def _place(self, arr, v, pa):
        """Broadcast a channel array (axes pa..., v) into the joint's axes."""
        axes = [self.axis[p] for p in pa] + [self.axis[v]]
        order = np.argsort(axes)
        arr = np.transpose(arr, order)
        shape = [1] * len(self.names)
        for ax in axes:
            shape[ax] = self.sizes[ax]
        return arr.reshape(shape)

    def channels(self, x):
        out = []
        for v, pa, shape, off in self.blocks:
            logits = x[off:off + int(np.prod(shape))].reshape(shape)
            z = logits - logits.max(axis=-1, keepdims=True)
            e = np.exp(z)
            out.append(e / e.sum(axis=-1, keepdims=True))
        return out

    def joint(self, chans, *, exact=False):
        joint = np.ones(self.sizes, dtype=object if exact else float)
        if exact:
            joint[...] = Fraction(1)
        for (v, pa, shape, _), ch in zip(self.blocks, chans):
            joint = joint * self._place(ch, v, pa)
        return joint


def _rationalize_row(row: np.ndarray, den: int, hard: bool) -> list[Fraction]:
    if hard:
        out = [Fraction(0)] * len(row)
        out[int(np.argmax(row))] = Fraction(1)
        return out
    fr = [Fraction(round(float(p) * den), den) for p in row]
    k = int(np.argmax(row))
    rest = sum(fr[:k] + fr[k + 1:], Fraction(0))
    if rest > 1:
        return None
    fr[k] = 1 - rest
    return fr


def _rationalize(model: _Model, chans, den: int):
    out = []
    for (v, pa, shape, _), ch in zip(model.blocks, chans):
        hard = v in model.net.deterministic
        flat = ch.reshape(-1, shape[-1])
        rows = []
        for row in flat:
            r = _rationalize_row(row, den, hard)
            if r is None:
                return None
            rows.append(r)
        out.append(np.array(rows, dtype=object).reshape(shape))
    return out


# ----------------------------------------------------------------------------- objective

def _entropy_terms(form: LinearForm, names):
    axis = {n: i for i, n in enumerate(names)}
    return [(tuple(i for i in range(len(names)) if names[i] not in s), float(c)) for s, c in form.entropies.items()], float(form.constant)


def _value(pmf, terms):
    lin, const = terms
    total = const
    for drop, c in lin:
        m = pmf.sum(axis=drop) if drop else pmf
        m = m[m > 1e-300]
        total += c * float(-(m * np.log2(m)).sum())
    return total


def _confirm_independently(parts: StatementParts, names, joint) -> bool:
    """Second, independent check of a found counterexample with the certified
    evaluator of :mod:`natlat_sym.finite.evaluate` (separate code from
    :func:`_verify`): every hypothesis holds and the conclusion is violated."""
    dist = Distribution.from_array(joint, names, exact=True)
    conclusion = HypothesisForm("conclusion", parts.target, parts.sense)
    verdict = check_on((conclusion, list(parts.hypotheses)), dist)
    return verdict.verdict == Truth.VIOLATED and not verdict.vacuous


def _verify(parts: StatementParts, names, joint):
    """Exact verdict on a rational joint: (violates, margin enclosure)."""
    c = exact_violation(joint, names, parts.hypotheses, parts.target, parts.sense)
    return (False, None) if c is None else (True, c.enclosure(prec=96))


def _parse_alphabets(alphabets, names) -> tuple[int, ...]:
    if alphabets is None:
        return (2,) * len(names)
    if isinstance(alphabets, Mapping):
        missing = [n for n in names if n not in alphabets]
        if missing:
            raise StatementError(f"no alphabet size given for variable(s) {', '.join(missing)}")
        sizes = tuple(alphabets[n] for n in names)
    else:
        sizes = tuple(alphabets)
        if len(sizes) == 1:
            sizes = sizes * len(names)
        if len(sizes) != len(names):
            raise StatementError(
                f"{len(sizes)} alphabet sizes given for {len(names)} variables ({', '.join(names)})")
    for n, k in zip(names, sizes):
        if not isinstance(k, (int, np.integer)) or isinstance(k, bool) or k < 1:
            raise StatementError(f"alphabet size of {n} must be a positive integer, got {k!r}")
    return tuple(int(k) for k in sizes)


def find_counterexample(statement, *, alphabets=None, seed: int = 0, starts: int = 32,
                        budget_seconds: float = 30.0, parameters: Mapping | None = None,
                        progress: Callable[[int, int], None] | None = None,
                        penalty: float = 20.0) -> SearchResult:
    """Search for a finite distribution violating ``statement``.

    Parameters
    ----------
    statement : Statement, str or (hypotheses, target, sense)
        A :class:`~natlat_sym.shannon.statement.Statement`, statement text
        (parsed with ``parse_statement``) or a tuple of HypothesisForms, the
        conclusion's normal form and its sense.
    alphabets : sequence of int or mapping name -> int, optional
        Alphabet sizes in the order of the statement's variables (natural
        order: ``L, M, X1, X2``); one number applies to all; default 2.
    seed : int
        Seeds every random start; the same seed and ``starts`` reproduce the
        same result exactly (unless ``budget_seconds`` cuts the run short).
    starts : int
        Number of random starts (the search stops at the first verified
        counterexample).
    budget_seconds : float
        Wall-clock cap, checked every 32 objective evaluations and before
        each exact verification; when reached the search stops and reports
        what it has (``found=False`` unless already verified).  The overshoot
        is at most 32 evaluations and one exact verification.  Inside a
        :func:`natlat_sym.limits.time_budget` the smaller of the two counts.
    parameters : mapping, optional
        Exact values of the statement's parameters (``{"c": "1/2"}``).
    progress : callable, optional
        Called as ``progress(starts_done, starts_total)`` after each start.
    penalty : float
        Weight of the penalties on hypotheses that are not built in.

    Returns
    -------
    SearchResult

    Raises
    ------
    StatementError
        Not a statement, a parameter without value, bad alphabet sizes.
    """
    t0 = time.perf_counter()
    if time_left() is not None:  # inside a caller's time budget: it bounds this search too
        budget_seconds = min(budget_seconds, time_left())
    parts = statement_parts(statement, parameters)
    names = parts.variables
    if not names:
        raise StatementError("the statement mentions no random variable")
    sizes = _parse_alphabets(alphabets, names)
    if int(np.prod(sizes)) > 4096:
        raise BudgetExceeded(f"joint alphabet has {int(np.prod(sizes))} cells; the search handles at most 4096")
    if not isinstance(starts, int) or starts < 1:
        raise StatementError(f"starts must be a positive integer, got {starts!r}")
    conditions = []
    for h in parts.hypotheses:
        if h.sense == "==":
            r = recognize(h.form)
            if r is not None:
                conditions.append(r)
    try:
        with time_budget(budget_seconds - (time.perf_counter() - t0)):
            net = network_for(names, conditions)
    except BudgetExceeded:  # no network shape chosen in time: nothing was searched
        return SearchResult(False, None, None, time.perf_counter() - t0, 0, 0, seed, parts.text, (), math.inf)
    model = _Model(names, sizes, net)
    built = {c.form() for c in net.structural}
    penalised = [h for h in parts.hypotheses if not (h.sense == "==" and any(
        _same_condition(h.form, b) for b in built))]
    target_terms = _entropy_terms(parts.target, names)
    pen_terms = [(h.sense, _entropy_terms(h.form, names)) for h in penalised]
    det_terms = [_entropy_terms(LinearForm.cond_entropy({v}, set(net.parents[v])), names)
                 for v in sorted(net.deterministic)]
    evaluations = 0
    best_float = math.inf

    def objective(x, sign):
        nonlocal evaluations
        evaluations += 1
        if evaluations % 32 == 0 and time.perf_counter() - t0 > budget_seconds:
            raise _OutOfBudget  # honour the budget inside a start, not only between starts
        pmf = model.joint(model.channels(x))
        val = sign * _value(pmf, target_terms)
        for sense, terms in pen_terms:
            g = _value(pmf, terms)
            val += penalty * (abs(g) if sense == "==" else max(0.0, -g))
        for terms in det_terms:
            val += penalty * max(0.0, _value(pmf, terms))
        return val

    rng = np.random.default_rng(seed)
    done = 0
    for k in range(starts):
        if time.perf_counter() - t0 > budget_seconds:
            break
        scale = (0.5, 2.0, 5.0)[k % 3]
        x0 = rng.normal(0.0, scale, model.dim)
        signs = (1.0,) if parts.sense == ">=" else ((1.0, -1.0)[k % 2],)
        for sign in signs:
            try:
                res = minimize(objective, x0, args=(sign,), method="L-BFGS-B",
                               options={"maxiter": 300, "maxfun": 20000})
            except _OutOfBudget:
                break
            chans = model.channels(res.x)
            fval = _value(model.joint(chans), target_terms)
            best_float = min(best_float, fval if parts.sense == ">=" else -abs(fval))
            if parts.sense == ">=" and fval >= 0:
                continue
            for den in _DENOMINATORS:
                if time.perf_counter() - t0 > budget_seconds:
                    break
                exact = _rationalize(model, chans, den)
                if exact is None:
                    continue
                joint = model.joint(exact, exact=True)
                ok, margin = _verify(parts, names, joint)
                if ok:
                    ok = _confirm_independently(parts, names, joint)
                if ok:
                    done = k + 1
                    if progress is not None:
                        progress(done, starts)
                    dist = Distribution.from_array(joint, names, exact=True)
                    return SearchResult(True, dist, margin, time.perf_counter() - t0, evaluations, done,
                                        seed, parts.text, tuple(str(c) for c in net.structural), best_float)
        done = k + 1
        if progress is not None:
            progress(done, starts)
    return SearchResult(False, None, None, time.perf_counter() - t0, evaluations, done, seed, parts.text,
                        tuple(str(c) for c in net.structural), best_float)


class _OutOfBudget(Exception):
    """Raised inside the objective when ``budget_seconds`` has passed."""


def _same_condition(form: LinearForm, built: LinearForm) -> bool:
    r = recognize(form)
    return r is not None and r.form() == built
