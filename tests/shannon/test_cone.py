"""Cone, LP proposals, exact layer and symmetry: unit tests."""

from fractions import Fraction

import numpy as np
import pytest

from natlat_sym.errors import NonlinearError, StatementError
from natlat_sym.shannon.basic_inequalities import count_elemental, elemental_inequalities
from natlat_sym.shannon.certificate import HypothesisForm
from natlat_sym.shannon.cone import build_problem, elemental_matrix, implied_equalities
from natlat_sym.shannon.exact_recovery import Atom, find_exact_multipliers, find_exact_point
from natlat_sym.shannon.linear import LinearForm as F
from natlat_sym.shannon.lp import propose
from natlat_sym.shannon.symmetry import decide_symmetric, interchangeable_classes
from natlat_sym.verdicts import Verdict


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 7])
def test_elemental_matrix_matches_basic_forms(n):
    names = [f"X{i}" for i in range(1, n + 1)]
    el = elemental_matrix(n)
    assert el.matrix.shape == (count_elemental(n), 2**n - 1)
    p = build_problem(F.entropy(set(names)), (), names)
    want = sorted(tuple(sorted(p.vector(b.form()).items())) for b in elemental_inequalities(names))
    got = sorted(tuple(sorted(p.vector(el.basic(k, names).form()).items())) for k in range(el.matrix.shape[0]))
    assert want == got


def test_only_mentioned_variables_get_coordinates():
    p = build_problem(F.mutual_information({"X"}, {"Y"}), (), ["W", "X", "Y", "Z"])
    assert p.variables == ("X", "Y") and p.ncols == 3


def test_build_problem_errors():
    with pytest.raises(StatementError, match="not declared"):
        build_problem(F.entropy({"X"}), (), ["Y"])
    with pytest.raises(NonlinearError, match="tightest"):
        build_problem(F.entropy({"X"}).times_parameter("c"), ())


def test_implied_equalities_from_functional_dependence():
    hyp = HypothesisForm("fd", F.cond_entropy({"Y"}, {"X"}), "==")
    p = build_problem(F.entropy({"Z"}), (hyp,))
    eqs = implied_equalities(p)
    assert {frozenset(e.given) for e in eqs} == {frozenset({"X", "Z"})}


def test_lp_proposes_duals_and_points():
    f = F.mutual_information({"X"}, {"Y"}, {"Z"})
    p = build_problem(f, ())
    assert propose(p).status == "bounded"
    assert propose(p, lazy=False).status == "bounded"
    bad = propose(build_problem(-f, ()))
    assert bad.status == "violated" and bad.value < 0


def test_exact_multipliers_need_signs():
    a = Atom("basic", None, {0: Fraction(1)}, True)
    assert find_exact_multipliers([a], {0: Fraction(-1)}, [-1.0], use_z3=True) is None
    b = Atom("hyp", 0, {0: Fraction(1)}, False)
    assert find_exact_multipliers([b], {0: Fraction(-1)}, [-1.0]) == [Fraction(-1)]


def test_exact_point_by_z3_without_float_hint():
    f = -F.mutual_information({"X"}, {"Y"})
    p = build_problem(f, ())
    pt = find_exact_point(p, None, [(p.target, "<")])
    assert pt is not None and sum(v * pt[c] for c, v in p.target.items()) < 0


def test_symmetry_classes_and_orbit_lp():
    names = [f"X{i}" for i in range(1, 8)]
    full = frozenset(names)
    han = sum((F.entropy(full - {v}) for v in names), F()) - 6 * F.entropy(full)
    p = build_problem(han, ())
    assert interchangeable_classes(p) == [list(range(7))]
    out = decide_symmetric(p, min_variables=7)
    assert out.status == "proved"
    bad = build_problem(han - Fraction(1, 10**8) * F.entropy(full), ())
    assert decide_symmetric(bad, min_variables=7).status == Verdict.NOT_PROVABLE
    # asymmetric statements are not reduced
    q = build_problem(sum((k * F.entropy({v}) for k, v in enumerate(names, start=1)), F()), ())
    assert len(interchangeable_classes(q)) == 7
    assert decide_symmetric(q, min_variables=7) is None
    # a partly symmetric statement is reduced and still gives a valid piece
    r = build_problem(F.mutual_information({"X1"}, {"X2"}, {"X3"}) + F.entropy(full), ())
    assert decide_symmetric(r, min_variables=7).status == "proved"
