"""Notebooks executed in the background into a jupyter-cache inside the build folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

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


def _build(root: Path):
    """Build in a fresh interpreter (myst-nb and myst-parser projects do not mix in one process)."""
    cmd = [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(root / "src"), str(root / "out")]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600, env=env)


def test_a_notebook_runs_once_in_the_background_and_its_cache_is_in_the_build_folder(tmp_path):
    pytest.importorskip("myst_nb")
    pytest.importorskip("ipykernel")
    from jupyter_cache import get_cache

    from natlat_sym.sphinxext.cache import library_fingerprint

    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "conf.py").write_text(CONF)
    (tmp_path / "src" / "index.md").write_text("# Index\n\n```{toctree}\nsum\n```\n")
    (tmp_path / "src" / "sum.md").write_text(NOTEBOOK)
    done = _build(tmp_path)
    assert done.returncode == 0, done.stderr  # -W: no Sphinx warning
    assert "500500" in (tmp_path / "out" / "sum.html").read_text()
    path = tmp_path / "out" / ".doctrees" / "jupyter-cache" / library_fingerprint().replace("+", "-")
    assert (path / "global.db").is_file()
    cache = get_cache(str(path))
    assert len(cache.list_cache_records()) == 1
    # myst-nb found the executed notebook: it never executed (or staged) one itself
    assert cache.list_project_records() == []
