"""The natural-latent vocabulary: exact canonical forms, conventions, bad input."""

import pytest
import sympy

from natlat_sym.errors import StatementError
from natlat_sym.latents import (any_single_redundancy_errors, convert, determination_error,
                                deterministic_redundancy_error, drop_one_redundancy_errors, mediation_error,
                                natural_latent_conditions, natural_latent_errors, per_coordinate_mediation_error,
                                redundancy_errors, stochastic_determination_error, stochastic_redundancy_error,
                                third_diagram_error, two_chunk_mediation_error)
from natlat_sym.shannon.measures import to_linear_form
from natlat_sym.shannon.parse import parse_expression, parse_statement
from natlat_sym.proving import prove

X3 = ["X1", "X2", "X3"]


def form(text):
    return to_linear_form(parse_expression(text))


@pytest.mark.parametrize("expr, text", [
    (mediation_error(["X1", "X2"], "L"), "I(X1;X2|L)"),
    (mediation_error(X3, "L"), "H(X1|L) + H(X2|L) + H(X3|L) - H(X1,X2,X3|L)"),
    (two_chunk_mediation_error(["X1"], ["X2", "X3"], "L"), "I(X1;X2,X3|L)"),
    (per_coordinate_mediation_error(X3, "L", "X3"), "I(X3;X1,X2|L)"),
    (stochastic_redundancy_error(X3, "G", "X2"), "I(G;X2|X1,X3)"),
    (stochastic_redundancy_error(X3, "G", ["X1", "X2", "X3"]), "I(G;X1,X2,X3)"),
    (deterministic_redundancy_error(X3, "G", ["X1", "X3"]), "H(G|X2)"),
    (third_diagram_error("L", "G", X3), "I(L;G|X1,X2,X3)"),
    (determination_error("G", "L"), "H(G|L)"),
    (stochastic_determination_error("G", "L", X3), "I(G;X1,X2,X3|L)"),
])
def test_canonical_forms(expr, text):
    assert to_linear_form(expr) == form(text)


def test_families_over_budgets():
    n4 = ["X1", "X2", "X3", "X4"]
    assert [str(e) for e in drop_one_redundancy_errors(X3, "G")] == ["I(G;X1|X2,X3)", "I(G;X2|X1,X3)", "I(G;X3|X1,X2)"]
    assert [str(e) for e in any_single_redundancy_errors(X3, "G", redundancy="deterministic")] == \
        ["H(G|X1)", "H(G|X2)", "H(G|X3)"]
    assert len(redundancy_errors(n4, "G", budget=2)) == 6
    # n = 2: weak and strong coincide
    assert drop_one_redundancy_errors(["X1", "X2"], "G") == any_single_redundancy_errors(["X1", "X2"], "G")
    # group observables are read jointly
    assert str(mediation_error([("X1", "X2"), "X3"], "L")) == "I(X1,X2;X3|L)"


@pytest.mark.parametrize("budget", [1, 2])
def test_deterministic_dominates_stochastic_for_every_deleted_set(budget):
    for sto, det in zip(redundancy_errors(X3, "G", budget=budget),
                        redundancy_errors(X3, "G", budget=budget, redundancy="deterministic")):
        st = parse_statement(f"{sto} <= {det}")
        assert prove(st).verdict == "proved"


def test_conditions_conventions():
    sep = natural_latent_conditions(["X1", "X2"], "L")
    assert [h.name for h in sep] == ["mediation", "redundancy_1", "redundancy_2"]
    assert str(sep[0]) == "mediation: I(X1;X2|L) <= eps_mediation"
    mx = natural_latent_conditions(["X1", "X2"], "L", aggregation="max", eps="e")
    assert {str(h.rhs) for h in mx} == {"e"}
    exact = natural_latent_conditions(["X1", "X2"], "L", eps=0, redundancy="deterministic")
    assert str(exact[1]) == "redundancy_1: H(L|X2) <= 0"
    custom = natural_latent_conditions(["X1", "X2"], "L", eps={"mediation": "1/10"})
    assert str(custom[0].rhs) == "1/10" and str(custom[1].rhs) == "eps_redundancy_1"
    summed = natural_latent_conditions(["X1", "X2"], "L", aggregation="sum", eps="eps")
    assert len(summed) == 1 and summed[0].name == "natural"


def test_conditions_are_usable_hypotheses():
    given = natural_latent_conditions(["X1", "X2"], "L", redundancy="deterministic", aggregation="max", eps="eps")
    # T9-style: the natural latent's own entropy is bounded (T19)
    st = parse_statement("H(L) <= I(X1;X2) + 2*eps", given=list(given))
    r = prove(st)
    assert r.verdict == "proved" and set(r.certificate.uses()) == {"redundancy_1", "redundancy_2"}


def test_errors_object():
    e = natural_latent_errors(X3, "L", budget=2, unit="nats")
    assert e.unit == "nats" and len(e.redundancy) == 3 and e.budget == 2
    assert to_linear_form(e.score()) == to_linear_form(sympy.Add(e.mediation, *e.redundancy))
    assert e.to_json()["terms"]["redundancy_1"] == "I(L;X2,X3|X1)"


def test_units():
    assert convert(1.0, "bits", "nats") == pytest.approx(0.6931471805599453)
    assert convert(convert(0.3, "bits", "nats"), "nats", "bits") == pytest.approx(0.3)
    with pytest.raises(StatementError, match="unit must be"):
        convert(1.0, "bits", "hartleys")
    with pytest.raises(StatementError, match="unit must be"):
        natural_latent_errors(["X1", "X2"], "L", unit="dits")


@pytest.mark.parametrize("call, message", [
    (lambda: mediation_error(["X1"], "L"), "needs at least 2 observables"),
    (lambda: mediation_error(["X1", "X1"], "L"), "observable X1 appears twice"),
    (lambda: mediation_error(["X1", "X2"], "X1"), "latent X1 is also an observable"),
    (lambda: mediation_error(["X1", 3], "L"), "3 is not a variable name"),
    (lambda: two_chunk_mediation_error(["X1"], ["X1", "X2"], "L"), "chunks share X1"),
    (lambda: stochastic_redundancy_error(X3, "G", []), "the deleted set D is empty"),
    (lambda: stochastic_redundancy_error(X3, "G", "X9"), "X9 is not one of the observables"),
    (lambda: stochastic_redundancy_error(X3, "G", ["X1", "X1"]), "deleted twice"),
    (lambda: redundancy_errors(X3, "G", budget=3), "deletion budget m must be"),
    (lambda: redundancy_errors(X3, "G", budget=0), "deletion budget m must be"),
    (lambda: redundancy_errors(X3, "G", redundancy="fuzzy"), "redundancy must be"),
    (lambda: third_diagram_error("L", "L", X3), "must be different"),
    (lambda: determination_error("L", "L"), "overlap"),
    (lambda: natural_latent_conditions(["X1", "X2"], "L", aggregation="mean"), "aggregation must be"),
    (lambda: natural_latent_conditions(["X1", "X2"], "L", eps=0.1), "is a float"),
    (lambda: natural_latent_conditions(["X1", "X2"], "L", eps=-1), "must be >= 0"),
    (lambda: natural_latent_conditions(["X1", "X2"], "L", eps={"bogus": 1}), "unknown terms"),
])
def test_bad_input(call, message):
    with pytest.raises(StatementError, match=message):
        call()
