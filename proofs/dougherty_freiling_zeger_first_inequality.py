r"""First Dougherty–Freiling–Zeger inequality.

For any four jointly distributed random variables $A, B, C, D$,
$$2I(A;B) \le 4I(A;B \mid C) + 2I(A;C \mid B) + I(B;C \mid A) + 3I(A;B \mid D) + I(A;D \mid B) + 2I(C;D).$$
It is inequality 1 of the list of 214 non-Shannon-type inequalities in four
variables found by Dougherty, Freiling and Zeger with the copy lemma, written
here with Csirmaz's transcription of that list in "natural coordinates"
($2[A,B,C,D] + 2I(A;B|C) + 2I(A;C|B) + I(B;C|A) + I(A;B|D) + I(A;D|B) \ge 0$, where
$[A,B,C,D] = -I(A;B) + I(A;B|C) + I(A;B|D) + I(C;D)$ is the Ingleton expression).

Its proof takes two copy steps, as Dougherty, Freiling and Zeger report
(copy string ``r=c:ab; s=r:ad``): $C_1$, a copy of $C$ over $A, B$; then
$C_{1,2}$ (named ``C_1_2``), a copy of $C_1$ over $A, D$.  Neither Shannon-type
inequalities alone nor any single copy step on $A, B, C, D$ prove it — both
checked here by running the prover.
"""
from natlat_sym.catalog import Theorem, not_provable_that, prove_that
from natlat_sym.verdicts import Verdict

DFZ_1 = "2*I(A;B) <= 4*I(A;B|C) + 2*I(A;C|B) + I(B;C|A) + 3*I(A;B|D) + I(A;D|B) + 2*I(C;D)"

THEOREM = Theorem(
    id="dougherty_freiling_zeger_first_inequality",
    title="First Dougherty–Freiling–Zeger inequality",
    spec_id="DFZ1", kind="theorem",
    reference="R. Dougherty, C. Freiling and K. Zeger, Non-Shannon information inequalities in four "
              "random variables, arXiv:1104.3602 (2011), inequality 1; natural-coordinate transcription: "
              "L. Csirmaz, github.com/lcsirmaz/entropy-rules, DFZ/main.txt (dfz:1:1)",
    obligations=(
        prove_that(DFZ_1, copies=["C | A,B", "C_1 | A,D"]),
        not_provable_that(DFZ_1, supporting=True),
        prove_that(DFZ_1, non_shannon=True, expect=Verdict.NOT_PROVABLE, supporting=True,
                   description="no single copy step on A, B, C, D proves it (the --non-shannon search)"),
    ),
)
