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

import os
import re
from pathlib import Path

import click
from docutils import nodes
from docutils.parsers.rst import directives
from docutils.statemachine import StringList
from sphinx import addnodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from ..files import write_file
from .checking import checks_for, get_catalog, import_dotted
from .events import COQ_FAILURE, FAILURE, LOCATION
from .kernel import BATCH_FILE
from .nodes import (catalog_listing, collapsible, math_block, paragraph, status_badge, table,
                    theorem_xref)
from .status import statement_status

__all__ = ["NatlatDomain", "TheoremDirective", "GraphDirective", "StatusTableDirective", "CliHelpDirective"]

logger = logging.getLogger(__name__)

#: fields of a summary kept in the (pickled) domain data (and in theorems.json).
_INDEX_FIELDS = ("title", "spec_id", "kind", "status", "statement_status", "ok", "seconds", "uses",
                 "proof_uses", "uses_computed", "used_by", "source_path", "test_id", "reason", "coq")


# ---------------------------------------------------------------- small node builders
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
    para = paragraph()
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


def _linked_informal(markdown: str, env) -> str:
    """The informal statement with each ``S…``/``C…``/``E…`` key that the
    bibliography defines written as a ``{ref}`` to it (math and code untouched)."""
    keys = _bibliography_keys(env)

    def link(piece: str) -> str:
        return _BIB_TOKEN.sub(lambda m: f"{{ref}}`{m.group(1)} <bib-{m.group(1).lower()}>`"
                              if m.group(1) in keys else m.group(1), piece)

    parts = re.split(r"(\$\$.*?\$\$|\$[^$]*\$|`[^`]*`)", markdown, flags=re.S)
    return "".join(p if k % 2 else link(p) for k, p in enumerate(parts))


def _mixed(text: str):
    """A paragraph of text with ``$…$`` spans as inline math (justifications)."""
    para = paragraph()
    for k, piece in enumerate(str(text).split("$")):
        if piece:
            para += nodes.math(piece, piece) if k % 2 else nodes.Text(piece)
    return para


