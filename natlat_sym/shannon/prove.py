"""Prove or refute a linear information inequality, with a checked answer.

``prove(statement)`` returns a :class:`ProofResult` whose ``verdict`` is a
:class:`~natlat_sym.verdicts.Verdict`:

================  ====  =====================================================
verdict           exit  evidence attached
================  ====  =====================================================
``proved``        0     a :class:`~natlat_sym.shannon.certificate.Certificate`
                        (exact rational multipliers) that
                        :func:`~natlat_sym.shannon.certificate.check_certificate`
                        accepted against the statement's normal form computed
                        independently: true for every distribution.
``refuted``       1     **false**.  A finite ``distribution`` violating it,
                        re-checked by the independent certified evaluator
                        :func:`natlat_sym.finite.evaluate.check_on` (found by
                        :func:`natlat_sym.prove`); or, only
                        for statements on at most 3 random variables with no
                        hypotheses, the violating cone point alone (the
                        closure of the entropic region *is* the Shannon cone
                        for ``n <= 3`` and the violation is strict, so some
                        distribution violates it; ``note`` says so).
``not_provable``  5     no Shannon-type proof exists: an exact
                        :class:`PolymatroidWitness` (a point of the Shannon
                        cone satisfying the hypotheses, violating the
                        conclusion) that
                        :func:`~natlat_sym.shannon.certificate.check_witness`
                        accepted.  True or false is **not decided**: a
                        polymatroid need not be entropic (Zhang–Yeung is
                        true and not Shannon-provable).
``unknown``       3     a time or size budget ran out, or the exact layer
                        could not turn a float proposal into a checked
                        object; ``reason`` says which.
================  ====  =====================================================

Engines
-------
``"lp"``
    HiGHS proposes (lazy elemental rows; the orbit LP when the statement is
    symmetric in three or more variables), the exact layer rounds or re-solves
    exactly, the checker decides.
``"z3"``
    z3 decides the linear real arithmetic problem "cone ∩ hypotheses ∩
    {f < 0}" exactly; on ``unsat`` the multipliers come from a second exact
    solve over the unsat core, on ``sat`` the model is the witness.
``"auto"``
    LP first; z3 when the exact layer cannot conclude and ``n`` is small.

Parameters (``eps``) are reals ``>= 0`` and become extra nonnegative
coordinates.  A parameter multiplying an entropy (``c*I(X;Y)``) is a free
coefficient: use :func:`natlat_sym.shannon.tightest.tightest`.

Layers
------
:func:`prove` here reads the statement (:func:`~natlat_sym.shannon.claim.as_claim`)
and runs the cone prover (:func:`~natlat_sym.shannon.engine.prove_claim`) or
the copy-lemma search (:mod:`~natlat_sym.shannon.non_shannon`).  It returns
cone points, never distributions: :func:`natlat_sym.prove` (the public
``prove``) asks :mod:`natlat_sym.finite` to realise a violating cone point
and re-checks the distribution before saying ``refuted``.

Examples
--------
>>> from natlat_sym.shannon.linear import LinearForm as F
>>> f = F.entropy({"X"}) - F.cond_entropy({"X"}, {"Y"})     # H(X|Y) <= H(X)
>>> r = prove_forms(f, "<=", (), statement_text="H(X|Y) <= H(X)")
>>> r.verdict, r.certificate.steps()
('proved', 1)
"""

from __future__ import annotations

from dataclasses import replace

from .claim import as_claim
from .decide import decide_piece
from .engine import (MAX_VARIABLES_CONE_IS_ENTROPIC, NOT_REALIZED, REALIZED, SMALL_CONE_IS_ENTROPIC, ProofResult,
                     prove_claim, prove_forms)
from .non_shannon import prove_non_shannon

__all__ = ["ProofResult", "prove", "prove_claim", "prove_forms", "decide_piece", "NOT_REALIZED", "REALIZED",
           "SMALL_CONE_IS_ENTROPIC", "MAX_VARIABLES_CONE_IS_ENTROPIC"]


def prove(statement, *, timeout: float = 30.0, max_variables: int = 14, engine: str = "auto",
          realize=None, copies=(), non_shannon: bool = False, progress=None) -> ProofResult:
    """Decide a statement on the Shannon cone, with a checked answer; the
    counterexample is a cone point (:func:`natlat_sym.prove` adds a distribution).

    Parameters
    ----------
    statement : Claim, Statement, Relation, sympy relational or str
        What to prove (read by :func:`~natlat_sym.shannon.claim.as_claim`).
    timeout, max_variables, engine, copies, non_shannon, progress
        As for :func:`natlat_sym.prove`.
    realize : callable, optional
        A realiser (see :func:`prove_claim`); :func:`natlat_sym.prove` passes
        :mod:`natlat_sym.finite`'s.

    Returns
    -------
    ProofResult
        Without a realiser, ``refuted`` only on at most 3 variables without
        hypotheses (a cone point is then enough); otherwise a violating cone
        point gives ``not_provable``.

    Examples
    --------
    >>> prove("I(X;Y) = 0 => I(X;Y|Z) = 0").verdict     # false (XOR), but only a cone point here
    'not_provable'
    >>> prove("H(X) <= H(X,Y)").verdict
    'proved'
    """
    claim = as_claim(statement)
    if non_shannon:
        result = prove_non_shannon(claim, timeout=timeout, max_variables=max_variables, engine=engine,
                                   realize=realize, copies=copies, progress=progress)
    else:
        result = prove_claim(claim, timeout=timeout, max_variables=max_variables, engine=engine,
                             realize=realize, copies=copies)
    return replace(result, statement=claim.source if claim.source is not None else claim)
