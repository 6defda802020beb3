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
