"""What a ``refute`` obligation rests on, and that the realiser it skips still works.

A refutation with its own distribution rests on that distribution, checked
exactly on every run; the prover then only confirms that no Shannon-type
proof exists and is not asked to realise a second distribution (the
expensive part of ``natlat check`` before).  Without a stored distribution
the prover's realiser is the evidence, as before.  The realiser must still
find the O2b counterexamples on its own, so the stored one is not the only
evidence that the code works.
"""

from pathlib import Path

import natlat_sym.proving as prover
from natlat_sym import prove
from natlat_sym.catalog import Status, Theorem, check_theorem, load_catalog, refute_that
from natlat_sym.finite.evaluate import check_on
from natlat_sym.finite.families import xor
from natlat_sym.finite.io import load
from natlat_sym.verdicts import Truth, Verdict

_PROOFS = Path(__file__).resolve().parents[2] / "proofs"
_T3 = "I(G;X1,X2|L) <= I(X1;X2|L) + I(G;X1|X2) + I(G;X2|X1) + {c}*I(L;G|X1,X2)"


def entry(*obligations):
    return Theorem(id="some_claim_of_test", title="Test entry", spec_id="T99", kind="negative",
                   reference="test", obligations=obligations)


def _no_realiser(*args, **kwargs):
    raise AssertionError("the realiser ran although the obligation has its own distribution")


def test_a_stored_distribution_that_satisfies_the_statement_fails():
    r = check_theorem(entry(refute_that("I(X1;X2) <= 0", given=["I(X1;X3) = 0", "I(X2;X3) = 0"],
                                        witness=xor(names=("X1", "X2", "X3")))))
    # XOR: X1, X2, X3 pairwise independent, so I(X1;X2) = 0 and the statement holds there
    assert r.status is Status.FAILING and r.results[0].outcome == Truth.HOLDS


def test_stored_distribution_is_the_evidence_and_the_realiser_is_skipped(monkeypatch):
    monkeypatch.setattr(prover, "realize_counterexample", _no_realiser)
    swapped = refute_that("I(X1;X2,X3) <= 0", given=["I(X1;X2) = 0", "I(X1;X3) = 0"],
                          witness=xor(names=("X1", "X2", "X3")))
    r = check_theorem(entry(swapped))
    assert r.status is Status.REFUTED, r.reason
    res = r.results[0]
    assert res.outcome == Verdict.REFUTED and res.distribution is swapped.witness
    assert "distribution: violated" in res.detail and "prover: not_provable" in res.detail
    assert res.witness is not None  # the prover's checked cone point


def test_without_a_stored_distribution_the_realiser_is_the_evidence(monkeypatch):
    calls = []
    real = prover.realize_counterexample

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(prover, "realize_counterexample", counting)
    r = check_theorem(entry(refute_that("I(X1;X2,X3) <= 0", given=["I(X1;X2) = 0", "I(X1;X3) = 0"])))
    assert calls and r.status is Status.REFUTED
    d = r.results[0].distribution
    assert d is not None
    assert check_on(("I(X1;X2,X3) <= 0", ["I(X1;X2) = 0", "I(X1;X3) = 0"]), d).verdict == Truth.VIOLATED


def test_a_stored_distribution_does_not_hide_a_proof(monkeypatch):
    monkeypatch.setattr(prover, "realize_counterexample", _no_realiser)
    # a true statement with a "witness" on which it holds: the prover proves it, the obligation fails
    r = check_theorem(entry(refute_that("I(X1;X2) >= 0", witness=xor())))
    assert r.status is Status.FAILING and r.results[0].outcome == Verdict.PROVED


def test_the_realiser_still_finds_the_o2b_counterexample():
    """The search the catalog check no longer repeats: from the prover's cone
    point alone it still reaches a distribution violating T3 with weight 7/4
    (re-checked here by the certified evaluator)."""
    statement = _T3.format(c="7/4")
    r = prove(statement)
    assert r.verdict == Verdict.REFUTED and r.distribution is not None
    v = check_on(statement, r.distribution)
    assert v.verdict == Truth.VIOLATED and not v.vacuous


def test_o2b_stored_counterexample_is_rechecked_in_the_catalog():
    stored = load(_PROOFS / "data" / "third_diagram_weight_seven_quarters_counterexample.json")
    report = check_theorem(load_catalog().get(
        "not_latent_mediates_of_natural_latents_with_third_diagram_weight_below_two"))
    assert report.status is Status.REFUTED
    for res in report.results:
        assert res.outcome == Verdict.REFUTED and res.distribution == stored
        assert res.detail.startswith("distribution: violated")
