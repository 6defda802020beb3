"""Kernel-check many exported Coq files with as few ``coqc`` runs as possible.

Every file :func:`natlat_sym.coq.export.coq_file` writes is one comment
line, the shared theory, then the file's own modules.  The theory is
:file:`Polymatroid.v` — and, for files whose proofs use copies (non-Shannon
inequalities), also :file:`Entropic.v` with its two axioms.  Almost all of a
``coqc`` run on such a file is loading the Coq standard library the theory
requires (about 1 CPU-second); the file's own proofs take a few milliseconds
to a few tenths of a second.  So :func:`check_files` checks files
*together*: for each **kind** of file (``"shannon"``: Polymatroid.v only;
``"entropic"``: Polymatroid.v and Entropic.v) one file made of that theory
once, then each file's modules wrapped in an outer module of its own::

    <the theory of the kind>
    Module NatlatEntry_0.  <modules of file 0>  End NatlatEntry_0.
    Module NatlatEntry_1.  <modules of file 1>  End NatlatEntry_1.

The two kinds are never mixed: a Shannon-type theorem is never checked in
the presence of the copy-lemma axioms.

Why a batch checks the same theorems as each file: inside
``NatlatEntry_k`` an unqualified or partly qualified name resolves exactly
as in the file itself (to the theory or to the file's own modules); the
contents of a closed, non-imported module are reachable only through its
full name ``NatlatEntry_j.…``, which no exported file uses.  Commands that
could act outside their module or change what the kernel trusts
(``Global``, ``Hint``, ``Require``, ``Import``/``Export``, ``Axiom``,
options, ...) are refused in a batched body (:func:`is_batchable`): such a
file, or one that is not "comment, theory, modules" (:func:`split_file`), is
checked on its own.  When a batch is rejected, every file in it is re-checked
on its own (``coqc`` on exactly that file), so the rejection names the file
and carries Coq's message for it.

Results are cached on disk under each file's own text and the Coq version
(:func:`natlat_sym.coq.run.load_cached`, written atomically), so an
unchanged file is never re-checked.  Each ``coqc`` run gets at most
``timeout`` seconds per file it checks, and never more than what remains of
the caller's time budget (:func:`natlat_sym.limits.time_left`).

Both ``natlat check --coq`` (:func:`natlat_sym.coq.catalog.check_entries`)
and the docs build (:mod:`natlat_sym.sphinxext.kernel`) check through
:func:`check_files`.

Examples
--------
>>> from natlat_sym.coq.export import coq_file
>>> kind, body = split_file(coq_file([("m", "Theorem t : True.\\nProof. exact I. Qed.")]))
>>> kind, body.strip()
('shannon', 'Module m.\\nTheorem t : True.\\nProof. exact I. Qed.\\nEnd m.')
>>> split_file("Module m.\\nEnd m.\\n") is None
True
>>> is_batchable("Module m.\\nTheorem t : True.\\nProof. exact I. Qed.\\nEnd m.\\n")
True
>>> is_batchable("Module m.\\n#[global] Hint Resolve x : core.\\nEnd m.\\n")
False
"""

from __future__ import annotations

import re
import time
from concurrent.futures import ThreadPoolExecutor

from ..errors import BudgetExceeded
from ..files import write_file
from ..limits import time_left
from .export import entropic_theory_text, theory_text
from .run import CoqResult, load_cached, require_coqc, run_coqc, run_coqc_cached, store_cached

__all__ = ["KINDS", "kind_theory", "split_file", "is_batchable", "batch_text", "check_files"]

#: The kinds of exported file, each checked in batches of its own: ``"shannon"``
#: (the theory Polymatroid.v, no axioms) and ``"entropic"`` (also Entropic.v:
#: the predicate ``entropic`` and the copy-lemma axioms).
KINDS = ("shannon", "entropic")

