"""Sphinx extension: theorem pages whose status the docs build computes.

Add ``"natlat_sym.sphinxext"`` to ``extensions`` in ``conf.py``.  It gives a
``natlat`` domain with three directives (MyST spelling shown)::

    ```{natlat:theorem} redund_determined_of_mediator
    ```
    ```{natlat:graph}
    ```
    ```{natlat:status-table}
    :kind: theorem
    ```

and the role ``{natlat:thm}`<id>``` linking to a theorem page.

Modules
-------
directives  the domain, the directives, the page renderer
checking    the build's catalog checks and Coq kernel checks, run in parallel before the pages are read
kernel      kernel-checks every entry's Coq file in as few coqc runs as possible
events      graph / status-table listings, and the warnings repeated on every build
notebooks   executes the docs' notebooks in parallel, in the background, into myst-nb's cache
navigation  the sidebar's titles-only table of contents in linear time (furo asks for it on every page)
nodes       the docutils nodes (badge, details box, listing placeholder) and small node builders
summary     (Theorem, TheoremReport) -> plain JSON summary (what is cached and rendered)
cache       content-hash cache of summaries in ``<doctreedir>/natlat-cache``
graph       dependency graph: networkx reduction, layered layout, SVG (no Graphviz, no JS)
status      the status colour table (badges, graph fill/border, legend)
mathjax     finds an offline MathJax 3 and wires it into the HTML build
pages       generator of the catalog's docs pages (``python -m natlat_sym.sphinxext.pages``)

Configuration (``conf.py``)
---------------------------
natlat_generate_pages : str or None — docs folder where one page per catalog entry and the chapter pages are (re)generated at the start of every build
natlat_catalog_loader : str, default ``"natlat_sym.catalog:load_catalog"``
natlat_catalog_path : str or None — passed to the loader (None: the repo's ``proofs/``)
natlat_check : str, default ``"natlat_sym.catalog:check_theorem"``
natlat_timeout : float, default 60 — seconds per obligation
natlat_check_workers : int or None — worker processes for the checks (None: one per core; 0: check in place)
natlat_cache_dir : str or None — default ``<doctreedir>/natlat-cache`` (inside the build folder)
natlat_require_pages : bool, default True — warn for a catalog entry with no page
natlat_offline_mathjax : bool, default True — serve MathJax from ``_static`` (no CDN)
natlat_mathjax_file : str or None — an explicit ``tex-svg-full.js``

At the end of an HTML build, ``theorems.json`` (id, title, status, seconds,
uses, used_by, url, ...) is written next to ``index.html``.
"""

from __future__ import annotations

import json
from pathlib import Path

from sphinx.util import logging

from ..files import write_file
from . import mathjax
from .bounds import BoundsDirective
from .checking import get_catalog, start_checks, stop_checks
from .directives import NatlatDomain
from .events import (check_every_entry_has_page, entries, fill_listings, outdated_listings,
                     warn_failing_entries)
from .nodes import register_nodes
from .notebooks import configure_cache, start_notebooks, wait_for_notebook
from .status import status_css

__all__ = ["setup"]

logger = logging.getLogger(__name__)
_STATIC = Path(__file__).parent / "static"


def setup(app):
    app.add_config_value("natlat_catalog_loader", "natlat_sym.catalog:load_catalog", "env")
    app.add_config_value("natlat_catalog_path", None, "env")
    app.add_config_value("natlat_check", "natlat_sym.catalog:check_theorem", "env")
    app.add_config_value("natlat_timeout", 60.0, "env")
    app.add_config_value("natlat_cache_dir", None, "")
    app.add_config_value("natlat_require_pages", True, "env")
    app.add_config_value("natlat_offline_mathjax", True, "html")
    app.add_config_value("natlat_mathjax_file", None, "html")
    app.add_config_value("natlat_generate_pages", None, "env")
    app.add_config_value("natlat_check_workers", None, "")
    app.add_domain(NatlatDomain)
    app.add_directive("natlat-bounds", BoundsDirective)
    register_nodes(app)
    app.add_css_file("natlat.css")
    app.add_css_file("natlat-status.css")
    app.connect("config-inited", _configure)
    app.connect("config-inited", configure_cache)
    app.connect("builder-inited", _generate_pages)
    app.connect("env-before-read-docs", start_checks)
    app.connect("env-before-read-docs", start_notebooks, priority=600)  # after the checks forked
    app.connect("source-read", wait_for_notebook)
    app.connect("doctree-resolved", fill_listings)
    app.connect("env-get-outdated", outdated_listings)
    app.connect("env-check-consistency", check_every_entry_has_page)
    app.connect("env-check-consistency", warn_failing_entries)
    app.setup_extension("natlat_sym.sphinxext.navigation")
    app.connect("build-finished", stop_checks)
    app.connect("build-finished", _finish)
    return {"version": "1", "env_version": 1, "parallel_read_safe": True, "parallel_write_safe": True}


def _configure(app, config) -> None:
    config.html_static_path = [*config.html_static_path, str(_STATIC)]
    if not config.natlat_cache_dir:
        # inside the build folder (next to the doctrees), never beside it
        config.natlat_cache_dir = str(Path(app.doctreedir) / "natlat-cache")
    if config.natlat_offline_mathjax:
        mathjax.configure(app, config)


def _generate_pages(app) -> None:
    """Write one page per catalog entry (and the chapter pages) into
    ``natlat_generate_pages`` before the sources are read, so that a new proof
    module gets its docs page with nothing else to edit.  Only files carrying
    the generator's marker are rewritten or removed."""
    directory = app.config.natlat_generate_pages
    if not directory:
        return
    # imported here, not at the top: `python -m natlat_sym.sphinxext.pages`
    # would otherwise find its own module already imported (runpy warns)
    from .pages import write_pages

    try:
        changed = write_pages(get_catalog(app.config), Path(app.srcdir) / directory)
    except Exception as e:  # noqa: BLE001 - a broken catalog is reported, not a crash
        logger.warning(f"natlat: catalog pages not generated: {e}")
        return
    if changed:
        logger.info(f"natlat: catalog pages updated: {', '.join(changed)}")


def _finish(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    write_file(static / "natlat-status.css", status_css())
    if app.config.natlat_offline_mathjax:
        mathjax.install(app, static)
    try:
        rows = entries(app)
    except Exception as e:
        logger.warning(f"natlat: theorems.json not written: {e}")
        return
    for r in rows:
        r["url"] = (app.builder.get_target_uri(r["docname"]) + "#" + r["anchor"]) if r.get("docname") else None
    write_file(Path(app.outdir) / "theorems.json", json.dumps(rows, indent=1, sort_keys=True))
