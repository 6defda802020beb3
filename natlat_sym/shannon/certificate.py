"""Proof certificates and refutation witnesses, and their exact checker.

This module is the trusted core of natlat_sym.  Solvers (HiGHS, z3) only
*propose*; a verdict is reported only after the functions here re-check it
in exact rational arithmetic.  The checker imports nothing but the standard
library and the pure-Python :mod:`~natlat_sym.shannon.linear` and
:mod:`~natlat_sym.shannon.basic_inequalities` modules: no sympy, no numpy, no solver.

What a certificate proves
-------------------------
A statement says: for every distribution of the variables and every value
``>= 0`` of its parameters, if every hypothesis ``g_j >= 0`` (or
``g_j == 0``) holds then the conclusion ``f >= 0`` holds (``f`` is the
conclusion written as "right side minus left side", or its negation for
``>=``).  A *certificate piece* for ``f >= 0`` lists

* multipliers ``λ_k >= 0`` on basic inequalities ``b_k >= 0``,
* multipliers ``μ_j`` on the hypotheses (``>= 0`` for inequalities, any
  sign for equalities),
* multipliers ``ν_p >= 0`` on the parameters (each parameter is ``>= 0``),

such that the **identity**

    f − Σ λ_k b_k − Σ μ_j g_j − Σ ν_p p  =  s

holds exactly with ``s`` a nonnegative *constant*.  Then ``f >= s >= 0``
whenever the hypotheses hold.  An equality conclusion needs two pieces,
one for ``f`` and one for ``−f``.

Certificates with copies (non-Shannon proofs)
---------------------------------------------
A certificate may also record *copy steps* (``copies``, a list of
:class:`~natlat_sym.shannon.copy_lemma.CopySpec`: "a copy of these
variables over that conditioning group") and let each piece cite, with any
rational multiplier ``c_f``, the equalities ``e_f = 0`` the copy lemma grants
(:class:`~natlat_sym.shannon.copy_lemma.CopyFact`).  The identity becomes

    f − Σ λ_k b_k − Σ μ_j g_j − Σ ν_p p − Σ c_f e_f  =  s

over the statement's variables *and* the copies.  The checker never reads
an equality from the certificate: it re-derives each ``e_f`` from the copy
specs (:func:`~natlat_sym.shannon.copy_lemma.fact_form`), so a certificate
can cite only what the copy lemma really grants.  Such certificates are
written as format version 2; version 1 (no copies) is read unchanged.

What a witness shows
--------------------
A :class:`PolymatroidWitness` is an exact rational entropy vector ``h``
(one value per nonempty subset of the variables) and parameter values that
satisfy every elemental inequality and every hypothesis but violate the
conclusion.  It shows the statement is *not Shannon-provable* (verdict
``not_provable``); whether it is false for real distributions is decided
only by a distribution witness (see :mod:`natlat_sym.finite`), except on at
most 3 variables without hypotheses, where the closure of the entropic
region is the Shannon cone.

Examples
--------
Conditioning reduces entropy: ``H(X|Y) <= H(X)`` because
``H(X) − H(X|Y) = I(X;Y) >= 0``.

>>> from natlat_sym.shannon.linear import LinearForm as F
>>> from natlat_sym.shannon.basic_inequalities import BasicInequality as B
>>> target = F.entropy({"X"}) - F.cond_entropy({"X"}, {"Y"})
>>> piece = CertificatePiece(target, ((B.mutual_information({"X"}, {"Y"}), 1),))
>>> cert = Certificate("H(X|Y) <= H(X)", ("X", "Y"), (), "<=", (piece,))
>>> check_certificate(cert)
>>> bad = CertificatePiece(target, ((B.mutual_information({"X"}, {"Y"}), 2),))
>>> check_certificate(Certificate("H(X|Y) <= H(X)", ("X", "Y"), (), "<=", (bad,)))
Traceback (most recent call last):
...
natlat_sym.errors.CertificateError: piece 1: the identity fails: residual is H(X,Y) - H(X) - H(Y), not a nonnegative constant
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from itertools import combinations
from math import gcd

from ..errors import CertificateError, CertificateFormatError, StatementError
from ..limits import check_time, exact_number
from .basic_inequalities import BasicInequality, elemental_inequalities
from .copy_lemma import CopyFact, CopySpec, check_copy_steps, fact_form
from .linear import LinearForm, as_fraction, format_subset

__all__ = [
    "LabelledForm",
    "HypothesisForm",
    "CertificatePiece",
    "Certificate",
    "PolymatroidWitness",
    "check_certificate",
    "check_witness",
    "certificate_from_json",
    "witness_from_json",
]

FORMAT_VERSION = 1
#: Version written for certificates with copy steps (readers accept both).
COPY_FORMAT_VERSION = 2


@dataclass(frozen=True)
class LabelledForm:
    """A labelled relation in normal form: ``form >= 0`` (sense ``">="``) or
    ``form == 0`` (sense ``"=="``).  A certificate's hypotheses are labelled
    forms (``name`` is how derivations cite them); so is a conclusion checked
    on a distribution."""

    name: str
    form: LinearForm
    sense: str

    def __post_init__(self):
        if self.sense not in (">=", "=="):
            raise CertificateError(f"{self.name!r}: sense must be '>=' or '==', got {self.sense!r}")

    def to_json(self) -> dict:
        return {"name": self.name, "sense": self.sense, "form": self.form.to_json()}


#: The former name of :class:`LabelledForm`, kept for existing code.
HypothesisForm = LabelledForm


@dataclass(frozen=True)
class CertificatePiece:
    """Multipliers proving ``target >= 0``; see the module docstring.

    ``hypotheses`` is aligned with the certificate's hypothesis list
    (missing trailing entries count as 0); ``copy_facts`` pairs copy-lemma
    equalities with their (any-sign) multipliers."""

    target: LinearForm
    basic: tuple[tuple[BasicInequality, Fraction], ...] = ()
    hypotheses: tuple[Fraction, ...] = ()
    parameters: Mapping[str, Fraction] = field(default_factory=dict)
    copy_facts: tuple[tuple[CopyFact, Fraction], ...] = ()

    def combination(self, hyps: tuple[LabelledForm, ...], copies: tuple[CopySpec, ...] = (),
                    variables=()) -> LinearForm:
        """``Σ λ_k b_k + Σ μ_j g_j + Σ ν_p p + Σ c_f e_f`` as a linear form
        (the copy equalities ``e_f`` derived from ``copies`` over the
        statement's ``variables``).

        The basic-inequality part is summed exactly in integers over the
        common denominator of the λ's (certificates can have 10^5 rows)."""
        lams = [(ineq, as_fraction(lam)) for ineq, lam in self.basic if lam]
        den = 1
        for _, lam in lams:
            den = den * lam.denominator // gcd(den, lam.denominator)
        acc: dict = {}
        for ineq, lam in lams:
            k = lam.numerator * (den // lam.denominator)
            for s, sign in ineq.terms():
                acc[s] = acc.get(s, 0) + sign * k
        total = LinearForm({s: Fraction(v, den) for s, v in acc.items() if v and s})
        for h, mu in zip(hyps, self.hypotheses):
            if mu:
                total = total + h.form * as_fraction(mu)
        if self.parameters:
            total = total + LinearForm(parameters=self.parameters)
        for fact, c in self.copy_facts:
            if c:
                total = total + fact_form(copies, variables, fact) * as_fraction(c)
        return total

    def residual(self, hyps: tuple[LabelledForm, ...], copies: tuple[CopySpec, ...] = (),
                 variables=()) -> LinearForm:
        return self.target - self.combination(hyps, copies, variables)

    def steps(self) -> int:
        """Number of basic inequalities, hypotheses and copy equalities used."""
        return (sum(1 for _, lam in self.basic if lam) + sum(1 for mu in self.hypotheses if mu)
                + sum(1 for _, c in self.copy_facts if c))

    def to_json(self) -> dict:
        out = {
            "target": self.target.to_json(),
            "basic": [dict(b.to_json(), multiplier=str(as_fraction(m))) for b, m in self.basic],
            "hypotheses": [str(as_fraction(m)) for m in self.hypotheses],
            "parameters": {p: str(as_fraction(m)) for p, m in sorted(self.parameters.items())},
        }
        if self.copy_facts:
            out["copy_facts"] = [dict(f.to_json(), multiplier=str(as_fraction(c))) for f, c in self.copy_facts]
        return out


@dataclass(frozen=True)
class Certificate:
    """A proof of ``statement``: one piece for ``<=``/``>=``, two for ``==``.

    Attributes
    ----------
    statement : str
        The statement in textbook notation (re-parsed by ``natlat verify``).
    variables : tuple of str
        Random variables of the statement.
    hypotheses : tuple of LabelledForm
    sense : str
        ``"<="``, ``">="`` or ``"=="`` — the conclusion's relation.
    pieces : tuple of CertificatePiece
    copies : tuple of CopySpec
        Copy steps (names filled in), in order; empty for a Shannon-type
        proof.  JSON key ``"copies"``: a list of ``{"copy": [...], "over":
        [...], "names": [...]}`` (version 2).
    """

    statement: str
    variables: tuple[str, ...]
    hypotheses: tuple[LabelledForm, ...]
    sense: str
    pieces: tuple[CertificatePiece, ...]
    copies: tuple[CopySpec, ...] = ()

    def steps(self) -> int:
        return sum(p.steps() for p in self.pieces)

    def uses(self) -> tuple[str, ...]:
        """Names of the hypotheses some piece gives a nonzero multiplier."""
        used = []
        for j, h in enumerate(self.hypotheses):
            if any(j < len(p.hypotheses) and p.hypotheses[j] for p in self.pieces):
                used.append(h.name)
        return tuple(used)

    def statement_variables(self) -> frozenset:
        """Every variable of the statement: declared, in a target, or in a
        hypothesis (copy names must avoid all of them)."""
        names = set(self.variables)
        for p in self.pieces:
            names |= p.target.variables()
        for h in self.hypotheses:
            names |= h.form.variables()
        return frozenset(names)

    def to_json(self) -> dict:
        out = {
            "format": "natlat_sym.certificate",
            "version": COPY_FORMAT_VERSION if self.copies else FORMAT_VERSION,
            "statement": self.statement,
            "variables": list(self.variables),
            "sense": self.sense,
            "hypotheses": [h.to_json() for h in self.hypotheses],
            "pieces": [p.to_json() for p in self.pieces],
        }
        if self.copies:
            out["copies"] = [c.to_json() for c in self.copies]
        return out

    def digest(self) -> str:
        """Short content hash (sha256 of the canonical JSON)."""
        blob = json.dumps(self.to_json(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


def check_certificate(cert: Certificate, *, expected_target: LinearForm | None = None,
                      expected_hypotheses: tuple[LabelledForm, ...] | None = None) -> None:
    """Re-verify a certificate exactly; return None or raise CertificateError.

    Parameters
    ----------
    cert : Certificate
        The certificate to re-check (from :func:`~natlat_sym.prove` or
        :func:`certificate_from_json`).
    expected_target : LinearForm, optional
        The conclusion's normal form ``f`` as computed independently from the
        statement; when given, the certificate must prove exactly this (and
        ``−f`` too for an equality).
    expected_hypotheses : tuple of LabelledForm, optional
        The statement's hypotheses as computed independently; when given,
        the certificate's hypotheses must match them in forms and senses.
    """
    if cert.sense not in ("<=", ">=", "=="):
        raise CertificateError(f"conclusion sense must be '<=', '>=' or '==', got {cert.sense!r}")
    want = 2 if cert.sense == "==" else 1
    if len(cert.pieces) != want:
        raise CertificateError(f"a '{cert.sense}' conclusion needs {want} certificate piece(s), got {len(cert.pieces)}")
    if expected_hypotheses is not None:
        if len(expected_hypotheses) != len(cert.hypotheses):
            raise CertificateError(
                f"certificate has {len(cert.hypotheses)} hypotheses, the statement has {len(expected_hypotheses)}")
        for j, (a, b) in enumerate(zip(cert.hypotheses, expected_hypotheses), start=1):
            if a.sense != b.sense or a.form != b.form:
                raise CertificateError(f"hypothesis {j} ({b.name}) does not match the statement")
    if expected_target is not None:
        targets = [expected_target] if want == 1 else [expected_target, -expected_target]
        for k, (piece, t) in enumerate(zip(cert.pieces, targets), start=1):
            if piece.target != t:
                raise CertificateError(f"piece {k} proves {piece.target} >= 0, but the statement needs {t} >= 0")
    elif want == 2 and cert.pieces[0].target != -cert.pieces[1].target:
        raise CertificateError("the two pieces of an equality certificate must prove f >= 0 and -f >= 0")
    originals = cert.statement_variables()
    check_copy_steps(cert.copies, originals)
    for k, piece in enumerate(cert.pieces, start=1):
        if piece.copy_facts and not cert.copies:
            raise CertificateError(f"piece {k} cites copy equalities, but the certificate makes no copies")
        for f, _ in piece.copy_facts:
            if not isinstance(f, CopyFact):
                raise CertificateError(f"piece {k}: {f!r} is not a copy-lemma fact")
        for b, lam in piece.basic:
            if not isinstance(b, BasicInequality):
                raise CertificateError(f"piece {k}: {b!r} is not a basic inequality")
            if as_fraction(lam) < 0:
                raise CertificateError(f"piece {k}: multiplier {lam} on {b} is negative")
        if len(piece.hypotheses) > len(cert.hypotheses):
            raise CertificateError(f"piece {k}: more hypothesis multipliers than hypotheses")
        for h, mu in zip(cert.hypotheses, piece.hypotheses):
            if h.sense == ">=" and as_fraction(mu) < 0:
                raise CertificateError(f"piece {k}: multiplier {mu} on inequality hypothesis {h.name!r} is negative")
        for p, nu in piece.parameters.items():
            if as_fraction(nu) < 0:
                raise CertificateError(f"piece {k}: multiplier {nu} on parameter {p} >= 0 is negative")
        res = piece.residual(cert.hypotheses, cert.copies, originals)
        if res.entropies or res.parameters or res.scaled or res.constant < 0:
            raise CertificateError(
                f"piece {k}: the identity fails: residual is {res}, not a nonnegative constant")


@dataclass(frozen=True)
class PolymatroidWitness:
    """An exact point of the Shannon cone violating a statement (so the
    statement is not Shannon-provable; not necessarily false).

    ``entropies`` maps every nonempty subset of ``variables`` to ``h(S)``;
    ``parameters`` gives each parameter's value (all ``>= 0``)."""

    variables: tuple[str, ...]
    entropies: Mapping[frozenset, Fraction]
    parameters: Mapping[str, Fraction] = field(default_factory=dict)

    def value(self, form: LinearForm) -> Fraction:
        return form.evaluate(lambda s: self.entropies[frozenset(s)], self.parameters)

    def to_json(self) -> dict:
        return {
            "format": "natlat_sym.polymatroid",
            "version": FORMAT_VERSION,
            "variables": list(self.variables),
            "entropies": [[sorted(s), str(v)] for s, v in sorted(
                self.entropies.items(), key=lambda kv: (len(kv[0]), sorted(kv[0])))],
            "parameters": {p: str(v) for p, v in sorted(self.parameters.items())},
        }

    def describe(self) -> str:
        parts = [f"H({format_subset(s)})={v}" for s, v in sorted(
            self.entropies.items(), key=lambda kv: (len(kv[0]), sorted(kv[0])))]
        parts += [f"{p}={v}" for p, v in sorted(self.parameters.items())]
        return ", ".join(parts)


#: Up to this many variables the elemental rows of check_witness are built once per
#: variable tuple (8 variables: 1,800 rows); a copy-lemma search checks dozens of
#: witnesses on the same variables.
_CACHED_ROWS_MAX_VARIABLES = 8


@lru_cache(maxsize=32)
def _elemental_rows(names: tuple) -> tuple:
    """``(inequality, its terms)`` for the elemental inequalities of ``names``
    (immutable; a pure function of the names)."""
    return tuple((b, b.terms()) for b in elemental_inequalities(names))


def check_witness(w: PolymatroidWitness, hypotheses: tuple[LabelledForm, ...],
                  target: LinearForm, sense: str) -> None:
    """Verify exactly that ``w`` is a polymatroid satisfying the hypotheses
    and violating the conclusion (``target >= 0``, or ``target == 0`` when
    ``sense`` is ``"=="``); raise CertificateError otherwise.

    Parameters
    ----------
    w : PolymatroidWitness
        Exact entropies of every subset of its variables (and values of the
        parameters).
    hypotheses : tuple of LabelledForm
        The statement's hypotheses in normal form; each must hold at ``w``.
    target : LinearForm
        The conclusion's normal form (``rhs - lhs`` for ``<=``); it must be
        negative at ``w`` (nonzero for ``"=="``).
    sense : {"<=", ">=", "=="}
        The conclusion's relation."""
    names = tuple(w.variables)
    if len(set(names)) != len(names):
        raise CertificateError("witness lists a variable twice")
    needed = set(target.variables())
    for h in hypotheses:
        needed |= h.form.variables()
    missing = needed - set(names)
    if missing:
        raise CertificateError(f"witness does not cover variables {sorted(missing)}")
    ent = {frozenset(s): as_fraction(v) for s, v in w.entropies.items()}
    for r in range(1, len(names) + 1):
        for s in combinations(names, r):
            if frozenset(s) not in ent:
                raise CertificateError(f"witness has no value for H({format_subset(s)})")
    needed_params = set(target.parameter_names())
    for h in hypotheses:
        needed_params |= h.form.parameter_names()
    for p in needed_params:
        if p not in w.parameters:
            raise CertificateError(f"witness has no value for parameter {p}")
        if as_fraction(w.parameters[p]) < 0:
            raise CertificateError(f"witness gives parameter {p} the negative value {w.parameters[p]}")
    point = PolymatroidWitness(names, ent, {p: as_fraction(v) for p, v in w.parameters.items()})
    # The elemental inequalities in integers: every h(S) times one common
    # denominator D > 0 (signs unchanged), each inequality summed from its
    # own terms (BasicInequality.terms, the definition form() collects; the
    # empty set has entropy 0).  Exact, and ~10x faster than building and
    # evaluating a LinearForm with Fractions per inequality.
    den = 1
    for v in ent.values():
        den = den * v.denominator // gcd(den, v.denominator)
    scaled = {s: v.numerator * (den // v.denominator) for s, v in ent.items()}
    scaled[frozenset()] = 0
    rows = _elemental_rows(names) if len(names) <= _CACHED_ROWS_MAX_VARIABLES else (
        (b, b.terms()) for b in elemental_inequalities(names))
    for k, (b, terms) in enumerate(rows):
        if k % 4096 == 4095:
            check_time("the exact check of a polymatroid witness")  # 14 variables: 372,736 inequalities
        if sum(c * scaled[s] for s, c in terms) < 0:
            raise CertificateError(f"witness is not a polymatroid: {b} fails")
    for h in hypotheses:
        v = point.value(h.form)
        if (h.sense == ">=" and v < 0) or (h.sense == "==" and v != 0):
            raise CertificateError(f"witness violates hypothesis {h.name!r}")
    v = point.value(target)
    if sense == "==":
        if v == 0:
            raise CertificateError("witness satisfies the conclusion (difference is exactly 0)")
    elif v >= 0:
        raise CertificateError(f"witness satisfies the conclusion (margin {v} >= 0)")


# ----------------------------------------------------------------------------- JSON

def _frac(x, where: str) -> Fraction:
    if isinstance(x, bool) or not isinstance(x, (str, int, float)):
        raise CertificateError(f"{where}: {x!r} is not an exact rational number (write it as a string, e.g. \"1/3\")")
    try:
        return exact_number(x if isinstance(x, int) else str(x))
    except ValueError as e:
        raise CertificateError(f"{where}: {e}") from None


def _malformed(message: str) -> CertificateFormatError:
    return CertificateFormatError(f"malformed certificate: {message}")


def _field(obj, key: str, kind, where: str, default=None):
    """``obj[key]`` checked to be of type ``kind``; a readable one-line error
    naming the place otherwise (``default`` is used when not None and the
    key is missing)."""
    if key not in obj:
        if default is not None:
            return default
        raise _malformed(f"{where} has no {key!r}")
    value = obj[key]
    if not isinstance(value, kind) or isinstance(value, bool):
        names = {list: "a list", str: "a string", Mapping: "an object", int: "an integer"}
        raise _malformed(f"{where}{'.' if where != 'the file' else ' key '}{key} must be "
                         f"{names.get(kind, getattr(kind, '__name__', 'a number'))}, "
                         f"got {type(value).__name__}")
    return value


def _form_from_json(data, where: str) -> LinearForm:
    if not isinstance(data, Mapping):
        raise _malformed(f"{where} must be an object")
    try:
        return LinearForm.from_json(data)
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise _malformed(f"{where}: {e}") from None


def _cited(piece: Mapping, key: str, at: str, parse, what: str) -> tuple:
    """The ``(object, multiplier)`` pairs a piece cites under ``key``
    (basic inequalities or copy facts); malformed entries are one-line
    errors naming ``at.key[i]``."""
    out = []
    for i, item in enumerate(_field(piece, key, list, at, default=[]), start=1):
        where = f"{at}.{key}[{i}]"
        if not isinstance(item, Mapping):
            raise _malformed(f"{where} must be an object")
        try:
            obj = parse(item)
        except (KeyError, TypeError, ValueError, AttributeError, StatementError) as e:
            raise _malformed(f"{where} is not {what} ({type(e).__name__}: {e})") from None
        out.append((obj, _frac(_field(item, "multiplier", (str, int, float), where), f"{where}.multiplier")))
    return tuple(out)


def certificate_from_json(data) -> Certificate:
    """Rebuild a certificate from :meth:`Certificate.to_json` output.

    Any malformation (a missing key, a wrong type, an unknown ``version``,
    variables that are not distinct names or do not cover the certificate)
    is a one-line :class:`~natlat_sym.errors.CertificateFormatError` naming
    the place.

    >>> certificate_from_json({"format": "natlat_sym.certificate", "version": 1, "statement": "H(X) >= 0",
    ...                        "variables": ["X"], "sense": ">="})
    Traceback (most recent call last):
    ...
    natlat_sym.errors.CertificateFormatError: malformed certificate: the file has no 'pieces'
    """
    if not isinstance(data, Mapping) or data.get("format") != "natlat_sym.certificate":
        raise CertificateFormatError("not a natlat_sym certificate (missing \"format\": \"natlat_sym.certificate\")")
    top = "the file"
    version = _field(data, "version", int, top)
    if version not in (FORMAT_VERSION, COPY_FORMAT_VERSION):
        raise CertificateFormatError(f"certificate version {version} is not supported (this natlat_sym reads "
                                     f"versions {FORMAT_VERSION} and {COPY_FORMAT_VERSION}); upgrade natlat_sym "
                                     "or re-create the certificate")
    if data.get("copies") and version < COPY_FORMAT_VERSION:
        raise _malformed("'copies' needs version 2")
    statement = _field(data, "statement", str, top)
    sense = _field(data, "sense", str, top)
    variables = _field(data, "variables", list, top)
    if not all(isinstance(v, str) and v for v in variables) or len(set(variables)) != len(variables):
        raise _malformed("'variables' must be a list of distinct variable names")
    try:
        hyps = []
        for j, h in enumerate(_field(data, "hypotheses", list, top, default=[]), start=1):
            at = f"hypotheses[{j}]"
            if not isinstance(h, Mapping):
                raise _malformed(f"{at} must be an object")
            hyps.append(LabelledForm(str(_field(h, "name", str, at)),
                                       _form_from_json(_field(h, "form", Mapping, at), f"{at}.form"),
                                       _field(h, "sense", str, at)))
        pieces = []
        for k, p in enumerate(_field(data, "pieces", list, top), start=1):
            at = f"pieces[{k}]"
            if not isinstance(p, Mapping):
                raise _malformed(f"{at} must be an object")
            basic = _cited(p, "basic", at, BasicInequality.from_json, "a basic inequality")
            mus = tuple(_frac(m, f"{at}.hypotheses") for m in _field(p, "hypotheses", list, at, default=[]))
            nus = {str(q): _frac(m, f"{at}.parameters")
                   for q, m in _field(p, "parameters", Mapping, at, default={}).items()}
            facts = _cited(p, "copy_facts", at, CopyFact.from_json, "a copy fact")
            target = _form_from_json(_field(p, "target", Mapping, at), f"{at}.target")
            pieces.append(CertificatePiece(target, basic, mus, nus, facts))
        copies = []
        for k, c in enumerate(_field(data, "copies", list, top, default=[]), start=1):
            try:
                copies.append(CopySpec.from_json(c))
            except (StatementError, KeyError, TypeError, ValueError, AttributeError) as e:
                raise _malformed(f"copies[{k}]: {e}") from None
    except CertificateFormatError:
        raise
    except CertificateError as e:  # e.g. a bad hypothesis sense
        raise _malformed(str(e)) from None
    cert = Certificate(statement, tuple(variables), tuple(hyps), sense, tuple(pieces), tuple(copies))
    used = set()
    for h in cert.hypotheses:
        used |= h.form.variables()
    for piece in cert.pieces:
        used |= piece.target.variables()
        if not (cert.copies or piece.copy_facts):  # with copies, basic inequalities also name the copies
            for b, _ in piece.basic:
                for s in b.sets:
                    used |= set(s)
    if not used <= set(variables):
        raise _malformed(f"'variables' lists {', '.join(variables) or 'nothing'} but the certificate "
                         f"also uses {', '.join(sorted(used - set(variables)))}")
    return cert


def witness_from_json(data) -> PolymatroidWitness:
    if not isinstance(data, Mapping) or data.get("format") != "natlat_sym.polymatroid":
        raise CertificateError("not a natlat_sym polymatroid witness")
    try:
        ent = {frozenset(s): _frac(v, "entropies") for s, v in data["entropies"]}
        par = {str(p): _frac(v, "parameters") for p, v in data.get("parameters", {}).items()}
        return PolymatroidWitness(tuple(data["variables"]), ent, par)
    except CertificateError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as e:
        raise CertificateError(f"malformed witness: {type(e).__name__}: {e}") from e
