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

Short proofs: for ``n <= 6`` variables :func:`derive` first searches all
*set* basic inequalities (``I(A;B|C) >= 0`` and ``H(A|B) >= 0`` for any
disjoint sets), plus the hypotheses, for a certificate with the fewest
nonzero multipliers (``scipy.optimize.milp``), re-checks it exactly, and
tries every order of up to five steps to make the intermediate expressions
shortest.  The spec's theorem T4 comes out in 3 steps.

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

from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations, permutations, product

import numpy as np

from ..errors import CertificateError
from .basic import BasicInequality
from .certificate import Certificate, CertificatePiece, check_certificate
from .copy_lemma import describe_fact, fact_form
from .linear import LinearForm, _natural_key, format_subset

__all__ = ["Step", "Derivation", "derive", "shortest_certificate", "set_basic_inequalities",
           "textbook_terms"]


# ----------------------------------------------------------------------------- dictionary

def set_basic_inequalities(variables) -> list[BasicInequality]:
    """All ``H(A|B) >= 0`` and ``I(A;B|C) >= 0`` over disjoint sets (no duplicates)."""
    names = sorted(variables, key=_natural_key)
    out = []
    for labels in product(range(4), repeat=len(names)):  # 0 none, 1 A, 2 B, 3 C
        a = frozenset(v for v, l in zip(names, labels) if l == 1)
        b = frozenset(v for v, l in zip(names, labels) if l == 2)
        c = frozenset(v for v, l in zip(names, labels) if l == 3)
        if a and b and sorted(a, key=_natural_key) < sorted(b, key=_natural_key):
            out.append(BasicInequality("I", (a, b, c)))
    for labels in product(range(3), repeat=len(names)):
        a = frozenset(v for v, l in zip(names, labels) if l == 1)
        b = frozenset(v for v, l in zip(names, labels) if l == 2)
        if a:
            out.append(BasicInequality("H", (a, b)))
    return out


def _vec(form: LinearForm, cols: dict) -> dict:
    return {cols[s]: c for s, c in form.entropies.items()}


def _columns(variables) -> dict:
    names = sorted(variables, key=_natural_key)
    cols = {}
    for r in range(1, len(names) + 1):
        for s in combinations(names, r):
            cols[frozenset(s)] = len(cols)
    return cols


