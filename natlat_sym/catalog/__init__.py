"""The theorem catalog: definitions, theorems, rules and open problems of
natural latents, each one file in ``proofs/``, each with a status computed by
running its proof obligations.

Modules
-------
theorem         :class:`Theorem`, :class:`Status`, :func:`check_theorem`, and the obligation
                builders (:func:`prove_that`, :func:`refute_that`, :func:`not_provable_that`,
                :func:`tight_constants`, :func:`check_on_instances`, :func:`experiment`)
obligations     :class:`Obligation` and how each kind of obligation is run
outcomes        :class:`ObligationResult`, :class:`FiniteOutcome`
diagram_claims  helpers shared by the graphical-rule entries (R1–R9)
registry        :func:`load_catalog` discovers ``proofs/*.py``; :class:`Catalog`
run             :func:`check_catalog` → :class:`CatalogReport`

Checks that exist for one entry (its instance enumeration, its experiment)
live in that entry's module in ``proofs/``, not here.

Adding a theorem: see ``proofs/TEMPLATE.md``.
"""

from .registry import Catalog, default_proofs_path, load_catalog
from .run import CatalogReport, check_catalog
from .theorem import (FiniteOutcome, Obligation, ObligationResult, Status, Theorem, TheoremReport,
                      check_on_instances, check_theorem, compute_status, experiment, holds_on, not_provable_that,
                      prove_that, refute_that, tight_constants, violated_on)

__all__ = [
    "Status", "Obligation", "ObligationResult", "FiniteOutcome", "Theorem", "TheoremReport",
    "check_theorem", "compute_status", "not_provable_that", "prove_that", "refute_that", "tight_constants",
    "check_on_instances", "experiment", "holds_on", "violated_on",
    "Catalog", "load_catalog", "default_proofs_path", "CatalogReport", "check_catalog",
]
