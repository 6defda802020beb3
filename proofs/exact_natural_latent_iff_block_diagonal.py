r"""When does an exact natural latent exist? (T13, two observables).

For finite $P[X_1,X_2]$ the following are equivalent: (i) an exact deterministic natural latent
exists; (ii) $P$ is block-diagonal — within every connected component of the bipartite support
graph, $X_1\perp X_2$; (iii) $C_{GK}(X_1;X_2) = I(X_1;X_2)$; (iv) $C_{GK} = C_W$.  The canonical exact
natural latent is the component label $K$, and the key Shannon-type identity is: if
$H(K\mid X_1) = H(K\mid X_2) = 0$ then $I(X_1;X_2\mid K) = I(X_1;X_2) - H(K)$.  The equivalence of
(i), (ii), (iii) is checked exhaustively on small instances: every partition of the support is
tried as a deterministic latent, with exact arithmetic.  (iv) is decided exactly from bounds:
$C_{GK} = H(K) \le I(X_1;X_2) \le C_W$ (two certified Shannon lemmas below), and
$C_W \le I(X_1X_2;K) = H(K)$ whenever $K$ mediates; so $C_{GK} = C_W$ exactly when $K$ mediates
and $H(K) = I(X_1;X_2)$, and $C_{GK} < C_W$ when $H(K) < I(X_1;X_2)$.
"""
from itertools import product

from sympy.utilities.iterables import multiset_partitions

from natlat_sym.catalog import FiniteOutcome, Theorem, check_on_instances, prove_that
from natlat_sym.finite import Distribution
from natlat_sym.finite.common_information import component_labels
from natlat_sym.finite.decide import decide_exact
from natlat_sym.finite.evaluate import check_on
from natlat_sym.finite.families import block_diagonal, dsbs, product as independent
from natlat_sym.verdicts import Truth

EXACT_NATURAL = ["I(X1;X2|K) = 0", "H(K|X1) = 0", "H(K|X2) = 0"]


def component_label(dist):
    """Connected component of every support cell of P[X1, X2] (the Gács–Körner label)."""
    labels = component_labels(dist.pmf)
    return {c: int(labels[c]) for c in product(*map(range, dist.shape)) if labels[c] >= 0}


def with_label(dist, label):
    return dist.with_latent("K", function=lambda a, b: label.get((a, b), 0))


def is_block_diagonal(dist):
    """(ii): X1 ⊥ X2 within every component (exact check)."""
    return check_on("I(X1;X2|K) = 0", with_label(dist, component_label(dist))).holds


def has_exact_deterministic_natural_latent(dist):
    """(i), by exhaustion: some partition of the support is an exact deterministic natural latent."""
    cells = sorted(component_label(dist))
    for p in multiset_partitions(cells):  # set partitions: the cells are distinct
        label = {c: k for k, block in enumerate(p) for c in block}
        d = with_label(dist, label)
        if all(check_on(h, d).holds for h in EXACT_NATURAL):
            return True
    return False


def gk_equals_mutual_information(dist):
    """(iii): C_GK = H(K) equals I(X1;X2), exactly."""
    return check_on("I(X1;X2) = H(K)", with_label(dist, component_label(dist))).holds


INSTANCES = {
    "two blocks 1×1 + 2×2": block_diagonal([(1, 1), (2, 2)]),
    "two blocks 1×2 + 2×1": block_diagonal([(1, 2), (2, 1)]),
    "independent bits": independent(["1/3", "2/3"], ["1/4", "3/4"], names=["X1", "X2"]),
    "DSBS(1/10)": dsbs("1/10"),
    "Z-channel support": Distribution.from_array([["1/3", "1/3"], [0, "1/3"]], ["X1", "X2"]),
}


def gk_equals_wyner(dist):
    """(iv), exactly: C_W is squeezed to H(K) = C_GK when K mediates and H(K) = I(X1;X2);
    when H(K) < I(X1;X2) (certified), C_GK < I(X1;X2) <= C_W."""
    d = with_label(dist, component_label(dist))
    if check_on("H(K) = I(X1;X2)", d).holds:
        return check_on("I(X1;X2|K) = 0", d).holds  # then C_W <= I(X1,X2;K) = H(K)
    strictly_less = check_on("H(K) <= I(X1;X2)", d)
    if strictly_less.holds and strictly_less.margin.lo > 0:
        return False
    raise ValueError("could not decide (iv) exactly")


def equivalence():
    rows = []
    for name, d in INSTANCES.items():
        i, ii, iii = has_exact_deterministic_natural_latent(d), is_block_diagonal(d), gk_equals_mutual_information(d)
        iv = gk_equals_wyner(d)
        rows.append(f"{name}: (i)={i} (ii)={ii} (iii)={iii} (iv)={iv}")
        if not i == ii == iii == iv:
            return FiniteOutcome(Truth.VIOLATED, detail="; ".join(rows), distribution=d)
    sizes = f"{len(INSTANCES)} distributions, supports ≤ 5 cells, every partition of the support"
    return FiniteOutcome(Truth.HOLDS, detail="; ".join(rows), sizes=sizes)


def any_exact_latent_makes_the_component_label_one():
    """(i) ⇒ (ii) on every distribution with binary alphabets: if some M is an exact deterministic
    natural latent, the Gács–Körner label K (declared a common part) mediates.  Decided by
    decide_exact (z3 nlsat over support cases of P[X1, X2], no Shannon shortcut applies)."""
    r = decide_exact("I(X1;X2|K) = 0", 2, given=["I(X1;X2|M) = 0", "H(M|X1) = 0", "H(M|X2) = 0"],
                     common_parts={"K": ("X1", "X2")}, timeout=60.0)
    return FiniteOutcome(r.truth, detail=r.basis(), sizes="|X1| = |X2| = |M| = 2",
                         distribution=r.distribution)


THEOREM = Theorem(
    id="exact_natural_latent_iff_block_diagonal",
    title="When does an exact natural latent exist?",
    spec_id="T13", kind="theorem",
    reference="S7; S12; C1",
    obligations=(
        prove_that("I(X1;X2|K) = I(X1;X2) - H(K)", given=["H(K|X1) = 0", "H(K|X2) = 0"],
                   description="key identity for a common function K of X1 and X2"),
        prove_that("H(K) <= I(X1;X2)", given=["H(K|X1) = 0", "H(K|X2) = 0"],
                   description="C_GK <= I: a common function carries at most the mutual information"),
        prove_that("I(X1,X2;W) >= I(X1;X2)", given=["I(X1;X2|W) = 0"],
                   description="I <= C_W: a mediator carries at least the mutual information"),
        check_on_instances(equivalence, "(i) ⇔ (ii) ⇔ (iii) ⇔ (iv) on small instances "
                                        "(exhaustive over support partitions; (iv) from exact bounds)"),
        check_on_instances(any_exact_latent_makes_the_component_label_one,
                           "(i) ⇒ (ii) on every binary distribution: an exact deterministic natural latent M "
                           "makes the component label K mediate (decide_exact, z3)"),
    ),
    uses=("natural_latent", "deterministic_redundancy", "mediation_error"),
)
