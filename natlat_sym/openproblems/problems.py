"""The open problems the sweeps lower-bound, and what each ratio means.

Every problem here is a statement "for every finite distribution,
``A(P) <= c·B(P)``" whose best constant ``c*`` is unknown; one distribution
with a certified ratio ``A(P)/B(P) >= r`` proves ``c* >= r``.

O1 (spec O1, T15): the stochastic → deterministic constant.
    Two observables, sum-form scores of spec D8:
    ``T(P) = min_f [I(X1;X2|Z) + H(Z|X1) + H(Z|X2)]`` over partitions
    ``Z = f(X)`` of the support, ``τ(P) = inf_V [I(X1;X2|V) + I(V;X1|X2) +
    I(V;X2|X1)]`` over all stochastic latents.  ``c*_O1`` is the least ``c``
    with ``T(P) <= c·τ(P)`` for every finite ``P`` (Lean claim: ``c* <= 96``).
O1 deletion-budget variants (spec D8, n >= 3; also n = 2 in max form).
    ``T_m = min_Z [TC(X|Z) + max_{|D|=m} H(Z|X_{−D})]`` and
    ``τ_m = inf_Y [TC(X|Y) + max_{|D|=m} I(Y;X_D|X_{−D})]``; ``c*_{n,m}`` is
    the least ``c`` with ``T_m <= c·τ_m`` (claimed upper bound ``C(n,m)``).
O2 (spec O2, T3): the third-diagram weight.
    ``c*_O2`` is the least ``c`` such that ``I(Γ;X1X2|Λ) <= ε1 + ε2 + ε2' +
    c·ε3`` holds for every finite distribution of ``(X1, X2, Λ, Γ)``
    (``ε1 = I(X1;X2|Λ)``, ``ε2 = I(Γ;X1|X2)``, ``ε2' = I(Γ;X2|X1)``,
    ``ε3 = I(Λ;Γ|X1X2)``); Shannon-type proofs give ``c = 2``.  A
    distribution with ``ε3 > 0`` and ratio ``(I(Γ;X|Λ) − ε1 − ε2 − ε2')/ε3
    >= r`` proves ``c*_O2 >= r``.

Examples
--------
>>> get_problem("o1").describe()
'O1: T(P)/τ(P), n = 2, sum of drop-one redundancies'
>>> get_problem("o1-n3-m2").deletion_sets
((0, 1), (0, 2), (1, 2))
>>> get_problem("o1-n3-m1").claimed_upper_bound()
40743
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from math import comb

from ..errors import StatementError

__all__ = ["Problem", "PROBLEMS", "get_problem"]


@dataclass(frozen=True)
class Problem:
    """One open problem: ``name`` (CLI spelling), ``kind`` ("o1" or "o2"),
    ``n`` observables, deletion budget ``m`` and how redundancy terms are
    aggregated (``"sum"`` or ``"max"`` over the deletion sets)."""

    name: str
    kind: str
    n: int = 2
    m: int = 1
    aggregate: str = "sum"

    @property
    def deletion_sets(self) -> tuple:
        """The deleted coordinate sets ``D`` with ``|D| = m``."""
        return tuple(combinations(range(self.n), self.m))

    def describe(self) -> str:
        if self.kind == "o2":
            return "O2: (I(Γ;X|Λ) − ε1 − ε2 − ε2')/ε3, least third-diagram weight"
        agg = "sum of drop-one redundancies" if self.aggregate == "sum" else f"max over |D| = {self.m}"
        return f"O1: T(P)/τ(P), n = {self.n}, {agg}"

    def claimed_upper_bound(self):
        """The best published upper bound on the constant (spec T15, T3);
        ``None`` for the two-observable max form (none is stated; ``192``
        follows from ``T <= 96τ``)."""
        if self.kind == "o2":
            return 2
        if self.n == 2:
            return 96 if self.aggregate == "sum" else None
        n, m = self.n, self.m
        return comb(n, m) * (1 + 194 * (n + comb(n, m) + 1) * (n * n * (n - 2) + 1))

    def to_json(self) -> dict:
        return {"name": self.name, "kind": self.kind, "n": self.n, "m": self.m, "aggregate": self.aggregate}


PROBLEMS = {p.name: p for p in (
    Problem("o1", "o1", 2, 1, "sum"),
    Problem("o1-max", "o1", 2, 1, "max"),
    Problem("o1-n3-m1", "o1", 3, 1, "max"),
    Problem("o1-n3-m2", "o1", 3, 2, "max"),
    Problem("o2", "o2", 2, 1, "sum"),
)}


def get_problem(name) -> Problem:
    """The :class:`Problem` called ``name`` (or ``name`` itself if it is one).

    Raises
    ------
    StatementError
        For an unknown name (one line listing the known ones).
    """
    if isinstance(name, Problem):
        return name
    key = str(name).lower()
    if key not in PROBLEMS:
        raise StatementError(f"unknown open problem {name!r}; choose from {', '.join(PROBLEMS)}")
    return PROBLEMS[key]
