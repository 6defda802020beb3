r"""Exact stochastic natural latent implies exact deterministic one (T14).

If $\Lambda$ is an exact stochastic natural latent for $(X_1, X_2)$ — $I(X_1;X_2\mid\Lambda) = 0$,
$I(\Lambda;X_1\mid X_2) = 0$, $I(\Lambda;X_2\mid X_1) = 0$ — then the Gács–Körner component label $K$ is an
exact deterministic natural latent.  The proof uses the double Markov lemma, which is not a
consequence of the Shannon inequalities (it needs the common-part variable), so the statement is
decided by the generic exact decider `decide_exact` on every
distribution with the given alphabet sizes, binary and ternary (a smaller alphabet embeds in a larger
one with unused values of probability 0): $K$ is declared the common part of $(X_1, X_2)$, the
distributions are split by the support pattern of $P[X_1,X_2]$ (up to symmetry), the two redundancy
conditions become a parametrisation (the posterior of $\Lambda$ is constant on each connected
component) and z3's nonlinear arithmetic decides the mediation identities.
"""
from natlat_sym.catalog import FiniteOutcome, Theorem, check_on_instances
from natlat_sym.finite.decide import decide_exact
from natlat_sym.verdicts import Truth

SIZES = ((2, 2, 2), (3, 3, 3))  # holding at 3×3×3 covers every smaller size (unused values have probability 0)
STATEMENT = ("I(X1;X2|K) = 0", ["I(X1;X2|Λ) = 0", "I(Λ;X1|X2) = 0", "I(Λ;X2|X1) = 0"])


def z3_check():
    results = []
    for a, b, k in SIZES:
        # decide_exact first looks for a binary counterexample on larger alphabets; the binary
        # alphabets were just decided themselves (the first size), so that look is not repeated
        binary_decided = any(max(s) == 2 for s in SIZES[:len(results)])
        results.append(decide_exact(STATEMENT[0], {"X1": a, "X2": b, "Λ": k}, given=STATEMENT[1],
                                    common_parts={"K": ("X1", "X2")}, timeout=25.0,
                                    smaller_first=not binary_decided))
    detail = "; ".join(f"|X1|,|X2|,|Λ| = {s}: {r.truth} ({r.basis()})" for s, r in zip(SIZES, results))
    truths = {r.truth for r in results}
    verdict = Truth.HOLDS if truths == {Truth.HOLDS} else (Truth.VIOLATED if Truth.VIOLATED in truths
                                                           else Truth.UNDECIDED)
    return FiniteOutcome(verdict, detail=detail, sizes=", ".join("×".join(map(str, s)) for s in SIZES),
                         distribution=next((r.distribution for r in results if r.distribution is not None), None))


THEOREM = Theorem(
    id="exact_deterministic_of_exact_stochastic_natural_latent",
    title="Exact stochastic ⇒ exact deterministic natural latent",
    spec_id="T14", kind="theorem",
    reference="S7 (exact case is easy); S19 (Lean)",
    obligations=(
        check_on_instances(z3_check, "all distributions with these alphabet sizes (decide_exact: z3 nlsat "
                                     "over support cases, exact)",
                           expected_cost=100),  # the catalog's longest check (~1 s): start it first
    ),
    uses=("natural_latent", "stochastic_redundancy", "deterministic_redundancy"),
    proof_uses=("exact_natural_latent_iff_block_diagonal",),
)
