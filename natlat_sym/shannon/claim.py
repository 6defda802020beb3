"""One claim object: a statement in the normal form every engine takes.

Users say what they mean in many ways — text (``"I(X;Z|Y) = 0 => I(X;Z) <=
I(X;Y)"``), sympy relations (``I(X, Y, given=Z) >= 0``), a
:class:`~natlat_sym.shannon.statement.Relation` or
:class:`~natlat_sym.shannon.statement.Statement`, extra hypotheses
``given=[...]``, or normal forms directly.  :func:`as_claim` reads every one
of them, once, at the edge (the public functions, the command line, the
catalog); the engines — the prover, tightest constants, the finite checks —
take only a :class:`Claim`.

A claim says: for every distribution of its random variables and every value
``>= 0`` of its parameters, if every hypothesis holds then ``target >= 0``
(``target == 0`` when the relation is ``==``).  ``target`` is the
conclusion's *normal form* (``rhs − lhs`` for ``<=``, ``lhs − rhs`` for
``>=`` and ``==``); ``relation`` is the conclusion's relation as written
(certificates record it).  Parameters get values in one place,
:meth:`Claim.substitute`.

This module imports neither sympy nor a solver: text read by
:func:`~natlat_sym.shannon.parse.parse_claim` becomes a claim in pure Python.

Examples
--------
>>> c = as_claim("I(X;Z) <= I(X;Y)", given=["markov: I(X;Z|Y) = 0"])
>>> print(c)
markov: I(X;Z|Y) = 0 => I(X;Z) <= I(X;Y)
>>> print(c.target)
H(Y) + H(X,Z) - H(Z) - H(X,Y)
>>> c.relation, c.variables()
('<=', ('X', 'Y', 'Z'))
>>> [(h.name, h.sense) for h in c.hypotheses]
[('markov', '==')]
>>> print(as_claim("I(X1;X2) <= eps").substitute({"eps": "1/10"}).target)
H(X1,X2) - H(X1) - H(X2) + 1/10
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from fractions import Fraction

from ..errors import StatementError
from .certificate import LabelledForm
from .linear import LinearForm, natural_key
from .grammar import parse_written

__all__ = ["Claim", "as_claim", "parse_claim"]

_RELATIONS = ("<=", ">=", "==")


@dataclass(frozen=True)
class Claim:
    """A statement in normal form (see the module docstring).

    Attributes
    ----------
    target : LinearForm
        The conclusion's normal form: the claim is ``target >= 0``
        (``== 0`` when ``relation == "=="``).
    relation : {"<=", ">=", "=="}
        The conclusion's relation as written.
    hypotheses : tuple of LabelledForm
        Each ``form >= 0`` or ``form == 0``, named (``h1``, ``h2``, ... when
        the user gave no name).
    names : tuple of str
        The random variables, in natural order (X2 < X10), or in the order
        declared; :meth:`variables` returns them.
    text : str
        The statement as text (what certificates record); by default the
        normal forms, ``f >= 0``.
    conclusion_text, hypothesis_texts : str, tuple of str
        The conclusion and each hypothesis alone, without names.
    source : object
        What the claim was read from, when that prints the statement as
        written (a Statement, or the parser's WrittenStatement): derivations
        use its two sides.
    """

    target: LinearForm
    relation: str
    hypotheses: tuple[LabelledForm, ...] = ()
    names: tuple[str, ...] = ()
    text: str | None = None
    conclusion_text: str | None = None
    hypothesis_texts: tuple[str, ...] | None = None
    source: object = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        if self.relation not in _RELATIONS:
            raise StatementError(f"conclusion sense must be '<=', '>=' or '==', got {self.relation!r}")
        if not isinstance(self.target, LinearForm):
            raise StatementError(f"the conclusion's normal form must be a LinearForm, got {self.target!r}")
        hyps = tuple(self.hypotheses)
        for k, h in enumerate(hyps, start=1):
            if not isinstance(h, LabelledForm):
                raise StatementError(f"hypothesis {k} is not a LabelledForm: {h!r}")
        object.__setattr__(self, "hypotheses", hyps)
        if not self.names:
            mentioned = set(self.target.variables())
            for h in hyps:
                mentioned |= h.form.variables()
            object.__setattr__(self, "names", tuple(sorted(mentioned, key=natural_key)))
        if self.text is None:
            object.__setattr__(self, "text", _form_text(hyps, self.target, self.sense))
        if self.conclusion_text is None:
            object.__setattr__(self, "conclusion_text", f"{self.target} {self.sense} 0")
        if self.hypothesis_texts is None or len(self.hypothesis_texts) != len(hyps):
            object.__setattr__(self, "hypothesis_texts", tuple(f"{h.form} {h.sense} 0" for h in hyps))

    # ----------------------------------------------------------------- reading
    @property
    def sense(self) -> str:
        """``">="`` or ``"=="``: the relation of :attr:`target` to 0."""
        return "==" if self.relation == "==" else ">="

    @property
    def conclusion(self):
        """The conclusion as written (a relation with ``lhs``, ``rhs``,
        ``lhs_form``, ``rhs_form``, ``rel``), or None for a claim built from
        normal forms."""
        return getattr(self.source, "conclusion", None)

    def conclusion_form(self, name: str = "conclusion") -> LabelledForm:
        """The conclusion as a labelled form ``target >= 0`` (or ``== 0``)."""
        return LabelledForm(name, self.target, self.sense)

    def variables(self) -> tuple[str, ...]:
        """The random variables (including any that cancel, as in ``H(X|X)``)."""
        return self.names

    def mentioned(self) -> frozenset[str]:
        """The random variables the normal forms mention."""
        out = set(self.target.variables())
        for h in self.hypotheses:
            out |= h.form.variables()
        return frozenset(out)

    def parameters(self) -> frozenset[str]:
        """Every parameter name (a real number ``>= 0``)."""
        out = set(self.target.parameter_names())
        for h in self.hypotheses:
            out |= h.form.parameter_names()
        return frozenset(out)

    def free_coefficients(self) -> frozenset[str]:
        """Parameters that multiply an entropy (only ``tightest`` accepts them)."""
        own = getattr(self.source, "free_coefficients", None)
        if callable(own):
            return own()
        out = {p for p, _ in self.target.scaled}
        for h in self.hypotheses:
            out |= {p for p, _ in h.form.scaled}
        return frozenset(out)

    def __str__(self) -> str:
        return self.text

    def latex(self) -> str:
        """LaTeX of the statement as written (the text for normal-form claims)."""
        latex = getattr(self.source, "latex", None)
        return latex() if callable(latex) else self.text

    # ----------------------------------------------------------------- parameters
    def substitute(self, values: Mapping, *, complete: bool = False) -> "Claim":
        """The claim with parameters replaced by exact numbers ``>= 0``.

        Parameters
        ----------
        values : mapping of str to number
            Exact values (``"1/10"``, ``Fraction``, ``int``; a float is read
            through its decimal text).  Names the claim does not use are ignored.
        complete : bool
            Require a value for every parameter.

        Raises
        ------
        StatementError
            A value that is not an exact number, is negative, or (with
            ``complete``) a parameter without a value.
        """
        params = {str(k): v for k, v in (values or {}).items()}
        try:
            subst = {p: Fraction(str(v)) for p, v in params.items()}
        except (ValueError, ZeroDivisionError):
            raise StatementError(f"parameter values must be exact numbers, got {params!r}") from None
        for p, v in subst.items():
            if v < 0:
                raise StatementError(f"parameter {p} must be >= 0, got {v}")
        if complete:
            missing = sorted(self.parameters() - set(subst))
            if missing:
                raise StatementError(f"give a value for parameter(s) {', '.join(missing)} (parameters={{...}})")
        if not subst:
            return self
        hyps = tuple(LabelledForm(h.name, h.form.substitute(subst), h.sense) for h in self.hypotheses)
        return replace(self, target=self.target.substitute(subst), hypotheses=hyps)


def _form_text(hyps, target: LinearForm, sense: str) -> str:
    return (", ".join(f"{h.form} {h.sense} 0" for h in hyps) + " => " if hyps else "") + f"{target} {sense} 0"


def _from_statement(st) -> Claim:
    """A Claim from a Statement or the parser's WrittenStatement (same interface)."""
    concl = st.conclusion
    hyps = tuple(LabelledForm(h.name, h.normal_form(), h.sense) for h in st.hypotheses)
    return Claim(concl.normal_form(), concl.rel, hyps, st.variables(), st.text(), concl.text(),
                 tuple(h.text() for h in st.hypotheses), source=st)


def parse_claim(text: str, *, given=(), variables=None) -> Claim:
    """Read statement text (and hypothesis texts ``given``) into a Claim,
    without sympy; the same grammar, errors and normal forms as
    :func:`~natlat_sym.shannon.parse.parse_statement`.

    Examples
    --------
    >>> c = parse_claim("I(X1;X2,X3) <= H(X1)")
    >>> c.relation, c.variables(), str(c.target)
    ('<=', ('X1', 'X2', 'X3'), 'H(X1,X2,X3) - H(X2,X3)')
    """
    return _from_statement(parse_written(text, given=given, variables=variables))


def _relation_claim(value, where: str) -> Claim:
    """A claim without hypotheses from one relation-like value (for the pair form)."""
    claim = as_claim(value)
    if claim.hypotheses:
        raise StatementError(f"{where} must be one relation, not a statement with hypotheses")
    return claim


def as_claim(value, given=(), *, variables=None, symbolic: bool = False) -> Claim:
    """Whatever the user wrote, as a :class:`Claim`.

    Parameters
    ----------
    value
        * a :class:`Claim` (returned as is without ``given``);
        * statement text (read by :func:`~natlat_sym.shannon.parse.parse_claim`,
          without sympy);
        * a :class:`~natlat_sym.shannon.statement.Statement`,
          :class:`~natlat_sym.shannon.statement.Relation` or a sympy relation
          (``I(X, Y, given=Z) >= 0``, ``sympy.Eq(I(X, Z, given=Y), 0)``);
        * a :class:`~natlat_sym.shannon.linear.LinearForm` ``f`` (meaning
          ``f >= 0``) or a :class:`~natlat_sym.shannon.certificate.LabelledForm`;
        * a pair ``(conclusion, hypotheses)`` of those;
        * a triple ``(hypotheses, target, sense)`` meaning ``target sense 0``
          under the LabelledForm hypotheses.
    given : sequence, optional
        Extra hypotheses: texts, relations, sympy relations or LabelledForms.
    variables : iterable of str, optional
        For text: declared random variables; any other name is an error.
    symbolic : bool, default False
        Read text into a sympy :class:`~natlat_sym.shannon.statement.Statement`
        (the claim's ``source``, as the Python API shows it) instead of the
        sympy-free tree.  The normal forms are the same either way.

    Raises
    ------
    StatementError, ParseError, NonlinearError
        For anything that is not a linear information statement.

    Examples
    --------
    >>> from natlat_sym.shannon.linear import LinearForm as F
    >>> print(as_claim(((), F.entropy({"X"}), "<=")).target)
    -H(X)
    >>> as_claim(3)
    Traceback (most recent call last):
    ...
    natlat_sym.errors.StatementError: not a statement: 3 (expected a Statement, a relation such as I(X, Y) <= H(X), or statement text)
    """
    given = list(given or ())
    if isinstance(value, Claim) and not given:
        return value
    if isinstance(value, str) and all(isinstance(g, str) for g in given) and not symbolic:
        return parse_claim(value, given=given, variables=variables)
    if isinstance(value, Claim):
        return _with_given(value, given)
    if isinstance(value, LinearForm):
        return _with_given(Claim(value, ">=", text=f"{value} >= 0"), given)
    if isinstance(value, LabelledForm):
        return _with_given(Claim(value.form, value.sense), given)
    if type(value) is tuple and len(value) == 3 and not isinstance(value[1], (str, tuple, list)):
        hyps, target, sense = value
        hyps = tuple(hyps)
        if not isinstance(target, LinearForm) or not all(isinstance(h, LabelledForm) for h in hyps):
            raise StatementError("a statement tuple must be (hypotheses: LabelledForm..., target: LinearForm, sense)")
        if sense not in _RELATIONS:
            raise StatementError(f"conclusion sense must be '<=', '>=' or '==', got {sense!r}")
        return _with_given(Claim(-target if sense == "<=" else target, sense, hyps,
                                 text=_form_text(hyps, target, sense)), given)
    if type(value) is tuple and len(value) == 2:
        concl, hyps = value
        c = _relation_claim(concl, "the conclusion")
        forms, texts = [], []
        for k, h in enumerate(hyps, start=1):
            hc = _relation_claim(h, f"hypothesis {k}")
            forms.append(LabelledForm(getattr(h, "name", "") or f"h{k}", hc.target, hc.sense))
            texts.append(hc.conclusion_text)
        text = (", ".join(f"{f.name}: {t}" for f, t in zip(forms, texts)) + " => " if forms else "") + \
            c.conclusion_text
        return _with_given(Claim(c.target, c.relation, tuple(forms), text=text, conclusion_text=c.conclusion_text,
                                 hypothesis_texts=tuple(texts)), given)
    # Statements, relations and sympy relationals: statement.py needs sympy,
    # which such a value has already loaded; text never comes here.
    from .statement import as_statement

    return _from_statement(as_statement(value, given))


def _with_given(claim: Claim, given) -> Claim:
    """``claim`` with extra hypotheses appended (named ``h<k>`` by position when unnamed)."""
    if not given:
        return claim
    forms, texts = list(claim.hypotheses), list(claim.hypothesis_texts)
    for k, g in enumerate(given, start=len(forms) + 1):
        if isinstance(g, LabelledForm):
            forms.append(g)
            texts.append(f"{g.form} {g.sense} 0")
            continue
        gc = _relation_claim(g, f"hypothesis {k}")
        name = getattr(gc.conclusion, "name", "") or f"h{k}"
        forms.append(LabelledForm(name, gc.target, gc.sense))
        texts.append(gc.conclusion_text)
    names = [f.name for f in forms]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        raise StatementError(f"two hypotheses are named {sorted(dup)[0]!r}")
    text = ", ".join(f"{f.name}: {t}" for f, t in zip(forms, texts)) + " => " + claim.conclusion_text
    return Claim(claim.target, claim.relation, tuple(forms), (), text, claim.conclusion_text, tuple(texts))
