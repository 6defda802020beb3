"""``check_catalog(jobs=N)`` gives the serial run's report (up to measured times)."""

import json
import re

import pytest
from click.testing import CliRunner

from natlat_sym.catalog import check_catalog, load_catalog
from natlat_sym.catalog.run import default_jobs
from natlat_sym.cli import cli
from natlat_sym.errors import CatalogError

# cheap entries of every status that is quick to reach: certified, tight, refuted, checked
IDS = ["natural_latent", "mutual_info_le_of_markov_chain", "not_marginal_error_le_of_splicing_out_node",
       "translatable_of_natural_latent", "third_diagram"]

_SECONDS = re.compile(r"\d+(\.\d+)? s\b")


def _without_times(obj):
    """The report with every measured time removed (they differ between any two runs)."""
    if isinstance(obj, dict):
        return {k: _without_times(v) for k, v in obj.items() if k != "seconds"}
    if isinstance(obj, list):
        return [_without_times(v) for v in obj]
    if isinstance(obj, str):
        return _SECONDS.sub("<t> s", obj)
    return obj


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def serial(catalog):
    return check_catalog(catalog, ids=IDS, jobs=1)


def test_parallel_report_equals_serial(catalog, serial):
    seen = []
    par = check_catalog(catalog, ids=IDS, jobs=2, progress=lambda k, n, r: seen.append((k, n, r.id)))
    assert [r.id for r in par.reports] == IDS  # specification (request) order, not finishing order
    assert _without_times(par.to_json()) == _without_times(serial.to_json())
    assert [r.status for r in par.reports] == [r.status for r in serial.reports]
    assert par.counts() == serial.counts()
    # progress: once per entry, counting up, every entry reported once
    assert [k for k, _, _ in seen] == list(range(1, len(IDS) + 1))
    assert {n for _, n, _ in seen} == {len(IDS)}
    assert sorted(i for _, _, i in seen) == sorted(IDS)


def test_more_jobs_than_entries(catalog, serial):
    par = check_catalog(catalog, ids=IDS[:2], jobs=8)
    assert _without_times(par.to_json()) == _without_times(serial.to_json()[:2])


def test_jobs_must_be_positive(catalog):
    with pytest.raises(CatalogError, match="jobs"):
        check_catalog(catalog, ids=IDS[:2], jobs=0)
    assert default_jobs() >= 1


def test_cli_jobs_json_equals_serial():
    runner = CliRunner()
    one = runner.invoke(cli, ["check", *IDS[:3], "--json", "--jobs", "1"])
    two = runner.invoke(cli, ["check", *IDS[:3], "--json", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0, (one.output, two.output)
    a, b = json.loads(one.output), json.loads(two.output)
    assert [e["id"] for e in b["entries"]] == IDS[:3]
    assert _without_times(a) == _without_times(b)
    bad = runner.invoke(cli, ["check", IDS[0], "--jobs", "0"])
    assert bad.exit_code == 2


def test_expected_cost_orders_the_parallel_run_only():
    """An obligation's expected_cost overrides its kind's default when the
    workers pick entries (costliest first); a refutation with its own
    distribution counts as cheap.  The hint is not part of any report."""
    from natlat_sym.catalog import Theorem, check_on_instances, prove_that, refute_that
    from natlat_sym.catalog.run import _expected_cost
    from natlat_sym.catalog.theorem import FiniteOutcome, check_theorem
    from natlat_sym.finite.families import xor

    def ok():
        return FiniteOutcome("holds")

    def entry(*obligations):
        return Theorem(id="some_claim_of_test", title="t", spec_id="T99", kind="theorem", reference="test",
                       obligations=obligations)

    plain, hinted = check_on_instances(ok, "d"), check_on_instances(ok, "d", expected_cost=100)
    assert _expected_cost(entry(plain)) == 20 and _expected_cost(entry(hinted)) == 100
    assert _expected_cost(entry(refute_that("I(X1;X2) <= I(X1;X2|X3)", witness=xor()))) == 1
    assert _expected_cost(entry(refute_that("I(X1;X2) <= I(X1;X2|X3)"))) == 10
    a, b = check_theorem(entry(prove_that("I(X;Y) >= 0"), plain)), check_theorem(entry(prove_that("I(X;Y) >= 0"), hinted))
    assert _without_times(a.to_json()) == _without_times(b.to_json())
    heavy = max(load_catalog().theorems, key=_expected_cost)
    assert heavy.id == "exact_deterministic_of_exact_stochastic_natural_latent"
