"""Certified lower bounds for the open problems: the independent checker,
witness files, and sweeps (serial = local pool = Dask LocalCluster; resume)."""

import json
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from natlat_sym.cli import cli
from natlat_sym.errors import DistributionError, StatementError
from natlat_sym.finite.distribution import Distribution
from natlat_sym.finite.evaluate import enclosure
from natlat_sym.finite.natural import best_deterministic_latent
from natlat_sym.openproblems import fast_scores as F
from natlat_sym.openproblems.bound_checker import check_witness
from natlat_sym.openproblems.sweep import SweepConfig, run_sweep
from natlat_sym.openproblems.witness import certify, o1_witness, o2_witness, save_witness

BOUNDS = Path(__file__).resolve().parents[2] / "proofs" / "data" / "bounds"
DSBS_CELLS = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])


def dsbs_witness(p=0.11):
    sup = F.Support.from_array(np.array([[(1 - p) / 2, p / 2], [p / 2, (1 - p) / 2]]))
    _, q = F.stochastic_upper(sup, "o1", np.random.default_rng(0))
    return certify(o1_witness("o1", sup.cells, sup.mass, q))


def test_dsbs_witness_beats_the_spec_bound_and_is_recertified():
    w = dsbs_witness()
    r = check_witness(w)
    assert r.truth == "holds" and Fraction(w["claim"]) > Fraction("1.746")
    # T(DSBS(p)) = min(h(p), 1 − h(p)) = h(0.11) here; the checker's interval contains it
    h = -(0.11 * np.log2(0.11) + 0.89 * np.log2(0.89))
    assert r.t_lower <= Fraction(h) + Fraction(1, 10**12) and Fraction(h) - Fraction(1, 10**12) <= r.t_upper
    assert r.t_upper - r.t_lower < Fraction(1, 10**10)


def test_overclaiming_witness_is_violated_and_wide_claim_undecided_never_holds():
    w = dsbs_witness()
    w["claim"] = "1.9"
    assert check_witness(w).truth == "violated"
    w["claim"] = str(check_witness(dsbs_witness()).ratio_upper)  # above the lower end of the interval
    assert check_witness(w).truth in ("undecided", "violated")


def test_latent_score_matches_the_exact_evaluator():
    w = dsbs_witness()
    r = check_witness(w)
    # build P[X, V] as a Distribution and enclose the score with finite.evaluate (a different code path)
    table = {}
    for cell, p, row in zip(w["cells"], w["probabilities"], w["channel"]):
        for v, qv in enumerate(row):
            if Fraction(qv):
                table[tuple(cell) + (v,)] = Fraction(p) * Fraction(qv)
    d = Distribution.from_dict(table, ["X1", "X2", "V"])
    iv = enclosure("I(X1;X2|V) + I(V;X1|X2) + I(V;X2|X1)", d, precision=128)
    assert iv.lo <= r.s_upper and r.s_lower <= iv.hi


@settings(max_examples=12, deadline=None)
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=3, max_value=6))
def test_checker_T_agrees_with_natural_latent_search(seed, cells):
    rng = np.random.default_rng(seed)
    flat = rng.choice(9, size=cells, replace=False)
    pmf = np.zeros(9)
    pmf[flat] = rng.integers(1, 20, size=cells)
    pmf = (pmf / pmf.sum()).reshape(3, 3)
    d = Distribution.from_array(pmf, ["X1", "X2"]).to_exact(max_denominator=10**4)
    exact = np.asarray(d.pmf)
    sup_cells = np.argwhere(np.asarray(exact, dtype=float) > 0)
    probs = [str(exact[tuple(c)]) for c in sup_cells]
    w = {"format": "natlat-bound-witness", "problem": "o1", "claim": "0", "cells": sup_cells.tolist(),
         "probabilities": probs, "channel": [["1"]] * len(sup_cells)}
    r = check_witness(w)
    T = best_deterministic_latent(d).score
    assert float(r.t_lower) - 1e-9 <= T <= float(r.t_upper) + 1e-9
    assert abs(F.deterministic_score(F.Support.from_array(np.asarray(exact, dtype=float)), "o1")[0] - T) < 1e-9


