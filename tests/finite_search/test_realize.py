"""Realising polymatroid witnesses as exact distributions."""

import itertools
from fractions import Fraction as Fr

import pytest

from natlat_sym.errors import CertificateError
from natlat_sym.finite._exact_logs import log_combination
from natlat_sym.finite.realize import linear_rays, realize_witness
from natlat_sym.shannon.certificate import HypothesisForm, PolymatroidWitness, check_witness
from natlat_sym.shannon.linear import LinearForm as F

NAMES = ("X", "Y", "Z")


def _xor_witness():
    return PolymatroidWitness(NAMES, {frozenset(s): Fr(min(len(s), 2))
                                      for r in (1, 2, 3) for s in itertools.combinations(NAMES, r)})


def test_pairwise_independence_does_not_give_mutual_independence():
    hyps = tuple(HypothesisForm(f"h{i}", F.mutual_information({a}, {b}), "==")
                 for i, (a, b) in enumerate(itertools.combinations(NAMES, 2)))
    target = -F.mutual_information({"X"}, {"Y", "Z"})
    w = _xor_witness()
    check_witness(w, hyps, target, ">=")  # the prover's witness is valid
    d = realize_witness(w, hyps, target, ">=")
    assert d is not None and d.is_exact
    for h in hyps:
        assert log_combination(d.pmf, d.names, h.form).is_zero()
    assert log_combination(d.pmf, d.names, target).sign() < 0


def test_equality_conclusion_and_le_sense():
    # "H(X) <= H(Y)" is not valid: realise X a bit, Y constant
    w = PolymatroidWitness(("X", "Y"), {frozenset({"X"}): Fr(1), frozenset({"Y"}): Fr(0),
                                        frozenset({"X", "Y"}): Fr(1)})
    # the normal form of "H(X) <= H(Y)" is H(Y) - H(X) >= 0 (certificate convention)
    target = F.entropy({"Y"}) - F.entropy({"X"})
    d = realize_witness(w, (), target, "<=")
    assert d is not None and log_combination(d.pmf, d.names, target).sign() < 0
    d2 = realize_witness(w, (), target, "==")
    assert d2 is not None and not log_combination(d2.pmf, d2.names, target).is_zero()


def test_valid_statement_has_no_realisation():
    w = _xor_witness()
    assert realize_witness(w, (), F.mutual_information({"X"}, {"Y"}, {"Z"}), ">=") is None


def test_rays_are_polymatroids_with_integer_entries():
    rays = linear_rays(3, 2)
    assert all(all(isinstance(v, int) for v in r) for r, _ in rays)
    assert len(rays) == len({r for r, _ in rays})


def test_bad_sense_and_missing_variable():
    w = _xor_witness()
    with pytest.raises(CertificateError, match="sense"):
        realize_witness(w, (), F.entropy({"X"}), ">")
    with pytest.raises(CertificateError, match="not in the witness"):
        realize_witness(w, (), F.entropy({"W"}), ">=")


# --------------------------------------------------------------------- linear codes and the budget

PAIRWISE = ["I(A;B) = 0", "I(A;C) = 0", "I(A;D) = 0", "I(B;C) = 0", "I(B;D) = 0", "I(C;D) = 0"]
# four pairwise independent variables, any two determining the others: the
# uniform matroid U(2,4), a code over GF(3) (no sum of small GF(2) rays does it)
U24_STATEMENT = ("H(A) <= 0", PAIRWISE + ["H(C,D|A,B) = 0", "H(A,B|C,D) = 0"])


def _forms(text, given):
    from natlat_sym.shannon.parse import parse_statement

    st = parse_statement(text, given=given)
    return st, st.hypothesis_forms(), st.conclusion.normal_form(), st.conclusion.rel


def _u24_witness():
    names = ("A", "B", "C", "D")
    return PolymatroidWitness(names, {frozenset(s): Fr(min(r, 2)) for r in range(1, 5)
                                      for s in itertools.combinations(names, r)})


def test_gf3_code_realises_the_u24_witness():
    from natlat_sym.finite.evaluate import ExactValue, check_on, exact_entropy

    st, hyps, target, sense = _forms(*U24_STATEMENT)
    d = realize_witness(_u24_witness(), hyps, target, sense)
    assert d is not None and d.shape == (3, 3, 3, 3)
    assert exact_entropy(d, ["A"]) == ExactValue.log2(3)
    v = check_on(st, d, exact_margin=True)
    assert v.verdict == "violated" and not v.vacuous


def test_prove_attaches_a_linear_code_to_a_four_variable_refutation():
    # regression: the sums-of-GF(2)-rays realiser found no distribution here
    from natlat_sym.finite.evaluate import check_on
    from natlat_sym.proving import prove

    st, *_ = _forms(*U24_STATEMENT)
    r = prove(st)
    assert r.witness is not None and r.distribution is not None
    v = check_on(st, r.distribution)     # independent certified re-evaluation
    assert v.verdict == "violated" and not v.vacuous


