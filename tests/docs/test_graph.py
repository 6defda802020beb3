"""Unit tests of the pure-Python parts: graph, status colours, cache, summaries, page generator."""

from __future__ import annotations

import re
from fractions import Fraction
from types import SimpleNamespace as NS

import pytest

from natlat_sym.sphinxext import cache, graph, pages, status, summary


def entry(i, spec, kind="theorem", st="certified", uses=(), proof_uses=(), stmt="stated"):
    return {"id": i, "spec_id": spec, "title": i.title(), "kind": kind, "status": st,
            "statement_status": stmt, "uses": list(uses), "proof_uses": list(proof_uses)}


ENTRIES = [
    entry("d", "D1", kind="definition", st="checked"),
    entry("a", "T1", uses=["d"]),
    entry("b", "T2", st="tight", uses=["d", "a"], proof_uses=["a"]),
    entry("c", "T3", st="failing", uses=["d", "a", "b"], stmt="dangling"),
]


def nodes_of(svg):
    return {m.group(1): (m.group(2), m.group(3), m.group(4), m.group(5)) for m in re.finditer(
        r'data-id="([^"]+)" data-status="([^"]+)" data-statement="([^"]+)"[^>]*><title>[^<]*</title>'
        r'<rect [^>]*fill="([^"]+)" stroke="([^"]+)"', svg)}


def test_transitive_reduction_keeps_only_covering_edges_and_edge_kinds():
    g = graph.reduce_graph(graph.build_graph(ENTRIES))
    assert sorted(g.edges(data="proof")) == [("a", "b", True), ("b", "c", False), ("d", "a", False)]
    assert g.nodes["c"]["status"] == "failing"   # attributes survive the reduction


def test_unreduced_graph_has_every_declared_edge():
    assert graph.build_graph(ENTRIES).number_of_edges() == 6


def test_svg_colours_every_node_by_its_two_channels():
    svg = graph.render_svg(ENTRIES, href_of=lambda i: f"p/{i}.html")
    found = nodes_of(svg)
    assert set(found) == {"d", "a", "b", "c"}
    for e in ENTRIES:
        st, stmt, fill, stroke = found[e["id"]]
        assert (st, stmt) == (e["status"], e["statement_status"])
        assert fill == status.PROOF_STATUSES[e["status"]][0]
        assert stroke == status.STATEMENT_STATUSES[e["statement_status"]][0]
    assert svg.count('<a href="p/') == 4 and 'target="_top"' in svg
    assert svg.count('class="natlat-edge"') == 3
    assert svg.count('stroke-dasharray') == 2     # two statement-only edges in the reduced graph
    for name in status.PROOF_STATUSES:             # the legend is generated from the same table
        assert f">{name}: " in svg


def test_svg_marks_kernel_checked_entries_as_a_third_channel():
    checked = dict(ENTRIES[1], coq={"ok": True, "mark": "kernel-checked (Coq 8.16)", "file": "_coq/a.v"})
    rejected = dict(ENTRIES[2], coq={"ok": False, "mark": "Coq error: line 3", "file": None})
    svg = graph.render_svg([ENTRIES[0], checked, rejected, ENTRIES[3]], href_of=lambda i: None)
    coq = dict(re.findall(r'data-id="([^"]+)"[^>]*data-coq="([^"]+)"', svg))
    assert coq == {"d": "no", "a": "kernel-checked", "b": "no", "c": "no"}
    assert svg.count('class="natlat-coq-mark"') == 1
    assert "kernel-checked (Coq 8.16)" in svg and "Coq error: line 3" in svg   # tooltips
    assert "blue dot: kernel-checked" in svg                                   # legend


def test_layout_puts_dependencies_above_and_nodes_apart():
    g = graph.reduce_graph(graph.build_graph(ENTRIES))
    pos = graph.layout(g)
    for u, v in g.edges:
        assert pos[u][1] < pos[v][1]
    boxes = sorted(pos.values())
    for (x1, y1, w1), (x2, y2, _) in zip(boxes, boxes[1:]):
        assert y1 != y2 or x1 + w1 <= x2


def test_cycles_and_unknown_dependencies_do_not_crash():
    cyc = [entry("a", "T1", uses=["b", "ghost"]), entry("b", "T2", uses=["a"])]
    svg = graph.render_svg(cyc, href_of=lambda i: None)
    assert set(nodes_of(svg)) == {"a", "b"} and "<a href" not in svg


def test_spec_sort_key_orders_numbers_numerically():
    assert sorted(["T10", "T2", "D1", "R1"], key=graph.spec_sort_key) == ["D1", "R1", "T2", "T10"]


def test_status_helpers():
    assert status.statement_status(uses=(), known_ids=set(), error="boom") == "broken"
    assert status.proof_colour("no-such-status") == status.PROOF_STATUSES["unchecked"][0]
    css = status.status_css()
    assert all(f".natlat-status-{s}" in css for s in status.PROOF_STATUSES)


def test_cache_key_changes_with_each_input_and_roundtrips(tmp_path):
    k = cache.cache_key("t", "src", "v")
    assert len({k, cache.cache_key("u", "src", "v"), cache.cache_key("t", "src2", "v"),
                cache.cache_key("t", "src", "w")}) == 4
    assert cache.load_summary(tmp_path, k) is None
    cache.store_summary(tmp_path, k, {"x": [1, "2"]})
    assert cache.load_summary(tmp_path, k) == {"x": [1, "2"]}
    (tmp_path / f"{k}.json").write_text("{not json")
    assert cache.load_summary(tmp_path, k) is None
    assert "+" in cache.library_fingerprint()


