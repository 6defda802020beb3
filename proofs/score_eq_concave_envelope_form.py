r"""Score identities and the concave-envelope formula (T16).

The stochastic score is a Shannon identity away from mutual informations with the latent:
$S(V) = I(X_1;X_2) + 3I(V;X_1X_2) - 2I(V;X_1) - 2I(V;X_2)$.  Writing a latent as a mixture
$P = \sum_v\lambda_v q_v$, with $\Psi(q) = H_q(X_1\mid X_2) + H_q(X_2\mid X_1)$ and
$\Phi(q) = 3H(q) - 2H(q_{X_1}) - 2H(q_{X_2})$, the score is $S(V) = \Psi(P) - \sum_v\lambda_v\Phi(q_v)$, so
$\tau(P) = \Psi(P) - \hat\Phi(P)$ with $\hat\Phi$ the upper concave envelope of $\Phi$.  The mixture form is the
identity $S(V) = H(X_1\mid X_2) + H(X_2\mid X_1) - [3H(X_1X_2\mid V) - 2H(X_1\mid V) - 2H(X_2\mid V)]$ (conditional
entropies given $V$ are the $\lambda$-weighted entropies of the components), checked here both
symbolically and, exactly, on a concrete mixture.
"""
from fractions import Fraction

from natlat_sym.catalog import FiniteOutcome, Theorem, check_on_instances, prove_that
from natlat_sym.finite import Distribution
from natlat_sym.finite.evaluate import exact_value
from natlat_sym.verdicts import Truth

SCORE = "I(X1;X2|V) + I(V;X1|X2) + I(V;X2|X1)"
LATENT = Distribution.from_array(
    [[["1/6", "1/12"], ["1/24", "1/24"]], [["1/24", "1/8"], ["1/12", "5/12"]]], ["X1", "X2", "V"])


def mixture_formula():
    """S(V) = Ψ(P) − Σ_v λ_v Φ(q_v), with the components q_v = P[X1,X2 | V=v], exactly."""
    p = LATENT.marginal(["X1", "X2"])
    psi = exact_value("H(X1|X2) + H(X2|X1)", p)
    total = exact_value(SCORE, LATENT) - psi
    for v in LATENT.alphabet("V"):
        weight = LATENT.marginal(["V"]).probability(V=v)
        phi = exact_value("3*H(X1,X2) - 2*H(X1) - 2*H(X2)", LATENT.condition(V=v).marginal(["X1", "X2"]))
        total = total + phi * Fraction(weight)
    ok = total.is_zero()
    return FiniteOutcome(Truth.HOLDS if ok else Truth.VIOLATED, detail=f"S(V) − Ψ(P) + Σ λ_v Φ(q_v) = {total} (exact)",
                         sizes="2×2×2 mixture", distribution=LATENT)


THEOREM = Theorem(
    id="score_eq_concave_envelope_form",
    title="Score identities and the concave-envelope formula",
    spec_id="T16", kind="theorem",
    reference="S17",
    obligations=(
        prove_that(f"{SCORE} = I(X1;X2) + 3*I(V;X1,X2) - 2*I(V;X1) - 2*I(V;X2)"),
        prove_that(f"{SCORE} = H(X1|X2) + H(X2|X1) - 3*H(X1,X2|V) + 2*H(X1|V) + 2*H(X2|V)",
                   description="mixture form: S(V) = Ψ(P) − E_V Φ(q_V)"),
        check_on_instances(mixture_formula, "S(V) = Ψ(P) − Σ λ_v Φ(q_v) on a concrete mixture (exact)",
                           supporting=True),
    ),
    uses=("natural_latent_score",),
)
