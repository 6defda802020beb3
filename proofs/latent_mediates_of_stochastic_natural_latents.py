r"""n observables, stochastic latents (T7).

(a) Weak redundancy: $I(\Gamma;X\mid\Lambda) \le (n-1)TC(X\mid\Lambda) + \sum_j I(\Gamma;X_j\mid X_{-j}) + n\,I(\Lambda;\Gamma\mid X)$;
the vertex $(n-1, 1, n)$ is the componentwise least, and $DTC(X\mid\Lambda)$ may replace $(n-1)TC$.
(b) Strong redundancy: $(n-1)I(\Gamma;X\mid\Lambda) \le TC(X\mid\Lambda) + \sum_j I(\Gamma;X_{-j}\mid X_j) + n\,I(\Lambda;\Gamma\mid X)$
(reduces to T3 at $n = 2$), with individually least TC- and third-diagram coefficients
$1/(n-1)$ and $n/(n-1)$.
(c) Per-coordinate mediation with an exact third diagram:
$I(\Gamma;X\mid\Lambda)\le\sum_{j<n} I(X_j;X_{-j}\mid\Lambda) + \sum_j I(\Gamma;X_j\mid X_{-j})$.
Checked for $n = 2, 3, 4$ ((c): $n = 2, 3$); least constants confirmed for (a) at $n = 3, 4$ and
for (b) at $n = 3$.
"""
from sympy import Add, Integer, Rational

from natlat_sym.catalog import Theorem, prove_that, tight_constants
from natlat_sym.latents import (any_single_redundancy_errors, drop_one_redundancy_errors, mediation_error,
                                per_coordinate_mediation_error, stochastic_determination_error,
                                third_diagram_error)
from natlat_sym.shannon.measures import DTC, parameter
from natlat_sym.shannon.statement import Relation, Statement


def xs(n):
    return [f"X{i}" for i in range(1, n + 1)]


def weak(n, *, sharp=False, free=False):
    x = xs(n)
    lhs = stochastic_determination_error("Γ", "Λ", x)
    med = DTC(*x, given="Λ") if sharp else mediation_error(x, "Λ")
    red = Add(*drop_one_redundancy_errors(x, "Γ"))
    third = third_diagram_error("Λ", "Γ", x)
    if free:
        a, b, c = (parameter(p) for p in "abc")
        return Statement(Relation(lhs, "<=", a * med + b * red + c * third))
    return Statement(Relation(lhs, "<=", (1 if sharp else Integer(n - 1)) * med + red + Integer(n) * third))


def strong(n, *, free=False):
    x = xs(n)
    lhs = stochastic_determination_error("Γ", "Λ", x)
    med = mediation_error(x, "Λ")
    red = Add(*any_single_redundancy_errors(x, "Γ"))
    third = third_diagram_error("Λ", "Γ", x)
    if free:
        return Statement(Relation(lhs, "<=", parameter("a") * med + Rational(1, n - 1) * red + parameter("c") * third))
    return Statement(Relation(Integer(n - 1) * lhs, "<=", med + red + Integer(n) * third))


def per_coordinate(n):
    x = xs(n)
    rhs = Add(*(per_coordinate_mediation_error(x, "Λ", x[j]) for j in range(n - 1)),
              *drop_one_redundancy_errors(x, "Γ"))
    exact_third = Relation(third_diagram_error("Λ", "Γ", x), "==", Integer(0), "third")
    return Statement(Relation(stochastic_determination_error("Γ", "Λ", x), "<=", rhs), (exact_third,))


THEOREM = Theorem(
    id="latent_mediates_of_stochastic_natural_latents",
    title="n observables, stochastic latents",
    spec_id="T7", kind="theorem",
    reference="derived (spec T7); S10 (per-coordinate form)",
    obligations=(
        *(prove_that(weak(n), description=f"(a) weak, n = {n}") for n in (2, 3, 4)),
        prove_that(weak(3, sharp=True), description="(a) sharper DTC form, n = 3"),
        tight_constants(weak(3, free=True), a=2, b=1, c=3),
        tight_constants(weak(4, free=True), a=3, b=1, c=4),
        *(prove_that(strong(n), description=f"(b) strong, n = {n}") for n in (2, 3, 4)),
        tight_constants(strong(3, free=True), a=Rational(1, 2), c=Rational(3, 2)),
        tight_constants(strong(4, free=True), a=Rational(1, 3), c=Rational(4, 3)),
        *(prove_that(per_coordinate(n), description=f"(c) per-coordinate mediation, exact third diagram, n = {n}")
          for n in (2, 3)),
    ),
    uses=("mediation_error", "stochastic_redundancy", "third_diagram", "determination"),
)
