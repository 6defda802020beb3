"""The grammar of statement text, read without sympy.

A small recursive-descent reader (no ``eval``, no sympy ``sympify``), so
every mistake is reported as one line naming the problem and its column.  It
reads text into the tree of :mod:`~natlat_sym.shannon.written`
(:func:`parse_written`: what the command line proves, in pure Python);
:mod:`~natlat_sym.shannon.parse` turns the same tree into the sympy objects
of the Python API, so both have the same normal forms, print the same text
and raise the same errors.

Grammar
-------
::

    statement  := [hypothesis ("," hypothesis)* "=>"] relation
    hypothesis := [label ":"] relation
    relation   := expr ("<=" | ">=" | "=" | "==" | "≤" | "≥") expr
    expr       := ["+" | "-"] term (("+" | "-") term)*
    term       := factor (("*" | "/") factor)*   # also "2 I(X;Y)" = "2*I(X;Y)"
    factor     := number | parameter | measure | "(" expr ")" | "-" factor
    measure    := "H(" group ["|" group] ")"
                | ("I" | "TC" | "DTC") "(" group (";" group)+ ["|" group] ")"
    group      := name ("," name)*

Names inside a measure are random variables; names outside are
nonnegative parameters (``eps``, ``c``).  Numbers are exact: ``0.1`` is
1/10 and ``1e-9`` is 1/10⁹.  Sizes are bounded so that every input
costs little: numbers up to :data:`natlat_sym.limits.MAX_DIGITS` digits and
exponents up to :data:`natlat_sym.limits.MAX_EXPONENT`, nesting up to
:data:`MAX_NESTING` levels, texts up to :data:`MAX_LENGTH` characters;
beyond them a one-line :class:`~natlat_sym.errors.ParseError`.  ``⇒`` may replace ``=>``.

Examples
--------
>>> print(parse_written("I(X1;X2|L) + 2*H(M|X1) >= H(M|L)"))
I(X1;X2|L) + 2*H(M|X1) >= H(M|L)
>>> parse_written("H(X1) <= H(X1,X1)")
Traceback (most recent call last):
...
natlat_sym.errors.ParseError: variable X1 is repeated at column 15: 'H(X1) <= H(X1,X1)'
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from ..errors import NonlinearError, ParseError, StatementError
from ..limits import exact_number
from .written import (Measure, Number, Parameter, Product, Sum, WrittenRelation, WrittenStatement, form_of,
                      text_of)

#: Names that are measure functions and cannot name variables or parameters.
RESERVED_NAMES = frozenset({"H", "I", "TC", "DTC"})

__all__ = ["parse_written", "read_expression", "read_relation", "MAX_NESTING", "MAX_LENGTH", "RESERVED_NAMES"]

#: Deepest nesting of parentheses and unary minus signs accepted.
MAX_NESTING = 100
#: Longest statement text accepted (characters).
MAX_LENGTH = 100_000

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<num>(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<op><=|>=|==|=>|!=|[=<>≤≥⇒+\-*/(),;|:])
  | (?P<name>[^\W\d]\w*)
    """,
    re.VERBOSE | re.UNICODE,
)
_RELATIONS = {"<=": "<=", "≤": "<=", ">=": ">=", "≥": ">=", "=": "==", "==": "=="}
_MEASURES = ("H", "I", "TC", "DTC")


@dataclass(frozen=True)
class _Tok:
    kind: str
    text: str
    pos: int


def _tokenize(text: str) -> list[_Tok]:
    out = []
    i = 0
    while i < len(text):
        m = _TOKEN.match(text, i)
        if not m:
            raise ParseError(f"unexpected character {text[i]!r}", text, i)
        kind = m.lastgroup
        if kind != "ws":
            out.append(_Tok(kind, m.group(), i))
        i = m.end()
    out.append(_Tok("end", "", len(text)))
    return out


