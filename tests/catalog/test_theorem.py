"""Obligations, computed status, honest failures, JSON."""

import json
import time
from fractions import Fraction

import pytest

from natlat_sym.catalog import (FiniteOutcome, Obligation, ObligationResult, Status, Theorem, check_catalog,
                                check_on_instances, check_theorem, compute_status, experiment, holds_on,
                                load_catalog, not_provable_that, prove_that, refute_that, tight_constants,
                                violated_on)
from natlat_sym.errors import CatalogError
from natlat_sym.finite.families import xor
from natlat_sym.verdicts import Verdict


def entry(*obligations, kind="theorem", id="some_claim_of_test"):
    return Theorem(id=id, title="Test entry", spec_id="T99", kind=kind, reference="test",
                   obligations=obligations)


def result(kind, ok=True, supporting=False, outcome="x"):
    return ObligationResult(kind, "d", "e", outcome, ok, supporting=supporting)


@pytest.mark.parametrize("kinds, kind, expected", [
    (["prove"], "theorem", Status.CERTIFIED),
    (["prove", "tight"], "theorem", Status.TIGHT),
    (["tight"], "theorem", Status.TIGHT),
    (["prove", "finite"], "theorem", Status.CHECKED),
    (["finite"], "theorem", Status.CHECKED),
    (["experiment"], "open", Status.OPEN),
    (["prove", "experiment"], "theorem", Status.OPEN),
    (["refute"], "theorem", Status.REFUTED),
    (["refute", "prove"], "negative", Status.REFUTED),
])
def test_compute_status(kinds, kind, expected):
    outcome = {"refute": Verdict.REFUTED, "prove": Verdict.PROVED}
    assert compute_status(kind, [result(k, outcome=outcome.get(k, "x")) for k in kinds])[0] is expected


@pytest.mark.parametrize("kind", ["negative", "theorem"])
def test_a_polymatroid_alone_is_not_provable_never_refuted(kind):
    # issue 8: a negative result whose evidence is only a cone point
    only_cone = result("refute", outcome=Verdict.NOT_PROVABLE)
    assert compute_status(kind, [only_cone])[0] is Status.NOT_PROVABLE
    assert compute_status(kind, [result("prove", outcome=Verdict.NOT_PROVABLE)])[0] is Status.NOT_PROVABLE
    with_distribution = result("refute", outcome=Verdict.REFUTED)
    assert compute_status(kind, [only_cone, with_distribution])[0] is Status.REFUTED


def test_not_provable_obligation_runs_the_prover(monkeypatch):
    import natlat_sym.proving as prover

    zy = "2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)"
    r = check_theorem(entry(not_provable_that(zy), kind="negative"))
    assert r.status is Status.NOT_PROVABLE and r.results[0].outcome == Verdict.NOT_PROVABLE
    assert r.results[0].witness is not None and r.results[0].distribution is None
    # the same claim as a refutation (false) must FAIL: the cone point is not a
    # distribution.  Zhang–Yeung is true, so no distribution can ever be
    # attached: skip the (slow, necessarily fruitless) realisation attempt.
    monkeypatch.setattr(prover, "realize_counterexample", lambda *a, **k: None)
    bad = check_theorem(entry(refute_that(zy), kind="negative"))
    assert bad.status is Status.FAILING and bad.results[0].outcome == Verdict.NOT_PROVABLE


def test_supporting_checks_do_not_lower_the_status():
    rs = [result("prove"), result("tight"), result("finite", supporting=True), result("refute", supporting=True)]
    assert compute_status("theorem", rs)[0] is Status.TIGHT


def test_any_failed_obligation_makes_failing_with_reason():
    rs = [result("prove"), ObligationResult("prove", "I(X;Y) <= 0", "proved", "refuted", False, detail="why")]
    status, reason = compute_status("theorem", rs)
    assert status is Status.FAILING and "I(X;Y) <= 0: refuted — why" in reason


def test_prove_and_refute_run_and_compute_uses():
    t = entry(prove_that("I(X;Z) <= I(X;Y)", given=["markov: I(X;Z|Y) = 0", "spare: I(X;Y) <= 5"]),
              refute_that("I(X;Y|Z) <= I(X;Y)", witness=xor(names=("X", "Y", "Z")), supporting=True))
    r = check_theorem(t)
    assert r.status is Status.CERTIFIED and r.ok
    assert r.uses_computed == ("markov",)
    assert r.results[1].outcome == "refuted" and r.results[1].distribution is not None
    assert "violated" in r.results[1].detail
    data = json.loads(json.dumps(r.to_json()))
    assert data["id"] == "some_claim_of_test" and data["status"] == "certified"
    assert {"seconds", "ok", "title", "obligations"} <= set(data)


def test_false_statement_is_failing_not_a_crash():
    r = check_theorem(entry(prove_that("I(X;Y) <= I(X;Y|Z)")))
    assert r.status is Status.FAILING
    assert r.results[0].outcome == "refuted" and r.results[0].witness is not None
    assert "expected proved, prover says refuted" in r.reason


def test_refuting_a_true_statement_fails():
    r = check_theorem(entry(refute_that("I(X;Y) >= 0")))
    assert r.status is Status.FAILING and r.results[0].outcome == "proved"


def test_refute_with_a_distribution_that_satisfies_it_fails():
    r = check_theorem(entry(refute_that("I(X1;X2) <= I(X1;X2|X3)", witness=xor())))
    assert r.status is Status.FAILING and r.results[0].outcome == "holds"


