"""``run(*args)``: the ``natlat`` command line, in-process, for the CLI tests.

Imported by the tests of this folder as ``from cli_run import run`` (the
folder's ``conftest.py`` puts it on ``sys.path``).
"""

from __future__ import annotations

from click.testing import CliRunner

from natlat_sym.cli import cli


def run(*args, env=None):
    """``natlat ARGS...`` through click's CliRunner (exceptions propagate):
    ``(exit code, stdout, stderr)``; ``env`` sets environment variables for the run."""
    result = CliRunner(env=env).invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr
