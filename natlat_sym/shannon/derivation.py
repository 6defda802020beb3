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
result is re-checked exactly.  Every order of up to four steps is then tried
to make the intermediate expressions shortest.  The spec's theorem T4 comes
out in 4 steps, Han's inequality on 6 variables in 5; HiGHS is called
through highspy directly (``scipy.optimize`` costs more to import than the
whole search).

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

@dataclass(frozen=True)
class _Dictionary:
    """Every set basic inequality over ``names`` as columns of one sparse
    integer matrix (rows: the joint entropies of :func:`_columns`).

    Built with bit masks, never with :class:`LinearForm` arithmetic: at
    ``n = 6`` there are 2016 inequalities, and building their forms one by
    one cost seconds per derivation."""

    names: tuple
    kinds: tuple           # "I" or "H" per column
    masks: tuple           # (a, b, c) bit masks per column (c = 0 for H)
    matrix: object         # scipy.sparse.csc_matrix, shape (2^n - 1, k)
    sizes: np.ndarray      # |A| + |B| (+ |C|): prefer short quantities on ties

    def __len__(self) -> int:
        return len(self.kinds)

    def basic(self, j: int) -> BasicInequality:
        sets = tuple(frozenset(self.names[i] for i in range(len(self.names)) if m >> i & 1)
                     for m in self.masks[j][: 3 if self.kinds[j] == "I" else 2])
        return BasicInequality(self.kinds[j], sets)

    def vector(self, j: int) -> dict:
        lo, hi = self.matrix.indptr[j], self.matrix.indptr[j + 1]
        return {int(r): Fraction(int(v)) for r, v in zip(self.matrix.indices[lo:hi], self.matrix.data[lo:hi])}


def _mask_columns(names) -> np.ndarray:
    """Row of each subset bit mask in the order of :func:`_columns` (-1 for ∅)."""
    n = len(names)
    rows = np.full(1 << n, -1, dtype=np.int64)
    k = 0
    for r in range(1, n + 1):
        for s in combinations(range(n), r):
            rows[sum(1 << i for i in s)] = k
            k += 1
    return rows


def _dictionary(variables) -> _Dictionary:
    import scipy.sparse as sp

    names = tuple(sorted(variables, key=_natural_key))
    n = len(names)
    row = _mask_columns(names)
    kinds, masks, sizes = [], [], []
    r_idx, c_idx, vals = [], [], []

    def add(mask, col, v):
        if mask:
            r_idx.append(row[mask])
            c_idx.append(col)
            vals.append(v)

    for labels in product(range(4), repeat=n):  # 0 none, 1 A, 2 B, 3 C (same order as before)
        a = b = c = 0
        ia, ib = [], []
        for i, l in enumerate(labels):
            if l == 1:
                a |= 1 << i
                ia.append(i)
            elif l == 2:
                b |= 1 << i
                ib.append(i)
            elif l == 3:
                c |= 1 << i
        if a and b and ia < ib:
            j = len(kinds)
            kinds.append("I")
            masks.append((a, b, c))
            sizes.append(len(ia) + len(ib) + bin(c).count("1"))
            add(a | c, j, 1)
            add(b | c, j, 1)
            add(a | b | c, j, -1)
            add(c, j, -1)
    for labels in product(range(3), repeat=n):
        a = sum(1 << i for i, l in enumerate(labels) if l == 1)
        b = sum(1 << i for i, l in enumerate(labels) if l == 2)
        if a:
            j = len(kinds)
            kinds.append("H")
            masks.append((a, b, 0))
            sizes.append(bin(a).count("1") + bin(b).count("1"))
            add(a | b, j, 1)
            add(b, j, -1)
    m = sp.csc_matrix((np.asarray(vals, dtype=np.float64), (np.asarray(r_idx), np.asarray(c_idx))),
                      shape=((1 << n) - 1, len(kinds)))
    m.sum_duplicates()
    m.eliminate_zeros()
    return _Dictionary(names, tuple(kinds), tuple(masks), m, np.asarray(sizes, dtype=float))


