"""Open problems at scale: certified lower bounds for O1, its variants and O2.

Modules, one job each:

:mod:`~natlat_sym.openproblems.problems`
    which constants are bounded (O1 n = 2 sum form, max form, n = 3 deletion
    budgets, O2) and their published upper bounds;
:mod:`~natlat_sym.openproblems.fast_scores`
    float inner loops for searching (T over all partitions from a subset
    table; τ from above by batched mirror descent; O2 mirror ascent);
:mod:`~natlat_sym.openproblems.patterns`
    support patterns up to symmetry (exhaustive strategy);
:mod:`~natlat_sym.openproblems.sweep`
    seeded chunks, local process pool or Dask, checkpoint and resume;
:mod:`~natlat_sym.openproblems.witness`
    exact-rational witness files and their certified claims;
:mod:`~natlat_sym.openproblems.bound_checker`
    the independent checker behind ``natlat verify-bound`` (arb balls and
    exact integers; shares no code with the searches).

Only the checker decides: a witness's ``claim`` is what it certified.
"""