# Vernacular commands whose effect can outlive the module they are in (or
# that change what the kernel trusts): a body with one is checked alone.
_OUTSIDE = re.compile(
    r"(^|\.\s|^\s*-\s)\s*(#\[|Global\b|Local\b|Export\b|Import\b|Require\b|From\b|Set\b|Unset\b|Hint\b|"
    r"Axiom|Parameter|Variable|Hypothes|Conjecture|Admitted\b|Instance\b|Existing\b|Coercion\b|"
    r"Canonical\b|Notation\b|Infix\b|Reserved\b|Open\b|Close\b|Declare\b|Arguments\b|Opaque\b|"
    r"Transparent\b|Strategy\b|Typeclasses\b|Create\b|Add\b|Remove\b|Tactic\b|Obligation|Program\b|"
    r"Fail\b|Drop\b|Reset\b|Back\b|Load\b|Include\b|Universe|Constraint\b|Polymorphic\b|"
    r"Monomorphic\b|Cumulative\b|Scheme\b|Generalizable\b|Implicit\b|Section\b)", re.M)


def kind_theory(kind: str) -> str:
    """The theory every file of ``kind`` starts with, as :func:`~natlat_sym.coq.export.coq_file`
    writes it (without trailing blank lines)."""
    if kind == "shannon":
        return theory_text().rstrip()
    if kind == "entropic":
        return theory_text().rstrip() + "\n\n" + entropic_theory_text().rstrip()
    raise ValueError(f"unknown kind of Coq file {kind!r} (expected one of {', '.join(KINDS)})")


def split_file(text: str) -> tuple[str, str] | None:
    """``(kind, body)``: the file's kind and its own part (what follows the
    theory), or None when ``text`` is not "one comment line, a theory, modules"."""
    shannon = kind_theory("shannon")
    head, found, rest = text.partition(shannon)
    if not found or not re.fullmatch(r"\(\*[^\n]*\*\)\s*", head) or not rest.startswith("\n"):
        return None
    entropic = entropic_theory_text().rstrip()
    after = rest.lstrip("\n")
    if after.startswith(entropic):
        rest = after[len(entropic):]
        return ("entropic", rest) if rest.startswith("\n") or not rest else None
    return "shannon", rest


def is_batchable(body: str) -> bool:
    """No command in ``body`` can act outside its module (see the module
    docstring), and it never names a batch's own modules."""
    return _OUTSIDE.search(body) is None and "NatlatEntry_" not in body


def batch_text(bodies, kind: str = "shannon") -> str:
    """One ``.v`` file: the theory of ``kind`` once, then each body in ``NatlatEntry_k``."""
    what = "Shannon-type" if kind == "shannon" else "copy-lemma (Entropic.v)"
    out = [f"(* Generated by natlat_sym: the {what} catalog entries' Coq files checked in one coqc run.",
           "   Each NatlatEntry_k module holds one entry's modules, exactly as in its own file. *)", "",
           kind_theory(kind), ""]
    for k, body in enumerate(bodies):
        out += [f"Module NatlatEntry_{k}.", body.strip("\n"), f"End NatlatEntry_{k}.", ""]
    return "\n".join(out)


class _Budget:
    """Seconds each ``coqc`` run may take: its own limit, and never past the
    deadline of the caller's time budget (read once, in the caller's thread:
    worker threads do not see the caller's context)."""

    def __init__(self, timeout: float):
        left = time_left()
        self.timeout = timeout
        self.deadline = None if left is None else time.monotonic() + left

    def seconds(self, files: int = 1) -> float:
        limit = self.timeout * files
        if self.deadline is None:
            return limit
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise BudgetExceeded("time budget exhausted during kernel-checking with coqc")
        return min(limit, left)


