"""Run the catalog checks and the Coq kernel checks of a docs build, in parallel, once.

A theorem page shows what *this build* computed: ``check_theorem``'s report
(reduced to a summary, :mod:`natlat_sym.sphinxext.summary`) and ``coqc``'s
verdict on the entry's exported Coq file.  Doing that page by page while
Sphinx reads would serialise about a minute of work on one core.  Instead,
before the pages are read (``env-before-read-docs``), :class:`Checks` starts:

* the catalog checks of every entry whose page is about to be read, on a
  pool of worker processes (forked: they share the already-loaded catalog),
  each summary stored in the content-hash cache (:mod:`.cache`) as it
  arrives;
* once every summary is in, one thread that kernel-checks all exported Coq
  files together (:func:`natlat_sym.sphinxext.kernel.kernel_check_files`).

and the theorem pages are moved to the end of the reading order, so Sphinx
reads the notebooks, the API pages and the rest while the checks run.  The
theorem directive then only *waits* for its entry's results.  Anything the
prefetch did not cover (a page read in a parallel-read child, an entry that
appeared later, a platform without ``fork``) is computed in place by the
same functions, so a page never depends on the prefetch having run.

Public: :func:`get_catalog`, :func:`import_dotted`, :func:`checked_summary`,
:func:`coq_text`, :func:`kernel_result`, :class:`Checks`, :func:`start_checks`,
:func:`stop_checks`.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import re
import threading
import weakref
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path

from sphinx.util import logging

from ..coq.export import coq_file
from ..coq.run import CoqUnavailable
from . import cache, summary
from .kernel import BATCH_FILE, kernel_check_files

__all__ = ["get_catalog", "import_dotted", "checked_summary", "coq_text", "kernel_result", "Checks",
           "start_checks", "stop_checks", "theorem_ids_in", "checks_for"]

logger = logging.getLogger(__name__)

_THEOREM = re.compile(r"^(?:```+|:::+)\{natlat:theorem\}\s+(\S+)|^\.\. natlat:theorem::\s+(\S+)", re.M)


def import_dotted(dotted: str):
    """``"package.module:attribute"`` -> the attribute."""
    module, _, attr = dotted.partition(":")
    return getattr(importlib.import_module(module), attr)


@lru_cache(maxsize=8)
def _load_catalog(loader: str, path: str | None):
    return import_dotted(loader)(path)


def get_catalog(config):
    """The catalog named by ``natlat_catalog_loader`` / ``natlat_catalog_path`` (loaded once)."""
    return _load_catalog(config.natlat_catalog_loader, config.natlat_catalog_path)


def _summary(check: str, timeout: float, cache_dir: str, theorem) -> dict:
    source = Path(theorem.source_path).read_text(encoding="utf-8") if theorem.source_path else ""
    key = cache.cache_key(theorem.id, source, cache.library_fingerprint())
    found = cache.load_summary(cache_dir, key)
    if found is not None:
        return found
    try:
        report = import_dotted(check)(theorem, timeout=timeout)
        out = summary.summarize(theorem, report)
    except Exception as e:  # a crashing check is a warning on the page, not a crashed build
        out = summary.summarize_error(theorem, f"{type(e).__name__}: {e}")
    out["cache_key"] = key
    cache.store_summary(cache_dir, key, out)
    return out


def checked_summary(config, theorem) -> dict:
    """Summary of ``theorem``'s check, from the cache or by running ``natlat_check``."""
    return _summary(config.natlat_check, float(config.natlat_timeout), config.natlat_cache_dir, theorem)


def _summary_in_worker(loader: str, path, check: str, timeout: float, cache_dir: str, tid: str) -> dict:
    """Worker-process job: the summary of entry ``tid`` (the catalog is inherited through fork)."""
    return _summary(check, timeout, cache_dir, _load_catalog(loader, path).get(tid))


def coq_text(data: dict) -> str | None:
    """The entry's Coq file (theory + its modules), or None when nothing is exported."""
    modules = data.get("coq_modules") or []
    if not modules or data.get("coq_error"):
        return None
    return coq_file([tuple(m) for m in modules], title=f"{data.get('spec_id', '')} {data['id']}")


def kernel_result(data: dict, checked: dict | None) -> dict | None:
    """The page's kernel-check record for summary ``data``.

    ``checked`` is the entry's :func:`kernel_check_files` result (None:
    ``coqc`` is not installed).  Returns None for an entry with nothing to
    export, else ``{"ok", "mark", "message", "version", "seconds", "how",
    "text"}``; ``ok`` is None when nothing was kernel-checked (no warning)."""
    modules = data.get("coq_modules") or []
    if data.get("coq_not_exported") and not modules:
        return {"ok": None, "mark": "not kernel-checked (copy-lemma proof; not exported to Coq yet)",
                "message": "; ".join(data["coq_not_exported"]), "version": "", "seconds": 0.0, "how": "",
                "text": ""}
    if data.get("coq_error"):
        return {"ok": False, "mark": "Coq export failed", "message": data["coq_error"], "version": "",
                "seconds": 0.0, "how": "", "text": ""}
    text = coq_text(data)
    if text is None:
        return None
    if checked is None:
        return {"ok": None, "mark": "not kernel-checked in this build (coqc not installed)",
                "message": "coqc (the Coq proof assistant) is not installed; on Debian/Ubuntu: apt-get install coq",
                "version": "", "seconds": 0.0, "how": "", "text": text}
    return dict(checked, text=text)


def _kernel_check(texts: dict, cache_dir: str, batch_out) -> dict | None:
    try:
        return kernel_check_files(texts, cache_dir, batch_out=batch_out)
    except CoqUnavailable:
        return None


