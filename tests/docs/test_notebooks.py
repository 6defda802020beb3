"""Notebooks executed in the background into a jupyter-cache inside the build folder."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

NOTEBOOK = """---
jupytext:
  text_representation:
    format_name: myst
kernelspec:
  display_name: Python 3
  name: python3
---
# Sum

```{code-cell} ipython3
print(sum(range(1, 1001)))
```
"""

CONF = """
project = "nb"
extensions = ["myst_nb", "natlat_sym.sphinxext"]
nb_execution_mode = "cache"
nb_execution_raise_on_error = True
natlat_catalog_loader = "natlat_sym.catalog:load_catalog"
natlat_generate_pages = None
natlat_require_pages = False
natlat_offline_mathjax = False
"""


def _build(root: Path, fresh: bool = True):
    from sphinx.application import Sphinx

    warnings = io.StringIO()
    app = Sphinx(str(root / "src"), str(root / "src"), str(root / "out"), str(root / "out" / ".doctrees"), "html",
                 status=None, warning=warnings, freshenv=fresh)
    app.build()
    return app, warnings.getvalue()


def test_a_notebook_runs_once_in_the_background_and_its_cache_is_in_the_build_folder(tmp_path):
    pytest.importorskip("myst_nb")
    pytest.importorskip("ipykernel")
    from jupyter_cache import get_cache

    from natlat_sym.sphinxext.cache import library_fingerprint

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "conf.py").write_text(CONF)
    (tmp_path / "src" / "index.md").write_text("# Index\n\n```{toctree}\nsum\n```\n")
    (tmp_path / "src" / "sum.md").write_text(NOTEBOOK)
    app, warnings = _build(tmp_path)
    assert "ERROR" not in warnings and "WARNING" not in warnings, warnings
    assert "500500" in (tmp_path / "out" / "sum.html").read_text()
    path = Path(app.config.nb_execution_cache_path)
    assert path == tmp_path / "out" / ".doctrees" / "jupyter-cache" / library_fingerprint().replace("+", "-")
    cache = get_cache(str(path))
    assert len(cache.list_cache_records()) == 1
    # myst-nb found the executed notebook: it never executed (or staged) one itself
    assert cache.list_project_records() == []
