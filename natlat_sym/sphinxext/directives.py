"""The ``natlat`` Sphinx domain: ``natlat:theorem``, ``natlat:graph``, ``natlat:status-table``.

``natlat:theorem <id>`` looks the entry up in the catalog, re-verifies it
with ``check_theorem`` (through the content-hash cache of
:mod:`natlat_sym.sphinxext.cache`), records it in the domain data, and
renders in order: title and computed status badge; informal statement;
formal statement (``Statement.latex()``); uses / used by; the checks with
their derivation tables, tight constants and distributions; the proof
module's source (collapsible) and the pytest id; references.  A failed check
is a Sphinx *warning* (so ``-W`` fails the build), never a crash.

``natlat:graph`` and ``natlat:status-table`` leave a placeholder that is
filled at ``doctree-resolved``, once every theorem page has been read;
pages holding them are re-written whenever a theorem page changes.

The informal statement is markdown with ``$math$``: pages using the theorem
directive must be MyST (``.md``) pages.
"""

from __future__ import annotations

import importlib
import re
import os
from functools import lru_cache
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from . import cache, summary
from .graph import distinct_labels, render_svg
from .status import PROOF_STATUSES, statement_status

logger = logging.getLogger(__name__)

#: fields of a summary kept in the (pickled) domain data.
#: keys of the domain's theorem records that stay internal (not in theorems.json)
_FAILURE, _LOCATION = "_failure", "_location"
_INDEX_FIELDS = ("title", "spec_id", "kind", "status", "statement_status", "ok", "seconds", "uses",
                 "proof_uses", "uses_computed", "used_by", "source_path", "test_id", "reason", "coq")


# ---------------------------------------------------------------- custom nodes
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


# ---------------------------------------------------------------- catalog access
def _import(dotted: str):
    module, _, attr = dotted.partition(":")
    return getattr(importlib.import_module(module), attr)


@lru_cache(maxsize=8)
def _load_catalog(loader: str, path: str | None):
    return _import(loader)(path)


def get_catalog(config):
    """The catalog named by ``natlat_catalog_loader`` / ``natlat_catalog_path`` (loaded once)."""
    return _load_catalog(config.natlat_catalog_loader, config.natlat_catalog_path)


def checked_summary(config, theorem) -> dict:
    """Summary of ``theorem``'s check, from the cache or by running ``natlat_check``."""
    source = Path(theorem.source_path).read_text(encoding="utf-8") if theorem.source_path else ""
    key = cache.cache_key(theorem.id, source, cache.library_fingerprint())
    directory = Path(config.natlat_cache_dir)
    found = cache.load_summary(directory, key)
    if found is not None:
        return found
    try:
        report = _import(config.natlat_check)(theorem, timeout=float(config.natlat_timeout))
        out = summary.summarize(theorem, report)
    except Exception as e:  # a crashing check is a warning on the page, not a crashed build
        out = summary.summarize_error(theorem, f"{type(e).__name__}: {e}")
    out["cache_key"] = key
    cache.store_summary(directory, key, out)
    return out


def kernel_check(config, data: dict) -> dict | None:
    """Run ``coqc`` on the entry's exported Coq file (results cached by
    content hash in ``<natlat_cache_dir>/coq``).

    Returns None for an entry with nothing to export, else ``{"ok", "mark",
    "message", "version", "seconds", "text"}``; ``ok`` is None when ``coqc``
    is not installed (the page then says so; no warning)."""
    modules = data.get("coq_modules") or []
    if data.get("coq_not_exported") and not modules:
        return {"ok": None, "mark": "not kernel-checked (copy-lemma proof; not exported to Coq yet)",
                "message": "; ".join(data["coq_not_exported"]), "version": "", "seconds": 0.0, "text": ""}
    if data.get("coq_error"):
        return {"ok": False, "mark": "Coq export failed", "message": data["coq_error"], "version": "",
                "seconds": 0.0, "text": ""}
    if not modules:
        return None
    from natlat_sym.coq.export import coq_file
    from natlat_sym.coq.run import CoqUnavailable, run_coqc_cached

    text = coq_file([tuple(m) for m in modules], title=f"{data.get('spec_id', '')} {data['id']}")
    try:
        r = run_coqc_cached(text, Path(config.natlat_cache_dir) / "coq")
    except CoqUnavailable as e:
        return {"ok": None, "mark": "not kernel-checked in this build (coqc not installed)", "message": str(e),
                "version": "", "seconds": 0.0, "text": text}
    from natlat_sym.coq.catalog import file_mark

    return {"ok": r.ok, "mark": file_mark(r, text), "message": r.message, "version": r.version,
            "seconds": round(r.seconds, 3), "text": text}


