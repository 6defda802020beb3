"""Plots are written atomically as PNG / SVG."""

import os

import numpy as np
import pytest

from natlat_sym.errors import DistributionError
from natlat_sym.finite.distribution import Distribution
from natlat_sym.finite.plots import information_atoms, plot_error_frontier, plot_information_diagram

XOR = Distribution.from_array([[[0.25, 0], [0, 0.25]], [[0, 0.25], [0.25, 0]]], ["A", "B", "C"])


def test_xor_atoms():
    atoms = information_atoms(XOR)
    assert atoms["I(A;B;C)"] == pytest.approx(-1)
    assert atoms["I(A;B|C)"] == pytest.approx(1)
    assert atoms["H(A|B,C)"] == 0


@pytest.mark.parametrize("ext", ["png", "svg"])
def test_files_written(tmp_path, ext):
    d = Distribution.from_array(np.array([[0.45, 0.05], [0.05, 0.45]]), ["X1", "X2"])
    p = plot_error_frontier(d, tmp_path / f"f.{ext}")
    q = plot_information_diagram(XOR, tmp_path / f"v.{ext}")
    for path in (p, q):
        assert os.path.getsize(path) > 100
    assert sorted(os.listdir(tmp_path)) == sorted([f"f.{ext}", f"v.{ext}"])  # no temp files left


def test_bad_extension_and_names(tmp_path):
    with pytest.raises(DistributionError, match=".png or .svg"):
        plot_information_diagram(XOR, tmp_path / "v.pdf")
    assert os.listdir(tmp_path) == []
    with pytest.raises(DistributionError, match="three distinct"):
        information_atoms(XOR, ["A", "B"])
