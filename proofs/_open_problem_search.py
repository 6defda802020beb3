"""What the open-problem searches (O1, O2) share: float entropies of numpy
arrays and the result of a search.

Not a catalog entry (the file name starts with ``_``, so the registry skips
it).  The searches themselves live in the entries they serve:
``run_o1`` in :mod:`proofs.deterministic_score_le_const_mul_stochastic_score`,
``run_o2`` in :mod:`proofs.latent_mediates_of_natural_latents_with_third_diagram_weight`.
They give *evidence*, never a verdict.

Examples
--------
>>> import numpy as np
>>> float_cmi(np.full((2, 2), 0.25), (0,), (1,))
0.0
>>> float_cmis(np.full((2, 2), 0.25), ((0,), (1,), ()), ((0,), (0,), ()))   # I(X1;X2), I(X1;X1) = H(X1)
[0.0, 1.0]
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from natlat_sym.finite.distribution import Distribution, entropy_bits
from natlat_sym.finite.io import distribution_to_json, save

__all__ = ["ExperimentResult", "save_result", "entropy_of_axes", "float_cmi", "float_cmis"]


@dataclass(frozen=True)
class ExperimentResult:
    """Outcome of an open-problem experiment.

    Attributes
    ----------
    problem : str ("O1" or "O2")
    best_ratio : float
        Best ratio found (evidence only).
    distribution : Distribution
        The distribution attaining it.
    seconds : float
    seed : int
    evaluations : int
        Candidate distributions scored.
    detail : str
    values : dict
        Named quantities at the best distribution (bits).
    """

    problem: str
    best_ratio: float
    distribution: Distribution
    seconds: float
    seed: int
    evaluations: int = 0
    detail: str = ""
    values: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"problem": self.problem, "best_ratio": self.best_ratio, "seconds": round(self.seconds, 3),
                "seed": self.seed, "evaluations": self.evaluations, "detail": self.detail,
                "values": dict(self.values), "distribution": distribution_to_json(self.distribution)}


def save_result(result: ExperimentResult, path) -> None:
    """Write the attaining distribution as a distribution file (JSON)."""
    save(result.distribution, path)


def entropy_of_axes(joint: np.ndarray, axes) -> float:
    """``H`` (bits, float) of the axes ``axes`` of the array ``joint``."""
    drop = tuple(i for i in range(joint.ndim) if i not in axes)
    return entropy_bits(joint.sum(axis=drop).ravel()) if drop else entropy_bits(joint.ravel())


def float_cmi(joint, a, b, c=()) -> float:
    """``I(a;b|c)`` (bits, float) for axis tuples of the array ``joint``."""
    return float_cmis(joint, (a, b, c))[0]


def float_cmis(joint, *terms) -> list[float]:
    """``[I(a;b|c) for (a, b, c) in terms]`` (bits, float) of one array, each
    distinct marginal entropy computed once.

    The search objectives ask for several conditional mutual informations
    of the same array, which share most of their entropies (the five O2
    terms need 12 distinct marginals, not 20).  :func:`float_cmi` is the
    one-term case.
    """
    cache: dict = {}

    def h(axes) -> float:
        key = frozenset(axes)
        if key not in cache:
            cache[key] = entropy_of_axes(joint, axes)
        return cache[key]

    out = []
    for a, b, c in terms:
        a, b, c = tuple(a), tuple(b), tuple(c)
        out.append(h(a + c) + h(b + c) - h(a + b + c) - (h(c) if c else 0.0))
    return out
