"""pytest configuration for the whole repository.

The docs extension and its tests need the ``docs`` extra (Sphinx); without
it they are not collected, so ``pip install -e ".[test]"`` alone still gives a
clean test run.  The README installs both extras.

Property tests (hypothesis) draw fresh examples on every run on a
developer's machine, so they keep finding new inputs; under ``CI=true`` they
are derandomized (a fixed seed per test), so a CI run is reproducible and a
red CI always means a failure that re-runs the same way.  Set
``HYPOTHESIS_PROFILE=ci`` to reproduce a CI run locally.
"""

import importlib.util
import os

from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("HYPOTHESIS_PROFILE") == "ci" or os.environ.get("CI") == "true":
    settings.load_profile("ci")

collect_ignore_glob = []
if importlib.util.find_spec("sphinx") is None or importlib.util.find_spec("myst_parser") is None:
    collect_ignore_glob += ["natlat_sym/sphinxext/*", "tests/docs/*"]
