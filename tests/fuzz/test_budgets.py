"""One time budget for every phase (issue 9, item 1) and the open-problem
outputs' formats (issue 11, item 5).

No test here measures time: a spent budget is made with
``time_budget(0)``, and how far past its budget each command answers is
measured in ``bench/bench_budgets.py``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from natlat_sym import formats, z3_backend
from natlat_sym.cli import cli
from natlat_sym.errors import BudgetExceeded
from natlat_sym.limits import check_time, time_budget, time_left

ROOT = Path(__file__).resolve().parents[2]


def test_budgets_nest_and_only_shorten():
    assert time_left() is None
    with time_budget(100):
        with time_budget(1000):
            assert time_left() <= 100  # the outer deadline wins
        with time_budget(0):
            assert time_left() == 0
            with pytest.raises(BudgetExceeded, match="during the test"):
                check_time("the test")
        check_time()  # the outer budget is not spent
    assert time_left() is None
    check_time()  # outside any budget: never raises


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), "5"])
def test_a_budget_must_be_a_finite_number(bad):
    with pytest.raises(ValueError, match="finite number of seconds"):
        with time_budget(bad):
            pass


def test_z3_answers_unknown_once_the_callers_budget_is_spent():
    problem = [(z3_backend.linear({"x": 1}, -1), ">=")]
    assert z3_backend.solve(problem).status == "sat"
    with time_budget(0):
        r = z3_backend.solve(problem, timeout=60)
    assert r.status == "unknown" and "budget" in r.reason


def test_search_with_a_spent_budget_finds_nothing_and_says_so():
    from natlat_sym.finite.search import find_counterexample

    with time_budget(0):  # ten variables: 10! network orders would take minutes
        r = find_counterexample("I(X1;X2) <= I(X1;X2|X3) + I(X4;X5|X6) + I(X7;X8|X9,X10)", budget_seconds=60)
    assert not r.found and r.distribution is None and r.truth == "undecided"


def test_decide_with_a_spent_budget_is_undecided():
    from natlat_sym.finite.decide import decide_exact

    with time_budget(0):
        r = decide_exact("I(X;Y,Z) = 0", 2, given=["I(X;Y|Z) = 0", "I(X;Z|Y) = 0"], shannon=False)
    assert r.truth == "undecided"


def test_a_chunk_cut_by_the_budget_is_a_candidate_but_never_checkpointed(tmp_path):
    import numpy as np

    from natlat_sym.openproblems.problems import get_problem
    from natlat_sym.openproblems.sweep import SweepConfig, _load_checkpoint, _o1_chunk, _save_checkpoint

    cfg = SweepConfig("o1", chunks=2)
    rng = np.random.default_rng([0, 0])
    with time_budget(0):
        cut = _o1_chunk(cfg, get_problem("o1"), 0, [[0, 0], [1, 1], [0, 1]], rng)
    assert cut["truncated"] and cut["evaluations"] == 1 and cut["ratio"] >= 0
    whole = {**cut, "chunk": 1}
    del whole["truncated"]
    path = tmp_path / "run.json"
    _save_checkpoint(path, cfg, {0: cut, 1: whole})
    data = json.loads(path.read_text())
    assert formats.validate(data) == "sweep_checkpoint" and list(data)[:2] == ["format", "version"]
    assert set(_load_checkpoint(path, cfg)) == {1}


def test_experiment_outputs_are_tagged_and_valid(tmp_path):
    run = CliRunner()
    out, ckpt = tmp_path / "w.json", tmp_path / "c.json"
    result = run.invoke(cli, ["experiment", "o1", "--chunks", "1", "--samples", "1", "--refine", "0", "--json",
                              "--out", str(out), "--checkpoint", str(ckpt)], catch_exceptions=False)
    doc = json.loads(result.stdout)
    assert result.exit_code in (0, 3) and formats.validate(doc) == "experiment_result"
    assert formats.validate(json.loads(ckpt.read_text())) == "sweep_checkpoint"
    witness = json.loads(out.read_text())
    assert formats.validate(witness) == "bound_witness" and witness["version"] == 1
    result = run.invoke(cli, ["verify-bound", str(out), "--json"], catch_exceptions=False)
    check = json.loads(result.stdout)
    assert formats.validate(check) == "bound_check" and check["truth"] in ("holds", "undecided")
    assert result.exit_code == (0 if check["truth"] == "holds" else 3)


def test_committed_legacy_witnesses_are_still_read_and_valid():
    legacy = json.loads((ROOT / "proofs" / "data" / "bounds" / "o1.json").read_text())
    assert formats.validate(legacy) == "bound_witness"
    assert formats.canonical_format(["not", "a", "name"]) == ["not", "a", "name"]  # was a TypeError (fuzz)


def test_the_watchdog_answers_json_under_json():
    code = ("import time\nfrom natlat_sym.cli._common import hard_deadline\n"
            "with hard_deadline(0.1, as_json=True):\n    time.sleep(60)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.returncode == 3
    doc = json.loads(proc.stdout)
    assert formats.validate(doc) == "error" and doc["error"]["code"] == 3 and doc["error"]["kind"] == "unknown"


def test_dag_enumeration_and_naturality_stop_at_a_spent_budget():
    import numpy as np

    from natlat_sym.diagrams import enumerate_dags
    from natlat_sym.finite.distribution import Distribution
    from natlat_sym.finite.natural import best_stochastic_latent

    with time_budget(0):
        with pytest.raises(BudgetExceeded, match="DAGs"):
            sum(1 for _ in enumerate_dags(6))  # 3^15 edge states
        d = Distribution.from_array(np.full((2, 2), 0.25), ["X1", "X2"])
        with pytest.raises(BudgetExceeded, match="time budget exhausted during the partitions"):
            best_stochastic_latent(d)
    assert sum(1 for _ in enumerate_dags(3)) == 25  # no budget: unchanged


def test_batched_evaluation_stops_at_a_spent_budget():
    from natlat_sym.finite.batched import DistributionBatch

    batch = DistributionBatch.random([2, 2], 3, seed=0)
    with time_budget(0):
        with pytest.raises(BudgetExceeded, match="batched entropies"):
            batch.evaluate("I(X0;X1)")
    assert batch.evaluate("I(X0;X1)").shape == (3,)


def test_every_public_error_class_is_exported_from_the_package():
    import natlat_sym
    from natlat_sym import errors

    for name in errors.__all__:
        assert getattr(natlat_sym, name) is getattr(errors, name) and name in natlat_sym.__all__
    assert issubclass(natlat_sym.FileError, natlat_sym.NatLatError)
