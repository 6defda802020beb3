"""``natlat_sym.prove``: prove or refute, with a distribution when one exists.

The Shannon layer (:func:`natlat_sym.shannon.prove.prove`) answers with a
certificate or a checked violating *cone point*; a cone point shows that no
Shannon-type proof exists, not that the statement is false.  This facade
asks :mod:`natlat_sym.finite` to realise the cone point as a finite
distribution (:func:`~natlat_sym.finite.realize.realize_witness`), re-checks
the distribution with the independent certified evaluator
(:func:`~natlat_sym.finite.evaluate.check_on`: every hypothesis holds and
the conclusion is certainly violated), and only then says ``refuted``.  It
is the one place where the two layers meet, so ``natlat_sym.shannon`` never
imports ``natlat_sym.finite``.

Examples
--------
>>> prove("I(X;Y|Z) <= I(X;Y)").verdict        # false: XOR is a counterexample
'refuted'
>>> prove("I(X;Y|Z) <= I(X;Y)").distribution is not None
True
"""

from __future__ import annotations

from .shannon.claim import Claim, as_claim
from .shannon.prove import ProofResult
from .shannon.prove import prove as prove_on_cone
from .verdicts import Truth

__all__ = ["prove", "realize_counterexample"]


def realize_counterexample(witness, claim: Claim, timeout: float):
    """A finite distribution violating ``claim``, or None, searched for at most
    ``timeout`` seconds (what is left of the caller's budget; the re-check
    adds at most one exact evaluation of a small distribution).

    Whatever the realiser returns is re-verified through the independent
    certified evaluator: every hypothesis must hold and the conclusion must
    be certainly violated, or the distribution is dropped.
    """
    if timeout <= 0:
        return None
    # natlat_sym.finite costs ~2.5 s to import (sympy, scipy.optimize, flint): only a counterexample needs it
    from .finite import evaluate as finite_evaluate, realize as finite_realize

    try:
        dist = finite_realize.realize_witness(witness, claim.hypotheses, claim.target, claim.relation, seed=0, timeout=timeout)
        if dist is None:
            return None
        verdict = finite_evaluate.check_on((claim.conclusion_form(), list(claim.hypotheses)), dist,
                           parameters=dict(witness.parameters) or None)
    except Exception:  # noqa: BLE001 - a failed realisation only loses the bonus
        return None
    if verdict.verdict != Truth.VIOLATED or verdict.vacuous:
        return None
    return dist


def prove(statement, *, timeout: float = 30.0, max_variables: int = 14, engine: str = "auto",
          realize: bool = True, copies=(), non_shannon: bool = False, progress=None) -> ProofResult:
    """Prove or refute a linear information inequality, with a checked answer.

    Parameters
    ----------
    statement : Statement, Relation, sympy relational or str
        What to prove.  A sympy relation built from the measures
        (``I(X1, X2, given=L) <= H(X1)``, ``sympy.Eq(I(X, Z, given=Y), 0)``),
        a :class:`~natlat_sym.shannon.statement.Relation`, a
        :class:`~natlat_sym.shannon.statement.Statement` with hypotheses,
        textbook text such as ``"markov: I(X;Z|Y) = 0 => I(X;Z) <= I(X;Y)"``
        (read by :func:`~natlat_sym.shannon.parse.parse_statement`), or a
        :class:`~natlat_sym.shannon.claim.Claim`.
    timeout : float, default 30.0
        Seconds for the whole call, realisation included; when it runs out
        the verdict is ``"unknown"`` (never a guess).
    max_variables : int, default 14
        Size budget: a statement mentioning more random variables gets
        verdict ``"unknown"`` without any work.
    engine : {"auto", "lp", "z3"}, default "auto"
        ``"lp"``: HiGHS proposes, exact rational arithmetic confirms;
        ``"z3"``: z3 decides exactly (small ``n`` only); ``"auto"``: LP
        first, z3 when the exact layer cannot conclude and ``n <= 6``.
    realize : bool, default True
        On a violating cone point, try to turn it into a finite
        distribution (checked exactly) stored in ``result.distribution``.
    copies : sequence of CopySpec or str, optional
        Copy steps (:class:`~natlat_sym.shannon.copy_lemma.CopySpec` or
        texts like ``"C,D | A,B"``) that extend the cone beyond Shannon.
    non_shannon : bool, default False
        Search the single-step copies itself
        (:func:`~natlat_sym.shannon.non_shannon.prove_non_shannon`).
    progress : callable, optional
        Per-candidate callback of that search.

    Returns
    -------
    ProofResult
        ``verdict`` plus the evidence; in a notebook it renders as a table
        with the derivation.  The verdict is one of

        ================  ====  ================================================
        ``proved``        0     exact certificate, re-checked: true
        ``refuted``       1     false: a distribution violates it (re-checked),
                                or a cone point alone at <= 3 variables without
                                hypotheses
        ``not_provable``  5     a checked polymatroid violates it: no Shannon
                                proof exists, true or false is not decided
        ``unknown``       3     a budget ran out (``reason`` says which)
        ================  ====  ================================================

    Raises
    ------
    StatementError, ParseError, NonlinearError
        For input that is not a linear information statement.

    Examples
    --------
    >>> from natlat_sym import H, I, random_variables
    >>> X1, X2, L = random_variables("X1 X2 L")
    >>> prove(I(X1, X2, given=L) <= H(X1)).verdict
    'proved'
    >>> zy = "2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)"   # Zhang–Yeung: true
    >>> r = prove(zy, realize=False)       # (realisation can only fail on a true statement)
    >>> r.verdict, r.verdict.exit_code     # but not Shannon-provable
    ('not_provable', 5)
    >>> prove(zy, copies=["A | C,D"]).verdict        # the copy lemma proves it
    'proved'
    """
    claim = as_claim(statement, symbolic=True)
    return prove_on_cone(claim, timeout=timeout, max_variables=max_variables, engine=engine,
                         realize=realize_counterexample if realize else None, copies=copies,
                         non_shannon=non_shannon, progress=progress)