@pytest.mark.parametrize("mutate,needle", [
    (lambda w: w.pop("channel"), "needs lists"),
    (lambda w: w.__setitem__("probabilities", ["1/2", "1/2", "1/4", "0"]), "positive"),
    (lambda w: w.__setitem__("channel", [["1/2", "1/3"]] * 4), "sum to exactly 1"),
    (lambda w: w.__setitem__("claim", 1.5), "not an exact rational"),
    (lambda w: w.__setitem__("format", "x"), "natlat_sym.bound_witness"),
    (lambda w: w.__setitem__("version", 2), "unknown version"),
    (lambda w: w.__setitem__("claim", "1e999999999"), "beyond the limit"),
    (lambda w: w.__setitem__("problem", "o9"), "unknown open problem"),
])
def test_bad_witnesses_get_one_line_errors(mutate, needle):
    w = dsbs_witness()
    mutate(w)
    with pytest.raises((DistributionError, StatementError), match=needle):
        check_witness(w)


def test_verify_bound_cli_exit_codes(tmp_path):
    path = tmp_path / "w.json"
    save_witness(dsbs_witness(), path)
    res = CliRunner().invoke(cli, ["verify-bound", str(path), "--json"])
    assert res.exit_code == 0 and json.loads(res.stdout)["truth"] == "holds"
    data = json.loads(path.read_text())
    data["claim"] = "3"
    path.write_text(json.dumps(data))
    assert CliRunner().invoke(cli, ["verify-bound", str(path)]).exit_code == 1
    path.write_text("{not json")
    res = CliRunner().invoke(cli, ["verify-bound", str(path)])
    assert res.exit_code == 2 and "not valid JSON" in res.stderr


def test_o2_witness_certifies_weight_above_seven_quarters():
    from natlat_sym.finite.io import load
    d = load(Path(__file__).resolve().parents[2] / "proofs" / "data"
             / "third_diagram_weight_seven_quarters_counterexample.json")
    w = certify(o2_witness(np.asarray(d.pmf, dtype=float)))
    r = check_witness(w)
    assert r.truth == "holds" and Fraction(7, 4) < Fraction(w["claim"]) <= 2


TINY = dict(problem="o1", seed=3, max_alphabet=2, samples=1, refine=1, chunks=3)


def _key(result):
    return result.best["chunk"], result.best["ratio"], result.witness["probabilities"], result.witness["channel"]


def test_sweep_same_seed_same_witness_serial_pool_and_dask_cluster():
    distributed = pytest.importorskip("distributed")
    cfg = SweepConfig(**TINY)
    serial = run_sweep(cfg)
    pool = run_sweep(cfg, workers=2)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster:
        dask = run_sweep(cfg, scheduler=cluster.scheduler_address)
    assert _key(serial) == _key(pool) == _key(dask)
    assert serial.chunks_done == pool.chunks_done == dask.chunks_done == 3
    for r in (serial, pool, dask):
        assert check_witness(r.witness).truth == "holds"


def test_interrupted_sweep_resumes_to_the_uninterrupted_result(tmp_path):
    cfg = SweepConfig(**TINY)
    ckpt = tmp_path / "ckpt.json"
    part = run_sweep(cfg, checkpoint=ckpt, stop_after=1)
    assert part.chunks_done == 1 and len(json.loads(ckpt.read_text())["finished"]) == 1
    done_before = json.loads(ckpt.read_text())["finished"]
    resumed = run_sweep(cfg, resume=ckpt)
    assert resumed.resumed == 1 and resumed.chunks_done == 3
    assert json.loads(ckpt.read_text())["finished"].items() >= done_before.items()  # not redone
    assert _key(resumed) == _key(run_sweep(cfg))
    assert check_witness(resumed.witness).truth == "holds"
    with pytest.raises(DistributionError, match="different sweep"):
        run_sweep(SweepConfig(**{**TINY, "seed": 4}), resume=ckpt)


def test_sweep_configuration_errors():
    with pytest.raises(StatementError, match="chunks"):
        SweepConfig("o1")
    with pytest.raises(StatementError, match="max_cells"):
        SweepConfig("o1", chunks=1, max_cells=12)


def test_o1_sweep_with_two_cells_is_a_one_line_error_not_a_crash():
    """Regression: ``natlat experiment o1 --max-cells 2`` exited 4 with
    ``ValueError: low >= high`` while drawing a random pattern."""
    with pytest.raises(StatementError, match="max_cells >= 3"):
        SweepConfig("o1", chunks=1, max_cells=2)
    res = CliRunner().invoke(cli, ["experiment", "o1", "--max-cells", "2", "--chunks", "1"])
    assert res.exit_code == 2 and "max_cells >= 3" in res.stderr and "Traceback" not in res.stderr
    # three cells is the least connected support using both values of each variable
    res = CliRunner().invoke(cli, ["experiment", "o1", "--max-cells", "3", "--chunks", "1", "--seed", "1",
                                   "--max-alphabet", "2", "--samples", "1", "--refine", "0"])
    assert res.exit_code == 0, res.output


