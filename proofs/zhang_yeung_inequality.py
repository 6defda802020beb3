r"""Zhang–Yeung inequality.

For any four jointly distributed random variables $A, B, C, D$,
$$2I(C;D) \le I(A;B) + I(A;C,D) + 3I(C;D \mid A) + I(C;D \mid B).$$
It is the first *non-Shannon-type* information inequality: true for every
distribution, yet not a consequence of the Shannon-type inequalities (a
polymatroid that is not entropic violates it).  The proof adjoins $A_1$, a
copy of $A$ over $C, D$ — $(A_1, C, D)$ has the distribution of $(A, C, D)$
and $A_1$ is conditionally independent of $A, B$ given $C, D$ (the copy
lemma) — and then uses Shannon-type inequalities on the five variables.  The
certificate records the copy step; the checker re-derives the equalities the
copy lemma grants from it.
"""
from natlat_sym.catalog import Theorem, not_provable_that, prove_that

ZHANG_YEUNG = "2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)"

THEOREM = Theorem(
    id="zhang_yeung_inequality",
    title="Zhang–Yeung inequality",
    spec_id="ZY", kind="theorem",
    reference="Z. Zhang and R. W. Yeung, On characterization of entropy function via information "
              "inequalities, IEEE Trans. Inform. Theory 44(4), 1998, Theorem 3",
    obligations=(
        prove_that(ZHANG_YEUNG, copies=["A | C,D"]),
        not_provable_that(ZHANG_YEUNG, supporting=True),
        prove_that(ZHANG_YEUNG, non_shannon=True, supporting=True,
                   description="the single-step copy search (--non-shannon) finds a proof by itself"),
    ),
)
