"""Seeded, chunked, resumable sweeps for the open problems (local pool or Dask).

The work of a sweep is a sequence of **chunks** numbered 0, 1, 2, ….  Chunk
``i`` depends only on the :class:`SweepConfig` and ``i`` (its random numbers
come from ``numpy.random.default_rng([seed, i])``), so the same seed and the
same ``chunks`` give the same best witness whether chunks run in this
process, on a local process pool or on a Dask cluster, in any order.

Strategies, by chunk number
---------------------------
* **exhaustive**: chunks ``0 .. E−1`` take the ``E`` support patterns up to
  symmetry (:func:`~natlat_sym.openproblems.patterns.canonical_patterns`),
  one each, and sample ``samples`` mass vectors on it;
* **random restarts**: later chunks draw a random pattern and masses;
* **local refinement**: every chunk then hill-climbs the masses of its best
  candidate for ``refine`` steps (gradient and random steps, warm-starting
  the latent search) and polishes its latent; at the end the three best
  candidates are refined further; with a ``start`` witness (``--start
  FILE``) every chunk refines that witness instead.

Scores are floats (:mod:`~natlat_sym.openproblems.fast_scores`); the best
candidate over all chunks becomes a witness only after the independent
checker (:mod:`~natlat_sym.openproblems.bound_checker`) certifies it.

A **checkpoint** (JSON, written atomically after every finished chunk) holds
the configuration and every finished chunk's result; resuming skips them.

Examples
--------
>>> cfg = SweepConfig("o1", seed=1, max_alphabet=2, samples=2, refine=2, chunks=2)
>>> r = run_sweep(cfg)
>>> r.chunks_done, r.best["ratio"] > 1, r.check.truth
(2, True, 'holds')
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

import numpy as np

from ..errors import DistributionError, StatementError
from ..files import read_json, write_file
from ..formats import canonical_format, format_name, tagged
from ..limits import time_budget, time_left
from . import fast_scores as F
from .bound_checker import check_witness
from .patterns import canonical_patterns, is_connected
from .problems import get_problem
from .witness import certify, o1_witness, o2_witness

__all__ = ["SweepConfig", "SweepResult", "run_chunk", "run_sweep", "CHECKPOINT_FORMAT"]

CHECKPOINT_FORMAT = format_name("sweep_checkpoint")  # legacy files: "natlat-sweep-checkpoint"


@dataclass(frozen=True)
class SweepConfig:
    """What a sweep computes (everything that changes a chunk's result).

    ``chunks`` (a number of chunks) and ``budget`` (seconds) only say when to
    stop and are not part of a chunk's identity, so a resumed sweep may
    extend them.  ``budget`` bounds the search *and* the polish: in this
    process (``workers=1``) a chunk still running at the deadline stops
    refining and is kept as a candidate marked ``truncated`` (never saved as
    a finished chunk in a checkpoint); chunks on other processes finish.
    Certifying the best candidate follows the budget (a fraction of a
    second; measured in ``bench/bench_budgets.py``)."""

    problem: str = "o1"
    seed: int = 0
    max_alphabet: int = 3
    max_cells: int = 9
    samples: int = 6
    refine: int = 12
    chunks: int | None = None
    budget: float | None = None
    start: dict | None = None
    start_name: str | None = None

    def __post_init__(self):
        p = get_problem(self.problem)
        object.__setattr__(self, "problem", p.name)
        if self.start is not None and (p.kind != "o1" or not all(k in self.start for k in ("cells", "probabilities",
                                                                                              "channel"))):
            raise StatementError("sweep: a start witness must be an O1 witness (cells, probabilities, channel)")
        if self.max_alphabet < 2 or self.max_cells < 2 or self.samples < 1 or self.refine < 0:
            raise StatementError("sweep: max_alphabet >= 2, max_cells >= 2, samples >= 1 and refine >= 0 required")
        if self.max_cells > F.MAX_EXHAUSTIVE_CELLS:
            raise StatementError(f"sweep: max_cells is at most {F.MAX_EXHAUSTIVE_CELLS} (partitions are enumerated)")
        if p.kind == "o1" and self.start is None and self.max_cells < 3:
            # two cells using both values of every variable share no value: never connected
            raise StatementError("sweep: O1 patterns need max_cells >= 3 (a connected support using every value)")
        if self.chunks is None and self.budget is None:
            raise StatementError("sweep: give a number of chunks, a time budget, or both")
        if (self.chunks is not None and self.chunks < 1) or (self.budget is not None and self.budget <= 0):
            raise StatementError("sweep: chunks >= 1 and budget > 0 required")

    def identity(self) -> dict:
        """The fields a chunk's result depends on (checked on resume)."""
        d = asdict(self)
        d.pop("chunks")
        d.pop("budget")
        return d


@dataclass
class SweepResult:
    """A finished (or budget-stopped) sweep: ``best`` chunk result (float
    ratio, the candidate), ``witness`` (certified, exact) and the checker's
    ``check``; ``coverage`` counts exhausted patterns per support size."""

    config: SweepConfig
    chunks_done: int
    evaluations: int
    seconds: float
    best: dict | None
    witness: dict | None = None
    check: object = None
    coverage: dict = field(default_factory=dict)
    resumed: int = 0

    def to_json(self) -> dict:
        """The ``natlat_sym.experiment_result`` document (``natlat experiment --json``)."""
        return tagged("experiment_result", {"config": asdict(self.config), "chunks_done": self.chunks_done, "resumed_chunks": self.resumed,
                "evaluations": self.evaluations, "seconds": round(self.seconds, 3),
                "best_float_ratio": None if self.best is None else self.best["ratio"],
                "best_chunk": None if self.best is None else self.best["chunk"],
                "certified_lower_bound": None if self.witness is None else self.witness["claim"],
                "statement": None if self.witness is None else self.witness.get("statement"),
                "check": None if self.check is None else self.check.to_json(),
                "coverage": self.coverage})


# ----------------------------------------------------------------------------- chunks
def _patterns(cfg: SweepConfig) -> list:
    p = get_problem(cfg.problem)
    if p.kind == "o2" or cfg.start is not None:
        return []
    alphabet = cfg.max_alphabet if p.n == 2 else min(cfg.max_alphabet, 2)
    return [list(map(list, pat)) for pat in canonical_patterns(p.n, alphabet, max_cells=cfg.max_cells)]


def _random_pattern(rng, n: int, cfg: SweepConfig) -> np.ndarray:
    for _ in range(1000):
        shape = tuple(int(s) for s in rng.integers(2, cfg.max_alphabet + 1, size=n))
        total = int(np.prod(shape))
        low, high = max(max(shape), 3), min(cfg.max_cells, total)
        if low > high:  # this shape needs more cells than allowed: draw another
            continue
        c = int(rng.integers(low, high + 1))
        flat = np.sort(rng.choice(total, size=c, replace=False))
        cells = [tuple(int(v) for v in np.unravel_index(i, shape)) for i in flat]
        if is_connected(cells) and all(len({x[a] for x in cells}) == shape[a] for a in range(n)):
            return np.array(cells)
    raise StatementError("sweep: could not draw a connected random pattern")  # pragma: no cover


def _support(cells: np.ndarray, mass: np.ndarray) -> F.Support:
    shape = tuple(int(v) + 1 for v in cells.max(axis=0))
    return F.Support(cells, mass / mass.sum(), shape)


def _ratio(sup, problem, rng, init=None, *, starts=8, iterations=150):
    T, labels = F.deterministic_score(sup, problem)
    k = max(sup.size, 2)
    inits = [F.hard_channel(labels, k, 0.3)]
    if init is not None and init.shape == (sup.size, k):
        inits.append(init)
    tau, q = F.stochastic_upper(sup, problem, rng, starts=starts, iterations=iterations, init=np.array(inits))
    if q.shape[1] != k:
        q = np.hstack([q, np.zeros((sup.size, k - q.shape[1]))])
    return (T / tau if tau > 1e-6 and T > 1e-6 else 0.0), T, tau, q


def _sample_mass(rng, c: int, *, structured: bool) -> np.ndarray:
    """A random mass vector: Dirichlet, or *noisy subset* — most mass spread
    over a random subset of the cells, weight ``ε`` on the rest (DSBS-like
    shapes, where ``T/τ`` is large, are rare under Dirichlet sampling)."""
    if not structured:
        return rng.dirichlet(np.full(c, float(rng.choice([0.3, 1.0, 3.0]))))
    k = int(rng.integers(1, c))
    chosen = rng.permutation(c)[:k]
    eps = float(rng.uniform(0.02, 0.35))
    mass = np.full(c, eps / (c - k))
    mass[chosen] = (1 - eps) / k
    return mass * np.exp(rng.normal(scale=0.05, size=c))


def _ratio_gradient(cells, mass, problem, channel, rng, h=1e-5):
    """Unit direction of steepest ascent of ``T/S_q`` in log-mass coordinates,
    with the minimising partition and the latent ``channel`` held fixed
    (envelope theorem: this is the gradient of ``T/τ`` where both optima are
    unique), by central differences of the closed-form scores."""
    sup = _support(cells, mass)
    _, labels = F.deterministic_score(sup, problem)
    hard = F.hard_channel(labels, max(sup.size, 2))

    def log_ratio(u):
        s2 = _support(cells, np.exp(u))
        return np.log(F.stochastic_score(s2, problem, hard)) - np.log(F.stochastic_score(s2, problem, channel))
    u = np.log(mass)
    g = np.zeros(len(u))
    for i in range(len(u)):
        e = np.zeros(len(u))
        e[i] = h
        g[i] = (log_ratio(u + e) - log_ratio(u - e)) / (2 * h)
    g -= g.mean()
    norm = np.linalg.norm(g)
    return g / norm if norm > 0 and np.isfinite(norm) else rng.normal(size=len(u)) / np.sqrt(len(u))


def _o1_chunk(cfg, problem, index, pattern, rng, start=None, refine=None):
    cells = np.array(pattern) if pattern is not None else _random_pattern(rng, problem.n, cfg)
    best, evals, truncated = None, 0, False
    if start is not None:
        best = start
    for i in range(cfg.samples if start is None else 0):
        if best is not None and time_left() == 0:  # the sweep's budget is spent: keep what we have
            truncated = True
            break
        mass = _sample_mass(rng, len(cells), structured=i % 2 == 0)
        r, T, tau, q = _ratio(_support(cells, mass), problem, rng)
        evals += 1
        if best is None or r > best[0]:
            best = (r, mass, q, T, tau)
    scale = 0.3 if start is None else 0.1
    for step in range(cfg.refine if refine is None else refine):
        if time_left() == 0:
            truncated = True
            break
        r0, mass0, q0 = best[0], best[1], best[2]
        if step % 2 == 0 and r0 > 0:
            direction = _ratio_gradient(cells, mass0, problem, q0, rng) * scale
        else:
            direction = rng.normal(scale=scale, size=len(mass0))
        mass = mass0 * np.exp(direction)
        r, T, tau, q = _ratio(_support(cells, mass), problem, rng, init=q0)
        evals += 1
        if r > r0:
            best = (r, mass / mass.sum(), q, T, tau)
            scale = min(scale * 1.5, 1.0)
        else:
            scale = max(scale * 0.7, 0.005)
    if truncated or time_left() == 0:
        r, T, tau, q = best[0], best[3], best[4], best[2]
        truncated = True
    else:
        r, T, tau, q = _ratio(_support(cells, best[1]), problem, rng, init=best[2], starts=16, iterations=500)
        evals += 1
        if r < best[0]:
            r, T, tau, q = best[0], best[3], best[4], best[2]
    out = {"chunk": index, "kind": "exhaustive" if pattern is not None else "random", "cells_count": len(cells),
           "ratio": float(r), "T": float(T), "tau_upper": float(tau), "evaluations": evals,
           "cells": cells.tolist(), "mass": [float(x) for x in best[1] / best[1].sum()],
           "channel": np.asarray(q).tolist()}
    if truncated:
        out["truncated"] = True  # cut short by the time budget: a candidate, but not a finished chunk
    return out


def _o2_chunk(cfg, index, rng):
    shape = tuple(int(s) for s in rng.integers(2, min(cfg.max_alphabet, 3) + 1, size=4))
    B = cfg.samples * 4
    steps = 100 + 20 * cfg.refine
    joint = rng.dirichlet(np.full(int(np.prod(shape)), 0.5), size=B).reshape((B,) + shape)
    ratio, best = F.o2_ascent(joint, rng, steps=steps, step=0.05)
    return {"chunk": index, "kind": "random", "cells_count": int(np.prod(shape)), "ratio": float(ratio),
            "evaluations": B * steps, "joint": best.tolist(), "shape": list(shape)}


def run_chunk(config: dict, index: int, pattern=None) -> dict:
    """Run chunk ``index`` of the sweep described by ``config``
    (:meth:`SweepConfig.identity` plus anything) and return its best
    candidate as plain JSON data.  Module-level so that process pools and
    Dask workers can import it."""
    cfg = SweepConfig(**{**config, "chunks": 1, "budget": None})
    problem = get_problem(cfg.problem)
    rng = np.random.default_rng([cfg.seed, index])
    if problem.kind == "o2":
        return _o2_chunk(cfg, index, rng)
    if cfg.start is not None:
        return _refine_start_chunk(cfg, problem, index, rng)
    return _o1_chunk(cfg, problem, index, pattern, rng)


def _refine_start_chunk(cfg, problem, index, rng) -> dict:
    """Local refinement of a given witness (``--start FILE``): every chunk
    refines it independently for ``refine`` steps with its own random numbers."""
    from fractions import Fraction

    cells = np.array(cfg.start["cells"])
    mass = np.array([float(Fraction(x)) for x in cfg.start["probabilities"]])
    q = np.array([[float(Fraction(x)) for x in row] for row in cfg.start["channel"]])
    k = max(len(cells), 2)
    q = np.hstack([q, np.zeros((len(cells), max(k - q.shape[1], 0)))])[:, :k]
    q = (1 - 1e-6) * q / q.sum(axis=1, keepdims=True) + 1e-6 / k
    r, T, tau, q = _ratio(_support(cells, mass), problem, rng, init=q)
    out = _o1_chunk(cfg, problem, index, cells.tolist(), rng, start=(r, mass, q, T, tau), refine=cfg.refine)
    out["kind"] = "refine"
    return out


# ----------------------------------------------------------------------------- executors
class _Serial:
    def __init__(self):
        self.pending = []

    def submit(self, fn, *args):
        self.pending.append((fn, args))
        return len(self.pending) - 1

    def results(self):
        while self.pending:
            fn, args = self.pending.pop(0)
            yield fn(*args)

    def close(self):
        pass


def _executor(workers: int, scheduler: str | None):
    if scheduler:
        try:
            from distributed import Client
        except ImportError:  # pragma: no cover - depends on the install
            raise StatementError("--scheduler needs dask.distributed: pip install -e '.[distributed]'") from None
        try:
            client = Client(scheduler, timeout=5)
        except OSError as e:
            raise StatementError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from None
        return "dask", client
    if workers > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        return "pool", ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    return "serial", None


def _run_chunks(todo, cfg_data, patterns, workers, scheduler, stop: Callable[[], bool], on_result):
    kind, ex = _executor(workers, scheduler)
    if kind == "serial":
        for i in todo:
            if stop():
                return
            on_result(run_chunk(cfg_data, i, patterns[i] if i < len(patterns) else None))
        return
    width = 2 * max(workers, 1) if kind == "pool" else 2 * max(len(ex.scheduler_info().get("workers", {})), 1)
    todo = iter(todo)
    try:
        if kind == "pool":
            from concurrent.futures import FIRST_COMPLETED, wait

            inflight = set()
            while True:
                while len(inflight) < width and not stop():
                    i = next(todo, None)
                    if i is None:
                        break
                    inflight.add(ex.submit(run_chunk, cfg_data, i, patterns[i] if i < len(patterns) else None))
                if not inflight:
                    return
                done, inflight = wait(inflight, return_when=FIRST_COMPLETED)
                for f in done:
                    on_result(f.result())
        else:
            from distributed import as_completed

            futures = []
            for _ in range(width):
                i = next(todo, None)
                if i is None:
                    break
                futures.append(ex.submit(run_chunk, cfg_data, i, patterns[i] if i < len(patterns) else None,
                                         pure=False))
            if not futures:
                return
            pool = as_completed(futures)
            for f in pool:
                on_result(f.result())
                if not stop():
                    i = next(todo, None)
                    if i is not None:
                        pool.add(ex.submit(run_chunk, cfg_data, i, patterns[i] if i < len(patterns) else None,
                                           pure=False))
    finally:
        if kind == "pool":
            ex.shutdown(wait=True, cancel_futures=True)
        else:
            ex.close()


# ----------------------------------------------------------------------------- checkpoints
def _load_checkpoint(path, cfg: SweepConfig) -> dict:

    data = read_json(path, "checkpoint")  # bounded: size, depth, numbers, UTF-8; one-line FileError
    if not isinstance(data, dict) or canonical_format(data.get("format")) != CHECKPOINT_FORMAT:
        raise DistributionError(f"checkpoint {path}: not a {CHECKPOINT_FORMAT} file")
    if data.get("version", 1) != 1:
        raise DistributionError(f"checkpoint {path}: unknown version {data.get('version')!r} (this natlat_sym "
                                "reads version 1)")
    if data.get("config") != cfg.identity():
        raise DistributionError(f"checkpoint {path} was written by a different sweep "
                                f"({data.get('config')}); use the same problem, seed and sizes to resume")
    return {int(k): v for k, v in data.get("finished", {}).items()}


def _save_checkpoint(path, cfg: SweepConfig, finished: dict) -> None:

    data = {"format": CHECKPOINT_FORMAT, "version": 1, "config": cfg.identity(),
            "finished": {str(k): finished[k] for k in sorted(finished) if not finished[k].get("truncated")}}
    write_file(path, json.dumps(data) + "\n")


# ----------------------------------------------------------------------------- the sweep
def _best_of(finished: dict):
    best = None
    for i in sorted(finished):
        r = finished[i]
        if best is None or r["ratio"] > best["ratio"]:
            best = r
    return best


def _coverage(cfg, patterns, finished) -> dict:
    per = {}
    for i, pat in enumerate(patterns):
        c = str(len(pat))
        tot, done = per.get(c, (0, 0))
        per[c] = (tot + 1, done + (1 if i in finished else 0))
    random_chunks = sum(1 for i in finished if i >= len(patterns))
    return {"patterns_by_cells": {c: {"patterns": t, "sampled": d} for c, (t, d) in per.items()},
            "exhaustive_complete": bool(patterns) and all(i in finished for i in range(len(patterns))),
            "random_chunks": random_chunks, "samples_per_chunk": cfg.samples, "refine_steps": cfg.refine}


def polish(cfg: SweepConfig, finished: dict, *, top: int = 3) -> dict | None:
    """Local refinement of the best witnesses: the ``top`` best chunk results
    (by ratio, then chunk number) are refined for ``4·refine`` more steps
    with random numbers drawn from ``[seed, −1]``; deterministic given the
    finished chunks.  Returns the better of the refined best and the
    unrefined best (``chunk`` keeps the original number, ``polished`` is set)."""
    problem = get_problem(cfg.problem)
    if problem.kind == "o2" or not finished:
        return _best_of(finished)
    ranked = sorted(finished.values(), key=lambda r: (-r["ratio"], r["chunk"]))[:top]
    rng = np.random.default_rng([cfg.seed, 2**31 - 1])
    best = _best_of(finished)
    for res in ranked:
        if time_left() == 0:  # the sweep's budget is spent: certify what we have
            break
        start = (res["ratio"], np.array(res["mass"]), np.array(res["channel"]), res["T"], res["tau_upper"])
        out = _o1_chunk(cfg, problem, res["chunk"], res["cells"], rng, start=start, refine=4 * cfg.refine)
        out["polished"] = True
        out["kind"] = res["kind"]
        if out["ratio"] > best["ratio"]:
            best = out
    return best


def witness_of(cfg: SweepConfig, best: dict) -> dict:
    """The certified witness of a chunk result (exact rationals, checker's claim)."""
    prov = {"command": command_for(cfg), "chunk": best["chunk"], "float_ratio": best["ratio"]}
    if get_problem(cfg.problem).kind == "o2":
        return certify(o2_witness(np.array(best["joint"]), provenance=prov))
    prov.update(T_float=best["T"], tau_upper_float=best["tau_upper"])
    return certify(o1_witness(cfg.problem, np.array(best["cells"]), np.array(best["mass"]),
                              np.array(best["channel"]), provenance=prov))


def command_for(cfg: SweepConfig) -> str:
    """The ``natlat experiment`` command line that reproduces a sweep."""
    parts = [f"natlat experiment {cfg.problem}", f"--seed {cfg.seed}", f"--max-alphabet {cfg.max_alphabet}",
             f"--max-cells {cfg.max_cells}", f"--samples {cfg.samples}", f"--refine {cfg.refine}"]
    if cfg.start_name:
        parts.append(f"--start {cfg.start_name}")
    if cfg.chunks is not None:
        parts.append(f"--chunks {cfg.chunks}")
    if cfg.budget is not None:
        parts.append(f"--budget {cfg.budget:g}")
    return " ".join(parts)


def run_sweep(cfg: SweepConfig, *, workers: int = 1, scheduler: str | None = None, checkpoint=None,
              resume=None, stop_after: int | None = None,
              progress: Callable[[int, int | None, dict], None] | None = None) -> SweepResult:
    """Run (or resume) a sweep and certify its best candidate.

    Parameters
    ----------
    workers : local processes (1 = this process).
    scheduler : address of a Dask scheduler (``tcp://host:8786``); overrides ``workers``.
    checkpoint : file to write after every finished chunk (atomically).
    resume : checkpoint file to continue from (finished chunks are not redone);
        also the default ``checkpoint``.
    stop_after : stop after this many *new* chunks (to test interruption).
    progress : ``progress(done, total, chunk_result)`` after each chunk.
    """
    start = time.perf_counter()
    finished = _load_checkpoint(resume, cfg) if resume else {}
    resumed = len(finished)
    checkpoint = checkpoint or resume
    patterns = _patterns(cfg)
    total = cfg.chunks
    indices = range(total) if total is not None else _count()
    todo = (i for i in indices if i not in finished)
    new = [0]

    def stop() -> bool:
        return ((cfg.budget is not None and time.perf_counter() - start >= cfg.budget)
                or (stop_after is not None and new[0] >= stop_after))

    def on_result(res):
        finished[res["chunk"]] = res
        new[0] += 1
        if checkpoint:
            _save_checkpoint(checkpoint, cfg, finished)
        if progress:
            progress(len(finished), total, res)

    with time_budget(cfg.budget):  # in this process, chunks and the polish stop at the budget too
        _run_chunks(todo, cfg.identity(), patterns, workers, scheduler, stop, on_result)
        best = polish(cfg, finished)
    result = SweepResult(cfg, len(finished), sum(r["evaluations"] for r in finished.values()),
                         time.perf_counter() - start, best, coverage=_coverage(cfg, patterns, finished),
                         resumed=resumed)
    if best is not None and best["ratio"] > 0:
        repro = cfg
        if set(finished) == set(range(len(finished))) and not any(r.get("truncated") for r in finished.values()):
            # whole chunks 0..N-1: --chunks N reproduces the sweep exactly
            repro = SweepConfig(**{**asdict(cfg), "chunks": len(finished), "budget": None})
        result.witness = witness_of(repro, best)
        result.check = check_witness(result.witness)
    return result


def _count():
    i = 0
    while True:
        yield i
        i += 1
