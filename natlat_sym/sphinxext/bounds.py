"""The ``natlat-bounds`` directive: the open-problem results page.

Usage (MyST)::

    ```{natlat-bounds} ../proofs/data/bounds
    ```

Every ``*.json`` witness file in the directory (relative to the page) is
re-checked with the independent checker
(:func:`natlat_sym.openproblems.bound_checker.check_witness`) while the docs
build — the sweeps that found the witnesses are *not* re-run — and rendered
as one section per file: the certified statement, the checker's numbers, the
file and the command that reproduces it.  A witness that does not verify is
a build warning (so ``-W`` fails the build): the page never shows an
unverified bound.
"""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..openproblems.bound_checker import check_witness
from ..openproblems.problems import PROBLEMS, get_problem

__all__ = ["BoundsDirective"]

logger = logging.getLogger(__name__)


class BoundsDirective(SphinxDirective):
    """Render the verified witnesses of a directory (see the module docstring)."""

    required_arguments = 1
    has_content = False

    def run(self):
        folder = (Path(self.env.doc2path(self.env.docname)).parent / self.arguments[0]).resolve()
        order = list(PROBLEMS)

        def rank(f):
            problem = json.loads(f.read_text(encoding="utf-8")).get("problem")
            return (order.index(problem) if problem in order else len(order), -float(
                json.loads(f.read_text(encoding="utf-8")).get("claim", "0") or 0), f.name)
        files = sorted(folder.glob("*.json"), key=rank)
        if not files:
            logger.warning(f"natlat-bounds: no witness files in {folder}", location=self.get_location())
            return []
        lines = []
        for path in files:
            self.env.note_dependency(str(path))
            data = json.loads(path.read_text(encoding="utf-8"))
            result = check_witness(data)
            if result.truth != "holds":
                logger.warning(f"natlat-bounds: {path.name} does not verify ({result.truth}: {result.detail})",
                               location=self.get_location())
                continue
            problem = get_problem(data["problem"])
            prov = data.get("provenance", {})
            rel = path.name
            upper = problem.claimed_upper_bound()
            upper = "no published upper bound" if upper is None else f"published upper bound {upper}"
            lines += [f"**{problem.describe()}** — certified lower bound **{data['claim']}** ({upper}).", "",
                      f"- Statement: {data['statement']}.",
                      f"- Checker: {result.detail}.",
                      f"- Witness file: ``proofs/data/bounds/{rel}``; re-check with "
                      f"``natlat verify-bound proofs/data/bounds/{rel}``."]
            if prov.get("command"):
                lines.append(f"- Found by: ``{prov['command']}`` (chunk {prov.get('chunk', '?')}; "
                             f"uncertified float ratio of the search {prov.get('float_ratio', float('nan')):.9g}).")
            if prov.get("note"):
                lines.append(f"- Note: {prov['note']}")
            lines.append("")
        container = nodes.container(classes=["natlat-bounds"])
        self.state.nested_parse(StringList(lines, source=str(folder)), self.content_offset, container)
        return [container]
