"""The extension's docutils nodes and their HTML visitors.

``status_badge`` is a coloured pill (see :mod:`natlat_sym.sphinxext.status`),
``collapsible`` a ``<details>`` box, ``catalog_listing`` the placeholder a
``natlat:graph`` or ``natlat:status-table`` leaves until every theorem page
has been read.  Builders other than HTML render badges and boxes as their
plain children (:data:`PLAIN`) and never see a listing placeholder (it is
replaced at ``doctree-resolved``).
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes

__all__ = ["status_badge", "collapsible", "catalog_listing", "PLAIN", "register_nodes", "paragraph", "math_block",
           "theorem_xref", "table"]


class status_badge(nodes.Inline, nodes.TextElement):
    """A status pill; attribute ``status`` and ``tooltip``."""


class collapsible(nodes.General, nodes.Element):
    """``<details>`` with a ``summary`` attribute (a plain container elsewhere)."""


class catalog_listing(nodes.General, nodes.Element):
    """Placeholder for ``natlat:graph`` (``what="graph"``) or ``natlat:status-table``."""


def visit_badge_html(self, node):
    self.body.append(self.starttag(node, "span", "", CLASS=f"natlat-badge natlat-status-{node['status']}",
                                   title=node.get("tooltip", "")))


def depart_badge_html(self, node):
    self.body.append("</span>")


def visit_collapsible_html(self, node):
    self.body.append(self.starttag(node, "details", CLASS="natlat-details"))
    self.body.append(f"<summary>{self.encode(node['summary'])}</summary>")


def depart_collapsible_html(self, node):
    self.body.append("</details>")


def _skip(self, node):
    pass


#: (visit, depart) that render a node as its children only.
PLAIN = (_skip, _skip)


def register_nodes(app) -> None:
    """Add the three nodes with their HTML visitors (plain elsewhere)."""
    plain = {b: PLAIN for b in ("text", "latex", "man", "texinfo")}
    app.add_node(status_badge, html=(visit_badge_html, depart_badge_html), **plain)
    app.add_node(collapsible, html=(visit_collapsible_html, depart_collapsible_html), **plain)
    app.add_node(catalog_listing, html=PLAIN, **plain)


# ----------------------------------------------------------------------------- small node builders
def paragraph(*children, classes=()):
    """A paragraph of strings (as text) and nodes."""
    p = nodes.paragraph(classes=list(classes))
    for c in children:
        p += nodes.Text(c) if isinstance(c, str) else c
    return p


def math_block(latex: str, docname: str):
    """Display math, unnumbered."""
    return nodes.math_block(latex, latex, docname=docname, number=None, label=None, nowrap=False)


def theorem_xref(theorem_id: str):
    """A ``natlat:thm`` cross-reference showing the id."""
    ref = addnodes.pending_xref("", refdomain="natlat", reftype="thm", reftarget=theorem_id,
                                refexplicit=False, refwarn=True)
    ref += nodes.literal(theorem_id, theorem_id)
    return ref


def table(header, rows, *, classes=("natlat-table",)):
    """A docutils table; cells are strings or nodes."""
    out = nodes.table(classes=list(classes))
    group = nodes.tgroup(cols=len(header))
    out += group
    for _ in header:
        group += nodes.colspec(colwidth=1)
    head, body = nodes.thead(), nodes.tbody()
    group += head
    group += body
    for target, cells_list in ((head, [header]), (body, rows)):
        for cells in cells_list:
            row = nodes.row()
            for cell in cells:
                entry = nodes.entry()
                entry += cell if isinstance(cell, nodes.Element) else paragraph(str(cell))
                row += entry
            target += row
    return out
