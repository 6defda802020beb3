"""Readable derivations: short proofs as chains of (in)equalities.

A certificate proves ``rhs − lhs = Σ λ_k b_k + Σ μ_j g_j + s`` with basic
inequalities ``b_k >= 0``, hypotheses ``g_j`` and a constant ``s >= 0``.  A
*derivation* reads it as a chain from the left side to the right side::

    lhs = E_0 <= E_1 <= ... <= E_m <= rhs

where ``E_k = E_{k-1} + λ_k b_k`` (``<=`` because ``b_k >= 0``) or
``E_{k-1} + μ_j g_j`` (``=`` for an equality hypothesis).  Each ``E_k`` is
printed as a shortest sum of textbook quantities ``H(A|B)``, ``I(A;B|C)``
(found by a small MILP over all such quantities and checked exactly), never
as raw joint entropies when a shorter textbook form exists.

Short proofs: for ``n <= 6`` variables :func:`derive` first looks for a
certificate with the fewest nonzero multipliers over all *set* basic
inequalities (``I(A;B|C) >= 0`` and ``H(A|B) >= 0`` for any disjoint sets,
2016 of them at ``n = 6``, held as one sparse matrix built from bit masks),
plus the hypotheses: reweighted L1 minimisation (a few LPs) collects
candidate inequalities, an exact MILP picks the fewest among them, and the
result is re-checked exactly (the search lives in
:mod:`~natlat_sym.shannon.sparsest`).  Every order of up to four steps is
then tried to make the intermediate expressions shortest.  The spec's
theorem T4 comes out in 4 steps, Han's inequality on 6 variables in 5.
``time_limit`` bounds the whole derivation: each LP gets the time left, and
past it the chain keeps what it has (a longer certificate, joint entropies
instead of textbook terms), never an unchecked step.

Public functions
----------------
``derive(certificate, statement=None, *, minimise=True, time_limit=2.0) -> Derivation``
    Render a certificate as a chain (shortened first).
``shortest_certificate(certificate, *, time_limit=2.0) -> Certificate``
    Fewest nonzero multipliers over set basic inequalities.

Examples
--------
>>> from natlat_sym.shannon.parse import parse_statement
>>> from natlat_sym.shannon.prove import prove
>>> s = parse_statement("H(X|Y) <= H(X)")
>>> d = derive(prove(s).certificate, s)
>>> print(d.text())
H(X|Y)
  <= H(X)    [I(X;Y) >= 0]
>>> len(d.steps)
1
"""

from __future__ import annotations

import time
from html import escape
from dataclasses import dataclass
from fractions import Fraction
from itertools import permutations

import numpy as np

from ..errors import CertificateError
from .basic_inequalities import BasicInequality
from .certificate import Certificate, CertificatePiece, check_certificate
from .copy_lemma import describe_fact, fact_form
from .display import html_math, html_table, math_block
from .linear import LinearForm, _natural_key, format_subset, signed_sum
from .printing import latex_name, latex_names
from .sparse import SparseRows
from .sparsest import Dictionary, columns, dense, dictionary, exact_on_support, sparsest, sparsest_lp, vector_of

__all__ = ["Step", "Derivation", "derive", "derivation_html", "render_terms", "shortest_certificate", "set_basic_inequalities",
           "textbook_terms"]


def set_basic_inequalities(variables) -> list[BasicInequality]:
    """All ``H(A|B) >= 0`` and ``I(A;B|C) >= 0`` over disjoint sets (no duplicates)."""
    d = dictionary(variables)
    return [d.basic(j) for j in range(len(d))]


# ----------------------------------------------------------------------------- textbook terms

def _quantity(b: BasicInequality) -> str:
    return b.quantity()


