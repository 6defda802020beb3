r"""Natural latents are not robust to tiny mixtures (T22, negative).

No bound "agents' distributions within ε in KL ⇒ their natural latents agree to O(ε)" can hold.
Take $X_1, X_2 \in \{0,1\}^k$, $P_0$: $X_1$ uniform and $X_2 = X_1$ (exact natural latent $X_1$), $Q_0$:
independent uniform (empty latent natural), and $P = (1-\delta)P_0 + \delta Q_0$. Then
$D_{KL}(P_0\|P) = -\log_2 q$ with $q = 1-\delta+\delta 2^{-k}$, yet
$H_P(X_1\mid X_2) = h(q) + (1-q)\log_2(2^k-1)$ grows linearly in $k$: for $k = 1000$, $\delta = 0.01$ the
divergence is 0.0145 bits while $X_1$ has lost 10.08 bits of redundancy. Scaled-down check
($k = 2$, $\delta = 0.1$): $I = 1.4968$, $H(X_1|X_2) = 0.5032$; the half latent "first bit of $X_1$" has
$I(X_1;X_2\mid\Lambda) = 0.7832$, $H(\Lambda\mid X_2) = 0.2864$.
"""
import time
from fractions import Fraction

import flint
import numpy as np

from natlat_sym.catalog import FiniteOutcome, Theorem, check_on_instances
from natlat_sym.finite.distribution import Distribution
from natlat_sym.finite.evaluate import enclosure
from natlat_sym.finite.exact_values import outward_text
from natlat_sym.verdicts import Truth


def _tiny_mixture(k: int, delta: Fraction) -> Distribution:
    """P = (1−δ)·P0 + δ·Q0 on X1, X2 ∈ {0..2^k − 1}; P0: X2 = X1 uniform; Q0: independent uniform."""
    m = 2 ** k
    same = (1 - delta) / m + delta / (m * m)
    other = delta / (m * m)
    arr = np.full((m, m), other, dtype=object)
    for i in range(m):
        arr[i, i] = same
    return Distribution.from_array(arr, ["X1", "X2"], exact=True)


def _exact(endpoint) -> Fraction:
    """An arb endpoint (radius 0) as the exact rational it is (``float()``
    would round it to nearest, possibly to the wrong side)."""
    man, exp = endpoint.mid().man_exp()
    return Fraction(int(man)) * Fraction(2) ** int(exp)


def tiny_mixture_closed_form(k: int, delta, *, precision: int = 128) -> dict:
    """Certified enclosures (``(lo, hi)``, exact rationals: arb's endpoints) of the T22 quantities
    for strings of ``k`` bits: ``D_KL(P0‖P) = −log2 q``,
    ``H(X1|X2) = h(q) + (1−q)·log2(2^k − 1)`` and ``I(X1;X2) = k − H(X1|X2)``,
    with ``q = 1 − δ + δ·2^−k``.

    >>> v = tiny_mixture_closed_form(1000, "1/100")
    >>> [outward_text(*v[name]) for name in ("H(X1|X2)", "I(X1;X2)", "KL(P0||P)")]
    ['[10.080793135895, 10.080793135896]', '[989.919206864104, 989.919206864105]', '[0.014499569695, 0.014499569696]']
    """
    d = Fraction(delta)
    with flint.ctx.workprec(precision):  # scoped: no process-wide precision change
        dd = flint.arb(d.numerator) / d.denominator
        q = 1 - dd + dd * flint.arb(2) ** (-k)
        log2 = lambda x: x.log() / flint.arb(2).log()  # noqa: E731
        hq = -(q * log2(q) + (1 - q) * log2(1 - q))
        cond = hq + (1 - q) * log2(flint.arb(2) ** k - 1)
        kl = -log2(q)
        info = k - cond
        out = {}
        for name, x in (("KL(P0||P)", kl), ("H(X1|X2)", cond), ("I(X1;X2)", info)):
            out[name] = (_exact(x.lower()), _exact(x.upper()))
        return out


