"""psitip as a benchmark peer, and the timing helpers the peer benchmarks share.

psitip (Cheuk Ting Li) decides linear information inequalities with a float
LP and answers yes/no without a certificate.  It is optional (the "bench"
extra): :func:`psitip_runner` returns None when ``import psitip`` fails, and
the benchmarks then skip its column.

A claim is given the way natlat_sym states it — a
:class:`~natlat_sym.shannon.linear.LinearForm` ``f`` meaning ``f >= 0`` and
hypotheses (``.form``, ``.sense``) — and written for psitip as a sum of
joint entropies, so both tools read the same statement.

Examples
--------
>>> best_time(lambda: 2 + 2, repeat=2)[1]
4
>>> format_seconds(0.0123), format_seconds(2.5), format_seconds(None)
('12.3 ms', '2.50 s', '–')
"""

from __future__ import annotations

import time


def import_psitip():
    """The psitip module, or None when it is not installed."""
    try:
        import psitip
    except Exception:  # noqa: BLE001 - optional peer (the "bench" extra)
        return None
    return psitip


def psitip_runner(*, copy_lemma: bool = False):
    """``run(claim, hypotheses) -> bool`` deciding ``hypotheses ⇒ claim``
    with psitip (under its copy lemma ``copylem().assumed()`` when
    ``copy_lemma``), or None when psitip is not installed.

    ``claim`` is a LinearForm ``f`` (meaning ``f >= 0``, written as a sum of
    joint entropies) or a zero-argument callable returning a psitip region
    written by hand (psitip is faster on mutual-information terms)."""
    ps = import_psitip()
    if ps is None:
        return None

    def run(claim, hypotheses=()):
        if callable(claim):
            region = claim()
        else:
            names = sorted(claim.variables() | {v for h in hypotheses for v in h.form.variables()})
            rvs = {v: ps.rv(v) for v in names}

            def expr(f):
                total = None
                for s, c in f.entropies.items():
                    joint = None
                    for v in sorted(s):
                        joint = rvs[v] if joint is None else joint + rvs[v]
                    term = ps.H(joint) * float(c)
                    total = term if total is None else total + term
                return total

            region = expr(claim) >= 0
            for h in hypotheses:
                region = ((expr(h.form) == 0) if h.sense == "==" else (expr(h.form) >= 0)) >> region
        if copy_lemma:
            with ps.copylem().assumed():
                return bool(region)
        return bool(region)

    return run


def best_time(fn, repeat: int):
    """(least seconds over ``repeat`` calls of ``fn``, the last result)."""
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def format_seconds(t) -> str:
    """``12.3 ms`` below a second, ``2.50 s`` above, ``–`` for None."""
    if t is None:
        return "–"
    return f"{t * 1000:.1f} ms" if t < 1 else f"{t:.2f} s"
