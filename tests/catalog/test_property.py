"""Every proved catalog inequality holds on random finite distributions.

A proof is checked exactly already; this is an independent sanity check of
the whole pipeline (parser → canonical form → prover) against numbers.
"""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from natlat_sym.catalog import load_catalog
from natlat_sym.finite.batched import evaluate_batch
from natlat_sym.strategies import distributions


def _plain_statements():
    """Proved, parameter-free statements without hypotheses (they hold everywhere)."""
    out = []
    for t in load_catalog():
        for ob in t.obligations:
            s = ob.statement
            if ob.kind == "prove" and ob.expect == "proved" and s is not None and not s.hypotheses \
                    and not s.parameters() and len(s.variables()) <= 6:
                out.append((t.id, s))
    return out


STATEMENTS = _plain_statements()


def test_there_are_enough_statements():
    assert len(STATEMENTS) >= 40


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_proved_inequalities_hold_on_random_distributions(data):
    theorem_id, s = data.draw(st.sampled_from(STATEMENTS), label="statement")
    names = s.variables()
    d = data.draw(distributions(tuple(2 for _ in names), names=names), label="distribution")
    form = s.conclusion.normal_form()
    value = float(evaluate_batch(form, np.asarray(d.pmf, dtype=float)[None, ...], list(names))[0])
    if s.conclusion.rel == "==":
        assert value == pytest.approx(0, abs=1e-9), (theorem_id, str(s))
    else:
        assert value >= -1e-9, (theorem_id, str(s))