def set_basic_inequalities(variables) -> list[BasicInequality]:
    """All ``H(A|B) >= 0`` and ``I(A;B|C) >= 0`` over disjoint sets (no duplicates)."""
    d = _dictionary(variables)
    return [d.basic(j) for j in range(len(d))]


def _vec(form: LinearForm, cols: dict) -> dict:
    return {cols[s]: c for s, c in form.entropies.items()}


def _dense(vec: dict, ncoord: int) -> np.ndarray:
    b = np.zeros(ncoord)
    for c, x in vec.items():
        b[c] = float(x)
    return b


def _columns(variables) -> dict:
    names = sorted(variables, key=_natural_key)
    cols = {}
    for r in range(1, len(names) + 1):
        for s in combinations(names, r):
            cols[frozenset(s)] = len(cols)
    return cols


def _highs_solve(cost, A, b, lo, hi, *, rows=None, integer=None, time_limit: float = 2.0):
    """Minimise ``cost·x`` subject to ``A x = b``, ``lo <= x <= hi``, optional
    extra rows ``(R, r_lo, r_hi)`` and integrality of the columns in
    ``integer``: HiGHS through highspy directly (importing
    ``scipy.optimize`` alone cost more than the whole search at ``n <= 6``).
    Returns ``x``, or None without a feasible solution."""
    import highspy

    from .lp import _new_highs

    A = A.tocsc()
    nrow, k = A.shape
    h = _new_highs(time_limit)
    h.setOptionValue("mip_rel_gap", 0.0)
    h.addRows(nrow, b, b, 0, np.zeros(nrow + 1, dtype=np.int32), np.zeros(0, dtype=np.int32), np.zeros(0))
    h.addCols(k, np.asarray(cost, dtype=np.float64), np.asarray(lo, dtype=np.float64),
              np.asarray(hi, dtype=np.float64), A.nnz, A.indptr.astype(np.int32),
              A.indices.astype(np.int32), A.data.astype(np.float64))
    if rows is not None:
        R, r_lo, r_hi = rows
        R = R.tocsr()
        h.addRows(R.shape[0], np.asarray(r_lo, dtype=np.float64), np.asarray(r_hi, dtype=np.float64), R.nnz,
                  R.indptr.astype(np.int32), R.indices.astype(np.int32), R.data.astype(np.float64))
    if integer is not None and len(integer):
        idx = np.asarray(integer, dtype=np.int32)
        h.changeColsIntegrality(len(idx), idx, np.full(len(idx), highspy.HighsVarType.kInteger))
    h.run()
    status = h.modelStatusToString(h.getModelStatus())
    x = np.asarray(h.getSolution().col_value)
    if status == "Optimal" or (x.size == k and status in ("Time limit reached", "Interrupted by user")
                               and np.allclose(A @ x, b, atol=1e-6)):
        return x if x.size == k else None
    return None


def _sparsest_lp(A, b: np.ndarray, signs, time_limit: float, sizes=None, weight=None):
    """``A w = b`` minimising the weighted L1 norm (an LP, far faster than a
    MILP; its vertex solutions are sparse).  ``A`` is sparse."""
    import scipy.sparse as sp

    ncoord, k = A.shape
    if k == 0:
        return None
    if weight is None:
        weight = 1.0 + 0.03 * np.asarray(sizes if sizes is not None else np.zeros(k), dtype=float)
    signs = np.asarray(signs, dtype=bool)
    free = np.flatnonzero(~signs)
    if free.size:  # w = p - m for atoms of either sign
        A = sp.hstack([A, -A[:, free]], format="csc")
        weight = np.concatenate([weight, weight[free]])
    m = A.shape[1]
    x = _highs_solve(weight, A, b, np.zeros(m), np.full(m, np.inf), time_limit=time_limit)
    if x is None:
        return None
    w = x[:k].copy()
    if free.size:
        w[free] -= x[k:]
    return w


