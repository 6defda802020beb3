"""The README shows real outputs: every ``$ natlat ...`` block in it that
lists output, and every ``>>>`` example, is run here and compared (timings
and certificate hashes normalised)."""

import doctest
import re
import shlex
from pathlib import Path

from click.testing import CliRunner

from natlat_sym.cli import cli

README = Path(__file__).resolve().parents[2] / "README.md"


def _normal(text: str) -> str:
    text = re.sub(r"\d+\.\d+ s\b", "T s", text)
    return re.sub(r"sha [0-9a-f]{16}", "sha H", text).strip()


def _console_examples():
    for block in re.findall(r"```console\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S):
        lines = block.strip("\n").splitlines()
        if len(lines) > 1 and lines[0].startswith("$ natlat ") and not lines[1].startswith("$"):
            yield lines[0][2:], "\n".join(lines[1:])


def test_readme_console_outputs_are_real():
    examples = list(_console_examples())
    assert examples, "the README shows at least one command with its output"
    for command, shown in examples:
        result = CliRunner().invoke(cli, shlex.split(command)[1:], catch_exceptions=False)
        assert _normal(result.stdout) == _normal(shown), command


def test_readme_python_examples_run():
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for k, block in enumerate(blocks):
        runner.run(parser.get_doctest(block, {}, f"README[{k}]", str(README), 0))
    assert runner.summarize(verbose=False).failed == 0