# ---------------------------------------------------------------- small node builders
def _para(*children, classes=()):
    p = nodes.paragraph(classes=list(classes))
    for c in children:
        p += nodes.Text(c) if isinstance(c, str) else c
    return p


def _math_block(latex: str, docname: str):
    return nodes.math_block(latex, latex, docname=docname, number=None, label=None, nowrap=False)


def _xref(theorem_id: str):
    ref = addnodes.pending_xref("", refdomain="natlat", reftype="thm", reftarget=theorem_id,
                                refexplicit=False, refwarn=True)
    ref += nodes.literal(theorem_id, theorem_id)
    return ref


def _table(header, rows, *, classes=("natlat-table",)):
    """A docutils table; cells are strings or nodes."""
    table = nodes.table(classes=list(classes))
    group = nodes.tgroup(cols=len(header))
    table += group
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
                entry += cell if isinstance(cell, nodes.Element) else _para(str(cell))
                row += entry
            target += row
    return table


def _section(tid: str, name: str, title: str):
    sec = nodes.section(ids=[f"{tid}-{name}"], names=[f"{tid}-{name}"])
    sec += nodes.title(title, title)
    return sec


_BIB_TOKEN = re.compile(r"\b([SCE]\d{1,3})\b")


def _bibliography_keys(env) -> frozenset:
    """Keys with a target ``(bib-s9)=`` in the project's ``bibliography`` page (none: no links)."""
    path = Path(env.srcdir) / "bibliography.md"
    if not path.is_file():
        return frozenset()
    return frozenset(m.upper() for m in re.findall(r"^\(bib-([a-z0-9]+)\)=", path.read_text(encoding="utf-8"),
                                                    flags=re.M))


def _references(text: str, env):
    """The references line with every ``S…``/``C…``/``E…`` key linked to the bibliography."""
    keys = _bibliography_keys(env)
    para = _para()
    pos = 0
    for m in _BIB_TOKEN.finditer(text):
        if m.group(1) not in keys:
            continue
        if m.start() > pos:
            para += nodes.Text(text[pos:m.start()])
        ref = addnodes.pending_xref("", refdomain="std", reftype="ref", reftarget=f"bib-{m.group(1).lower()}",
                                    refexplicit=True, refwarn=True)
        ref += nodes.inline(m.group(1), m.group(1))
        para += ref
        pos = m.end()
    if pos < len(text):
        para += nodes.Text(text[pos:])
    return para


def _mixed(text: str):
    """A paragraph of text with ``$…$`` spans as inline math (justifications)."""
    para = _para()
    for k, piece in enumerate(str(text).split("$")):
        if piece:
            para += nodes.math(piece, piece) if k % 2 else nodes.Text(piece)
    return para


def _inline_math(latex: str):
    return _para(nodes.math(latex, latex)) if latex else _para("")