def test_tight_constants_confirmed():
    r = check_theorem(entry(tight_constants("I(X;Y) <= c*H(X)", c=1)))
    assert r.status is Status.TIGHT
    assert r.results[0].values == {"c": Fraction(1)}


def test_tight_constants_wrong_claim_is_corrected():
    r = check_theorem(entry(tight_constants("I(X;Y) <= c*H(X)", c=2)))
    assert r.status is Status.FAILING
    assert r.results[0].outcome == "corrected"
    assert "c: claimed 2, least is 1" in r.results[0].detail


def test_tight_constants_too_small_claim_is_corrected():
    r = check_theorem(entry(tight_constants("I(X;Y) <= c*H(X)", c="1/2")))
    assert r.status is Status.FAILING and r.results[0].outcome == "corrected"


def test_tight_constants_bad_input():
    with pytest.raises(CatalogError, match="is a float"):
        tight_constants("I(X;Y) <= c*H(X)", c=0.5)
    with pytest.raises(CatalogError, match="'d' is not a free coefficient"):
        tight_constants("I(X;Y) <= c*H(X)", d=1)
    with pytest.raises(CatalogError, match="needs the claimed least values"):
        tight_constants("I(X;Y) <= c*H(X)")


def test_crashing_check_is_failing_with_reason():
    r = check_theorem(entry(check_on_instances(lambda: 1 / 0, "divides by zero")))
    assert r.status is Status.FAILING
    assert r.results[0].outcome == "error" and "ZeroDivisionError" in r.results[0].detail


def test_timeout_is_failing():
    def slow():
        time.sleep(0.05)
        return FiniteOutcome("holds")

    r = check_theorem(entry(check_on_instances(slow, "slow")), timeout=0.01)
    assert r.status is Status.FAILING and r.results[0].outcome == "timeout"


def test_finite_checks_and_experiments():
    d = xor()
    ok = check_theorem(entry(check_on_instances(lambda: holds_on("I(X1;X2|X3) = 1", [d]), "xor")))
    assert ok.status is Status.CHECKED
    bad = check_theorem(entry(check_on_instances(lambda: holds_on("I(X1;X2|X3) = 0", [d]), "xor")))
    assert bad.status is Status.FAILING and bad.results[0].distribution is d
    viol = check_theorem(entry(check_on_instances(lambda: violated_on("I(X1;X2|X3) <= I(X1;X2)", d), "v",
                                                  expect="violated"), kind="negative"))
    assert viol.status is Status.REFUTED
    ex = check_theorem(entry(experiment(lambda: FiniteOutcome("evidence", value=1.5), "e"), kind="open"))
    assert ex.status is Status.OPEN and ex.results[0].values == {"value": 1.5}


def test_vacuous_truth_does_not_count():
    out = holds_on("I(X1;X2) = 1 => I(X1;X2|X3) = 0", [xor()])
    assert out.verdict == "vacuous"
    assert holds_on("I(X1;X2) = 1 => I(X1;X2|X3) = 0", [xor()], allow_vacuous=True).verdict == "holds"


def test_bad_finite_return_value():
    r = check_theorem(entry(check_on_instances(lambda: "yes", "returns text")))
    assert r.status is Status.FAILING and "return a FiniteOutcome" in r.results[0].detail


@pytest.mark.parametrize("kw, message", [
    (dict(id="Bad-Id"), "snake_case"),
    (dict(id="theorem_2"), "no numeric suffix"),
    (dict(id="mediator_prime"), "no numeric suffix or 'prime'"),
    (dict(spec_id="t4"), "spec_id must look like"),
    (dict(kind="lemma"), "kind must be one of"),
    (dict(obligations=()), "at least one obligation"),
    (dict(obligations=("I(X;Y) >= 0",)), "is a str, not an Obligation"),
    (dict(title=""), "needs a title"),
])
def test_theorem_validation(kw, message):
    base = dict(id="ok_id", title="t", spec_id="T1", kind="theorem", reference="r",
                obligations=(prove_that("I(X;Y) >= 0"),))
    base.update(kw)
    with pytest.raises(CatalogError, match=message):
        Theorem(**base)


def test_obligation_validation():
    with pytest.raises(CatalogError, match="kind must be one of"):
        Obligation("guess", "d")
    with pytest.raises(CatalogError, match="needs a callable"):
        Obligation("finite", "d")
    with pytest.raises(CatalogError, match="needs a statement"):
        Obligation("prove", "d")
    with pytest.raises(CatalogError, match="expected statement text"):
        prove_that(42)
    with pytest.raises(CatalogError, match="expects a Theorem"):
        check_theorem("mediation_error")


def test_derivation_is_lazy_and_available():
    r = check_theorem(entry(prove_that("H(X|Y) <= H(X)")))
    d = r.results[0].derivation
    assert d is None or "H(X" in d.text()
    assert r.results[0].to_json()["derivation"] is None


def test_check_catalog_report_shape():
    cat = load_catalog()
    seen = []
    rep = check_catalog(cat, ids=["mediation_error", "third_diagram"], progress=lambda k, n, r: seen.append((k, n, r.id)))
    assert seen == [(1, 2, "mediation_error"), (2, 2, "third_diagram")]
    assert rep.ok and rep.counts() == {"certified": 2}
    rows = json.loads(json.dumps(rep.to_json()))
    assert [r["id"] for r in rows] == ["mediation_error", "third_diagram"]
    assert all({"id", "status", "seconds"} <= set(r) for r in rows)
    assert rep.rows()[0][:2] == ("D1", "mediation_error") and "2 entries" in rep.summary()
    with pytest.raises(CatalogError, match="unknown theorem id"):
        check_catalog(cat, ids=["no_such_entry"])