def theorem_ids_in(path) -> list[str]:
    """Ids named by ``natlat:theorem`` directives in the source file ``path``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    return [a or b for a, b in _THEOREM.findall(text)]


class Checks:
    """The checks of one build: summaries from worker processes, then one kernel-check batch.

    ``summary(theorem)`` and ``kernel(data)`` block until the entry's result
    is in; in a process other than the one that started the checks (a
    parallel-read child), or for an entry that was not scheduled, they
    compute in place.
    """

    def __init__(self, config, ids, *, workers: int, coq_dir=None):
        #: where an HTML build writes each entry's ``.v`` file (None: other builders)
        self.coq_dir = None if coq_dir is None else Path(coq_dir)
        batch_out = None if coq_dir is None else self.coq_dir / BATCH_FILE
        self._config, self._pid = config, os.getpid()
        self._cache_dir = str(config.natlat_cache_dir)
        self._batch_out = batch_out
        self._summaries: dict[str, Future] = {}
        self._kernel: Future = Future()
        self._pool = None
        catalog = get_catalog(config)
        if workers > 0 and ids:
            self._pool = ProcessPoolExecutor(max_workers=min(workers, len(ids)),
                                             mp_context=multiprocessing.get_context("fork"))
            for tid in ids:
                self._summaries[tid] = self._pool.submit(
                    _summary_in_worker, config.natlat_catalog_loader, config.natlat_catalog_path,
                    config.natlat_check, float(config.natlat_timeout), self._cache_dir, tid)
        else:
            for tid in ids:
                f = Future()
                f.set_result(checked_summary(config, catalog.get(tid)))
                self._summaries[tid] = f
        if ids:
            threading.Thread(target=self._run_kernel, name="natlat-kernel", daemon=True).start()

    def _run_kernel(self) -> None:
        try:
            texts = {}
            for tid, future in self._summaries.items():
                try:
                    text = coq_text(future.result())
                except Exception:  # noqa: BLE001 - a broken worker: the page checks this entry in place
                    continue
                if text is not None:
                    texts[tid] = text
            self._kernel.set_result(_kernel_check(texts, self._cache_dir, self._batch_out))
        except BaseException as e:  # noqa: BLE001 - re-raised in the reader that waits for it
            self._kernel.set_exception(e)

    def _here(self) -> bool:
        return os.getpid() == self._pid

    def summary(self, theorem) -> dict:
        future = self._summaries.get(theorem.id)
        if future is not None and self._here():
            try:
                return future.result()
            except Exception as e:  # noqa: BLE001 - a broken worker: check in place instead
                logger.info(f"natlat: worker check of {theorem.id} failed ({type(e).__name__}); checking here")
        return checked_summary(self._config, theorem)

    def kernel(self, data: dict) -> dict | None:
        """:func:`kernel_result` for summary ``data``, from the batch when it covered the entry."""
        if coq_text(data) is None:
            return kernel_result(data, None)
        results = None
        if data["id"] in self._summaries and self._here():
            try:
                results = self._kernel.result()
            except Exception as e:  # noqa: BLE001 - the batch broke: check this entry in place
                logger.info(f"natlat: kernel-check batch failed ({type(e).__name__}: {e}); checking here")
        if results is None or data["id"] not in results:
            results = _kernel_check({data["id"]: coq_text(data)}, self._cache_dir, None)
        return kernel_result(data, None if results is None else results[data["id"]])

    def close(self) -> None:
        if self._pool is not None and self._here():
            self._pool.shutdown(wait=False, cancel_futures=True)



#: the running checks of each build environment (a weak map: dropped with the environment).
_BUILDS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _coq_dir(app):
    return Path(app.outdir) / "_coq" if app.builder.format == "html" else None


def start_checks(app, env, docnames) -> None:
    """``env-before-read-docs``: start the checks of every entry on a page
    about to be read, and move those pages to the end of the reading order."""
    stop_checks(app, None)
    try:
        known = set(get_catalog(app.config).ids())
    except Exception:  # noqa: BLE001 - the directive reports a broken catalog on its page
        return
    ids, pages = [], []
    for docname in docnames:
        found = [t for t in theorem_ids_in(env.doc2path(docname)) if t in known]
        if found:
            pages.append(docname)
            ids += [t for t in found if t not in ids]
    later = set(pages)
    docnames[:] = [d for d in docnames if d not in later] + pages
    coq_dir = _coq_dir(app)
    if coq_dir is not None:
        coq_dir.mkdir(parents=True, exist_ok=True)
    _BUILDS[env] = Checks(app.config, ids, workers=_workers(app) if ids else 0, coq_dir=coq_dir)


def _workers(app) -> int:
    """Worker processes for the checks: one per usable core (0: check in place).

    Forked workers inherit the loaded catalog; without ``fork`` the checks
    run in place (a spawned worker would re-import everything)."""
    if "fork" not in multiprocessing.get_all_start_methods() or app.config.natlat_check_workers == 0:
        return 0
    if app.config.natlat_check_workers:
        return int(app.config.natlat_check_workers)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def stop_checks(app, exception) -> None:
    """``build-finished`` (and before a new start): shut the worker pool down."""
    checks = _BUILDS.pop(app.env, None)
    if checks is not None:
        checks.close()


def checks_for(env) -> "Checks":
    """The running :class:`Checks` of ``env``, or (the build did not start
    any) one that computes everything in place and writes no ``.v`` files."""
    checks = _BUILDS.get(env)
    if checks is None:
        checks = _BUILDS[env] = Checks(env.config, (), workers=0)
    return checks
