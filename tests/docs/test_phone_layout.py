"""The dependency graph stays readable on a phone (issue 11, item 7): in a
390 px wide frame the graph keeps a readable width (scaled to the 360 px
column its labels were about 3 px high) and scrolls inside its own box, the
status table keeps whole ids and scrolls inside its box, and the page itself
never scrolls sideways.  Real site only (skipped when not built, like the
other real-site browser tests); NATLAT_DOCS_HTML points it at another build."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
SITE = Path(os.environ.get("NATLAT_DOCS_HTML", Path(__file__).resolve().parents[2] / "docs" / "_build" / "html"))
IN_CI = os.environ.get("CI", "").lower() == "true"

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None and not IN_CI, reason="no Chromium browser"),
    pytest.mark.skipif(not (SITE / "graph.html").is_file() and not IN_CI,
                       reason="docs not built (python -m sphinx -W --keep-going -b html docs docs/_build/html)"),
]

_HARNESS = """<!DOCTYPE html><html><body>
<iframe id="f" style="width:390px;height:800px;border:0"></iframe><pre id="out"></pre>
<script>
const frame = document.getElementById("f");
frame.onload = () => setTimeout(() => {
  const d = frame.contentDocument, w = frame.contentWindow;
  const svg = d.querySelector("svg.natlat-graph"), box = svg.closest(".natlat-graph-box");
  const table = d.querySelector(".natlat-scroll table"), scroll = table.closest(".natlat-scroll");
  const idCell = table.rows[1].cells[0];
  document.getElementById("out").textContent = JSON.stringify({
    page: d.documentElement.scrollWidth, viewport: d.documentElement.clientWidth,
    svg: svg.getBoundingClientRect().width, box: box.clientWidth, boxScrolls: w.getComputedStyle(box).overflowX,
    table: table.getBoundingClientRect().width, scroll: scroll.clientWidth,
    scrollScrolls: w.getComputedStyle(scroll).overflowX,
    idLines: Math.round(idCell.getBoundingClientRect().height / parseFloat(w.getComputedStyle(idCell).lineHeight || 20))});
}, 1500);
frame.src = %(page)s;
</script></body></html>"""


def measure(page: str, tmp_path: Path) -> dict:
    harness = SITE / "__phone_harness__.html"
    harness.write_text(_HARNESS % {"page": json.dumps(page)})
    try:
        cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--allow-file-access-from-files", "--disable-background-networking", "--disable-component-update",
               f"--user-data-dir={tmp_path / 'profile-phone'}", "--window-size=600,900",
               "--virtual-time-budget=10000", "--dump-dom", harness.as_uri()]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    finally:
        harness.unlink()
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(re.search(r'<pre id="out">(.*?)</pre>', done.stdout, flags=re.S).group(1))


def test_graph_and_status_table_on_a_phone(tmp_path):
    m = measure("graph.html", tmp_path)
    assert m["page"] <= m["viewport"] + 1, m                      # the page never scrolls sideways
    assert m["svg"] >= 600 and m["box"] < m["svg"], m              # readable size, wider than its box...
    assert m["boxScrolls"] in ("auto", "scroll"), m                # ...which scrolls
    assert m["table"] > m["scroll"] and m["scrollScrolls"] in ("auto", "scroll"), m
    assert m["idLines"] <= 2, m                                    # ids are not cut into one-letter lines