def _inline_math(latex: str):
    return paragraph(nodes.math(latex, latex)) if latex else paragraph("")


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
            return [paragraph(f"Unknown catalog entry {tid!r}.", classes=["natlat-error"])]
        if theorem.source_path:
            self.env.note_dependency(os.path.abspath(theorem.source_path))
        checks = checks_for(self.env)
        data = dict(checks.summary(theorem))
        data["used_by"] = list(catalog.used_by(tid))
        data["statement_status"] = statement_status(uses=data["uses"], known_ids=set(catalog.ids()),
                                                    error=data.get("error"))
        coq = checks.kernel(data)
        data["coq_check"] = coq
        if coq is not None and coq["ok"] and data.get("coq_not_exported"):
            coq["mark"] = "partly " + coq["mark"]  # the copy-lemma proofs are not in the file
        data["coq"] = None if coq is None else {"ok": coq["ok"], "mark": coq["mark"],
                                                 "complete": not data.get("coq_not_exported"),
                                                 "file": self._write_coq_file(checks, tid, coq["text"])}
        # warned by warn_failing_entries on every build, re-read or not
        failure = coq_failure = None
        if not data["ok"]:
            failure = (f"theorem {tid} ({data['spec_id']}) is {data['status']}: "
                       f"{data.get('reason') or data.get('error') or 'a check failed'}")
        if coq is not None and coq["ok"] is False:
            coq_failure = f"theorem {tid}: the Coq kernel rejects its exported proof: {coq['message']}"
        anchor = f"thm-{tid}"
        domain = self.env.get_domain("natlat")
        domain.add_theorem(tid, self.env.docname, anchor,
                           {**{k: data.get(k) for k in _INDEX_FIELDS}, FAILURE: failure, COQ_FAILURE: coq_failure,
                            LOCATION: self.get_location()})
        return [self._render(data, anchor)]

    def _write_coq_file(self, checks, tid: str, text: str) -> str | None:
        """Write ``_coq/<id>.v`` into an HTML build's output; its path relative
        to the output root, or None (other builders, nothing to write)."""
        if not text or checks.coq_dir is None:
            return None
        path = checks.coq_dir / f"{tid}.v"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            write_file(path, text)
        return f"_coq/{tid}.v"

    def _coq_line(self, d: dict):
        """Badge "kernel-checked (Coq 8.16)" and a link to the ``.v`` file."""
        coq, check = d.get("coq"), d.get("coq_check") or {}
        if not coq:
            return None
        status = "tight" if coq["ok"] else ("failing" if coq["ok"] is False else "unchecked")
        tip = check.get("message") or f"coqc accepted every theorem in {coq.get('file')}"
        if coq["ok"] and "batch" in (check.get("how") or ""):
            tip += (f" (checked in one coqc run with the other entries: _coq/{BATCH_FILE} holds the same theory "
                    "and each entry's modules in a module of its own)")
        badge = status_badge(coq["mark"], coq["mark"], status=status, tooltip=tip)
        para = paragraph(badge, classes=["natlat-coq"])
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
        page += paragraph(nodes.literal(tid, tid), "  ", badge,
                      f"  {d['spec_id']} · {d['kind']} · checked in {d['seconds']:.2f} s",
                      classes=["natlat-titleline"])
        if not d["ok"]:
            page += paragraph(f"Check failed: {d.get('reason') or d.get('error')}", classes=["natlat-error"])
        coq_line = self._coq_line(d)
        if coq_line is not None:
            page += coq_line

        sec = _section(tid, "informal", "Statement")
        if d["informal"].strip():
            body = nodes.container(classes=["natlat-informal"])
            self.state.nested_parse(_string_list(_linked_informal(d["informal"], self.env), self.get_source_info()),
                                    0, body)
            sec += body
        page += sec

        sec = _section(tid, "formal", "Formal statement")
        for latex in d["statements"]:
            sec += math_block(latex, doc)
        if not d["statements"]:
            sec += paragraph("No symbolic statement: this entry is checked on finite instances only.")
        page += sec

        sec = _section(tid, "dependencies", "Dependencies")
        for label, ids in (("Uses (to state)", d["uses"]), ("Uses (to prove, declared)", d["proof_uses"]),
                           ("Used by", d["used_by"])):
            para = paragraph(f"{label}: ")
            for k, other in enumerate(ids):
                para += nodes.Text(", ") if k else nodes.Text("")
                para += theorem_xref(other)
            if not ids:
                para += nodes.Text("none")
            sec += para
        if d["uses_computed"]:
            sec += paragraph("Hypotheses the certificates actually use: " + ", ".join(d["uses_computed"]))
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
        sec += paragraph("Run by pytest as ", nodes.literal(d["test_id"], d["test_id"]), ".")
        page += sec

        sec = _section(tid, "references", "References")
        sec += _references(d["reference"] or "—", self.env)
        page += sec
        return page

    def _obligation(self, k: int, ob: dict, doc: str):
        box = nodes.container(classes=["natlat-obligation"])
        mark = "✓" if ob.get("ok") else "✗"
        # a description that opens with a spec example's key ("E3: ...", "E5 parity") links it to the bibliography
        # (only there: elsewhere C1, C2 are as likely variable names)
        lead = re.match(r"([SCE]\d{1,3})(?=[:\s])", ob["description"])
        described = ob["description"] if lead is None else ob["description"][len(lead.group(1)):]
        head = paragraph(nodes.strong(f"{k}. {ob['kind']}", f"{k}. {ob['kind']}"), " — ")
        if lead is not None:
            head += _references(lead.group(1), self.env).children
        head += nodes.Text(f"{described}  ({mark} expected {ob['expect']}, "
                           f"got {ob.get('outcome', 'not run')}, {ob.get('seconds', 0):.2f} s)")
        box += head
        if ob.get("statement"):
            box += math_block(ob["statement"], doc)
        der = ob.get("derivation")
        if der and der.get("rows"):
            cert = f"certificate {ob['certificate']}, " if ob.get("certificate") else ""
            box += paragraph(nodes.emphasis("Derivation", "Derivation"), f" ({cert}re-verified in exact arithmetic):")
            box += table(["step", "", "expression", "justification"],
                          [[r[0], _inline_math(r[1]), _inline_math(r[2]), _mixed(r[3])] for r in der["rows"]],
                          classes=("natlat-table", "natlat-derivation"))
        elif der and der.get("latex"):
            box += paragraph(nodes.emphasis("Derivation", "Derivation"), ":")
            box += math_block(der["latex"], doc)
        elif der and der.get("text"):
            box += nodes.literal_block(der["text"], der["text"])
        elif ob.get("certificate"):
            box += paragraph(f"Certificate {ob['certificate']} ({ob.get('certificate_steps')} steps), "
                         "re-verified in exact arithmetic.")
        if ob.get("tight"):
            box += table(["coefficient", "least value found", "value claimed"], ob["tight"])
        for t in ob.get("tables", ()):
            box += paragraph(nodes.emphasis(t["caption"], t["caption"]))
            box += table(t["header"], t["rows"])
        for label, key in (("Sizes", "sizes"), ("Detail", "detail")):
            if ob.get(key):
                box += paragraph(f"{label}: {ob[key]}", classes=["natlat-detail"])
        return box


def _string_list(text: str, source_info):
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
        try:
            group = import_dotted(self.arguments[0].strip())
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
