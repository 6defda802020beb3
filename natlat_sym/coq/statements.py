"""The Coq text of a user's statement: identifiers, measures, propositions.

This is the part of an exported file that says *what* is proved, so it is
generated from the user's :class:`~natlat_sym.shannon.statement.Statement`
only, never from a certificate.  Random variables become bitmask constants
(``X1 := 1``, ``X2 := 2``), parameters universally quantified nonnegative
reals, hypotheses named premises; names that Coq or the theory reserve get
a prefix.

Examples
--------
>>> from natlat_sym.shannon.parse import parse_statement
>>> st = parse_statement("I(X;Y) <= H(X)")
>>> print(coq_proposition(st, CoqNames.of(st)))
forall h : set -> R, polymatroid h ->
  I h X Y <= H h X
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations

from sympy import Add, Mul, Number, Symbol

from ..errors import CertificateError, StatementError
from ..shannon.measures import (DualTotalCorrelation, Entropy, InformationMeasure, MutualInformation, RandomVariable,
                                TotalCorrelation)

__all__ = ["CoqNames", "coq_number", "coq_expression", "coq_relation", "coq_proposition", "definitions", "unfold_list",
           "module_name", "identifier"]


_COQ_RESERVED = frozenset("""
    as at cofix else end exists exists2 fix for forall fun if IF in let match mod return Set then Prop
    SProp Type using where with is struct Definition Theorem Lemma Proof Qed Module End Variable
    Hypothesis Section Ltac Notation Infix Import Require From Open Scope Check Print
    R N Q nat positive h poly set subset polymatroid H Hc I Ic value ground finite_function
    row mkrow rI rH row_value rows_value rows_nonneg form form_value row_terms add_term add_terms collect
    nonzero collect_rows rows_value_collect list nil cons app tree Lf Nd tree_add tree_value tree_form
    all_subsets check_polymatroid le_of_certificate ge_of_certificate eq_of_certificates
    nonneg_of_le nonneg_of_ge nonneg_of_eq nonneg_of_eq_rev claim witness table True False
    xH xO xI Npos N0 Zpos IZR Rplus Rminus Rmult Rdiv Rle Rge Rlt lra ring
    entropic entropic_polymatroid copy_lemma agrees_on agrees_on_refl agrees_on_trans transport_eq
    transport_Ic subset_trans to_extension
