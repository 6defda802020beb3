"""decide_exact: exact statements on fixed alphabets (Shannon prover, then the z3 case split)."""

import random

import pytest
from hypothesis import HealthCheck, given, settings, strategies as hs

from natlat_sym.errors import StatementError
from natlat_sym.finite._exact_cases import ExactStatement, enumerate_cases, make_plan
from natlat_sym.finite._structure import Determination, Independence
from natlat_sym.finite.decide import decide_exact, is_counterexample
from natlat_sym.finite.evaluate import check_on
from natlat_sym.verdicts import Truth

T4 = ("H(G|L) = 0", ["I(X1;X2|L) = 0", "H(G|X1) = 0", "H(G|X2) = 0"])
CONTRACTION = ("I(X;Y,Z) = 0", ["I(X;Y|Z) = 0", "I(X;Z) = 0"])
INTERSECTION = ("I(X;Y,Z) = 0", ["I(X;Y|Z) = 0", "I(X;Z|Y) = 0"])
T14 = ("I(X1;X2|K) = 0", ["I(X1;X2|L) = 0", "I(L;X1|X2) = 0", "I(L;X2|X1) = 0"])


@pytest.mark.parametrize("shannon", [True, False])
def test_t4_exact_case_holds_on_binary_alphabets(shannon):
    r = decide_exact(T4[0], 2, given=T4[1], shannon=shannon, timeout=120)
    assert r.truth is Truth.HOLDS
    assert r.method == ("shannon" if shannon else "z3-nlsat")
    if shannon:
        assert r.certificates and r.cases == 0 and "every alphabet" in r.basis()
    else:
        assert r.cases > 1 and r.solved == r.cases and "z3 nlsat over" in r.basis()


def test_contraction_holds_for_every_alphabet_by_a_certificate():
    from natlat_sym.shannon.certificate import check_certificate

    r = decide_exact(CONTRACTION[0], 3, given=CONTRACTION[1], timeout=60)
    assert (r.truth, r.method) == (Truth.HOLDS, "shannon")
    (cert,) = r.certificates
    check_certificate(cert)  # re-checked by the trusted checker, again


def test_contraction_holds_on_binary_alphabets_by_the_case_split():
    r = decide_exact(CONTRACTION[0], 2, given=CONTRACTION[1], shannon=False, timeout=120)
    assert (r.truth, r.method) == (Truth.HOLDS, "z3-nlsat")


def test_intersection_is_violated_without_positivity_and_the_witness_is_rechecked():
    r = decide_exact(INTERSECTION[0], 2, given=INTERSECTION[1], timeout=120)
    assert r.truth is Truth.VIOLATED and r.method == "z3-nlsat"
    d = r.distribution
    assert d.is_exact and d.shape == (2, 2, 2)
    v = check_on("I(X;Y|Z) = 0, I(X;Z|Y) = 0 => I(X;Y,Z) = 0", d)
    assert v.verdict == "violated" and not v.vacuous
    assert r.to_json()["distribution"] is not None


def test_composition_fails_and_weak_union_holds_on_bits():
    comp = decide_exact("I(X;Y,Z) = 0", 2, given=["I(X;Y) = 0", "I(X;Z) = 0"], timeout=120)
    assert comp.truth is Truth.VIOLATED
    assert check_on("I(X;Y) = 0, I(X;Z) = 0 => I(X;Y,Z) = 0", comp.distribution).verdict == "violated"
    weak_union = decide_exact("I(X;Y|Z) = 0", 2, given=["I(X;Y,Z) = 0"], timeout=60)
    assert weak_union.truth is Truth.HOLDS


def test_t14_through_the_generic_procedure_on_bits():
    r = decide_exact(T14[0], 2, given=T14[1], common_parts={"K": ("X1", "X2")}, timeout=120)
    assert (r.truth, r.method) == (Truth.HOLDS, "z3-nlsat")
    assert {"X1", "X2"} <= set(r.pattern_vars)  # the common part reads the pattern