def check_files(texts, *, jobs: int = 2, timeout: float = 300.0, cache_dir=None, on_done=None,
                batch_kinds=KINDS, batch_out=None) -> list[CoqResult]:
    """``coqc``'s verdict on each Coq file of ``texts``, checked in as few runs as possible.

    Parameters
    ----------
    texts : iterable of str
        Whole ``.v`` files, as :func:`~natlat_sym.coq.export.coq_file` writes them.
    jobs : int
        ``coqc`` processes at a time (the kinds' batches run side by side;
        files re-checked alone share the jobs).
    timeout : float
        Seconds per file (a batch of ``n`` files gets ``n * timeout``),
        never past the caller's :func:`~natlat_sym.limits.time_budget`.
    cache_dir : path, optional
        Results are read from and stored in it under each file's own text.
    on_done : callable, optional
        ``on_done(index, result)`` as each file's result is known.
    batch_kinds : collection of str
        The kinds (:data:`KINDS`) whose files are checked together; files of
        other kinds are checked one by one.
    batch_out : mapping, optional
        ``{kind: path}``: write each batch file there (the file ``coqc``
        ran, so a reader can re-run it), atomically, before checking it.
        When no batch of a kind ran because every result came from the
        cache, the file written is the batch of that kind's files whose
        cached results were accepted in a batch.

    Returns
    -------
    list of CoqResult
        One per file, in order.  A file accepted in a batch of ``n`` gets
        ``batched == n`` and its share of the run's time; a result read
        from the cache has ``cached`` set.

    Raises
    ------
    natlat_sym.coq.run.CoqUnavailable
        When ``coqc`` is not installed.
    natlat_sym.errors.BudgetExceeded
        When the caller's time budget is spent before every file is checked.
    """
    texts = list(texts)
    require_coqc()
    budget = _Budget(timeout)
    results: list = [load_cached(text, cache_dir) for text in texts]
    for k, r in enumerate(results):
        if r is not None and on_done is not None:
            on_done(k, r)
    groups: dict[str, list[int]] = {}
    bodies: dict[int, str] = {}
    alone: list[int] = []
    for k, text in enumerate(texts):
        if results[k] is not None:
            continue
        split = split_file(text)
        if split is not None and split[0] in batch_kinds and is_batchable(split[1]):
            groups.setdefault(split[0], []).append(k)
            bodies[k] = split[1]
        else:
            alone.append(k)
    for kind in [kind for kind, idx in groups.items() if len(idx) == 1]:
        alone += groups.pop(kind)  # a batch of one saves nothing: checked as its own file

    def done(k: int, r: CoqResult) -> None:
        results[k] = r
        if on_done is not None:
            on_done(k, r)

    def check_alone(idx: list[int], workers: int) -> None:
        def one(k):
            done(k, run_coqc_cached(texts[k], cache_dir, timeout=budget.seconds()))

        if workers <= 1 or len(idx) <= 1:
            for k in idx:
                one(k)
        else:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                list(pool.map(one, idx))

    tasks = [(kind, idx) for kind, idx in groups.items()] + ([(None, alone)] if alone else [])
    share_jobs = max(1, jobs // max(1, len(tasks)))

    def task(kind, idx: list[int]) -> None:
        if kind is None:
            check_alone(idx, share_jobs)
            return
        text = batch_text([bodies[k] for k in idx], kind)
        if batch_out is not None and kind in batch_out:
            write_file(batch_out[kind], text, what="Coq batch file")
        together = run_coqc(text, timeout=budget.seconds(len(idx)), filename="all_entries.v")
        if not together.ok:
            check_alone(idx, share_jobs)  # re-check each alone: the rejection names the file
            return
        n = len(idx)
        share = CoqResult(True, together.seconds / n, "", together.version, together.cpu_seconds / n, n)
        for k in idx:
            store_cached(texts[k], cache_dir, share)
            done(k, share)

    if len(tasks) > 1 and jobs > 1:
        with ThreadPoolExecutor(max_workers=min(jobs, len(tasks))) as pool:
            list(pool.map(lambda t: task(*t), tasks))
    else:
        for t in tasks:
            task(*t)
    if batch_out is not None:
        _write_cached_batches(texts, results, batch_out, ran=set(groups))
    return results


def _write_cached_batches(texts, results, batch_out, *, ran: set) -> None:
    """For each kind of ``batch_out`` that ran no batch: the batch file of its
    files accepted in a batch according to the cache (a build into a new
    folder still publishes the file its pages name)."""
    for kind, path in batch_out.items():
        if kind in ran:
            continue
        bodies = [split[1] for text, r in zip(texts, results)
                  if r.cached and r.ok and r.batched > 1
                  and (split := split_file(text)) is not None and split[0] == kind]
        if bodies:
            write_file(path, batch_text(bodies, kind), what="Coq batch file")
