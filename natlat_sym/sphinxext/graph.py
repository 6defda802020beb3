"""The catalog's dependency graph, laid out and drawn as SVG in pure Python.

No Graphviz and no JavaScript: the graph page must render with no network and
no extra binaries.  The drawing follows leanblueprint's depgraph:

* one node per catalog entry; definitions are boxes, everything else is a
  rounded "pill"; the label is the spec id (``T4``), the tooltip the title;
* **fill = proof status**, **border = statement status**
  (colours from :mod:`natlat_sym.sphinxext.status`);
* an edge ``a → b`` means *b uses a*; dashed when *a* is only needed to
  state *b*, solid when *b*'s proof uses *a*;
* the graph is transitively reduced (networkx), then drawn in layers given
  by :func:`networkx.topological_generations`, ordered within a layer by
  the barycentre of each node's parents to reduce crossings.

Public functions
----------------
``build_graph(entries) -> networkx.DiGraph``, ``reduce_graph(g)``,
``layout(g) -> {id: (x, y, width)}``, ``render_svg(entries, href_of)``.

Examples
--------
>>> entries = [
...     {"id": "d", "spec_id": "D1", "title": "Def", "kind": "definition",
...      "status": "checked", "statement_status": "stated", "uses": [], "proof_uses": []},
...     {"id": "t", "spec_id": "T1", "title": "Thm", "kind": "theorem",
...      "status": "certified", "statement_status": "stated", "uses": ["d"], "proof_uses": []},
...     {"id": "u", "spec_id": "T2", "title": "Cor", "kind": "theorem",
...      "status": "failing", "statement_status": "stated", "uses": ["d", "t"],
...      "proof_uses": ["t"]}]
>>> g = reduce_graph(build_graph(entries))
>>> sorted(g.edges(data="proof"))
[('d', 't', False), ('t', 'u', True)]
>>> svg = render_svg(entries, href_of=lambda i: f"{i}.html")
>>> svg.startswith("<svg") and 'href="t.html"' in svg and "#a6d96a" in svg
True
"""

from __future__ import annotations

import re
from html import escape

import networkx as nx

from .status import PROOF_STATUSES, STATEMENT_STATUSES, border_colour, proof_colour

__all__ = ["build_graph", "reduce_graph", "layout", "render_svg", "spec_sort_key", "distinct_labels"]

_NODE_H, _LAYER_GAP, _NODE_GAP, _MARGIN, _CHAR_W = 28, 64, 14, 16, 8.5


def spec_sort_key(spec_id: str):
    """Sort ``D1 < D2 < T2 < T10``: by prefix letters, then number."""
    m = re.match(r"([A-Za-z]*)(\d*)(.*)", spec_id or "")
    return (m.group(1), int(m.group(2)) if m.group(2) else -1, m.group(3))


def build_graph(entries) -> nx.DiGraph:
    """Directed graph with an edge ``dep → entry`` for each known id in ``uses``/``proof_uses``.

    Node attributes are the entry dicts; edge attribute ``proof`` is True when
    the dependency is a proof use (listed in ``proof_uses`` or ``uses_computed``).
    """
    g = nx.DiGraph()
    for e in entries:
        g.add_node(e["id"], **e)
    for e in entries:
        proof = set(e.get("proof_uses", ())) | set(e.get("uses_computed", ()))
        for dep in list(e.get("uses", ())) + sorted(proof):
            if dep in g and dep != e["id"]:
                was = g.edges[dep, e["id"]]["proof"] if g.has_edge(dep, e["id"]) else False
                g.add_edge(dep, e["id"], proof=was or dep in proof)
    return g


def reduce_graph(g: nx.DiGraph) -> nx.DiGraph:
    """Transitive reduction keeping node and edge attributes (identity if cyclic)."""
    if not nx.is_directed_acyclic_graph(g):
        return g
    tr = nx.transitive_reduction(g)
    tr.add_nodes_from(g.nodes(data=True))
    tr.add_edges_from((u, v, g.edges[u, v]) for u, v in tr.edges)
    return tr


def _label(node: dict) -> str:
    return node.get("label") or node.get("spec_id") or node["id"]


