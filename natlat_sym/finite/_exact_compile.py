"""Compile an exact statement on fixed alphabets into polynomial problems, case by case.

Private helper of :mod:`natlat_sym.finite.decide`.

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
>>> from natlat_sym.finite._structure import Independence as I
>>> st = ExactStatement.build([I(frozenset("X"), frozenset("Y"), frozenset("Z"))],
...                           [I(frozenset("X"), frozenset("Y"), frozenset())], 2)
>>> plan = make_plan(st)
>>> plan.pattern_vars, len(plan.symmetries)
(('X', 'Y', 'Z'), 2)
>>> cases = list(enumerate_cases(plan))
>>> len(cases) < 2 ** 8
True
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from ..errors import StatementError
from ..shannon.linear import _natural_key
from ._polynomials import add as _add, mono as _mono, mul as _mul
from ._structure import Determination, Independence

__all__ = ["ExactStatement", "Plan", "Case", "make_plan", "enumerate_cases", "compile_case"]

ONE = Fraction(1)


# ----------------------------------------------------------------------------- the statement

def _key(c) -> tuple:
    """A canonical, hashable description of a condition (symmetric in the
    two sides of an independence)."""
    if isinstance(c, Independence):
        return ("I", frozenset({c.left, c.right}), c.given)
    return ("H", c.target, c.given)


def _rename(c, sigma: Mapping):
    f = lambda s: frozenset(sigma[v] for v in s)  # noqa: E731
    if isinstance(c, Independence):
        return Independence(f(c.left), f(c.right), f(c.given))
    return Determination(f(c.target), f(c.given))


@dataclass(frozen=True)
class ExactStatement:
    """``hypotheses ⇒ conclusion`` (each a conjunction of exact conditions)
    with the alphabet size of every variable and the common-part variables.

    ``common`` maps a variable name to the two groups ``(A, B)`` whose
    Gács–Körner label it is; its alphabet size is ``min`` of the group
    sizes (the most components a support can have).
    """

    names: tuple
    sizes: Mapping
    hypotheses: tuple
    conclusion: tuple
    common: Mapping = field(default_factory=dict)

    @classmethod
    def build(cls, hypotheses, conclusion, alphabets, common=None) -> "ExactStatement":
        hyps, concl = tuple(hypotheses), tuple(conclusion)
        if not concl:
            raise StatementError("the conclusion is empty")
        common = {str(k): (frozenset(a), frozenset(b)) for k, (a, b) in (common or {}).items()}
        names: set = set()
        for c in hyps + concl:
            names |= c.form().variables()
        for k, (a, b) in common.items():
            if not a or not b or a & b or k in a | b:
                raise StatementError(f"common part {k}: needs two disjoint nonempty groups without {k}")
            names |= {k} | a | b
        for k, (a, b) in common.items():
            if (a | b) & set(common):
                raise StatementError(f"common part {k}: its groups may not contain common parts")
        names_t = tuple(sorted(names, key=_natural_key))
        basic = tuple(n for n in names_t if n not in common)
        sizes = alphabet_sizes(alphabets, basic)
        for k, (a, b) in common.items():
            sizes[k] = max(1, min(math.prod(sizes[v] for v in a), math.prod(sizes[v] for v in b)))
        return cls(names_t, {n: sizes[n] for n in names_t}, hyps, concl, common)

    def text(self) -> str:
        h = ", ".join(str(c) for c in self.hypotheses)
        out = (h + " => " if h else "") + " and ".join(str(c) for c in self.conclusion)
        for k, (a, b) in self.common.items():
            out += f"  [{k} = common part of ({','.join(sorted(a, key=_natural_key))}; " \
                   f"{','.join(sorted(b, key=_natural_key))})]"
        return out


def alphabet_sizes(alphabets, names) -> dict:
    if isinstance(alphabets, int) and not isinstance(alphabets, bool):
        sizes = {n: alphabets for n in names}
    elif isinstance(alphabets, Mapping):
        sizes = {str(k): v for k, v in alphabets.items()}
        extra = sorted(set(sizes) - set(names))
        if extra:
            raise StatementError(f"alphabet size given for {extra[0]}, which is not a variable of the statement "
                                 f"({', '.join(names)})")
    else:
        seq = tuple(alphabets)
        if len(seq) == 1:
            seq = seq * len(names)
        if len(seq) != len(names):
            raise StatementError(f"{len(seq)} alphabet sizes for {len(names)} variables ({', '.join(names)})")
        sizes = dict(zip(names, seq))
    for n in names:
        k = sizes.get(n)
        if k is None:
            raise StatementError(f"no alphabet size given for variable {n}")
        if not isinstance(k, (int, np.integer)) or isinstance(k, bool) or k < 1:
            raise StatementError(f"alphabet size of {n} must be a positive integer, got {k!r}")
    return {n: int(sizes[n]) for n in names}


# ----------------------------------------------------------------------------- the plan

@dataclass(frozen=True)
class Plan:
    """How a statement is split into cases.

    Attributes
    ----------
    statement : ExactStatement
    free : tuple of str
        Variables with probability cells of their own.
    derived : dict
        ``v -> givens``: ``v`` is an enumerated function of ``givens``.
    pattern_vars : tuple of str
        The variables ``M`` whose marginal support pattern each case fixes.
    symmetries : tuple of dict
        Variable permutations (including the identity) that map the
        statement, the derived functions and ``M`` to themselves.
    hypotheses : tuple
        Hypotheses left after eliminating the enumerated functions.
    """

    statement: ExactStatement
    free: tuple
    derived: Mapping
    pattern_vars: tuple
    symmetries: tuple
    hypotheses: tuple

    @property
    def case_vars(self) -> tuple:
        """Variables whose values appear in a case (pattern or function)."""
        out = set(self.pattern_vars) | set(self.derived)
        for g in self.derived.values():
            out |= set(g)
        return tuple(n for n in self.statement.names if n in out)


def _eliminations(st: ExactStatement) -> dict:
    """Single-variable dependences ``H(v|G) = 0`` among the hypotheses, taken
    greedily: each ``v`` once, never a common part or a variable a common
    part reads, and no chains (the givens are never enumerated functions
    themselves, and ``v`` is read by no other function) — so relabelling the
    values of each function's target is a symmetry of its own, which the
    case enumeration relies on."""
    common_reads = set().union(*(a | b for a, b in st.common.values())) if st.common else set()
    derived: dict = {}
    for c in st.hypotheses:
        if not isinstance(c, Determination) or not c.given or c.given & set(st.common):
            continue
        for v in sorted(c.target - c.given, key=_natural_key):
            given = tuple(n for n in st.names if n in c.given)
            if v in derived or v in st.common or v in common_reads:
                continue
            if any(g in derived for g in given) or any(v in g2 for g2 in derived.values()):
                continue
            derived[v] = given
    return derived


def _is_eliminated(c, derived) -> bool:
    return (isinstance(c, Determination) and c.target and all(v in derived for v in c.target)
            and all(set(derived[v]) <= c.given for v in c.target))


def _automorphisms(st: ExactStatement, derived: Mapping) -> list[dict]:
    names = st.names
    hyps = {_key(c) for c in st.hypotheses}
    concl = {_key(c) for c in st.conclusion}
    out = []
    if len(names) > 7:
        return [{n: n for n in names}]
    for perm in itertools.permutations(names):
        sigma = dict(zip(names, perm))
        if any(st.sizes[n] != st.sizes[sigma[n]] for n in names):
            continue
        if {_key(_rename(c, sigma)) for c in st.hypotheses} != hyps:
            continue
        if {_key(_rename(c, sigma)) for c in st.conclusion} != concl:
            continue
        ok = True
        for k, (a, b) in st.common.items():
            k2 = sigma[k]
            if k2 not in st.common:
                ok = False
                break
            a2, b2 = st.common[k2]
            if {frozenset(sigma[v] for v in a), frozenset(sigma[v] for v in b)} != {a2, b2}:
                ok = False
                break
        if not ok or any(sigma[n] in st.common for n in names if n not in st.common):
            continue
        for v, g in derived.items():
            if sigma[v] not in derived or set(derived[sigma[v]]) != {sigma[u] for u in g}:
                ok = False
                break
        if ok and any(sigma[n] in derived for n in names if n not in derived):
            ok = False
        if ok:
            out.append(sigma)
    return out


def _cells(sizes, vars_) -> int:
    return math.prod(sizes[v] for v in vars_)


def _choose_pattern_vars(st: ExactStatement, free, derived, max_cells: int) -> tuple:
    """The pattern variables: those every common part reads, then the set of
    free variables (within ``max_cells`` pattern cells) on which the most
    conditions live; ties go to more cells."""
    forced = set()
    for a, b in st.common.values():
        forced |= a | b
    if _cells(st.sizes, forced) > max(max_cells, 1) and forced:
        raise StatementError(f"common parts need a support split over {_cells(st.sizes, forced)} cells "
                             f"(more than max_pattern_cells={max_cells})")

    def closure(vs):  # derived variables whose givens lie in vs, transitively
        out = set(vs)
        changed = True
        while changed:
            changed = False
            for v, g in derived.items():
                if v not in out and set(g) <= out:
                    out.add(v)
                    changed = True
        return out | set(st.common)

    best, best_score = tuple(sorted(forced, key=_natural_key)), None
    conds = list(st.hypotheses) + list(st.conclusion)
    for r in range(len(free) + 1):
        for subset in itertools.combinations(free, r):
            if not forced <= set(subset) or _cells(st.sizes, subset) > max_cells:
                continue
            cl = closure(subset)
            inside = sum(1 for c in conds if c.form().variables() <= cl)
            rest = set(free) - set(subset)
            param = sum(1 for c in st.hypotheses if isinstance(c, Independence) and rest and any(
                a | c.given == set(subset) and b <= rest for b, a in ((c.left, c.right), (c.right, c.left))))
            touching = sum(len(c.form().variables() & set(subset)) for c in conds)
            score = (inside + param, touching, _cells(st.sizes, subset))
            if best_score is None or score > best_score:
                best, best_score = subset, score
    return tuple(n for n in st.names if n in best)


def make_plan(st: ExactStatement, *, max_pattern_cells: int = 12, pattern_vars=None,
              eliminate_functions: bool = True) -> Plan:
    """Choose the enumerated functions, the pattern variables and the
    symmetries of the case split."""
    derived = _eliminations(st) if eliminate_functions else {}
    free = tuple(n for n in st.names if n not in derived and n not in st.common)
    if pattern_vars is None:
        pattern_vars = _choose_pattern_vars(st, free, derived, max_pattern_cells)
    else:
        pattern_vars = tuple(n for n in st.names if n in set(pattern_vars))
        bad = [v for v in pattern_vars if v not in free]
        if bad:
            raise StatementError(f"pattern variable {bad[0]} is not a free variable ({', '.join(free)})")
    syms = [s for s in _automorphisms(st, derived) if {s[v] for v in pattern_vars} == set(pattern_vars)]
    hyps = tuple(c for c in st.hypotheses if not _is_eliminated(c, derived))
    return Plan(st, free, dict(derived), pattern_vars, tuple(syms), hyps)


# ----------------------------------------------------------------------------- cases up to symmetry

@dataclass(frozen=True)
class Case:
    """One support pattern of ``P[M]`` and one function per derived variable.

    ``pattern`` is a sorted tuple of value tuples (in ``plan.pattern_vars``
    order); ``functions`` maps a derived variable to the tuple of its values
    on the value tuples of its givens, in ``itertools.product`` order.
    ``weight`` is the size of the orbit the case stands for.
    """

    pattern: tuple
    functions: tuple  # ((v, values tuple), ...)
    weight: int = 1

    def function(self, v) -> tuple:
        return dict(self.functions)[v]


def _value_perm_choices(sizes, vars_):
    return [list(itertools.permutations(range(sizes[v]))) for v in vars_]


def _pattern_orbits(plan: Plan, reduce: bool):
    """Canonical support patterns of ``P[M]`` with their stabilisers, vectorised.

    Yields (pattern tuple, orbit size, stabiliser as a list of (sigma, perms))."""
    st, M = plan.statement, plan.pattern_vars
    shape = tuple(st.sizes[v] for v in M)
    ncell = int(np.prod(shape)) if M else 1
    if ncell > 24:
        raise StatementError(f"support patterns over {ncell} cells are too many to enumerate")
    cells = list(np.ndindex(*shape)) if M else [()]
    index = {c: i for i, c in enumerate(cells)}
    group = []  # (sigma, perms dict, cell permutation array)
    sym_list = plan.symmetries if reduce else ({v: v for v in st.names},)
    perm_lists = _value_perm_choices(st.sizes, M) if reduce else [[tuple(range(st.sizes[v]))] for v in M]
    for sigma in sym_list:
        for perms in itertools.product(*perm_lists):
            pd = dict(zip(M, perms))
            arr = np.empty(ncell, dtype=np.int64)
            for i, c in enumerate(cells):
                x = dict(zip(M, c))
                y = {sigma[u]: pd[sigma[u]][x[u]] for u in M}
                arr[index[tuple(y[v] for v in M)]] = i
            group.append((sigma, pd, arr))
    # arr maps new cell index -> old cell index; new bits = old bits[arr]
    total = 1 << ncell
    weights = (1 << np.arange(ncell, dtype=np.int64))
    seen_canon = {}
    chunk = 1 << 14
    for start in range(1, total, chunk):
        codes = np.arange(start, min(total, start + chunk), dtype=np.int64)
        bits = (codes[:, None] >> np.arange(ncell, dtype=np.int64)[None, :]) & 1
        best = codes.copy()
        for _, _, arr in group:
            t = (bits[:, arr] * weights[None, :]).sum(axis=1)
            np.minimum(best, t, out=best)
        for canon in best.tolist():
            seen_canon[canon] = seen_canon.get(canon, 0) + 1
    for canon in sorted(seen_canon):
        pat = tuple(c for i, c in enumerate(cells) if (canon >> i) & 1)
        bits = np.array([(canon >> i) & 1 for i in range(ncell)], dtype=np.int64)
        stab = [(sigma, pd) for sigma, pd, arr in group if int((bits[arr] * weights).sum()) == canon]
        yield pat, seen_canon[canon], stab


def _function_domain(st, given):
    return list(itertools.product(*(range(st.sizes[g]) for g in given)))


def _canonical_functions(plan: Plan, funcs: dict, stab, reduce: bool) -> tuple:
    """The least image of the function tuple under the stabiliser of the
    pattern combined with value relabellings of the derived variables and of
    non-pattern givens."""
    st = plan.statement
    dvars = [v for v in st.names if v in plan.derived]
    outside = [v for v in plan.case_vars if v not in plan.pattern_vars and v not in plan.derived]
    extra_lists = _value_perm_choices(st.sizes, outside) if reduce else [[tuple(range(st.sizes[v]))] for v in outside]
    domains = {v: _function_domain(st, plan.derived[v]) for v in dvars}
    best = None
    for sigma, pd in stab:
        for extra in itertools.product(*extra_lists):
            perms = dict(pd)
            perms.update(zip(outside, extra))
            new = {}
            for v in dvars:
                v2 = sigma[v]
                g2 = plan.derived[v2]
                f2 = {}
                for dom, val in zip(domains[v], funcs[v]):
                    x = dict(zip(plan.derived[v], dom))
                    y = {sigma[u]: perms.get(sigma[u], tuple(range(st.sizes[sigma[u]])))[x[u]] for u in x}
                    f2[tuple(y[u] for u in g2)] = val
                new[v2] = tuple(f2[d] for d in domains[v2])
            # relabel each derived variable's values: first-occurrence order
            key = []
            for v in dvars:
                if reduce:
                    relabel: dict = {}
                    vals = tuple(relabel.setdefault(a, len(relabel)) for a in new[v])
                else:
                    vals = new[v]
                key.append((v, vals))
            key = tuple(key)
            if best is None or key < best:
                best = key
    return best


def functions_up_to_relabel(domain: int, codomain: int):
    """Restricted growth strings: functions range(domain) -> range(codomain)
    up to permutations of the codomain (no entropy sees value labels)."""
    def rec(prefix, top):
        if len(prefix) == domain:
            yield tuple(prefix)
            return
        for v in range(min(top + 2, codomain)):
            yield from rec(prefix + [v], max(top, v))
    yield from rec([], -1)


def enumerate_cases(plan: Plan, *, reduce: bool = True):
    """Every case of the split, one per symmetry orbit (``reduce=False``:
    every raw case, for testing the reduction).

    Patterns violating a dependence or the rectangularity of an independence
    that lives on the pattern variables are still yielded: :func:`compile_case`
    closes them without z3."""
    st = plan.statement
    dvars = [v for v in st.names if v in plan.derived]
    for pat, orbit, stab in _pattern_orbits(plan, reduce):
        if not dvars:
            yield Case(pat, (), orbit)
            continue
        options = []
        for v in dvars:
            n = len(_function_domain(st, plan.derived[v]))
            if reduce:
                options.append(list(functions_up_to_relabel(n, st.sizes[v])))
            else:
                options.append(list(itertools.product(range(st.sizes[v]), repeat=n)))
        seen = set()
        for choice in itertools.product(*options):
            funcs = dict(zip(dvars, choice))
            key = _canonical_functions(plan, funcs, stab, reduce) if reduce else tuple(funcs.items())
            if key in seen:
                continue
            seen.add(key)
            yield Case(pat, key, orbit)


# ----------------------------------------------------------------------------- polynomials

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
        funcs = {v: dict(zip(_function_domain(st, plan.derived[v]), case.function(v))) for v in plan.derived}
        order = _derived_order(plan.derived)
        self.cells, self.cell_poly = [], []
        self.over: dict = {m: [] for m in case.pattern}
        labels = {k: _component_label(case.pattern, M, a, b, st) for k, (a, b) in st.common.items()}
        r_values = list(itertools.product(*(range(st.sizes[v]) for v in R)))
        # which hypotheses are parametrisations, and the identifications they make
        self.handled: set = set()
        parent: dict = {}

        def find(u):
            while parent.setdefault(u, u) != u:
                parent[u] = parent[parent[u]]
                u = parent[u]
            return u

        qname = {(m, r): f"q{_tag(m)}__{_tag(r)}" for m in case.pattern for r in r_values}
        partial = []  # (B, A, C) with B a proper subset of R: linear equalities
        for c in plan.hypotheses:
            if not isinstance(c, Independence) or not R:
                continue
            for b, a in ((c.left, c.right), (c.right, c.left)):
                if a | c.given == set(M) and b <= set(R) and not (a & c.given):
                    self.handled.add(_key(c))
                    if b == set(R):
                        ic = [M.index(v) for v in M if v in c.given]
                        groups: dict = {}
                        for m in case.pattern:
                            groups.setdefault(tuple(m[i] for i in ic), []).append(m)
                        for ms in groups.values():
                            for r in r_values:
                                for m2 in ms[1:]:
                                    parent[find(qname[m2, r])] = find(qname[ms[0], r])
                    else:
                        partial.append((b, a, c.given))
                    break
        rep = {key: find(n) for key, n in qname.items()}
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
            idx = [self.names.index(n) for n in key]
            groups: dict = {}
            for i, cell in enumerate(self.cells):
                groups.setdefault(tuple(cell[j] for j in idx), []).append(i)
            self._marg[key] = (key, groups)
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


def _component_label(pattern, M, a, b, st) -> dict:
    """Gács–Körner label of every pattern cell (components of the bipartite
    graph linking the A-values and B-values of the support of P[A, B])."""
    ia = [M.index(v) for v in M if v in a]
    ib = [M.index(v) for v in M if v in b]
    parent: dict = {}

    def find(u):
        while parent.setdefault(u, u) != u:
            parent[u] = parent[parent[u]]
            u = parent[u]
        return u

    for m in pattern:
        ra, rb = ("a", tuple(m[i] for i in ia)), ("b", tuple(m[i] for i in ib))
        parent[find(ra)] = find(rb)
    roots = sorted({find(("a", tuple(m[i] for i in ia))) for m in pattern})
    number = {r: k for k, r in enumerate(roots)}
    return {m: number[find(("a", tuple(m[i] for i in ia)))] for m in pattern}


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
            if _key(c) not in enc.handled:
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
