"""Counts agree with their nouns: a one-step certificate said "(1 steps, sha …)"."""

from click.testing import CliRunner

from natlat_sym.cli import cli


def test_one_step_certificate_says_step(tmp_path):
    out = CliRunner().invoke(cli, ["prove", "H(X|Y,Z) <= H(X|Y)", "--certificate", str(tmp_path / "c.json")],
                             catch_exceptions=False).stdout
    assert "certificate re-checked in exact arithmetic (1 step, sha " in out
    verified = CliRunner().invoke(cli, ["verify", str(tmp_path / "c.json")], catch_exceptions=False).stdout
    assert verified.startswith("valid: the certificate proves H(X|Y,Z) <= H(X|Y) (1 step, sha ")


def test_several_steps_say_steps():
    out = CliRunner().invoke(cli, ["prove", "H(G|L) <= I(X1;X2|L) + H(G|X1) + H(G|X2)"]).stdout
    assert "(4 steps, sha " in out
