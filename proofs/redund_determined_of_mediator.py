r"""Mediator determines redund, deterministic latents (T4).

If $\Lambda$ mediates between two chunks $X_A, X_B$ up to $\varepsilon_{med} = I(X_A;X_B\mid\Lambda)$ and $\Gamma$ is
(nearly) a function of each chunk, then $\Gamma$ is nearly a function of $\Lambda$:
$$H(\Gamma\mid\Lambda) \le I(X_A;X_B\mid\Lambda) + H(\Gamma\mid X_A) + H(\Gamma\mid X_B),$$
in max-form $\le \varepsilon_{med} + 2\varepsilon_{red}$.  No assumption on how $\Lambda$ and $\Gamma$ are coupled is
needed.  Both constants are least, and attained on real distributions (E3, E4).
"""
from natlat_sym.catalog import FiniteOutcome, Theorem, check_on_instances, holds_on, prove_that, tight_constants
from natlat_sym.finite import Distribution
from natlat_sym.finite.decide import decide_exact
from natlat_sym.verdicts import Truth

E3 = Distribution.from_dict({(b, b, 0, b): "1/2" for b in (0, 1)}, ["X1", "X2", "Λ", "Γ"])
E4 = Distribution.from_dict({(a, b, 0, 2 * a + b): "1/4" for a in (0, 1) for b in (0, 1)}, ["X1", "X2", "Λ", "Γ"])
EQUALITY = "H(Γ|Λ) = I(X1;X2|Λ) + H(Γ|X1) + H(Γ|X2)"
EXACT_CASE = ("H(Γ|Λ) = 0", ["I(X1;X2|Λ) = 0", "H(Γ|X1) = 0", "H(Γ|X2) = 0"])


def exact_case_on_small_alphabets():
    """The exact case (all errors 0), decided by the generic exact decider: on ternary alphabets
    by the Shannon prover (a certificate: every alphabet size), and on binary alphabets also
    independently by the z3 support-case split (no Shannon shortcut)."""
    every = decide_exact(EXACT_CASE[0], 3, given=EXACT_CASE[1], timeout=60.0)
    bits = decide_exact(EXACT_CASE[0], 2, given=EXACT_CASE[1], timeout=60.0, shannon=False)
    results = (every, bits)
    truths = {r.truth for r in results}
    verdict = Truth.HOLDS if truths == {Truth.HOLDS} else (Truth.VIOLATED if Truth.VIOLATED in truths
                                                           else Truth.UNDECIDED)
    detail = "; ".join(f"{'×'.join(map(str, r.sizes.values()))}: {r.truth} ({r.basis()})" for r in results)
    return FiniteOutcome(verdict, detail=detail, sizes="every alphabet (certificate); 2×2×2×2 (z3 nlsat)",
                         distribution=next((r.distribution for r in results if r.distribution is not None), None))

THEOREM = Theorem(
    id="redund_determined_of_mediator",
    title="Mediator determines redund (deterministic)",
    spec_id="T4", kind="theorem",
    reference="S9 Theorem 1; S5; S10",
    obligations=(
        prove_that("H(Γ|Λ) <= I(X1;X2|Λ) + H(Γ|X1) + H(Γ|X2)"),
        tight_constants("H(Γ|Λ) <= a*I(X1;X2|Λ) + b*(H(Γ|X1) + H(Γ|X2))", a=1, b=1),
        prove_that("H(Γ|Λ) <= I(X1;X2,X3|Λ) + H(Γ|X1) + H(Γ|X2,X3)", description="two chunks A = {1}, B = {2, 3}"),
        prove_that("H(Γ|Λ) <= eps + 2*delta", given=["mediation: I(X1;X2|Λ) <= eps", "redundancy_1: H(Γ|X1) <= delta",
                                                     "redundancy_2: H(Γ|X2) <= delta"],
                   description="max-form: H(Γ|Λ) ≤ ε_med + 2ε_red"),
        check_on_instances(exact_case_on_small_alphabets, supporting=True,
                           description="exact case: I(X1;X2|Λ) = H(Γ|X1) = H(Γ|X2) = 0 ⇒ H(Γ|Λ) = 0, decided "
                                       "for every alphabet (certificate) and on bits by z3 (decide_exact)"),
        check_on_instances(lambda: holds_on(EQUALITY, [E3]), supporting=True,
                           description="E3: Λ constant, X1 = X2 = Γ = bit: equality with the ε_med term"),
        check_on_instances(lambda: holds_on(EQUALITY, [E4]), supporting=True,
                           description="E4: Λ constant, Γ = (X1, X2) independent bits: 2 = 0 + 1 + 1"),
    ),
    uses=("mediation_error", "deterministic_redundancy", "determination"),
)
