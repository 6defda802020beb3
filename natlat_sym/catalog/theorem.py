"""Theorems, proof obligations, and how running them yields a status.

A catalog entry (:class:`Theorem`) is a definition, theorem, rule, negative
result or open problem of the specification, together with the
machine-checkable claims that back it (its :class:`Obligation` s).  Nothing
about an entry's standing is typed by hand: :func:`check_theorem` runs every
obligation and *computes* the :class:`Status` from the outcomes.

Glossary
--------
obligation
    One claim a machine can check: a Shannon-type inequality to **prove**
    (an exactly re-checked certificate), a statement to **refute** (a
    counterexample checked exactly), **tight** constants (the least
    Shannon-type coefficients, confirmed or corrected), a **finite** check
    on concrete distributions (certified arithmetic or z3), or an
    **experiment** (numerical evidence only).
expectation
    What the obligation should come out as: a
    :class:`~natlat_sym.verdicts.Verdict` for the prover (``proved``,
    ``refuted``, ``not_provable``), a :class:`~natlat_sym.verdicts.Truth`
    for finite checks (``holds``, ``violated``), or ``"tight"`` /
    ``"evidence"``.  An outcome that contradicts it, an error, or a timeout
    makes the entry FAILING.
supporting obligation
    A check that must succeed but does not define the entry's strength,
    e.g. a distribution showing that a bound is attained, or the refutation
    of a weakened variant of a theorem.
uses (computed)
    The names of the hypotheses that some certificate gives a nonzero
    multiplier: what the proof really needed.

Status, from strongest to weakest: TIGHT (certified and least constants
confirmed) > CERTIFIED > CHECKED (finite instances) > OPEN (experiments);
REFUTED for negative results shown *false* (a distribution violates the
claim); NOT_PROVABLE for negative results whose evidence is only a point of
the Shannon cone (no Shannon-type proof exists; true or false not decided);
FAILING whenever an expectation is not met.

Public names: :class:`Status`, :class:`Obligation`, :class:`ObligationResult`,
:class:`FiniteOutcome`, :class:`Theorem`, :class:`TheoremReport`,
:func:`check_theorem`, and the obligation builders :func:`prove_that`,
:func:`refute_that`, :func:`not_provable_that`, :func:`tight_constants`, :func:`check_on_instances`,
:func:`experiment`, :func:`holds_on`, :func:`violated_on`.
:class:`Obligation` and how each kind runs live in
:mod:`natlat_sym.catalog.obligations`, the results in
:mod:`natlat_sym.catalog.outcomes`; both are re-exported here.

Examples
--------
>>> from natlat_sym.catalog import Theorem, prove_that, check_theorem
>>> t = Theorem(id="mutual_info_nonneg", title="Mutual information is nonnegative",
...             spec_id="EX", kind="theorem", reference="classical",
...             obligations=(prove_that("I(X;Y) >= 0"),))
>>> t.statement.text()
'I(X;Y) >= 0'
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from fractions import Fraction
from html import escape

from ..errors import CatalogError
from ..finite.evaluate import check_on
from ..shannon.claim import as_claim
from ..shannon.statement import Statement
from ..shannon.display import html_math, html_table, latex_text, math_block
from ..verdicts import Truth, Verdict
from .obligations import OBLIGATION_KINDS, Obligation
from .outcomes import FiniteOutcome, ObligationResult
__all__ = [
    "Status", "Obligation", "ObligationResult", "FiniteOutcome", "Theorem", "TheoremReport",
    "check_theorem", "prove_that", "not_provable_that", "refute_that", "tight_constants", "check_on_instances",
    "experiment", "holds_on", "violated_on", "KINDS", "OBLIGATION_KINDS",
]


KINDS = ("definition", "theorem", "rule", "negative", "open", "example")

_ID = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z][a-z0-9]*)*$")
_SPEC_ID = re.compile(r"^[A-Z]+[0-9]*[a-z]?$")


class Status(str, Enum):
    """Standing of a catalog entry, computed by :func:`check_theorem`."""

    CERTIFIED = "certified"
    TIGHT = "tight"
    CHECKED = "checked"
    REFUTED = "refuted"
    NOT_PROVABLE = "not_provable"
    OPEN = "open"
    FAILING = "failing"

    def __str__(self) -> str:
        return self.value


_STRENGTH = {Status.TIGHT: 4, Status.CERTIFIED: 3, Status.CHECKED: 2, Status.OPEN: 1}


# ----------------------------------------------------------------------------- obligations
def _as_statement(text, given=(), where: str = ""):
    """The catalog's sympy Statement, read by the one normaliser (as_claim)."""

    if not isinstance(text, (str, Statement)) and type(text).__name__ not in (
            "LessThan", "GreaterThan", "Equality", "Relation"):
        raise CatalogError(f"{where or 'obligation'}: expected statement text or a Statement, got {type(text).__name__}")
    return as_claim(text, list(given), symbolic=True).source


