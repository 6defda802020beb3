"""Progress on every command that can take over a second (issue 11, item 6):
reading a large distribution file (a 1001 x 1001 table took about 6 s of
silence before the float value appeared), deciding a statement, the exact
closed form, and re-checking a bound witness each run inside a spinner.
The spinner itself draws only on a terminal, so the tests record which ones
were entered."""

from contextlib import contextmanager

import numpy as np
import pytest
from click.testing import CliRunner

from natlat_sym.cli import cli, finite_cmds, openproblem_cmds
from natlat_sym.openproblems import fast_scores as F
from natlat_sym.openproblems.witness import certify, o1_witness, save_witness

DSBS = "docs/examples/dsbs.json"


@pytest.fixture
def spinners(monkeypatch):
    entered = []

    @contextmanager
    def recording(description):
        entered.append(description)
        yield

    for module in (finite_cmds, openproblem_cmds):
        monkeypatch.setattr(module, "working", recording)
    return entered


@pytest.mark.parametrize("args, expected", [
    (["eval", "I(X1;X2)", "--dist", DSBS], ["reading docs/examples/dsbs.json", "certified enclosure"]),
    (["eval", "I(X1;X2)", "--dist", DSBS, "--exact"],
     ["reading docs/examples/dsbs.json", "certified enclosure", "exact closed form"]),
    (["eval", "I(X1;X2) <= H(X1)", "--dist", DSBS],
     ["reading docs/examples/dsbs.json", "deciding the statement (certified)"]),
])
def test_eval_shows_a_spinner_for_each_slow_phase(spinners, args, expected):
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert spinners == expected


def test_verify_bound_shows_a_spinner(spinners, tmp_path):
    sup = F.Support.from_array(np.array([[0.445, 0.055], [0.055, 0.445]]))
    _, q = F.stochastic_upper(sup, "o1", np.random.default_rng(0))
    path = tmp_path / "w.json"
    save_witness(certify(o1_witness("o1", sup.cells, sup.mass, q)), path)
    result = CliRunner().invoke(cli, ["verify-bound", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert spinners == ["re-checking the bound (every partition of the support, arb balls)"]
