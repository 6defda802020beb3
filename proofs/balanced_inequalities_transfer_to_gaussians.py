r"""Gaussian natural latents: what transfers from discrete variables (T23).

Chan (2003): a *balanced* linear information inequality — for every variable, the coefficients of
the joint entropies containing it sum to zero, as in any inequality among (conditional) mutual
informations — holds for differential entropies iff it holds for discrete ones.  So the
stochastic theorems T3 and T7 transfer to jointly Gaussian variables, while T4–T6 (which contain
conditional entropies $H(\Gamma\mid\cdot)$) do not.  The Gaussian closed forms of the worked scalar
case ($U, V$ standard normal with correlation $\rho$, $\Lambda = U + V + \sigma Z$) are checked symbolically
from log-determinants: $I(\Lambda;V\mid U) = \tfrac12\log_2(1 + (1-\rho^2)/\sigma^2)$, mediation is exact at
$\sigma^2 = (1-\rho^2)/\rho$, where $I(\Lambda;UV) = \tfrac12\log_2\frac{1+\rho}{1-\rho}$ (Wyner's common information).
"""
import sympy

from natlat_sym.catalog import FiniteOutcome, Theorem, check_on_instances, prove_that
from natlat_sym.shannon.parse import parse_statement
from natlat_sym.verdicts import Truth

T3 = "I(Γ;X1,X2|Λ) <= I(X1;X2|Λ) + I(Γ;X1|X2) + I(Γ;X2|X1) + 2*I(Λ;Γ|X1,X2)"
T7A = ("I(Γ;X1,X2,X3|Λ) <= 2*TC(X1;X2;X3|Λ) + I(Γ;X1|X2,X3) + I(Γ;X2|X1,X3) + I(Γ;X3|X1,X2) "
       "+ 3*I(Λ;Γ|X1,X2,X3)")
T4 = "H(Γ|Λ) <= I(X1;X2|Λ) + H(Γ|X1) + H(Γ|X2)"


def is_balanced(text):
    """Every variable's joint-entropy coefficients in the normal form sum to zero."""
    form = parse_statement(text).conclusion.normal_form()
    names = set().union(*form.entropies) if form.entropies else set()
    return all(sum(c for s, c in form.entropies.items() if v in s) == 0 for v in names)


def balance_check():
    got = {"T3": is_balanced(T3), "T7(a), n = 3": is_balanced(T7A), "T4": is_balanced(T4)}
    ok = got["T3"] and got["T7(a), n = 3"] and not got["T4"]
    return FiniteOutcome(Truth.HOLDS if ok else Truth.VIOLATED, sizes="3 inequalities, exact coefficients",
                         detail=", ".join(f"{k}: {'balanced' if v else 'not balanced'}" for k, v in got.items()))


def gaussian_mi(cov, a, b, c=()):
    """I(A;B|C) in bits for a Gaussian with covariance ``cov`` (index lists)."""
    det = lambda idx: cov.extract(list(idx), list(idx)).det() if idx else sympy.Integer(1)
    ratio = det([*a, *c]) * det([*b, *c]) / (det([*a, *b, *c]) * det(list(c)))
    return sympy.cancel(ratio)  # I = ½ log2(ratio), a rational function of the covariance entries


def _is_zero(expr) -> bool:
    """Exact test of a rational function: ``cancel`` brings it to ``p/q`` in
    lowest terms, which is 0 iff the function is (a decision, unlike the
    heuristic ``simplify``, and it does not import ``sympy.physics``)."""
    return sympy.cancel(expr) == 0


def gaussian_closed_forms():
    rho, s2 = sympy.symbols("rho sigma2", positive=True)
    # order: U, V, Λ = U + V + σZ
    cov = sympy.Matrix([[1, rho, 1 + rho], [rho, 1, 1 + rho], [1 + rho, 1 + rho, 2 + 2 * rho + s2]])
    remainder = gaussian_mi(cov, [2], [1], [0])
    mediation = gaussian_mi(cov, [0], [1], [2])
    s_star = (1 - rho ** 2) / rho
    checks = {
        "I(Λ;V|U) = ½log2(1 + (1−ρ²)/σ²)": _is_zero(remainder - (1 + (1 - rho ** 2) / s2)),
        "I(U;V|Λ) = 0 at σ² = (1−ρ²)/ρ": _is_zero(mediation.subs(s2, s_star) - 1),
        "I(Λ;UV) = ½log2((1+ρ)/(1−ρ)) there": _is_zero(
            gaussian_mi(cov, [2], [0, 1]).subs(s2, s_star) - (1 + rho) / (1 - rho)),
    }
    ok = all(checks.values())
    return FiniteOutcome(Truth.HOLDS if ok else Truth.VIOLATED, sizes="symbolic in ρ, σ² (log-det ratios, exact)",
                         detail="; ".join(f"{k}: {'ok' if v else 'FAILS'}" for k, v in checks.items()))


THEOREM = Theorem(
    id="balanced_inequalities_transfer_to_gaussians",
    title="Gaussian natural latents (balanced inequalities transfer)",
    spec_id="T23", kind="theorem",
    reference="S13; S14; C5 (Chan 2003)",
    obligations=(
        prove_that(T3, description="T3, balanced, hence valid for differential entropies"),
        check_on_instances(balance_check, "T3 and T7 are balanced, T4 is not"),
        check_on_instances(gaussian_closed_forms, "closed forms of the symmetric scalar Gaussian case",
                           supporting=True),
    ),
    uses=("mediation_error", "stochastic_redundancy", "third_diagram"),
    proof_uses=("mediation_of_stochastic_natural_latent",),
)
