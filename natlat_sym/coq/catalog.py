"""Catalog entries as Coq files: one ``.v`` per certified or tight entry.

:func:`entry_file` turns a :class:`~natlat_sym.catalog.theorem.TheoremReport`
into one self-contained Coq file holding a theorem per certificate the entry's
obligations produced (prove obligations, and tight obligations at the least
constants), stated from the obligation's own statement — about every
polymatroid, or, for copy-lemma (non-Shannon) proofs, about every entropic
function with the copy lemma as the named axiom of :file:`Entropic.v` — plus — where an
obligation refuted a statement with a polymatroid — the kernel-checked
"not Shannon-provable" theorem.  :func:`check_entries` kernel-checks
several entries with as few ``coqc`` runs as possible
(:func:`natlat_sym.coq.batch.check_files`, which the docs build uses too).

Examples
--------
>>> from natlat_sym.catalog import load_catalog, check_theorem
>>> report = check_theorem(load_catalog().get("mutual_info_le_of_markov_chain"))
>>> text = entry_file(report)
>>> text.count("Theorem mutual_info_le_of_markov_chain")
2
"""

from __future__ import annotations

from dataclasses import dataclass

from ..shannon.certificate import PolymatroidWitness
from ..shannon.parse import parse_statement

from . import batch as coq_batch
from .export import ENTROPIC_AXIOMS, assumed_axioms, coq_file, export_certificate, export_witness
from .run import CoqResult, run_many

__all__ = ["EXPORTED_STATUSES", "is_exported", "entry_modules", "not_exported", "entry_axioms", "entry_file",
           "EntryCheck", "file_mark", "check_entries", "proof_obligation_modules"]

#: Statuses whose entries are exported and kernel-checked.
EXPORTED_STATUSES = ("certified", "tight")


def is_exported(report) -> bool:
    """True for a certified or tight entry (the ones ``natlat check --coq`` exports)."""
    return str(getattr(report.status, "value", report.status)) in EXPORTED_STATUSES


def entry_modules(report) -> list[tuple[str, str]]:
    """``(name, Coq text)`` per exportable obligation result of the entry.

    Theorems are named after the entry (``redund_determined_of_mediator``),
    the module around each says which obligation it is.  A polymatroid
    witness (a ``refute`` or ``not_provable`` result) exports as the
    kernel-checked negation ``not_shannon_provable``.  Copy-lemma
    (non-Shannon) certificates export as theorems about entropic functions."""

    out = []
    for k, res in enumerate(getattr(report, "results", ()), start=1):
        st = getattr(res, "proved_statement", None)
        cert, witness = getattr(res, "certificate", None), getattr(res, "witness", None)
        if not getattr(res, "ok", False):
            continue
        if cert is not None and st is not None:
            out.append((f"obligation_{k}", export_certificate(cert, st, name=report.id)))
        elif isinstance(witness, PolymatroidWitness) and (
                getattr(res, "kind", "") == "refute" or str(getattr(res, "outcome", "")) == "not_provable"):
            if st is None:
                if not getattr(res, "statement", ""):
                    continue

                st = parse_statement(res.statement)
            out.append((f"obligation_{k}", export_witness(witness, st, name="not_shannon_provable")))
    return out


def not_exported(report) -> list[str]:
    """Descriptions of the entry's certified results that are *not* in its
    Coq file: a certificate whose statement is missing from the result.
    (Copy-lemma certificates are exported since the theory has
    :file:`Entropic.v`; the list is empty for every catalog entry today.)"""
    out = []
    for res in getattr(report, "results", ()):
        cert = getattr(res, "certificate", None)
        if getattr(res, "ok", False) and cert is not None and getattr(res, "proved_statement", None) is None:
            out.append(f"{getattr(res, 'description', '')} (no statement to export)")
    return out


def entry_axioms(report) -> tuple[str, ...]:
    """The theory's axioms the entry's Coq file rests on: those of
    :file:`Entropic.v` (``entropic_polymatroid``, ``copy_lemma``) when some
    exported certificate uses copies, else none."""
    for res in getattr(report, "results", ()):
        cert = getattr(res, "certificate", None)
        if getattr(res, "ok", False) and cert is not None and getattr(cert, "copies", ()):
            return ENTROPIC_AXIOMS
    return ()