# ---------------------------------------------------------------- directives
class TheoremDirective(SphinxDirective):
    """``natlat:theorem <id>``: the whole page of one catalog entry."""

    required_arguments = 1
    has_content = False

    def run(self):
        tid = self.arguments[0].strip()
        try:
            catalog = get_catalog(self.config)
            theorem = catalog.get(tid)
        except Exception as e:
            logger.warning(f"natlat:theorem {tid!r}: {e}", location=self.get_location())
            return [_para(f"Unknown catalog entry {tid!r}.", classes=["natlat-error"])]
        if theorem.source_path:
            self.env.note_dependency(os.path.abspath(theorem.source_path))
        data = dict(checked_summary(self.config, theorem))
        data["used_by"] = list(catalog.used_by(tid))
        data["statement_status"] = statement_status(uses=data["uses"], known_ids=set(catalog.ids()),
                                                    error=data.get("error"))
        coq = kernel_check(self.config, data)
        if coq is not None and coq["ok"] is False:
            logger.warning(f"theorem {tid}: the Coq kernel rejects its exported proof: {coq['message']}",
                           location=self.get_location())
        data["coq_check"] = coq
        if coq is not None and coq["ok"] and data.get("coq_not_exported"):
            coq["mark"] = "partly " + coq["mark"]  # the copy-lemma proofs are not in the file
        data["coq"] = None if coq is None else {"ok": coq["ok"], "mark": coq["mark"],
                                                 "complete": not data.get("coq_not_exported"),
                                                 "file": self._write_coq_file(tid, coq["text"])}
        failure = None
        if not data["ok"]:  # warned by warn_failing_entries on every build, re-read or not
            failure = (f"theorem {tid} ({data['spec_id']}) is {data['status']}: "
                       f"{data.get('reason') or data.get('error') or 'a check failed'}")
        anchor = f"thm-{tid}"
        domain = self.env.get_domain("natlat")
        domain.add_theorem(tid, self.env.docname, anchor,
                           {**{k: data.get(k) for k in _INDEX_FIELDS}, _FAILURE: failure,
                            _LOCATION: self.get_location()})
        return [self._render(data, anchor)]

    def _write_coq_file(self, tid: str, text: str) -> str | None:
        """Write ``_coq/<id>.v`` into an HTML build's output; its path relative
        to the output root, or None (other builders, nothing to write)."""
        builder = getattr(self.env.app, "builder", None)
        if not text or builder is None or builder.format != "html":
            return None
        out = Path(self.env.app.outdir) / "_coq"
        out.mkdir(parents=True, exist_ok=True)
        from natlat_sym.cli._common import write_atomic

        if not (out / f"{tid}.v").is_file() or (out / f"{tid}.v").read_text(encoding="utf-8") != text:
            write_atomic(out / f"{tid}.v", text)
        return f"_coq/{tid}.v"

    def _coq_line(self, d: dict):
        """Badge "kernel-checked (Coq 8.16)" and a link to the ``.v`` file."""
        coq, check = d.get("coq"), d.get("coq_check") or {}
        if not coq:
            return None
        status = "tight" if coq["ok"] else ("failing" if coq["ok"] is False else "unchecked")
        badge = status_badge(coq["mark"], coq["mark"], status=status,
                             tooltip=check.get("message") or f"coqc accepted every theorem in {coq.get('file')}")
        para = _para(badge, classes=["natlat-coq"])
        if coq.get("file"):
            depth = self.env.docname.count("/")
            uri = "../" * depth + coq["file"]
            para += nodes.Text("  ")
            para += nodes.reference("", f"download {Path(coq['file']).name}", refuri=uri,
                                    classes=["natlat-coq-download"])
            n = len(d.get("coq_modules") or [])
            para += nodes.Text(f"  ({n} theorem{'s' if n != 1 else ''}; check with coqc {Path(coq['file']).name})")
        if coq["ok"] is False:
            para += nodes.Text(f"  {check.get('message', '')}")
        for note in d.get("coq_not_exported") or ():
            para += nodes.Text(f"  Not in the Coq file: {note}.")
        return para

    def _render(self, d: dict, anchor: str):
        tid, doc = d["id"], self.env.docname
        page = nodes.section(ids=[anchor], names=[tid])
        page += nodes.title(d["title"], d["title"])
        badge = status_badge(d["status"], d["status"], status=d["status"],
                             tooltip=f"computed in this build ({d['seconds']:.2f} s); {d.get('reason') or ''}")
        page += _para(nodes.literal(tid, tid), "  ", badge,
                      f"  {d['spec_id']} · {d['kind']} · checked in {d['seconds']:.2f} s",
                      classes=["natlat-titleline"])
        if not d["ok"]:
            page += _para(f"Check failed: {d.get('reason') or d.get('error')}", classes=["natlat-error"])
        coq_line = self._coq_line(d)
        if coq_line is not None:
            page += coq_line

        sec = _section(tid, "informal", "Statement")
        if d["informal"].strip():
            body = nodes.container(classes=["natlat-informal"])
            self.state.nested_parse(_string_list(d["informal"], self.get_source_info()), 0, body)
            sec += body
        page += sec

        sec = _section(tid, "formal", "Formal statement")
        for latex in d["statements"]:
            sec += _math_block(latex, doc)
        if not d["statements"]:
            sec += _para("No symbolic statement: this entry is checked on finite instances only.")
        page += sec

        sec = _section(tid, "dependencies", "Dependencies")
        for label, ids in (("Uses (to state)", d["uses"]), ("Uses (to prove, declared)", d["proof_uses"]),
                           ("Used by", d["used_by"])):
            para = _para(f"{label}: ")
            for k, other in enumerate(ids):
                para += nodes.Text(", ") if k else nodes.Text("")
                para += _xref(other)
            if not ids:
                para += nodes.Text("none")
            sec += para
        if d["uses_computed"]:
            sec += _para("Hypotheses the certificates actually use: " + ", ".join(d["uses_computed"]))
        page += sec

        sec = _section(tid, "checks", "Checks")
        for k, ob in enumerate(d["obligations"], start=1):
            sec += self._obligation(k, ob, doc)
        page += sec

        sec = _section(tid, "code", "Code")
        if d["source_path"] and Path(d["source_path"]).is_file():
            text = Path(d["source_path"]).read_text(encoding="utf-8")
            box = collapsible(summary=f"proofs/{Path(d['source_path']).name}")
            block = nodes.literal_block(text, text, language="python", linenos=True)
            box += block
            sec += box
        sec += _para("Run by pytest as ", nodes.literal(d["test_id"], d["test_id"]), ".")
        page += sec

        sec = _section(tid, "references", "References")
        sec += _references(d["reference"] or "—", self.env)
        page += sec
        return page

    def _obligation(self, k: int, ob: dict, doc: str):
        box = nodes.container(classes=["natlat-obligation"])
        mark = "✓" if ob.get("ok") else "✗"
        head = _para(nodes.strong(f"{k}. {ob['kind']}", f"{k}. {ob['kind']}"),
                     f" — {ob['description']}  ({mark} expected {ob['expect']}, "
                     f"got {ob.get('outcome', 'not run')}, {ob.get('seconds', 0):.2f} s)")
        box += head
        if ob.get("statement"):
            box += _math_block(ob["statement"], doc)
        der = ob.get("derivation")
        if der and der.get("rows"):
            cert = f"certificate {ob['certificate']}, " if ob.get("certificate") else ""
            box += _para(nodes.emphasis("Derivation", "Derivation"), f" ({cert}re-verified in exact arithmetic):")
            box += _table(["step", "", "expression", "justification"],
                          [[r[0], _inline_math(r[1]), _inline_math(r[2]), _mixed(r[3])] for r in der["rows"]],
                          classes=("natlat-table", "natlat-derivation"))
        elif der and der.get("latex"):
            box += _para(nodes.emphasis("Derivation", "Derivation"), ":")
            box += _math_block(der["latex"], doc)
        elif der and der.get("text"):
            box += nodes.literal_block(der["text"], der["text"])
        elif ob.get("certificate"):
            box += _para(f"Certificate {ob['certificate']} ({ob.get('certificate_steps')} steps), "
                         "re-verified in exact arithmetic.")
        if ob.get("tight"):
            box += _table(["coefficient", "least value found", "value claimed"], ob["tight"])
        for t in ob.get("tables", ()):
            box += _para(nodes.emphasis(t["caption"], t["caption"]))
            box += _table(t["header"], t["rows"])
        for label, key in (("Sizes", "sizes"), ("Detail", "detail")):
            if ob.get(key):
                box += _para(f"{label}: {ob[key]}", classes=["natlat-detail"])
        return box


