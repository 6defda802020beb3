"""The trusted checker: regression tests for soundness bugs and the
properties every certificate check must have."""

import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natlat_sym.errors import CertificateError
from natlat_sym.shannon.basic_inequalities import BasicInequality as B
from natlat_sym.shannon.basic_inequalities import elemental_inequalities
from natlat_sym.shannon.certificate import (Certificate, CertificatePiece, HypothesisForm, PolymatroidWitness,
                                            check_certificate, check_witness)
from natlat_sym.shannon.linear import LinearForm as F

NAMES = ["X", "Y", "Z"]
sets = st.frozensets(st.sampled_from(NAMES))


def test_cond_entropy_of_a_subset_of_the_condition_is_zero():
    # regression: {a|b: 1, b: -1} collapsed to -H(B) when A ⊆ B
    assert F.cond_entropy({"X"}, {"X", "Y"}).is_zero()
    assert F.cond_entropy({"X", "Y"}, {"X", "Y"}).is_zero()
    assert B.cond_entropy({"X"}, {"X", "Y"}).is_trivial()


def test_false_inequality_cannot_be_certified_with_a_trivial_basic_inequality():
    # regression: H(X,Y) <= 0 was "proved" by citing H(X|X,Y) >= 0
    target = -F.entropy({"X", "Y"})
    piece = CertificatePiece(target, ((B.cond_entropy({"X"}, {"X", "Y"}), Fraction(1)),))
    with pytest.raises(CertificateError):
        check_certificate(Certificate("H(X,Y) <= 0", ("X", "Y"), (), "<=", (piece,)))


@given(sets, sets, sets)
def test_every_basic_inequality_is_nonnegative_on_a_rank_function(a, b, c):
    # The entropy vector of the XOR distribution on X,Y,Z (uniform matroid U_{2,3}): h(S)=min(|S|,2)
    h = {frozenset(s): Fraction(min(len(s), 2)) for s in _all_subsets(NAMES)}
    h[frozenset()] = Fraction(0)
    for ineq in (B.cond_entropy(a, b), B.mutual_information(a, b, c)):
        assert ineq.form().evaluate(lambda s: h[frozenset(s)]) >= 0


def _all_subsets(names):
    out = []
    for mask in range(1, 2 ** len(names)):
        out.append({n for i, n in enumerate(names) if mask >> i & 1})
    return out


@given(sets, sets)
def test_cond_entropy_matches_definition_on_every_pair_of_sets(a, b):
    f = F.cond_entropy(a, b)
    direct = F({a | b: 1}) - F({b: 1}) if (a | b) != b else F()
    assert f == direct


def test_negative_multiplier_is_rejected():
    t = F.mutual_information({"X"}, {"Y"})
    piece = CertificatePiece(t * -1, ((B.mutual_information({"X"}, {"Y"}), Fraction(-1)),))
    with pytest.raises(CertificateError, match="negative"):
        check_certificate(Certificate("I(X;Y) <= 0", ("X", "Y"), (), "<=", (piece,)))


def test_inequality_hypothesis_needs_nonnegative_multiplier():
    hyp = HypothesisForm("h1", F.entropy({"X"}) * -1, ">=")  # says H(X) <= 0
    target = F.entropy({"X"})  # claims H(X) >= 0 ... fine with +0, but try negative mu
    piece = CertificatePiece(target, (), (Fraction(-1),))
    with pytest.raises(CertificateError, match="negative"):
        check_certificate(Certificate("h1: H(X) <= 0 => H(X) >= 0", ("X",), (hyp,), ">=", (piece,)))


def test_witness_must_be_a_polymatroid():
    bad = {frozenset({"X"}): Fraction(1), frozenset({"Y"}): Fraction(1), frozenset({"X", "Y"}): Fraction(3)}
    w = PolymatroidWitness(("X", "Y"), bad)
    with pytest.raises(CertificateError, match="not a polymatroid"):
        check_witness(w, (), F.entropy({"X", "Y"}) * -1 + F.const(1), ">=")


_rationals = st.fractions(min_value=-1, max_value=4, max_denominator=60)


@settings(max_examples=200, deadline=None)
@given(st.lists(_rationals, min_size=7, max_size=7))
def test_witness_check_agrees_with_the_elemental_forms(values):
    """The polymatroid check (integers over a common denominator) rejects a
    point exactly when some elemental inequality's LinearForm, evaluated
    with Fractions, is negative there."""
    subsets = [frozenset(c) for r in (1, 2, 3) for c in itertools.combinations(NAMES, r)]
    ent = dict(zip(subsets, values))
    expected_bad = next((b for b in elemental_inequalities(NAMES)
                         if b.form().evaluate(lambda s: ent[frozenset(s)]) < 0), None)
    w = PolymatroidWitness(tuple(NAMES), ent)
    target = F.entropy(set(NAMES)) * -1 + F.const(-1)  # violated by every polymatroid (h >= 0)
    if expected_bad is None:
        check_witness(w, (), target, ">=")
    else:
        with pytest.raises(CertificateError, match="not a polymatroid") as err:
            check_witness(w, (), target, ">=")
        assert str(expected_bad) in str(err.value)


def test_elemental_rows_are_all_nontrivial():
    for b in elemental_inequalities(["A", "B", "C", "D"]):
        assert not b.is_trivial()


@pytest.mark.parametrize("mutate", [
    lambda d: d.update(pieces="x"),
    lambda d: d.update(pieces=["x"]),
    lambda d: d.update(hypotheses={"a": 1}),
    lambda d: d["pieces"][0].update(basic=[{"kind": "Q", "sets": [], "multiplier": "1"}]),
    lambda d: d["pieces"][0].update(basic=[{"kind": "I", "sets": "XY", "multiplier": "1"}]),
    lambda d: d["pieces"][0].update(basic=[{"kind": "H", "sets": [["X"], []], "multiplier": "1/0"}]),
    lambda d: d["pieces"][0]["target"].update(entropies=[[["X"], "one"]]),
    lambda d: d.pop("pieces"),
])
def test_malformed_certificate_json_is_a_certificate_error(mutate):
    # regression: a string where a list belongs escaped as AttributeError
    from natlat_sym.shannon.certificate import certificate_from_json

    target = F.entropy({"X"}) - F.cond_entropy({"X"}, {"Y"})
    piece = CertificatePiece(target, ((B.mutual_information({"X"}, {"Y"}), 1),))
    data = Certificate("H(X|Y) <= H(X)", ("X", "Y"), (), "<=", (piece,)).to_json()
    mutate(data)
    with pytest.raises(CertificateError):
        certificate_from_json(data)
