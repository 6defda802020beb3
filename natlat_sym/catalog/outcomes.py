"""What running a catalog obligation yields: :class:`ObligationResult`,
and :class:`FiniteOutcome`, what a finite check or an experiment returns.

Both serialise to JSON (``to_json``) for ``natlat check --json``; exact
numbers are written as strings (``"1/2"``).

Examples
--------
>>> r = ObligationResult("prove", "I(X;Y) >= 0", "proved", "proved", True)
>>> str(r)
'prove proved (as expected): I(X;Y) >= 0'
>>> FiniteOutcome("holds", detail="2 distributions").to_json()["verdict"]
'holds'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property

from ..shannon.derivation import derive

__all__ = ["FiniteOutcome", "ObligationResult"]


def _json_value(x):
    if isinstance(x, Fraction):
        return str(x)
    if isinstance(x, Mapping):
        return {str(k): _json_value(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_json_value(v) for v in x]
    if hasattr(x, "to_json"):
        return x.to_json()
    return x


# ----------------------------------------------------------------------------- outcomes
@dataclass(frozen=True)
class FiniteOutcome:
    """What a finite check or an experiment callable returns.

    Attributes
    ----------
    verdict : Truth or str
        :class:`~natlat_sym.verdicts.Truth` (``holds``, ``violated``,
        ``undecided``) for finite checks, ``"vacuous"`` when a premise
        fails, or ``"evidence"`` (experiments).
    detail : str
        One or two lines: what was checked, the numbers.
    sizes : str
        The sizes checked, e.g. ``"n = 2..4, alphabets ≤ 3"``.
    distribution : object, optional
        A distribution worth showing (a counterexample, a tight instance,
        the best one an experiment found).
    value : object, optional
        A number an experiment reports (best ratio found, ...).
    """

    verdict: str
    detail: str = ""
    sizes: str = ""
    distribution: object = None
    value: object = None

    def to_json(self) -> dict:
        return {"verdict": self.verdict, "detail": self.detail, "sizes": self.sizes,
                "distribution": _json_value(self.distribution), "value": _json_value(self.value)}


@dataclass(frozen=True)
class ObligationResult:
    """The outcome of running one :class:`Obligation`.

    Attributes
    ----------
    kind, description, expect : str
        Copied from the obligation.
    outcome : Verdict, Truth or str
        What happened: a :class:`~natlat_sym.verdicts.Verdict` (``proved``,
        ``refuted``, ``not_provable``, ``unknown``) for prove / refute /
        tight obligations, a :class:`~natlat_sym.verdicts.Truth` (``holds``,
        ``violated``, ``undecided``) for finite checks, or one of
        ``"tight"``, ``"corrected"``, ``"vacuous"``, ``"evidence"``,
        ``"error"``, ``"timeout"``.
    ok : bool
        Whether the outcome meets the expectation.
    seconds : float
    statement, statement_latex : str
        The statement checked (empty for callables).
    certificate : Certificate or None
        Exactly re-checked proof (prove / tight obligations).
    derivation : Derivation or None
        Human-readable proof from the certificate, when available.
    witness : PolymatroidWitness or None
        A point of the Shannon cone violating a statement (it shows the
        statement is not Shannon-provable; only a distribution shows it false).
    distribution : Distribution or None
        A finite distribution (exactly checked counterexample, tight instance, ...).
    values, claimed : mapping of str to Fraction
        For "tight": least values found and the values the spec claims.
    detail : str
        Why, in one line (reason of a failure, the correction, numbers).
    sizes : str
        Instance sizes for finite checks.
    uses : tuple of str
        Hypothesis names with nonzero multipliers in the certificate.
    supporting : bool
        Copied from the obligation.
    """

    kind: str
    description: str
    expect: str
    outcome: str
    ok: bool
    seconds: float = 0.0
    statement: str = ""
    statement_latex: str = ""
    certificate: object = None
    witness: object = None
    distribution: object = None
    values: Mapping = field(default_factory=dict)
    claimed: Mapping = field(default_factory=dict)
    detail: str = ""
    sizes: str = ""
    uses: tuple[str, ...] = ()
    supporting: bool = False
    proved_statement: object = field(default=None, repr=False, compare=False)

    @cached_property
    def derivation(self):
        """Human-readable proof (:class:`~natlat_sym.shannon.derivation.Derivation`)
        of the certificate, computed on first access (it can take seconds);
        None without a certificate or when no derivation can be built."""
        if self.certificate is None:
            return None
        return _derivation(self.certificate, self.proved_statement)

    @property
    def verdict(self) -> str:
        """Alias of :attr:`outcome`."""
        return self.outcome

    def __str__(self) -> str:
        what = self.statement or self.description
        return f"{self.kind} {self.outcome} ({'as expected' if self.ok else 'NOT as expected'}): {what}" + (
            f" — {self.detail}" if self.detail else "")

    def to_json(self, *, derivation: bool = False) -> dict:
        """JSON-ready dict; ``derivation=True`` adds the derivation text (slow)."""
        return {
            "kind": self.kind, "description": self.description, "expect": self.expect,
            "outcome": self.outcome, "ok": self.ok, "seconds": round(self.seconds, 4),
            "statement": self.statement, "statement_latex": self.statement_latex,
            "certificate": _json_value(self.certificate),
            "derivation": (self.derivation.text() if hasattr(self.derivation, "text") else None) if derivation else None,
            "witness": _json_value(self.witness), "distribution": _json_value(self.distribution),
            "values": _json_value(dict(self.values)), "claimed": _json_value(dict(self.claimed)),
            "detail": self.detail, "sizes": self.sizes, "uses": list(self.uses),
            "supporting": self.supporting,
        }


def _derivation(certificate, statement):
    try:
        return derive(certificate, statement)
    except Exception:  # a missing pretty-printer never changes a verdict
        return None
