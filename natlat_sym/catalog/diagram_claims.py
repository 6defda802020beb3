r"""Claims about diagrams, for catalog entries: statements between diagram
errors, and instance checks certified constructively.

The graphical rules (R1–R9) are checked by enumerating every instance up to
a bound (see :mod:`natlat_sym.dags`) and certifying each one
*constructively*: the rule's own argument names the basic inequalities
(e.g. one ``I(v; u | pa(v))`` per arrow added), so no LP is needed, and
:func:`certify_sum` re-checks the resulting certificate with the trusted
checker (:func:`natlat_sym.shannon.certificate.check_certificate`) against a
target computed independently.  :func:`diagram_statement` states a single
instance (diagram texts as sides) for ``prove_that``.  Each rule's
enumeration lives in its own module in ``proofs/``.

Examples
--------
>>> print(diagram_statement("G <- X -> G", "==", "H(G|X)"))
H(X) + H(G|X) + H(G|X) - H(G,X) = H(G|X)
>>> from natlat_sym.shannon.linear import LinearForm as F
>>> cert = certify_sum(F.mutual_information({"A"}, {"B"}), [cmi_term(0, 0b10, 0, ("A", "B"))], ("A", "B"), "I(A;B) >= 0")
>>> cert.steps()
1
"""

from __future__ import annotations

from fractions import Fraction

from ..dags import bits
from ..diagrams import diagram_error_expression
from ..shannon.basic_inequalities import BasicInequality
from ..shannon.certificate import Certificate, CertificatePiece, check_certificate
from ..shannon.linear import LinearForm
from ..shannon.parse import parse_expression
from ..shannon.statement import Relation, Statement
from ..verdicts import Truth
from .theorem import FiniteOutcome

__all__ = ["certify_sum", "cmi_term", "standard_names", "instance_outcome", "diagram_statement"]

def certify_sum(target: LinearForm, terms, names, text: str, hypotheses=(), hyp_multipliers=()) -> Certificate:
    """One-piece certificate ``target >= 0`` from basic inequalities, re-checked exactly."""
    cert = Certificate(text, tuple(names), tuple(hypotheses), "<=",
                       (CertificatePiece(target, tuple((b, Fraction(1)) for b in terms),
                                         tuple(Fraction(m) for m in hyp_multipliers)),))
    check_certificate(cert, expected_target=target)
    return cert


def cmi_term(v: int, u: int, pa: int, names) -> BasicInequality:
    return BasicInequality.mutual_information({names[v]}, {names[j] for j in bits(u)}, {names[j] for j in bits(pa)})


def standard_names(k: int) -> tuple[str, ...]:
    return tuple(f"Y{i}" for i in range(1, k + 1))


def instance_outcome(ok: bool, detail: str, sizes: str, seconds: float) -> FiniteOutcome:
    return FiniteOutcome(Truth.HOLDS if ok else Truth.VIOLATED, detail=f"{detail} [{seconds:.2f} s]", sizes=sizes)



def _side(x):
    if isinstance(x, (list, tuple)):
        from sympy import Add

        return Add(*[_side(d) for d in x], evaluate=False)
    if isinstance(x, str) and "(" not in x and any(t in x for t in ("->", "<-", "→", "←", ";")):
        return diagram_error_expression(x)
    if isinstance(x, str):
        return parse_expression(x)
    return x


def diagram_statement(lhs, rel: str, rhs, given=()):
    """A :class:`~natlat_sym.shannon.statement.Statement` between diagram errors.

    Each side is a diagram text (its error ``Σ_j H(Y_j|pa) − H(Y)``), a list of
    sides (their sum), an expression text such as ``"e1 + e2"`` or (any text
    with a parenthesis is an expression; text with an arrow or ``;`` otherwise
    is a diagram)
    ``"H(G|X)"``, or a sympy expression; ``given`` holds hypotheses as
    ``(lhs, rel, rhs)`` triples of the same kinds, optionally with a fourth
    element naming the hypothesis.

    >>> print(diagram_statement("G <- X -> G", "==", "H(G|X)"))
    H(X) + H(G|X) + H(G|X) - H(G,X) = H(G|X)
    >>> print(diagram_statement("Y1; Y2", "<=", ["Y1 -> Y2", "Y2 -> Y1"]))
    H(Y1) + H(Y2) - H(Y1,Y2) <= (H(Y1) + H(Y2|Y1) - H(Y1,Y2)) + (H(Y2) + H(Y1|Y2) - H(Y1,Y2))
    """
    hyps = []
    for h in given:
        name = h[3] if len(h) > 3 else ""
        hyps.append(Relation(_side(h[0]), h[1], _side(h[2]), name))
    return Statement(Relation(_side(lhs), rel, _side(rhs)), tuple(hyps))
