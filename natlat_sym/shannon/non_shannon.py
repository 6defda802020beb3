"""Going past the Shannon cone: search single-step copy constructions.

A statement that Shannon-type inequalities cannot prove may still be true:
the Zhang–Yeung inequality is the classic example.  Every non-Shannon-type
inequality known in four variables (Zhang–Yeung 1998; Dougherty, Freiling
and Zeger 2011) has a proof that adjoins *copies* of some variables over
others (the copy lemma, :mod:`~natlat_sym.shannon.copy_lemma`) and then uses
Shannon-type inequalities only.  :func:`prove_non_shannon` tries, after the
plain Shannon attempt, every single copy step on the statement's own
variables — a copy of a group ``A`` over a disjoint nonempty group ``B``
— in the order

* smaller copied groups first (fewer extra variables, smaller LPs), then
* larger conditioning groups first (the copies used by Zhang–Yeung and by
  most Dougherty–Freiling–Zeger proofs are over two of four variables),

within the time budget, and returns the first proof found.  A copy over the
empty group is skipped: an independent copy extends every polymatroid (add
a disjoint copy of the restriction to ``A``), so it never proves anything.

Every ``proved`` carries a certificate that records its copy step and is
re-checked by the trusted checker, which re-derives the copy equalities from
the step itself.  When the search fails the verdict is never ``refuted``
because of it: ``refuted`` still needs a distribution (or, on at most three
variables without hypotheses, a violating Shannon-cone point, since there
the cone is the closure of the entropic region); otherwise the verdict is
``not_provable`` when every construction was tried (each one refuted by an
exact point of its extended cone), or ``unknown`` when the time budget cut
the search short.

Examples
--------
>>> r = prove_non_shannon("2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)", realize=False)
>>> r.verdict, [str(c) for c in r.certificate.copies]
('proved', ['A | C,D'])
>>> len(list(copy_candidates(["A", "B", "C", "D"])))
50
"""

from __future__ import annotations

import time
from dataclasses import replace
from itertools import combinations

from ..verdicts import Verdict
from .claim import as_claim
from .copy_lemma import CopySpec
from .engine import prove_claim

__all__ = ["copy_candidates", "prove_non_shannon", "MAX_NON_SHANNON_VARIABLES", "NON_SHANNON_INEQUALITIES"]

#: The search enumerates copies only for statements with at most this many variables.
MAX_NON_SHANNON_VARIABLES = 5

#: Verdicts that come with a violating polymatroid (the cone point alone is
#: "refuted" only on at most 3 variables without hypotheses).
_NOT_PROVED = (Verdict.REFUTED, Verdict.NOT_PROVABLE)

#: How verdict texts name the inequalities the search enables.
NON_SHANNON_INEQUALITIES = "Shannon-type inequalities and the copy lemma"


def copy_candidates(variables):
    """Yield every single copy step ``CopySpec(A, B)`` on ``variables``
    (``A`` nonempty, ``B`` nonempty and disjoint from ``A``), most promising
    first; see the module docstring for the order.

    >>> [str(c) for c in copy_candidates(["X", "Y", "Z"])][:4]
    ['X | Y,Z', 'Y | X,Z', 'Z | X,Y', 'X | Y']
    """
    names = list(variables)
    n = len(names)
    for a in range(1, n):
        for b in range(n - a, 0, -1):
            for A in combinations(names, a):
                rest = [v for v in names if v not in A]
                for B in combinations(rest, b):
                    yield CopySpec(A, B)


