"""Canonical linear forms in the joint-entropy basis, with exact coefficients.

Every Shannon information measure of jointly distributed random variables is
a linear combination of *joint entropies* ``H(S)``, one per nonempty set
``S`` of variables::

    H(A|B)   = H(A∪B) − H(B)
    I(A;B|C) = H(A∪C) + H(B∪C) − H(A∪B∪C) − H(C)

Writing every expression in this basis gives a *canonical form*: two
information expressions are equal (as functions of the distribution, for
every distribution) if and only if their canonical forms are equal.  This is
the decision procedure natlat_sym uses for equality, never
``simplify(a - b) == 0``.

A :class:`LinearForm` holds, with :class:`fractions.Fraction` coefficients,

* ``entropies``: the coefficient of each joint entropy ``H(S)``;
* ``parameters``: the coefficient of each symbolic nonnegative parameter
  ``ε`` appearing on its own (``I(X1;X2|L) <= eps``);
* ``scaled``: the coefficient of each product ``c·H(S)`` of a parameter and
  a joint entropy (free coefficients, as in ``c*I(M;X1|X2)``, which only
  :func:`natlat_sym.tightest` accepts);
* ``constant``: a constant term.

This module is pure Python with no third-party imports, so the exact
certificate checker can rely on it without trusting sympy or any solver.

Examples
--------
>>> from natlat_sym.shannon.linear import LinearForm
>>> i = LinearForm.mutual_information({"X"}, {"Y"}, {"Z"})
>>> print(i)
H(X,Z) + H(Y,Z) - H(Z) - H(X,Y,Z)
>>> i == LinearForm.cond_entropy({"X"}, {"Z"}) - LinearForm.cond_entropy({"X"}, {"Y", "Z"})
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from functools import lru_cache
from numbers import Rational

from ..limits import exact_number

__all__ = ["LinearForm", "Subset", "as_fraction", "subset", "subset_key", "format_subset", "natural_key", "signed_sum"]

Subset = frozenset  # a frozenset[str] of variable names


def as_fraction(value) -> Fraction:
    """Convert an exact number (int, Fraction, sympy Rational, decimal string)
    to a Fraction; refuse floats, which would smuggle rounding into proofs.

    >>> as_fraction("1e-9")
    Fraction(1, 1000000000)
    >>> as_fraction(0.5)
    Traceback (most recent call last):
    ...
    TypeError: refusing inexact float 0.5; pass a Fraction, int or decimal string
    """
    if isinstance(value, Fraction):
        return value
    if isinstance(value, bool):
        raise TypeError("refusing bool as a coefficient")
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, str):
        return exact_number(value)  # bounded digits and exponent: "1e999999999" is refused, not expanded
    if isinstance(value, float):
        raise TypeError(f"refusing inexact float {value!r}; pass a Fraction, int or decimal string")
    if isinstance(value, Rational):
        return Fraction(int(value.numerator), int(value.denominator))
    # sympy Rational / Integer without importing sympy
    p, q = getattr(value, "p", None), getattr(value, "q", None)
    if isinstance(p, int) and isinstance(q, int):
        return Fraction(p, q)
    raise TypeError(f"not an exact rational number: {value!r}")


def subset(names: Iterable[str] | str) -> frozenset[str]:
    """A frozenset of variable names; a single string is one name."""
    if isinstance(names, str):
        return frozenset((names,))
    return frozenset(names)


def subset_key(s: frozenset[str]) -> tuple:
    """Sort key: smaller sets first, then lexicographic by natural name order."""
    return (len(s), sorted(_natural_key(n) for n in s))


@lru_cache(maxsize=4096)  # a pure function of the name; sorting 10^5 certificate rows calls it often
def _natural_key(name: str) -> tuple:
    """'X2' < 'X10': split trailing digits so numbered variables sort naturally."""
    head = name.rstrip("0123456789")
    tail = name[len(head):]
    return (head, int(tail) if tail else -1, name)


#: Public name of the natural sort key of variable names (``X2`` before ``X10``).
natural_key = _natural_key


def format_subset(s: Iterable[str]) -> str:
    """Names in natural order, comma separated: ``{'X2','X1'} -> 'X1,X2'``."""
    return ",".join(sorted(s, key=_natural_key))


def _clean(d: dict) -> dict:
    return {k: v for k, v in d.items() if v != 0}


def signed_sum(pieces) -> str:
    """Text of a signed sum ``[(coefficient, body), ...]``: ``body`` alone for
    coefficient 1, ``c*body`` otherwise, the number alone for an empty body;
    ``0`` for no pieces.  The one signed-sum printer (linear forms, exact
    values, derivations).

    >>> signed_sum([(Fraction(1), "H(X)"), (Fraction(-2), "H(Y)"), (Fraction(1, 2), "")])
    'H(X) - 2*H(Y) + 1/2'
    >>> signed_sum([(Fraction(-1), "eps")]), signed_sum([])
    ('-eps', '0')
    """
    out = []
    for i, (c, body) in enumerate(pieces):
        mag = abs(c)
        text = str(mag) if body == "" else (body if mag == 1 else f"{mag}*{body}")
        if i == 0:
            out.append(("-" if c < 0 else "") + text)
        else:
            out.append(f" {'-' if c < 0 else '+'} {text}")
    return "".join(out) or "0"


class LinearForm:
    """An exact linear combination of joint entropies, parameters, parameter
    times joint entropy products, and a constant.  Immutable and hashable.

    Parameters
    ----------
    entropies : mapping of frozenset[str] to rational, optional
        Coefficient of ``H(S)`` for each nonempty variable set ``S``.
        Entries for the empty set are dropped (``H(∅) = 0``).
    parameters : mapping of str to rational, optional
        Coefficient of each parameter on its own.
    scaled : mapping of (str, frozenset[str]) to rational, optional
        Coefficient of ``param * H(S)``.
    constant : rational, optional

    Examples
    --------
    >>> h = LinearForm.entropy({"X", "Y"}) - LinearForm.entropy({"Y"})
    >>> h == LinearForm.cond_entropy({"X"}, {"Y"})
    True
    >>> (2 * h).entropies[frozenset({"Y"})]
    Fraction(-2, 1)
    """

    __slots__ = ("_entropies", "_parameters", "_scaled", "_constant", "_hash")

    def __init__(self, entropies=None, parameters=None, scaled=None, constant=0):
        ent: dict[frozenset[str], Fraction] = {}
        for s, c in (entropies or {}).items():
            s = frozenset(s)
            if s:
                ent[s] = ent.get(s, Fraction(0)) + as_fraction(c)
        par = {str(p): as_fraction(c) for p, c in (parameters or {}).items()}
        sca: dict[tuple[str, frozenset[str]], Fraction] = {}
        for (p, s), c in (scaled or {}).items():
            s = frozenset(s)
            if s:
                key = (str(p), s)
                sca[key] = sca.get(key, Fraction(0)) + as_fraction(c)
        self._entropies = _clean(ent)
        self._parameters = _clean(par)
        self._scaled = _clean(sca)
        self._constant = as_fraction(constant)
        self._hash = None

    # ----------------------------------------------------------------- builders
    @classmethod
    def zero(cls) -> "LinearForm":
        return cls()

    @classmethod
    def entropy(cls, names) -> "LinearForm":
        """``H(S)`` for the set of variable names ``S``."""
        return cls({subset(names): 1})

    @classmethod
    def cond_entropy(cls, targets, given=()) -> "LinearForm":
        """``H(A|B) = H(A∪B) − H(B)``."""
        a, b = subset(targets), subset(given)
        # Accumulate: when A ⊆ B the two keys coincide and the result must be 0
        # (a dict literal would silently keep only -H(B)).
        terms: dict[frozenset[str], Fraction] = {}
        for s, k in ((a | b, 1), (b, -1)):
            terms[s] = terms.get(s, Fraction(0)) + k
        return cls(terms)

    @classmethod
    def mutual_information(cls, left, right, given=()) -> "LinearForm":
        """``I(A;B|C) = H(A∪C) + H(B∪C) − H(A∪B∪C) − H(C)``; valid (and
        nonnegative on every distribution) for any sets, overlapping or not."""
        a, b, c = subset(left), subset(right), subset(given)
        terms: dict[frozenset[str], Fraction] = {}
        for s, k in ((a | c, 1), (b | c, 1), (a | b | c, -1), (c, -1)):
            terms[s] = terms.get(s, Fraction(0)) + k
        return cls(terms)

    @classmethod
    def parameter(cls, name: str) -> "LinearForm":
        return cls(parameters={name: 1})

    @classmethod
    def const(cls, value) -> "LinearForm":
        return cls(constant=value)

    # ----------------------------------------------------------------- access
    @property
    def entropies(self) -> Mapping[frozenset[str], Fraction]:
        return self._entropies

    @property
    def parameters(self) -> Mapping[str, Fraction]:
        return self._parameters

    @property
    def scaled(self) -> Mapping[tuple[str, frozenset[str]], Fraction]:
        return self._scaled

    @property
    def constant(self) -> Fraction:
        return self._constant

    def variables(self) -> frozenset[str]:
        """All random-variable names the form mentions."""
        out: set[str] = set()
        for s in self._entropies:
            out |= s
        for _, s in self._scaled:
            out |= s
        return frozenset(out)

    def parameter_names(self) -> frozenset[str]:
        """All parameter names, whether alone or multiplying an entropy."""
        return frozenset(self._parameters) | frozenset(p for p, _ in self._scaled)

    def is_zero(self) -> bool:
        return not (self._entropies or self._parameters or self._scaled or self._constant)

    def is_pure_entropy(self) -> bool:
        """True when the form has only joint-entropy terms (homogeneous)."""
        return not (self._parameters or self._scaled or self._constant)

    # ----------------------------------------------------------------- algebra
    @classmethod
    def _raw(cls, ent: dict, par: dict, sca: dict, constant: Fraction) -> "LinearForm":
        """A form from dicts that are already clean: nonempty frozenset keys,
        nonzero Fraction values (the algebra below keeps them so; skipping
        the constructor's conversions makes sums of forms ~3x faster)."""
        form = cls.__new__(cls)
        form._entropies, form._parameters, form._scaled = ent, par, sca
        form._constant, form._hash = constant, None
        return form

    @staticmethod
    def _combined(mine: dict, theirs: dict, sign: int) -> dict:
        """``mine + sign * theirs`` (sign ±1) without zero entries; keys keep
        the order ``mine`` then new keys of ``theirs``, as in the constructor."""
        out = dict(mine)
        for key, c in theirs.items():
            v = out.get(key)
            v = (c if sign > 0 else -c) if v is None else (v + c if sign > 0 else v - c)
            if v:
                out[key] = v
            else:
                out.pop(key, None)
        return out

    def _plus(self, other: "LinearForm", sign: int) -> "LinearForm":
        return LinearForm._raw(self._combined(self._entropies, other._entropies, sign),
                               self._combined(self._parameters, other._parameters, sign),
                               self._combined(self._scaled, other._scaled, sign),
                               self._constant + other._constant if sign > 0 else self._constant - other._constant)

    def __add__(self, other: "LinearForm") -> "LinearForm":
        if not isinstance(other, LinearForm):
            return NotImplemented
        return self._plus(other, 1)

    def __neg__(self) -> "LinearForm":
        return LinearForm._raw({s: -c for s, c in self._entropies.items()},
                               {p: -c for p, c in self._parameters.items()},
                               {key: -c for key, c in self._scaled.items()}, -self._constant)

    def __sub__(self, other: "LinearForm") -> "LinearForm":
        if not isinstance(other, LinearForm):
            return NotImplemented
        return self._plus(other, -1)

    def __mul__(self, k) -> "LinearForm":
        k = as_fraction(k)
        if not k:
            return LinearForm()
        return LinearForm._raw({s: c * k for s, c in self._entropies.items()},
                               {p: c * k for p, c in self._parameters.items()},
                               {key: c * k for key, c in self._scaled.items()}, self._constant * k)

    __rmul__ = __mul__

    def times_parameter(self, name: str) -> "LinearForm":
        """``name * self`` for a form with only entropy terms and a constant.

        Raises ValueError if the product would not be linear (``self`` already
        has parameter terms)."""
        if self._parameters or self._scaled:
            raise ValueError("product of two parameters is not linear")
        return LinearForm(
            scaled={(name, s): c for s, c in self._entropies.items()},
            parameters={name: self._constant} if self._constant else None,
        )

    def substitute(self, values: Mapping[str, object]) -> "LinearForm":
        """Replace parameters by exact numbers; parameters not in ``values``
        stay symbolic."""
        vals = {p: as_fraction(v) for p, v in values.items()}
        ent = dict(self._entropies)
        par: dict[str, Fraction] = {}
        sca: dict[tuple[str, frozenset[str]], Fraction] = {}
        const = self._constant
        for p, c in self._parameters.items():
            if p in vals:
                const += c * vals[p]
            else:
                par[p] = c
        for (p, s), c in self._scaled.items():
            if p in vals:
                ent[s] = ent.get(s, Fraction(0)) + c * vals[p]
            else:
                sca[(p, s)] = c
        return LinearForm(ent, par, sca, const)

    def evaluate(self, entropy_of, parameters: Mapping[str, object] | None = None):
        """Value of the form given joint entropies.

        ``entropy_of`` is a mapping or a callable from frozenset of names to
        a number; numbers are combined with the coefficients as given (exact
        if the inputs are exact)."""
        get = entropy_of if callable(entropy_of) else entropy_of.__getitem__
        params = dict(parameters or {})
        total = self._constant
        for s, c in self._entropies.items():
            total = total + c * get(s)
        for p, c in self._parameters.items():
            total = total + c * params[p]
        for (p, s), c in self._scaled.items():
            total = total + c * params[p] * get(s)
        return total

    # ----------------------------------------------------------------- identity
    def _key(self):
        return (
            frozenset(self._entropies.items()),
            frozenset(self._parameters.items()),
            frozenset(self._scaled.items()),
            self._constant,
        )

    def __eq__(self, other) -> bool:
        if not isinstance(other, LinearForm):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(self._key())
        return self._hash

    # ----------------------------------------------------------------- output
    def sorted_entropy_terms(self) -> list[tuple[frozenset[str], Fraction]]:
        """Entropy terms, positive coefficients first, then by set size."""
        return sorted(self._entropies.items(), key=lambda kv: (kv[1] < 0, subset_key(kv[0])))

    def __str__(self) -> str:
        pieces: list[tuple[Fraction, str]] = []
        for s, c in self.sorted_entropy_terms():
            pieces.append((c, f"H({format_subset(s)})"))
        for (p, s), c in sorted(self._scaled.items(), key=lambda kv: (kv[0][0], subset_key(kv[0][1]))):
            pieces.append((c, f"{p}*H({format_subset(s)})"))
        for p, c in sorted(self._parameters.items()):
            pieces.append((c, p))
        if self._constant:
            pieces.append((self._constant, ""))
        return signed_sum(pieces)

    def __repr__(self) -> str:
        return f"LinearForm({str(self)!r})"

    def to_json(self) -> dict:
        """A JSON-ready dict with exact coefficients as strings ("3/2")."""
        return {
            "entropies": [[sorted(s, key=_natural_key), str(c)] for s, c in self.sorted_entropy_terms()],
            "parameters": {p: str(c) for p, c in sorted(self._parameters.items())},
            "scaled": [[p, sorted(s, key=_natural_key), str(c)] for (p, s), c in sorted(
                self._scaled.items(), key=lambda kv: (kv[0][0], subset_key(kv[0][1])))],
            "constant": str(self._constant),
        }

    @classmethod
    def from_json(cls, data: Mapping) -> "LinearForm":
        """Inverse of :meth:`to_json`; raises ValueError/TypeError/KeyError on
        malformed data (callers wrap these into their own errors)."""
        ent = {}
        for names, c in data.get("entropies", []):
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise ValueError(f"entropy term names must be a list of strings, got {names!r}")
            key = frozenset(names)
            if key in ent:
                raise ValueError(f"entropy term {names!r} appears twice")
            ent[key] = exact_number(str(c))
        par = {str(p): exact_number(str(c)) for p, c in data.get("parameters", {}).items()}
        sca = {}
        for p, names, c in data.get("scaled", []):
            sca[(str(p), frozenset(names))] = exact_number(str(c))
        return cls(ent, par, sca, exact_number(str(data.get("constant", "0"))))
