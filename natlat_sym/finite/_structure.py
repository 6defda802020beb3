"""Reading statements as structure (private helper of the finite searches).

Concept
-------
A statement ``hypotheses ⇒ conclusion`` reaches the finite-instance tools
as linear entropy forms.  Some exact hypotheses are *structural*: a
conditional independence ``I(A;B|C) = 0`` or a functional dependence
``H(A|B) = 0``.  Searches build those into the parametrisation (so they hold
exactly after rounding) and z3 encodes them as polynomial constraints.  This
module

* unpacks a statement given as a :class:`~natlat_sym.shannon.statement.Statement`,
  as text, or as ``(hypotheses, target, sense)``  (:func:`statement_parts`);
* recognises a form as a positive multiple of ``I(A;B|C)`` or ``H(A|B)``
  (:func:`recognize`).

Examples
--------
>>> from natlat_sym.shannon.linear import LinearForm as F
>>> print(recognize(2 * F.mutual_information({"L"}, {"M"}, {"X1", "X2"})))
I(L;M|X1,X2) = 0
>>> print(recognize(F.cond_entropy({"G"}, {"X1"})))
H(G|X1) = 0
>>> recognize(F.entropy({"A"}) + F.entropy({"B"})) is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from ..errors import StatementError
from ..shannon.certificate import HypothesisForm
from ..shannon.linear import LinearForm, format_subset, _natural_key

__all__ = ["Independence", "Determination", "recognize", "statement_parts", "StatementParts"]


@dataclass(frozen=True)
class Independence:
    """``I(left; right | given) = 0``."""

    left: frozenset
    right: frozenset
    given: frozenset

    def form(self) -> LinearForm:
        return LinearForm.mutual_information(self.left, self.right, self.given)

    def __str__(self) -> str:
        g = f"|{format_subset(self.given)}" if self.given else ""
        return f"I({format_subset(self.left)};{format_subset(self.right)}{g}) = 0"


@dataclass(frozen=True)
class Determination:
    """``H(target | given) = 0``: ``target`` is a function of ``given``."""

    target: frozenset
    given: frozenset

    def form(self) -> LinearForm:
        return LinearForm.cond_entropy(self.target, self.given)

    def __str__(self) -> str:
        g = f"|{format_subset(self.given)}" if self.given else ""
        return f"H({format_subset(self.target)}{g}) = 0"


def _positive_multiple(form: LinearForm, base: LinearForm) -> bool:
    if base.is_zero() or set(form.entropies) != set(base.entropies):
        return False
    s = next(iter(base.entropies))
    k = form.entropies[s] / base.entropies[s]
    return k > 0 and form == base * k


def recognize(form: LinearForm) -> Independence | Determination | None:
    """The structural condition ``form == 0`` expresses, if it is a positive
    multiple of one ``I(A;B|C)`` (A, B, C disjoint) or one ``H(A|B)``."""
    if not form.is_pure_entropy() or form.is_zero():
        return None
    names = sorted(form.variables(), key=_natural_key)
    for roles in product(range(4), repeat=len(names)):  # 0 unused, 1 A/target, 2 B/given, 3 C
        a = frozenset(n for n, r in zip(names, roles) if r == 1)
        b = frozenset(n for n, r in zip(names, roles) if r == 2)
        c = frozenset(n for n, r in zip(names, roles) if r == 3)
        if not a:
            continue
        if not c and _positive_multiple(form, LinearForm.cond_entropy(a, b)):
            return Determination(a, b)
        if b and _positive_multiple(form, LinearForm.mutual_information(a, b, c)):
            left, right = sorted((a, b), key=lambda s: sorted(map(_natural_key, s)))
            return Independence(left, right, c)
    return None


@dataclass(frozen=True)
class StatementParts:
    """A statement as forms: every hypothesis ``g >= 0`` / ``g == 0`` and the
    conclusion ``target >= 0`` (``sense ">="``) or ``target == 0``."""

    variables: tuple[str, ...]
    hypotheses: tuple[HypothesisForm, ...]
    target: LinearForm
    sense: str
    text: str


def statement_parts(statement, parameters=None) -> StatementParts:
    """Unpack a Statement, statement text, or ``(hypotheses, target, sense)``
    and substitute the given parameter values (exact numbers).

    Raises StatementError when a parameter has no value or the input is not
    a statement."""
    from ..shannon.claim import as_claim  # the one normaliser; parameters get values in Claim.substitute

    if isinstance(statement, tuple) and len(statement) != 3:
        raise StatementError(f"not a statement: {statement!r}")
    claim = as_claim(statement).substitute(parameters or {}, complete=True)
    hyps, target, sense, text = claim.hypotheses, claim.target, claim.sense, claim.text
    names: set = set(target.variables())
    for h in hyps:
        names |= h.form.variables()
    variables = tuple(sorted(names, key=_natural_key))
    return StatementParts(variables, hyps, target, sense, text)
