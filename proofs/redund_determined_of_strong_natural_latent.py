r"""n observables, deterministic latents, strong redundancy (T6).

If $\Gamma$ is (nearly) a function of every single observable, then
$$(n-1)\,H(\Gamma\mid\Lambda) \le TC(X\mid\Lambda) + \sum_j H(\Gamma\mid X_j).$$
The coefficient $1/(n-1)$ of both terms is individually least (so the symmetric bound is
Pareto-optimal); under strong redundancy the constants *improve* with $n$.  Tight on
$X_1 = \dots = X_n = \Gamma$ = fair bit, $\Lambda$ constant (E6).  Checked for $n = 2, 3, 4$
($n = 2$ is T4).
"""
from sympy import Add, Integer, Rational

from natlat_sym.catalog import Theorem, check_on_instances, holds_on, prove_that, tight_constants
from natlat_sym.finite import Distribution
from natlat_sym.latents import any_single_redundancy_errors, determination_error, mediation_error
from natlat_sym.shannon.measures import parameter
from natlat_sym.shannon.statement import Relation, Statement


def observables(n):
    return [f"X{i}" for i in range(1, n + 1)]


def bound(n, *, rel="<=", free=False):
    xs = observables(n)
    med = mediation_error(xs, "Λ")
    red = Add(*any_single_redundancy_errors(xs, "Γ", redundancy="deterministic"))
    if free:
        return Statement(Relation(determination_error("Γ", "Λ"), "<=", parameter("a") * med + parameter("b") * red))
    return Statement(Relation(Integer(n - 1) * determination_error("Γ", "Λ"), rel, med + red))


def independent_instance(n):
    """X1..Xn independent fair bits, Λ constant, Γ = X1: equality at b = 1/(n-1)."""
    import itertools
    return Distribution.from_dict({bits + (0, bits[0]): f"1/{2 ** n}" for bits in itertools.product((0, 1), repeat=n)},
                                  observables(n) + ["Λ", "Γ"])


def copies_instance(n):
    """E6: X1 = ... = Xn = Γ = fair bit, Λ constant."""
    return Distribution.from_dict({(b,) * n + (0, b): "1/2" for b in (0, 1)}, observables(n) + ["Λ", "Γ"])


THEOREM = Theorem(
    id="redund_determined_of_strong_natural_latent",
    title="n observables, deterministic, strong redundancy",
    spec_id="T6", kind="theorem",
    reference="derived (spec T6)",
    obligations=(
        *(prove_that(bound(n), description=f"n = {n}") for n in (2, 3, 4)),
        *(tight_constants(bound(n, free=True), a=Rational(1, n - 1), b=Rational(1, n - 1),
                          attained_by=(copies_instance(n), independent_instance(n))) for n in (3, 4)),
        prove_that("H(Γ|Λ) <= TC(X1;X2;X3|Λ) + H(Γ|X1) + H(Γ|X2)",
                   description="another Pareto point: the two-chunk bound (T4 with A = {1}, B = {2})"),
        *(check_on_instances((lambda n=n: holds_on(bound(n, rel="=="), [copies_instance(n)])), supporting=True,
                             description=f"E6 copies, n = {n}: TC = n − 1, H(Γ|Λ) = 1, equality")
          for n in (3, 4)),
    ),
    uses=("mediation_error", "deterministic_redundancy", "determination"),
)