def _sparsest_milp(A, b: np.ndarray, signs, time_limit: float, sizes):
    """Fewest nonzero weights ``w`` with ``A w = b`` (one binary per column,
    ties broken towards short quantities); ``signs[k]`` True means ``w_k >= 0``."""
    import scipy.sparse as sp

    ncoord, k = A.shape
    big = 4.0 * max(1.0, float(np.abs(b).sum()))
    signs = np.asarray(signs, dtype=bool)
    cost = np.concatenate([np.where(signs, 1e-4, 0.0), 1.0 + 0.03 * np.asarray(sizes, dtype=float)])
    eye = sp.identity(k, format="csr")
    R = sp.hstack([eye, -big * eye], format="csr")            # w <= big z
    free = np.flatnonzero(~signs)
    if free.size:                                                # -w <= big z
        sel = sp.csr_matrix((np.ones(free.size), (np.arange(free.size), free)), shape=(free.size, k))
        R = sp.vstack([R, sp.hstack([-sel, -big * sel])], format="csr")
    lo = np.concatenate([np.where(signs, 0.0, -big), np.zeros(k)])
    hi = np.concatenate([np.full(k, big), np.ones(k)])
    x = _highs_solve(cost, sp.hstack([A, sp.csc_matrix((ncoord, k))], format="csc"), b, lo, hi,
                     rows=(R, np.full(R.shape[0], -np.inf), np.zeros(R.shape[0])),
                     integer=np.arange(k, 2 * k), time_limit=time_limit)
    return None if x is None else x[:k]


#: Reweighting rounds of the L1 search that collects candidate inequalities
#: for the exact sparsest-combination MILP.
_REWEIGHT_ROUNDS = 6


def _sparsest(A, b: np.ndarray, signs, time_limit: float, sizes=None, seed_support=()):
    """Fewest nonzero weights ``w`` with ``A w = b``; ``signs[k]`` True means
    ``w_k >= 0``.  ``A`` is sparse.

    The MILP over every column (2016 set inequalities at ``n = 6``) took
    seconds; instead, reweighted L1 minimisation (each round an LP with
    weights ``1/(|w_k| + ε)``, which drives weights to zero) collects a few
    dozen candidate columns, together with ``seed_support`` (e.g. the
    multipliers of the certificate being shortened), and the exact MILP runs
    over those candidates only.  The result is deterministic (no
    time-limited search over the whole dictionary) and never worse than the
    best solution seen on the way."""
    import time

    ncoord, k = A.shape
    if k == 0:
        return None
    start = time.perf_counter()
    sizes = np.zeros(k) if sizes is None else np.asarray(sizes, dtype=float)
    base = 1.0 + 0.03 * sizes
    candidates = set(int(j) for j in seed_support)
    best = None
    weight = base
    for _ in range(_REWEIGHT_ROUNDS):
        left = time_limit - (time.perf_counter() - start)
        if left <= 0:
            break
        w = _sparsest_lp(A, b, signs, left, weight=weight)
        if w is None:
            break
        support = np.flatnonzero(np.abs(w) > 1e-7)
        candidates.update(int(j) for j in support)
        if best is None or support.size < np.count_nonzero(np.abs(best) > 1e-7):
            best = w
        weight = base / (np.abs(w) + 1e-3)
    if not candidates:
        return best
    cand = np.array(sorted(candidates))
    left = max(0.1, time_limit - (time.perf_counter() - start))
    sub = _sparsest_milp(A[:, cand], b, np.asarray(signs, dtype=bool)[cand], left, sizes[cand])
    if sub is None:
        return best
    w = np.zeros(k)
    w[cand] = sub
    if best is not None and np.count_nonzero(np.abs(best) > 1e-7) < np.count_nonzero(np.abs(w) > 1e-7):
        return best
    return w


def _exact_on_support(vector_of, target, floats, signs):
    """Exact weights on the support of ``floats`` (``vector_of(j)``: column j as a dict)."""
    from .exact import Atom, find_exact_multipliers

    support = [j for j, x in enumerate(floats) if abs(x) > 1e-7]
    atoms = [Atom("x", j, vector_of(j), bool(signs[j])) for j in support]
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


