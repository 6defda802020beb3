"""natlat_sym — a formal verification companion for natural latents.

A *natural latent* Λ over observables X1..Xn is both a **mediator** (the
observables are nearly independent given Λ) and a **redund** (Λ is nearly
recoverable from each observable).  natlat_sym states the definitions and
theorems about them symbolically, proves the information-theoretic ones with
certificates re-checked in exact rational arithmetic, refutes false ones with
exactly checked counterexamples, and checks the rest on finite
distributions.

Layout
------
``natlat_sym.shannon``
    General Shannon machinery: symbolic measures, parser, statements,
    certificates and their exact checker, the prover, tightest constants,
    readable derivations.
``natlat_sym.latents``, ``natlat_sym.diagrams``
    The natural-latent vocabulary and Bayes-net diagram errors.
``natlat_sym.finite``
    Finite distributions: exact/float/certified evaluation, batched
    evaluation, counterexample search, z3 on finite alphabets, common
    information and optimal natural latents, pictures.
``natlat_sym.catalog`` and ``proofs/``
    The theorem catalog with statuses computed by running.
``natlat_sym.coq``
    Kernel-checked proofs: certificates and witnesses exported to Coq
    (``to_coq``, ``natlat export-coq``) and re-checked by ``coqc``.
``natlat_sym.sphinxext``
    The Sphinx extension that renders each theorem beside its checks.

Examples
--------
>>> from natlat_sym import parse_statement, prove
>>> result = prove(parse_statement("H(G|L) <= I(X1;X2|L) + H(G|X1) + H(G|X2)"))
>>> result.verdict
'proved'
"""

from __future__ import annotations

import importlib

from .errors import (BudgetExceeded, CatalogError, CertificateError, CertificateFormatError, DistributionError,
                     FileError, NatLatError, NonlinearError, ParseError, StatementError)
from .errors import __all__ as _ERRORS

__version__ = "0.1.0"

# Public names, re-exported lazily so that ``import natlat_sym`` (and the CLI)
# start fast and optional pieces load only when used.
_EXPORTS = {
    # symbolic layer
    "H": "natlat_sym.shannon.measures", "I": "natlat_sym.shannon.measures",
    "TC": "natlat_sym.shannon.measures", "DTC": "natlat_sym.shannon.measures",
    "random_variables": "natlat_sym.shannon.measures", "parameter": "natlat_sym.shannon.measures",
    "to_linear_form": "natlat_sym.shannon.measures", "to_text": "natlat_sym.shannon.measures",
    "to_latex": "natlat_sym.shannon.measures",
    "LinearForm": "natlat_sym.shannon.linear",
    "parse_statement": "natlat_sym.shannon.parse", "parse_expression": "natlat_sym.shannon.parse",
    "parse_relation": "natlat_sym.shannon.parse",
    "Relation": "natlat_sym.shannon.statement", "Statement": "natlat_sym.shannon.statement",
    # the one vocabulary of answers
    "Verdict": "natlat_sym.verdicts", "Truth": "natlat_sym.verdicts",
    # certificates and the prover
    "Certificate": "natlat_sym.shannon.certificate", "check_certificate": "natlat_sym.shannon.certificate",
    "PolymatroidWitness": "natlat_sym.shannon.certificate", "check_witness": "natlat_sym.shannon.certificate",
    "prove": "natlat_sym.proving", "ProofResult": "natlat_sym.shannon.engine",
    "Claim": "natlat_sym.shannon.claim", "as_claim": "natlat_sym.shannon.claim",
    "tightest": "natlat_sym.shannon.tightest", "TightestResult": "natlat_sym.shannon.tightest",
    "derive": "natlat_sym.shannon.derivation", "Derivation": "natlat_sym.shannon.derivation",
    # kernel-checked proofs (Coq)
    "to_coq": "natlat_sym.coq.export",
    # finite distributions
    "Distribution": "natlat_sym.finite.distribution",
    "check_on": "natlat_sym.finite.evaluate", "find_counterexample": "natlat_sym.finite.search",
    # catalog
    "load_catalog": "natlat_sym.catalog", "check_catalog": "natlat_sym.catalog",
    "check_theorem": "natlat_sym.catalog",
}

__all__ = sorted([*_EXPORTS, *_ERRORS, "__version__"])


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'natlat_sym' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
