"""The spec's examples E1–E7, E11, E13 (section 6), reproduced exactly where finite."""

from fractions import Fraction

import mpmath
import numpy as np
import pytest

from natlat_sym.finite import Distribution
from natlat_sym.finite.evaluate import check_on, exact_value
from natlat_sym.finite.families import block_diagonal
from natlat_sym.finite.decide import decide_exact


def exact(text, d):
    return exact_value(text, d)


def is_zero(text, d):
    return exact(text, d).is_zero()


def test_e1_copies_have_an_exact_natural_latent():
    d = Distribution.from_dict({(b, b, b): "1/2" for b in (0, 1)}, ["X1", "X2", "Λ"])
    for err in ("I(X1;X2|Λ)", "H(Λ|X1)", "H(Λ|X2)"):
        assert is_zero(err, d)
    assert str(exact("I(X1;X2)", d)) == "1"
    assert str(exact("H(Λ)", d)) == "1"          # C_GK = H(component label) = 1 = I


def test_e2_block_label_is_an_exact_deterministic_natural_latent():
    d = block_diagonal([(1, 2), (2, 2), (3, 1)])
    blocks = {0: 0, 1: 1, 2: 1, 3: 2, 4: 2, 5: 2}
    d = d.with_latent("K", function=lambda a: blocks[a], given=["X1"])
    for err in ("I(X1;X2|K)", "H(K|X1)", "H(K|X2)"):
        assert is_zero(err, d)
    assert not is_zero("I(X1;X2)", d)


def t4_slack(d):
    return exact("I(X1;X2|Λ) + H(Γ|X1) + H(Γ|X2) - H(Γ|Λ)", d)


def test_e3_t4_tight_on_the_mediation_term():
    d = Distribution.from_dict({(b, b, 0, b): "1/2" for b in (0, 1)}, ["X1", "X2", "Λ", "Γ"])
    assert str(exact("H(Γ|Λ)", d)) == "1" and str(exact("I(X1;X2|Λ)", d)) == "1"
    assert t4_slack(d).is_zero()


def test_e4_t4_tight_on_the_redundancy_terms():
    d = Distribution.from_dict({(a, b, 0, 2 * a + b): "1/4" for a in (0, 1) for b in (0, 1)}, ["X1", "X2", "Λ", "Γ"])
    assert [str(exact(t, d)) for t in ("H(Γ|Λ)", "I(X1;X2|Λ)", "H(Γ|X1)", "H(Γ|X2)")] == ["2", "0", "1", "1"]
    assert t4_slack(d).is_zero()


def test_e5_parity_attains_the_weak_factor():
    d = Distribution.from_dict({(a, b, a ^ b, 2 * a + b): "1/4" for a in (0, 1) for b in (0, 1)},
                               ["X1", "X2", "X3", "Γ"])
    assert str(exact("TC(X1;X2;X3)", d)) == "1"
    assert str(exact("H(Γ)", d)) == "2"
    for j in ("H(Γ|X2,X3)", "H(Γ|X1,X3)", "H(Γ|X1,X2)"):
        assert is_zero(j, d)
    # H(Γ|Λ) = (n−1)·TC for constant Λ: the factor n − 1 = 2 is attained
    assert (exact("H(Γ)", d) - exact("TC(X1;X2;X3)", d) * 2).is_zero()


@pytest.mark.parametrize("n", [2, 3, 4])
def test_e6_copies_attain_the_strong_bound(n):
    names = [f"X{i}" for i in range(1, n + 1)] + ["Λ", "Γ"]
    d = Distribution.from_dict({(b,) * n + (0, b): "1/2" for b in (0, 1)}, names)
    xs = ";".join(names[:n])
    assert str(exact(f"TC({xs}|Λ)", d)) == str(n - 1)
    assert str(exact("H(Γ|Λ)", d)) == "1"
    assert check_on(f"{n - 1}*H(Γ|Λ) = TC({xs}|Λ) + " + " + ".join(f"H(Γ|X{i})" for i in range(1, n + 1)), d).holds


def _mixture_closed_forms(k, w):
    """P = (1−w)·copies + w·independent over k-bit strings; Q swaps the weights.  Exact formulas."""
    mpmath.mp.dps = 60
    k = mpmath.mpf(k)
    w = mpmath.mpf(w.numerator) / w.denominator if isinstance(w, Fraction) else mpmath.mpf(w)
    n = mpmath.power(2, k)
    q = 1 - w + w / n                     # P[X1 = X2 | X2]
    h2 = lambda p: -p * mpmath.log(p, 2) - (1 - p) * mpmath.log(1 - p, 2)
    h_x1_given_x2 = h2(q) + (1 - q) * mpmath.log(n - 1, 2)
    p_diag, p_off = (1 - w) / n + w / n ** 2, w / n ** 2
    q_diag, q_off = w / n + (1 - w) / n ** 2, (1 - w) / n ** 2
    kl = n * p_diag * mpmath.log(p_diag / q_diag, 2) + (n * n - n) * p_off * mpmath.log(p_off / q_off, 2)
    # under Q the empty latent's mediation error is I_Q(X1;X2) = k − H_Q(X1|X2)
    qq = w + (1 - w) / n
    i_q = k - (h2(qq) + (1 - qq) * mpmath.log(n - 1, 2))
    return h_x1_given_x2, kl, i_q


