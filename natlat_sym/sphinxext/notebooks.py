"""Execute the docs' notebooks in the background, in parallel, into myst-nb's cache.

With myst-nb's ``nb_execution_mode = "cache"``, a notebook's outputs come
from a jupyter-cache record matched by the notebook's code; a miss executes
it while the page is parsed, one notebook after the other, with Sphinx
waiting.  This module:

* puts that cache inside the build folder, in a directory named after the
  library fingerprint (:func:`natlat_sym.sphinxext.cache.library_fingerprint`),
  so an output is reused only for the same notebook code *and* the same
  ``natlat_sym`` sources — otherwise the notebook runs again;
* before the pages are read (``env-before-read-docs``), starts one thread
  per notebook about to be read that executes it (each in its own kernel)
  and stores the result in that cache, and moves the notebooks to just
  before the theorem pages in the reading order;
* makes Sphinx wait for a notebook's thread when it reaches that page
  (``source-read``), so myst-nb then finds the executed notebook.

A notebook whose execution fails is not stored: myst-nb executes it again
while parsing and reports the error (``nb_execution_raise_on_error`` fails
the build), exactly as without this module.

Public: :func:`configure_cache`, :func:`start_notebooks`, :func:`wait_for_notebook`.
"""

from __future__ import annotations

import os
import threading
import weakref
from pathlib import Path

from sphinx.util import logging

from .cache import library_fingerprint
from .checking import theorem_ids_in

__all__ = ["configure_cache", "start_notebooks", "wait_for_notebook"]

logger = logging.getLogger(__name__)

#: the notebook threads of each build environment, by docname.
_RUNNING: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_CACHE_LOCK = threading.Lock()


def configure_cache(app, config) -> None:
    """``config-inited``: in cache mode with no cache path set, use
    ``<doctreedir>/jupyter-cache/<library fingerprint>``."""
    if getattr(config, "nb_execution_mode", None) != "cache" or config.nb_execution_cache_path:
        return
    fingerprint = library_fingerprint().replace("+", "-")
    config.nb_execution_cache_path = str(Path(app.doctreedir) / "jupyter-cache" / fingerprint)


def _notebook_of(path: Path):
    """The notebook myst-nb reads from ``path`` (a MyST text notebook), or None."""
    # myst-nb and jupyter-cache are imported only where used: they are
    # optional (the extension works with plain myst-parser projects)
    from myst_nb.core.read import is_myst_markdown_notebook, read_myst_markdown_notebook

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if path.suffix != ".md" or not is_myst_markdown_notebook(text):
        return None
    return read_myst_markdown_notebook(text, add_source_map=True, path=str(path))


def _execute(nb, path: Path, cache_path: str, config) -> None:
    """Execute ``nb`` (cwd: its folder, as myst-nb does) and cache it when it succeeds."""
    # (optional dependencies, see _notebook_of)
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn
    from jupyter_cache.executors.utils import single_nb_execution

    with _CACHE_LOCK:
        cache = get_cache(cache_path)
        try:
            cache.match_cache_notebook(nb)
            return  # already cached
        except KeyError:
            pass
    result = single_nb_execution(nb, cwd=str(path.parent), allow_errors=config.nb_execution_allow_errors,
                                 timeout=config.nb_execution_timeout, meta_override=True)
    if result.err is not None:
        return  # myst-nb runs it again while parsing and reports the error
    with _CACHE_LOCK:
        get_cache(cache_path).cache_notebook_bundle(
            CacheBundleIn(nb, str(path), data={"execution_seconds": result.time}),
            check_validity=False, overwrite=True)


def start_notebooks(app, env, docnames) -> None:
    """``env-before-read-docs`` (after the checks started): execute each
    notebook about to be read in a thread of its own; read the notebooks
    just before the theorem pages."""
    config = app.config
    if getattr(config, "nb_execution_mode", None) != "cache":
        return
    found = {}
    for docname in docnames:
        path = Path(env.doc2path(docname))
        nb = _notebook_of(path)
        if nb is not None:
            found[docname] = (nb, path)
    if not found:
        return
    rest = [d for d in docnames if d not in found]
    first_theorem = next((k for k, d in enumerate(rest) if theorem_ids_in(env.doc2path(d))), len(rest))
    docnames[:] = rest[:first_theorem] + list(found) + rest[first_theorem:]
    cache_path = env.mystnb_config.execution_cache_path
    threads = {}
    for docname, (nb, path) in found.items():
        t = threading.Thread(target=_run_logged, args=(nb, path, cache_path, config), daemon=True,
                             name=f"natlat-notebook-{docname}")
        t.start()
        threads[docname] = t
    _RUNNING[env] = (os.getpid(), threads)


def _run_logged(nb, path, cache_path, config) -> None:
    try:
        _execute(nb, path, cache_path, config)
    except Exception as e:  # noqa: BLE001 - myst-nb executes it again and reports
        logger.info(f"natlat: background execution of {path.name} failed ({type(e).__name__}: {e})")


def wait_for_notebook(app, docname, source) -> None:
    """``source-read``: wait until the notebook's background execution is done."""
    pid, threads = _RUNNING.get(app.env, (None, {}))
    thread = threads.pop(docname, None)
    if thread is not None and pid == os.getpid():  # (a parallel-read child has no such thread)
        thread.join()
