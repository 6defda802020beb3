"""Information expressions exactly as written, without sympy.

The parser (:mod:`~natlat_sym.shannon.parse`) reads text into a small tree of
five node kinds — :class:`Number`, :class:`Parameter`, :class:`Measure`,
:class:`Sum`, :class:`Product` — that keeps the terms in the order they were
written.  Every node knows its exact :class:`~natlat_sym.shannon.linear.LinearForm`
(:func:`form_of`), its textbook text (:func:`text_of`) and its LaTeX
(:func:`latex_of`).  The tree is pure Python: the command line proves a
statement from text without importing sympy.  The symbolic objects of the
Python API (:mod:`~natlat_sym.shannon.measures`) are built from the same
tree (``measures.from_written``), so both paths have, by construction, the
same normal forms and print the same text.

A :class:`WrittenStatement` is the parser's statement: hypotheses and a
conclusion, each a :class:`WrittenRelation` between two trees.

The formulas of the measures in the joint-entropy basis live here too
(:func:`measure_form`), and the sympy measures use them.

Examples
--------
>>> from natlat_sym.shannon.grammar import parse_written
>>> s = parse_written("I(X;Z|Y) = 0 => I(X;Z) <= I(X;Y) + 1/2*eps")
>>> print(s)
h1: I(X;Z|Y) = 0 => I(X;Z) <= I(X;Y) + 1/2*eps
>>> print(s.latex())
I(X ; Z \\mid Y) = 0 \\;\\Longrightarrow\\; I(X ; Z) \\le I(X ; Y) + \\tfrac{1}{2} \\, \\varepsilon
>>> print(s.conclusion.normal_form())
H(Y) + H(X,Z) - H(Z) - H(X,Y) + 1/2*eps
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from itertools import combinations

from ..errors import NonlinearError, StatementError
from .linear import LinearForm, natural_key
from .printing import latex_name

__all__ = ["Number", "Parameter", "Measure", "Sum", "Product", "WrittenRelation", "WrittenStatement",
           "form_of", "text_of", "latex_of", "measure_form", "measure_text", "measure_latex",
           "REL_TEXT", "REL_LATEX", "name_hypotheses", "check_names"]

#: How each relation prints in text and LaTeX (the statements of both paths use these).
REL_TEXT = {"<=": "<=", ">=": ">=", "==": "="}
REL_LATEX = {"<=": r"\le", ">=": r"\ge", "==": "="}

_LATEX_SYMBOL = {"H": "H", "I": "I", "TC": r"\operatorname{TC}", "DTC": r"\operatorname{DTC}"}


# ----------------------------------------------------------------------------- measures

def measure_form(kind: str, groups, given=()) -> LinearForm:
    """Joint-entropy form of ``H(A|C)`` (``kind "H"``, one group),
    ``I(G1;...;Gk|C)`` (co-information for k >= 3), ``TC`` or ``DTC``.

    >>> print(measure_form("I", [["X"], ["Y"]], ["Z"]))
    H(X,Z) + H(Y,Z) - H(Z) - H(X,Y,Z)
    """
    gs = [frozenset(g) for g in groups]
    c = frozenset(given)
    if kind == "H":
        return LinearForm.cond_entropy(gs[0], c)
    if kind == "I":
        if len(gs) == 2:
            return LinearForm.mutual_information(gs[0], gs[1], c)
        total = LinearForm()
        for r in range(1, len(gs) + 1):
            for sel in combinations(gs, r):
                total = total + LinearForm.cond_entropy(frozenset().union(*sel), c) * (1 if r % 2 else -1)
        return total
    if kind == "TC":
        total = LinearForm()
        for g in gs:
            total = total + LinearForm.cond_entropy(g, c)
        return total - LinearForm.cond_entropy(frozenset().union(*gs), c)
    if kind == "DTC":
        total = LinearForm.cond_entropy(frozenset().union(*gs), c)
        for i, g in enumerate(gs):
            others = frozenset().union(*(h for j, h in enumerate(gs) if j != i))
            total = total - LinearForm.cond_entropy(g, others | c)
        return total
    raise StatementError(f"unknown measure {kind!r}")


def measure_text(kind: str, groups, given=()) -> str:
    """``H(X1,X2|L)``, ``I(X1;X2|L)``: names in the order written."""
    g = "|" + ",".join(given) if len(given) else ""
    return f"{kind}(" + ";".join(",".join(x) for x in groups) + g + ")"


def measure_latex(kind: str, groups, given=()) -> str:
    """``H(X_{1}, X_{2} \\mid L)``, ``I(X_{1} ; X_{2} \\mid L)``."""
    def group(names):
        return ", ".join(latex_name(n) for n in names)

    g = rf" \mid {group(given)}" if len(given) else ""
    return _LATEX_SYMBOL[kind] + "(" + " ; ".join(group(x) for x in groups) + g + ")"


# ----------------------------------------------------------------------------- nodes

@dataclass(frozen=True)
class Number:
    """An exact number."""

    value: Fraction


@dataclass(frozen=True)
class Parameter:
    """A nonnegative real parameter (``eps``, a free coefficient ``c``)."""

    name: str


@dataclass(frozen=True)
class Measure:
    """``H``, ``I``, ``TC`` or ``DTC`` of groups of variable names, given some."""

    kind: str
    groups: tuple[tuple[str, ...], ...]
    given: tuple[str, ...] = ()

    def text(self) -> str:
        return measure_text(self.kind, self.groups, self.given)

    def latex(self) -> str:
        return measure_latex(self.kind, self.groups, self.given)

    def variables(self) -> frozenset[str]:
        return frozenset(n for g in self.groups for n in g) | frozenset(self.given)


@dataclass(frozen=True)
class Sum:
    """Terms in the order written (``a + (b + c)`` keeps its parentheses)."""

    terms: tuple


@dataclass(frozen=True)
class Product:
    """Factors in the order written; numbers are coefficients."""

    factors: tuple


def variables_of(node) -> frozenset[str]:
    """Every variable named, even one the form cancels (``H(X|X)``)."""
    if isinstance(node, Measure):
        return node.variables()
    out: set[str] = set()
    for child in getattr(node, "terms", ()) or getattr(node, "factors", ()):
        out |= variables_of(child)
    return frozenset(out)


def product_form(coeff: Fraction, params: list, rest: list, text) -> LinearForm:
    """The linear form of a product ``coeff · params · rest`` (numbers
    multiplied out, parameter names, linear forms of the other factors), or
    :class:`~natlat_sym.errors.NonlinearError`; ``text()`` prints the product
    for the message.  Shared by both readers (written terms and sympy)."""
    if len(params) > 1:
        raise NonlinearError(f"product of parameters {' * '.join(params)} is not linear")
    if len(rest) > 1:
        raise NonlinearError(f"product of information quantities is not linear: {text()}")
    body = rest[0] if rest else LinearForm.const(1)
    if params:
        if body.parameters or body.scaled:
            raise NonlinearError(f"product of parameters is not linear: {text()}")
        body = body.times_parameter(params[0])
    return body * coeff


def form_of(node) -> LinearForm:
    """The canonical form of a tree.

    Raises
    ------
    NonlinearError
        For a product of parameters or of information quantities.
    """
    if isinstance(node, Number):
        return LinearForm.const(node.value)
    if isinstance(node, Parameter):
        return LinearForm.parameter(node.name)
    if isinstance(node, Measure):
        return measure_form(node.kind, node.groups, node.given)
    if isinstance(node, Sum):
        total = LinearForm()
        for t in node.terms:
            total = total + form_of(t)
        return total
    if isinstance(node, Product):
        coeff = Fraction(1)
        params: list[str] = []
        rest: list[LinearForm] = []
        for f in node.factors:
            if isinstance(f, Number):
                coeff *= f.value
            elif isinstance(f, Parameter):
                params.append(f.name)
            else:
                rest.append(form_of(f))
        return product_form(coeff, params, rest, lambda: text_of(node))
    raise StatementError(f"unsupported expression {node!r}")


# ----------------------------------------------------------------------------- printing
# The same rules as printing.to_text / to_latex on the sympy trees built from
# these nodes (tests/shannon/test_parse_paths.py checks the two agree).

def _split(term):
    if isinstance(term, Number):
        return term.value, []
    if isinstance(term, Product):
        coeff, rest = Fraction(1), []
        for f in term.factors:
            if isinstance(f, Number):
                coeff *= f.value
            else:
                rest.append(f)
        return coeff, rest
    return Fraction(1), [term]


def _print(node, leaf, number, mul_sign: str, top: bool = True) -> str:
    if isinstance(node, Sum):
        out = []
        for i, t in enumerate(node.terms):
            coeff, rest = _split(t)
            body = _product(abs(coeff), rest, leaf, number, mul_sign)
            if i == 0:
                out.append(("-" if coeff < 0 else "") + body)
            else:
                out.append((" - " if coeff < 0 else " + ") + body)
        s = "".join(out)
        return s if top else f"({s})"
    if isinstance(node, (Product, Number)):
        coeff, rest = _split(node)
        return ("-" if coeff < 0 else "") + _product(abs(coeff), rest, leaf, number, mul_sign)
    return leaf(node)


def _product(coeff, factors, leaf, number, mul_sign) -> str:
    parts = []
    if coeff != 1 or not factors:
        parts.append(number(coeff))
    for f in factors:
        parts.append(_print(f, leaf, number, mul_sign, top=not isinstance(f, Sum)))
    return mul_sign.join(parts)


def _number_text(n: Fraction) -> str:
    return str(n.numerator) if n.denominator == 1 else f"{n.numerator}/{n.denominator}"


def _number_latex(n: Fraction) -> str:
    if n.denominator == 1:
        return str(n.numerator)
    return ("-" if n < 0 else "") + rf"\tfrac{{{abs(n.numerator)}}}{{{n.denominator}}}"


def text_of(node) -> str:
    """Textbook text, e.g. ``I(X1;X2|L) + 2*H(M|X1)``."""
    return _print(node, lambda e: e.name if isinstance(e, Parameter) else e.text(), _number_text, "*")


def latex_of(node) -> str:
    """LaTeX, e.g. ``I(X_{1} ; X_{2} \\mid L)``."""
    return _print(node, lambda e: latex_name(e.name) if isinstance(e, Parameter) else e.latex(),
                  _number_latex, r" \, ")


# ----------------------------------------------------------------------------- statements

@dataclass(frozen=True)
class _Side:
    """One side of a relation: ``text()``/``latex()`` for derivations."""

    node: object

    def text(self) -> str:
        return text_of(self.node)

    def latex(self) -> str:
        return latex_of(self.node)


class RelationForm:
    """What :class:`WrittenRelation` and the sympy
    :class:`~natlat_sym.shannon.statement.Relation` share: the normal form
    of ``lhs rel rhs`` from their ``lhs_form``, ``rhs_form`` and ``rel``."""

    @property
    def sense(self) -> str:
        """``">="`` or ``"=="``: the relation of :meth:`normal_form` to 0."""
        return "==" if self.rel == "==" else ">="

    def normal_form(self) -> LinearForm:
        """``f`` such that the relation says ``f >= 0`` (or ``f == 0``)."""
        if self.rel == "<=":
            return self.rhs_form - self.lhs_form
        return self.lhs_form - self.rhs_form


@dataclass(frozen=True)
class WrittenRelation(RelationForm):
    """``lhs rel rhs`` between two written trees; ``name`` is how derivations cite it.

    The same interface as :class:`~natlat_sym.shannon.statement.Relation`
    (``lhs_form``, ``rhs_form``, ``normal_form()``, ``sense``, ``text()``,
    ``latex()``, ``variables()``, ``parameters()``).
    """

    lhs_node: object
    rel: str
    rhs_node: object
    name: str = ""
    lhs_form: LinearForm = field(init=False, compare=False, repr=False)
    rhs_form: LinearForm = field(init=False, compare=False, repr=False)

    def __post_init__(self):
        object.__setattr__(self, "lhs_form", form_of(self.lhs_node))
        object.__setattr__(self, "rhs_form", form_of(self.rhs_node))

    @property
    def lhs(self) -> _Side:
        return _Side(self.lhs_node)

    @property
    def rhs(self) -> _Side:
        return _Side(self.rhs_node)

    def variables(self) -> frozenset[str]:
        return variables_of(self.lhs_node) | variables_of(self.rhs_node)

    def parameters(self) -> frozenset[str]:
        return self.lhs_form.parameter_names() | self.rhs_form.parameter_names()

    def named(self, name: str) -> "WrittenRelation":
        return WrittenRelation(self.lhs_node, self.rel, self.rhs_node, name)

    def written_sides(self) -> tuple[tuple[str, str], tuple[str, str]]:
        """``((lhs text, lhs LaTeX), (rhs text, rhs LaTeX))`` as written (for derivations)."""
        return ((text_of(self.lhs_node), latex_of(self.lhs_node)),
                (text_of(self.rhs_node), latex_of(self.rhs_node)))

    def text(self) -> str:
        return f"{text_of(self.lhs_node)} {REL_TEXT[self.rel]} {text_of(self.rhs_node)}"

    def __str__(self) -> str:
        return (f"{self.name}: " if self.name else "") + self.text()

    def latex(self) -> str:
        return f"{latex_of(self.lhs_node)} {REL_LATEX[self.rel]} {latex_of(self.rhs_node)}"


def name_hypotheses(relations) -> list:
    """Name unnamed hypotheses ``h1``, ``h2``, ... (by position) and refuse
    two hypotheses with the same name."""
    named = [h if h.name else h.named(f"h{k}") for k, h in enumerate(relations, start=1)]
    names = [h.name for h in named]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        raise StatementError(f"two hypotheses are named {sorted(dup)[0]!r}")
    return named


def check_names(variables, parameters) -> None:
    """Refuse a name used both as a random variable and as a parameter."""
    clash = frozenset(parameters) & frozenset(variables)
    if clash:
        raise StatementError(f"name {sorted(clash)[0]!r} is used both as a random variable and as a parameter")


class StatementText:
    """What :class:`WrittenStatement` and the sympy
    :class:`~natlat_sym.shannon.statement.Statement` share: a ``conclusion``
    and ``hypotheses``, relations with ``variables()``, ``parameters()``,
    ``lhs_form``/``rhs_form``, ``text()`` and ``latex()``."""

    def variables(self) -> tuple[str, ...]:
        names = set(self.conclusion.variables())
        for h in self.hypotheses:
            names |= h.variables()
        return tuple(sorted(names, key=natural_key))

    def parameters(self) -> frozenset[str]:
        out = set(self.conclusion.parameters())
        for h in self.hypotheses:
            out |= h.parameters()
        return frozenset(out)

    def free_coefficients(self) -> frozenset[str]:
        """Parameters that multiply an entropy on either side of any relation."""
        out: set[str] = set()
        for r in (self.conclusion, *self.hypotheses):
            for side in (r.lhs_form, r.rhs_form):
                out |= {p for p, _ in side.scaled}
        return frozenset(out)

    def text(self) -> str:
        if not self.hypotheses:
            return self.conclusion.text()
        return ", ".join(str(h) for h in self.hypotheses) + " => " + self.conclusion.text()

    def __str__(self) -> str:
        return self.text()

    def latex(self) -> str:
        if not self.hypotheses:
            return self.conclusion.latex()
        return ",\\; ".join(h.latex() for h in self.hypotheses) + r" \;\Longrightarrow\; " + self.conclusion.latex()


@dataclass(frozen=True)
class WrittenStatement(StatementText):
    """Hypotheses ⇒ conclusion as written; the interface of
    :class:`~natlat_sym.shannon.statement.Statement` that derivations and
    the command line use."""

    conclusion: WrittenRelation
    hypotheses: tuple[WrittenRelation, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "hypotheses", tuple(name_hypotheses(self.hypotheses)))
        check_names(self.variables(), self.parameters())