def distinct_labels(entries) -> dict:
    """``{id: label}``: the spec id, with ``a``, ``b``, ... appended (in id
    order) where several entries share one spec id, so that no two nodes
    read the same.

    >>> distinct_labels([{"id": "x", "spec_id": "O2"}, {"id": "w", "spec_id": "O2"}, {"id": "t", "spec_id": "T1"}])
    {'w': 'O2a', 'x': 'O2b', 't': 'T1'}
    """
    by_spec: dict = {}
    for e in entries:
        by_spec.setdefault(e.get("spec_id") or e["id"], []).append(e["id"])
    out = {}
    for spec, ids in by_spec.items():
        if len(ids) == 1:
            out[ids[0]] = spec
        else:
            for k, i in enumerate(sorted(ids)):
                out[i] = f"{spec}{chr(ord('a') + k)}" if k < 26 else f"{spec}.{k + 1}"
    return out


def layout(g: nx.DiGraph) -> dict:
    """``{id: (x_left, y_top, width)}`` for a layered drawing, top layer = roots."""
    if nx.is_directed_acyclic_graph(g):
        layers = [list(layer) for layer in nx.topological_generations(g)]
    else:  # a cycle is a catalog error reported elsewhere; still draw something
        layers = [list(g.nodes)]
    pos_in_layer: dict = {}
    for depth, layer in enumerate(layers):
        def key(n):
            parents = [pos_in_layer[p] for p in g.predecessors(n) if p in pos_in_layer]
            bary = sum(parents) / len(parents) if parents and depth else 0.0
            return (bary, spec_sort_key(_label(g.nodes[n])), n)
        layer.sort(key=key)
        for i, n in enumerate(layer):
            pos_in_layer[n] = i - (len(layer) - 1) / 2
    widths = {n: max(44.0, _CHAR_W * len(_label(g.nodes[n])) + 20) for n in g.nodes}
    rows = [sum(widths[n] for n in layer) + _NODE_GAP * (len(layer) - 1) for layer in layers]
    full = max(rows, default=0.0)
    out = {}
    for depth, (layer, row_w) in enumerate(zip(layers, rows)):
        x = _MARGIN + (full - row_w) / 2
        for n in layer:
            out[n] = (x, _MARGIN + depth * (_NODE_H + _LAYER_GAP), widths[n])
            x += widths[n] + _NODE_GAP
    return out


def render_svg(entries, href_of, *, reduce: bool = True) -> str:
    """The whole graph plus its legend as one standalone ``<svg>`` string.

    ``href_of(id)`` gives each node's link (or None for no link).
    """
    g = build_graph(entries)
    if reduce:
        g = reduce_graph(g)
    for n, label in distinct_labels([g.nodes[n] for n in g.nodes]).items():
        g.nodes[n]["label"] = label
    pos = layout(g)
    width = max((x + w for x, _, w in pos.values()), default=0.0) + _MARGIN
    height = max((y + _NODE_H for _, y, _ in pos.values()), default=0.0) + _MARGIN
    width = max(width, 700.0)
    parts = []
    for u, v, proof in sorted(g.edges(data="proof")):
        (xu, yu, wu), (xv, yv, wv) = pos[u], pos[v]
        x1, y1, x2, y2 = xu + wu / 2, yu + _NODE_H, xv + wv / 2, yv
        mid = (y1 + y2) / 2
        dash = "" if proof else ' stroke-dasharray="5,4"'
        parts.append(f'<path class="natlat-edge" data-from="{escape(u)}" data-to="{escape(v)}" '
                     f'd="M{x1:.1f},{y1:.1f} C{x1:.1f},{mid:.1f} {x2:.1f},{mid:.1f} {x2:.1f},{y2 - 2:.1f}" '
                     f'fill="none" stroke="#555" stroke-width="1.2"{dash} marker-end="url(#natlat-arrow)"/>')
    for n in sorted(g.nodes, key=lambda n: spec_sort_key(_label(g.nodes[n]))):
        parts.append(_node_svg(g.nodes[n], pos[n], href_of(n)))
    # the legend is drawn for a 700-unit-wide picture and grows with a wider
    # one (up to 1.75x), so that it is as legible as the node labels once the
    # picture is scaled to the column
    legend, legend_h = _legend_svg(height, min(width / 700.0, 1.75))
    total_h = height + legend_h
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" class="natlat-graph" '
            f'viewBox="0 0 {width:.0f} {total_h:.0f}" width="{width:.0f}" height="{total_h:.0f}" '
            'preserveAspectRatio="xMinYMin meet" style="max-width:100%;height:auto" '
            f'role="img" aria-label="Dependency graph of the natlat_sym catalog">'
            '<defs><marker id="natlat-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555"/>'
            '</marker></defs>')
    return head + "".join(parts) + legend + "</svg>"


