"""Kernel-checked proofs: natlat_sym results exported to the Coq proof assistant.

:mod:`natlat_sym.coq.export` writes self-contained ``.v`` files (the Coq
theory :file:`Polymatroid.v` followed by the exported theorems);
:mod:`natlat_sym.coq.run` runs ``coqc`` on them, and
:mod:`natlat_sym.coq.batch` checks many files in as few ``coqc`` runs as
possible (``natlat check --coq`` and the docs build).  See the docs page
"Kernel-checked proofs".
"""

from __future__ import annotations

from .export import coq_file, export_certificate, export_witness, theory_text, to_coq
from .run import CoqResult, CoqUnavailable, coq_version, run_coqc

__all__ = ["to_coq", "coq_file", "export_certificate", "export_witness", "theory_text",
           "run_coqc", "coq_version", "CoqResult", "CoqUnavailable"]
