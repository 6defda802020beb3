"""z3 on finite instances (exact statements at given alphabet sizes)."""

import pytest

from natlat_sym.errors import StatementError
from natlat_sym.finite._exact_logs import log_combination
from natlat_sym.finite.instance_check import check_exact_on_alphabets
from natlat_sym.shannon.linear import LinearForm as F

T4_HYPS = ["I(X1;X2|L) = 0", "H(G|X1) = 0", "H(G|X2) = 0"]


def test_t4_exact_binary_holds():
    r = check_exact_on_alphabets(T4_HYPS, "H(G|L) = 0", 2, timeout=60)
    assert r.status == "holds" and r.cases >= 1


def test_dropping_a_redundancy_hypothesis_is_refuted_exactly():
    r = check_exact_on_alphabets(T4_HYPS[:2], "H(G|L) = 0", 2, timeout=60)
    assert r.status == "violated"
    d = r.distribution
    assert not log_combination(d.pmf, d.names, F.cond_entropy({"G"}, {"L"})).is_zero()
    assert log_combination(d.pmf, d.names, F.mutual_information({"X1"}, {"X2"}, {"L"})).is_zero()


def test_tiny_timeout_is_undecided_not_a_claim():
    r = check_exact_on_alphabets(T4_HYPS, "H(G|L) = 0", 3, timeout=0.01)
    assert r.status == "undecided"


@pytest.mark.parametrize("hyp", ["H(X) + H(Y) = 0", "I(X;Y) <= 1"])
def test_non_structural_condition_is_rejected(hyp):
    with pytest.raises(StatementError, match="not an exact independence"):
        check_exact_on_alphabets([hyp], "H(X|Y) = 0", 2)


def test_bad_sizes():
    with pytest.raises(StatementError, match="alphabet sizes"):
        check_exact_on_alphabets(["H(G|X1) = 0"], "H(G|L) = 0", (2, 2))
    with pytest.raises(StatementError, match="positive integer"):
        check_exact_on_alphabets(["H(G|X1) = 0"], "H(G|L) = 0", 0)
