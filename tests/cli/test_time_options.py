"""Every time budget of every ``natlat`` command (``--timeout``, ``--budget``)
is the project's :class:`~natlat_sym.cli._common.Seconds` type, so ``nan``,
``inf``, negative numbers and text give the same one-line usage error with
exit 2 everywhere (issue 9, item 4)."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from natlat_sym.cli import cli
from natlat_sym.cli._common import Seconds

TIME_OPTIONS = sorted((name, opt) for name, command in cli.commands.items() for p in command.params
                      if isinstance(p, click.Option) for opt in p.opts if opt in ("--timeout", "--budget"))


def test_every_time_option_is_seconds():
    assert len(TIME_OPTIONS) >= 10  # prove, tightest, search, decide, eval, naturality, experiment, check, ...
    for name, opt in TIME_OPTIONS:
        param = next(p for p in cli.commands[name].params if opt in getattr(p, "opts", ()))
        assert isinstance(param.type, Seconds), (name, opt, param.type)


@pytest.mark.parametrize("name,opt", [("experiment", "--budget"), ("decide", "--timeout"), ("eval", "--budget")])
@pytest.mark.parametrize("value", ["nan", "inf", "-1", "abc"])
def test_bad_seconds_are_one_line_exit_2(name, opt, value):
    args = {"experiment": ["experiment", "o1"], "decide": ["decide", "I(X;Y) = 0"],
            "eval": ["eval", "H(X)", "--dist", "d.json"]}[name]
    result = CliRunner().invoke(cli, [*args, opt, value], catch_exceptions=False)
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("natlat: error:") and opt in lines[0], result.stderr
    assert result.stdout == ""
