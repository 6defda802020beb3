"""Fixtures: a tiny Sphinx project over the fake catalog in ``fake_catalog.py``."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent

CONF = '''
project = "fake"
extensions = ["myst_parser", "natlat_sym.sphinxext"]
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence"]
natlat_catalog_loader = "fake_catalog:load_catalog"
natlat_check = "fake_catalog:check_theorem"
natlat_catalog_path = {scenario!r}
natlat_cache_dir = {cache!r}
'''

INDEX = """# Fake

```{toctree}
catalog/index
graph
```
"""

GRAPH = """# Graph

```{natlat:graph}
```

```{natlat:status-table}
```

See {natlat:thm}`double_processing`.
"""


def build_fake_site(root: Path, *, scenario: str = "ok", builder: str = "html", extra_pages=None,
                    skip_pages=(), cache: Path | None = None, fresh: bool = True):
    """Write and build the fake project; return (outdir, warnings text)."""
    pytest.importorskip("sphinx", reason="sphinx is not installed (pip install -e '.[docs]')")
    pytest.importorskip("myst_parser", reason="myst-parser is not installed (pip install -e '.[docs]')")
    from sphinx.application import Sphinx

    from natlat_sym.sphinxext.pages import write_pages

    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))
    import fake_catalog

    src = root / "src"
    (src / "catalog").mkdir(parents=True, exist_ok=True)
    cache = cache or root / "cache"
    (src / "conf.py").write_text(CONF.format(scenario=scenario, cache=str(cache)))
    (src / "index.md").write_text(INDEX)
    (src / "graph.md").write_text(GRAPH)
    write_pages(fake_catalog.load_catalog(scenario), src / "catalog")
    for name in skip_pages:
        (src / "catalog" / f"{name}.md").unlink()
    for name, text in (extra_pages or {}).items():
        (src / name).write_text(text)
    out = root / "out"
    warnings = io.StringIO()
    app = Sphinx(str(src), str(src), str(out), str(root / "doctrees"), builder, status=None,
                 warning=warnings, freshenv=fresh)
    app.build()
    return out, warnings.getvalue()


@pytest.fixture(scope="session")
def fake_site(tmp_path_factory):
    """The fake project built once as HTML: (outdir, warnings)."""
    return build_fake_site(tmp_path_factory.mktemp("fake_site"))


@pytest.fixture
def build_site():
    """The :func:`build_fake_site` function (test modules cannot import conftest)."""
    return build_fake_site