def _string_list(text: str, source_info):
    from docutils.statemachine import StringList

    source, line = source_info
    return StringList(text.strip("\n").splitlines(), source=source)


class ListingDirective(SphinxDirective):
    """Base of ``natlat:graph`` and ``natlat:status-table``: a placeholder filled later."""

    what = ""
    option_spec = {"kind": directives.unchanged}

    def run(self):
        self.env.get_domain("natlat").add_listing(self.env.docname)
        node = catalog_listing(what=self.what, kind=self.options.get("kind", ""))
        return [node]


class GraphDirective(ListingDirective):
    what = "graph"


class StatusTableDirective(ListingDirective):
    what = "status-table"


class CliHelpDirective(SphinxDirective):
    """``natlat:cli-help <module:group>``: ``--help`` of a click group and of each command.

    Generated from the click objects at build time, so the reference cannot
    drift from the CLI."""

    required_arguments = 1

    def run(self):
        import click

        try:
            group = _import(self.arguments[0].strip())
        except Exception as e:
            logger.warning(f"natlat:cli-help: cannot import {self.arguments[0]!r}: {e}",
                           location=self.get_location())
            return []
        name = "natlat"
        out = []
        with click.Context(group, info_name=name, terminal_width=100) as ctx:
            out.append(nodes.literal_block(text := group.get_help(ctx), text, language="text"))
            for cmd_name in sorted(getattr(group, "commands", {})):
                cmd = group.commands[cmd_name]
                sec = nodes.section(ids=[f"cli-{cmd_name}"], names=[f"natlat {cmd_name}"])
                sec += nodes.title(f"natlat {cmd_name}", f"natlat {cmd_name}")
                with click.Context(cmd, info_name=cmd_name, parent=ctx, terminal_width=100) as sub:
                    text = cmd.get_help(sub)
                sec += nodes.literal_block(text, text, language="text")
                out.append(sec)
        return out


