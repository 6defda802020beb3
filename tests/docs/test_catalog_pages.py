"""The docs have exactly one page per registered theorem (both directions)."""

from __future__ import annotations

from pathlib import Path

from natlat_sym.catalog import load_catalog
from natlat_sym.sphinxext.pages import catalog_pages, page_ids

DOCS_CATALOG = Path(__file__).resolve().parents[2] / "docs" / "catalog"


def test_every_registered_theorem_has_a_page_and_every_page_a_theorem():
    ids = set(load_catalog().ids())
    documented = page_ids(DOCS_CATALOG)
    assert not ids - documented, f"no docs page for {sorted(ids - documented)}: run " \
                                 "`python -m natlat_sym.sphinxext.pages docs/catalog`"
    assert not documented - ids, f"docs pages name unknown theorems {sorted(documented - ids)}"


def test_generated_pages_are_up_to_date():
    wanted = catalog_pages(load_catalog())
    stale = [n for n, text in wanted.items()
             if not (DOCS_CATALOG / n).is_file() or (DOCS_CATALOG / n).read_text() != text]
    assert not stale, f"out of date: {stale}; run `python -m natlat_sym.sphinxext.pages docs/catalog`"
