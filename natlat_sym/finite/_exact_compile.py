"""Compile an exact statement on fixed alphabets into polynomial problems, case by case.

Private helper of :mod:`natlat_sym.finite.decide`.  The statement, its
plan and the enumeration of cases up to symmetry are in
:mod:`natlat_sym.finite._exact_cases`; this module encodes one case.

Concept
-------
An *exact* statement — hypotheses and conclusion are conjunctions of
conditional independences ``I(A;B|C) = 0`` and functional dependences
``H(A|B) = 0`` — speaks about zero patterns and product identities of the
joint probabilities.  For fixed alphabet sizes it is a question about real
polynomials, and this module turns it into finitely many such questions
("cases"), each small enough for z3's nonlinear real arithmetic (nlsat):

* **functional dependences are enumerated functions.**  A hypothesis
  ``H(G|X1) = 0`` makes ``G`` a function of ``X1``; ``G`` gets no
  probability cells of its own and each case fixes the function (up to
  relabelling ``G``'s values, which no entropy sees);
* **cases split by support pattern.**  A few *pattern variables* ``M`` are
  chosen; each case fixes which cells of the marginal ``P[M]`` are positive.
  Cells outside the pattern vanish (fewer unknowns), cells inside are
  strictly positive (nlsat's hardest work is deciding which quantities are
  zero), and conditions that live on ``M`` are decided combinatorially: a
  dependence ``H(A|B) = 0`` inside ``M`` is a property of the pattern, and an
  independence ``A ⊥ B | C`` inside ``M`` needs a *rectangular* pattern
  (the support of ``(A, B)`` given ``c`` is a product set);
* **cases are enumerated up to symmetry**: relabelling the values of any
  variable, and permuting variables the statement treats alike, map
  distributions to distributions with the same entropies, so one case per
  orbit suffices (:func:`enumerate_cases`);
* **independences are polynomial identities** ``p(a,b,c)·p(c) = p(a,c)·p(b,c)``
  on the remaining cells, dependences are ``p(a,b)·p(a',b) = 0``;
* **the negated conclusion** is one polynomial ``> 0``: the sum of squares of
  an independence's identities, or the sum of a dependence's products (each
  term is ``>= 0``, so the sum is positive iff some term is).

A *common part* ``K`` of two groups ``(A, B)`` (the Gács–Körner label: the
connected component of the bipartite support graph of ``P[A, B]``) is a
variable the statement may mention; it needs ``A ∪ B`` among the pattern
variables, and on each case it is a fixed function read off the pattern.

Every case is a list of *alternatives* (usually one), each a conjunction of
polynomial constraints in the format of :mod:`natlat_sym.z3_backend`; the
case has a counterexample iff some alternative is satisfiable.  A case can
also be *closed* without z3: the pattern contradicts a hypothesis, or
forces the conclusion.

Examples
--------
A function ``Z`` of ``X`` is independent of ``X`` given ``Y``?  Every case
is decided by its pattern alone (no z3 needed): closed, or forced false.

>>> from natlat_sym.finite._structure import Determination, Independence
>>> st = ExactStatement.build([Determination(frozenset("Z"), frozenset("X"))],
...                           [Independence(frozenset("X"), frozenset("Z"), frozenset("Y"))], 2)
>>> plan = make_plan(st)
>>> sorted({compile_case(plan, case).status for case in enumerate_cases(plan)})
['closed', 'forced']
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction

from networkx.utils import UnionFind

from ..errors import StatementError
from ._exact_cases import (Case, ExactStatement, Plan, cells_by_marginal, condition_key, enumerate_cases,
                           function_domain, make_plan)
from ._polynomials import add as _add, mono as _mono, mul as _mul
from ._structure import Determination, Independence
from .common_information import linked_component_labels

__all__ = ["ExactStatement", "Plan", "Case", "make_plan", "enumerate_cases", "compile_case", "Compiled"]

ONE = Fraction(1)


# ----------------------------------------------------------------------------- one case

@dataclass
class Compiled:
    """A case as z3 problems.

    ``status`` is ``"open"`` (decide ``alternatives`` with z3),
    ``"closed"`` (no counterexample in this case: a hypothesis contradicts
    the pattern, or the conclusion is forced) or ``"forced"`` (the pattern
    violates the conclusion outright; the alternatives then only ask for the
    hypotheses).  ``cells`` lists the full value tuple (in
    ``statement.names`` order) of every cell and ``cell_poly`` its
    probability as a polynomial in the unknowns.
    """

    status: str
    alternatives: list
    cells: list
    cell_poly: list
    note: str = ""

    def cell_values(self, model: Mapping) -> list:
        """Exact probability of every cell under a model of the unknowns."""
        out = []
        for poly in self.cell_poly:
            total = Fraction(0)
            for mono, c in poly.items():
                t = Fraction(c)
                for v, k in mono:
                    t *= Fraction(model.get(v, 0)) ** k
                total += t
            out.append(total)
        return out


class _CaseEncoding:
    """The unknowns of one case.

    With pattern variables ``M`` and the other free variables ``R``, every
    cell is ``p(m, r) = w_m · q(r|m)``: ``w_m > 0`` on the pattern (``Σ w =
    1``) and ``q(·|m)`` a conditional distribution.  An independence
    ``B ⊥ A | C`` with ``A ∪ C = M`` and ``B ⊆ R`` says exactly that
    ``q(b|a,c)`` does not depend on ``a`` on the support: linear equalities,
    and when ``B = R`` plain identifications of unknowns — so such
    hypotheses cost nothing (this is how "mediation" and "redundancy"
    hypotheses become parametrisations: ``π_l·a_l(x1)·b_l(x2)``, or a
    posterior constant on each connected component).
    """

    def __init__(self, plan: Plan, case: Case):
        self.plan, self.case = plan, case
        st = plan.statement
        self.names = st.names
        M = plan.pattern_vars
        R = tuple(v for v in plan.free if v not in M)
        self.M, self.R = M, R
        funcs = {v: dict(zip(function_domain(st, plan.derived[v]), case.function(v))) for v in plan.derived}
        order = _derived_order(plan.derived)
        self.cells, self.cell_poly = [], []
        self.over: dict = {m: [] for m in case.pattern}
        labels = {k: _component_label(case.pattern, M, a, b) for k, (a, b) in st.common.items()}
        r_values = list(itertools.product(*(range(st.sizes[v]) for v in R)))
        # which hypotheses are parametrisations, and the identifications they make
        self.handled: set = set()
        same = UnionFind()  # unknowns q(r|m) an independence identifies

        qname = {(m, r): f"q{_tag(m)}__{_tag(r)}" for m in case.pattern for r in r_values}
        partial = []  # (B, A, C) with B a proper subset of R: linear equalities
        for c in plan.hypotheses:
            if not isinstance(c, Independence) or not R:
                continue
            for b, a in ((c.left, c.right), (c.right, c.left)):
                if a | c.given == set(M) and b <= set(R) and not (a & c.given):
                    self.handled.add(condition_key(c))
                    if b == set(R):
                        ic = [M.index(v) for v in M if v in c.given]
                        groups: dict = {}
                        for m in case.pattern:
                            groups.setdefault(tuple(m[i] for i in ic), []).append(m)
                        for ms in groups.values():
                            for r in r_values:
                                for m2 in ms[1:]:
                                    same.union(qname[ms[0], r], qname[m2, r])
                    else:
                        partial.append((b, a, c.given))
                    break
        first = {n: min(group) for group in same.to_sets() for n in group}  # one name per identified set
        rep = {key: first.get(n, n) for key, n in qname.items()}
        self.base = []
        for m in case.pattern:
            self.base.append(({((f"w{_tag(m)}", 1),): ONE}, ">"))
        self.base.append(({**{((f"w{_tag(m)}", 1),): ONE for m in case.pattern}, (): Fraction(-1)}, "=="))
        if R:
            seen_rows = set()
            for v in sorted(set(rep.values())):
                self.base.append(({((v, 1),): ONE}, ">="))
            for m in case.pattern:
                row = tuple(sorted(rep[m, r] for r in r_values))
                if row in seen_rows:
                    continue
                seen_rows.add(row)
                poly: dict = {(): Fraction(-1)}
                for r in r_values:
                    mono = ((rep[m, r], 1),)
                    poly[mono] = poly.get(mono, Fraction(0)) + 1
                self.base.append(({k: c for k, c in poly.items() if c}, "=="))
            for b, a, cg in partial:
                ib = [R.index(v) for v in R if v in b]
                ic = [M.index(v) for v in M if v in cg]
                groups = {}
                for m in case.pattern:
                    groups.setdefault(tuple(m[i] for i in ic), []).append(m)
                for ms in groups.values():
                    for bv in itertools.product(*(range(st.sizes[v]) for v in R if v in b)):
                        sums = []
                        for m in ms:
                            poly = {}
                            for r in r_values:
                                if tuple(r[i] for i in ib) == bv:
                                    mono = ((rep[m, r], 1),)
                                    poly[mono] = poly.get(mono, Fraction(0)) + 1
                            sums.append(poly)
                        for other in sums[1:]:
                            diff = _add(sums[0], other, -1)
                            if diff:
                                self.base.append((diff, "=="))
        for m in case.pattern:
            for r in r_values:
                x = dict(zip(M, m))
                x.update(zip(R, r))
                for v in order:
                    x[v] = funcs[v][tuple(x[g] for g in plan.derived[v])]
                for k in st.common:
                    x[k] = labels[k][m]
                self.over[m].append(len(self.cells))
                self.cells.append(tuple(x[n] for n in self.names))
                w = f"w{_tag(m)}"
                self.cell_poly.append({_mono(w, rep[m, r]): ONE} if R else {_mono(w): ONE})
        self.positive_groups = [frozenset(ix) for ix in self.over.values()]
        self._marg: dict = {}

    def marginal(self, subset) -> dict:
        key = tuple(n for n in self.names if n in subset)
        if key not in self._marg:
            self._marg[key] = cells_by_marginal(self.names, self.cells, subset)
        return self._marg[key]

    def mass(self, subset, vals_by_name: Mapping) -> tuple[dict, bool]:
        """The marginal probability as a polynomial, and whether it is
        certainly positive in this case."""
        key, groups = self.marginal(subset)
        members = groups.get(tuple(vals_by_name[n] for n in key), [])
        s = frozenset(members)
        poly: dict = {}
        for i in members:
            poly = _add(poly, self.cell_poly[i])
        return poly, any(g <= s for g in self.positive_groups)

    def independence_identities(self, c: Independence) -> list[dict]:
        st = self.plan.statement
        key = tuple(n for n in self.names if n in c.left | c.right | c.given)
        out = []
        for vals in itertools.product(*(range(st.sizes[n]) for n in key)):
            x = dict(zip(key, vals))
            abc, _ = self.mass(c.left | c.right | c.given, x)
            cm, _ = self.mass(c.given, x)
            ac, _ = self.mass(c.left | c.given, x)
            bc, _ = self.mass(c.right | c.given, x)
            ident = _add(_mul(abc, cm) if c.given else abc, _mul(ac, bc), -1)
            if ident:
                out.append(ident)
        return out

    def dependence_pairs(self, c: Determination) -> tuple[list[dict], bool]:
        """Products ``m(a,b)·m(a',b)`` that must vanish, and whether one of
        them is certainly positive."""
        st = self.plan.statement
        tkey = tuple(n for n in self.names if n in c.target - c.given)
        gkey = tuple(n for n in self.names if n in c.given)
        out, forced = [], False
        if not tkey:
            return out, forced
        tvals = list(itertools.product(*(range(st.sizes[n]) for n in tkey)))
        for gvals in itertools.product(*(range(st.sizes[n]) for n in gkey)):
            masses = []
            for tv in tvals:
                x = dict(zip(gkey, gvals))
                x.update(zip(tkey, tv))
                poly, pos = self.mass(c.target | c.given, x)
                if poly:
                    masses.append((poly, pos))
            for (p1, pos1), (p2, pos2) in itertools.combinations(masses, 2):
                out.append(_mul(p1, p2))
                forced = forced or (pos1 and pos2)
        return out, forced


def _derived_order(derived: Mapping) -> list:
    done, order, pending = set(), [], list(derived)
    while pending:
        for v in pending:
            if all(g not in derived or g in done for g in derived[v]):
                order.append(v)
                done.add(v)
                pending.remove(v)
                break
        else:  # pragma: no cover - _eliminations keeps the functions acyclic
            raise StatementError("cyclic functional dependences")
    return order


def _component_label(pattern, M, a, b) -> dict:
    """Gács–Körner label of every pattern cell (components of the bipartite
    graph linking the A-values and B-values of the support of P[A, B])."""
    ia = [M.index(v) for v in M if v in a]
    ib = [M.index(v) for v in M if v in b]
    cells = [(tuple(m[i] for i in ia), tuple(m[i] for i in ib)) for m in pattern]
    return dict(zip(pattern, linked_component_labels(cells)))


def _lives_on_pattern(c, plan: Plan) -> bool:
    """Is the condition decided by the pattern alone (all its variables are
    pattern variables, or functions of them, or common parts)?"""
    known = set(plan.pattern_vars) | set(plan.statement.common)
    changed = True
    while changed:
        changed = False
        for v, g in plan.derived.items():
            if v not in known and set(g) <= known:
                known.add(v)
                changed = True
    return c.form().variables() <= known


def _pattern_violates_independence(enc: _CaseEncoding, c: Independence) -> bool:
    """On a condition living on the pattern: is the support of (A, B) given
    some c not a product set?  Then A ⊥ B | C fails for every distribution of
    the case."""
    names = enc.names
    ia = [names.index(n) for n in names if n in c.left]
    ib = [names.index(n) for n in names if n in c.right]
    ic = [names.index(n) for n in names if n in c.given]
    supp: dict = {}
    for cell in enc.cells:
        supp.setdefault(tuple(cell[i] for i in ic), set()).add((tuple(cell[i] for i in ia),
                                                                tuple(cell[i] for i in ib)))
    for pairs in supp.values():
        la = {p[0] for p in pairs}
        lb = {p[1] for p in pairs}
        if len(pairs) != len(la) * len(lb):
            return True
    return False


def _tag(values) -> str:
    return "_".join(map(str, values)) if values else "e"


def compile_case(plan: Plan, case: Case, *, conclusion_encoding: str = "sos") -> Compiled:
    """The z3 problems of one case (see :class:`Compiled`).

    ``conclusion_encoding``: ``"sos"`` (one constraint ``Σ identity² > 0`` per
    violated independence) or ``"split"`` (one problem per identity and sign).
    """
    enc = _CaseEncoding(plan, case)
    base = list(enc.base)
    for c in plan.hypotheses:
        if isinstance(c, Determination):
            products, forced = enc.dependence_pairs(c)
            if forced:
                return Compiled("closed", [], enc.cells, enc.cell_poly, f"the pattern contradicts {c}")
            base += [(p, "==") for p in products]
        else:
            if _lives_on_pattern(c, plan) and _pattern_violates_independence(enc, c):
                return Compiled("closed", [], enc.cells, enc.cell_poly, f"the pattern contradicts {c}")
            if condition_key(c) not in enc.handled:
                base += [(p, "==") for p in enc.independence_identities(c)]
    alternatives = []
    for c in plan.statement.conclusion:
        if isinstance(c, Determination):
            products, forced = enc.dependence_pairs(c)
            if forced:
                return Compiled("forced", [base], enc.cells, enc.cell_poly, f"the pattern violates {c}")
            total: dict = {}
            for p in products:
                total = _add(total, p)
            if total:
                alternatives.append(base + [(total, ">")])
        else:
            if _lives_on_pattern(c, plan) and _pattern_violates_independence(enc, c):
                return Compiled("forced", [base], enc.cells, enc.cell_poly, f"the pattern violates {c}")
            idents = enc.independence_identities(c)
            if conclusion_encoding == "split":
                for t in idents:
                    alternatives.append(base + [(t, ">")])
                    alternatives.append(base + [(t, "<")])
            elif idents:
                total = {}
                for t in idents:
                    total = _add(total, _mul(t, t))
                alternatives.append(base + [(total, ">")])
    if not alternatives:
        return Compiled("closed", [], enc.cells, enc.cell_poly, "the conclusion holds on every distribution of this case")
    return Compiled("open", alternatives, enc.cells, enc.cell_poly)