def textbook_terms(form: LinearForm, variables, *, time_limit: float = 1.0, _dictionary_cache=None):
    """A shortest list ``[(coefficient, BasicInequality or str), ...]`` whose sum is ``form``.

    Parameter and constant terms are kept as they are; entropy terms are
    covered by the fewest textbook quantities.  Exact (falls back to joint
    entropies when the search fails)."""
    ent = LinearForm(form.entropies)
    rest = form - ent
    out: list = []
    if ent.entropies:
        start = time.perf_counter()
        d = _dictionary_cache if _dictionary_cache is not None else dictionary(variables)
        cols = columns(d.names)
        target = vector_of(ent, cols)
        signs = [False] * len(d)
        floats = sparsest_lp(d.rows, dense(target, len(cols)), signs, time_limit, d.sizes)
        left = time_limit - (time.perf_counter() - start)
        sol = (exact_on_support(d.vector, target, list(floats), signs, timeout=max(left, 0.05))
               if floats is not None else None)
        terms = {j: d.basic(j) for j in (sol or ())}
        if sol is not None and sum((terms[j].form() * w for j, w in sol.items()), LinearForm()) == ent:
            items = sorted(sol.items(), key=lambda jw: (jw[1] < 0, terms[jw[0]].sort_key()))
            out += [(w, terms[j]) for j, w in items]
        else:
            out += [(c, f"H({format_subset(s)})") for s, c in ent.sorted_entropy_terms()]
    for p, c in sorted(rest.parameters.items()):
        out.append((c, p))
    if rest.constant:
        out.append((rest.constant, "1"))
    return out


@dataclass(frozen=True)
class _Written:
    """A side of the statement exactly as the user wrote it."""

    text: str
    latex: str


def _str_latex(q: str) -> str:
    """LaTeX of a plain term: a parameter name (``delta`` → ``\\delta``), a
    joint entropy ``H(X1,X2)`` or the constant ``1``."""
    if q.isidentifier():
        return latex_name(q)
    if q.startswith("H(") and q.endswith(")"):
        return f"H({latex_names(q[2:-1].split(','))})"
    return q


def render_terms(terms, latex: bool = False) -> str:
    """Text (or LaTeX) of a signed sum of textbook terms ``((coefficient, quantity), ...)``."""
    if len(terms) == 1 and isinstance(terms[0][1], _Written):
        return terms[0][1].latex if latex else terms[0][1].text
    parts = []
    for c, q in terms:
        if isinstance(q, BasicInequality):
            qs = q.latex() if latex else q.quantity()
        else:
            qs = _str_latex(q) if latex else q
        parts.append((c, qs))
    s = signed_sum(parts)
    return s.replace("*", r" \cdot ") if latex else s


def derivation_html(derivation) -> str:
    """The chain as a table ``relation | expression | justification`` in LaTeX
    (between ``\\(…\\)``, typeset by MathJax: see :mod:`~natlat_sym.shannon.display`)."""
    rows = []
    for k, (start, steps) in enumerate(derivation.chains):
        if len(derivation.chains) > 1:
            rows.append(("", ("raw", f"<em>{'≤' if k == 0 else '≥'} direction</em>"), ""))
        rows.append(("", ("raw", html_math(f"${render_terms(start, latex=True)}$")), ""))
        for s in steps:
            rel = r"\le" if s.relation == "<=" else "="
            reason = html_math(s.latex_reason) if "$" in s.latex_reason else escape(s.reason)
            rows.append((("raw", html_math(f"${rel}$")),
                         ("raw", html_math(f"${render_terms(s.expression, latex=True)}$")), ("raw", reason)))
    return math_block(html_table(("", "expression", "justification"), rows))

# ----------------------------------------------------------------------------- derivation

@dataclass(frozen=True)
class Step:
    """One link ``… rel expression   [reason]`` of the chain."""

    relation: str          # "=" or "<="
    expression: tuple      # textbook terms (coefficient, quantity)
    reason: str
    latex_reason: str

    def to_json(self) -> dict:
        return {"relation": self.relation, "expression": render_terms(self.expression), "reason": self.reason}


