"""Information measures as symbolic (sympy) expressions.

The measures are *unevaluated* sympy expressions, in the style of
``sympy.stats.Probability``: ``H(X1, X2, given=L)`` is an object that prints
as ``H(X1,X2|L)``, adds and scales like any sympy expression, and whose
meaning is fixed by its canonical :class:`~natlat_sym.shannon.linear.LinearForm`
in the joint-entropy basis (:func:`to_linear_form`).

Glossary
--------
random variable
    A name (``X1``, ``L``, ``Γ``).  A *group* is a tuple of names read
    jointly: ``H(X1, X2)`` is the joint entropy of the pair.
H(A|C)
    Conditional entropy ``H(A∪C) − H(C)``.
I(A;B|C)
    Conditional mutual information.  With three or more groups,
    ``I(A;B;D|C)`` is the (conditional) co-information
    ``Σ_{∅≠S} (−1)^{|S|+1} H(∪_{i∈S} G_i | C)``, which may be negative.
TC(G1;...;Gk|C)
    Total correlation ``Σ_i H(G_i|C) − H(G_1…G_k|C)`` — the mediation error
    of a latent ``C`` over the groups.
DTC(G1;...;Gk|C)
    Dual total correlation ``H(G|C) − Σ_i H(G_i | G_{−i}, C)``.
parameter
    Any other symbol, e.g. ``eps`` in ``I(X1;X2|L) <= eps``: a real number
    ``>= 0``.

Public functions: :func:`random_variables`, :func:`H`, :func:`I`,
:func:`TC`, :func:`DTC`, :func:`parameter`, :func:`to_linear_form`,
:func:`from_linear_form`.

Examples
--------
>>> X1, X2, L = random_variables("X1 X2 L")
>>> e = I(X1, X2, given=L) + 2 * H(L, given=X1)
>>> print(to_text(e))
2*H(L|X1) + I(X1;X2|L)
>>> print(to_linear_form(I(X1, X2, given=L)))
H(L,X1) + H(L,X2) - H(L) - H(L,X1,X2)
>>> to_linear_form(TC(X1, X2, given=L)) == to_linear_form(I(X1, X2, given=L))
True
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

import sympy
from sympy import Add, Expr, Mul, Number, Pow, Symbol, Tuple

from ..errors import NonlinearError, StatementError
from .linear import LinearForm, natural_key
from .printing import latex_name, to_latex, to_text
from . import written

__all__ = [
    "RandomVariable", "InformationMeasure", "Entropy", "MutualInformation", "TotalCorrelation",
    "DualTotalCorrelation", "random_variables", "parameter", "H", "I", "TC", "DTC",
    "to_linear_form", "from_linear_form", "from_written", "to_text", "to_latex", "RESERVED_NAMES",
]

#: Names that are measure functions and cannot name variables or parameters.
RESERVED_NAMES = frozenset({"H", "I", "TC", "DTC"})


class RandomVariable(Symbol):
    """A named random variable (a sympy Symbol of its own class, so that a
    variable used as a number, as in ``H(X) + X``, is caught)."""

    def __new__(cls, name: str):
        _check_name(name)
        return super().__new__(cls, name)


def _check_name(name: str) -> None:
    if not isinstance(name, str) or not name.isidentifier():
        raise StatementError(f"invalid name {name!r}: names are identifiers such as X1, L, Gamma")
    if name in RESERVED_NAMES:
        raise StatementError(f"invalid name {name!r}: H, I, TC and DTC are measure names")


def random_variables(names: str | Iterable[str]) -> tuple[RandomVariable, ...]:
    """Create random variables from a space- or comma-separated string.

    Parameters
    ----------
    names : str or iterable of str
        ``"X1 X2 L"`` or ``"X1, X2, L"`` or ``["X1", "X2", "L"]``.  Names are
        identifiers; ``H``, ``I``, ``TC`` and ``DTC`` are reserved.

    Returns
    -------
    tuple of RandomVariable
        One sympy symbol per name, in order.

    Examples
    --------
    >>> random_variables("X1, X2 L")
    (X1, X2, L)
    """
    if isinstance(names, str):
        names = names.replace(",", " ").split()
    return tuple(RandomVariable(n) for n in names)


def parameter(name: str) -> Symbol:
    """A nonnegative real parameter such as ``eps`` or a free coefficient ``c``.

    Parameters
    ----------
    name : str
        An identifier (not a measure name); the same name always gives the
        same symbol.

    Returns
    -------
    sympy.Symbol
        Declared nonnegative, so ``eps >= 0`` is already ``True`` in sympy.

    Examples
    --------
    >>> from natlat_sym import H, I, prove, random_variables
    >>> X, Y = random_variables("X Y")
    >>> eps = parameter("eps")
    >>> prove(I(X, Y) <= eps + H(X)).verdict
    'proved'
    """
    _check_name(name)
    return Symbol(name, nonnegative=True)


def _group(g, where: str) -> Tuple:
    if isinstance(g, str):
        items = [g]
    elif isinstance(g, (Symbol,)):
        items = [g]
    elif isinstance(g, Iterable):
        items = list(g)
    else:
        raise StatementError(f"{where}: expected a random variable or a group of them, got {g!r}")
    out = []
    for x in items:
        if isinstance(x, str):
            x = RandomVariable(x)
        elif isinstance(x, Symbol) and not isinstance(x, RandomVariable):
            x = RandomVariable(x.name)
        elif not isinstance(x, RandomVariable):
            raise StatementError(f"{where}: {x!r} is not a random variable")
        out.append(x)
    names = [x.name for x in out]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        raise StatementError(f"{where}: variable {sorted(dup)[0]} is repeated")
    return Tuple(*out)


def _names(t: Tuple) -> frozenset[str]:
    return frozenset(x.name for x in t)


def _text_group(t: Tuple) -> str:
    return ",".join(x.name for x in t)


def _latex_group(t: Tuple) -> str:
    return ", ".join(latex_name(x.name) for x in t)


class InformationMeasure(Expr):
    """Base class: an unevaluated information quantity with a canonical form."""

    is_commutative = True
    is_real = True

    def linear_form(self) -> LinearForm:  # pragma: no cover - abstract
        raise NotImplementedError

    def text(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def latex(self) -> str:  # pragma: no cover - abstract
        raise NotImplementedError

    def variables(self) -> frozenset[str]:
        """Every variable named, even one the canonical form cancels (H(X|X))."""
        out: set[str] = set()

        def walk(a):
            if isinstance(a, RandomVariable):
                out.add(a.name)
            elif isinstance(a, Tuple):
                for b in a.args:
                    walk(b)

        for a in self.args:
            walk(a)
        return frozenset(out)

    def _sympystr(self, printer) -> str:
        return self.text()

    def _latex(self, printer) -> str:
        return self.latex()


class Entropy(InformationMeasure):
    """``H(A|C)``: args are (targets, given) as Tuples of RandomVariables."""

    def __new__(cls, targets, given=()):
        t = _group(targets, "H(...)")
        if len(t) == 0:
            raise StatementError("H() needs at least one variable")
        return Expr.__new__(cls, t, _group(given, "H(...|given)"))

    @property
    def targets(self) -> Tuple:
        return self.args[0]

    @property
    def given(self) -> Tuple:
        return self.args[1]

    def linear_form(self) -> LinearForm:
        return written.measure_form("H", [_names(self.targets)], _names(self.given))

    def text(self) -> str:
        g = f"|{_text_group(self.given)}" if len(self.given) else ""
        return f"H({_text_group(self.targets)}{g})"

    def latex(self) -> str:
        g = rf" \mid {_latex_group(self.given)}" if len(self.given) else ""
        return rf"H({_latex_group(self.targets)}{g})"


class _GroupMeasure(InformationMeasure):
    _symbol = ""
    _latex_symbol = ""
    _min_groups = 2

    def __new__(cls, groups, given=()):
        gs = [_group(g, f"{cls._symbol}(...)") for g in groups]
        if len(gs) < cls._min_groups:
            raise StatementError(f"{cls._symbol}(...) needs at least {cls._min_groups} groups separated by ';'")
        if any(len(g) == 0 for g in gs):
            raise StatementError(f"{cls._symbol}(...) has an empty group")
        return Expr.__new__(cls, Tuple(*gs), _group(given, f"{cls._symbol}(...|given)"))

    @property
    def groups(self) -> tuple[Tuple, ...]:
        return tuple(self.args[0].args)

    def linear_form(self) -> LinearForm:
        """The joint-entropy form (:func:`~natlat_sym.shannon.written.measure_form`)."""
        return written.measure_form(self._symbol, [_names(g) for g in self.groups], _names(self.given))

    @property
    def given(self) -> Tuple:
        return self.args[1]

    def text(self) -> str:
        g = f"|{_text_group(self.given)}" if len(self.given) else ""
        return f"{self._symbol}(" + ";".join(_text_group(x) for x in self.groups) + g + ")"

    def latex(self) -> str:
        g = rf" \mid {_latex_group(self.given)}" if len(self.given) else ""
        return self._latex_symbol + "(" + " ; ".join(_latex_group(x) for x in self.groups) + g + ")"


class MutualInformation(_GroupMeasure):
    """``I(A;B|C)``; with three or more groups, the co-information."""

    _symbol = "I"
    _latex_symbol = "I"


class TotalCorrelation(_GroupMeasure):
    """``TC(G1;...;Gk|C) = Σ H(G_i|C) − H(G|C)`` (mediation error)."""

    _symbol = "TC"
    _latex_symbol = r"\operatorname{TC}"


class DualTotalCorrelation(_GroupMeasure):
    """``DTC(G1;...;Gk|C) = H(G|C) − Σ H(G_i|G_{−i},C)``."""

    _symbol = "DTC"
    _latex_symbol = r"\operatorname{DTC}"


# ------------------------------------------------------------------ user-facing builders

def H(*targets, given=()) -> Entropy:
    """Entropy ``H(targets | given)``; targets are variables or names.

    Parameters
    ----------
    *targets : RandomVariable or str
        The variables whose joint entropy is taken (at least one).
    given : RandomVariable, str or sequence of them, optional
        The conditioning variables (none by default).

    Returns
    -------
    Entropy
        A sympy expression: add, scale and compare it with other measures
        (``H(X) <= H(X, Y)`` is a statement for :func:`~natlat_sym.prove`).

    Examples
    --------
    >>> print(H("X1", "X2", given="L"))
    H(X1,X2|L)
    """
    return Entropy(list(targets), _as_list(given))


def I(*groups, given=()) -> MutualInformation:
    """Mutual information ``I(A;B|given)``; each group a variable or a list.

    Parameters
    ----------
    *groups : RandomVariable, str or sequence of them
        Two groups ``A`` and ``B`` (a list for a joint variable such as
        ``["X1", "X2"]``).
    given : RandomVariable, str or sequence of them, optional
        The conditioning variables (none by default).

    Returns
    -------
    MutualInformation
        A sympy expression (see :func:`H`).

    Examples
    --------
    >>> print(I(["X1", "X2"], "M", given="L"))
    I(X1,X2;M|L)
    """
    return MutualInformation([_as_list(g) for g in groups], _as_list(given))


def TC(*groups, given=()) -> TotalCorrelation:
    """Total correlation ``TC(A;B;...|given) = sum H(group|given) - H(all|given)``.

    Parameters
    ----------
    *groups : RandomVariable, str or sequence of them
        Two or more groups.
    given : RandomVariable, str or sequence of them, optional
        The conditioning variables (none by default).

    Returns
    -------
    TotalCorrelation
        A sympy expression (see :func:`H`).

    Examples
    --------
    >>> print(TC("X1", "X2", "X3", given="L"))
    TC(X1;X2;X3|L)
    """
    return TotalCorrelation([_as_list(g) for g in groups], _as_list(given))


def DTC(*groups, given=()) -> DualTotalCorrelation:
    """Dual total correlation ``DTC(A;B;...|given) = H(all|given) - sum H(group|others, given)``.

    Parameters
    ----------
    *groups : RandomVariable, str or sequence of them
        Two or more groups.
    given : RandomVariable, str or sequence of them, optional
        The conditioning variables (none by default).

    Returns
    -------
    DualTotalCorrelation
        A sympy expression (see :func:`H`).

    Examples
    --------
    >>> print(DTC("X1", "X2", given="L"))
    DTC(X1;X2|L)
    """
    return DualTotalCorrelation([_as_list(g) for g in groups], _as_list(given))


def _as_list(g) -> list:
    if isinstance(g, (str, Symbol)):
        return [g]
    return list(g)


# ------------------------------------------------------------------ canonical form

def to_linear_form(expr) -> LinearForm:
    """Canonical :class:`LinearForm` of a linear information expression.

    Parameters
    ----------
    expr : sympy expression, measure or number
        A linear combination of measures with rational or parameter
        coefficients (``I(X, Y) + 2*H(X)``, ``eps*H(X)``).

    Returns
    -------
    LinearForm
        The expression in the joint-entropy basis (equal expressions give
        equal forms).

    Examples
    --------
    >>> from natlat_sym import I, random_variables
    >>> X, Y = random_variables("X Y")
    >>> print(to_linear_form(I(X, Y)))
    H(X) + H(Y) - H(X,Y)

    Raises
    ------
    NonlinearError
        For products of information quantities (``H(X)*H(Y)``), powers,
        divisions by parameters, or a parameter times a parameter.
    StatementError
        For inexact float coefficients and random variables used as numbers.
    """
    if isinstance(expr, (int, Fraction)):
        return LinearForm.const(expr)
    if isinstance(expr, float):
        raise StatementError(f"inexact float {expr!r}; write an exact number such as '1/10'")
    if not isinstance(expr, sympy.Basic):
        raise StatementError(f"not an information expression: {expr!r}")
    if isinstance(expr, InformationMeasure):
        return expr.linear_form()
    if isinstance(expr, RandomVariable):
        raise StatementError(f"random variable {expr.name} used as a number; write H({expr.name})")
    if isinstance(expr, Symbol):
        return LinearForm.parameter(expr.name)
    if isinstance(expr, Number):
        if not expr.is_Rational:
            raise StatementError(f"inexact number {expr}; write an exact rational such as '1/10'")
        return LinearForm.const(Fraction(int(expr.p), int(expr.q)))
    if isinstance(expr, Add):
        total = LinearForm()
        for a in expr.args:
            total = total + to_linear_form(a)
        return total
    if isinstance(expr, Mul):
        coeff = Fraction(1)
        params: list[str] = []
        rest: list[LinearForm] = []
        for f in expr.args:
            if isinstance(f, Number):
                coeff *= to_linear_form(f).constant
            elif isinstance(f, Symbol) and not isinstance(f, RandomVariable):
                params.append(f.name)
            else:
                rest.append(to_linear_form(f))
        return written.product_form(coeff, params, rest, lambda: to_text(expr))
    if isinstance(expr, Pow):
        raise NonlinearError(f"powers and divisions by a quantity are not linear: {expr}")
    raise StatementError(f"unsupported expression {expr!r}")


_MEASURE_CLASSES = {"I": MutualInformation, "TC": TotalCorrelation, "DTC": DualTotalCorrelation}


def from_written(node):
    """The sympy expression of a parsed tree (:mod:`~natlat_sym.shannon.written`),
    built with the same structure, so it prints the same text.

    >>> from natlat_sym.shannon.grammar import parse_written
    >>> print(to_text(from_written(parse_written("2*I(X;Y|Z) <= c*H(X)").conclusion.lhs_node)))
    2*I(X;Y|Z)
    """
    if isinstance(node, written.Number):
        return sympy.Rational(node.value.numerator, node.value.denominator)
    if isinstance(node, written.Parameter):
        return Symbol(node.name, nonnegative=True)
    if isinstance(node, written.Measure):
        if node.kind == "H":
            return Entropy(list(node.groups[0]), list(node.given))
        return _MEASURE_CLASSES[node.kind]([list(g) for g in node.groups], list(node.given))
    if isinstance(node, written.Sum):
        return Add(*(from_written(t) for t in node.terms), evaluate=False)
    if isinstance(node, written.Product):
        return Mul(*(from_written(f) for f in node.factors), evaluate=False)
    raise StatementError(f"not a parsed expression: {node!r}")


def from_linear_form(form: LinearForm):
    """A sympy expression in joint entropies equal to ``form`` (for display)."""
    terms = []
    for s, c in form.sorted_entropy_terms():
        terms.append(Mul(sympy.Rational(c.numerator, c.denominator),
                         Entropy(sorted(s, key=_nat), ()), evaluate=False) if c != 1 else Entropy(sorted(s, key=_nat), ()))
    for (p, s), c in form.scaled.items():
        terms.append(Mul(sympy.Rational(c.numerator, c.denominator), Symbol(p, nonnegative=True),
                         Entropy(sorted(s, key=_nat), ()), evaluate=False))
    for p, c in sorted(form.parameters.items()):
        terms.append(Mul(sympy.Rational(c.numerator, c.denominator), Symbol(p, nonnegative=True), evaluate=False))
    if form.constant:
        terms.append(sympy.Rational(form.constant.numerator, form.constant.denominator))
    if not terms:
        return sympy.Integer(0)
    return terms[0] if len(terms) == 1 else Add(*terms, evaluate=False)


def _nat(name: str):
    return natural_key(name)