@pytest.mark.parametrize("path", sorted(BOUNDS.glob("*.json")), ids=lambda p: p.name)
def test_committed_witnesses_are_certified(path):
    w = json.loads(path.read_text())
    assert check_witness(w).truth == "holds"


def test_experiment_cli_checkpoint_resume_and_bad_scheduler(tmp_path):
    ckpt, out = tmp_path / "run.json", tmp_path / "w.json"
    base = ["experiment", "o1", "--seed", "2", "--max-alphabet", "2", "--samples", "1", "--refine", "0"]
    res = CliRunner().invoke(cli, base + ["--chunks", "1", "--checkpoint", str(ckpt)])
    assert res.exit_code == 0 and "1 chunks (0 resumed)" in res.stdout
    res = CliRunner().invoke(cli, base + ["--chunks", "2", "--resume", str(ckpt), "--out", str(out), "--json"])
    data = json.loads(res.stdout)
    assert res.exit_code == 0 and data["resumed_chunks"] == 1 and data["chunks_done"] == 2
    assert check_witness(json.loads(out.read_text())).truth == "holds"
    assert "--chunks 2" in json.loads(out.read_text())["provenance"]["command"]
    res = CliRunner().invoke(cli, base + ["--chunks", "1", "--scheduler", "tcp://127.0.0.1:9"])
    assert res.exit_code == 2 and "cannot reach the Dask scheduler" in res.stderr


def test_refining_a_start_witness_never_loses_ground(tmp_path):
    w = dsbs_witness(0.1)
    start = {k: w[k] for k in ("cells", "probabilities", "channel")}
    r = run_sweep(SweepConfig("o1", seed=0, refine=2, chunks=1, start=start, start_name="w.json"))
    assert r.best["ratio"] >= float(Fraction(w["claim"])) - 1e-6
    assert r.check.truth == "holds" and "--start w.json" in r.witness["provenance"]["command"]
    path = tmp_path / "w2.json"
    save_witness(w, path)
    res = CliRunner().invoke(cli, ["experiment", "o1-max", "--chunks", "1", "--start", str(path)])
    assert res.exit_code == 2 and "not a o1-max witness" in res.stderr


def test_sweep_killed_with_sigkill_resumes_to_the_uninterrupted_witness(tmp_path):
    """A real interruption: the sweep process is SIGKILLed as soon as its
    checkpoint records a finished chunk; the checkpoint is intact (atomic
    writes) and --resume reaches the witness an uninterrupted run finds."""
    import os
    import signal
    import subprocess
    import sys
    import time

    ckpt, out_resumed, out_whole = tmp_path / "ckpt.json", tmp_path / "resumed.json", tmp_path / "whole.json"
    base = [sys.executable, "-m", "natlat_sym.cli", "experiment", "o1", "--seed", "2", "--max-alphabet", "2",
            "--samples", "1", "--refine", "0", "--chunks", "8", "--workers", "1", "--no-progress"]
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    proc = subprocess.Popen(base + ["--checkpoint", str(ckpt)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    finished = {}
    for _ in range(6000):  # poll (at most ~10 min on a loaded machine); no timing is asserted
        if proc.poll() is not None:
            break
        if ckpt.exists():
            finished = json.loads(ckpt.read_text())["finished"]  # always whole JSON: atomic writes
            if finished:
                break
        time.sleep(0.1)
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert json.loads(ckpt.read_text())["finished"].items() >= finished.items()
    resumed = subprocess.run(base + ["--resume", str(ckpt), "--out", str(out_resumed), "--json"], env=env,
                             capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert json.loads(resumed.stdout)["resumed_chunks"] >= 1
    whole = CliRunner().invoke(cli, base[3:] + ["--out", str(out_whole)])
    assert whole.exit_code == 0, whole.output
    a, b = json.loads(out_resumed.read_text()), json.loads(out_whole.read_text())
    assert (a["cells"], a["probabilities"], a["channel"]) == (b["cells"], b["probabilities"], b["channel"])
    assert check_witness(a).truth == "holds"