def test_xor_like_four_variable_statement_is_realised_by_prove():
    from natlat_sym.finite.evaluate import check_on
    from natlat_sym.proving import prove

    st, *_ = _forms("I(A;B) <= I(A;B|C) + I(A;B|D)", [])
    r = prove(st)
    assert r.distribution is not None
    assert check_on(st, r.distribution, exact_margin=True).verdict == "violated"


def test_many_variables_do_not_enumerate_huge_ray_families():
    # regression (issue 9): at 14 variables the realiser enumerated 5^14
    # subspace tuples and never returned; the witness is a one-bit code
    names = tuple(f"X{i}" for i in range(1, 15))
    copy = {"X1", "X2"}
    ent = {frozenset(s): Fr(1 if copy & set(s) else 0)
           for r in range(1, 15) for s in itertools.combinations(names, r)}
    target = F.cond_entropy({"X1"}, set(names) - {"X1"}) - F.entropy({"X1"})  # H(X1) <= H(X1|rest)
    d = realize_witness(PolymatroidWitness(names, ent), (), target, ">=", timeout=60)
    assert d is not None and d.shape == (2, 2) + (1,) * 12
    assert log_combination(d.pmf, d.names, target).sign() < 0


def test_no_time_left_means_no_distribution_and_no_work(monkeypatch):
    from natlat_sym.finite import realize
    from natlat_sym import proving
    from natlat_sym.shannon.claim import Claim

    def forbidden(*a, **k):
        raise AssertionError("the realiser worked past its deadline")

    monkeypatch.setattr(realize, "find_representation", forbidden)
    monkeypatch.setattr(realize, "_milp", forbidden)
    monkeypatch.setattr(realize, "linear_rank_vectors", forbidden)
    st, hyps, target, sense = _forms(*U24_STATEMENT)
    for budget in (0, -5.0, float("-inf")):
        assert realize_witness(_u24_witness(), hyps, target, sense, timeout=budget) is None
        claim = Claim(target, sense, hyps)
        assert proving.realize_counterexample(_u24_witness(), claim, budget) is None


def test_prove_passes_only_the_remaining_budget(monkeypatch):
    from natlat_sym.finite import realize
    from natlat_sym.proving import prove

    seen = []
    real = realize.realize_witness

    def spy(*a, timeout, **k):
        seen.append(timeout)
        return real(*a, timeout=timeout, **k)

    monkeypatch.setattr(realize, "realize_witness", spy)
    prove("I(A;B) <= I(A;B|C) + I(A;B|D)", timeout=7.0)
    assert len(seen) == 1 and 0 < seen[0] < 7.0


def test_timeout_must_be_a_number():
    w = _xor_witness()
    with pytest.raises(CertificateError, match="timeout"):
        realize_witness(w, (), F.entropy({"X"}), ">=", timeout=float("nan"))
    with pytest.raises(CertificateError, match="timeout"):
        realize_witness(w, (), F.entropy({"X"}), ">=", timeout="soon")


def test_local_search_from_the_witness_finds_non_linear_counterexamples(monkeypatch):
    # Ingleton's inequality holds for every linear code but not for every
    # distribution: the witness is no code, the search on its support finds one
    from natlat_sym.finite import realize
    from natlat_sym.finite.evaluate import check_on
    from natlat_sym.finite.linear_codes import find_representation

    st, hyps, target, sense = _forms("I(A;B) <= I(A;B|C) + I(A;B|D) + I(C;D)", [])
    names = ("A", "B", "C", "D")
    values = {"A": 2, "B": 2, "C": 2, "D": 2, "AB": 3, "AC": 3, "AD": 3, "BC": 3, "BD": 3, "CD": 4}
    ent = {frozenset(s): Fr(values.get("".join(s), 4)) for r in range(1, 5) for s in itertools.combinations(names, r)}
    w = PolymatroidWitness(names, ent)
    check_witness(w, hyps, target, ">=")
    ranks = [0] + [int(ent[frozenset(v for i, v in enumerate(names) if s >> i & 1)]) for s in range(1, 16)]
    assert find_representation(ranks, 2) is None and find_representation(ranks, 3) is None
    # generous budget so the seeded search runs its starts in full (deterministic)
    monkeypatch.setattr(realize, "_SEARCH_SECONDS", 600.0)
    d = realize_witness(w, hyps, target, sense, timeout=600)
    assert d is not None and d.shape == (2, 2, 2, 2)
    v = check_on(st, d)      # independent certified re-evaluation
    assert v.verdict == "violated" and not v.vacuous
