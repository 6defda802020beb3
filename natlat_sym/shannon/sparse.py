"""Sparse matrices in compressed-row form, numpy arrays only.

The prover's matrices (the elemental inequalities, hypothesis rows, the
derivation's dictionary of set inequalities) are built once, multiplied by a
vector, sliced by rows and handed to HiGHS as ``(starts, indices, values)``
arrays.  That is all :class:`SparseRows` does; ``scipy.sparse`` would do it
too but costs ~0.3 s to import (it pulls in ``numpy.f2py``), more than a
whole proof at ``n <= 6``.  :meth:`SparseRows.to_scipy` converts (importing
scipy then) for code on slow paths that wants scipy's algebra.

A matrix is *canonical*: within each row the column indices increase and
appear once, and no stored value is zero (as scipy's ``sum_duplicates`` and
``eliminate_zeros`` leave it), so two equal matrices have equal arrays.

Examples
--------
>>> import numpy as np
>>> m = SparseRows.from_triplets([0, 0, 1, 0], [2, 0, 1, 2], [1.0, 5.0, -1.0, 1.0], (3, 3))
>>> m.indptr.tolist(), m.indices.tolist(), m.data.tolist()
([0, 2, 3, 3], [0, 2, 1], [5.0, 2.0, -1.0])
>>> (m @ np.array([1.0, 2.0, 3.0])).tolist()
[11.0, -2.0, 0.0]
>>> m.rmatvec(np.array([1.0, 1.0, 0.0])).tolist()
[5.0, -1.0, 2.0]
>>> m.take([1, 0]).toarray().tolist()
[[0.0, -1.0, 0.0], [5.0, 0.0, 2.0]]
>>> m.transpose().toarray().tolist() == m.toarray().T.tolist()
True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["SparseRows"]


@dataclass(frozen=True, eq=False)
class SparseRows:
    """A ``shape[0] x shape[1]`` matrix in compressed sparse row (CSR) form.

    Attributes
    ----------
    indptr : numpy.ndarray
        Row ``r`` holds entries ``indptr[r]:indptr[r + 1]`` (int64, length rows + 1).
    indices : numpy.ndarray
        Column of each stored entry (int64).
    data : numpy.ndarray
        Value of each stored entry (float64).
    shape : tuple of int
    """

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray
    shape: tuple

    # ------------------------------------------------------------------ building

    @classmethod
    def from_triplets(cls, rows, cols, vals, shape) -> SparseRows:
        """The matrix with ``vals[k]`` at ``(rows[k], cols[k])``; repeated
        positions are summed and zeros dropped."""
        rows = np.asarray(rows, dtype=np.int64).ravel()
        cols = np.asarray(cols, dtype=np.int64).ravel()
        vals = np.asarray(vals, dtype=np.float64).ravel()
        nrow, ncol = int(shape[0]), int(shape[1])
        if rows.size:
            step_r, step_c = rows[1:] - rows[:-1], cols[1:] - cols[:-1]
            if not ((step_r > 0) | ((step_r == 0) & (step_c > 0))).all():  # not already canonical
                order = np.lexsort((cols, rows))
                rows, cols, vals = rows[order], cols[order], vals[order]
            first = np.ones(rows.size, dtype=bool)
            first[1:] = (rows[1:] != rows[:-1]) | (cols[1:] != cols[:-1])
            if not first.all():
                starts = np.flatnonzero(first)
                vals = np.add.reduceat(vals, starts)
                rows, cols = rows[starts], cols[starts]
            keep = vals != 0
            rows, cols, vals = rows[keep], cols[keep], vals[keep]
        indptr = np.zeros(nrow + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=nrow), out=indptr[1:])
        return cls(indptr, cols, vals, (nrow, ncol))

    @classmethod
    def from_vectors(cls, vectors, ncols: int) -> SparseRows:
        """One row per sparse vector ``{column: number}`` (numbers may be Fractions)."""
        rows, cols, vals = [], [], []
        for r, vec in enumerate(vectors):
            for c, v in vec.items():
                rows.append(r)
                cols.append(c)
                vals.append(float(v))
        return cls.from_triplets(rows, cols, vals, (len(vectors), ncols))

    @classmethod
    def empty(cls, nrow: int, ncol: int) -> SparseRows:
        """The zero matrix."""
        return cls(np.zeros(nrow + 1, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0), (nrow, ncol))

    @classmethod
    def stack(cls, blocks) -> SparseRows:
        """The blocks one under the other (their column counts must agree)."""
        blocks = list(blocks)
        ncol = blocks[0].shape[1]
        if any(b.shape[1] != ncol for b in blocks):
            raise ValueError("stacked blocks must have the same number of columns")
        offsets = np.cumsum([0] + [b.nnz for b in blocks])
        indptr = np.concatenate([np.zeros(1, dtype=np.int64)]
                                + [b.indptr[1:] + off for b, off in zip(blocks, offsets)])
        return cls(indptr, np.concatenate([b.indices for b in blocks]), np.concatenate([b.data for b in blocks]),
                   (sum(b.shape[0] for b in blocks), ncol))

    # ------------------------------------------------------------------ reading

    @property
    def nnz(self) -> int:
        """Number of stored entries."""
        return int(self.data.size)

    def row_ids(self) -> np.ndarray:
        """Row of each stored entry."""
        return np.repeat(np.arange(self.shape[0], dtype=np.int64), np.diff(self.indptr))

    def row(self, r: int) -> dict:
        """Row ``r`` as ``{column: value}``."""
        lo, hi = int(self.indptr[r]), int(self.indptr[r + 1])
        return dict(zip(self.indices[lo:hi].tolist(), self.data[lo:hi].tolist()))

    def toarray(self) -> np.ndarray:
        out = np.zeros(self.shape)
        out[self.row_ids(), self.indices] = self.data
        return out

    # ------------------------------------------------------------------ algebra

    def __matmul__(self, x) -> np.ndarray:
        """``M @ x`` for a vector ``x`` of length ``shape[1]``.  Integer and
        object (Python int) vectors are multiplied exactly in their own type."""
        x = np.asarray(x)
        if x.ndim != 1 or x.shape[0] != self.shape[1]:
            raise ValueError(f"cannot multiply a {self.shape} matrix by a vector of shape {x.shape}")
        data = self.data if x.dtype.kind in "fc" else self.data.astype(np.int64).astype(x.dtype)
        prod = data * x[self.indices]
        out = np.zeros(self.shape[0], dtype=prod.dtype)
        nonempty = self.indptr[:-1] < self.indptr[1:]
        if prod.size:
            out[nonempty] = np.add.reduceat(prod, self.indptr[:-1][nonempty])
        return out

    def rmatvec(self, y) -> np.ndarray:
        """``M^T @ y`` (the combination of rows with weights ``y``), as floats."""
        y = np.asarray(y, dtype=np.float64)
        return np.bincount(self.indices, weights=self.data * np.repeat(y, np.diff(self.indptr)),
                           minlength=self.shape[1])

    def __neg__(self) -> SparseRows:
        return SparseRows(self.indptr, self.indices, -self.data, self.shape)

    def take(self, rows) -> SparseRows:
        """The submatrix of the given rows, in the given order."""
        rows = np.asarray(rows, dtype=np.int64).ravel()
        starts = self.indptr[rows]
        counts = self.indptr[rows + 1] - starts
        indptr = np.zeros(rows.size + 1, dtype=np.int64)
        np.cumsum(counts, out=indptr[1:])
        gather = np.repeat(starts - indptr[:-1], counts) + np.arange(indptr[-1], dtype=np.int64)
        return SparseRows(indptr, self.indices[gather], self.data[gather], (int(rows.size), self.shape[1]))

    def transpose(self) -> SparseRows:
        """The transpose, canonical (a stable sort keeps rows in order within each column)."""
        order = np.argsort(self.indices, kind="stable")
        indptr = np.zeros(self.shape[1] + 1, dtype=np.int64)
        np.cumsum(np.bincount(self.indices, minlength=self.shape[1]), out=indptr[1:])
        return SparseRows(indptr, self.row_ids()[order], self.data[order], (self.shape[1], self.shape[0]))

    def highs_arrays(self) -> tuple:
        """``(starts, indices, values)`` with the dtypes highspy's ``addRows`` /
        ``addCols`` take (rows here; pass the transpose's arrays to add columns)."""
        return self.indptr.astype(np.int32), self.indices.astype(np.int32), self.data.astype(np.float64)

    def to_scipy(self):
        """The same matrix as a ``scipy.sparse.csr_matrix`` (imports scipy: slow paths only)."""
        import scipy.sparse as sp  # lazy: ~0.3 s, never on the prover's path

        return sp.csr_matrix((self.data, self.indices, self.indptr), shape=self.shape)

    @property
    def T(self):
        """scipy's transpose, for callers written against ``scipy.sparse``
        (:mod:`~natlat_sym.shannon.tightest`); imports scipy."""
        return self.to_scipy().T
