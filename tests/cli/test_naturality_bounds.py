"""natlat naturality reports the common informations as bounds, and says
which are certified (issue 11, item 4): C_GK exactly, and for Wyner's C_W
and the exact common information G the optimiser's upper bound (not
certified) with the certified lower bound I(X1;X2) <= C_W <= G.  (The
command prints ``report.text()`` and ``--json`` writes ``report.to_json()``;
one report is computed here, for the test's cost.)"""

import re

from natlat_sym.finite.io import load
from natlat_sym.finite.natural import naturality_report


def test_naturality_prints_both_sides_of_each_bound():
    report = naturality_report(load("docs/examples/dsbs.json"))
    text, doc = report.text(), report.to_json()
    ci, mi = doc["common_information"], doc["mutual_information"]
    assert ci["gacs_korner"]["certified"] and not ci["wyner"]["certified"] and not ci["exact"]["certified"]
    assert ci["gacs_korner"]["value"] <= mi <= ci["wyner"]["value"] <= ci["exact"]["value"] + 1e-6
    wyner = re.search(r"^Wyner C_W\(X1,X2\) <= (\S+) bits \(upper bound found by a seeded local optimiser, "
                      r"not certified\); C_W >= I\(X1;X2\) = (\S+)$", text, flags=re.M)
    exact = re.search(r"^exact common information G\(X1,X2\) <= (\S+) bits \(.*not certified\); "
                      r"G >= C_W >= I\(X1;X2\) = (\S+)$", text, flags=re.M)
    assert wyner and exact, text
    assert float(wyner.group(2)) == float(exact.group(2)) == round(mi, 6) == 0.531004
    assert float(wyner.group(1)) == float(f"{ci['wyner']['value']:.6g}")


def test_float_noise_prints_as_zero():
    # L is an exact mediator of two noisy copies; its TC computed in floats is 4.4e-16, which the
    # 10-minute notebook printed ("perfect mediator" above "mediation ... = 4.44089e-16")
    from natlat_sym.finite.families import noisy_copies

    report = naturality_report(noisy_copies(2, "1/10"), max_cells=1)   # the optimal latents are skipped: cheap
    assert 0 < report.latents["L"].mediation < 1e-12
    assert report.text().splitlines()[0] == "L: mediation TC(X1,X2|L) = 0; I(L;X1|X2) = 0.211081, I(L;X2|X1) = 0.211081"
