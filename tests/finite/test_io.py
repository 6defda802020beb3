"""Tests for natlat_sym.finite.io (JSON format, atomic save)."""

import json
import os
from fractions import Fraction as F

import numpy as np
import pytest
from hypothesis import given, settings

from natlat_sym.errors import DistributionError, FileError
from natlat_sym.finite import io
from natlat_sym.finite.distribution import Distribution
from natlat_sym.finite.families import binary_erasure, noisy_copies
from natlat_sym.strategies import distributions


def test_round_trip_exact_with_labels_and_latents(tmp_path):
    d = noisy_copies(2, F(1, 7)).rename({"L": "Lam"})
    path = io.save(d, tmp_path / "d.json")
    back = io.load(path)
    assert back == d and back.latents == ("Lam",) and back.is_exact
    data = json.loads(path.read_text())
    assert data["format"] == "natlat_sym.distribution" and data["latents"] == ["Lam"]
    assert isinstance(data["probabilities"][0][0][0], str)
    e = binary_erasure(F(1, 3))
    assert io.loads(io.dumps(e)) == e and io.loads(io.dumps(e)).alphabets[1] == (0, 1, "e")


@settings(max_examples=25, deadline=None)
@given(distributions(exact=False))
def test_round_trip_float_is_bit_exact(d):
    back = io.loads(io.dumps(d))
    assert back == d and np.array_equal(back.pmf, d.pmf)


@settings(max_examples=25, deadline=None)
@given(distributions(exact=True))
def test_round_trip_exact(d):
    assert Distribution.from_json(d.to_json()) == d


def test_sparse_support_format():
    text = json.dumps({"format": "natlat-distribution", "names": ["X", "Y"], "alphabets": [[0, 1], ["a", "b"]],
                       "support": [[[0, "a"], "1/4"], [[1, "b"], "3/4"]]})
    d = io.loads(text)
    assert d.pmf.tolist() == [[F(1, 4), 0], [0, F(3, 4)]]


@pytest.mark.parametrize("data, message", [
    ([], "must be an object"),
    ({"names": ["X"], "probabilities": [1]}, '"format" must be'),
    ({"format": "natlat-distribution", "version": 9, "names": ["X"], "probabilities": [1]}, "unsupported"),
    ({"format": "natlat-distribution", "names": "X", "probabilities": [1]}, '"names" must be a list'),
    ({"format": "natlat-distribution", "names": ["X"]}, '"probabilities" or "support"'),
    ({"format": "natlat-distribution", "names": ["X"], "probabilities": ["1/2", "x"]}, "not a number"),
    ({"format": "natlat-distribution", "names": ["X"], "probabilities": ["1/2", None]}, "must be a string"),
    ({"format": "natlat-distribution", "names": ["X"], "probabilities": ["1/2", "1/3"]}, "sum to 5/6"),
    ({"format": "natlat-distribution", "names": ["X"], "probabilities": [[1], 0]}, "rectangular"),
    ({"format": "natlat-distribution", "names": ["X"], "support": [[[0], 1]]}, 'needs "alphabets"'),
    ({"format": "natlat-distribution", "names": ["X"], "alphabets": [[0]], "support": [[[0], 1], [[0], 0]]},
     "appears twice"),
    ({"format": "natlat-distribution", "names": ["X"], "probabilities": [1], "latents": ["Q"]}, "latent 'Q'"),
    ({"format": "natlat-distribution", "names": ["X"], "probabilities": [1], "exact": "yes"}, '"exact"'),
])
def test_bad_json(data, message):
    with pytest.raises(DistributionError, match=message):
        io.distribution_from_json(data)


def test_invalid_json_text_and_missing_file(tmp_path):
    with pytest.raises(DistributionError, match="line 1 column"):
        io.loads("{not json")
    with pytest.raises(DistributionError, match="cannot read"):
        io.load(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "natlat-distribution", "names": ["X"], "probabilities": [0.5]}')
    with pytest.raises(DistributionError, match="bad.json: probabilities sum"):
        io.load(bad)


def test_unsavable_label():
    d = Distribution.from_array([0.5, 0.5], ["X"], alphabets=[((0, 1), (1, 0))])
    with pytest.raises(DistributionError, match="not a JSON scalar"):
        io.dumps(d)


def test_save_is_atomic_and_leaves_no_temp_files(tmp_path, monkeypatch):
    target = tmp_path / "d.json"
    io.save(Distribution.from_array(["1/2", "1/2"], ["X"]), target)
    before = target.read_text()

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(FileError, match="disk full"):  # one-line error, not a bare OSError
        io.save(Distribution.from_array(["1/3", "2/3"], ["X"]), target)
    assert target.read_text() == before  # old file intact
    assert os.listdir(tmp_path) == ["d.json"]  # temp file cleaned up
