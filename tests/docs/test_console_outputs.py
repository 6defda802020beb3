"""The docs' pages show real command outputs (issue 11, item 2): every
``console`` block in docs/*.md whose ``$ natlat ...`` line is followed by
output is run and compared (timings and certificate hashes normalised), as
tests/cli/test_readme.py does for the README.  ``...`` in a shown output
stands for anything (doctest's ELLIPSIS), for values a page does not fix."""

import doctest
import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from natlat_sym.cli import cli

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _normal(text: str) -> str:
    text = re.sub(r"\d+\.\d+ s\b", "T s", text)
    return re.sub(r"sha [0-9a-f]{16}", "sha H", text).strip()


def _examples():
    for page in sorted(DOCS.glob("*.md")):
        for block in re.findall(r"```console\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S):
            lines = block.strip("\n").splitlines()
            if len(lines) > 1 and lines[0].startswith("$ natlat ") and not lines[1].startswith("$"):
                yield pytest.param(lines[0][2:], "\n".join(lines[1:]), id=f"{page.name}:{lines[0][2:40]}")


EXAMPLES = list(_examples())


def test_getting_started_shows_a_command_with_its_output():
    assert any("getting-started" in p.id for p in EXAMPLES)


@pytest.mark.parametrize("command, shown", EXAMPLES)
def test_console_outputs_are_real(command, shown):
    result = CliRunner().invoke(cli, shlex.split(command)[1:], catch_exceptions=False)
    want, got = _normal(shown) + "\n", _normal(result.stdout) + "\n"
    assert doctest.OutputChecker().check_output(want, got, doctest.ELLIPSIS), f"{command}\n{got}"
