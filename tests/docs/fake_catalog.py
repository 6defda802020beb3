"""A three-entry stand-in catalog for testing the Sphinx extension without the prover.

``load_catalog(scenario)``: ``"ok"`` (all pass), ``"failing"`` (one entry's
check fails), ``"crash"`` (one entry's check raises), ``"coq"`` (all pass and
the two proved entries carry real certificates, so they export to Coq).  ``check_theorem``
returns report objects shaped like :class:`natlat_sym.catalog.TheoremReport`;
the number of calls is appended to the file named by ``$NATLAT_FAKE_CALLS``
(so tests can see whether the cache worked).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from natlat_sym.finite.distribution import Distribution
from natlat_sym import prove
from natlat_sym.shannon.parse import parse_statement

HERE = Path(__file__).resolve()


@dataclass(frozen=True)
class Ob:
    kind: str
    description: str
    statement: object = None
    expect: str = "proved"


@dataclass(frozen=True)
class Thm:
    id: str
    title: str
    spec_id: str
    kind: str
    reference: str
    obligations: tuple
    informal: str = ""
    uses: tuple = ()
    proof_uses: tuple = ()
    source_path: str = str(HERE)
    scenario: str = "ok"

    @property
    def statements(self):
        return tuple(o.statement for o in self.obligations if o.statement is not None)


@dataclass(frozen=True)
class Step:
    latex: str
    reason: str
    relation: str = "<="


@dataclass(frozen=True)
class Deriv:
    steps: tuple

    def latex(self):
        return r" \\ ".join(s.latex for s in self.steps)


@dataclass(frozen=True)
class Res:
    kind: str
    description: str
    expect: str
    outcome: str
    ok: bool
    seconds: float = 0.01
    statement_latex: str = ""
    derivation: object = None
    distribution: object = None
    values: dict = field(default_factory=dict)
    claimed: dict = field(default_factory=dict)
    detail: str = ""
    certificate: object = None
    proved_statement: object = None


@dataclass(frozen=True)
class Report:
    id: str
    status: str
    ok: bool
    seconds: float
    results: tuple
    uses_computed: tuple = ()
    reason: str = ""


class Catalog:
    def __init__(self, theorems):
        self.theorems = tuple(theorems)

    def ids(self):
        return tuple(t.id for t in self.theorems)

    def get(self, tid):
        for t in self.theorems:
            if t.id == tid:
                return t
        raise KeyError(f"unknown theorem id {tid!r}")

    def used_by(self, tid):
        return tuple(t.id for t in self.theorems if tid in t.uses or tid in t.proof_uses)

    def __iter__(self):
        return iter(self.theorems)

    def __len__(self):
        return len(self.theorems)


def load_catalog(scenario=None):
    scenario = scenario or "ok"
    dpi = parse_statement("I(X;Z) <= I(X;Y)", given=["markov: I(X;Z|Y) = 0"])
    return Catalog([
        Thm("mutual_information", "Mutual information", "D1", "definition", "Cover & Thomas 2.4",
            (Ob("finite", "I(X;Y) = H(X) + H(Y) - H(X,Y) on instances", expect="holds"),),
            informal="The mutual information $I(X;Y) = H(X) - H(X \\mid Y)$."),
        Thm("mutual_info_le_of_markov_chain", "Data processing inequality", "T1", "theorem", "C&T 2.8.1",
            (Ob("prove", "data processing", dpi),), informal="If $X \\to Y \\to Z$ then $I(X;Z) \\le I(X;Y)$.",
            uses=("mutual_information",), scenario=scenario),
        Thm("double_processing", "Processing twice", "T2", "theorem", "folklore",
            (Ob("prove", "twice", dpi),), informal="Follows from T1.",
            uses=("mutual_information",), proof_uses=("mutual_info_le_of_markov_chain",), scenario=scenario),
    ])


def check_theorem(theorem, *, timeout=30.0):
    if os.environ.get("NATLAT_FAKE_CALLS"):
        with open(os.environ["NATLAT_FAKE_CALLS"], "a") as fh:
            fh.write(theorem.id + "\n")
    if theorem.scenario == "crash" and theorem.id == "mutual_info_le_of_markov_chain":
        raise RuntimeError("boom in the prover")
    if theorem.kind == "definition":
        d = Distribution.from_array([["1/2", "0"], ["0", "1/2"]], ["X", "Y"])
        res = Res("finite", "instances", "holds", "holds", True, distribution=d, detail="2 instances")
        return Report(theorem.id, "checked", True, 0.02, (res,))
    failing = theorem.scenario == "failing" and theorem.id == "mutual_info_le_of_markov_chain"
    st = theorem.obligations[0].statement
    certificate = prove(st).certificate if theorem.scenario == "coq" else None
    deriv = Deriv((Step(r"I(X;Y) + I(X;Z \mid Y)", "chain rule"),
                   Step(r"I(X;Y)", "hypothesis markov", "=")))
    res = Res("prove", "data processing", "proved", "unknown" if failing else "proved", not failing,
              statement_latex=st.latex(), derivation=deriv,
              values={"a": Fraction(1)}, claimed={"a": Fraction(1)},
              certificate=certificate, proved_statement=st if certificate is not None else None)
    return Report(theorem.id, "failing" if failing else "certified", not failing, 0.05, (res,), ("markov",),
                  "expected proved, prover says unknown" if failing else "")
