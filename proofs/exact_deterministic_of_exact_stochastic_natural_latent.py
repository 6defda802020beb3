r"""Exact stochastic natural latent implies exact deterministic one (T14).

If $\Lambda$ is an exact stochastic natural latent for $(X_1, X_2)$ — $I(X_1;X_2\mid\Lambda) = 0$,
$I(\Lambda;X_1\mid X_2) = 0$, $I(\Lambda;X_2\mid X_1) = 0$ — then the Gács–Körner component label $K$ is an
exact deterministic natural latent.  The proof uses the double Markov lemma, which is not a
consequence of the Shannon inequalities (it needs the common-part variable), so the statement is
checked with z3 on every distribution with the given alphabet sizes, binary and ternary (case split
over the support pattern of $P[X_1,X_2]$; on each pattern the redundancy conditions are built into
the parametrisation, the mediation condition is a polynomial identity).
"""
from natlat_sym.catalog import FiniteOutcome, Theorem, check_on_instances
from natlat_sym.finite.instance_check import check_exact_stochastic_gives_deterministic

SIZES = ((2, 2, 2), (2, 3, 2), (3, 3, 2), (3, 3, 3))


def z3_check():
    results = [check_exact_stochastic_gives_deterministic(s, timeout=20.0) for s in SIZES]
    detail = "; ".join(f"|X1|,|X2|,|Λ| = {s}: {r.status} ({r.cases} z3 cases)" for s, r in zip(SIZES, results))
    bad = [r for r in results if r.status != "holds"]
    verdict = "holds" if not bad else ("violated" if any(r.status == "refuted" for r in bad) else "undecided")
    return FiniteOutcome(verdict, detail=detail, sizes=", ".join("×".join(map(str, s)) for s in SIZES),
                         distribution=next((r.distribution for r in bad if r.distribution is not None), None))


THEOREM = Theorem(
    id="exact_deterministic_of_exact_stochastic_natural_latent",
    title="Exact stochastic ⇒ exact deterministic natural latent",
    spec_id="T14", kind="theorem",
    reference="S7 (exact case is easy); S19 (Lean)",
    obligations=(
        check_on_instances(z3_check, "all distributions with these alphabet sizes (z3, exact)"),
    ),
    uses=("natural_latent", "stochastic_redundancy", "deterministic_redundancy"),
    proof_uses=("exact_natural_latent_iff_block_diagonal",),
)