def test_t14_without_mediation_is_violated_with_the_common_part_recomputed():
    r = decide_exact(T14[0], 2, given=T14[1][1:], common_parts={"K": ("X1", "X2")}, timeout=120)
    assert r.truth is Truth.VIOLATED
    d = r.distribution
    assert d.names == ("X1", "X2", "L", "K") or set(d.names) == {"X1", "X2", "L", "K"}
    # K in the witness is a common function of X1 and X2, and X1, X2 stay dependent given it
    v = check_on("H(K|X1) = 0, H(K|X2) = 0, I(L;X1|X2) = 0, I(L;X2|X1) = 0 => I(X1;X2|K) = 0", d)
    assert v.verdict == "violated" and not v.vacuous


def test_tiny_budget_is_undecided_not_a_claim():
    r = decide_exact(T14[0], 3, given=T14[1], common_parts={"K": ("X1", "X2")}, timeout=0.05, shannon=False)
    assert r.truth is Truth.UNDECIDED and r.reason


@pytest.mark.parametrize("text, where", [
    ("H(X) + H(Y) = 0", "not an exact independence"),
    ("I(X;Y) >= 0", "holds for every distribution"),
])
def test_non_exact_conclusions_are_rejected(text, where):
    with pytest.raises(StatementError, match=where):
        decide_exact(text, 2)


def test_bad_alphabets_are_rejected():
    with pytest.raises(StatementError, match="alphabet sizes for"):
        decide_exact("I(X;Y) = 0", (2, 2, 2))
    with pytest.raises(StatementError, match="positive integer"):
        decide_exact("I(X;Y) = 0", 0)
    with pytest.raises(StatementError, match="not a variable"):
        decide_exact("I(X;Y) = 0", {"X": 2, "Y": 2, "Q": 2})


def test_workers_give_the_same_answer():
    r = decide_exact(INTERSECTION[0], 2, given=INTERSECTION[1], workers=2, shannon=False, timeout=120)
    assert r.truth is Truth.VIOLATED
    assert is_counterexample(ExactStatement.build(
        [Independence(frozenset("X"), frozenset("Y"), frozenset("Z")),
         Independence(frozenset("X"), frozenset("Z"), frozenset("Y"))],
        [Independence(frozenset("X"), frozenset("YZ"), frozenset())], 2), r.distribution)


# ----------------------------------------------------------------------------- the symmetry reduction

def test_orbit_weights_add_up_to_every_raw_case():
    st = ExactStatement.build([Independence(frozenset({"X"}), frozenset({"Y"}), frozenset({"Z"}))],
                              [Independence(frozenset({"X"}), frozenset({"Y"}), frozenset())], 2)
    plan = make_plan(st)
    reduced = list(enumerate_cases(plan))
    raw = list(enumerate_cases(plan, reduce=False))
    assert len(raw) == 2 ** 8 - 1
    assert sum(c.weight for c in reduced) == len(raw)
    assert len(reduced) < len(raw) / 4


_VARS = ("A", "B", "C")


def _condition(draw_ints):
    kind, perm, split = draw_ints
    names = [_VARS[i] for i in perm]
    if kind == 0:
        return Determination(frozenset(names[:1]), frozenset(names[1:1 + split]))
    given = frozenset(names[2:2 + (split % 2)])
    return Independence(frozenset(names[:1]), frozenset(names[1:2]), given)


_conds = hs.tuples(hs.integers(0, 1), hs.permutations(range(3)), hs.integers(0, 2)).map(_condition)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hyps=hs.lists(_conds, min_size=1, max_size=2), concl=_conds)
def test_symmetry_reduction_loses_no_case(hyps, concl):
    """On bits, the case split with and without the symmetry reduction (and
    without the Shannon shortcut) gives the same answer."""
    st = (hyps, [concl])
    fast = decide_exact(st, 2, shannon=False, timeout=60)
    slow = decide_exact(st, 2, shannon=False, reduce_symmetry=False, timeout=120)
    assert Truth.UNDECIDED not in (fast.truth, slow.truth)
    assert fast.truth == slow.truth
    assert slow.cases >= fast.cases


