"""The docs build's kernel check: every entry's Coq file, through :func:`natlat_sym.coq.batch.check_files`.

The checking itself — entries' modules batched in one ``coqc`` run, each in
a ``Module NatlatEntry_k`` of its own; bodies with a command that could act
outside their module refused; Shannon-type files never beside the
copy-lemma axioms; a rejected batch re-checked file by file so the page
names the entry; results cached under each file's text, atomically — is
:mod:`natlat_sym.coq.batch`, which ``natlat check --coq`` uses too.  What
is particular to the docs is here:

* the page's record of the verdict (:func:`kernel_check_files`): a dict
  with the mark the badge shows and ``how`` the entry was checked, for the
  tooltip;
* the published batch file: an HTML build writes the Shannon-type batch to
  ``_coq/all-entries.v`` (:data:`BATCH_FILE`), so a reader can re-run
  what ``coqc`` checked.  It holds every entry whose page says it was
  checked in a batch, including those whose result came from the cache
  (a build into a fresh output folder with a warm cache still publishes
  the file its pages name).  Only that kind is batched here: the few
  copy-lemma entries are checked each on its own file (the one their page
  links to).

Results are cached in ``<cache>/coq/``.

Public: :func:`kernel_check_files`, :data:`BATCH_FILE`.
"""

from __future__ import annotations

from pathlib import Path

from ..coq import batch as coq_batch
from ..coq.catalog import file_mark
from ..coq.run import CoqResult

__all__ = ["kernel_check_files", "BATCH_FILE"]

#: name of the batch file written next to the entries' files in an HTML build.
BATCH_FILE = "all-entries.v"
_KIND = "shannon"  # the kind batched in the docs


def _as_dict(r: CoqResult, text: str) -> dict:
    how = "batch" if r.batched else "alone"
    # file_mark adds "assuming the copy lemma (Entropic.v)" to files resting on its axioms
    return {"ok": r.ok, "mark": file_mark(r, text), "message": r.message, "version": r.version,
            "seconds": round(r.seconds, 3), "how": f"cache ({how})" if r.cached else how}


def kernel_check_files(texts: dict, cache_dir, *, jobs: int = 2, timeout: float = 300.0,
                       batch_out=None) -> dict:
    """``{name: result}`` for ``{name: Coq file text}``.

    A result is ``{"ok", "mark", "message", "version", "seconds", "how"}``;
    ``how`` is ``"alone"`` (coqc ran on exactly this file), ``"batch"`` (its
    modules were accepted in the one-run batch file) or ``"cache"`` plus one
    of those.  ``batch_out``: where to write the batch file (a path), so a
    reader can re-run it.

    Raises
    ------
    natlat_sym.coq.run.CoqUnavailable
        When ``coqc`` is not installed.
    """
    names = list(texts)
    results = coq_batch.check_files([texts[n] for n in names], jobs=jobs, timeout=timeout,
                                    cache_dir=Path(cache_dir) / "coq", batch_kinds=(_KIND,),
                                    batch_out=None if batch_out is None else {_KIND: batch_out})
    return {n: _as_dict(r, texts[n]) for n, r in zip(names, results)}