@dataclass(frozen=True)
class Derivation:
    """A readable proof: ``start`` then ``steps``; one chain per certificate piece."""

    statement: str
    chains: tuple          # tuple of (start terms, tuple of Step)
    certificate: Certificate

    @property
    def steps(self) -> list[Step]:
        return [s for _, steps in self.chains for s in steps if s.reason != "rearranging"]

    def text(self) -> str:
        lines = []
        for k, (start, steps) in enumerate(self.chains):
            if len(self.chains) > 1:
                lines.append(f"({'≤' if k == 0 else '≥'} direction)")
            lines.append(render_terms(start))
            for s in steps:
                lines.append(f"  {s.relation} {render_terms(s.expression)}    [{s.reason}]")
        return "\n".join(lines)

    def latex(self) -> str:
        out = []
        for start, steps in self.chains:
            rows = [render_terms(start, latex=True)]
            for s in steps:
                rel = r"\le" if s.relation == "<=" else "="
                rows.append(f"  &{rel} {render_terms(s.expression, latex=True)} && \\text{{{s.latex_reason}}}")
            out.append("\\begin{aligned}\n" + rows[0] + " \\\\\n" + " \\\\\n".join(rows[1:]) + "\n\\end{aligned}")
        return "\n".join(out)

    __str__ = text

    def __repr__(self) -> str:
        return f"<Derivation of {self.statement!r}: {len(self.steps)} steps>"

    def _repr_latex_(self) -> str:
        return "$$" + self.latex() + "$$"

    def _repr_html_(self) -> str:
        return derivation_html(self)

    def to_json(self) -> dict:
        return {
            "statement": self.statement,
            "chains": [{"start": render_terms(start), "steps": [s.to_json() for s in steps]}
                       for start, steps in self.chains],
            "steps": len(self.steps),
            "text": self.text(),
            "certificate": self.certificate.to_json(),
        }


def _support_in(d: Dictionary, piece: CertificatePiece, nb: int) -> list[int]:
    """Columns of the dictionary (and hypotheses) used by ``piece``."""
    index = {(d.kinds[j], d.masks[j]): j for j in range(nb)}
    pos = {v: i for i, v in enumerate(d.names)}
    out = []
    for b, w in piece.basic:
        if not w:
            continue
        masks = [sum(1 << pos[v] for v in s_) for s_ in b.sets]
        if b.kind == "I":
            a, bb, c = masks
            key = ("I", (a, bb, c) if sorted(b.sets[0], key=_natural_key) < sorted(b.sets[1], key=_natural_key)
                   else (bb, a, c))
        else:
            key = ("H", (masks[0], masks[1], 0))
        if key in index:
            out.append(index[key])
    out += [nb + j for j, mu in enumerate(piece.hypotheses) if mu]
    return out


def shortest_certificate(cert: Certificate, *, time_limit: float = 2.0, max_variables: int = 6,
                         _dictionary_cache=None) -> Certificate:
    """A certificate for the same statement with the fewest nonzero multipliers
    over set basic inequalities and hypotheses (checked exactly); the input
    certificate when the search does not improve on it."""
    variables = tuple(cert.variables)
    if len(variables) > max_variables:
        return cert
    start = time.perf_counter()
    d = _dictionary_cache if _dictionary_cache is not None else dictionary(variables)
    cols = columns(d.names)
    if tuple(d.names) != tuple(sorted(variables, key=_natural_key)):
        return cert
    nb = len(d)
    hyp_vecs = [vector_of(h.form, cols) for h in cert.hypotheses]
    At = SparseRows.stack([d.rows, SparseRows.from_vectors(hyp_vecs, len(cols))])  # one row per atom

    def atom_vector(j):
        return d.vector(j) if j < nb else hyp_vecs[j - nb]

    signs = [True] * nb + [h.sense == ">=" for h in cert.hypotheses]
    sizes = np.concatenate([d.sizes, np.zeros(len(hyp_vecs))])
    pieces = []
    for piece in cert.pieces:
        if piece.target.parameters or piece.target.constant or any(
                h.form.parameters or h.form.constant for h in cert.hypotheses):
            return cert
        target = vector_of(piece.target, cols)
        seed = _support_in(d, piece, nb)
        left = time_limit - (time.perf_counter() - start)
        floats = sparsest(At, dense(target, len(cols)), signs, left, sizes, seed_support=seed)
        if floats is None:
            return cert
        left = time_limit - (time.perf_counter() - start)
        sol = exact_on_support(atom_vector, target, list(floats), signs, timeout=max(left, 0.05))
        if sol is None:
            return cert
        basic = tuple(sorted(((d.basic(j), w) for j, w in sol.items() if j < nb),
                             key=lambda bw: bw[0].sort_key()))
        mus = [Fraction(0)] * len(cert.hypotheses)
        for j, w in sol.items():
            if j >= nb:
                mus[j - nb] = w
        while mus and not mus[-1]:
            mus.pop()
        pieces.append(CertificatePiece(piece.target, basic, tuple(mus), {}))
    new = Certificate(cert.statement, cert.variables, cert.hypotheses, cert.sense, tuple(pieces))
    try:
        check_certificate(new, expected_target=cert.pieces[0].target, expected_hypotheses=cert.hypotheses)
    except CertificateError:
        return cert
    return new if new.steps() <= cert.steps() else cert