""".split())


def identifier(name: str, taken: set[str], prefix: str) -> str:
    """A Coq identifier for ``name``: the name itself when Coq accepts it and
    it clashes with nothing, else a prefixed variant."""
    ident = name if re.fullmatch(r"[^\W\d]\w*'*", name) and not name.startswith("_") else prefix + "_" + re.sub(r"\W", "_", name)
    base, k = ident, 1
    while ident in _COQ_RESERVED or ident in taken:
        ident = f"{base}_{k}" if k > 1 else f"{base}_"
        k += 1
    taken.add(ident)
    return ident


@dataclass(frozen=True)
class CoqNames:
    """How a statement's names appear in Coq.

    Attributes
    ----------
    variables : dict
        Random variable name → (Coq identifier, bit index); variable ``k``
        is the set with bitmask ``2**k``.
    parameters : dict
        Parameter name → Coq identifier.
    hypotheses : tuple of str
        Coq names of the hypotheses, in the statement's order.
    taken : frozenset
        Every identifier used (so proof-local names avoid them).
    """

    variables: dict
    parameters: dict
    hypotheses: tuple
    taken: frozenset

    @classmethod
    def of(cls, statement, extra_variables=()) -> "CoqNames":
        taken: set[str] = set()
        names = list(statement.variables()) + [v for v in extra_variables if v not in statement.variables()]
        variables = {v: (identifier(v, taken, "v"), k) for k, v in enumerate(names)}
        parameters = {p: identifier(p, taken, "p") for p in sorted(statement.parameters())}
        hypotheses = tuple(identifier(r.name, taken, "hyp") for r in statement.hypotheses)
        return cls(variables, parameters, hypotheses, frozenset(taken))

    def mask(self, names) -> int:
        out = 0
        for n in names:
            if n not in self.variables:
                raise CertificateError(f"variable {n} is not in the statement")
            out |= 1 << self.variables[n][1]
        return out

    def set_term(self, names) -> str:
        """``X1``, ``(X1 ∪ X2)`` or ``∅``, variables in bit order."""
        idents = [self.variables[n][0] for n in sorted(names, key=lambda n: self.variables[n][1])]
        if not idents:
            return "∅"
        return idents[0] if len(idents) == 1 else "(" + " ∪ ".join(idents) + ")"

    def fresh(self, base: str, used: set[str]) -> str:
        ident, k = base, 1
        while ident in self.taken or ident in used or ident in _COQ_RESERVED:
            k += 1
            ident = f"{base}_{k}"
        used.add(ident)
        return ident


# ----------------------------------------------------------------------------- expressions
def coq_number(q: Fraction) -> str:
    """A nonnegative rational as a Coq real: ``3`` or ``(3/7)``."""
    q = Fraction(q)
    if q < 0:
        raise ValueError("negative literal")
    return str(q.numerator) if q.denominator == 1 else f"({q.numerator}/{q.denominator})"


def _measure(expr, names: CoqNames, h: str) -> str:

    def group(t):
        return frozenset(x.name for x in t)

    given = group(expr.given)
    if isinstance(expr, Entropy):
        a = names.set_term(group(expr.targets))
        return f"Hc {h} {a} {names.set_term(given)}" if given else f"H {h} {a}"
    gs = [group(g) for g in expr.groups]

    def hc(s):
        return f"Hc {h} {names.set_term(s)} {names.set_term(given)}" if given else f"H {h} {names.set_term(s)}"

    if isinstance(expr, MutualInformation) and len(gs) == 2:
        a, b = names.set_term(gs[0]), names.set_term(gs[1])
        return f"Ic {h} {a} {b} {names.set_term(given)}" if given else f"I {h} {a} {b}"
    terms: list[tuple[int, str]] = []
    if isinstance(expr, MutualInformation):  # co-information: Σ_{∅≠S} (−1)^{|S|+1} H(∪S | C)

        for r in range(1, len(gs) + 1):
            for sel in combinations(gs, r):
                terms.append((1 if r % 2 else -1, hc(frozenset().union(*sel))))
    elif isinstance(expr, TotalCorrelation):  # Σ H(G_i|C) − H(G|C)
        terms = [(1, hc(g)) for g in gs] + [(-1, hc(frozenset().union(*gs)))]
    elif isinstance(expr, DualTotalCorrelation):  # H(G|C) − Σ H(G_i | G_{−i}, C)
        union = frozenset().union(*gs)
        terms = [(1, hc(union))]
        for i, g in enumerate(gs):
            rest = frozenset().union(*(x for j, x in enumerate(gs) if j != i)) | given
            terms.append((-1, f"Hc {h} {names.set_term(g)} {names.set_term(rest)}"))
    else:  # pragma: no cover - every measure class is handled above
        raise StatementError(f"cannot export {expr} to Coq")
    out = terms[0][1] if terms[0][0] > 0 else f"- {terms[0][1]}"
    for sign, t in terms[1:]:
        out += (" + " if sign > 0 else " - ") + t
    return f"({out})"


def _signed_term(expr, names: CoqNames, h: str) -> tuple[int, str]:
    """(sign, text) of one summand, so sums print as ``a - 2 * b``."""

    if isinstance(expr, Number):
        q = Fraction(int(expr.p), int(expr.q))
        return (1 if q >= 0 else -1), coq_number(abs(q))
    if isinstance(expr, Mul):
        coeff = Fraction(1)
        rest = []
        for f in expr.args:
            if isinstance(f, Number):
                coeff *= Fraction(int(f.p), int(f.q))
            else:
                rest.append(_atom(f, names, h))
        sign = 1 if coeff >= 0 else -1
        parts = ([] if abs(coeff) == 1 and rest else [coq_number(abs(coeff))]) + rest
        return sign, " * ".join(parts)
    return 1, _atom(expr, names, h)


def _atom(expr, names: CoqNames, h: str) -> str:


    if isinstance(expr, InformationMeasure):
        return _measure(expr, names, h)
    if isinstance(expr, Symbol) and not isinstance(expr, RandomVariable):
        return names.parameters[expr.name]
    if isinstance(expr, Add):
        return "(" + coq_expression(expr, names, h) + ")"
    raise StatementError(f"cannot export {expr} to Coq")


def coq_expression(expr, names: CoqNames, h: str = "h") -> str:
    """A linear information expression as a Coq real-valued term."""

    summands = Add.make_args(expr) if isinstance(expr, Add) else (expr,)
    out = ""
    for k, a in enumerate(summands):  # sympy's order, as in the textbook text (to_text)
        sign, text = _signed_term(a, names, h)
        if k == 0:
            out = text if sign > 0 else f"- {text}"
        else:
            out += (" + " if sign > 0 else " - ") + text
    return out or "0"


_REL = {"<=": "<=", ">=": ">=", "==": "="}


def coq_relation(rel, names: CoqNames, h: str = "h") -> str:
    return f"{coq_expression(rel.lhs, names, h)} {_REL[rel.rel]} {coq_expression(rel.rhs, names, h)}"


def coq_proposition(statement, names: CoqNames, h: str = "h", predicate: str = "polymatroid") -> str:
    """The statement as a Coq proposition about every polymatroid ``h``
    (``predicate="entropic"``: every entropic ``h``, for copy-lemma proofs)."""
    if predicate not in ("polymatroid", "entropic"):
        raise ValueError(f"predicate must be 'polymatroid' or 'entropic', got {predicate!r}")
    if statement.free_coefficients():
        raise StatementError("a statement with free coefficients (a parameter multiplying an information "
                             f"term: {', '.join(sorted(statement.free_coefficients()))}) is not linear; "
                             "substitute values first (the tightest certificate's statement)")
    lines = [f"forall {h} : set -> R, {predicate} {h} ->"]
    params = [names.parameters[p] for p in sorted(names.parameters)]
    if params:
        lines.append(f"  forall {' '.join(params)} : R, " + " -> ".join(f"0 <= {p}" for p in params) + " ->")
    for ident, r in zip(names.hypotheses, statement.hypotheses):
        lines.append(f"  forall {ident} : {coq_relation(r, names, h)},")
    lines.append(f"  {coq_relation(statement.conclusion, names, h)}")
    return "\n".join(lines)


def definitions(names: CoqNames) -> list[str]:
    out = []
    for v, (ident, bit) in names.variables.items():
        note = "" if ident == v else f"  (* {v} *)"
        out.append(f"Definition {ident} : set := {1 << bit}%N.{note}")
    return out


def unfold_list(names: CoqNames) -> str:
    return " ".join(["Ic", "Hc", "I", "H", *[i for i, _ in names.variables.values()], "N.lor", "Pos.lor"])


def module_name(name: str, used: set[str]) -> str:
    base = re.sub(r"\W", "_", name) or "result"
    if base[0].isdigit():
        base = "t_" + base
    ident, k = base, 1
    while ident in used or ident in _COQ_RESERVED:
        k += 1
        ident = f"{base}_{k}"
    used.add(ident)
    return ident