# ----------------------------------------------------------------------------- builders
def _fraction(v, name: str) -> Fraction:
    if isinstance(v, float):
        raise CatalogError(f"claimed value {name} = {v!r} is a float; write an exact number such as '1/2'")
    try:
        return Fraction(v)
    except (TypeError, ValueError):
        raise CatalogError(f"claimed value {name} = {v!r} is not an exact number") from None


def prove_that(text, given: Sequence = (), *, expect: str = Verdict.PROVED, description: str = "",
               supporting: bool = False, copies: Sequence = (), non_shannon: bool = False) -> Obligation:
    """An obligation: the prover must return ``expect`` (default "proved")
    with an exactly re-checked certificate.

    ``copies`` (texts such as ``"A | C,D"``) lets the proof adjoin copies of
    variables (the copy lemma, :mod:`natlat_sym.shannon.copy_lemma`) — how
    non-Shannon inequalities are proved; ``non_shannon=True`` lets the
    prover search single copy steps itself.

    Parameters
    ----------
    text : str or Statement
        ``"H(G|L) <= I(X1;X2|L) + H(G|X1) + H(G|X2)"``; hypotheses inline
        (``"name: ... => ..."``) or in ``given``.
    given : sequence of str or Relation
        Extra hypotheses (e.g. from :func:`natlat_sym.latents.natural_latent_conditions`).

    Examples
    --------
    >>> ob = prove_that("I(X;Z) <= I(X;Y)", given=["markov: I(X;Z|Y) = 0"])
    >>> ob.kind, ob.description
    ('prove', 'markov: I(X;Z|Y) = 0 => I(X;Z) <= I(X;Y)')
    """
    st = _as_statement(text, given, "prove_that")
    copies = tuple(str(c) for c in copies)
    if copies and not description:
        description = f"{st.text()} (with the copy lemma: {'; '.join(copies)})"
    return Obligation("prove", description or st.text(), st, expect=expect, supporting=supporting,
                      copies=copies, non_shannon=non_shannon)


def not_provable_that(text, given: Sequence = (), *, description: str = "", supporting: bool = False,
                      copies: Sequence = ()) -> Obligation:
    """An obligation: Shannon-type inequalities (plus the copy steps
    ``copies``, if any) do **not** prove the statement — the prover must
    return an exactly checked polymatroid that satisfies the hypotheses and
    violates the conclusion.  Says nothing about truth: a non-Shannon
    inequality is true yet not Shannon-provable.

    Examples
    --------
    >>> ob = not_provable_that("2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)")
    >>> ob.expect, ob.description
    ('not_provable', 'not provable from Shannon-type inequalities alone: 2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)')
    """
    st = _as_statement(text, given, "not_provable_that")
    copies = tuple(str(c) for c in copies)
    alone = "Shannon-type inequalities alone" if not copies else \
        f"Shannon-type inequalities with the copies {'; '.join(copies)}"
    return Obligation("prove", description or f"not provable from {alone}: {st.text()}", st,
                      expect=Verdict.NOT_PROVABLE, supporting=supporting, copies=copies)


