"""Check many catalog entries and collect one report.

:func:`check_catalog` runs :func:`~natlat_sym.catalog.theorem.check_theorem`
on each selected entry and returns a :class:`CatalogReport`, in
specification order whatever order the entries finish in — everything a
summary table (id, title, status, time) and ``natlat check --json`` need.

Parallel runs: with ``jobs > 1`` the entries are checked by a pool of
worker processes (entries are independent; each report is computed in one
worker and sent back whole), so the report is the one a serial run gives,
up to the measured seconds.  Workers are *forked* from the calling process:
they inherit the loaded catalog (entries hold functions that could not be
sent to a fresh interpreter) and start in milliseconds.  Where ``fork`` is
not available the entries run in-process, one after the other.

Examples
--------
>>> from natlat_sym.catalog import load_catalog
>>> report = check_catalog(load_catalog(), ids=["mutual_info_le_of_markov_chain"])
>>> report.ok, [r.status.value for r in report.reports]
(True, ['tight'])
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass

from ..errors import CatalogError
from .registry import Catalog
from .theorem import Status, TheoremReport, check_theorem

__all__ = ["CatalogReport", "check_catalog", "default_jobs"]


def default_jobs() -> int:
    """Worker processes used by default: the number of CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class CatalogReport:
    """Reports of the entries checked, in the order checked.

    Attributes
    ----------
    reports : tuple of TheoremReport
    seconds : float
        Wall-clock time of the whole run.
    """

    reports: tuple[TheoremReport, ...]
    seconds: float

    @property
    def ok(self) -> bool:
        """True when no entry is FAILING."""
        return all(r.ok for r in self.reports)

    @property
    def failing(self) -> tuple[TheoremReport, ...]:
        return tuple(r for r in self.reports if not r.ok)

    def counts(self) -> dict[str, int]:
        """Number of entries per status value."""
        c = Counter(r.status.value for r in self.reports)
        return {s.value: c.get(s.value, 0) for s in Status if c.get(s.value)}

    def get(self, theorem_id: str) -> TheoremReport:
        for r in self.reports:
            if r.id == theorem_id:
                return r
        raise CatalogError(f"no report for {theorem_id!r}")

    def rows(self) -> list[tuple[str, str, str, str, str]]:
        """``(spec_id, id, title, status, seconds)`` rows for a summary table."""
        return [(r.spec_id, r.id, r.title, r.status.value, f"{r.seconds:.2f}") for r in self.reports]

    def summary(self) -> str:
        parts = ", ".join(f"{n} {s}" for s, n in self.counts().items())
        return f"{len(self.reports)} entries in {self.seconds:.1f} s: {parts}"

    def to_json(self) -> list[dict]:
        """One dict per entry (``id``, ``status``, ``seconds``, ``ok``, ``title``, obligations ...)."""
        return [r.to_json() for r in self.reports]


def check_catalog(catalog: Catalog, *, ids: Iterable[str] | None = None, timeout: float = 30.0,
                  progress: Callable[[int, int, TheoremReport], None] | None = None,
                  jobs: int | None = 1) -> CatalogReport:
    """Check the selected entries (default: all) of ``catalog``.

    Parameters
    ----------
    catalog : Catalog
        The theorems, as :func:`~natlat_sym.catalog.load_catalog` reads them.
    ids : iterable of str, optional
        Entry ids (or spec ids naming one entry) to check; unknown ones
        raise CatalogError before anything runs.
    timeout : float
        Seconds allowed per obligation.
    progress : callable, optional
        Called as ``progress(done, total, report)`` after each entry (in the
        order entries finish when ``jobs > 1``).
    jobs : int or None
        Worker processes checking entries at once; ``1`` (the default) checks
        them in this process, ``None`` uses :func:`default_jobs`.  The
        reports come back in specification order either way.

    Examples
    --------
    >>> from natlat_sym.catalog import load_catalog
    >>> ids = ["natural_latent", "mutual_info_le_of_markov_chain", "translatable_of_natural_latent"]
    >>> par = check_catalog(load_catalog(), ids=ids, jobs=2)
    >>> [r.id for r in par.reports] == ids
    True
    """
    if ids is None:
        selected = list(catalog.theorems)
    else:
        selected = [catalog.get(i) for i in ids]
    jobs = default_jobs() if jobs is None else int(jobs)
    if jobs < 1:
        raise CatalogError(f"jobs must be at least 1, got {jobs}")
    start = time.perf_counter()
    if jobs == 1 or len(selected) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        reports = []
        for k, t in enumerate(selected, start=1):
            r = check_theorem(t, timeout=timeout)
            reports.append(r)
            if progress is not None:
                progress(k, len(selected), r)
    else:
        reports = _check_in_workers(selected, timeout, progress, min(jobs, len(selected)))
    return CatalogReport(tuple(reports), time.perf_counter() - start)


# The forked workers' view of the entries being checked, set once per worker
# process by its initializer (fork passes the entries without pickling them).
_WORKER_ENTRIES: list = []


def _init_worker(entries) -> None:
    _WORKER_ENTRIES[:] = entries
    # fresh stdio objects: a thread of the parent (the progress bar) may have
    # held their locks at the moment of the fork
    for name, fd in (("stdout", 1), ("stderr", 2)):
        try:
            setattr(sys, name, open(os.dup(fd), "w", buffering=1))  # noqa: SIM115 - lives as long as the worker
        except OSError:  # closed descriptor: keep the inherited object
            pass


def _check_entry(k: int, timeout: float) -> TheoremReport:
    return check_theorem(_WORKER_ENTRIES[k], timeout=timeout)


#: Rough relative cost of one obligation, by kind, for scheduling only (it
#: changes the wall time, never a report): a finite check enumerates
#: instances or support cases, an experiment or a refutation searches for a
#: distribution, the copy-lemma search runs many LPs, and all of these take
#: far longer than a Shannon-type proof (one LP).  An obligation may give
#: its own ``expected_cost`` (the catalog's few long checks do), and a
#: refutation that brings its own distribution counts as one proof.  On the
#: repository's catalog this order gives the 2-worker run the load split
#: of the best order computed from measured times (about 2.3 s each).
_COST = {"prove": 1, "tight": 1, "finite": 20, "experiment": 10, "refute": 10}
_NON_SHANNON_COST = 20


def _expected_cost(theorem) -> int:
    def cost(ob) -> int:
        if getattr(ob, "expected_cost", None) is not None:  # the entry's own estimate (its heaviest checks)
            return ob.expected_cost
        if getattr(ob, "non_shannon", False):
            return _NON_SHANNON_COST
        if ob.kind == "refute" and getattr(ob, "witness", None) is not None:
            return _COST["prove"]  # its own distribution is checked; the prover only confirms "no proof"
        return _COST.get(ob.kind, 1)

    return sum(cost(ob) for ob in theorem.obligations)


def _check_in_workers(selected, timeout, progress, jobs) -> list:
    """Entries go to the workers expected-longest first (so that a long entry
    does not start last and leave the other workers idle); the reports are
    put back in the order of ``selected``."""
    reports: list = [None] * len(selected)
    order = sorted(range(len(selected)), key=lambda k: -_expected_cost(selected[k]))  # stable: ties in order
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                               initializer=_init_worker, initargs=(selected,))
    try:
        pending = {pool.submit(_check_entry, k, timeout): k for k in order}
        done_count = 0
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in sorted(done, key=pending.__getitem__):
                k = pending.pop(fut)
                reports[k] = fut.result()
                done_count += 1
                if progress is not None:
                    progress(done_count, len(selected), reports[k])
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    return reports
