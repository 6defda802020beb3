r"""Joint independence from each variable's isolation (R2).

If each diagram "$Y_i$ isolated from $Y_{-i}$" holds within $\varepsilon_i = I(Y_i;Y_{-i})$, the fully
disconnected diagram holds within $\sum_i \varepsilon_i$: $TC(Y) \le \sum_i I(Y_i;Y_{-i})$. In fact
$TC(Y) = \sum_{i\ge2} I(Y_i;Y_{<i})$, so $\varepsilon_1$ is not needed. Certified by the prover for $n = 2,3,4$ and by an explicit certificate for $n \le 6$.
"""
import time

import networkx as nx

from natlat_sym.catalog import Theorem, prove_that
from natlat_sym.catalog.diagram_claims import certify_sum, diagram_statement, instance_outcome, standard_names
from natlat_sym.diagrams import diagram_error


def _sum_isolations(n, start=1):
    ys = [f"Y{i}" for i in range(1, n + 1)]
    return " + ".join(f"I({y};{','.join(z for z in ys if z != y)})" for y in ys[start - 1:])


from natlat_sym.catalog.theorem import FiniteOutcome, check_on_instances
from natlat_sym.errors import CertificateError
from natlat_sym.shannon.basic_inequalities import BasicInequality
from natlat_sym.shannon.linear import LinearForm

def joint_independence_instances_hold(*, max_n: int = 6) -> FiniteOutcome:
    """R2 for ``n = 2..max_n``: ``TC(Y) <= Σ_{i>=2} I(Y_i; Y_{-i})`` with the
    certificate ``Σ_{i>=2} I(Y_i; Y_{>i} | Y_{<i})`` (the difference, since
    ``TC(Y) = Σ_{i>=2} I(Y_i; Y_{<i})``), re-checked exactly; the target is
    the disconnected diagram's error from :func:`natlat_sym.diagrams.diagram_error`.

    >>> joint_independence_instances_hold(max_n=3).verdict
    'holds'
    """
    start = time.perf_counter()
    for n in range(2, max_n + 1):
        names = standard_names(n)
        g = nx.DiGraph()
        g.add_nodes_from(names)
        rhs = LinearForm()
        for i in range(1, n):
            rhs = rhs + LinearForm.mutual_information({names[i]}, set(names) - {names[i]})
        terms = [BasicInequality.mutual_information({names[i]}, set(names[i + 1:]), set(names[:i]))
                 for i in range(1, n - 1)]
        try:
            certify_sum(rhs - diagram_error(g), terms, names, "TC(Y) <= sum_{i>=2} I(Y_i;Y_-i)")
        except CertificateError as e:
            return instance_outcome(False, f"n={n}: {e}", f"n={n}", time.perf_counter() - start)
    return instance_outcome(True, f"certified for n = 2..{max_n} by the terms I(Y_i;Y_>i|Y_<i)",
                    f"n = 2..{max_n} variables", time.perf_counter() - start)


def for_every_joint_independence(*, max_n: int = 6):
    return check_on_instances(lambda: joint_independence_instances_hold(max_n=max_n),
                              f"for n = 2..{max_n}: TC(Y) <= sum over i >= 2 of I(Y_i;Y_-i)")


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