def refute_that(text, given: Sequence = (), *, witness=None, description: str = "",
                supporting: bool = False) -> Obligation:
    """An obligation: the statement is **false** — violated by ``witness``,
    a finite distribution checked exactly (certified) here, or refuted by
    the prover (which attaches a re-checked distribution, or on at most 3
    variables without hypotheses may rest on a cone point alone).

    A violating polymatroid alone does not make a statement false: for such
    negative results use :func:`not_provable_that`.

    Examples
    --------
    >>> refute_that("I(X;Y) <= I(X;Y|Z)").expect
    'refuted'
    """
    st = _as_statement(text, given, "refute_that")
    return Obligation("refute", description or f"not always: {st.text()}", st, expect=Verdict.REFUTED,
                      witness=witness, supporting=supporting)


def tight_constants(text, given: Sequence = (), *, weights: Mapping | None = None, description: str = "",
                    supporting: bool = False, attained_by: Sequence = (), **claimed_least_values) -> Obligation:
    """An obligation: the least Shannon-type values of the free coefficients
    of ``text`` are exactly ``claimed_least_values``.

    The prover's ``tightest`` computes them.  When it agrees, its
    certificate and per-coefficient polymatroid witnesses confirm the claim.
    When it disagrees, the claim itself is decided: refuted → "corrected"
    (FAILING, with the prover's values in the detail); proved → minimality
    must come from witnesses or from ``attained_by``: real distributions on
    which the bound at the claimed values holds with equality while the
    coefficient's term is positive (checked exactly); otherwise "unknown".

    Examples
    --------
    >>> ob = tight_constants("H(G|L) <= a*I(X1;X2|L) + b*(H(G|X1) + H(G|X2))", a=1, b=1)
    >>> sorted(ob.claimed.items())
    [('a', Fraction(1, 1)), ('b', Fraction(1, 1))]
    """
    st = _as_statement(text, given, "tight_constants")
    if not claimed_least_values:
        raise CatalogError(f"tight_constants({st.text()!r}) needs the claimed least values, e.g. a=1")
    claimed = {k: _fraction(v, k) for k, v in claimed_least_values.items()}
    free = st.free_coefficients()
    unknown = set(claimed) - set(free)
    if unknown:
        raise CatalogError(f"tight_constants: {sorted(unknown)[0]!r} is not a free coefficient of "
                           f"{st.text()!r} (free: {', '.join(sorted(free)) or 'none'})")
    shown = ", ".join(f"{k} = {v}" for k, v in sorted(claimed.items()))
    return Obligation("tight", description or f"least constants {shown} in {st.text()}", st, expect="tight",
                      claimed=claimed, weights=None if weights is None else {k: _fraction(v, k) for k, v in weights.items()},
                      supporting=supporting, attained_by=tuple(attained_by))


def check_on_instances(check: Callable, description: str, *, expect: str = Truth.HOLDS,
                       supporting: bool = False, expected_cost: int | None = None) -> Obligation:
    """An obligation checked on finite instances: ``check()`` returns a
    :class:`FiniteOutcome` (see :func:`holds_on`) whose verdict must be
    ``expect``.  ``expected_cost`` only orders a parallel check (see
    :class:`Obligation`)."""
    return Obligation("finite", description, expect=expect, check=check, supporting=supporting,
                      expected_cost=expected_cost)


def experiment(run: Callable, description: str, *, expected_cost: int | None = None) -> Obligation:
    """Numerical evidence only (open problems): ``run()`` returns a
    :class:`FiniteOutcome` with verdict ``"evidence"``; it succeeds unless it
    errors.  ``expected_cost`` only orders a parallel check (see
    :class:`Obligation`)."""
    return Obligation("experiment", description, expect="evidence", check=run, expected_cost=expected_cost)


def _check_each(statement, distributions, parameters=None):
    st = _as_statement(statement, (), "holds_on") if isinstance(statement, str) else statement
    dists = list(distributions)
    if not dists:
        raise CatalogError("no distributions to check on")
    return st, [(d, check_on(st, d, parameters=parameters)) for d in dists]


def _sizes(dists) -> str:
    shapes = sorted({"×".join(str(k) for k in d.shape) for d in dists})
    return f"{len(dists)} distribution(s), shapes {', '.join(shapes)}"


