"""Basic Shannon inequalities: the axioms every proof is built from.

For jointly distributed random variables and any sets of them ``A, B, C``:

* ``H(A|B) >= 0``  (conditional entropy is nonnegative), and
* ``I(A;B|C) >= 0`` (conditional mutual information is nonnegative).

Every Shannon-type inequality is a nonnegative combination of these.  The
*elemental* ones suffice (Yeung): for a set ``N`` of ``n`` variables,

* ``H(i | N∖i) >= 0`` for each ``i`` (``n`` rows), and
* ``I(i;j | K) >= 0`` for ``i < j`` and ``K ⊆ N∖{i,j}``
  (``C(n,2)·2^(n−2)`` rows),

and the set of entropy vectors satisfying them is the *Shannon cone*
(polymatroids).  Proofs are nicer to read with the general set forms, so
certificates may cite any basic inequality; the checker recomputes each
one's linear form from its sets, so a certificate cannot smuggle in a false
"axiom".

This module is pure Python (no sympy, numpy or solver imports).

Examples
--------
>>> rows = list(elemental_inequalities(["X", "Y", "Z"]))
>>> len(rows)
9
>>> print(rows[0])
H(X|Y,Z) >= 0
>>> count_elemental(12)
67596
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from math import comb

from .linear import LinearForm, format_subset, subset_key

__all__ = ["BasicInequality", "elemental_inequalities", "count_elemental"]


@dataclass(frozen=True)
class BasicInequality:
    """``H(A|B) >= 0`` (``kind="H"``, ``sets=(A, B)``) or ``I(A;B|C) >= 0``
    (``kind="I"``, ``sets=(A, B, C)``); sets are frozensets of names.

    >>> b = BasicInequality.mutual_information({"X"}, {"Y"}, {"Z"})
    >>> print(b)
    I(X;Y|Z) >= 0
    >>> print(b.form())
    H(X,Z) + H(Y,Z) - H(Z) - H(X,Y,Z)
    """

    kind: str
    sets: tuple[frozenset, ...]

    def __post_init__(self):
        if self.kind == "H":
            if len(self.sets) != 2:
                raise ValueError("H(A|B) >= 0 needs two sets")
        elif self.kind == "I":
            if len(self.sets) != 3:
                raise ValueError("I(A;B|C) >= 0 needs three sets")
        else:
            raise ValueError(f"unknown basic inequality kind {self.kind!r}")
        for s in self.sets:
            if not isinstance(s, frozenset) or not all(isinstance(n, str) for n in s):
                raise ValueError("basic inequality sets must be frozensets of names")

    @classmethod
    def cond_entropy(cls, targets, given=()) -> "BasicInequality":
        return cls("H", (frozenset(targets), frozenset(given)))

    @classmethod
    def mutual_information(cls, left, right, given=()) -> "BasicInequality":
        return cls("I", (frozenset(left), frozenset(right), frozenset(given)))

    def terms(self) -> tuple[tuple[frozenset, int], ...]:
        """The joint-entropy terms ``(S, ±1)`` of the form, before collecting
        (a set may repeat, and ``H(∅)`` terms are included; both cancel or
        vanish when summed).  The single definition of what this inequality
        says, used by :meth:`form` and by the certificate checker."""
        if self.kind == "H":
            a, b = self.sets
            return ((a | b, 1), (b, -1))
        a, b, c = self.sets
        return ((a | c, 1), (b | c, 1), (a | b | c, -1), (c, -1))

    def form(self) -> LinearForm:
        """The linear form that this inequality says is ``>= 0``."""
        acc: dict = {}
        for s, k in self.terms():
            acc[s] = acc.get(s, 0) + k
        return LinearForm(acc)

    def is_trivial(self) -> bool:
        """True when the form is identically zero (e.g. ``H(X|X) >= 0``)."""
        return self.form().is_zero()

    def quantity(self) -> str:
        """Textbook name of the nonnegative quantity, e.g. ``I(X;Y|Z)``."""
        if self.kind == "H":
            a, b = self.sets
            return f"H({format_subset(a)}|{format_subset(b)})" if b else f"H({format_subset(a)})"
        a, b, c = self.sets
        core = f"I({format_subset(a)};{format_subset(b)}"
        return core + (f"|{format_subset(c)})" if c else ")")

    def latex(self) -> str:
        from .printing import latex_names  # local: printing imports sympy lazily

        if self.kind == "H":
            a, b = self.sets
            body = latex_names(a) + (r" \mid " + latex_names(b) if b else "")
            return rf"H({body})"
        a, b, c = self.sets
        body = latex_names(a) + " ; " + latex_names(b) + (r" \mid " + latex_names(c) if c else "")
        return rf"I({body})"

    def __str__(self) -> str:
        return f"{self.quantity()} >= 0"

    def to_json(self) -> dict:
        return {"kind": self.kind, "sets": [sorted(s) for s in self.sets]}

    @classmethod
    def from_json(cls, data) -> "BasicInequality":
        kind = data["kind"]
        sets = data["sets"]
        if not isinstance(sets, list) or not all(isinstance(s, list) for s in sets):
            raise ValueError("basic inequality 'sets' must be a list of lists of names")
        return cls(kind, tuple(frozenset(s) for s in sets))

    def sort_key(self):
        return (self.kind, tuple(subset_key(s) for s in self.sets))


def elemental_inequalities(variables):
    """Yield the elemental inequalities of the given variables, in a fixed
    order: first every ``H(i|N∖i) >= 0``, then every ``I(i;j|K) >= 0``.

    Parameters
    ----------
    variables : sequence of str
        Variable names; their order fixes the output order.
    """
    names = list(variables)
    full = frozenset(names)
    for v in names:
        yield BasicInequality("H", (frozenset((v,)), full - {v}))
    for i, j in combinations(range(len(names)), 2):
        rest = [names[k] for k in range(len(names)) if k != i and k != j]
        for r in range(len(rest) + 1):
            for ks in combinations(rest, r):
                yield BasicInequality("I", (frozenset((names[i],)), frozenset((names[j],)), frozenset(ks)))


def count_elemental(n: int) -> int:
    """Number of elemental inequalities on ``n`` variables: ``n + C(n,2)·2^(n−2)``."""
    if n < 2:
        return n
    return n + comb(n, 2) * 2 ** (n - 2)
