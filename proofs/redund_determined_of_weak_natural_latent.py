r"""n observables, deterministic latents, weak (drop-one) redundancy (T5).

For any latents $\Lambda, \Gamma$ over $X = (X_1,\dots,X_n)$:
$$H(\Gamma\mid\Lambda) \le (n-1)\,TC(X\mid\Lambda) + \sum_j H(\Gamma\mid X_{-j}),$$
and the sharper $H(\Gamma\mid\Lambda)\le DTC(X\mid\Lambda) + \sum_j H(\Gamma\mid X_{-j})$ with $DTC\le(n-1)TC$.
The factor $n-1$ is least for Shannon-type proofs and attained by the parity example
(E5): $X_1..X_{n-1}$ fair bits, $X_n$ their parity, $\Lambda$ constant, $\Gamma = (X_1..X_{n-1})$.
Checked for $n = 2, 3, 4$; under weak redundancy the constants degrade with $n$.
"""
from sympy import Add, Integer

from natlat_sym.catalog import Theorem, check_on_instances, holds_on, prove_that, tight_constants
from natlat_sym.finite import Distribution
from natlat_sym.latents import determination_error, drop_one_redundancy_errors, mediation_error
from natlat_sym.shannon.measures import DTC, parameter
from natlat_sym.shannon.statement import Relation, Statement


def observables(n):
    return [f"X{i}" for i in range(1, n + 1)]


def bound(n, *, sharp=False, free=False):
    xs = observables(n)
    med = DTC(*xs, given="Λ") if sharp else mediation_error(xs, "Λ")
    red = Add(*drop_one_redundancy_errors(xs, "Γ", redundancy="deterministic"))
    if free:
        return Statement(Relation(determination_error("Γ", "Λ"), "<=", parameter("a") * med + parameter("b") * red))
    coeff = 1 if sharp else Integer(n - 1)
    return Statement(Relation(determination_error("Γ", "Λ"), "<=", coeff * med + red))


def parity_instance(n):
    """E5: parity, Λ constant, Γ = (X1..X_{n-1}) encoded as an integer."""
    table = {}
    for k in range(2 ** (n - 1)):
        bits = [(k >> i) & 1 for i in range(n - 1)]
        table[tuple(bits) + (sum(bits) % 2, 0, k)] = f"1/{2 ** (n - 1)}"
    return Distribution.from_dict(table, observables(n) + ["Λ", "Γ"])


def equality(n):
    st = bound(n)
    return Statement(Relation(st.conclusion.lhs, "==", st.conclusion.rhs))


THEOREM = Theorem(
    id="redund_determined_of_weak_natural_latent",
    title="n observables, deterministic, weak (drop-one) redundancy",
    spec_id="T5", kind="theorem",
    reference="derived (spec T5)",
    obligations=(
        *(prove_that(bound(n), description=f"n = {n}") for n in (2, 3, 4)),
        *(prove_that(bound(n, sharp=True), description=f"sharper DTC form, n = {n}") for n in (3, 4)),
        *(tight_constants(bound(n, free=True), a=n - 1, b=1) for n in (3, 4)),
        *(check_on_instances((lambda n=n: holds_on(equality(n), [parity_instance(n)])), supporting=True,
                             description=f"E5 parity, n = {n}: equality, H(Γ|Λ) = n − 1 = (n − 1)·TC")
          for n in (3, 4)),
    ),
    uses=("mediation_error", "deterministic_redundancy", "determination"),
)
