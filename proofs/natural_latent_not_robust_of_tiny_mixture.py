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
from natlat_sym.catalog import Theorem, check_on_instances
from natlat_sym.catalog.experiments import tiny_mixture_numbers, tiny_mixture_robustness_fails
from natlat_sym.verdicts import Truth

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
