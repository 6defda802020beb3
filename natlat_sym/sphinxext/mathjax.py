"""Serve MathJax 3 from the built site itself: no CDN, no network in the browser.

Sphinx's default ``mathjax_path`` points at a CDN.  This module finds a local
copy of MathJax 3's single-file bundle ``es5/tex-svg-full.js`` (TeX input,
SVG output: no web fonts to fetch, every TeX extension included, so nothing
is loaded lazily), points ``mathjax_path`` at ``_static/natlat-mathjax/``,
and copies the file there at the end of the HTML build.

Where MathJax is looked for, in order:

1. ``natlat_mathjax_file`` in ``conf.py`` (a path to a ``tex-*.js`` bundle);
2. the PyPI package ``django-static-mathjax`` (import name ``mathjax``:
   ``mathjax/static/mathjax/es5/``), which the ``docs`` extra installs;
3. ``node_modules/mathjax/es5/`` (``npm install mathjax@3``) next to
   ``conf.py`` or one or two directories above it.

When none is found the build emits a warning (so ``-W`` fails) naming the fix.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

from sphinx.util import logging

__all__ = ["find_mathjax", "configure", "install", "BUNDLE", "TARGET_DIR"]

logger = logging.getLogger(__name__)

BUNDLE = "tex-svg-full.js"
TARGET_DIR = "natlat-mathjax"


def find_mathjax(explicit: str | None = None, confdir: str | Path | None = None) -> Path | None:
    """Path of an offline MathJax 3 bundle, or None (see the module docstring for the order)."""
    if explicit:
        p = Path(explicit)
        return p if p.is_file() else None
    spec = importlib.util.find_spec("mathjax")
    if spec is not None and spec.submodule_search_locations:
        for loc in spec.submodule_search_locations:
            p = Path(loc) / "static" / "mathjax" / "es5" / BUNDLE
            if p.is_file():
                return p
    if confdir is not None:
        base = Path(confdir).resolve()
        for d in (base, base.parent, base.parent.parent):
            p = d / "node_modules" / "mathjax" / "es5" / BUNDLE
            if p.is_file():
                return p
    return None


def configure(app, config) -> None:
    """``config-inited``: point ``mathjax_path`` at the local copy (warn if there is none)."""
    found = find_mathjax(config.natlat_mathjax_file, app.confdir)
    if found is None:
        logger.warning("natlat: no offline MathJax 3 found; `pip install django-static-mathjax` "
                       "(or `npm install mathjax@3` next to conf.py), or set natlat_mathjax_file")
        return
    config.mathjax_path = f"{TARGET_DIR}/{found.name}"


def install(app, static_dir: Path) -> None:
    """``build-finished``: copy the bundle into ``_static/natlat-mathjax/`` (if changed)."""
    found = find_mathjax(app.config.natlat_mathjax_file, app.confdir)
    if found is None:
        return
    target = Path(static_dir) / TARGET_DIR / found.name
    if target.is_file() and target.stat().st_size == found.stat().st_size:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(found, target)