def holds_on(statement, distributions: Iterable, *, parameters=None, allow_vacuous: bool = False) -> FiniteOutcome:
    """Certified check that ``statement`` holds on every distribution.

    Vacuous truth (a hypothesis fails) counts as a failure unless
    ``allow_vacuous``, so an example cannot pass by missing its premise.
    """
    st, checks = _check_each(statement, distributions, parameters)
    bad = [(d, v) for d, v in checks if not v.holds or (v.vacuous and not allow_vacuous)]
    dists = [d for d, _ in checks]
    if bad:
        d, v = bad[0]
        verdict = v.verdict if v.verdict in (Truth.VIOLATED, Truth.UNDECIDED) else "vacuous"
        return FiniteOutcome(verdict, detail=f"{v}", sizes=_sizes(dists), distribution=d)
    margins = ", ".join(str(v.margin) for _, v in checks[:4])
    return FiniteOutcome(Truth.HOLDS, detail=f"{st.text()} holds (margins {margins})", sizes=_sizes(dists))


def violated_on(statement, distribution, *, parameters=None) -> FiniteOutcome:
    """Certified check that ``statement`` is violated (all hypotheses
    certified to hold, conclusion certified false) on ``distribution``."""
    st, [(d, v)] = _check_each(statement, [distribution], parameters)
    return FiniteOutcome(v.verdict, detail=str(v), sizes=_sizes([d]), distribution=d)




# ----------------------------------------------------------------------------- theorems
@dataclass(frozen=True)
class Theorem:
    """A catalog entry; see the module docstring.

    Attributes
    ----------
    id : str
        ``conclusion_of_hypotheses`` (mathlib style); equals the proof module's file stem.
    title, spec_id, kind, reference, informal : str
    obligations : tuple of Obligation
    uses : tuple of str
        Ids of catalog entries used to STATE it (declared).
    proof_uses : tuple of str
        Ids of lemmas the proof is declared to use; the computed ``uses``
        comes from certificates (:attr:`TheoremReport.uses_computed`).
    source_path : str
        Filled in by the registry.
    """

    id: str
    title: str
    spec_id: str
    kind: str
    reference: str
    obligations: tuple = ()
    informal: str = ""
    uses: tuple[str, ...] = ()
    proof_uses: tuple[str, ...] = ()
    source_path: str = ""

    def __post_init__(self):
        where = f"theorem {self.id!r}"
        if not isinstance(self.id, str):
            raise CatalogError(f"{where}: id must be a string")
        if re.search(r"_\d+$", self.id) or "prime" in self.id.split("_"):
            raise CatalogError(f"{where}: ids say what they prove; no numeric suffix or 'prime'")
        if not _ID.match(self.id):
            raise CatalogError(f"{where}: id must be snake_case like 'redund_determined_of_mediator'")
        if not isinstance(self.spec_id, str) or not _SPEC_ID.match(self.spec_id):
            raise CatalogError(f"{where}: spec_id must look like 'T4', 'D1', 'R6', 'EX' (or 'R3b' for a second entry on one spec item); got {self.spec_id!r}")
        if self.kind not in KINDS:
            raise CatalogError(f"{where}: kind must be one of {', '.join(KINDS)}; got {self.kind!r}")
        if not self.title:
            raise CatalogError(f"{where}: needs a title")
        obligations = tuple(self.obligations)
        if not obligations:
            raise CatalogError(f"{where}: needs at least one obligation")
        for k, ob in enumerate(obligations, start=1):
            if not isinstance(ob, Obligation):
                raise CatalogError(f"{where}: obligation {k} is a {type(ob).__name__}, not an Obligation")
        object.__setattr__(self, "obligations", obligations)
        object.__setattr__(self, "uses", tuple(self.uses))
        object.__setattr__(self, "proof_uses", tuple(self.proof_uses))

    @property
    def statements(self) -> tuple:
        """The symbolic statements of the prove/tight obligations."""
        return tuple(o.statement for o in self.obligations if o.kind in ("prove", "tight") and o.statement is not None)

    @property
    def statement(self):
        """The main symbolic statement (first prove obligation), or None."""
        for o in self.obligations:
            if o.kind == "prove" and o.statement is not None:
                return o.statement
        sts = self.statements
        return sts[0] if sts else None

    @property
    def test_id(self) -> str:
        """The pytest node id that checks this entry."""
        return f"tests/catalog/test_proofs.py::test_theorem_checks[{self.id}]"

    def to_json(self) -> dict:
        return {"id": self.id, "title": self.title, "spec_id": self.spec_id, "kind": self.kind,
                "reference": self.reference, "informal": self.informal, "uses": list(self.uses),
                "proof_uses": list(self.proof_uses), "source_path": self.source_path,
                "statements": [s.text() for s in self.statements],
                "obligations": [{"kind": o.kind, "description": o.description, "expect": o.expect}
                                for o in self.obligations]}