def _node_svg(node: dict, pos, href) -> str:
    x, y, w = pos
    status, stmt = node.get("status", "unchecked"), node.get("statement_status", "stated")
    text_colour = PROOF_STATUSES.get(status, PROOF_STATUSES["unchecked"])[1]
    rx = 3 if node.get("kind") == "definition" else _NODE_H / 2
    coq = node.get("coq") or {}
    kernel = coq.get("ok") is True and coq.get("complete", True)  # every certified result kernel-checked
    tip = f'{node.get("title", node["id"])} ({node["id"]}): {status}; statement {stmt}'
    if coq:
        tip += f'; {coq.get("mark", "")}'
    mark = (f'<circle class="natlat-coq-mark" cx="{x + w - 4:.1f}" cy="{y + 4:.1f}" r="6" fill="#1f6feb" '
            f'stroke="#fff" stroke-width="1.5"/>') if kernel else ""
    body = (f'<g class="natlat-node" data-id="{escape(node["id"])}" data-status="{escape(status)}" '
            f'data-statement="{escape(stmt)}" data-coq="{"kernel-checked" if kernel else "no"}">'
            f'<title>{escape(tip)}</title>'
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{_NODE_H}" rx="{rx}" '
            f'fill="{proof_colour(status)}" stroke="{border_colour(stmt)}" stroke-width="2.5"/>'
            f'<text x="{x + w / 2:.1f}" y="{y + _NODE_H / 2 + 5:.1f}" text-anchor="middle" '
            f'font-family="sans-serif" font-size="13" fill="{text_colour}">{escape(_label(node))}</text>'
            f'{mark}</g>')
    if href:
        return f'<a href="{escape(href)}" target="_top">{body}</a>'
    return body


def _legend_svg(top: float, scale: float = 1.0) -> tuple[str, float]:
    """Legend rows generated from the same tables as the node colours.

    ``scale`` multiplies the legend's 12-unit font and spacing: a wide graph
    is shrunk to the column, and its legend with it, so the legend grows
    with the graph's width (its longest line stays inside the picture).
    """
    def u(v: float) -> str:  # a length in legend units
        return f"{v * scale:.1f}"

    font = f'font-family="sans-serif" font-size="{u(12)}"'
    parts, y = [], top + 10 * scale
    parts.append(f'<text x="{_MARGIN}" y="{y + 12 * scale:.1f}" {font} '
                 'font-weight="bold">Fill: proof status (computed in this build)</text>')
    y += 20 * scale
    for name, (fill, _, meaning) in PROOF_STATUSES.items():
        parts.append(f'<rect x="{_MARGIN}" y="{y:.1f}" width="{u(22)}" height="{u(14)}" rx="3" fill="{fill}" '
                     f'stroke="#777"/><text x="{_MARGIN + 30 * scale:.1f}" y="{y + 11 * scale:.1f}" '
                     f'{font}>{name}: {escape(meaning)}</text>')
        y += 18 * scale
    parts.append(f'<text x="{_MARGIN}" y="{y + 14 * scale:.1f}" {font} '
                 'font-weight="bold">Border: statement status</text>')
    y += 22 * scale
    for name, (colour, meaning) in STATEMENT_STATUSES.items():
        parts.append(f'<rect x="{_MARGIN}" y="{y:.1f}" width="{u(22)}" height="{u(14)}" rx="3" fill="#fff" '
                     f'stroke="{colour}" stroke-width="2.5"/><text x="{_MARGIN + 30 * scale:.1f}" '
                     f'y="{y + 11 * scale:.1f}" {font}>{name}: {escape(meaning)}</text>')
        y += 18 * scale
    parts.append(f'<circle cx="{_MARGIN + 11 * scale:.1f}" cy="{y + 7 * scale:.1f}" r="{u(6)}" fill="#1f6feb" '
                 f'stroke="#fff"/><text x="{_MARGIN + 30 * scale:.1f}" y="{y + 11 * scale:.1f}" {font}>'
                 'blue dot: kernel-checked — every exported proof accepted by Coq (coqc) in this build</text>')
    y += 18 * scale
    parts.append(f'<text x="{_MARGIN}" y="{y + 12 * scale:.1f}" {font}>'
                 'Edges: dashed = used to state, solid = used in the proof (transitively reduced). '
                 'Boxes: definitions.</text>')
    y += 20 * scale
    return "".join(parts), y - top + 6
