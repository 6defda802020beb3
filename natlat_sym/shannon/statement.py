"""Statements: hypotheses and a conclusion, each a linear (in)equality.

A :class:`Relation` is ``lhs REL rhs`` with ``REL`` one of ``<=``, ``>=``,
``==`` between two information expressions.  A :class:`Statement` claims:
for every joint distribution of its random variables and every value
``>= 0`` of its parameters, if all hypotheses hold then the conclusion
holds.

Every relation has a *normal form* ``f`` with ``f >= 0`` (or ``f == 0``)
meaning the relation: ``rhs − lhs`` for ``<=``, ``lhs − rhs`` for ``>=``
and ``==``.  The prover and the certificate checker work on normal forms.

Examples
--------
>>> from natlat_sym.shannon.parse import parse_statement
>>> s = parse_statement("I(X;Z) <= I(X;Y)", given=["markov: I(X;Z|Y) = 0"])
>>> print(s)
markov: I(X;Z|Y) = 0 => I(X;Z) <= I(X;Y)
>>> s.variables()
('X', 'Y', 'Z')
>>> print(s.conclusion.normal_form())
H(Y) + H(X,Z) - H(Z) - H(X,Y)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from functools import cached_property

import sympy

from ..errors import StatementError
from .certificate import LabelledForm
from .display import statement_html
from .linear import LinearForm
from .measures import InformationMeasure, from_written, to_latex, to_linear_form, to_text
from .grammar import parse_written, read_expression, read_relation
from .written import (REL_LATEX as _REL_LATEX, REL_TEXT as _REL_TEXT, RelationForm, StatementText, WrittenRelation, check_names,
                      name_hypotheses)

__all__ = ["Relation", "Statement", "as_relation", "as_statement"]

_REL_ALIASES = {"=": "==", "≤": "<=", "≥": ">=", "=<": "<=", "=>": ">="}
_SYMPY_REL = {"LessThan": "<=", "GreaterThan": ">=", "Equality": "=="}


def _as_expression(value, where: str):
    """sympy form of one side: plain ``int`` and ``Fraction`` become exact sympy
    numbers so that ``Relation(H(X), ">=", 0)`` prints like any other."""
    if isinstance(value, bool):
        raise StatementError(f"{where}: {value!r} is not an information expression")
    if isinstance(value, (int, Fraction)):
        return sympy.Rational(value.numerator, value.denominator)
    if isinstance(value, str):
        return from_written(read_expression(value))
    return value


@dataclass(frozen=True, eq=False)
class Relation(RelationForm):
    """``lhs rel rhs`` between sympy information expressions.

    Parameters
    ----------
    lhs, rhs : sympy expressions
        Built with :mod:`natlat_sym.shannon.measures` or by the parser.
    rel : {"<=", ">=", "=="}
        The relation (``"="``, ``"≤"`` and ``"≥"`` are read too).
    name : str, optional
        How derivations cite this relation (``"markov"``, ``"h1"``).
    """

    lhs: object
    rel: str
    rhs: object
    name: str = ""

    def __post_init__(self):
        rel = _REL_ALIASES.get(self.rel, self.rel) if isinstance(self.rel, str) else self.rel
        object.__setattr__(self, "rel", rel)
        if self.rel not in _REL_TEXT:
            raise StatementError(f"relation must be one of <=, >=, ==; got {self.rel!r}")
        object.__setattr__(self, "lhs", _as_expression(self.lhs, "left side"))
        object.__setattr__(self, "rhs", _as_expression(self.rhs, "right side"))
        _ = self.lhs_form, self.rhs_form  # validate linearity eagerly

    @classmethod
    def from_sympy(cls, relational, name: str = "") -> "Relation":
        """The relation of a sympy relational: ``I(X, Y) <= H(X)``,
        ``H(X) >= 0`` or ``sympy.Eq(I(X, Z, given=Y), 0)``.

        Examples
        --------
        >>> from natlat_sym.shannon.measures import H, I, random_variables
        >>> X, Y = random_variables("X Y")
        >>> print(Relation.from_sympy(I(X, Y) <= H(X), "bound"))
        bound: I(X;Y) <= H(X)
        """
        if isinstance(relational, bool) or relational in (sympy.true, sympy.false):
            raise StatementError(
                "the comparison was evaluated by Python or sympy to a truth value before natlat_sym saw it; "
                "write Relation(lhs, '==', rhs) or sympy.Eq(lhs, rhs) for an equation")
        rel = _SYMPY_REL.get(type(relational).__name__)
        if rel is None:
            kind = type(relational).__name__
            if kind in ("StrictLessThan", "StrictGreaterThan", "Unequality"):
                raise StatementError(f"strict or '!=' relations are not information statements "
                                     f"({kind}); use <=, >= or sympy.Eq")
            raise StatementError(f"not a relation: {relational!r}")
        return cls(relational.lhs, rel, relational.rhs, name)

    @classmethod
    def from_written(cls, relation: WrittenRelation) -> "Relation":
        """The sympy relation of a parsed :class:`~natlat_sym.shannon.written.WrittenRelation`."""
        return cls(from_written(relation.lhs_node), relation.rel, from_written(relation.rhs_node), relation.name)

    def _repr_latex_(self) -> str:
        return f"${self.latex()}$"

    def _repr_html_(self) -> str:
        return statement_html(self)

    def __repr__(self) -> str:
        return f"Relation({self!s})"

    @cached_property
    def lhs_form(self) -> LinearForm:
        return to_linear_form(self.lhs)

    @cached_property
    def rhs_form(self) -> LinearForm:
        return to_linear_form(self.rhs)

    def hypothesis_form(self, default_name: str = "") -> LabelledForm:
        return LabelledForm(self.name or default_name or str(self), self.normal_form(), self.sense)

    def variables(self) -> frozenset[str]:
        return _expr_variables(self.lhs) | _expr_variables(self.rhs)

    def parameters(self) -> frozenset[str]:
        return self.lhs_form.parameter_names() | self.rhs_form.parameter_names()

    def named(self, name: str) -> "Relation":
        return Relation(self.lhs, self.rel, self.rhs, name)

    def written_sides(self) -> tuple[tuple[str, str], tuple[str, str]]:
        """``((lhs text, lhs LaTeX), (rhs text, rhs LaTeX))`` as written (for derivations)."""
        return (to_text(self.lhs), to_latex(self.lhs)), (to_text(self.rhs), to_latex(self.rhs))

    def text(self) -> str:
        """Textbook text without the name: ``I(X1;X2|L) <= eps``."""
        return f"{to_text(self.lhs)} {_REL_TEXT[self.rel]} {to_text(self.rhs)}"

    def __str__(self) -> str:
        return (f"{self.name}: " if self.name else "") + self.text()

    def latex(self) -> str:
        return f"{to_latex(self.lhs)} {_REL_LATEX[self.rel]} {to_latex(self.rhs)}"

    def __eq__(self, other) -> bool:
        """Same relation and same canonical forms of both sides."""
        if not isinstance(other, Relation):
            return NotImplemented
        return (self.rel, self.lhs_form, self.rhs_form) == (other.rel, other.lhs_form, other.rhs_form)

    def __hash__(self) -> int:
        return hash((self.rel, self.lhs_form, self.rhs_form))


def _expr_variables(expr) -> frozenset[str]:
    out: set[str] = set()
    if isinstance(expr, InformationMeasure):
        return expr.variables()
    for a in getattr(expr, "args", ()):
        out |= _expr_variables(a)
    return frozenset(out)


@dataclass(frozen=True, eq=False)
class Statement(StatementText):
    """Hypotheses ⇒ conclusion.

    Hypotheses without a name are called ``h1``, ``h2``, ... in derivations.

    Parameters
    ----------
    conclusion : Relation, sympy relational or str
        What is claimed (``I(X, Z) <= I(X, Y)``, ``"I(X;Z) <= I(X;Y)"``).
    hypotheses : sequence of Relation, sympy relational or str, optional
        What is assumed; a single one needs no list.  ``sympy.Eq(lhs, rhs)``
        or ``Relation(lhs, "==", rhs, "name")`` for an equation (Python's
        ``==`` compares, it does not build an equation).

    Examples
    --------
    >>> import sympy
    >>> from natlat_sym import I, Relation, random_variables
    >>> X, Y, Z = random_variables("X Y Z")
    >>> print(Statement(I(X, Z) <= I(X, Y), [Relation(I(X, Z, given=Y), "==", 0, "markov")]))
    markov: I(X;Z|Y) = 0 => I(X;Z) <= I(X;Y)
    >>> print(Statement(I(X, Z) <= I(X, Y), sympy.Eq(I(X, Z, given=Y), 0)))
    h1: I(X;Z|Y) = 0 => I(X;Z) <= I(X;Y)
    """

    conclusion: Relation
    hypotheses: tuple[Relation, ...] = field(default=())

    def __post_init__(self):
        object.__setattr__(self, "conclusion", as_relation(self.conclusion, "the conclusion"))
        hyps = self.hypotheses
        if not isinstance(hyps, (tuple, list)):
            hyps = (hyps,)
        named = name_hypotheses([as_relation(h, f"hypothesis {k}") for k, h in enumerate(hyps, start=1)])
        object.__setattr__(self, "hypotheses", tuple(named))
        check_names(self.variables(), self.parameters())

    def hypothesis_forms(self) -> tuple[LabelledForm, ...]:
        return tuple(h.hypothesis_form() for h in self.hypotheses)

    def __repr__(self) -> str:
        return f"Statement({self.text()})"

    def _repr_latex_(self) -> str:
        return f"${self.latex()}$"

    def _repr_html_(self) -> str:
        return statement_html(self)

    def substitute(self, values) -> "Statement":
        """The statement with some parameters replaced by exact numbers."""
        subs = {sympy.Symbol(p, nonnegative=True): sympy.Rational(str(v)) for p, v in values.items()}

        def sub(r: Relation) -> Relation:
            return Relation(r.lhs.subs(subs) if hasattr(r.lhs, "subs") else r.lhs, r.rel,
                            r.rhs.subs(subs) if hasattr(r.rhs, "subs") else r.rhs, r.name)

        return Statement(sub(self.conclusion), tuple(sub(h) for h in self.hypotheses))


def as_relation(value, where: str = "relation") -> Relation:
    """A :class:`Relation` from a Relation, a sympy relational
    (``I(X, Y) <= H(X)``, ``sympy.Eq(...)``) or relation text (``"I(X;Y) <= eps"``).

    Raises
    ------
    StatementError
        For anything else, naming ``where``.
    """
    if isinstance(value, Relation):
        return value
    if isinstance(value, str):
        return Relation.from_written(read_relation(value))
    if isinstance(value, (bool, sympy.logic.boolalg.BooleanAtom, sympy.core.relational.Relational)):
        try:
            return Relation.from_sympy(value)
        except StatementError as e:
            raise StatementError(f"{where}: {e}") from None
    raise StatementError(f"{where} is not a relation: {value!r}")


def as_statement(value, given=()) -> Statement:
    """Whatever the user wrote, as a :class:`Statement`.

    Parameters
    ----------
    value : Statement, Relation, sympy relational or str
        ``Statement`` is returned as is; a :class:`Relation` or a sympy
        relational (``I(X1, X2, given=L) <= H(X1)``) becomes a statement
        without hypotheses; text is parsed by
        :func:`~natlat_sym.shannon.parse.parse_statement`.
    given : sequence of Relation, sympy relational or str, optional
        Extra hypotheses.

    Returns
    -------
    Statement

    Examples
    --------
    >>> from natlat_sym.shannon.measures import H, I, random_variables
    >>> X1, X2, L = random_variables("X1 X2 L")
    >>> as_statement(I(X1, X2, given=L) <= H(X1))
    Statement(I(X1;X2|L) <= H(X1))
    >>> print(as_statement("I(X1;X2) <= eps", given=[I(X1, X2) >= 0]))
    h1: I(X1;X2) >= 0 => I(X1;X2) <= eps
    """
    extra = tuple(as_relation(g, f"hypothesis {k}") for k, g in enumerate(given, start=1))
    if isinstance(value, Statement):
        return Statement(value.conclusion, value.hypotheses + extra) if extra else value
    if isinstance(value, str):
        written = parse_written(value)
        return Statement(Relation.from_written(written.conclusion),
                         tuple(Relation.from_written(h) for h in written.hypotheses) + extra)
    if isinstance(value, (Relation, bool, sympy.logic.boolalg.BooleanAtom, sympy.core.relational.Relational)):
        return Statement(as_relation(value, "the statement"), extra)
    raise StatementError(f"not a statement: {value!r} (expected a Statement, a relation such as "
                         f"I(X, Y) <= H(X), or statement text)")
