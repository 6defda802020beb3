"""Sphinx configuration of the natlat_sym docs.

Build (from the repository root, after ``pip install -e ".[docs,test]"``)::

    python -m sphinx -W --keep-going -b html -d docs/_build/doctrees docs docs/_build/html
    python -m sphinx -W --keep-going -b doctest -d docs/_build/doctrees docs docs/_build/doctest

(``-d``: the doctest build reuses the environment, checks and executed
notebooks of the html build instead of computing them again.)
"""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # a plain checkout works too
    sys.path.insert(0, str(ROOT))

import natlat_sym  # noqa: E402
from natlat_sym.shannon.printing import LATEX_MACROS  # noqa: E402

project = "natlat_sym"
author = "natlat_sym developers"
copyright = "natlat_sym developers"
release = natlat_sym.__version__

extensions = [
    "myst_nb",  # MyST markdown (it includes myst_parser) and notebooks executed at build time
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.mathjax",
    "natlat_sym.sphinxext",
]
source_suffix = {".md": "myst-nb", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
# Unqualified names such as `hypotheses` in docstrings match attributes of
# several classes; an ambiguous link is cosmetic, not an error.
suppress_warnings = ["ref.python"]

myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence"]
myst_heading_anchors = 3
myst_dmath_double_inline = True  # proof docstrings use $$...$$ inside paragraphs

# Notebooks (docs/notebooks/*.md, MyST text notebooks) are executed at build
# time, so each output shown is real; an error in a cell fails the build.
# "cache": the natlat extension executes them in parallel while the other
# pages are read, into a jupyter-cache inside the build folder whose name is
# the natlat_sym source fingerprint (a reused output always comes from the
# same notebook code and the same library sources).
nb_execution_mode = "cache"
nb_execution_raise_on_error = True
nb_execution_timeout = 300
nb_execution_show_tb = True
nb_merge_streams = True

napoleon_numpy_docstring = True
napoleon_google_docstring = False
napoleon_use_ivar = True  # "Attributes" as fields: no duplicate attribute entries with autodoc
autodoc_member_order = "bysource"
autodoc_typehints = "none"
autodoc_default_options = {"members": True, "show-inheritance": False}

html_theme = "furo"
html_title = f"natlat_sym {release}"

# The natlat extension serves MathJax 3 from _static (no CDN); the macros are
# the ones the code's LaTeX printer uses.
mathjax3_config = {
    "tex": {"macros": {name.lstrip("\\"): body for name, body in LATEX_MACROS.items()}},
    "svg": {"fontCache": "global"},
}

natlat_timeout = 60.0
# One page per catalog entry is generated here at the start of each build, so
# adding a proof module needs no docs edit.
natlat_generate_pages = "catalog"
doctest_global_setup = "import natlat_sym"
# Docstring examples run under pytest --doctest-modules (in their module's
# namespace); the doctest builder runs the docs pages' {doctest} blocks.
doctest_test_doctest_blocks = ""


_UNDERLINE = re.compile(r"^\s*(-{3,}|={3,}|~{3,})\s*$")


def _sections_to_rubrics(app, what, name, obj, options, lines):
    """Module docstrings teach with sections ("Glossary", "Public functions");
    inside autodoc those would be document sections with clashing ids, so
    render them as rubrics (as numpydoc does for unknown sections)."""
    out, i = [], 0
    while i < len(lines):
        title = lines[i].strip()
        if (title and i + 1 < len(lines) and _UNDERLINE.match(lines[i + 1])
                and len(lines[i + 1].strip()) >= len(title)):
            out += [lines[i][: len(lines[i]) - len(lines[i].lstrip())] + f".. rubric:: {title}", ""]
            i += 2
        else:
            out.append(lines[i])
            i += 1
    lines[:] = out


def setup(app):
    app.connect("autodoc-process-docstring", _sections_to_rubrics)