class _Parser:
    def __init__(self, text: str, variables: Iterable[str] | None):
        if not isinstance(text, str):
            raise StatementError(f"expected text, got {type(text).__name__}")
        self.text = text
        if len(text) > MAX_LENGTH:
            raise ParseError(f"text of {len(text)} characters is longer than the limit of {MAX_LENGTH}")
        self.toks = _tokenize(text)
        self.i = 0
        self.declared = None if variables is None else frozenset(variables)
        self.var_pos: dict[str, int] = {}
        self.param_pos: dict[str, int] = {}
        self.depth = 0

    # -- helpers
    @property
    def tok(self) -> _Tok:
        return self.toks[self.i]

    def peek(self, k: int = 1) -> _Tok:
        return self.toks[min(self.i + k, len(self.toks) - 1)]

    def take(self) -> _Tok:
        t = self.tok
        self.i += 1
        return t

    @contextmanager
    def nested(self, tok: _Tok):
        """Count nesting (parentheses, unary minus) and refuse more than
        MAX_NESTING levels with a ParseError instead of a RecursionError."""
        if self.depth >= MAX_NESTING:
            self.error(f"expression nested more than {MAX_NESTING} levels deep", tok.pos)
        self.depth += 1
        try:
            yield
        finally:
            self.depth -= 1

    def error(self, message: str, pos: int | None = None):
        raise ParseError(message, self.text, self.tok.pos if pos is None else pos)

    def expect(self, text: str, what: str):
        if self.tok.text != text:
            found = repr(self.tok.text) if self.tok.kind != "end" else "end of text"
            self.error(f"expected {what}, found {found}")
        return self.take()

    # -- grammar
    def statement(self) -> tuple[WrittenRelation, list[WrittenRelation]]:
        rels = [self.labeled_relation()]
        while self.tok.text == ",":
            self.take()
            rels.append(self.labeled_relation())
        if self.tok.text in ("=>", "⇒"):
            self.take()
            if self.tok.kind == "end":
                self.error("missing conclusion after '=>'")
            conclusion = self.relation()
            hyps = rels
        else:
            if len(rels) > 1:
                self.error("several relations but no '=>' before the conclusion")
            conclusion, hyps = rels[0], []
        self.finish()
        return conclusion, hyps

    def finish(self):
        if self.tok.kind != "end":
            self.error(f"unexpected {self.tok.text!r}")
        clash = set(self.var_pos) & set(self.param_pos)
        if clash:
            n = sorted(clash)[0]
            self.error(f"name {n!r} is used both as a random variable and as a parameter",
                       max(self.var_pos[n], self.param_pos[n]))

    def labeled_relation(self) -> WrittenRelation:
        name = ""
        if self.tok.kind == "name" and self.peek().text == ":":
            name = self.take().text
            self.take()
        return self.relation(name)

    def relation(self, name: str = "") -> WrittenRelation:
        if self.tok.text in _RELATIONS or self.tok.text in ("<", ">"):
            self.error("empty left-hand side")
        lhs = self.expr()
        rel_tok = self.tok
        if rel_tok.text in ("<", ">", "!="):
            self.error(f"'{rel_tok.text}' is not supported; use <=, >= or =")
        if rel_tok.text not in _RELATIONS:
            found = repr(rel_tok.text) if rel_tok.kind != "end" else "end of text"
            self.error(f"expected a relation (<=, >=, =), found {found}")
        self.take()
        if self.tok.kind == "end" or self.tok.text in (",", "=>", "⇒") or self.tok.text in _RELATIONS:
            self.error("empty right-hand side")
        rhs = self.expr()
        try:
            return WrittenRelation(lhs, _RELATIONS[rel_tok.text], rhs, name)
        except NonlinearError as e:
            raise ParseError(str(e), self.text, rel_tok.pos) from None

    def expr(self):
        start = self.tok.pos
        terms = []
        sign = 1
        if self.tok.text in ("+", "-"):
            sign = -1 if self.take().text == "-" else 1
        terms.append(self.signed(self.term(), sign))
        while self.tok.text in ("+", "-"):
            sign = -1 if self.take().text == "-" else 1
            if self.tok.kind == "end" or self.tok.text in _RELATIONS:
                self.error("missing term after sign")
            terms.append(self.signed(self.term(), sign))
        if len(terms) > 1 and all(isinstance(t, Number) for t in terms):
            e = Number(sum((t.value for t in terms), Fraction(0)))  # a purely numeric sum is one number: (2 + 1e-8)*H(X)
        else:
            e = terms[0] if len(terms) == 1 else Sum(tuple(terms))
        try:
            form_of(e)
        except NonlinearError as err:
            raise ParseError(str(err), self.text, start) from None
        return e

    @staticmethod
    def signed(e, sign: int):
        if sign == 1:
            return e
        if isinstance(e, Number):
            return Number(-e.value)
        if isinstance(e, Product) and isinstance(e.factors[0], Number):
            return Product((Number(-e.factors[0].value), *e.factors[1:]))
        return Product((Number(Fraction(-1)), e))

    def term(self):
        start = self.tok.pos
        factors = [self.factor()]
        while True:
            if self.tok.text == "*":
                self.take()
                factors.append(self.factor())
            elif self.tok.text == "/":
                pos = self.take().pos
                d = self.factor()
                if not isinstance(d, Number):
                    raise ParseError("division by a non-number is not linear", self.text, pos)
                if d.value == 0:
                    raise ParseError("division by zero", self.text, pos)
                factors.append(Number(1 / d.value))
            elif isinstance(factors[-1], Number) and (
                    self.tok.text == "(" or (self.tok.text in _MEASURES and self.peek().text == "(")):
                factors.append(self.factor())  # implicit product: "2 I(X;Y)"
            else:
                break
        # fold leading numbers into one coefficient
        coeff = Fraction(1)
        rest = []
        for f in factors:
            if isinstance(f, Number):
                coeff = coeff * f.value
            else:
                rest.append(f)
        if not rest:
            return Number(coeff)
        symbols = [r for r in rest if isinstance(r, Parameter)]
        if len(symbols) > 1 or len(rest) - len(symbols) > 1:
            product = " * ".join(text_of(r) for r in rest)
            raise ParseError(f"product {product} is not linear", self.text, start)
        if coeff == 1 and len(rest) == 1:
            return rest[0]
        return Product((*([Number(coeff)] if coeff != 1 else []), *rest))

    def factor(self):
        t = self.tok
        if t.kind == "num":
            self.take()
            try:
                f = exact_number(t.text)
            except ValueError as e:  # too many digits or too large an exponent
                self.error(str(e), t.pos)
            return Number(f)
        if t.text == "(":
            self.take()
            if self.tok.text == ")":
                self.error("empty parentheses")
            with self.nested(t):
                e = self.expr()
            self.expect(")", "')'")
            return e
        if t.text == "-":
            self.take()
            with self.nested(t):
                return self.signed(self.factor(), -1)
        if t.kind == "name":
            if t.text in _MEASURES and self.peek().text == "(":
                return self.measure()
            if t.text in _MEASURES:
                self.error(f"{t.text} is a measure; write {t.text}(...)")
            self.take()
            self.param_pos.setdefault(t.text, t.pos)
            return Parameter(t.text)
        if t.kind == "end":
            self.error("unexpected end of text")
        self.error(f"unexpected {t.text!r}")

    def measure(self):
        name_tok = self.take()
        self.expect("(", "'('")
        groups = [self.group()]
        while self.tok.text == ";":
            self.take()
            groups.append(self.group())
        given = []
        if self.tok.text == "|":
            self.take()
            given = self.group()
        self.expect(")", f"')' to close {name_tok.text}(")
        kind = name_tok.text
        if kind == "H" and len(groups) != 1:
            self.error("H(...) takes one group of variables; did you mean I(...;...)?", name_tok.pos)
        if kind != "H" and len(groups) < 2:
            self.error(f"{kind}(...) needs at least two groups separated by ';'", name_tok.pos)
        return Measure(kind, tuple(tuple(v for v, _ in g) for g in groups), tuple(v for v, _ in given))

    def group(self) -> list[tuple[str, int]]:
        out = []
        seen: dict[str, int] = {}
        while True:
            t = self.tok
            if t.kind != "name":
                found = repr(t.text) if t.kind != "end" else "end of text"
                self.error(f"expected a variable name, found {found}")
            if t.text in RESERVED_NAMES:
                self.error(f"{t.text} is a measure name and cannot name a variable")
            if t.text in seen:
                self.error(f"variable {t.text} is repeated")
            if self.declared is not None and t.text not in self.declared:
                known = ", ".join(sorted(self.declared)) or "none"
                self.error(f"unknown variable {t.text} (declared: {known})")
            self.take()
            seen[t.text] = t.pos
            self.var_pos.setdefault(t.text, t.pos)
            out.append((t.text, t.pos))
            if self.tok.text != ",":
                return out
            self.take()


