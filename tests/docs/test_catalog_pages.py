"""The docs have exactly one page per registered theorem (both directions).

Catalog pages are generated at the start of every docs build
(``natlat_generate_pages = "catalog"`` in ``docs/conf.py``), so a new proof
module needs no docs edit; hand-written pages may only name known theorems."""

from __future__ import annotations

import re
from pathlib import Path

from natlat_sym.catalog import load_catalog
from natlat_sym.sphinxext.pages import MARKER, page_ids, write_pages

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_generator_writes_one_page_per_theorem_and_no_other(tmp_path):
    catalog = load_catalog()
    stray = tmp_path / "removed_theorem.md"
    stray.write_text(f"{MARKER}\n```{{natlat:theorem}} removed_theorem\n```\n")
    write_pages(catalog, tmp_path)
    assert page_ids(tmp_path) == set(catalog.ids())
    assert not stray.exists()


def test_docs_build_generates_the_catalog_pages():
    conf = (DOCS / "conf.py").read_text()
    assert re.search(r'^natlat_generate_pages = "catalog"$', conf, re.M)


def test_hand_written_pages_name_only_known_theorems():
    ids = set(load_catalog().ids())
    named = set()
    for page in DOCS.rglob("*.md"):
        if "_build" in page.parts or (DOCS / "catalog") in page.parents:
            continue
        text = page.read_text(encoding="utf-8")
        named |= set(re.findall(r"\{natlat:theorem\}\s+(\w+)", text))
        named |= set(re.findall(r"\{natlat:thm\}`(\w+)`", text))
    assert named <= ids, f"docs pages name unknown theorems {sorted(named - ids)}"
