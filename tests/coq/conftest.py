"""Fixtures for the Coq tests.

Tests marked ``needs_coqc`` run ``coqc``.  Outside CI a missing ``coqc`` is
a skip with the reason; under ``CI=true`` (``.ci/run`` installs Coq from
Debian first) it is a failure, so the kernel checks can never be silently
skipped there.
"""

from __future__ import annotations

import os

import pytest

from natlat_sym.coq.run import coq_version

COQ_VERSION = coq_version()
IN_CI = os.environ.get("CI", "").lower() == "true"


def pytest_configure(config):
    config.addinivalue_line("markers", "needs_coqc: runs the coqc proof checker")


def pytest_collection_modifyitems(config, items):
    if COQ_VERSION is not None or IN_CI:
        return
    skip = pytest.mark.skip(reason="coqc is not installed (Debian: apt-get install coq)")
    for item in items:
        if "needs_coqc" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def coqc():
    """The Coq version; fails (never skips) under CI when coqc is missing."""
    assert COQ_VERSION is not None, "CI must provide coqc (see .ci/run: apt-get install coq)"
    return COQ_VERSION