# ---------------------------------------------------------------- the domain
class NatlatDomain(Domain):
    """Records every theorem page (id → docname, anchor, status) for links and listings."""

    name = "natlat"
    label = "natlat_sym catalog"
    object_types = {"theorem": ObjType("theorem", "thm")}
    directives = {"theorem": TheoremDirective, "graph": GraphDirective,
                  "status-table": StatusTableDirective, "cli-help": CliHelpDirective}
    roles = {"thm": XRefRole(warn_dangling=True)}
    initial_data = {"theorems": {}, "listings": set()}
    dangling_warnings = {"thm": "unknown natlat theorem id %(target)r"}

    @property
    def theorems(self) -> dict:
        return self.data["theorems"]

    def add_theorem(self, tid: str, docname: str, anchor: str, info: dict) -> None:
        if tid in self.theorems and self.theorems[tid]["docname"] != docname:
            logger.warning(f"theorem {tid} is documented twice (also in {self.theorems[tid]['docname']})",
                           location=docname)
        self.theorems[tid] = dict(info, docname=docname, anchor=anchor)

    def add_listing(self, docname: str) -> None:
        self.data["listings"].add(docname)

    def clear_doc(self, docname: str) -> None:
        for tid in [t for t, v in self.theorems.items() if v["docname"] == docname]:
            del self.theorems[tid]
        self.data["listings"].discard(docname)

    def merge_domaindata(self, docnames, otherdata) -> None:
        for tid, info in otherdata["theorems"].items():
            if info["docname"] in docnames:
                self.theorems[tid] = info
        self.data["listings"] |= {d for d in otherdata["listings"] if d in docnames}

    def resolve_xref(self, env, fromdocname, builder, typ, target, node, contnode):
        info = self.theorems.get(target)
        if info is None:
            return None
        return make_refnode(builder, fromdocname, info["docname"], info["anchor"], contnode,
                            f"{info['title']} ({info['status']})")

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        ref = self.resolve_xref(env, fromdocname, builder, "thm", target, node, contnode)
        return [("natlat:thm", ref)] if ref is not None else []

    def get_objects(self):
        for tid, info in self.theorems.items():
            yield tid, info["title"], "theorem", info["docname"], info["anchor"], 1


# ---------------------------------------------------------------- events
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
        base.update({k: v for k, v in domain.theorems.get(t.id, {}).items() if k not in (_FAILURE, _LOCATION)})
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
                new = _para(f"(dependency graph of {len(rows)} entries: see the HTML docs)")
        else:
            new = _status_table(app, rows, fromdocname)
        node.replace_self(new)


def _status_table(app, rows, fromdocname):
    body = []
    for r in rows:
        cell = _para()
        if r.get("docname"):
            info = app.env.get_domain("natlat").theorems[r["id"]]
            cell += make_refnode(app.builder, fromdocname, info["docname"], info["anchor"],
                                 nodes.literal(r["id"], r["id"]), r["title"])
        else:
            cell += nodes.literal(r["id"], r["id"])
        badge = status_badge(r["status"], r["status"], status=r["status"],
                             tooltip=PROOF_STATUSES.get(r["status"], ("", "", ""))[2])
        body.append([cell, r["title"], r["spec_id"], _para(badge), f"{float(r['seconds'] or 0):.2f}"])
    labels = distinct_labels(rows)
    for row, r in zip(body, rows):
        row[2] = labels.get(r["id"], r["spec_id"])
    box = nodes.container(classes=["natlat-scroll"])
    box += _table(["id", "title", "spec id", "status", "seconds"], body,
                  classes=("natlat-table", "natlat-status-table"))
    return box


def outdated_listings(app, env, added, changed, removed):
    """``env-get-outdated``: re-write graph/table pages when any page changes."""
    if added or changed or removed:
        return sorted(env.get_domain("natlat").data["listings"])
    return []


def warn_failing_entries(app, env) -> None:
    """``env-check-consistency`` (runs on every build): one warning per
    documented catalog entry whose check failed, so ``sphinx -W`` fails
    every build while an entry fails — also incremental builds where the
    page was not re-read, and checks answered from the cache."""
    for tid, info in sorted(env.get_domain("natlat").theorems.items()):
        if info.get(_FAILURE):
            logger.warning(info[_FAILURE], location=info.get(_LOCATION) or info["docname"])


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