def prove_non_shannon(statement, *, timeout: float = 30.0, max_variables: int = 14, engine: str = "auto",
                      realize=None, copies=(), progress=None):
    """Prove ``statement`` with Shannon-type inequalities, else with one more
    copy step on its variables (after the given ``copies``), else say what
    is known; see the module docstring.

    Parameters
    ----------
    statement : Claim, Statement or str
        Read by :func:`~natlat_sym.shannon.claim.as_claim`.
    timeout : float
        Seconds for the whole call (the Shannon attempt, the search and the
        final attempt to realise a counterexample).
    realize : callable, optional
        A realiser (:func:`~natlat_sym.shannon.engine.prove_claim`) tried at
        the end when no copy proved it.
    copies : sequence of CopySpec or str
        Copy steps applied before every candidate.
    progress : callable, optional
        ``progress(done, total, spec)`` after each candidate (for a progress bar).

    Returns
    -------
    ProofResult
        ``note`` says which copy proved it, or what the search covered.
    """
    start = time.perf_counter()
    claim = as_claim(statement)
    hyps, names = claim.hypotheses, claim.variables()
    common = dict(max_variables=max_variables, engine=engine)

    def left():
        return timeout - (time.perf_counter() - start)

    base = prove_claim(claim, timeout=timeout, copies=copies, **common)
    if base.verdict not in _NOT_PROVED or base.witness is None:  # proved, or unknown (a budget ran out)
        return base
    if len(names) <= 3 and not hyps:
        # The Shannon cone is the closure of the entropic region: no copy can help.
        return _finish(base, claim, common, left(), realize, copies, start,
                       note="at most 3 variables: Shannon-type inequalities are complete there",
                       inequalities="Shannon-type inequalities")
    if len(names) > MAX_NON_SHANNON_VARIABLES:
        return _finish(base, claim, common, left(), realize, copies, start,
                       note=f"copy search skipped: it is limited to {MAX_NON_SHANNON_VARIABLES} variables",
                       inequalities="Shannon-type inequalities")
    candidates = list(copy_candidates(names))
    tried = 0
    for spec in candidates:
        if left() <= 0:
            break
        r = prove_claim(claim, timeout=left(), copies=tuple(copies) + (spec,), **common)
        if r.verdict == Verdict.PROVED:
            steps = r.certificate.copies
            return replace(r, seconds=time.perf_counter() - start,
                           note=f"proved with the copy lemma: {_describe_steps(steps)}")
        if r.verdict in _NOT_PROVED and r.witness is not None:  # an exact point of the extended cone
            tried += 1
        if progress is not None:
            progress(tried, len(candidates), spec)
    complete = tried == len(candidates)
    what = (f"all {len(candidates)} single-step copies of the statement's variables tried, each refuted by "
            f"an exact point of its extended cone" if complete else
            f"the copy search covered {tried} of {len(candidates)} single-step copies before the time budget")
    return _finish(base, claim, common, left(), realize, copies, start, note=what, complete=complete)


def _describe_steps(steps) -> str:
    return "; ".join(f"{','.join(s.names)} a copy of {','.join(s.copied)} over {','.join(s.over) or 'nothing'}"
                     for s in steps)


def _finish(base, claim, common, budget, realize, copies, start, *, note: str,
            complete: bool = True, inequalities: str = NON_SHANNON_INEQUALITIES):
    """No copy proved it: look for a real counterexample, else report honestly."""
    final = base
    if realize and budget > 0:
        final = prove_claim(claim, timeout=budget, realize=realize, copies=copies, **common)
    elapsed = time.perf_counter() - start
    if final.verdict == Verdict.PROVED:  # pragma: no cover - the first attempt would have proved it
        return replace(final, seconds=elapsed)
    if final.verdict == Verdict.UNKNOWN:
        final = base
    if final.distribution is not None:  # false: a checked distribution violates it
        return replace(final, seconds=elapsed, note=f"{final.note}; {note}" if final.note else note)
    if final.witness is not None and len(final.witness.variables) <= 3 and not claim.hypotheses and not copies:
        # A violating point of the 3-variable Shannon cone proves falsity (see verdicts).
        return replace(final, seconds=elapsed, note=f"{final.note}; {note}" if final.note else note)
    if not complete:
        return replace(final, verdict=Verdict.UNKNOWN, seconds=elapsed,
                       reason=f"not Shannon-provable (exact cone point attached); {note}")
    return replace(final, verdict=Verdict.NOT_PROVABLE, seconds=elapsed,
                   note=f"{Verdict.NOT_PROVABLE.describe(inequalities)}; {note}")