def test_random_case_split_agrees_with_the_shannon_prover_when_it_proves():
    rng = random.Random(3)
    for _ in range(2):
        a, b, c = rng.sample(_VARS, 3)
        hyps = [f"I({a};{b}|{c}) = 0", f"I({a};{c}) = 0"]
        r1 = decide_exact(f"I({a};{b},{c}) = 0", 2, given=hyps, timeout=60)
        r2 = decide_exact(f"I({a};{b},{c}) = 0", 2, given=hyps, shannon=False, timeout=120)
        assert r1.truth == r2.truth == Truth.HOLDS


def test_chained_functions_are_not_both_eliminated_and_the_answer_is_right():
    # B = f(A), C = g(B) ⇒ C is a function of A (true); and the converse direction is false
    st = ExactStatement.build([Determination(frozenset("B"), frozenset("A")),
                               Determination(frozenset("C"), frozenset("B"))],
                              [Determination(frozenset("C"), frozenset("A"))], 2)
    assert set(make_plan(st).derived) == {"B"}
    r = decide_exact("H(C|A) = 0", 2, given=["H(B|A) = 0", "H(C|B) = 0"], shannon=False, timeout=60)
    assert (r.truth, r.method) == (Truth.HOLDS, "z3-nlsat")
    r = decide_exact("H(A|C) = 0", 2, given=["H(B|A) = 0", "H(C|B) = 0"], shannon=False, timeout=60)
    assert r.truth is Truth.VIOLATED


def test_the_recheck_rejects_a_distribution_that_is_no_counterexample():
    from natlat_sym.finite.families import product, xor

    st = ExactStatement.build([Independence(frozenset("X"), frozenset("Y"), frozenset()),
                               Independence(frozenset("X"), frozenset("Z"), frozenset())],
                              [Independence(frozenset("X"), frozenset("YZ"), frozenset())], 2)
    indep = product(["1/2", "1/2"], ["1/3", "2/3"], ["1/4", "3/4"], names=["X", "Y", "Z"])
    assert not is_counterexample(st, indep)           # the conclusion holds there
    assert is_counterexample(st, xor().rename({"X1": "X", "X2": "Y", "X3": "Z"}))  # composition fails on XOR


def test_a_binary_counterexample_is_embedded_into_ternary_alphabets():
    r = decide_exact("I(X;Y,Z) = 0", 3, given=["I(X;Y) = 0", "I(X;Z) = 0"], timeout=120)  # composition
    assert r.truth is Truth.VIOLATED
    d = r.distribution
    assert d.shape == (3, 3, 3) and d.is_exact
    assert check_on("I(X;Y) = 0, I(X;Z) = 0 => I(X;Y,Z) = 0", d).verdict == "violated"


def test_alphabets_with_too_many_joint_outcomes_are_a_one_line_error():
    """Regression (found by the fuzz suite): ``natlat decide "I(X;Y) = 0"
    --alphabets 10000000000`` found the binary counterexample, then tried to
    embed it in a dense 10^10 x 10^10 array (internal error, exit 4)."""
    from click.testing import CliRunner

    from natlat_sym.cli import cli

    with pytest.raises(StatementError, match="joint outcomes, beyond the limit"):
        ExactStatement.build([], [Independence(frozenset("X"), frozenset("Y"), frozenset())], 10**10)
    res = CliRunner().invoke(cli, ["decide", "I(X;Y) = 0", "--alphabets", "10000000000", "--timeout", "5"])
    assert res.exit_code == 2 and len(res.stderr.strip().splitlines()) == 1
    assert "joint outcomes" in res.stderr and "internal error" not in res.stderr
