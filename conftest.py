"""pytest configuration for the whole repository.

The docs extension and its tests need the ``docs`` extra (Sphinx); without
it they are not collected, so ``pip install -e ".[test]"`` alone still gives a
clean test run.  The README installs both extras.
"""

import importlib.util

collect_ignore_glob = []
if importlib.util.find_spec("sphinx") is None or importlib.util.find_spec("myst_parser") is None:
    collect_ignore_glob += ["natlat_sym/sphinxext/*", "tests/docs/*"]
