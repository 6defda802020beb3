"""An exact statement on fixed alphabets, its plan, and its cases up to symmetry.

Private helper of :mod:`natlat_sym.finite.decide`; the concept is explained
in :mod:`natlat_sym.finite._exact_compile`, which turns each case into
polynomial problems.  Here: the statement (:class:`ExactStatement`: exact
conditions and the alphabet size of every variable), the plan
(:func:`make_plan`: which variables are enumerated functions, which are the
*pattern variables* whose support pattern a case fixes, and which variable
permutations are symmetries), and the cases (:func:`enumerate_cases`: one
support pattern and one choice of functions per orbit under relabelling
values and permuting symmetric variables).

Examples
--------
>>> from natlat_sym.finite._structure import Independence as I
>>> st = ExactStatement.build([I(frozenset("X"), frozenset("Y"), frozenset("Z"))],
...                           [I(frozenset("X"), frozenset("Y"), frozenset())], 2)
>>> plan = make_plan(st)
>>> plan.pattern_vars, len(plan.symmetries)
(('X', 'Y', 'Z'), 2)
>>> len(list(enumerate_cases(plan))) < 2 ** 8
True
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from ..errors import StatementError
from ..limits import MAX_DENSE_CELLS
from ..shannon.linear import _natural_key
from ._structure import Determination, Independence

__all__ = ["ExactStatement", "Plan", "Case", "make_plan", "enumerate_cases", "alphabet_sizes",
           "functions_up_to_relabel", "condition_key", "function_domain"]


# ----------------------------------------------------------------------------- the statement

def condition_key(c) -> tuple:
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
        cells = math.prod(sizes[n] for n in basic)
        if cells > MAX_DENSE_CELLS:  # every distribution on them would have this many cells
            raise StatementError(f"alphabet sizes {', '.join(f'{n}={sizes[n]}' for n in basic)} give {cells} joint "
                                 f"outcomes, beyond the limit of {MAX_DENSE_CELLS} for exact decisions")
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


def cells_by_marginal(names, cells, subset) -> tuple[tuple, dict]:
    """``(key, groups)``: ``key`` the names of ``subset`` in ``names`` order,
    ``groups`` maps each value tuple of ``key`` to the indices of the
    ``cells`` (value tuples over ``names``) that restrict to it."""
    key = tuple(n for n in names if n in subset)
    idx = [names.index(n) for n in key]
    groups: dict = {}
    for i, cell in enumerate(cells):
        groups.setdefault(tuple(cell[j] for j in idx), []).append(i)
    return key, groups


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
    hyps = {condition_key(c) for c in st.hypotheses}
    concl = {condition_key(c) for c in st.conclusion}
    out = []
    if len(names) > 7:
        return [{n: n for n in names}]
    for perm in itertools.permutations(names):
        sigma = dict(zip(names, perm))
        if any(st.sizes[n] != st.sizes[sigma[n]] for n in names):
            continue
        if {condition_key(_rename(c, sigma)) for c in st.hypotheses} != hyps:
            continue
        if {condition_key(_rename(c, sigma)) for c in st.conclusion} != concl:
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


def function_domain(st, given):
    """Every value tuple of the variables ``given``: the domain of a function of them."""
    return list(itertools.product(*(range(st.sizes[g]) for g in given)))


def _canonical_functions(plan: Plan, funcs: dict, stab, reduce: bool) -> tuple:
    """The least image of the function tuple under the stabiliser of the
    pattern combined with value relabellings of the derived variables and of
    non-pattern givens."""
    st = plan.statement
    dvars = [v for v in st.names if v in plan.derived]
    outside = [v for v in plan.case_vars if v not in plan.pattern_vars and v not in plan.derived]
    extra_lists = _value_perm_choices(st.sizes, outside) if reduce else [[tuple(range(st.sizes[v]))] for v in outside]
    domains = {v: function_domain(st, plan.derived[v]) for v in dvars}
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
            n = len(function_domain(st, plan.derived[v]))
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
