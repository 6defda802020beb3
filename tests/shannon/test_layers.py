"""The Shannon layer proves on the cone and never imports natlat_sym.finite;
the facade natlat_sym.prove is where a cone witness becomes a distribution."""

from __future__ import annotations

import subprocess
import sys


def test_the_shannon_layer_answers_with_cone_points_without_importing_finite():
    code = (
        "import sys\n"
        "from natlat_sym.shannon.prove import prove\n"
        "import natlat_sym.shannon.tightest, natlat_sym.shannon.symmetry, natlat_sym.shannon.non_shannon\n"
        "r = prove('I(A;B) <= I(A;B|C) + I(A;B|D)')\n"
        "assert r.verdict == 'not_provable' and r.witness is not None and r.distribution is None, r\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('natlat_sym.finite'))\n"
        "assert not loaded, loaded\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_the_facade_realises_the_same_cone_point_as_a_checked_distribution():
    from natlat_sym import prove
    from natlat_sym.finite.evaluate import check_on

    r = prove("I(A;B) <= I(A;B|C) + I(A;B|D)")
    assert r.verdict == "refuted" and r.distribution is not None
    assert check_on("I(A;B) <= I(A;B|C) + I(A;B|D)", r.distribution).verdict == "violated"
