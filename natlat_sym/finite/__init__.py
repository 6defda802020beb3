"""Finite instances: concrete joint distributions and their information values.

Theorems about all distributions are half the story; this subpackage holds
the other half — concrete finite distributions on which statements are
evaluated (float, exact closed form, certified enclosure), searched and
optimised.

Modules
-------
distribution  :class:`Distribution`, an immutable joint pmf over named variables
families      standard families: DSBS(p), noisy copies, XOR/parity, erasure, ...
io            the JSON file format; atomic load/save
evaluate      information values three ways and certified verdicts (:func:`check_on`)
batched       many distributions at once (vectorised entropies)
"""

from natlat_sym.finite.batched import DistributionBatch, evaluate_batch
from natlat_sym.finite.distribution import DEFAULT_TOLERANCE, Distribution
from natlat_sym.finite.evaluate import (
    ExactValue,
    HypothesisStatus,
    InstanceVerdict,
    Interval,
    check_on,
    closed_form,
    decide_sign,
    enclosure,
    exact_entropy,
    exact_value,
    float_value,
)
from natlat_sym.finite.families import (
    binary_erasure,
    block_diagonal,
    dsbs,
    noisy_copies,
    parity,
    product,
    uniform,
    xor,
)
from natlat_sym.finite.io import load, save

__all__ = [
    "Distribution", "DEFAULT_TOLERANCE",
    "DistributionBatch", "evaluate_batch",
    "ExactValue", "HypothesisStatus", "InstanceVerdict", "Interval",
    "check_on", "closed_form", "decide_sign", "enclosure", "exact_entropy", "exact_value", "float_value",
    "binary_erasure", "block_diagonal", "dsbs", "noisy_copies", "parity", "product", "uniform", "xor",
    "load", "save",
]

# ---------------------------------------------------------------------------
# Section owned by the solver/search/optimizer helper (items 4, 5, 6, 9):
# add your re-exports BELOW this line (and extend __all__ with +=).
# Do not edit the section above; its owner edits only above this line.
# ---------------------------------------------------------------------------
from natlat_sym.finite.common_information import (  # noqa: E402
    exact_common_information, gacs_korner, wyner_common_information)
from natlat_sym.finite.decide import ExactDecision, decide_exact  # noqa: E402
from natlat_sym.finite.instance_check import (  # noqa: E402
    check_exact_on_alphabets)
from natlat_sym.finite.natural import (  # noqa: E402
    best_deterministic_latent, best_stochastic_latent, error_frontier, naturality_report)
from natlat_sym.finite.realize import realize_witness  # noqa: E402
from natlat_sym.finite.search import find_counterexample  # noqa: E402

__all__ += [
    "find_counterexample", "realize_witness", "check_exact_on_alphabets",
    "gacs_korner", "wyner_common_information",
    "exact_common_information", "best_deterministic_latent", "best_stochastic_latent",
    "error_frontier", "naturality_report", "decide_exact", "ExactDecision",
]