def test_summary_of_a_report_is_plain_json():
    import json

    from natlat_sym.finite.distribution import Distribution

    d = Distribution.from_array([["1/2", "0"], ["0", "1/2"]], ["X", "L"], latents=["L"])
    ob = NS(kind="finite", description="holds", statement=None, expect="holds")
    thm = NS(id="t", title="T", spec_id="T1", kind="theorem", reference="r", informal="i",
             uses=("d",), proof_uses=(), source_path="", obligations=(ob,), statements=())
    res = NS(kind="finite", outcome="holds", ok=True, seconds=0.5, detail="", sizes="2x2",
             certificate=None, derivation=None, witness=None, distribution=d,
             values={"a": Fraction(1, 2)}, claimed={"a": Fraction(1)}, statement_latex="")
    rep = NS(status=NS(value="checked"), ok=True, seconds=0.51, results=(res,), uses_computed=(), reason="")
    s = summary.summarize(thm, rep)
    assert json.loads(json.dumps(s)) == s
    assert s["status"] == "checked" and s["test_id"].endswith("[t]")
    table = s["obligations"][0]["tables"][0]
    assert table["header"] == ["X", "L (latent)", "P"]
    assert table["rows"] == [["0", "0", "1/2"], ["1", "1", "1/2"]]
    assert s["obligations"][0]["tight"] == [["a", "1/2", "1"]]
    err = summary.summarize_error(thm, "RuntimeError: boom")
    assert err["status"] == "failing" and not err["ok"] and err["error"] == "RuntimeError: boom"


def test_derivation_chains_become_rows():
    from natlat_sym.shannon.derivation import derive
    from natlat_sym.shannon.linear import LinearForm as F
    from natlat_sym.shannon.prove import prove_forms

    f = F.entropy({"X"}) - F.cond_entropy({"X"}, {"Y"})
    d = summary._derivation_of(derive(prove_forms(f, "<=", ()).certificate))
    assert d["rows"][0][3] == "left-hand side"
    # the justification is LaTeX (rendered as inline math on the page)
    assert d["rows"][1][:2] == ["1", r"\le"] and d["rows"][1][3] == r"$I(X ; Y) \ge 0$"
    assert "H" in d["rows"][1][2]


def test_page_generator_writes_checks_and_removes_only_its_own_files(tmp_path):
    cat = [NS(id="a_thm", title="A", kind="theorem", spec_id="T1"),
           NS(id="b_def", title="B", kind="definition", spec_id="D1")]
    assert sorted(pages.write_pages(cat, tmp_path)) == sorted(
        ["a_thm.md", "b_def.md", "theorems.md", "definitions.md", "index.md"])
    assert pages.write_pages(cat, tmp_path, check=True) == []
    assert pages.page_ids(tmp_path) == {"a_thm", "b_def"}
    (tmp_path / "mine.md").write_text("# hand written\n")
    changed = pages.write_pages(cat[:1], tmp_path)
    assert "b_def.md" in changed and not (tmp_path / "b_def.md").exists()
    assert (tmp_path / "mine.md").exists()
    idx = (tmp_path / "index.md").read_text()
    assert "definitions" not in idx and "theorems" in idx


def test_page_generator_cli_check_mode(tmp_path, capsys):
    from natlat_sym.catalog import load_catalog

    assert pages.main([str(tmp_path), "--check"]) == 1
    assert pages.main([str(tmp_path)]) == 0
    assert pages.main([str(tmp_path), "--check"]) == 0
    assert pages.page_ids(tmp_path) == set(load_catalog().ids())


def test_duplicate_spec_ids_get_distinct_labels_in_graph_and_table():
    # regression (issue 11): R3, R7 and O2 appeared twice with identical labels
    from natlat_sym.sphinxext.graph import distinct_labels, render_svg

    entries = [{"id": "b_entry", "spec_id": "O2", "kind": "open", "uses": []},
               {"id": "a_entry", "spec_id": "O2", "kind": "open", "uses": []},
               {"id": "t", "spec_id": "T1", "kind": "theorem", "uses": []}]
    assert distinct_labels(entries) == {"a_entry": "O2a", "b_entry": "O2b", "t": "T1"}
    svg = render_svg(entries, href_of=lambda i: None)
    assert ">O2a<" in svg and ">O2b<" in svg and 'style="max-width:100%;height:auto"' in svg


def test_legend_grows_with_a_wide_graph_and_stays_inside_it():
    # regression (issue 11 audit): the 1248-unit catalog graph is shrunk to the
    # ~740 px column, and its fixed 12-unit legend with it, to ~7 px text
    def legend_fonts(svg):
        legend = svg[svg.rindex("<text", 0, svg.index("Fill: proof status")):]
        return {float(f) for f in re.findall(r'font-size="([\d.]+)"', legend)}

    def width(svg):
        return float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))

    narrow = graph.render_svg(ENTRIES, href_of=lambda i: None)
    wide_entries = [entry(f"t{k}", f"T{k}") for k in range(1, 25)]  # one wide layer
    wide = graph.render_svg(wide_entries, href_of=lambda i: None)
    assert width(narrow) == 700 and legend_fonts(narrow) == {12.0}
    assert width(wide) > 1200
    [font] = legend_fonts(wide)
    assert font == pytest.approx(12 * min(width(wide) / 700, 1.75), abs=0.05)
    # the longest legend line (about 100 characters) fits: 0.6 em per character at most
    assert 100 * 0.6 * font < width(wide)
