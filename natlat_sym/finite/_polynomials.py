"""Sparse polynomials with exact rational coefficients (private).

The finite-alphabet encodings (:mod:`~natlat_sym.finite.instance_check` and
the case compiler :mod:`~natlat_sym.finite._exact_compile`) write product
identities such as ``p(a,b,c)·p(c) = p(a,c)·p(b,c)`` as polynomials in the
cell unknowns before handing them to z3.  A polynomial is a dict from
monomials to Fractions; a monomial is a sorted tuple of ``(variable,
power)`` pairs; zero coefficients are dropped.

>>> p = add(var("x"), var("y"))
>>> sorted(mul(p, p).items())
[((('x', 1), ('y', 1)), Fraction(2, 1)), ((('x', 2),), Fraction(1, 1)), ((('y', 2),), Fraction(1, 1))]
>>> mono("x", "y", "x")
(('x', 2), ('y', 1))
"""

from __future__ import annotations

from fractions import Fraction

__all__ = ["mono", "mul", "add", "var"]


def mono(*factors) -> tuple:
    """The monomial of a product of variables (repeats become powers)."""
    powers: dict = {}
    for v in factors:
        powers[v] = powers.get(v, 0) + 1
    return tuple(sorted(powers.items()))


def mul(p: dict, q: dict) -> dict:
    """``p · q``."""
    out: dict = {}
    for m1, c1 in p.items():
        for m2, c2 in q.items():
            powers = dict(m1)
            for v, k in m2:
                powers[v] = powers.get(v, 0) + k
            m = tuple(sorted(powers.items()))
            c = c1 * c2
            old = out.get(m)  # (no Fraction(0) + c for a new monomial: the costly part of this loop)
            out[m] = (c if type(c) is Fraction else Fraction(c)) if old is None else old + c
    return {m: c for m, c in out.items() if c}


def add(p: dict, q: dict, k=1) -> dict:
    """``p + k·q``."""
    out = dict(p)
    for m, c in q.items():
        c = c if k == 1 else k * c
        old = out.get(m)
        out[m] = (c if type(c) is Fraction else Fraction(c)) if old is None else old + c
    return {m: c for m, c in out.items() if c}


def var(v: str) -> dict:
    """The polynomial ``v``."""
    return {((v, 1),): Fraction(1)}
