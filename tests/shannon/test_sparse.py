"""SparseRows (numpy-only CSR) against dense numpy, and the time budget of the exact layer."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from natlat_sym.errors import BudgetExceeded
from natlat_sym.shannon.cone import build_problem, elemental_matrix
from natlat_sym.shannon.derivation import derive, textbook_terms
from natlat_sym.shannon.exact_recovery import Atom, find_exact_multipliers, find_exact_point
from natlat_sym.shannon.linear import LinearForm
from natlat_sym.shannon.parse import parse_statement
from natlat_sym.shannon.prove import prove
from natlat_sym.shannon.sparse import SparseRows

triplets = st.integers(1, 6).flatmap(lambda nr: st.integers(1, 6).flatmap(lambda nc: st.tuples(
    st.just((nr, nc)),
    st.lists(st.tuples(st.integers(0, nr - 1), st.integers(0, nc - 1), st.integers(-3, 3)), max_size=20))))


def _dense(shape, entries):
    out = np.zeros(shape)
    for r, c, v in entries:
        out[r, c] += v
    return out


@settings(max_examples=60, deadline=None)
@given(triplets, st.data())
def test_sparse_rows_agree_with_dense(case, data):
    shape, entries = case
    m = SparseRows.from_triplets([e[0] for e in entries], [e[1] for e in entries], [e[2] for e in entries], shape)
    dense = _dense(shape, entries)
    assert np.array_equal(m.toarray(), dense)
    assert m.nnz == np.count_nonzero(dense)  # duplicates summed, zeros dropped
    for r in range(shape[0]):  # canonical: increasing columns within a row
        cols = m.indices[m.indptr[r]:m.indptr[r + 1]]
        assert list(cols) == sorted(set(cols.tolist()))
    x = np.array(data.draw(st.lists(st.integers(-5, 5), min_size=shape[1], max_size=shape[1])))
    assert np.array_equal(m @ x.astype(float), dense @ x)
    assert np.array_equal(m @ x.astype(np.int64), (dense @ x).astype(np.int64))  # exact integer product
    assert (m @ x.astype(object)).tolist() == [int(v) for v in dense @ x]  # Python integers
    y = np.array(data.draw(st.lists(st.integers(-5, 5), min_size=shape[0], max_size=shape[0])), dtype=float)
    assert np.array_equal(m.rmatvec(y), y @ dense)
    rows = data.draw(st.lists(st.integers(0, shape[0] - 1), max_size=8))
    assert np.array_equal(m.take(rows).toarray(), dense[rows].reshape(len(rows), shape[1]))
    assert np.array_equal(m.transpose().toarray(), dense.T)
    assert np.array_equal(SparseRows.stack([m, -m]).toarray(), np.vstack([dense, -dense]))


def test_elemental_matrix_matches_scipy_and_big_integers():
    sp = pytest.importorskip("scipy.sparse")
    el = elemental_matrix(4)
    ref = sp.csr_matrix(el.matrix.toarray())
    assert (el.matrix.to_scipy() != ref).nnz == 0
    big = np.array([2**70 + k for k in range(el.matrix.shape[1])], dtype=object)
    dense = el.matrix.toarray().astype(np.int64).astype(object)
    assert (el.matrix @ big).tolist() == (dense @ big).tolist()  # exact beyond 64 bits


def test_exact_recovery_raises_budget_error_past_its_deadline():
    atoms = [Atom("basic", None, {0: Fraction(1)}, True)]
    assert find_exact_multipliers(atoms, {0: Fraction(3)}, [3.0], timeout=5.0) == [Fraction(3)]
    with pytest.raises(BudgetExceeded, match="time budget"):
        find_exact_multipliers(atoms, {0: Fraction(3)}, [3.0], timeout=0.0)
    p = build_problem(-LinearForm.mutual_information({"X"}, {"Y"}), ())
    with pytest.raises(BudgetExceeded, match="time budget"):
        find_exact_point(p, np.array([1.0, 1.0, 1.0]), [(p.target, "<")], timeout=0.0)


def test_derivation_without_time_keeps_a_checked_chain():
    """Past its time limit the derivation falls back (longer certificate, joint
    entropies) but never prints an unchecked step."""
    s = parse_statement("H(G|L) <= I(X1;X2|L) + H(G|X1) + H(G|X2)")
    cert = prove(s).certificate
    d = derive(cert, s, time_limit=0.0)
    assert d.certificate is cert  # no shortening without time
    assert len(d.steps) == cert.steps()
    form = LinearForm.mutual_information({"X"}, {"Y"}, {"Z"})
    terms = textbook_terms(form, ["X", "Y", "Z"], time_limit=0.0)
    assert all(isinstance(q, str) and q.startswith("H(") for _, q in terms)  # joint entropies, exact
    assert len(terms) == 4