def test_e7_tiny_mixtures():
    h_red, kl, i_q = _mixture_closed_forms(10 ** 6, mpmath.power(2, -50))
    assert 49.9 < kl < 50.1                     # a 50-bit update
    assert 8.8e-10 < h_red < 9.0e-10            # redundancy error of Λ = X1 under P
    assert 8.8e-10 < i_q < 9.0e-10              # mediation error of the empty latent under Q
    # ... yet the two natural latents differ by 10^6 bits.


def test_e7_scaled_down_variant_k2():
    k, delta = 2, Fraction(1, 10)
    m = 2 ** k
    pmf = {(a, b): (1 - delta) * Fraction(int(a == b), m) + delta * Fraction(1, m * m)
           for a in range(m) for b in range(m)}
    d = Distribution.from_dict(pmf, ["X1", "X2"]).with_latent("Λ", function=lambda a, b: a // 2)
    values = {t: float(exact(t, d)) for t in ("I(X1;X2)", "H(X1|X2)", "I(X1;X2|Λ)", "H(Λ|X2)")}
    assert values == pytest.approx({"I(X1;X2)": 1.4968, "H(X1|X2)": 0.5032, "I(X1;X2|Λ)": 0.7832,
                                    "H(Λ|X2)": 0.2864}, abs=5e-5)
    h, _, _ = _mixture_closed_forms(k, delta)
    assert float(h) == pytest.approx(values["H(X1|X2)"], abs=1e-12)


def test_e7_scaled_down_variant_k1000():
    h, _, _ = _mixture_closed_forms(1000, Fraction(1, 100))
    assert float(h) == pytest.approx(10.08, abs=5e-3)
    assert 1000 - float(h) == pytest.approx(989.92, abs=5e-3)


def _gaussian_mi(cov, a, b, c=()):
    det = lambda idx: np.linalg.det(cov[np.ix_(idx, idx)]) if idx else 1.0
    a, b, c = list(a), list(b), list(c)
    return 0.5 * np.log2(det(a + c) * det(b + c) / (det(a + b + c) * det(c)))


def _cov(rho, s2):
    return np.array([[1, rho, 1 + rho], [rho, 1, 1 + rho], [1 + rho, 1 + rho, 2 + 2 * rho + s2]])


@pytest.mark.parametrize("s2, med, remainder", [(0.1, 0.0913, 0.7680), (0.3, 0.0195, 0.3539), (1, 0.3174, 0.1255),
                                                 (3, 0.6963, 0.0443), (10, 0.9928, 0.0136)])
def test_e11_gaussian_tradeoff(s2, med, remainder):
    cov = _cov(0.9, s2)
    assert _gaussian_mi(cov, [0], [1], [2]) == pytest.approx(med, abs=5e-5)
    assert _gaussian_mi(cov, [2], [1], [0]) == pytest.approx(remainder, abs=5e-5)
    assert _gaussian_mi(cov, [2], [1], [0]) == pytest.approx(0.5 * np.log2(1 + (1 - 0.81) / s2))


def test_e11_gaussian_exact_mediation_point():
    rho = 0.9
    cov = _cov(rho, (1 - rho ** 2) / rho)
    assert _gaussian_mi(cov, [0], [1], [2]) == pytest.approx(0, abs=1e-12)
    assert _gaussian_mi(cov, [2], [0, 1]) == pytest.approx(2.1240, abs=5e-5)      # Wyner's C_W
    assert _gaussian_mi(cov, [2], [1], [0]) == pytest.approx(0.4630, abs=5e-5)
    assert _gaussian_mi(cov, [0], [1]) == pytest.approx(1.1980, abs=5e-5)          # I(U;V)


def test_e13_exact_case_of_the_bounty_conjecture():
    # S19's conjecture_exact_case: exact stochastic natural latent ⇒ exact deterministic one (2×2×2, z3)
    r = decide_exact("I(X1;X2|K) = 0", 2, given=["I(X1;X2|L) = 0", "I(L;X1|X2) = 0", "I(L;X2|X1) = 0"],
                     common_parts={"K": ("X1", "X2")}, timeout=120)
    assert r.truth == "holds" and r.method == "z3-nlsat" and r.cases > 0
