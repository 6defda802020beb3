"""Decide an exact statement on every distribution with given alphabet sizes.

Concept
-------
An *exact* statement has hypotheses and a conclusion that are conjunctions
of conditional independences ``I(A;B|C) = 0`` and functional dependences
``H(A|B) = 0``; for example contraction,
``I(X;Y|Z) = 0, I(X;Z) = 0 ⇒ I(X;Y,Z) = 0``.  On fixed alphabet sizes such a
statement is a sentence of real algebra, so it is *decidable*.
:func:`decide_exact` answers with the :class:`~natlat_sym.verdicts.Truth`
vocabulary:

``holds``
    either **for every alphabet**, because the Shannon prover proved the
    implication (``I(X;Y,Z) <= 0`` under the hypotheses) with a certificate
    re-checked in exact rational arithmetic; or **for these alphabet
    sizes**, because z3's nonlinear real arithmetic (nlsat) found no
    counterexample in any case of the support-pattern split.  The second
    kind is *not* re-checked by our exact checker: it rests on z3 (its
    version is recorded) and on the case split of
    :mod:`natlat_sym.finite._exact_compile`, and the result says so
    ("decided by z3 nlsat over N support cases").
``violated``
    a distribution with these alphabet sizes violates the statement; the
    distribution has exact rational probabilities and the violation is
    re-checked by the independent evaluator
    :func:`~natlat_sym.finite.evaluate.check_on` (every hypothesis exactly
    zero, the conclusion certainly nonzero).
``undecided``
    the time budget ran out, z3 gave up, or its model was irrational.

How the cases are made (:mod:`~natlat_sym.finite._exact_compile`):
functional dependences become enumerated functions, the support pattern of
a small marginal is fixed per case (enumerated up to the statement's
symmetries: relabelling values, swapping variables the statement treats
alike), independences become polynomial identities, and the negated
conclusion one polynomial ``> 0``.  Cases run in a process pool
(``workers``) under one time budget.

Statements may also mention a *common part*: ``common_parts={"K": ("X1",
"X2")}`` makes ``K`` the Gács–Körner label of ``(X1, X2)`` (the connected
component of the support of ``P[X1, X2]``), which is how "an exact
stochastic natural latent gives an exact deterministic one" (spec T14)
becomes an exact statement.

Examples
--------
>>> r = decide_exact("I(X;Y,Z) = 0", 3, given=["I(X;Y|Z) = 0", "I(X;Z) = 0"])
>>> r.truth, r.method
('holds', 'shannon')
>>> r = decide_exact("I(X;Y,Z) = 0", 2, given=["I(X;Y|Z) = 0", "I(X;Z|Y) = 0"])
>>> r.truth, r.method
('violated', 'z3-nlsat')
>>> r.distribution.names
('X', 'Y', 'Z')
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from .. import z3_backend
from ..errors import StatementError
from ..limits import time_left
from ..shannon.certificate import HypothesisForm
from ..shannon.parse import parse_relation, parse_statement
from ..shannon.prove import prove_forms
from ..shannon.statement import Relation, Statement
from ..verdicts import Truth
from ._exact_cases import ExactStatement, enumerate_cases, make_plan
from ._exact_compile import Compiled, compile_case
from ._structure import Determination, Independence, recognize
from .common_information import component_labels
from .distribution import Distribution
from .evaluate import check_on

__all__ = ["ExactDecision", "decide_exact", "exact_statement"]


@dataclass(frozen=True)
class ExactDecision:
    """The answer of :func:`decide_exact`.

    Attributes
    ----------
    truth : Truth
        ``holds`` / ``violated`` / ``undecided``.
    method : str
        ``"shannon"`` (a certificate: holds for every alphabet),
        ``"z3-nlsat"`` (the case split) or ``""`` (nothing concluded).
    statement : str
    sizes : dict of str to int
    seconds : float
    cases : int
        Support cases of the split (one per symmetry orbit).
    solved : int
        Cases decided so far (closed without z3 or answered by z3).
    z3_calls : int
        z3 problems solved.
    certificates : tuple
        The Shannon certificates (one per conclusion condition) when
        ``method == "shannon"``.
    distribution : Distribution or None
        The exact counterexample when ``truth == "violated"``.
    z3_version : str
    reason : str
        Why the answer is undecided, else "".
    """

    truth: Truth
    method: str
    statement: str
    sizes: Mapping
    seconds: float
    cases: int = 0
    solved: int = 0
    z3_calls: int = 0
    certificates: tuple = ()
    distribution: object = None
    z3_version: str = ""
    reason: str = ""
    pattern_vars: tuple = field(default=())

    def basis(self) -> str:
        """What the answer rests on, in one sentence."""
        if self.truth is Truth.HOLDS and self.method == "shannon":
            return ("proved from Shannon-type inequalities (exact certificate, re-checked): "
                    "holds for every alphabet size")
        if self.truth is Truth.HOLDS:
            return (f"decided by z3 nlsat over {self.cases} support cases (z3 {self.z3_version}); "
                    "not re-checked by the exact checker")
        if self.truth is Truth.VIOLATED:
            return "an exact rational distribution, re-checked by the independent evaluator"
        return self.reason or "undecided"

    def __str__(self) -> str:
        sizes = ", ".join(f"|{n}| = {k}" for n, k in self.sizes.items())
        return f"{self.truth}: {self.statement}  ({sizes}; {self.basis()}; {self.seconds:.2f} s)"

    def to_json(self) -> dict:
        return {
            "truth": str(self.truth),
            "method": self.method,
            "basis": self.basis(),
            "statement": self.statement,
            "sizes": dict(self.sizes),
            "seconds": round(self.seconds, 4),
            "cases": self.cases,
            "solved": self.solved,
            "z3_calls": self.z3_calls,
            "pattern_variables": list(self.pattern_vars),
            "z3_version": self.z3_version,
            "certificates": [c.to_json() for c in self.certificates],
            "distribution": self.distribution.to_json() if self.distribution is not None else None,
            "reason": self.reason,
        }


# ----------------------------------------------------------------------------- reading the statement

def _exact_condition(form, sense: str, where: str, text: str = ""):
    """The exact condition a relation ``form >= 0`` / ``form == 0`` says."""
    text = text or f"{form} {sense} 0"
    if sense == "==":
        r = recognize(form) or recognize(-form)
    else:  # form >= 0 is exact only as -(nonnegative measure) >= 0
        r = recognize(-form)
        if r is None and recognize(form) is not None:
            raise StatementError(f"{where}: {text} holds for every distribution; an exact statement needs "
                                 "'= 0' (or '<= 0')")
    if r is None:
        raise StatementError(f"{where}: {text} is not an exact independence I(A;B|C) = 0 or "
                             "dependence H(A|B) = 0")
    return r


def _condition(item, where: str):
    if isinstance(item, (Independence, Determination)):
        return item
    if isinstance(item, str):
        item = parse_relation(item)
    if isinstance(item, Relation):
        if item.parameters():
            raise StatementError(f"{where}: parameters ({', '.join(sorted(item.parameters()))}) are not exact")
        return _exact_condition(item.normal_form(), item.sense, where, item.text())
    if isinstance(item, HypothesisForm):
        return _exact_condition(item.form, item.sense, where)
    raise StatementError(f"{where}: not a condition: {item!r}")


def exact_statement(statement, *, given: Sequence = ()) -> tuple[list, list]:
    """Hypotheses and conclusion of an exact statement as conditions.

    ``statement`` is statement text (``"h1, h2 => I(X;Y) = 0"``), a
    :class:`~natlat_sym.shannon.statement.Statement`, or a pair
    ``(hypotheses, conclusion)`` of condition lists (each condition an
    Independence, Determination, relation text, Relation or HypothesisForm).

    >>> h, c = exact_statement("I(X;Y,Z) = 0", given=["I(X;Y|Z) = 0", "H(Z|Y) = 0"])
    >>> [str(x) for x in h], [str(x) for x in c]
    (['I(X;Y|Z) = 0', 'H(Z|Y) = 0'], ['I(X;Y,Z) = 0'])
    """
    if isinstance(statement, tuple) and len(statement) == 2:
        hyps, concl = statement
        if isinstance(concl, (str, Independence, Determination)) or hasattr(concl, "normal_form"):
            concl = [concl]
        hyps = list(hyps) + list(given)
        return ([_condition(h, f"hypothesis {k}") for k, h in enumerate(hyps, 1)],
                [_condition(c, f"conclusion {k}") for k, c in enumerate(concl, 1)])
    if isinstance(statement, str):
        statement = parse_statement(statement, given=list(given))
    elif given:
        extra = tuple(parse_relation(g) if isinstance(g, str) else g for g in given)
        statement = Statement(statement.conclusion, tuple(statement.hypotheses) + extra)
    if not hasattr(statement, "conclusion"):
        raise StatementError(f"not a statement: {statement!r}")
    hyps = [_condition(h, f"hypothesis {h.name or k}") for k, h in enumerate(statement.hypotheses, 1)]
    return hyps, [_condition(statement.conclusion, "the conclusion")]


# ----------------------------------------------------------------------------- the Shannon step

def _shannon_certificates(st: ExactStatement, timeout: float):
    """Certificates of ``C <= 0`` for every conclusion condition ``C`` under
    the hypotheses (and ``H(K|A) = H(K|B) = 0`` for common parts), or None."""
    hyps = [HypothesisForm(f"h{k}", c.form(), "==") for k, c in enumerate(st.hypotheses, 1)]
    for k, (a, b) in st.common.items():
        for side in (a, b):
            hyps.append(HypothesisForm(f"{k}_of_{'_'.join(sorted(side))}",
                                       Determination(frozenset({k}), side).form(), "=="))
    t0 = time.perf_counter()
    certs = []
    hyp_text = ", ".join(str(c) for c in st.hypotheses)
    for c in st.conclusion:
        left = timeout - (time.perf_counter() - t0)
        if left <= 0:
            return None
        text = (hyp_text + " => " if hyp_text else "") + str(c).replace(" = 0", " <= 0")
        r = prove_forms(-c.form(), "<=", hyps, statement_text=text, timeout=left, realize=False)
        if r.verdict != "proved":
            return None
        certs.append(r.certificate)
    return tuple(certs)


# ----------------------------------------------------------------------------- checking a counterexample

def _distribution_from_model(plan, compiled: Compiled, model: Mapping):
    """The exact distribution of a z3 model, common parts recomputed from its
    own support (independently of the case that produced it)."""
    st = plan.statement
    basic = tuple(n for n in st.names if n not in st.common)
    idx = [st.names.index(n) for n in basic]
    arr = np.empty(tuple(st.sizes[n] for n in basic), dtype=object)
    arr[...] = Fraction(0)
    for cell, value in zip(compiled.cells, compiled.cell_values(model)):
        key = tuple(cell[j] for j in idx)
        arr[key] = arr[key] + value
    return _attach_common_parts(st, Distribution.from_array(arr, basic, exact=True))


def _attach_common_parts(st: ExactStatement, dist):
    """``dist`` (over the variables that are not common parts) with every
    common part added as its Gács–Körner label, computed from the support."""
    basic = tuple(dist.names)
    for k, (a, b) in st.common.items():
        ga = [n for n in basic if n in a]
        gb = [n for n in basic if n in b]
        marg = dist.marginal(ga + gb)
        pmf = np.asarray(marg.pmf)
        sa = int(np.prod([st.sizes[n] for n in ga]))
        sb = int(np.prod([st.sizes[n] for n in gb]))
        order = [list(marg.names).index(n) for n in ga + gb]
        flat = np.transpose(pmf, order).reshape(sa, sb)
        labels = component_labels(flat)
        ia = [basic.index(n) for n in ga]
        ib = [basic.index(n) for n in gb]

        def label(*vals, labels=labels, ia=ia, ib=ib, ga=ga, gb=gb):
            ra = int(np.ravel_multi_index(tuple(vals[i] for i in ia), [st.sizes[n] for n in ga]))
            rb = int(np.ravel_multi_index(tuple(vals[i] for i in ib), [st.sizes[n] for n in gb]))
            return max(int(labels[ra, rb]), 0)

        dist = dist.with_latent(k, function=label, given=list(basic), latent=False)
    return dist


def _embedded(st: ExactStatement, small):
    """A counterexample on smaller alphabets as one on ``st``'s sizes: the
    extra values get probability 0, so every entropy is unchanged."""
    basic = tuple(n for n in st.names if n not in st.common)
    inner = small.marginal(list(basic))  # drops the common parts, orders the axes
    arr = np.empty(tuple(st.sizes[n] for n in basic), dtype=object)
    arr[...] = Fraction(0)
    src = np.asarray(inner.pmf)
    arr[tuple(slice(0, k) for k in src.shape)] = src
    return _attach_common_parts(st, Distribution.from_array(arr, basic, exact=True))


def is_counterexample(st: ExactStatement, dist) -> bool:
    """Independent exact re-check: every hypothesis holds on ``dist`` and
    some conclusion condition fails (certified evaluator, no z3)."""
    hyps = [HypothesisForm(f"h{k}", c.form(), "==") for k, c in enumerate(st.hypotheses, 1)]
    try:
        for c in st.conclusion:
            v = check_on((HypothesisForm("conclusion", c.form(), "=="), hyps), dist)
            if v.verdict == "violated" and not v.vacuous:
                return True
    except Exception:  # noqa: BLE001 - a model that cannot be evaluated is no counterexample
        return False
    return False


# ----------------------------------------------------------------------------- running the cases

def _solve_alternatives(job):
    """Worker: decide one case's alternatives with z3 (deadline in epoch seconds)."""
    index, alternatives, deadline = job
    reasons = []
    for k, cons in enumerate(alternatives):
        left = deadline - time.time()
        if left <= 0:
            return index, "unknown", None, k, "time budget exhausted"
        res = z3_backend.solve(cons, timeout=left, nonlinear=True)
        if res.status == "sat":
            if res.exact:
                return index, "sat", res.model, k + 1, ""
            reasons.append("z3's model is irrational (algebraic numbers)")
        elif res.status == "unknown":
            reasons.append(res.reason or "z3 gave no answer")
    if reasons:
        return index, "unknown", None, len(alternatives), reasons[0]
    return index, "unsat", None, len(alternatives), ""


