"""Read information expressions and statements in textbook notation.

The grammar (:mod:`~natlat_sym.shannon.grammar`) reads text into a tree that
keeps the terms as written; the functions here turn it into the sympy
objects of the Python API (:mod:`~natlat_sym.shannon.measures`,
:class:`~natlat_sym.shannon.statement.Statement`).  Every mistake is one line
naming the problem and its column.  The command line reads text without
sympy (:func:`~natlat_sym.shannon.claim.parse_claim`), with the same grammar,
errors and normal forms.

Examples
--------
>>> e = parse_expression("I(X1;X2|L) + 2*H(M|X1)")
>>> print(to_text(e))
I(X1;X2|L) + 2*H(M|X1)
>>> s = parse_statement("I(X1;X2|L) + 2*H(M|X1) >= H(M|L)")
>>> print(s)
I(X1;X2|L) + 2*H(M|X1) >= H(M|L)
>>> parse_statement("H(X1) <= H(X1,X1)")
Traceback (most recent call last):
...
natlat_sym.errors.ParseError: variable X1 is repeated at column 15: 'H(X1) <= H(X1,X1)'
"""

from __future__ import annotations

from collections.abc import Iterable

from .grammar import MAX_LENGTH, MAX_NESTING, parse_written, read_expression, read_given, read_relation, read_statement
from .measures import from_written, to_text
from .statement import Relation, Statement, as_relation

__all__ = ["parse_expression", "parse_relation", "parse_statement", "parse_written", "to_text", "MAX_NESTING",
           "MAX_LENGTH"]


def parse_expression(text: str, *, variables: Iterable[str] | None = None):
    """Parse one information expression into a sympy expression.

    Parameters
    ----------
    text : str
        Textbook notation: ``"I(X1;X2|L) + 2*H(M|X1) - eps"``.
    variables : iterable of str, optional
        If given, any other random-variable name is an error.

    Returns
    -------
    sympy.Expr
        Built from the measures :func:`~natlat_sym.H`, :func:`~natlat_sym.I`, ...

    Raises
    ------
    ParseError
        One line naming the problem and the column.

    Examples
    --------
    >>> print(parse_expression("I(X1;X2|L) + 2*H(M|X1)"))
    2*H(M|X1) + I(X1;X2|L)
    """
    return from_written(read_expression(text, variables))


def parse_relation(text: str, *, variables: Iterable[str] | None = None) -> Relation:
    """Parse ``[label:] lhs REL rhs`` into a :class:`~natlat_sym.shannon.statement.Relation`.

    Parameters
    ----------
    text : str
        One relation, ``<=``, ``>=`` or ``=`` (also ``≤``, ``≥``), optionally
        named: ``"bound: I(X1;X2) <= H(X1)"``.
    variables : iterable of str, optional
        If given, any other random-variable name is an error.

    Returns
    -------
    Relation

    Raises
    ------
    ParseError
        One line naming the problem and the column.

    Examples
    --------
    >>> r = parse_relation("bound: I(X1;X2) <= H(X1)")
    >>> r.name, r.rel, str(r)
    ('bound', '<=', 'bound: I(X1;X2) <= H(X1)')
    >>> parse_relation("I(X;Q) <= H(X)", variables=["X", "Y"])
    Traceback (most recent call last):
    ...
    natlat_sym.errors.ParseError: unknown variable Q (declared: X, Y) at column 5: 'I(X;Q) <= H(X)'
    """
    return Relation.from_written(read_relation(text, variables))


def parse_statement(text: str, *, given=(), variables: Iterable[str] | None = None) -> Statement:
    """Parse a statement; hypotheses may be inline (``h1, h2 => concl``)
    or passed as ``given`` (texts or Relations), or both.

    Parameters
    ----------
    text : str
        ``"[name:] hypothesis, ... => conclusion"`` or just a conclusion.
    given : sequence of str or Relation, optional
        More hypotheses, after the inline ones; texts may be named
        (``"markov: I(X;Z|Y) = 0"``), unnamed ones are called ``h1``, ``h2``, ...
    variables : iterable of str, optional
        If given, any other random-variable name is an error.

    Returns
    -------
    Statement

    Raises
    ------
    ParseError
        One line naming the problem and the column.

    Examples
    --------
    >>> s = parse_statement("I(M;X1,X2|L) <= I(X1;X2|L) + I(M;X1|X2) + I(M;X2|X1)",
    ...                     given=["markov: I(L;M|X1,X2) = 0"])
    >>> [h.name for h in s.hypotheses], s.variables()
    (['markov'], ('L', 'M', 'X1', 'X2'))
    """
    concl, hyps = read_statement(text, variables)
    extra = []
    for k, g in enumerate(given, start=1):
        if isinstance(g, str):
            extra.append(Relation.from_written(read_given(g, k, variables)))
        else:
            extra.append(as_relation(g, f"hypothesis {k}"))
    return Statement(Relation.from_written(concl), tuple(Relation.from_written(h) for h in hyps) + tuple(extra))
