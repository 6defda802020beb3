r"""Joint independence from each variable's isolation (R2).

If each diagram "$Y_i$ isolated from $Y_{-i}$" holds within $\varepsilon_i = I(Y_i;Y_{-i})$, the fully
disconnected diagram holds within $\sum_i \varepsilon_i$: $TC(Y) \le \sum_i I(Y_i;Y_{-i})$. In fact
$TC(Y) = \sum_{i\ge2} I(Y_i;Y_{<i})$, so $\varepsilon_1$ is not needed. Certified by the prover for $n = 2,3,4$ and by an explicit certificate for $n \le 6$.
"""
from natlat_sym.catalog import Theorem, prove_that
from natlat_sym.catalog.schemas import diagram_statement, for_every_joint_independence


def _sum_isolations(n, start=1):
    ys = [f"Y{i}" for i in range(1, n + 1)]
    return " + ".join(f"I({y};{','.join(z for z in ys if z != y)})" for y in ys[start - 1:])


THEOREM = Theorem(
    id="joint_independence_of_pairwise_isolation",
    title="Joint independence from each variable's isolation",
    spec_id="R2", kind="rule", reference="S2 (left as an exercise via R3)",
    obligations=tuple(
        prove_that(f"TC({';'.join(f'Y{i}' for i in range(1, n + 1))}) <= {_sum_isolations(n, 2)}",
                   description=f"n = {n}: TC(Y) <= sum over i >= 2 of I(Y_i;Y_-i)")
        for n in range(2, 5)) + (
        for_every_joint_independence(max_n=6),
        prove_that(diagram_statement("Y1; Y2; Y3", "<=", _sum_isolations(3)),
                   description="disconnected diagram on 3 nodes within the sum of the isolation errors"),
    ),
    uses=("diagram_error_eq_entropy_form",),
)
