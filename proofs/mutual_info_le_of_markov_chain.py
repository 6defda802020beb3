r"""Data processing inequality.

If $X \to Y \to Z$ is a Markov chain, i.e. $I(X;Z \mid Y) = 0$, then processing
$Y$ into $Z$ cannot create information about $X$: $I(X;Z) \le I(X;Y)$.
This worked example follows ``proofs/TEMPLATE.md`` line by line.
"""
from natlat_sym.catalog import Theorem, prove_that, refute_that, tight_constants

THEOREM = Theorem(
    id="mutual_info_le_of_markov_chain",
    title="Data processing inequality",
    spec_id="EX", kind="example",
    reference="Cover & Thomas, Theorem 2.8.1",
    obligations=(
        prove_that("I(X;Z) <= I(X;Y)", given=["markov: I(X;Z|Y) = 0"]),
        tight_constants("I(X;Z) <= a*I(X;Y) + b*I(X;Z|Y)", a=1, b=1),
        refute_that("I(X;Z) <= I(X;Y)", description="not without the Markov chain", supporting=True),
    ),
)