@dataclass(frozen=True)
class TheoremReport:
    """The result of :func:`check_theorem`: status, per-obligation results,
    time, and the computed ``uses``."""

    id: str
    title: str
    spec_id: str
    kind: str
    status: Status
    ok: bool
    seconds: float
    results: tuple[ObligationResult, ...]
    uses_computed: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()
    reason: str = ""

    @property
    def theorem_id(self) -> str:
        return self.id

    def summary(self) -> str:
        """One line: ``T4 redund_determined_of_mediator: tight (0.41 s)``."""
        tail = f" — {self.reason}" if self.reason else ""
        return f"{self.spec_id} {self.id}: {self.status.value} ({self.seconds:.2f} s){tail}"

    def to_json(self) -> dict:
        return {"id": self.id, "title": self.title, "spec_id": self.spec_id, "kind": self.kind,
                "status": self.status.value, "ok": self.ok, "seconds": round(self.seconds, 4),
                "reason": self.reason, "uses": list(self.uses), "uses_computed": list(self.uses_computed),
                "obligations": [r.to_json() for r in self.results]}

    def __str__(self) -> str:
        """The summary line, then one line per obligation."""
        lines = [self.summary()]
        for r in self.results:
            what = r.statement or r.description
            tail = f" — {r.detail}" if r.detail else ""
            lines.append(f"  {r.kind:<10} {r.outcome:<10} {'ok ' if r.ok else 'BAD'} {what}{tail}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        rows = []
        for r in self.results:
            what = ("raw", html_math(f"${r.statement_latex}$")) if r.statement_latex else r.description
            rows.append((r.kind, r.outcome, "yes" if r.ok else "NO", what, r.detail))
        # math as \(…\) in a mathjax_process block (display.html_math): typeset in
        # Jupyter and in the docs' executed notebooks alike
        return math_block(
            f"<p><strong>{escape(self.spec_id)} {escape(self.id)}</strong>: {escape(self.title)} — "
            f"<strong>{escape(self.status.value)}</strong> ({self.seconds:.2f} s)"
            + (f"<br><em>{escape(self.reason)}</em>" if self.reason else "") + "</p>"
            + html_table(("obligation", "outcome", "as expected", "statement", "detail"), rows))

    def _repr_latex_(self) -> str:
        r"""The headline, then one row per obligation (kind, outcome, statement) in an ``array``."""
        head = (rf"$\textbf{{{latex_text(self.spec_id)}}}\ \texttt{{{latex_text(self.id)}}}:\ "
                rf"\text{{{latex_text(self.title)}}} \;\text{{---}}\; \textbf{{{latex_text(self.status.value)}}}"
                rf"\ ({self.seconds:.2f}\,\text{{s}})$")
        rows = []
        for r in self.results:
            stmt = r.statement_latex or rf"\text{{{latex_text(r.description)}}}"
            mark = "" if r.ok else r"\ \textbf{(not as expected)}"
            rows.append(rf"\text{{{latex_text(r.kind)}}} & \text{{{latex_text(str(r.outcome))}}}{mark} & {stmt}")
        table = (r"$$\begin{array}{lll}\text{obligation} & \text{outcome} & \text{statement} \\ \hline" + "\n"
                 + " \\\\\n".join(rows) + "\n" + r"\end{array}$$")
        parts = [head, table]
        if self.reason:
            parts.insert(1, rf"$\textit{{reason:}}\ \text{{{latex_text(self.reason)}}}$")
        return "\n".join(parts)


def compute_status(kind: str, results: Sequence[ObligationResult]) -> tuple[Status, str]:
    """Status of an entry from its obligation results, with a reason when FAILING.

    >>> ok = ObligationResult("prove", "I(X;Y) >= 0", "proved", "proved", True)
    >>> compute_status("theorem", [ok])
    (<Status.CERTIFIED: 'certified'>, '')
    >>> bad = ObligationResult("prove", "I(X;Y) <= 0", "proved", "refuted", False, detail="expected proved")
    >>> compute_status("theorem", [ok, bad])[0]
    <Status.FAILING: 'failing'>
    >>> zy = ObligationResult("refute", "Zhang–Yeung", "not_provable", "not_provable", True)
    >>> compute_status("negative", [zy])[0]      # a polymatroid only: never "refuted"
    <Status.NOT_PROVABLE: 'not_provable'>
    """
    failed = [r for r in results if not r.ok]
    if failed:
        r = failed[0]
        more = f" (+{len(failed) - 1} more)" if len(failed) > 1 else ""
        return Status.FAILING, f"{r.description}: {r.outcome} — {r.detail}"[:300] + more
    if kind == "negative":
        if any((r.kind == "refute" and r.outcome == Verdict.REFUTED)
               or (r.kind == "finite" and r.outcome == Truth.VIOLATED) for r in results):
            return Status.REFUTED, ""
        if any(r.outcome == Verdict.NOT_PROVABLE for r in results):
            return Status.NOT_PROVABLE, ""
    if kind == "open":
        return Status.OPEN, ""
    level = {"prove": Status.CERTIFIED, "tight": Status.CERTIFIED, "finite": Status.CHECKED,
             "experiment": Status.OPEN}
    # an expected "not_provable" from the prover certifies nothing
    main = [r for r in results if not r.supporting and r.kind in level and r.outcome != Verdict.NOT_PROVABLE]
    if not main:
        if any(r.kind == "refute" and r.outcome == Verdict.REFUTED for r in results):
            return Status.REFUTED, ""
        if any(r.outcome == Verdict.NOT_PROVABLE and not r.supporting for r in results):
            return Status.NOT_PROVABLE, ""
        main = [r for r in results if r.kind in level]
    if not main:
        return Status.OPEN, ""
    status = min((level[r.kind] for r in main), key=_STRENGTH.__getitem__)
    if status is Status.CERTIFIED and any(r.kind == "tight" for r in results):
        status = Status.TIGHT
    return status, ""


def check_theorem(theorem: Theorem, *, timeout: float = 30.0) -> TheoremReport:
    """Run every obligation of ``theorem`` and compute its status.

    Never raises for a failing obligation: errors and timeouts make the
    report FAILING with the reason.

    Parameters
    ----------
    theorem : Theorem
        The catalog entry to check (``load_catalog().get("T4")`` finds one
        by entry id or spec id).
    timeout : float
        Seconds allowed per obligation.

    Returns
    -------
    TheoremReport
        The status, each obligation's result and the seconds taken.

    Examples
    --------
    >>> from natlat_sym.catalog import check_theorem, load_catalog
    >>> check_theorem(load_catalog().get("T4")).status.value
    'tight'
    """
    if not isinstance(theorem, Theorem):
        raise CatalogError(f"check_theorem expects a Theorem, got {type(theorem).__name__}")
    start = time.perf_counter()
    results = tuple(ob.run(timeout=timeout) for ob in theorem.obligations)
    status, reason = compute_status(theorem.kind, results)
    used: list[str] = []
    for r in results:
        for u in r.uses:
            if u not in used:
                used.append(u)
    return TheoremReport(id=theorem.id, title=theorem.title, spec_id=theorem.spec_id, kind=theorem.kind,
                         status=status, ok=status is not Status.FAILING, seconds=time.perf_counter() - start,
                         results=results, uses_computed=tuple(used), uses=theorem.uses, reason=reason)