def _sparsest(atoms_vecs, target: dict, ncoord: int, signs, time_limit: float, sizes=None):
    """Fewest nonzero weights with Σ w_k v_k = target; signs[k] True means w_k >= 0."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    k = len(atoms_vecs)
    if k == 0:
        return None
    A = np.zeros((ncoord, k))
    for j, v in enumerate(atoms_vecs):
        for c, x in v.items():
            A[c, j] = float(x)
    b = np.zeros(ncoord)
    for c, x in target.items():
        b[c] = float(x)
    big = 4.0 * max(1.0, float(np.abs(b).sum()))
    # variables: w (k), z (k)
    sizes = sizes if sizes is not None else [0] * k
    cost = np.concatenate([np.full(k, 1e-4), 1.0 + 0.03 * np.asarray(sizes, dtype=float)])
    cons = [LinearConstraint(np.hstack([A, np.zeros((ncoord, k))]), b, b)]
    eye = np.eye(k)
    cons.append(LinearConstraint(np.hstack([eye, -big * eye]), -np.inf, 0))
    cons.append(LinearConstraint(np.hstack([-eye, -big * eye]), -np.inf, 0))
    lo = np.array([0.0 if s else -big for s in signs] + [0.0] * k)
    hi = np.array([big] * k + [1.0] * k)
    cost[:k] = [1e-4 if s else 0.0 for s in signs]
    res = milp(cost, constraints=cons, bounds=Bounds(lo, hi), integrality=np.r_[np.zeros(k), np.ones(k)],
               options={"time_limit": time_limit, "disp": False})
    if res.x is None:
        return None
    return res.x[:k]


def _sparsest_lp(atoms_vecs, target: dict, ncoord: int, signs, time_limit: float, sizes=None):
    """Σ w_k v_k = target minimising the weighted L1 norm (an LP, ~25x faster
    than the MILP of :func:`_sparsest`; its vertex solutions are sparse)."""
    import scipy.sparse as sp
    from scipy.optimize import linprog

    k = len(atoms_vecs)
    if k == 0:
        return None
    rows, cols, vals = [], [], []
    for j, v in enumerate(atoms_vecs):
        for c, x in v.items():
            rows.append(c)
            cols.append(j)
            vals.append(float(x))
    A = sp.csr_matrix((vals, (rows, cols)), shape=(ncoord, k))
    b = np.zeros(ncoord)
    for c, x in target.items():
        b[c] = float(x)
    weight = 1.0 + 0.03 * np.asarray(sizes if sizes is not None else [0] * k, dtype=float)
    free = [j for j in range(k) if not signs[j]]
    if free:  # w = p - m for atoms of either sign
        A = sp.hstack([A, -A[:, free]], format="csr")
        weight = np.concatenate([weight, weight[free]])
    res = linprog(weight, A_eq=A, b_eq=b, bounds=(0, None), method="highs", options={"time_limit": time_limit})
    if res.status != 0:
        return None
    x = res.x[:k].copy()
    if free:
        x[free] -= res.x[k:]
    return x


def _exact_on_support(atoms_vecs, target, floats, signs):
    from .exact import Atom, find_exact_multipliers

    support = [j for j, x in enumerate(floats) if abs(x) > 1e-7]
    atoms = [Atom("x", j, atoms_vecs[j], signs[j]) for j in support]
    ws = find_exact_multipliers(atoms, target, [floats[j] for j in support], timeout=2.0)
    if ws is None:
        return None
    return {j: w for j, w in zip(support, ws) if w}


# ----------------------------------------------------------------------------- textbook terms

def _quantity(b: BasicInequality) -> str:
    return b.quantity()


def _term_text(coeff: Fraction, q: str) -> tuple[str, str]:
    sign = "-" if coeff < 0 else "+"
    mag = abs(coeff)
    return sign, (q if mag == 1 else f"{mag}*{q}")


def _join(terms) -> str:
    if not terms:
        return "0"
    out = []
    for i, (c, q) in enumerate(terms):
        sign, body = _term_text(c, q)
        out.append((("-" if sign == "-" else "") + body) if i == 0 else f" {sign} {body}")
    return "".join(out)


def textbook_terms(form: LinearForm, variables, *, time_limit: float = 1.0):
    """A shortest list ``[(coefficient, BasicInequality or str), ...]`` whose sum is ``form``.

    Parameter and constant terms are kept as they are; entropy terms are
    covered by the fewest textbook quantities.  Exact (falls back to joint
    entropies when the search fails)."""
    ent = LinearForm(form.entropies)
    rest = form - ent
    out: list = []
    if ent.entropies:
        cols = _columns(variables)
        dictionary = set_basic_inequalities(variables)
        vecs = [_vec(b.form(), cols) for b in dictionary]
        target = _vec(ent, cols)
        sizes = [sum(len(x) for x in b.sets) for b in dictionary]
        floats = _sparsest_lp(vecs, target, len(cols), [False] * len(vecs), time_limit, sizes)
        sol = _exact_on_support(vecs, target, list(floats), [False] * len(vecs)) if floats is not None else None
        if sol is not None and sum((dictionary[j].form() * w for j, w in sol.items()), LinearForm()) == ent:
            items = sorted(sol.items(), key=lambda jw: (jw[1] < 0, dictionary[jw[0]].sort_key()))
            out += [(w, dictionary[j]) for j, w in items]
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


def _render(terms, latex: bool = False) -> str:
    if len(terms) == 1 and isinstance(terms[0][1], _Written):
        return terms[0][1].latex if latex else terms[0][1].text
    parts = []
    for c, q in terms:
        if isinstance(q, BasicInequality):
            qs = q.latex() if latex else q.quantity()
        else:
            qs = q
        parts.append((c, qs))
    s = _join(parts)
    return s.replace("*", r" \cdot ") if latex else s


# ----------------------------------------------------------------------------- derivation

@dataclass(frozen=True)
class Step:
    """One link ``… rel expression   [reason]`` of the chain."""

    relation: str          # "=" or "<="
    expression: tuple      # textbook terms (coefficient, quantity)
    reason: str
    latex_reason: str

    def to_json(self) -> dict:
        return {"relation": self.relation, "expression": _render(self.expression), "reason": self.reason}


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
            lines.append(_render(start))
            for s in steps:
                lines.append(f"  {s.relation} {_render(s.expression)}    [{s.reason}]")
        return "\n".join(lines)

    def latex(self) -> str:
        out = []
        for start, steps in self.chains:
            rows = [_render(start, latex=True)]
            for s in steps:
                rel = r"\le" if s.relation == "<=" else "="
                rows.append(f"  &{rel} {_render(s.expression, latex=True)} && \\text{{{s.latex_reason}}}")
            out.append("\\begin{aligned}\n" + rows[0] + " \\\\\n" + " \\\\\n".join(rows[1:]) + "\n\\end{aligned}")
        return "\n".join(out)

    __str__ = text

    def __repr__(self) -> str:
        return f"<Derivation of {self.statement!r}: {len(self.steps)} steps>"

    def _repr_latex_(self) -> str:
        return "$$" + self.latex() + "$$"

    def _repr_html_(self) -> str:
        from .display import derivation_html

        return derivation_html(self)

    def to_json(self) -> dict:
        return {
            "statement": self.statement,
            "chains": [{"start": _render(start), "steps": [s.to_json() for s in steps]}
                       for start, steps in self.chains],
            "steps": len(self.steps),
            "text": self.text(),
            "certificate": self.certificate.to_json(),
        }


def shortest_certificate(cert: Certificate, *, time_limit: float = 2.0, max_variables: int = 6) -> Certificate:
    """A certificate for the same statement with the fewest nonzero multipliers
    over set basic inequalities and hypotheses (checked exactly); the input
    certificate when the search does not improve on it."""
    variables = tuple(cert.variables)
    if len(variables) > max_variables:
        return cert
    cols = _columns(variables)
    dictionary = set_basic_inequalities(variables)
    pieces = []
    for piece in cert.pieces:
        if piece.target.parameters or piece.target.constant or any(
                h.form.parameters or h.form.constant for h in cert.hypotheses):
            return cert
        vecs = [_vec(b.form(), cols) for b in dictionary] + [_vec(h.form, cols) for h in cert.hypotheses]
        signs = [True] * len(dictionary) + [h.sense == ">=" for h in cert.hypotheses]
        target = _vec(piece.target, cols)
        sizes = [sum(len(x) for x in b.sets) for b in dictionary] + [0] * len(cert.hypotheses)
        floats = _sparsest(vecs, target, len(cols), signs, time_limit, sizes)
        if floats is None:
            return cert
        sol = _exact_on_support(vecs, target, list(floats), signs)
        if sol is None:
            return cert
        nb = len(dictionary)
        basic = tuple(sorted(((dictionary[j], w) for j, w in sol.items() if j < nb),
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
    from .measures import to_latex, to_text

    concl = statement.conclusion
    lhs = _Written(to_text(concl.lhs), to_latex(concl.lhs))
    rhs = _Written(to_text(concl.rhs), to_latex(concl.rhs))
    if concl.rel == "<=" or (concl.rel == "==" and index == 1):
        return lhs, rhs
    return rhs, lhs


def derive(certificate: Certificate, statement=None, *, minimise: bool = True,
           time_limit: float = 2.0) -> Derivation:
    """Render a certificate as a readable chain (shortened first when ``minimise``).

    Parameters
    ----------
    certificate : Certificate
        Checked again here; a bad certificate raises CertificateError.
    statement : Statement, optional
        Gives the two sides of the conclusion as written.
    """
    check_certificate(certificate)
    copy_names = {n for c in certificate.copies for n in c.names}
    if len(certificate.variables) + len(copy_names) > MAX_CHAIN_VARIABLES or certificate.steps() > MAX_CHAIN_STEPS:
        return _summary_derivation(certificate, statement)
    # shortening searches Shannon-type certificates only; a copy certificate is kept as it is
    cert = shortest_certificate(certificate, time_limit=time_limit) if minimise and not copy_names else certificate
    originals = cert.statement_variables()
    names = set(cert.variables) | copy_names
    for piece in cert.pieces:
        names |= piece.target.variables()
    for h in cert.hypotheses:
        names |= h.form.variables()
    if statement is not None:
        names |= set(statement.variables())
    variables = tuple(sorted(names, key=_natural_key))
    chains = []
    for k, piece in enumerate(cert.pieces):
        small, big = _sides(piece.target, statement, k)
        if (big - small) != piece.target:
            small, big = _sides(piece.target, None, k)
        items = [(w * b.form(), f"{b.quantity()} >= 0", f"${b.latex()} \\ge 0$", "<=") for b, w in piece.basic if w]
        for j, (h, mu) in enumerate(zip(cert.hypotheses, piece.hypotheses)):
            if mu:
                rel = "=" if h.sense == "==" else "<="
                items.append((mu * h.form, f"hypothesis {h.name}", f"hypothesis {h.name}", rel))
        for p, nu in piece.parameters.items():
            if nu:
                items.append((LinearForm(parameters={p: nu}), f"{p} >= 0", f"${p} \\ge 0$", "<="))
        for fact, c in piece.copy_facts:
            if c:
                said = describe_fact(cert.copies, originals, fact)
                items.append((c * fact_form(cert.copies, originals, fact), f"copy lemma: {said}",
                              f"copy lemma: ${said}$", "="))
        orders = list(permutations(range(len(items)))) if len(items) <= 4 else [tuple(range(len(items)))]
        memo: dict = {}

        def terms(form):
            if form not in memo:
                memo[form] = textbook_terms(form, variables, time_limit=0.5)
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