def _sides(piece_target: LinearForm, statement, index: int):
    """(smaller side, larger side) of the chain for piece ``index``."""
    if statement is not None:
        concl = statement.conclusion
        lhs, rhs = concl.lhs_form, concl.rhs_form
        if concl.rel == "<=":
            return lhs, rhs
        if concl.rel == ">=":
            return rhs, lhs
        return (rhs, lhs) if index == 0 else (lhs, rhs)
    small = LinearForm({s: -c for s, c in piece_target.entropies.items() if c < 0},
                       {p: -c for p, c in piece_target.parameters.items() if c < 0},
                       constant=-piece_target.constant if piece_target.constant < 0 else 0)
    return small, piece_target + small


#: Beyond these sizes a chain is neither readable nor cheap to decompose into
#: textbook terms (the set-inequality dictionary has 4^n entries): the
#: derivation then summarises the certificate in one step.
MAX_CHAIN_VARIABLES = 6
MAX_CHAIN_STEPS = 40


def _summary_derivation(cert: Certificate, statement) -> Derivation:
    chains = []
    for k, piece in enumerate(cert.pieces):
        nb = sum(1 for _, w in piece.basic if w)
        nh = sum(1 for m in piece.hypotheses if m)
        nc = sum(1 for _, c in piece.copy_facts if c)
        reason = f"sum of {nb} basic inequalities" + (f", {nh} hypotheses" if nh else "") + \
            (f", {nc} copy-lemma equalities ({_copies_text(cert)})" if nc else "") + \
            " with the certificate's multipliers"
        if statement is not None:
            small, big = _written_sides(statement, k)
            start, end = ((Fraction(1), small),), ((Fraction(1), big),)
        else:
            lo, hi = _sides(piece.target, None, k)
            start, end = ((Fraction(1), _Written(str(lo), str(lo))),), ((Fraction(1), _Written(str(hi), str(hi))),)
        chains.append((start, (Step("<=", end, reason, reason),)))
    return Derivation(cert.statement, tuple(chains), cert)


def _copies_text(cert: Certificate) -> str:
    return "; ".join(f"{','.join(c.names)} a copy of {','.join(c.copied)} over {','.join(c.over) or 'nothing'}"
                     for c in cert.copies)


def _written_sides(statement, index: int):
    """(smaller side, larger side) of the conclusion as written, or None."""
    concl = statement.conclusion
    # Relation and WrittenRelation print their own sides, so a text statement needs no sympy
    (lhs_text, lhs_latex), (rhs_text, rhs_latex) = concl.written_sides()
    lhs, rhs = _Written(lhs_text, lhs_latex), _Written(rhs_text, rhs_latex)
    if concl.rel == "<=" or (concl.rel == "==" and index == 1):
        return lhs, rhs
    return rhs, lhs


def _hyp_latex(h) -> str:
    """LaTeX of a hypothesis ``form (sense) 0`` in textbook terms, for justifications."""
    rel = "=" if h.sense == "==" else r"\ge"
    return f"{render_terms(textbook_terms(h.form, sorted(h.form.variables(), key=_natural_key)), latex=True)} {rel} 0"