def read_statement(text: str, variables=None) -> tuple[WrittenRelation, list[WrittenRelation]]:
    """Read statement text: (conclusion, inline hypotheses)."""
    return _read(text, variables, "statement").statement()


def _read(text: str, variables, what: str) -> _Parser:
    p = _Parser(text, variables)
    if p.tok.kind == "end":
        p.error(f"empty {what}")
    return p


def read_expression(text: str, variables=None):
    """Read one information expression into a written tree."""
    p = _read(text, variables, "expression")
    e = p.expr()
    p.finish()
    return e


def read_relation(text: str, variables=None) -> WrittenRelation:
    """Read ``[label:] lhs REL rhs`` into a WrittenRelation."""
    p = _read(text, variables, "relation")
    r = p.labeled_relation()
    p.finish()
    return r


def read_given(g: str, k: int, variables) -> WrittenRelation:
    """Read hypothesis ``k`` given as text; errors name the hypothesis."""
    try:
        return read_relation(g, variables)
    except ParseError as e:
        raise ParseError(f"in hypothesis {k}: {e.args[0].split(' at column')[0]}", g, e.position) from None


def parse_written(text: str, *, given: Sequence[str] = (), variables: Iterable[str] | None = None) -> WrittenStatement:
    """Parse a statement into the sympy-free :class:`~natlat_sym.shannon.written.WrittenStatement`
    (what the command line proves); the same grammar and errors as :func:`parse_statement`.

    Examples
    --------
    >>> print(parse_written("I(X;Y|Z) <= I(X;Y)", given=["I(X;Z) = 0"]))
    h1: I(X;Z) = 0 => I(X;Y|Z) <= I(X;Y)
    """
    concl, hyps = read_statement(text, variables)
    extra = []
    for k, g in enumerate(given, start=1):
        if isinstance(g, WrittenRelation):
            extra.append(g)
        elif isinstance(g, str):
            extra.append(read_given(g, k, variables))
        else:
            raise StatementError(f"hypothesis {k} is not relation text: {g!r}")
    return WrittenStatement(concl, tuple(hyps) + tuple(extra))