def decide_exact(statement, alphabets, *, given: Sequence = (), common_parts: Mapping | None = None,
                 timeout: float = 60.0, workers: int = 1, progress: Callable | None = None,
                 shannon: bool = True, reduce_symmetry: bool = True, max_pattern_cells: int = 12,
                 pattern_vars: Sequence[str] | None = None,
                 conclusion_encoding: str = "sos", smaller_first: bool = True) -> ExactDecision:
    """Decide an exact statement on every distribution with the given alphabet sizes.

    Parameters
    ----------
    statement : str, Statement or (hypotheses, conclusion)
        See :func:`exact_statement`.  Conditions only: independences and
        functional dependences, ``= 0`` (or ``<= 0``).
    alphabets : int, sequence or mapping
        Size of every variable: one int for all, a sequence in the natural
        order of the variables (common parts excluded), or ``{name: size}``.
    given : sequence
        Further hypotheses.
    common_parts : mapping, optional
        ``{"K": (A, B)}``: ``K`` is the Gács–Körner label of the groups ``A``
        and ``B`` (names or sequences of names).
    timeout : float
        One budget in seconds for everything.
    workers : int
        Processes deciding cases in parallel (1: in this process).
    progress : callable, optional
        ``progress(done, total)`` after each case.
    shannon : bool
        Try the Shannon prover first (a proof holds for every alphabet).
    reduce_symmetry : bool
        Enumerate cases up to the statement's symmetries (False: every raw
        case; for testing).
    max_pattern_cells, pattern_vars, conclusion_encoding
        Knobs of the case split (see :mod:`natlat_sym.finite._exact_compile`).
    smaller_first : bool
        With alphabets larger than 2, first look for a counterexample on
        binary alphabets (a quarter of the budget): it embeds into the larger
        ones, with the extra values at probability 0.

    Returns
    -------
    ExactDecision

    Raises
    ------
    StatementError
        Not an exact statement, or bad alphabet sizes.

    Examples
    --------
    Intersection needs positivity; on binary alphabets z3 finds why:

    >>> r = decide_exact("I(X;Y,Z) = 0", 2, given=["I(X;Y|Z) = 0", "I(X;Z|Y) = 0"], shannon=False)
    >>> r.truth, r.z3_calls >= 1
    ('violated', True)
    """
    t0 = time.perf_counter()
    if time_left() is not None:  # inside a caller's time budget: it bounds this decision too
        timeout = min(timeout, time_left())
    deadline = time.time() + timeout
    hyps, concl = exact_statement(statement, given=given)
    common = {}
    for k, groups in (common_parts or {}).items():
        try:
            a, b = groups
        except (TypeError, ValueError):
            raise StatementError(f"common part {k}: give two groups of variables, got {groups!r}") from None
        common[k] = (frozenset([a] if isinstance(a, str) else a), frozenset([b] if isinstance(b, str) else b))
    st = ExactStatement.build(hyps, concl, alphabets, common)
    text = st.text()
    version = z3_backend.z3_version()

    def done(truth, method, **kw):
        return ExactDecision(truth, method, text, dict(st.sizes), time.perf_counter() - t0, z3_version=version,
                             **kw)

    if shannon:
        certs = _shannon_certificates(st, min(timeout / 3, 30.0))
        if certs is not None:
            return done(Truth.HOLDS, "shannon", certificates=certs)
    basic_sizes = {n: k for n, k in st.sizes.items() if n not in st.common}
    if smaller_first and any(k > 2 for k in basic_sizes.values()):
        # a counterexample on binary alphabets embeds into larger ones: look there first
        small = decide_exact((st.hypotheses, st.conclusion), {n: min(k, 2) for n, k in basic_sizes.items()},
                             common_parts={k: tuple(map(sorted, ab)) for k, ab in st.common.items()},
                             timeout=max(0.0, deadline - time.time()) / 4, workers=workers, shannon=False,
                             reduce_symmetry=reduce_symmetry, max_pattern_cells=max_pattern_cells,
                             conclusion_encoding=conclusion_encoding, smaller_first=False)
        if small.truth is Truth.VIOLATED:
            dist = _embedded(st, small.distribution)
            if is_counterexample(st, dist):
                return done(Truth.VIOLATED, "z3-nlsat", distribution=dist, z3_calls=small.z3_calls,
                            cases=small.cases, solved=small.solved, pattern_vars=small.pattern_vars)
    plan = make_plan(st, max_pattern_cells=max_pattern_cells, pattern_vars=pattern_vars)
    cases = []
    for case in enumerate_cases(plan, reduce=reduce_symmetry):
        if len(cases) % 256 == 255 and time.time() > deadline:
            return done(Truth.UNDECIDED, "", cases=len(cases), pattern_vars=plan.pattern_vars,
                        reason=f"time budget of {timeout:g} s exhausted while enumerating support cases")
        cases.append(case)
    total = len(cases)
    solved = calls = 0
    reasons: list[str] = []
    jobs = []
    compiled: dict = {}
    for i, case in enumerate(cases):
        if time.time() > deadline:
            return done(Truth.UNDECIDED, "", solved=solved, cases=total, pattern_vars=plan.pattern_vars,
                        reason=f"time budget of {timeout:g} s exhausted while compiling {total} support cases")
        c = compile_case(plan, case, conclusion_encoding=conclusion_encoding)
        if c.status == "closed":
            solved += 1
            if progress:
                progress(solved, total)
            continue
        compiled[i] = c
        jobs.append((i, c.alternatives, deadline))

    def finish_sat(i, model):
        dist = _distribution_from_model(plan, compiled[i], model)
        return dist if is_counterexample(st, dist) else None

    kw = dict(cases=total, pattern_vars=plan.pattern_vars)
    undecided = 0
    if jobs:
        # z3 runs in worker processes (also for workers=1): nlsat does not always honour its own
        # timeout, and a process can be stopped when the budget is spent.
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        pool = ctx.Pool(max(1, min(workers, len(jobs))))
        try:
            results = pool.imap_unordered(_solve_alternatives, jobs)
            while True:
                try:
                    i, status, model, n_calls, reason = results.next(timeout=max(0.0, deadline - time.time()) + 2.0)
                except StopIteration:
                    break
                except multiprocessing.TimeoutError:
                    undecided += total - solved
                    reasons.append(f"time budget of {timeout:g} s exhausted")
                    break
                solved += 1
                calls += n_calls
                if progress:
                    progress(solved, total)
                if status == "sat":
                    dist = finish_sat(i, model)
                    if dist is not None:
                        return done(Truth.VIOLATED, "z3-nlsat", distribution=dist, solved=solved, z3_calls=calls,
                                    **kw)
                    undecided += 1
                    reasons.append("a z3 model failed the exact re-check")
                elif status == "unknown":
                    undecided += 1
                    reasons.append(reason)
        finally:
            pool.terminate()
            pool.join()
    if reasons:
        return done(Truth.UNDECIDED, "", solved=solved, z3_calls=calls,
                    reason=f"{undecided} of {total} cases undecided ({reasons[0]})", **kw)
    return done(Truth.HOLDS, "z3-nlsat", solved=solved, z3_calls=calls, **kw)
