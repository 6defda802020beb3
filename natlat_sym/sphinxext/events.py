"""Build events: the graph and status-table listings, and the warnings that fail ``-W`` builds.

``natlat:graph`` and ``natlat:status-table`` leave a placeholder that
:func:`fill_listings` fills at ``doctree-resolved``, once every theorem page
has been read; :func:`outdated_listings` re-writes the pages holding them
whenever a theorem page changes.

:func:`warn_failing_entries` runs on *every* build (``env-check-consistency``)
and warns once per documented entry whose check failed or whose exported
proof the Coq kernel rejected, from the record the theorem directive stored
in the domain data: so ``sphinx -W`` fails every build while an entry fails,
also an incremental build that re-read no page and a build whose checks came
from the cache.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from .checking import get_catalog
from .graph import distinct_labels, render_svg
from .nodes import catalog_listing, paragraph, status_badge, table
from .status import PROOF_STATUSES, statement_status

__all__ = ["INTERNAL_KEYS", "entries", "fill_listings", "outdated_listings", "warn_failing_entries",
           "check_every_entry_has_page"]

logger = logging.getLogger(__name__)

#: keys of the domain's theorem records that stay internal (not in theorems.json):
#: the failure and Coq-rejection warnings to repeat on every build, and where.
FAILURE, COQ_FAILURE, LOCATION = "_failure", "_coq_failure", "_location"
INTERNAL_KEYS = (FAILURE, COQ_FAILURE, LOCATION)


def entries(app) -> list[dict]:
    """One dict per catalog entry: catalog order, with this build's computed status (or ``unchecked``)."""
    domain = app.env.get_domain("natlat")
    catalog = get_catalog(app.config)
    known = set(catalog.ids())
    out = []
    for t in catalog:
        base = {"id": t.id, "title": t.title, "spec_id": t.spec_id, "kind": t.kind,
                "uses": list(t.uses), "proof_uses": list(t.proof_uses), "status": "unchecked",
                "statement_status": statement_status(uses=t.uses, known_ids=known, error=None),
                "seconds": 0.0, "docname": None, "used_by": list(catalog.used_by(t.id))}
        base.update({k: v for k, v in domain.theorems.get(t.id, {}).items() if k not in INTERNAL_KEYS})
        out.append(base)
    return out


def fill_listings(app, doctree, fromdocname) -> None:
    """``doctree-resolved``: replace graph and status-table placeholders."""
    for node in list(doctree.findall(catalog_listing)):
        try:
            rows = [e for e in entries(app) if not node["kind"] or e["kind"] == node["kind"]]
        except Exception as e:
            logger.warning(f"natlat: cannot load the catalog: {e}", location=node)
            node.replace_self([])
            continue

        def href(tid, rows=rows):
            info = next((r for r in rows if r["id"] == tid), None)
            if not info or not info.get("docname") or not hasattr(app.builder, "get_relative_uri"):
                return None
            return app.builder.get_relative_uri(fromdocname, info["docname"]) + "#" + info["anchor"]

        if node["what"] == "graph":
            if app.builder.format == "html":
                svg = render_svg(rows, href)
                new = nodes.raw("", f'<div class="natlat-graph-box">{svg}</div>', format="html")
            else:
                new = paragraph(f"(dependency graph of {len(rows)} entries: see the HTML docs)")
        else:
            new = _status_table(app, rows, fromdocname)
        node.replace_self(new)


def _status_table(app, rows, fromdocname):
    body = []
    for r in rows:
        cell = paragraph()
        if r.get("docname"):
            info = app.env.get_domain("natlat").theorems[r["id"]]
            cell += make_refnode(app.builder, fromdocname, info["docname"], info["anchor"],
                                 nodes.literal(r["id"], r["id"]), r["title"])
        else:
            cell += nodes.literal(r["id"], r["id"])
        badge = status_badge(r["status"], r["status"], status=r["status"],
                             tooltip=PROOF_STATUSES.get(r["status"], ("", "", ""))[2])
        body.append([cell, r["title"], r["spec_id"], paragraph(badge), f"{float(r['seconds'] or 0):.2f}"])
    labels = distinct_labels(rows)
    for row, r in zip(body, rows):
        row[2] = labels.get(r["id"], r["spec_id"])
    box = nodes.container(classes=["natlat-scroll"])
    box += table(["id", "title", "spec id", "status", "seconds"], body,
                 classes=("natlat-table", "natlat-status-table"))
    return box


def outdated_listings(app, env, added, changed, removed):
    """``env-get-outdated``: re-write graph/table pages when any page changes."""
    if added or changed or removed:
        return sorted(env.get_domain("natlat").data["listings"])
    return []


def warn_failing_entries(app, env) -> None:
    """``env-check-consistency`` (runs on every build): one warning per
    documented catalog entry whose check failed, and one per entry whose
    exported proof the Coq kernel rejected — re-read or not, cached or not."""
    for tid, info in sorted(env.get_domain("natlat").theorems.items()):
        for key in (FAILURE, COQ_FAILURE):
            if info.get(key):
                logger.warning(info[key], location=info.get(LOCATION) or info["docname"])


def check_every_entry_has_page(app, env) -> None:
    """``env-check-consistency``: each registered theorem needs a page (blueprint's checkdecls)."""
    if not app.config.natlat_require_pages:
        return
    try:
        ids = get_catalog(app.config).ids()
    except Exception as e:
        logger.warning(f"natlat: cannot load the catalog: {e}")
        return
    documented = env.get_domain("natlat").theorems
    for tid in ids:
        if tid not in documented:
            logger.warning(f"catalog entry {tid} has no docs page (run `python -m natlat_sym.sphinxext.pages "
                           f"docs/catalog`)")
