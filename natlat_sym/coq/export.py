"""Export certificates and polymatroid witnesses as Coq proof scripts.

A file written here is self-contained: it starts with natlat_sym's Coq
theory (:file:`Polymatroid.v`, shipped as package data: entropy set
functions on bitmask sets, the polymatroid axioms, ``H``/``Hc``/``I``/``Ic``,
and the basic Shannon inequalities proved from the axioms) and then states
and proves one theorem per exported result, each in its own ``Module``.
``coqc FILE.v`` re-checks everything with Coq's kernel; nothing of
natlat_sym is trusted.

What the theorem says
---------------------
The theorem's **statement** is printed from the user's
:class:`~natlat_sym.shannon.statement.Statement` (the certificate's stored
statement text re-parsed, or the statement object you pass) — never from the
certificate — so a wrong certificate cannot prove a different theorem::

    Theorem redund_determined_of_mediator :
      forall h : set -> R, polymatroid h ->
      forall eps delta : R, 0 <= eps -> 0 <= delta ->
      forall (mediation : Ic h X1 X2 Λ <= eps) (redundancy_1 : Hc h Γ X1 <= delta) ...,
      Hc h Γ Λ <= eps + 2 * delta.

Random variables are bitmask constants (``X1 := 1``, ``X2 := 2``, ``Γ := 4``),
parameters are universally quantified nonnegative reals, hypotheses are
named premises.

How it is proved
----------------
The proof cites each basic inequality of the certificate as an instance of
the lemmas ``Hc_nonneg``/``Ic_nonneg`` (proved once from the axioms), turns
each used hypothesis into ``0 <= rhs - lhs``, and applies
``le_of_certificate``: ``d * (rhs - lhs) = c + s`` is checked as an identity of
linear forms (by ``lra`` with every fact cleared from the context; ``c`` is the
certificate's combination *with its multipliers written out*, cleared of
denominators by ``d``, ``s`` the constant slack), ``0 <= c`` term by term,
``0 <= s`` by ``lra``.  A changed multiplier, a dropped inequality or a
strengthened statement makes the identity (or the positivity step) fail, and
``coqc`` rejects the file.

A piece with more than :data:`REFLECTIVE_ROWS` rows is checked by computation
instead: its basic inequalities are one list of rows (data), ``rows_nonneg``
(proved once) says their sum is ``>= 0``, and the kernel computes that sum as
a linear form (``collect_rows``, by ``vm_compute``; ``rows_value_collect`` is
proved once) and compares it with the form printed in the file, leaving
``lra`` an identity in the statement's few joint entropies.

A copy-lemma (non-Shannon) certificate proves its statement for every
*entropic* ``h``: the file also loads :file:`Entropic.v` (the predicate
``entropic`` and two named axioms, ``entropic_polymatroid`` and
``copy_lemma``), the proof applies ``copy_lemma`` once per copy step (the
copy of bit ``i`` at bit ``i + k``, ``k`` past every existing variable),
restates the goal on the last extension ``g`` (equal to ``h`` on the
original variables) and cites the copy equalities it grants.

A :class:`~natlat_sym.shannon.certificate.PolymatroidWitness` exports as the
*negation* of the statement's theorem: the rational vector is a polymatroid
(``check_polymatroid`` evaluated by the kernel with ``vm_compute`` over
``Q``, on every pair of subsets) that satisfies the hypotheses and violates
the conclusion — a kernel-checked "not Shannon-provable".

Examples
--------
>>> from natlat_sym.shannon.parse import parse_statement
>>> from natlat_sym.shannon.prove import prove
>>> st = parse_statement("H(X|Y) <= H(X)")
>>> text = to_coq(prove(st).certificate, st, name="conditioning_reduces_entropy")
>>> "Theorem conditioning_reduces_entropy" in text
True
>>> print(coq_proposition(st, CoqNames.of(st)))
forall h : set -> R, polymatroid h ->
  Hc h X Y <= H h X
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from importlib import resources
from math import lcm

from ..errors import CertificateError, StatementError
from ..shannon.certificate import Certificate, PolymatroidWitness, check_certificate, check_witness
from ..shannon.copy_lemma import describe_fact
from ..shannon.linear import as_fraction
from ..shannon.parse import parse_statement
from .copy_proofs import CopyStep, copy_layout, copy_steps_proof
from .statements import (CoqNames, coq_expression, coq_number, coq_proposition, coq_relation, definitions,
                         module_name, unfold_list)

__all__ = ["CoqNames", "coq_proposition", "theory_text", "entropic_theory_text", "export_certificate",
           "export_witness", "to_coq", "coq_file", "assumed_axioms", "ENTROPIC_AXIOMS", "COQ_THEORY_VERSION"]

#: Bumped whenever Polymatroid.v changes meaning (part of every cache key).
COQ_THEORY_VERSION = 2

def theory_text() -> str:
    """The Coq theory shipped with natlat_sym (``natlat_sym/coq/Polymatroid.v``)."""
    return _theory("Polymatroid.v")


def entropic_theory_text() -> str:
    """The entropic part of the theory (``natlat_sym/coq/Entropic.v``): the
    predicate ``entropic`` and the two axioms about it (entropic functions are
    polymatroids; the copy lemma), loaded only by files whose proofs use copies."""
    return _theory("Entropic.v")


@lru_cache(maxsize=2)
def _theory(filename: str) -> str:
    return resources.files("natlat_sym.coq").joinpath(filename).read_text(encoding="utf-8")


def _statement_of(cert, statement):

    if statement is not None:
        return statement
    try:
        return parse_statement(cert.statement)
    except Exception as e:  # noqa: BLE001 - any parse failure means a broken certificate
        raise CertificateError(f"the certificate's statement does not parse: {e}") from None


# ----------------------------------------------------------------------------- certificates
def export_certificate(cert, statement=None, *, name: str = "natlat_theorem", check: bool = True,
                       reflective: bool | None = None) -> str:
    """One ``Module`` with the theorem and its proof (no theory header).

    Parameters
    ----------
    cert : Certificate
        A Shannon-type certificate (the theorem is about every polymatroid)
        or one with copy steps (about every *entropic* function: the proof
        applies the axiom ``copy_lemma`` of :file:`Entropic.v` once per step).
    statement : Statement, optional
        What to state; default: the certificate's statement text, re-parsed.
    name : str
        The theorem's name.
    check : bool
        Re-check the certificate with the exact checker first (a clear
        error instead of a Coq one).  ``check=False`` exports whatever the
        certificate says, so tests can show that the kernel catches it.
    reflective : bool, optional
        Check the basic inequalities by computation (a row list, its sum
        ``>= 0`` by ``rows_nonneg``, its linear form computed by the kernel)
        instead of one cited lemma each; default: for pieces with more than
        :data:`REFLECTIVE_ROWS` rows (Han's inequality at n = 9 has 4608).
    """

    st = _statement_of(cert, statement)
    if check:
        if st.conclusion.rel != cert.sense:
            raise CertificateError(f"certificate is for a '{cert.sense}' conclusion, the statement has "
                                   f"'{st.conclusion.rel}'")
        check_certificate(cert, expected_target=st.conclusion.normal_form(),
                          expected_hypotheses=st.hypothesis_forms())
    names = CoqNames.of(st, cert.variables)
    used: set[str] = set()
    copies = tuple(getattr(cert, "copies", ()) or ())
    steps: list[CopyStep] = []
    fn, cite = "h", None
    if copies:
        names, steps = copy_layout(names, cert, copies)
        fn = names.fresh(f"g{len(steps)}", used)
    poly = "poly"
    header = [f"(** {st.text()} *)", *definitions(names), ""]
    lines = [f"Theorem {name} :", coq_proposition(st, names, predicate="entropic" if copies else "polymatroid")
             + ".", "Proof."]
    nonneg = {p: names.fresh(f"{names.parameters[p]}_nonneg", used) for p in sorted(names.parameters)}
    hyps = list(names.hypotheses)
    if copies:
        ent = names.fresh("ent", used)
        lines.append("  intros " + " ".join(["h", ent, *[names.parameters[p] for p in sorted(names.parameters)],
                                             *[nonneg[p] for p in sorted(names.parameters)], *hyps]) + ".")
        proof_lines, cite = copy_steps_proof(names, steps, fn, ent, used, hyps)
        lines += proof_lines
    else:
        lines.append("  intros " + " ".join(["h", poly, *[names.parameters[p] for p in sorted(names.parameters)],
                                             *[nonneg[p] for p in sorted(names.parameters)], *hyps]) + ".")
    rel = st.conclusion
    pieces = list(cert.pieces)
    combos: list[_Piece] = []
    for k, piece in enumerate(pieces, start=1):
        combo = _combination(piece, cert, st, names, used, k, nonneg, fn, cite, reflective)
        lines.extend(combo.facts)
        header.extend(combo.defs)
        combos.append(combo)
    # The identity of linear forms, with every fact cleared so that lra checks the identity
    # itself (lra normalises linear forms much faster than ring on hundreds of subsets); a
    # reflective piece's rows are first replaced by the linear form the kernel computed.
    unfold = unfold_list(names) + (" form_value" if any(c.rewrite for c in combos) else "")

    def identity(c: _Piece) -> str:
        return f"{c.rewrite}cbv [{unfold}]; rewrite ?(normalized {fn} {poly}); clear_facts; lra."

    what = ["the certificate's identity", "each term of the combination is >= 0",
            "the slack is >= 0", "the common denominator is > 0"]
    if rel.rel == "==":
        if len(combos) != 2:
            raise CertificateError(f"an equality needs 2 certificate pieces, got {len(combos)}")
        a, b = combos
        lines.append(f"  refine (eq_of_certificates _ _ {a.d} ({a.c}) {a.s} {b.d} ({b.c}) {b.s} _ _ _ _ _ _ _ _).")
        steps_ = [identity(a), f"exact {a.proof}.", "lra.", "apply const_pos.",
                  identity(b), f"exact {b.proof}.", "lra.", "apply const_pos."]
    else:
        if len(combos) != 1:
            raise CertificateError(f"an inequality needs 1 certificate piece, got {len(combos)}")
        a, = combos
        lemma = "le_of_certificate" if rel.rel == "<=" else "ge_of_certificate"
        lines.append(f"  refine ({lemma} _ _ {a.d} ({a.c}) {a.s} _ _ _ _).")
        steps_ = [identity(a), f"exact {a.proof}.", "lra.", "apply const_pos."]
    for k, step in enumerate(steps_):
        lines.append(f"  - (* {what[k % 4]} *) {step}")
    lines.append("Qed.")
    return "\n".join(header + lines)


#: Certificates with more rows (in one piece) than this are checked by computation
#: (:func:`export_certificate`'s ``reflective``): lra on thousands of atoms is slow.
REFLECTIVE_ROWS = 120

#: Rows per ``Definition`` of a large certificate's row list.
_ROWS_PER_CHUNK = 256


@dataclass(frozen=True)
class _Piece:
    """One certificate piece as Coq text: ``d * target = c + s``; ``proof``
    of ``0 <= c``; ``facts`` (proof lines), ``defs`` (lines before the
    theorem: the row list and its computed form, when reflective) and
    ``rewrite`` (a tactic turning the row sum into its form, or "")."""

    d: str
    c: str
    s: str
    proof: str
    facts: list
    defs: list
    rewrite: str


def _combination(piece, cert, st, names: CoqNames, used: set[str], k: int, param_facts: dict, fn: str = "h",
                 cite=None, reflective: bool | None = None) -> _Piece:
    """The piece ``d * target = c + s`` with ``c`` the certificate's
    combination ``Σ λ b + Σ μ g + Σ ν p (+ Σ c_f e_f)`` times the common
    denominator ``d`` of every multiplier (integer coefficients throughout),
    and an explicit proof term of ``0 <= c`` built from the facts (no proof
    search: linear in the number of rows).  ``fn`` is the set function the
    facts are about (``h``, or the last copy extension); ``cite`` names the
    copy steps' facts (copy-lemma certificates).

    Basic inequalities are cited one ``pose proof`` each, or — ``reflective``
    (default: more than :data:`REFLECTIVE_ROWS` rows) — as one list of rows
    whose sum is ``>= 0`` by ``rows_nonneg`` and whose linear form the kernel
    computes (``collect_rows``, by ``vm_compute``)."""


    basic = [(b, as_fraction(lam)) for b, lam in piece.basic if as_fraction(lam)]
    if reflective is None:
        reflective = len(basic) > REFLECTIVE_ROWS
    facts = [f"  (* piece {k}: the basic inequalities the certificate cites, from the axioms *)"]
    raw: list[tuple[Fraction, str, str]] = []
    if not reflective:
        for b, lam in basic:
            fact = names.fresh(f"b{k}_{len(raw) + 1}", used)
            sets = " ".join(names.set_term(x) for x in b.sets)
            lemma = "Hc_nonneg" if b.kind == "H" else "Ic_nonneg"
            facts.append(f"  pose proof ({lemma} {fn} poly {sets}) as {fact}.  (* {b} *)")
            raw.append((lam, f"{'Hc' if b.kind == 'H' else 'Ic'} {fn} {sets}", fact))
    for j, mu in enumerate(piece.hypotheses):
        mu = as_fraction(mu)
        if not mu:
            continue
        if j >= len(st.hypotheses):
            raise CertificateError(f"piece {k}: a multiplier for hypothesis {j + 1}, but the statement has "
                                   f"{len(st.hypotheses)}")
        r, ident = st.hypotheses[j], names.hypotheses[j]
        lhs, rhs = coq_expression(r.lhs, names, fn), coq_expression(r.rhs, names, fn)
        fact = names.fresh(f"g{k}_{j + 1}", used)
        if r.rel == "<=" or (r.rel == "==" and mu < 0):
            lemma = "nonneg_of_le" if r.rel == "<=" else "nonneg_of_eq_rev"
            quantity = f"({rhs}) - ({lhs})"
        else:
            lemma = "nonneg_of_ge" if r.rel == ">=" else "nonneg_of_eq"
            quantity = f"({lhs}) - ({rhs})"
        facts.append(f"  pose proof ({lemma} _ _ {ident}) as {fact}.  (* hypothesis {r.name} *)")
        raw.append((abs(mu) if r.rel == "==" else mu, f"({quantity})", fact))
    for p, nu in sorted(piece.parameters.items()):
        nu = as_fraction(nu)
        if nu:
            if p not in names.parameters:
                raise CertificateError(f"piece {k}: parameter {p} is not in the statement")
            raw.append((nu, names.parameters[p], param_facts[p]))
    copy_facts = [(f, as_fraction(c)) for f, c in getattr(piece, "copy_facts", ()) if as_fraction(c)]
    if copy_facts and cite is None:
        raise CertificateError(f"piece {k} cites copy equalities, but the certificate makes no copies")
    for j, (f, c) in enumerate(copy_facts, start=1):
        proof, lhs, rhs = cite.fact(f, names, fn, k)
        fact = names.fresh(f"c{k}_{j}", used)
        lemma, quantity = ("nonneg_of_eq", f"({lhs} - {rhs})") if c > 0 else ("nonneg_of_eq_rev", f"({rhs} - {lhs})")
        facts.append(f"  pose proof ({lemma} _ _ {proof}) as {fact}.  (* copy step {f.step}: {_describe(cert, f)} *)")
        raw.append((abs(c), quantity, fact))
    if getattr(cert, "copies", ()):
        slack = piece.residual(cert.hypotheses, cert.copies, cert.statement_variables()).constant
    else:
        slack = piece.residual(cert.hypotheses).constant
    d = lcm(slack.denominator, *(q.denominator for q, _, _ in raw),
            *((lam.denominator for _, lam in basic) if reflective else ()))
    terms = [_scaled(q * d, text) for q, text, _ in raw]
    proof = "(Rle_refl 0)"
    for n, (q, _, fact) in enumerate(raw):
        leaf = fact if q * d == 1 else f"(Rmult_le_pos _ _ (const_nonneg {q * d}%positive) {fact})"
        proof = leaf if n == 0 else f"(Rplus_le_le_0_compat _ _ {proof} {leaf})"
    defs, rewrite = [], ""
    if reflective and basic:
        rows = names.fresh(f"rows{k}", used)
        defs, form_lemma = _rows_definitions(basic, d, names, used, rows)
        facts.append(f"  (* {len(basic)} rows, in {rows}: their sum is >= 0 by rows_nonneg *)")
        terms.insert(0, f"rows_value {fn} {rows}")
        leaf = f"(rows_nonneg {fn} poly {rows})"
        proof = f"(Rplus_le_le_0_compat _ _ {leaf} {proof})" if raw else leaf
        rewrite = f"rewrite (rows_value_collect {fn} {rows} _ {form_lemma}); "
        if raw:  # c = rows + (t1 + t2 + ...): the proof above is for rows + ((t1 + t2) + ...) grouped left
            terms = [terms[0], "(" + " + ".join(terms[1:]) + ")"]
    return _Piece(str(d), (" + ".join(terms) or "0"), _signed_number(slack * d), proof, facts, defs, rewrite)


def _rows_definitions(basic, d: int, names: CoqNames, used: set[str], rows: str) -> tuple[list[str], str]:
    """``Definition rows := ...`` (in chunks) and the lemma that the kernel
    computes its linear form (``collect_rows rows = F``, by ``vm_compute``)."""
    entries = []
    for b, lam in basic:
        k = lam * d
        if k <= 0 or k.denominator != 1:
            raise CertificateError(f"multiplier {lam} on {b} is not positive")
        masks = [names.mask(x) for x in b.sets]
        entries.append(f"rI {masks[0]} {masks[1]} {masks[2]} {k.numerator}" if b.kind == "I"
                       else f"rH {masks[0]} {masks[1]} {k.numerator}")
    out = [f"(** The {len(entries)} basic inequalities of the certificate, as data: rI A B C k is "
           "k * I(A;B|C) >= 0, rH A B k is k * H(A|B) >= 0 (sets as bitmasks). *)"]
    chunks = []
    for start in range(0, len(entries), _ROWS_PER_CHUNK):
        chunk = names.fresh(f"{rows}_{start // _ROWS_PER_CHUNK + 1}", used)
        chunks.append(chunk)
        out.append(f"Definition {chunk} : list row := (" + " :: ".join(entries[start:start + _ROWS_PER_CHUNK])
                   + " :: nil)%list.")
    out.append(f"Definition {rows} : list row := (" + " ++ ".join(chunks) + ")%list." if len(chunks) > 1
               else f"Definition {rows} : list row := {chunks[0]}.")
    form = _collected_form(basic, d, names)
    lemma = names.fresh(f"{rows}_form", used)
    literal = " :: ".join(f"({m}%N, ({z})%Z)" for m, z in form)
    out.append("(** Their sum as a linear form in the joint entropies, computed by the kernel. *)")
    out.append(f"Lemma {lemma} : collect_rows {rows} = ({literal + ' :: ' if literal else ''}nil)%list.")
    out.append("Proof. vm_compute. reflexivity. Qed.")
    return out, lemma


def _collected_form(basic, d: int, names: CoqNames) -> list[tuple[int, int]]:
    """What ``collect_rows`` computes, mirrored exactly: the terms summed in
    a binary trie keyed by ``set + 1`` (lowest bit first: 0 → left, 1 →
    right), listed node, left subtree, right subtree; zeros dropped."""
    root: list = [0, None, None, 1]  # [coefficient, left, right, key]

    def add(key: int, z: int) -> None:
        node, depth, rest = root, 0, key
        while rest != 1:
            side = 1 + (rest & 1)
            rest >>= 1
            depth += 1
            if node[side] is None:
                node[side] = [0, None, None, (1 << depth) | (key & ((1 << depth) - 1))]
            node = node[side]
        node[0] += z

    for b, lam in basic:
        k = int(lam * d)
        if b.kind == "I":
            a, bb, c = (names.mask(x) for x in b.sets)
            terms = ((a | c, k), (bb | c, k), (a | bb | c, -k), (c, -k))
        else:
            a, bb = (names.mask(x) for x in b.sets)
            terms = ((a | bb, k), (bb, -k))
        for m, z in terms:
            add(m + 1, z)
    out, stack = [], [root]
    while stack:
        node = stack.pop()
        if node[0]:
            out.append((node[3] - 1, node[0]))
        stack.extend(n for n in (node[2], node[1]) if n is not None)
    return out


def _describe(cert, fact) -> str:
    """The copy fact in textbook notation (a comment only), e.g. ``H(A_1,C) = H(A,C)``."""

    try:
        return describe_fact(cert.copies, cert.statement_variables(), fact)
    except (CertificateError, StatementError, KeyError):
        return fact.kind


def _signed_number(q: Fraction) -> str:
    return coq_number(q) if q >= 0 else f"(-{coq_number(-q)})"


def _scaled(q: Fraction, quantity: str) -> str:
    if q < 0:
        return f"(-{coq_number(-q)}) * {quantity}"
    return quantity if q == 1 else f"{coq_number(q)} * {quantity}"


# ----------------------------------------------------------------------------- witnesses
def export_witness(witness, statement, *, name: str = "natlat_theorem", check: bool = True) -> str:
    """One ``Module`` proving that ``statement`` is NOT a theorem about
    polymatroids: ``~ (forall h, polymatroid h -> ...)``, by the witness.

    The witness is re-checked by the exact checker first; the kernel then
    re-checks it independently (``vm_compute`` of ``check_polymatroid``);
    ``check=False`` skips the first check, so tests can show that the
    kernel rejects a perturbed witness on its own."""

    st = statement
    if check:
        check_witness(witness, st.hypothesis_forms(), st.conclusion.normal_form(), st.conclusion.sense)
    names = CoqNames.of(st, witness.variables)
    n = len(names.variables)
    ent = {frozenset(s): as_fraction(v) for s, v in witness.entropies.items()}
    order = sorted(names.variables, key=lambda v: names.variables[v][1])
    table = []
    for mask in range(1 << n):
        s = frozenset(v for v in order if mask >> names.variables[v][1] & 1)
        table.append(ent.get(s, Fraction(0)) if s else Fraction(0))
    used: set[str] = set()
    lines = [f"(** Not Shannon-provable: {st.text()} *)", *definitions(names), "",
             "(** The witness: entry k is h(set with bitmask k). *)",
             "Definition table : list Q := (" + " :: ".join(_q(q) for q in table) + " :: nil)%Q."]
    lines += [f"Definition witness : set -> R := finite_function {n} table.", "",
              "Lemma witness_polymatroid : polymatroid witness.",
              "Proof. apply polymatroid_of_check. vm_compute. reflexivity. Qed.", ""]
    value_lemmas = []
    for mask, q in enumerate(table):
        lemma = f"witness_{mask}"
        value_lemmas.append(lemma)
        lines.append(f"Lemma {lemma} : witness {mask}%N = {_real(q)}.")
        lines.append("Proof. apply finite_function_value. vm_compute. reflexivity. Qed.")
    unfold = unfold_list(names)
    rewrite = ", ".join(f"?{v}" for v in value_lemmas)
    lines += ["", f"Theorem {name} :", "  ~ (" + coq_proposition(st, names).replace("\n", "\n     ") + ").",
              "Proof.", "  intro claim.", "  specialize (claim witness witness_polymatroid)."]
    params = dict(witness.parameters)
    for p in sorted(names.parameters):
        v = as_fraction(params.get(p, 0))
        lines.append(f"  specialize (claim {_real(v)} ltac:(lra)).  (* {p} = {v} *)")
    for ident, r in zip(names.hypotheses, st.hypotheses):
        fact = names.fresh(f"{ident}_holds", used)
        lines.append(f"  assert ({fact} : {coq_relation(r, names, 'witness')}).")
        lines.append(f"  {{ cbv [{unfold}]; rewrite {rewrite}; lra. }}")
        lines.append(f"  specialize (claim {fact}).")
    lines.append(f"  revert claim. cbv [{unfold}]. rewrite {rewrite}. lra.")
    lines.append("Qed.")
    return "\n".join(lines)


def _q(q: Fraction) -> str:
    return f"({q.numerator} # {q.denominator})"


def _real(q: Fraction) -> str:
    """``p / q`` in the form finite_function_value produces (IZR p / IZR (Zpos q))."""
    return f"(IZR ({q.numerator}%Z) / IZR (Zpos {q.denominator}%positive))"


# ----------------------------------------------------------------------------- files
#: The axioms of Entropic.v (a file that loads it may rest on them; Polymatroid.v has none).
ENTROPIC_AXIOMS = ("entropic_polymatroid", "copy_lemma")


def assumed_axioms(text: str) -> tuple[str, ...]:
    """The axioms of natlat_sym's theory a ``.v`` file (from :func:`coq_file`)
    may rest on: those of :file:`Entropic.v` when it is loaded, else none."""
    return ENTROPIC_AXIOMS if "Axiom copy_lemma" in text else ()


def _uses_entropic(text: str) -> bool:
    """True when a module states a theorem about entropic functions (the
    line :func:`coq_proposition` prints; comments quoting a statement cannot
    start a line so)."""
    return re.search(r"^forall h : set -> R, entropic h ->$", text, re.M) is not None


def coq_file(modules, *, title: str = "") -> str:
    """A complete ``.v`` file: the theory, then each module's text.

    ``modules`` is a list of ``(name, text)`` pairs from
    :func:`export_certificate` / :func:`export_witness`.  The entropic part
    of the theory (:file:`Entropic.v`, with its axioms) is included only
    when a module states a theorem about entropic functions."""
    used: set[str] = set()
    modules = list(modules)
    out = [f"(* Generated by natlat_sym{': ' + title if title else ''}.  Check with: coqc FILE.v *)", "",
           theory_text().rstrip(), ""]
    if any(_uses_entropic(text) for _, text in modules):
        out += [entropic_theory_text().rstrip(), ""]
    for name, text in modules:
        mod = module_name(name, used)
        out += [f"Module {mod}.", text, f"End {mod}.", ""]
    return "\n".join(out)


def to_coq(result, statement=None, *, name: str = "natlat_theorem", check: bool = True,
           reflective: bool | None = None) -> str:
    """A complete, self-contained Coq file (text) for one result.

    Parameters
    ----------
    result : Certificate, PolymatroidWitness or ProofResult
        A certificate exports as the theorem with its proof; a polymatroid
        witness as the negation of the statement's theorem (not
        Shannon-provable).
    statement : Statement or str, optional
        The statement; required for a witness, defaults to the
        certificate's own statement text (re-parsed).
    name : str
        Theorem name (a catalog id, say).
    check : bool
        Re-check the certificate or witness exactly before exporting (see
        :func:`export_certificate`); False only to test the kernel.
    reflective : bool, optional
        For a certificate: check its basic inequalities by computation
        (default: when a piece has more than :data:`REFLECTIVE_ROWS` rows);
        see :func:`export_certificate`.
    """

    if isinstance(statement, str):

        statement = parse_statement(statement)
    if hasattr(result, "verdict") and hasattr(result, "certificate"):
        if result.certificate is not None:
            result = result.certificate
        elif result.witness is not None:
            result = result.witness
        else:
            raise CertificateError(f"nothing to export: the result is {result.verdict} without a "
                                   "certificate or witness")
    if isinstance(result, Certificate):
        body = export_certificate(result, statement, name=name, check=check, reflective=reflective)
    elif isinstance(result, PolymatroidWitness):
        if statement is None:
            raise StatementError("exporting a polymatroid witness needs the statement it refutes")
        body = export_witness(result, statement, name=name, check=check)
    else:
        raise TypeError(f"to_coq expects a Certificate, PolymatroidWitness or ProofResult, "
                        f"got {type(result).__name__}")
    return coq_file([(name, body)], title=name)
