"""The natural-latent vocabulary as symbolic information quantities.

A *latent* is any random variable built from the observables
``X = (X1, ..., Xn)`` (any channel ``P[Λ|X]``).  Whether it summarises
what the observables share is measured by a handful of *errors* — each the
KL divergence of a Bayes-net diagram (spec T1), each a nonnegative linear
information expression.  This module builds those expressions (sympy, from
:mod:`natlat_sym.shannon.measures`), so theorems about natural latents can
be stated with the same words the sources use.

Glossary (spec section 2)
-------------------------
mediation error (D1)
    ``TC(X1;...;Xn|Λ)``: how far the observables are from independent given
    the latent; for two observables ``I(X1;X2|Λ)``.  Two-chunk form
    ``I(X_A;X_B|Λ)`` for disjoint chunks, per-coordinate form ``I(X_j;X_{-j}|Λ)``.
stochastic redundancy error (D2)
    ``I(Γ; X_D | X_{-D})``: what the deleted observables ``X_D`` still tell
    about ``Γ`` once the others are known.  ``|D| = m`` is the *deletion
    budget*: ``m = 1`` is the weak ("drop-one") form, ``m = n-1`` the strong
    ("any single observable suffices") form.
deterministic redundancy error (D3)
    ``H(Γ | X_{-D})``: how far ``Γ`` is from a function of the survivors.
    Always at least the stochastic error (T2).
third diagram (D6)
    ``I(Λ;Γ|X)``: the two latents interact only through ``X``; zero for
    latents built independently from ``X``.
determination (D7)
    ``H(Γ|Λ)`` (deterministic) and ``I(Γ;X|Λ)`` (stochastic: ``Γ`` is a
    function of ``Λ`` up to noise independent of ``X``).
natural latent (D4)
    A mediator and a redund at once.  Error *aggregation* is a convention:
    ``"separate"`` (one budget per term, strongest), ``"max"`` (every term
    ``<= eps``) or ``"sum"`` (the score: mediation + Σ redundancy ``<= eps``).

Units: linear statements are homogeneous, so bits versus nats never changes
whether one holds; :func:`convert` moves finite values between units (the
finite evaluators of :mod:`natlat_sym.finite` report bits).

Public functions: :func:`mediation_error`, :func:`two_chunk_mediation_error`,
:func:`per_coordinate_mediation_error`, :func:`stochastic_redundancy_error`,
:func:`deterministic_redundancy_error`, :func:`redundancy_error`,
:func:`redundancy_errors`, :func:`drop_one_redundancy_errors`,
:func:`any_single_redundancy_errors`, :func:`third_diagram_error`,
:func:`determination_error`, :func:`stochastic_determination_error`,
:func:`natural_latent_errors` (→ :class:`NaturalLatentErrors`),
:func:`natural_latent_conditions`, :func:`convert`.

Examples
--------
>>> print(mediation_error(["X1", "X2"], "L"))
I(X1;X2|L)
>>> [str(e) for e in drop_one_redundancy_errors(["X1", "X2", "X3"], "G")]
['I(G;X1|X2,X3)', 'I(G;X2|X1,X3)', 'I(G;X3|X1,X2)']
>>> for h in natural_latent_conditions(["X1", "X2"], "L", redundancy="deterministic", eps="eps"):
...     print(h)
mediation: I(X1;X2|L) <= eps
redundancy_1: H(L|X2) <= eps
redundancy_2: H(L|X1) <= eps
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

import sympy

from .errors import StatementError
from .shannon.measures import TC, H, I, parameter
from .shannon.statement import Relation

__all__ = [
    "mediation_error", "two_chunk_mediation_error", "per_coordinate_mediation_error",
    "stochastic_redundancy_error", "deterministic_redundancy_error", "redundancy_error",
    "redundancy_errors", "drop_one_redundancy_errors", "any_single_redundancy_errors",
    "third_diagram_error", "determination_error", "stochastic_determination_error",
    "NaturalLatentErrors", "natural_latent_errors", "natural_latent_conditions", "convert",
    "REDUNDANCY_KINDS", "AGGREGATIONS", "UNITS",
]

REDUNDANCY_KINDS = ("stochastic", "deterministic")
AGGREGATIONS = ("separate", "max", "sum")
#: Size of one unit in bits.
UNITS = {"bits": 1.0, "nats": 1.0 / math.log(2)}


# --------------------------------------------------------------------------- helpers
def _name(v, where: str) -> str:
    s = getattr(v, "name", v)
    if not isinstance(s, str) or not s.isidentifier():
        raise StatementError(f"{where}: {v!r} is not a variable name")
    return s


def _group(v, where: str) -> tuple[str, ...]:
    """A variable or a tuple/list of variables (a chunk read jointly)."""
    if isinstance(v, (list, tuple)):
        if not v:
            raise StatementError(f"{where}: empty group of variables")
        return tuple(_name(x, where) for x in v)
    return (_name(v, where),)


def _observables(observables, where: str, minimum: int = 1) -> tuple[tuple[str, ...], ...]:
    if isinstance(observables, str):
        observables = observables.replace(",", " ").split()
    obs = tuple(_group(o, where) for o in observables)
    if len(obs) < minimum:
        raise StatementError(f"{where}: needs at least {minimum} observables, got {len(obs)}")
    flat = [x for o in obs for x in o]
    dup = sorted({x for x in flat if flat.count(x) > 1})
    if dup:
        raise StatementError(f"{where}: observable {dup[0]} appears twice")
    return obs


def _disjoint(latent: tuple[str, ...], obs, where: str) -> None:
    clash = set(latent) & {x for o in obs for x in o}
    if clash:
        raise StatementError(f"{where}: latent {sorted(clash)[0]} is also an observable")


def _flat(groups) -> list[str]:
    return [x for g in groups for x in g]


def _deleted_indices(obs, deleted, where: str) -> tuple[int, ...]:
    """Indices of the deleted observables; ``deleted`` names observables
    (a name, or a group for a chunk observable) or is a collection of them."""
    if isinstance(deleted, (str, sympy.Symbol)) or (isinstance(deleted, tuple) and deleted in obs):
        deleted = [deleted]
    idx = []
    for d in deleted:
        g = _group(d, where)
        if g not in obs:
            raise StatementError(f"{where}: {', '.join(g)} is not one of the observables "
                                 f"{', '.join(','.join(o) for o in obs)}")
        idx.append(obs.index(g))
    if not idx:
        raise StatementError(f"{where}: the deleted set D is empty")
    if len(set(idx)) != len(idx):
        raise StatementError(f"{where}: an observable is deleted twice")
    return tuple(sorted(idx))


# --------------------------------------------------------------------------- mediation (D1)
def mediation_error(observables: Sequence, latent) -> sympy.Expr:
    """Mediation error ``TC(X1;...;Xn|Λ)`` (spec D1): the KL divergence from
    ``P[X,Λ]`` to ``P[Λ]·Π_i P[X_i|Λ]``, zero iff the observables are
    independent given ``Λ``.  For two observables it is ``I(X1;X2|Λ)``.

    Parameters
    ----------
    observables : sequence
        Variable names (or groups of names, read jointly), at least two.
    latent : str or group

    Examples
    --------
    >>> print(mediation_error(["X1", "X2", "X3"], "L"))
    TC(X1;X2;X3|L)
    >>> print(mediation_error([("X1", "X2"), "X3"], "L"))
    I(X1,X2;X3|L)
    >>> mediation_error(["X1"], "L")
    Traceback (most recent call last):
    ...
    natlat_sym.errors.StatementError: mediation_error: needs at least 2 observables, got 1
    """
    obs = _observables(observables, "mediation_error", 2)
    lat = _group(latent, "mediation_error")
    _disjoint(lat, obs, "mediation_error")
    if len(obs) == 2:
        return I(list(obs[0]), list(obs[1]), given=list(lat))
    return TC(*[list(o) for o in obs], given=list(lat))


def two_chunk_mediation_error(chunk_a: Sequence, chunk_b: Sequence, latent) -> sympy.Expr:
    """Two-chunk mediation error ``I(X_A;X_B|Λ)`` for disjoint chunks A, B
    (spec D1, the form used by S10); at most the full mediation error.

    >>> print(two_chunk_mediation_error(["X1"], ["X2", "X3"], "L"))
    I(X1;X2,X3|L)
    """
    a = _group(list(chunk_a) if not isinstance(chunk_a, str) else chunk_a, "two_chunk_mediation_error")
    b = _group(list(chunk_b) if not isinstance(chunk_b, str) else chunk_b, "two_chunk_mediation_error")
    if set(a) & set(b):
        raise StatementError(f"two_chunk_mediation_error: chunks share {sorted(set(a) & set(b))[0]}")
    lat = _group(latent, "two_chunk_mediation_error")
    _disjoint(lat, (a, b), "two_chunk_mediation_error")
    return I(list(a), list(b), given=list(lat))


def per_coordinate_mediation_error(observables: Sequence, latent, j) -> sympy.Expr:
    """Per-coordinate mediation error ``I(X_j; X_{-j} | Λ)`` (spec D1 variant).

    >>> print(per_coordinate_mediation_error(["X1", "X2", "X3"], "L", "X2"))
    I(X2;X1,X3|L)
    """
    obs = _observables(observables, "per_coordinate_mediation_error", 2)
    lat = _group(latent, "per_coordinate_mediation_error")
    _disjoint(lat, obs, "per_coordinate_mediation_error")
    (k,) = _deleted_indices(obs, [j], "per_coordinate_mediation_error")
    rest = _flat(o for i, o in enumerate(obs) if i != k)
    return I(list(obs[k]), rest, given=list(lat))


# --------------------------------------------------------------------------- redundancy (D2, D3)
def stochastic_redundancy_error(observables: Sequence, latent, deleted) -> sympy.Expr:
    """Stochastic redundancy error ``I(Γ; X_D | X_{-D})`` (spec D2): the KL
    error of the diagram in which ``Γ``'s only parents are the survivors
    ``X_{-D}``.  Zero iff ``Γ`` can be resampled from the survivors alone.

    Parameters
    ----------
    observables : sequence of names (or groups)
    latent : the latent ``Γ``
    deleted : name or collection of names
        The deleted observables ``D`` (nonempty); ``|D|`` is the deletion budget.

    Examples
    --------
    >>> print(stochastic_redundancy_error(["X1", "X2", "X3"], "G", ["X1", "X3"]))
    I(G;X1,X3|X2)
    >>> print(stochastic_redundancy_error(["X1", "X2"], "G", ["X1", "X2"]))
    I(G;X1,X2)
    """
    obs = _observables(observables, "stochastic_redundancy_error")
    lat = _group(latent, "stochastic_redundancy_error")
    _disjoint(lat, obs, "stochastic_redundancy_error")
    d = _deleted_indices(obs, deleted, "stochastic_redundancy_error")
    gone = _flat(obs[i] for i in d)
    kept = _flat(o for i, o in enumerate(obs) if i not in d)
    return I(list(lat), gone, given=kept)


def deterministic_redundancy_error(observables: Sequence, latent, deleted) -> sympy.Expr:
    """Deterministic redundancy error ``H(Γ | X_{-D})`` (spec D3): how far
    ``Γ`` is from a function of the survivors; the diagram ``Γ ← X_{-D} → Γ``.

    Examples
    --------
    >>> print(deterministic_redundancy_error(["X1", "X2"], "G", "X1"))
    H(G|X2)
    """
    obs = _observables(observables, "deterministic_redundancy_error")
    lat = _group(latent, "deterministic_redundancy_error")
    _disjoint(lat, obs, "deterministic_redundancy_error")
    d = _deleted_indices(obs, deleted, "deterministic_redundancy_error")
    kept = _flat(o for i, o in enumerate(obs) if i not in d)
    return H(*lat, given=kept)


def _check_kind(redundancy: str) -> None:
    if redundancy not in REDUNDANCY_KINDS:
        raise StatementError(f"redundancy must be 'stochastic' or 'deterministic', got {redundancy!r}")


def redundancy_error(observables: Sequence, latent, deleted, *, redundancy: str = "stochastic") -> sympy.Expr:
    """:func:`stochastic_redundancy_error` or :func:`deterministic_redundancy_error`."""
    _check_kind(redundancy)
    f = stochastic_redundancy_error if redundancy == "stochastic" else deterministic_redundancy_error
    return f(observables, latent, deleted)


def _deletion_sets(n: int, budget: int) -> list[tuple[int, ...]]:
    if not isinstance(budget, int) or isinstance(budget, bool) or not 1 <= budget <= max(n - 1, 1):
        raise StatementError(f"deletion budget m must be an integer with 1 <= m <= n-1 = {n - 1}, got {budget!r}")
    sets = list(combinations(range(n), budget))
    if budget > n - budget:  # order by the surviving observables (strong form: X1, X2, ...)
        sets.sort(key=lambda d: tuple(i for i in range(n) if i not in d))
    return sets


def redundancy_errors(observables: Sequence, latent, *, budget: int = 1,
                      redundancy: str = "stochastic") -> tuple[sympy.Expr, ...]:
    """All redundancy errors with deletion budget ``m`` (every ``|D| = m``).

    The spec's ``r_m = max_{|D|=m} r_D`` is a max of these terms; a linear
    statement uses them separately or summed (see
    :func:`natural_latent_conditions`).  Order: by the deleted observables
    when ``m <= n/2``, by the surviving ones otherwise.

    Examples
    --------
    >>> [str(e) for e in redundancy_errors(["X1", "X2", "X3", "X4"], "G", budget=2)]
    ['I(G;X1,X2|X3,X4)', 'I(G;X1,X3|X2,X4)', 'I(G;X1,X4|X2,X3)', 'I(G;X2,X3|X1,X4)', 'I(G;X2,X4|X1,X3)', 'I(G;X3,X4|X1,X2)']
    >>> redundancy_errors(["X1", "X2"], "G", budget=2)
    Traceback (most recent call last):
    ...
    natlat_sym.errors.StatementError: deletion budget m must be an integer with 1 <= m <= n-1 = 1, got 2
    """
    _check_kind(redundancy)
    obs = _observables(observables, "redundancy_errors", 2)
    return tuple(redundancy_error(obs, latent, [obs[i] for i in d], redundancy=redundancy)
                 for d in _deletion_sets(len(obs), budget))


def drop_one_redundancy_errors(observables: Sequence, latent, *, redundancy: str = "stochastic") -> tuple[sympy.Expr, ...]:
    """Weak redundancy (``m = 1``): ``I(Γ;X_i|X_{-i})`` (or ``H(Γ|X_{-i})``), i = 1..n.

    >>> [str(e) for e in drop_one_redundancy_errors(["X1", "X2", "X3"], "G", redundancy="deterministic")]
    ['H(G|X2,X3)', 'H(G|X1,X3)', 'H(G|X1,X2)']
    """
    return redundancy_errors(observables, latent, budget=1, redundancy=redundancy)


def any_single_redundancy_errors(observables: Sequence, latent, *, redundancy: str = "stochastic") -> tuple[sympy.Expr, ...]:
    """Strong redundancy (``m = n-1``): ``I(Γ;X_{-i}|X_i)`` (or ``H(Γ|X_i)``), i = 1..n.

    >>> [str(e) for e in any_single_redundancy_errors(["X1", "X2", "X3"], "G")]
    ['I(G;X2,X3|X1)', 'I(G;X1,X3|X2)', 'I(G;X1,X2|X3)']
    """
    obs = _observables(observables, "any_single_redundancy_errors", 2)
    return redundancy_errors(obs, latent, budget=len(obs) - 1, redundancy=redundancy)


# --------------------------------------------------------------------------- D6, D7
def third_diagram_error(latent, other, observables: Sequence) -> sympy.Expr:
    """Third-diagram error ``I(Λ;Γ|X)`` (spec D6): zero when the two latents
    are built independently from ``X`` (or ``Γ`` is a posterior resample).

    >>> print(third_diagram_error("L", "G", ["X1", "X2"]))
    I(L;G|X1,X2)
    """
    obs = _observables(observables, "third_diagram_error")
    a, b = _group(latent, "third_diagram_error"), _group(other, "third_diagram_error")
    _disjoint(a, obs, "third_diagram_error")
    _disjoint(b, obs, "third_diagram_error")
    if set(a) & set(b):
        raise StatementError("third_diagram_error: the two latents must be different variables")
    return I(list(a), list(b), given=_flat(obs))


def determination_error(target, latent) -> sympy.Expr:
    """Determination ``H(Γ|Λ)`` (spec D7, deterministic): the diagram ``Γ ← Λ → Γ``.

    >>> print(determination_error("G", "L"))
    H(G|L)
    """
    t, lat = _group(target, "determination_error"), _group(latent, "determination_error")
    if set(t) & set(lat):
        raise StatementError("determination_error: target and latent overlap")
    return H(*t, given=list(lat))


def stochastic_determination_error(target, latent, observables: Sequence) -> sympy.Expr:
    """Stochastic determination ``I(Γ;X|Λ)`` (spec D7): ``Λ`` mediates between
    ``Γ`` and ``X``, i.e. ``Γ`` is a function of ``Λ`` up to noise independent of ``X``.

    >>> print(stochastic_determination_error("G", "L", ["X1", "X2"]))
    I(G;X1,X2|L)
    """
    obs = _observables(observables, "stochastic_determination_error")
    t, lat = _group(target, "stochastic_determination_error"), _group(latent, "stochastic_determination_error")
    _disjoint(t, obs, "stochastic_determination_error")
    _disjoint(lat, obs, "stochastic_determination_error")
    return I(list(t), _flat(obs), given=list(lat))


# --------------------------------------------------------------------------- D4
@dataclass(frozen=True)
class NaturalLatentErrors:
    """The error terms of a candidate natural latent (spec D4).

    Attributes
    ----------
    observables : tuple of tuple of str
    latent : tuple of str
    mediation : sympy expression
    redundancy : tuple of sympy expressions
        One per deleted set of size ``budget``.
    redundancy_kind : {"stochastic", "deterministic"}
    budget : int
    unit : {"bits", "nats"}
        Only used to label finite values; linear statements are unit-free.
    """

    observables: tuple
    latent: tuple
    mediation: object
    redundancy: tuple
    redundancy_kind: str
    budget: int
    unit: str = "bits"

    def terms(self) -> dict[str, object]:
        """``{"mediation": ..., "redundancy_1": ..., ...}``."""
        out = {"mediation": self.mediation}
        out.update({f"redundancy_{k}": e for k, e in enumerate(self.redundancy, start=1)})
        return out

    def score(self) -> sympy.Expr:
        """Sum-form score: mediation + Σ redundancy terms (spec D8 for n = 2)."""
        return sympy.Add(self.mediation, *self.redundancy)

    def conditions(self, *, aggregation: str = "separate", eps=None) -> tuple[Relation, ...]:
        """Hypotheses saying the errors are small; see :func:`natural_latent_conditions`."""
        if aggregation not in AGGREGATIONS:
            raise StatementError(f"aggregation must be one of {', '.join(AGGREGATIONS)}, got {aggregation!r}")
        terms = self.terms()
        if aggregation == "sum":
            return (Relation(self.score(), "<=", _bound(eps, "eps"), "natural"),)
        if aggregation == "max":
            bound = _bound(eps, "eps")
            return tuple(Relation(e, "<=", bound, n) for n, e in terms.items())
        if isinstance(eps, Mapping):
            unknown = set(eps) - set(terms)
            if unknown:
                raise StatementError(f"eps names unknown terms {sorted(unknown)}; terms are {', '.join(terms)}")
            return tuple(Relation(e, "<=", _bound(eps.get(n, f"eps_{n}"), f"eps_{n}"), n)
                         for n, e in terms.items())
        if eps is None:
            return tuple(Relation(e, "<=", parameter(f"eps_{n}"), n) for n, e in terms.items())
        return tuple(Relation(e, "<=", _bound(eps, "eps"), n) for n, e in terms.items())

    def to_json(self) -> dict:
        return {"observables": [list(o) for o in self.observables], "latent": list(self.latent),
                "redundancy_kind": self.redundancy_kind, "budget": self.budget, "unit": self.unit,
                "terms": {n: str(e) for n, e in self.terms().items()}}


def _bound(eps, default: str):
    if eps is None:
        return parameter(default)
    if isinstance(eps, str):
        try:
            return sympy.Rational(eps)
        except (TypeError, ValueError, sympy.SympifyError):
            return parameter(eps)
    if isinstance(eps, float):
        raise StatementError(f"eps = {eps!r} is a float; write an exact number such as '1/100'")
    if isinstance(eps, sympy.Symbol):
        return parameter(eps.name)
    try:
        value = sympy.Rational(eps)
    except (TypeError, ValueError, sympy.SympifyError):
        raise StatementError(f"eps must be a parameter name or an exact number, got {eps!r}") from None
    if value < 0:
        raise StatementError(f"eps must be >= 0, got {eps}")
    return value


def natural_latent_errors(observables: Sequence, latent, *, redundancy: str = "stochastic", budget: int = 1,
                          unit: str = "bits") -> NaturalLatentErrors:
    """The mediation and redundancy errors of ``latent`` over ``observables``.

    >>> e = natural_latent_errors(["X1", "X2"], "L")
    >>> {k: str(v) for k, v in e.terms().items()}
    {'mediation': 'I(X1;X2|L)', 'redundancy_1': 'I(L;X1|X2)', 'redundancy_2': 'I(L;X2|X1)'}
    >>> print(e.score())
    I(L;X1|X2) + I(L;X2|X1) + I(X1;X2|L)
    """
    if unit not in UNITS:
        raise StatementError(f"unit must be 'bits' or 'nats', got {unit!r}")
    obs = _observables(observables, "natural_latent_errors", 2)
    lat = _group(latent, "natural_latent_errors")
    return NaturalLatentErrors(obs, lat, mediation_error(obs, lat),
                               redundancy_errors(obs, lat, budget=budget, redundancy=redundancy),
                               redundancy, budget, unit)


def natural_latent_conditions(observables: Sequence, latent, *, redundancy: str = "stochastic", budget: int = 1,
                              aggregation: str = "separate", eps=None, unit: str = "bits") -> tuple[Relation, ...]:
    """Hypotheses "``latent`` is an approximate natural latent" (spec D4),
    ready to pass as ``given`` to :func:`~natlat_sym.catalog.prove_that` or
    :func:`~natlat_sym.shannon.parse.parse_statement`.

    Parameters
    ----------
    observables, latent
        As in :func:`natural_latent_errors`.
    redundancy : {"stochastic", "deterministic"}
    budget : int
        Deletion budget ``m`` (1 = weak/drop-one, n-1 = strong/any-single).
    aggregation : {"separate", "max", "sum"}
        ``"separate"``: one relation per term, named ``mediation``,
        ``redundancy_1``, ...; ``eps`` may be a mapping from these names to
        bounds (default bounds ``eps_mediation``, ``eps_redundancy_1``, ...).
        ``"max"``: every term ``<= eps`` (one common bound).
        ``"sum"``: one relation ``natural``: mediation + Σ redundancy ``<= eps``.
    eps : str, number, Symbol or mapping, optional
        A parameter name, an exact number (``0`` gives exact conditions).
    unit : {"bits", "nats"}
        Recorded for finite evaluation; irrelevant to linear statements.

    Examples
    --------
    >>> for h in natural_latent_conditions(["X1", "X2"], "L"):
    ...     print(h)
    mediation: I(X1;X2|L) <= eps_mediation
    redundancy_1: I(L;X1|X2) <= eps_redundancy_1
    redundancy_2: I(L;X2|X1) <= eps_redundancy_2
    >>> print(natural_latent_conditions(["X1", "X2"], "L", aggregation="sum", eps=0)[0])
    natural: I(L;X1|X2) + I(L;X2|X1) + I(X1;X2|L) <= 0
    """
    errors = natural_latent_errors(observables, latent, redundancy=redundancy, budget=budget, unit=unit)
    return errors.conditions(aggregation=aggregation, eps=eps)


def convert(value: float, from_unit: str = "bits", to_unit: str = "nats") -> float:
    """Convert an information value between bits and nats.

    >>> round(convert(1.0, "bits", "nats"), 6)
    0.693147
    """
    for u in (from_unit, to_unit):
        if u not in UNITS:
            raise StatementError(f"unit must be 'bits' or 'nats', got {u!r}")
    return value * UNITS[from_unit] / UNITS[to_unit]