def derive(certificate: Certificate, statement=None, *, minimise: bool = True,
           time_limit: float = 2.0) -> Derivation:
    """Render a certificate as a readable chain (shortened first when ``minimise``).

    Parameters
    ----------
    certificate : Certificate
        Checked again here; a bad certificate raises CertificateError.
    statement : Statement, optional
        Gives the two sides of the conclusion as written.
    minimise : bool
        Look for a certificate with fewer steps first (``n <= 6``).
    time_limit : float
        Seconds for the shortening and the textbook rewriting together
        (every LP gets what is left); past it the chain is built from what
        was found so far.
    """
    deadline = time.perf_counter() + time_limit
    check_certificate(certificate)
    copy_names = {n for c in certificate.copies for n in c.names}
    if len(certificate.variables) + len(copy_names) > MAX_CHAIN_VARIABLES or certificate.steps() > MAX_CHAIN_STEPS:
        return _summary_derivation(certificate, statement)
    # shortening searches Shannon-type certificates only; a copy certificate is kept as it is
    shorten = minimise and not copy_names
    own = dictionary(certificate.variables) if shorten else None
    cert = (shortest_certificate(certificate, time_limit=0.6 * time_limit, _dictionary_cache=own)
            if shorten else certificate)
    originals = cert.statement_variables()
    names = set(cert.variables) | copy_names
    for piece in cert.pieces:
        names |= piece.target.variables()
    for h in cert.hypotheses:
        names |= h.form.variables()
    if statement is not None:
        names |= set(statement.variables())
    variables = tuple(sorted(names, key=_natural_key))
    shared = own if own is not None and own.names == variables else dictionary(variables)
    chains = []
    for k, piece in enumerate(cert.pieces):
        small, big = _sides(piece.target, statement, k)
        if (big - small) != piece.target:
            small, big = _sides(piece.target, None, k)
        items = [(w * b.form(), f"{b.quantity()} >= 0", f"${b.latex()} \\ge 0$", "<=") for b, w in piece.basic if w]
        for j, (h, mu) in enumerate(zip(cert.hypotheses, piece.hypotheses)):
            if mu:
                rel = "=" if h.sense == "==" else "<="
                items.append((mu * h.form, f"hypothesis {h.name}", f"hypothesis {h.name}: ${_hyp_latex(h)}$", rel))
        for p, nu in piece.parameters.items():
            if nu:
                items.append((LinearForm(parameters={p: nu}), f"{p} >= 0", f"${_str_latex(p)} \\ge 0$", "<="))
        for fact, c in piece.copy_facts:
            if c:
                said = describe_fact(cert.copies, originals, fact)
                items.append((c * fact_form(cert.copies, originals, fact), f"copy lemma: {said}",
                              f"copy lemma: ${said}$", "="))
        orders = list(permutations(range(len(items)))) if len(items) <= 4 else [tuple(range(len(items)))]
        memo: dict = {}

        def terms(form):
            if form not in memo:
                left = min(0.5, deadline - time.perf_counter())
                memo[form] = textbook_terms(form, variables, time_limit=left, _dictionary_cache=shared)
            return memo[form]

        best = None
        for order in orders[:24]:
            cur = small
            steps = []
            cost = 0
            for i in order:
                add, reason, lreason, rel = items[i]
                cur = cur + add
                t = terms(cur)
                cost += len(t)
                steps.append(Step(rel, tuple(t), reason, lreason))
            if best is None or cost < best[0]:
                best = (cost, steps)
        steps = best[1] if best else []
        final = small + sum((it[0] for it in items), LinearForm())
        if final != big:
            steps.append(Step("<=", tuple(terms(big)), "constant slack >= 0", "constant slack"))
        start = tuple(terms(small))
        written = _written_sides(statement, k) if statement is not None else None
        if written is not None and (big - small) == piece.target:
            # open and close the chain with the two sides exactly as written
            start = ((Fraction(1), written[0]),)
            if not steps:
                steps.append(Step("=", ((Fraction(1), written[1]),), "identity: same joint-entropy form",
                                  "identity: same joint-entropy form"))
            else:
                last = steps[-1]
                steps[-1] = Step(last.relation, ((Fraction(1), written[1]),), last.reason, last.latex_reason)
        chains.append((start, tuple(steps)))
    return Derivation(certificate.statement, tuple(chains), cert)