def textbook_terms(form: LinearForm, variables, *, time_limit: float = 1.0, _dictionary_cache=None):
    """A shortest list ``[(coefficient, BasicInequality or str), ...]`` whose sum is ``form``.

    Parameter and constant terms are kept as they are; entropy terms are
    covered by the fewest textbook quantities.  Exact (falls back to joint
    entropies when the search fails)."""
    ent = LinearForm(form.entropies)
    rest = form - ent
    out: list = []
    if ent.entropies:
        d = _dictionary_cache if _dictionary_cache is not None else _dictionary(variables)
        cols = _columns(d.names)
        target = _vec(ent, cols)
        signs = [False] * len(d)
        floats = _sparsest_lp(d.matrix, _dense(target, len(cols)), signs, time_limit, d.sizes)
        sol = _exact_on_support(d.vector, target, list(floats), signs) if floats is not None else None
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
    from .printing import latex_name, latex_names

    if q.isidentifier():
        return latex_name(q)
    if q.startswith("H(") and q.endswith(")"):
        return f"H({latex_names(q[2:-1].split(','))})"
    return q


def _render(terms, latex: bool = False) -> str:
    if len(terms) == 1 and isinstance(terms[0][1], _Written):
        return terms[0][1].latex if latex else terms[0][1].text
    parts = []
    for c, q in terms:
        if isinstance(q, BasicInequality):
            qs = q.latex() if latex else q.quantity()
        else:
            qs = _str_latex(q) if latex else q
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


def _support_in(d: _Dictionary, piece: CertificatePiece, nb: int) -> list[int]:
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
    import scipy.sparse as sp

    variables = tuple(cert.variables)
    if len(variables) > max_variables:
        return cert
    d = _dictionary_cache if _dictionary_cache is not None else _dictionary(variables)
    cols = _columns(d.names)
    if tuple(d.names) != tuple(sorted(variables, key=_natural_key)):
        return cert
    nb = len(d)
    hyp_vecs = [_vec(h.form, cols) for h in cert.hypotheses]
    A = d.matrix
    if hyp_vecs:
        H = sp.csc_matrix(np.column_stack([_dense(v, len(cols)) for v in hyp_vecs]))
        A = sp.hstack([A, H], format="csc")

    def vector_of(j):
        return d.vector(j) if j < nb else hyp_vecs[j - nb]

    signs = [True] * nb + [h.sense == ">=" for h in cert.hypotheses]
    sizes = np.concatenate([d.sizes, np.zeros(len(hyp_vecs))])
    pieces = []
    for piece in cert.pieces:
        if piece.target.parameters or piece.target.constant or any(
                h.form.parameters or h.form.constant for h in cert.hypotheses):
            return cert
        target = _vec(piece.target, cols)
        seed = _support_in(d, piece, nb)
        floats = _sparsest(A, _dense(target, len(cols)), signs, time_limit, sizes, seed_support=seed)
        if floats is None:
            return cert
        sol = _exact_on_support(vector_of, target, list(floats), signs)
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
    from .measures import to_latex, to_text

    concl = statement.conclusion
    lhs = _Written(to_text(concl.lhs), to_latex(concl.lhs))
    rhs = _Written(to_text(concl.rhs), to_latex(concl.rhs))
    if concl.rel == "<=" or (concl.rel == "==" and index == 1):
        return lhs, rhs
    return rhs, lhs


def _hyp_latex(h) -> str:
    """LaTeX of a hypothesis ``form (sense) 0`` in textbook terms, for justifications."""
    rel = "=" if h.sense == "==" else r"\ge"
    return f"{_render(textbook_terms(h.form, sorted(h.form.variables(), key=_natural_key)), latex=True)} {rel} 0"


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
    shorten = minimise and not copy_names
    dictionary = _dictionary(certificate.variables) if shorten else None
    cert = (shortest_certificate(certificate, time_limit=time_limit, _dictionary_cache=dictionary)
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
    shared = dictionary if dictionary is not None and dictionary.names == variables else _dictionary(variables)
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
                memo[form] = textbook_terms(form, variables, time_limit=0.5, _dictionary_cache=shared)
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
