"""Every registered catalog entry checks: its status is computed by running
its obligations and must not be FAILING.  The docs link each entry to its
``test_theorem_checks[<id>]`` node."""

import pytest

from natlat_sym.catalog import Status, check_theorem, load_catalog

CATALOG = load_catalog()


@pytest.mark.parametrize("theorem_id", CATALOG.ids())
def test_theorem_checks(theorem_id):
    report = check_theorem(CATALOG.get(theorem_id))
    assert report.ok, report.reason
    assert report.status is not Status.FAILING
    assert len(report.results) == len(CATALOG.get(theorem_id).obligations)


def test_every_spec_theorem_of_this_catalog_is_present():
    spec_ids = {t.spec_id for t in CATALOG}
    wanted = {f"T{i}" for i in (*range(1, 17), 19, 20, 23)} | {f"D{i}" for i in range(1, 9)}
    assert wanted <= spec_ids, sorted(wanted - spec_ids)


def test_declared_uses_name_catalog_entries():
    for t in CATALOG:
        for u in (*t.uses, *t.proof_uses):
            assert u in CATALOG