def tiny_mixture_numbers() -> FiniteOutcome:
    """T22, scaled down: the spec's numbers for ``k = 2, δ = 1/10`` (exact
    distribution, certified enclosures) and ``k = 1000, δ = 1/100`` (closed
    form); each must lie within 5·10⁻⁵ of the spec's four-decimal value.  The
    half latent is "the first bit of X1".

    >>> tiny_mixture_numbers().verdict
    'holds'
    """
    start = time.perf_counter()
    p = _tiny_mixture(2, Fraction(1, 10)).with_latent("L", function=lambda x1, x2: x1 // 2)
    claims = {"I(X1;X2)": "1.4968", "H(X1|X2)": "0.5032", "I(X1;X2|L)": "0.7832", "H(L|X2)": "0.2864"}
    lines, bad = [], []
    for expr, claim in claims.items():
        iv = enclosure(expr, p, precision=80)
        c = Fraction(claim)
        ok = iv.lo >= c - Fraction(5, 100000) and iv.hi <= c + Fraction(5, 100000)
        lines.append(f"{expr} ∈ {outward_text(iv.lo, iv.hi)}")
        if not ok:
            bad.append(f"{expr}: spec {claim}, certified {outward_text(iv.lo, iv.hi)}")
    big = tiny_mixture_closed_form(1000, "1/100")
    for name, claim in (("KL(P0||P)", "0.0145"), ("H(X1|X2)", "10.08"), ("I(X1;X2)", "989.92")):
        lo, hi = big[name]
        c, tol = Fraction(claim), Fraction(5, 100000) if name.startswith("KL") else Fraction(5, 1000)
        lines.append(f"k=1000 {name} ∈ {outward_text(lo, hi)}")
        if not (lo >= c - tol and hi <= c + tol):
            bad.append(f"k=1000 {name}: spec {claim}, certified {outward_text(lo, hi)}")
    seconds = time.perf_counter() - start
    if bad:
        return FiniteOutcome(Truth.VIOLATED, detail="; ".join(bad), sizes="k = 2 (4×4×2) and k = 1000 (closed form)",
                             distribution=p)
    return FiniteOutcome(Truth.HOLDS, detail="; ".join(lines) + f" [{seconds:.2f} s]",
                         sizes="k = 2, δ = 1/10 (exact 4×4 pmf, Λ = first bit); k = 1000, δ = 1/100 (closed form)",
                         distribution=p)


def tiny_mixture_robustness_fails(*, constant: int = 100) -> FiniteOutcome:
    """The would-be robustness bound ``H_P(X1|X2) <= c·D_KL(P0‖P)`` (the exact
    natural latent ``X1`` of ``P0`` stays nearly redundant for the nearby
    ``P``) is *violated* at ``k = 1000, δ = 1/100`` for ``c = constant``
    (certified enclosures).  The ratio grows linearly in ``k``, so no constant works.

    >>> tiny_mixture_robustness_fails().verdict
    'violated'
    """
    v = tiny_mixture_closed_form(1000, "1/100")
    lo_h = v["H(X1|X2)"][0]
    hi_kl = v["KL(P0||P)"][1]
    violated = lo_h > constant * hi_kl
    return FiniteOutcome(Truth.VIOLATED if violated else Truth.HOLDS,
                         detail=f"H_P(X1|X2) ∈ {outward_text(*v['H(X1|X2)'])}, "
                                f"{constant}·D_KL(P0‖P) ∈ {outward_text(constant * v['KL(P0||P)'][0], constant * hi_kl)}",
                         sizes="k = 1000 bits per observable, δ = 1/100 (closed form, arb)")


THEOREM = Theorem(
    id="natural_latent_not_robust_of_tiny_mixture",
    title="Natural latents are not robust to tiny mixtures",
    spec_id="T22", kind="negative", reference="S3 (construction); scaled-down numbers derived",
    obligations=(
        check_on_instances(tiny_mixture_robustness_fails, expect=Truth.VIOLATED,
                           description="H_P(X1|X2) ≤ 100·D_KL(P0‖P) fails at k = 1000, δ = 1/100"),
        check_on_instances(tiny_mixture_numbers, supporting=True,
                           description="the spec's numbers for k = 2, δ = 1/10 and k = 1000, δ = 1/100 "
                                       "(certified enclosures)"),
    ),
    uses=("natural_latent", "mediation_error", "deterministic_redundancy"),
)
