"""Support patterns up to symmetry, for exhaustive sweeps.

A *pattern* is the set of support cells of a distribution, normalised so
that every coordinate value occurs (an ``a × b`` pattern uses all ``a`` rows
and ``b`` columns).  Relabelling the values of an observable, or swapping
observables of equal alphabet size, changes neither ``T`` nor ``τ`` nor the
other scores, so one pattern per symmetry class suffices.  For two
observables only *connected* patterns are needed: ``T`` and ``τ`` decompose
additively over the connected components of the bipartite support graph
(spec T16), so the ratio of a disconnected support is at most the largest
ratio of its components.  (For ``n >= 3`` we also keep only connected
patterns; there this is a search heuristic, stated as such in coverage
reports.)

Examples
--------
>>> [len(p) for p in canonical_patterns(2, 2, max_cells=4)]     # the L shape and the full 2×2
[3, 4]
>>> len(canonical_patterns(2, 3, max_cells=9))
16
"""

from __future__ import annotations

from itertools import combinations, permutations, product

__all__ = ["canonical_patterns", "is_connected"]


def is_connected(cells) -> bool:
    """Cells linked when they share a value in some coordinate."""
    cells = list(cells)
    if not cells:
        return False
    seen, todo = {cells[0]}, [cells[0]]
    while todo:
        x = todo.pop()
        for y in cells:
            if y not in seen and any(a == b for a, b in zip(x, y)):
                seen.add(y)
                todo.append(y)
    return len(seen) == len(cells)


def _canonical_2d(cells, shape) -> tuple:
    """Two observables: for each row order (and the transpose of a square
    pattern) sorting the columns is the best column order, so ``a!`` (or
    ``2·a!``) candidates replace ``a!·b!``."""
    views = [(cells, shape)]
    if shape[0] == shape[1]:
        views.append(([(y, x) for x, y in cells], shape))
    best = None
    for cs, (a, b) in views:
        cols = [[0] * a for _ in range(b)]
        for x, y in cs:
            cols[y][x] = 1
        for order in permutations(range(a)):
            key = sorted(tuple(col[i] for i in order) for col in cols)
            if best is None or key < best:
                best = key
    return tuple(sorted((i, j) for j, col in enumerate(best) for i, v in enumerate(col) if v))


def _canonical(cells, shape) -> tuple:
    n = len(shape)
    if n == 2:
        return _canonical_2d(cells, shape)
    best = None
    axis_orders = [o for o in permutations(range(n)) if all(shape[o[i]] == shape[i] for i in range(n))]
    perms = [list(permutations(range(s))) for s in shape]
    for order in axis_orders:
        for choice in product(*perms):
            key = tuple(sorted(tuple(choice[a][c[a]] for a in order) for c in cells))
            if best is None or key < best:
                best = key
    return best


def canonical_patterns(n: int, max_alphabet: int, *, max_cells: int, min_cells: int = 2) -> list[tuple]:
    """One representative of every connected pattern of ``n`` observables
    with alphabets ``2..max_alphabet`` (every value used) and
    ``min_cells..max_cells`` cells, up to relabelling values and swapping
    observables; sorted by (cells, shape, cells)."""
    found = set()
    for shape in product(range(2, max_alphabet + 1), repeat=n):
        if list(shape) != sorted(shape):
            continue
        universe = list(product(*(range(s) for s in shape)))
        for c in range(max(min_cells, max(shape)), min(max_cells, len(universe)) + 1):
            for cells in combinations(universe, c):
                if any(len({x[a] for x in cells}) < shape[a] for a in range(n)) or not is_connected(cells):
                    continue
                found.add(_canonical(cells, shape))
    return sorted(found, key=lambda p: (len(p), tuple(max(x[a] for x in p) for a in range(n)), p))
