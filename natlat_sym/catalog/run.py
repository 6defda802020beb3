"""Check many catalog entries and collect one report.

:func:`check_catalog` runs :func:`~natlat_sym.catalog.theorem.check_theorem`
on each selected entry, in specification order, and returns a
:class:`CatalogReport` — everything a summary table (id, title, status,
time) and ``natlat check --json`` need.

Examples
--------
>>> from natlat_sym.catalog import load_catalog
>>> report = check_catalog(load_catalog(), ids=["mutual_info_le_of_markov_chain"])
>>> report.ok, [r.status.value for r in report.reports]
(True, ['tight'])
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..errors import CatalogError
from .registry import Catalog
from .theorem import Status, TheoremReport, check_theorem

__all__ = ["CatalogReport", "check_catalog"]


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
                  progress: Callable[[int, int, TheoremReport], None] | None = None) -> CatalogReport:
    """Check the selected entries (default: all) of ``catalog``.

    Parameters
    ----------
    catalog : Catalog
    ids : iterable of str, optional
        Entry ids to check (unknown ids raise CatalogError before anything runs).
    timeout : float
        Seconds allowed per obligation.
    progress : callable, optional
        Called as ``progress(done, total, report)`` after each entry.
    """
    if ids is None:
        selected = list(catalog.theorems)
    else:
        selected = [catalog.get(i) for i in ids]
    start = time.perf_counter()
    reports = []
    for k, t in enumerate(selected, start=1):
        r = check_theorem(t, timeout=timeout)
        reports.append(r)
        if progress is not None:
            progress(k, len(selected), r)
    return CatalogReport(tuple(reports), time.perf_counter() - start)