def file_mark(result: CoqResult, text: str) -> str:
    """The mark of a checked file: ``kernel-checked (Coq 8.16)``, with
    ``, assuming the copy lemma (Entropic.v)`` when the file rests on the
    axioms of Entropic.v (non-Shannon proofs), or Coq's error."""
    return EntryCheck("", 0, result, (), assumed_axioms(text)).mark


def entry_file(report) -> str:
    """The whole ``.v`` file of one catalog entry (empty modules → no theorems)."""
    return coq_file(entry_modules(report), title=f"{report.spec_id} {report.id}")


@dataclass(frozen=True)
class EntryCheck:
    """``coqc``'s verdict on one catalog entry's file."""

    id: str
    theorems: int
    result: CoqResult
    not_exported: tuple = ()
    #: Axioms of the theory the file may rest on (the copy lemma's, for non-Shannon proofs).
    axioms: tuple = ()

    @property
    def mark(self) -> str:
        """``kernel-checked (Coq 8.16)``, with ``assuming the copy lemma`` for
        files that rest on the axioms of Entropic.v."""
        if self.result.ok and self.axioms:
            return self.result.mark + ", assuming the copy lemma (Entropic.v)"
        return self.result.mark

    def to_json(self) -> dict:
        return {"id": self.id, "theorems": self.theorems, "kernel_checked": self.result.ok,
                "seconds": round(self.result.seconds, 3), "cpu_seconds": round(self.result.cpu_seconds, 3),
                "coq_version": self.result.version, "error": self.result.message,
                "not_exported": list(self.not_exported), "axioms": list(self.axioms),
                "checked_with": self.result.batched}


def check_entries(reports, *, jobs: int = 2, timeout: float = 300.0, cache_dir=None, on_done=None,
                  batch: bool = True) -> list[EntryCheck]:
    """Export every certified/tight report and run ``coqc`` on each file
    (entries with nothing exportable are left out; see :func:`not_exported`).

    ``batch`` (default): check the files together, in one ``coqc`` run per
    kind of file (Shannon-type apart from copy-lemma files; see
    :func:`natlat_sym.coq.batch.check_files`) — the theory is loaded once
    instead of once per entry, and a rejected run is re-checked file by
    file so the error names the entry; ``batch=False``: one ``coqc`` per
    file (what ``bench_coq.py`` times)."""
    chosen, modules = [], []
    for r in reports:  # an entry with nothing exportable is not checked
        mods = entry_modules(r) if is_exported(r) else []
        if mods:
            chosen.append(r)
            modules.append(mods)
    titles = [f"{r.spec_id} {r.id}" for r in chosen]
    texts = [coq_file(m, title=t) for m, t in zip(modules, titles)]

    def done(k, result):
        if on_done is not None:
            on_done(chosen[k], result)

    if batch:
        results = coq_batch.check_files(texts, jobs=jobs, timeout=timeout, cache_dir=cache_dir, on_done=done)
    else:
        results = run_many(texts, jobs=jobs, timeout=timeout, cache_dir=cache_dir, on_done=done)
    return [EntryCheck(r.id, len(m), res, tuple(not_exported(r)), assumed_axioms(text))
            for r, m, res, text in zip(chosen, modules, results, texts)]


def proof_obligation_modules(theorem, *, timeout: float = 30.0) -> list[tuple[str, str]]:
    """Run only the prove and tight obligations of a catalog entry (no
    finite checks or experiments) and export each certified one: the
    entry's kernel-checkable part, cheaper than a full :func:`check_theorem`."""
    out = []
    for k, ob in enumerate(theorem.obligations, start=1):
        if ob.kind not in ("prove", "tight") or ob.expect == "not_provable":
            continue
        res = ob.run(timeout=timeout)
        st = getattr(res, "proved_statement", None)
        if res.ok and res.certificate is not None and st is not None:
            out.append((f"{theorem.id}_obligation_{k}", export_certificate(res.certificate, st, name=theorem.id)))
    return out
