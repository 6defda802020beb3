"""Each R-series / T22 / O1 / O2 proof module checks with its expected status."""

import pytest

from natlat_sym.catalog import Status, check_theorem, load_catalog

EXPECTED = {
    "diagram_error_eq_of_rerooting": Status.CHECKED,
    "joint_independence_of_pairwise_isolation": Status.CHECKED,
    "frankenstein_error_le_sum": Status.CHECKED,
    "not_frankenstein_error_le_sum_of_unordered_diagrams": Status.REFUTED,
    "diagram_error_le_kl_of_factorization": Status.CHECKED,
    "stitched_error_le_sum_of_shared_blanket": Status.CHECKED,
    "error_le_of_factorization_implication": Status.CHECKED,
    "marginal_error_le_of_marginalization": Status.CHECKED,
    "not_marginal_error_le_of_splicing_out_node": Status.REFUTED,
    "determinism_iff_self_loop_diagram": Status.CERTIFIED,
    "dangly_bit_error_le_sum_of_determination": Status.CHECKED,
    "natural_latent_not_robust_of_tiny_mixture": Status.REFUTED,
    "deterministic_score_le_const_mul_stochastic_score": Status.OPEN,
    "latent_mediates_of_natural_latents_with_third_diagram_weight": Status.OPEN,
    "not_latent_mediates_of_natural_latents_with_third_diagram_weight_below_two": Status.REFUTED,
}


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.mark.parametrize("theorem_id", sorted(EXPECTED))
def test_rule_module_status(catalog, theorem_id):
    report = check_theorem(catalog.get(theorem_id))
    assert report.status is EXPECTED[theorem_id], report.reason
