"""The copy lemma: what adjoining a copy of some variables grants a proof.

Shannon-type inequalities (see :mod:`~natlat_sym.shannon.basic_inequalities`) do not
prove every true information inequality once there are four or more
variables.  Zhang and Yeung (1998) found the first *non-Shannon-type*
inequality; Dougherty, Freiling and Zeger found many more, all with the same
tool, the **copy lemma**:

    Let ``V`` be jointly distributed random variables, ``A`` and ``B``
    disjoint subsets of ``V`` (``A`` nonempty).  There are random variables
    ``A'`` (one copy ``X'`` per ``X`` in ``A``), jointly distributed with
    ``V``, such that

    1. ``(A', B)`` has the same distribution as ``(A, B)``, and
    2. ``A'`` is conditionally independent of ``V ∖ B`` given ``B``.

    (Take ``p(v, a') = p(v) · p_{A|B}(a' | b)``.)

Read as entropies, the lemma *grants* these equalities, and nothing else:

* ``same``: ``H(S' ∪ T) = H(S ∪ T)`` for every nonempty ``S ⊆ A`` and every
  ``T ⊆ B`` (``S'`` the copies of ``S``);
* ``independent``: ``I(A' ; V ∖ B | B) = 0``.

A proof "with copies" is a Shannon-type proof over the extended variables
``V ∪ A'`` that may also cite these equalities.  Since the extended
variables exist for every distribution of ``V``, the conclusion (which
mentions only ``V``) holds for every distribution of ``V``.

Copy steps may be chained: the ``k``-th :class:`CopySpec` copies variables
of ``V_k`` = the statement's variables plus the copies made by earlier
steps, and its independence is over ``V_k ∖ B``.

This module is part of the trusted core (pure Python, standard library
only).  The certificate checker calls :func:`fact_form` to re-derive, from
the recorded :class:`CopySpec` list alone, the form of every equality a
certificate cites; a certificate never carries the forms themselves.

Naming
------
The copy of ``X`` made by step ``k`` is named ``X_k`` (``C_1``, ``D_1``);
if that name is taken, ``X_copyk``, then ``X_copyk_2``, ...  The names are
plain identifiers, so statements about them parse like any other.

Examples
--------
>>> spec = CopySpec.parse("C,D | A,B")
>>> print(spec)
C,D | A,B
>>> steps = name_copies([spec], ["A", "B", "C", "D"])
>>> steps[0].names
('C_1', 'D_1')
>>> print(fact_form(steps, ["A", "B", "C", "D"], CopyFact(1, "same", frozenset({"C"}), frozenset({"A"}))))
H(A,C_1) - H(A,C)
>>> print(describe_fact(steps, ["A", "B", "C", "D"], CopyFact(1, "independent")))
I(C_1,D_1;C,D|A,B) = 0
>>> fact_form(steps, ["A", "B", "C", "D"], CopyFact(1, "same", frozenset({"A"}), frozenset()))
Traceback (most recent call last):
...
natlat_sym.errors.CertificateError: copy step 1 copies C,D, not A
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from ..errors import CertificateError, StatementError
from .linear import LinearForm, format_subset

__all__ = ["CopySpec", "CopyFact", "name_copies", "check_copy_steps", "fact_form", "granted_facts",
           "describe_fact", "extended_variables"]


@dataclass(frozen=True)
class CopySpec:
    """One copy step: copies of ``copied`` over the conditioning group ``over``.

    Attributes
    ----------
    copied : tuple of str
        The group ``A`` whose copy is adjoined (nonempty).
    over : tuple of str
        The conditioning group ``B`` (disjoint from ``A``; may be empty).
    names : tuple of str
        Names of the copies, aligned with ``copied``; empty means "choose
        them" (:func:`name_copies` fills them in).

    Text form: ``"C,D | A,B"`` is a copy of ``C,D`` over ``A,B``; ``"C,D"``
    or ``"C,D |"`` is a copy over nothing (independent of everything).

    >>> CopySpec.parse("X | Y,Z")
    CopySpec(copied=('X',), over=('Y', 'Z'), names=())
    >>> CopySpec.parse("X,Y | Y")
    Traceback (most recent call last):
    ...
    natlat_sym.errors.StatementError: copy spec 'X,Y | Y': Y is both copied and conditioned on
    """

    copied: tuple[str, ...]
    over: tuple[str, ...] = ()
    names: tuple[str, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "copied", tuple(self.copied))
        object.__setattr__(self, "over", tuple(self.over))
        object.__setattr__(self, "names", tuple(self.names))
        where = f"copy spec {str(self)!r}"
        if not self.copied:
            raise StatementError(f"{where}: nothing to copy")
        for n in self.copied + self.over + self.names:
            if not isinstance(n, str) or not n.isidentifier():
                raise StatementError(f"{where}: {n!r} is not a variable name")
        for group, what in ((self.copied, "copied"), (self.over, "conditioned on"), (self.names, "named")):
            dup = sorted({n for n in group if group.count(n) > 1})
            if dup:
                raise StatementError(f"{where}: {dup[0]} is {what} twice")
        both = sorted(set(self.copied) & set(self.over))
        if both:
            raise StatementError(f"{where}: {both[0]} is both copied and conditioned on")
        if self.names and len(self.names) != len(self.copied):
            raise StatementError(f"{where}: {len(self.names)} names for {len(self.copied)} copied variables")

    @classmethod
    def parse(cls, text: str) -> "CopySpec":
        """Read ``"A1,A2 | B1,B2"`` (copy of A1,A2 over B1,B2)."""
        if not isinstance(text, str):
            raise StatementError(f"copy spec must be text such as 'C,D | A,B', got {text!r}")
        head, bar, tail = text.partition("|")
        if "|" in tail:
            raise StatementError(f"copy spec {text!r}: more than one '|'")

        def names(part):
            return tuple(n.strip() for n in part.split(",") if n.strip())

        copied, over = names(head), names(tail)
        if not copied:
            raise StatementError(f"copy spec {text!r}: nothing to copy (write e.g. 'C,D | A,B')")
        return cls(copied, over)

    def copy_of(self) -> dict[str, str]:
        """``{original: copy name}`` (names must be set)."""
        return dict(zip(self.copied, self.names))

    def __str__(self) -> str:
        return ",".join(self.copied) + " | " + ",".join(self.over) if self.over else ",".join(self.copied)

    def to_json(self) -> dict:
        return {"copy": list(self.copied), "over": list(self.over), "names": list(self.names)}

    @classmethod
    def from_json(cls, data) -> "CopySpec":
        return cls(_names_list(data["copy"], "copy"), _names_list(data.get("over", []), "over"),
                   _names_list(data["names"], "names"))


@dataclass(frozen=True)
class CopyFact:
    """One equality granted by copy step ``step`` (1-based).

    ``kind == "same"``: ``H(S' ∪ T) = H(S ∪ T)`` with ``S = copied``
    (nonempty subset of the step's copied group) and ``T = given`` (subset
    of its conditioning group).  ``kind == "independent"``: ``I(A'; V ∖ B |
    B) = 0`` (``copied``/``given`` empty).  The form is ``lhs − rhs``, and a
    certificate may multiply it by any rational (it is an equality)."""

    step: int
    kind: str
    copied: frozenset = frozenset()
    given: frozenset = frozenset()

    def to_json(self) -> dict:
        out = {"step": self.step, "fact": self.kind}
        if self.kind == "same":
            out["copied"] = sorted(self.copied)
            out["given"] = sorted(self.given)
        return out

    @classmethod
    def from_json(cls, data) -> "CopyFact":
        step = data["step"]
        if not isinstance(step, int) or isinstance(step, bool):
            raise CertificateError(f"copy fact: 'step' must be an integer, got {step!r}")
        return cls(step, str(data["fact"]), frozenset(_names_list(data.get("copied", []), "copied")),
                   frozenset(_names_list(data.get("given", []), "given")))

    def sort_key(self):
        return (self.step, self.kind, sorted(self.copied), sorted(self.given))


def _names_list(value, key: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(n, str) for n in value):
        raise CertificateError(f"copy {key!r} must be a list of variable names, got {value!r}")
    return tuple(value)


def _fresh(base: str, k: int, taken: set) -> str:
    for cand in [f"{base}_{k}", f"{base}_copy{k}"] + [f"{base}_copy{k}_{j}" for j in range(2, 1000)]:
        if cand not in taken:
            return cand
    raise StatementError(f"no free name for the copy of {base}")  # pragma: no cover


def name_copies(specs, variables) -> tuple[CopySpec, ...]:
    """The specs with names chosen (``X_k``) where a spec has none, after
    checking each step refers only to variables that exist at that step."""
    taken = set(variables)
    out = []
    for k, spec in enumerate(specs, start=1):
        if not isinstance(spec, CopySpec):
            spec = CopySpec.parse(spec) if isinstance(spec, str) else spec
        if not isinstance(spec, CopySpec):
            raise StatementError(f"copy {k} is not a CopySpec or text such as 'C,D | A,B': {spec!r}")
        unknown = [n for n in spec.copied + spec.over if n not in taken]
        if unknown:
            raise StatementError(f"copy spec {k} ({spec}): {unknown[0]} is not a variable of the statement"
                                 + (" or of an earlier copy" if k > 1 else ""))
        names = spec.names or tuple(_fresh(x, k, taken) for x in spec.copied)
        spec = CopySpec(spec.copied, spec.over, names)
        taken |= set(names)
        out.append(spec)
    check_copy_steps(out, variables)
    return tuple(out)


def extended_variables(steps, variables) -> tuple[str, ...]:
    """The statement's variables followed by every copy, in step order."""
    return tuple(variables) + tuple(n for s in steps for n in s.names)


def check_copy_steps(steps, variables) -> None:
    """Raise CertificateError unless each step copies existing variables
    (the statement's and earlier copies) into fresh, distinct names."""
    existing = set(variables)
    for k, s in enumerate(steps, start=1):
        if not isinstance(s, CopySpec):
            raise CertificateError(f"copy step {k} is not a copy spec")
        if len(s.names) != len(s.copied):
            raise CertificateError(f"copy step {k} names {len(s.names)} copies of {len(s.copied)} variables")
        for n in s.copied + s.over:
            if n not in existing:
                raise CertificateError(f"copy step {k} refers to {n}, which does not exist at that step")
        for n in s.names:
            if n in existing:
                raise CertificateError(f"copy step {k}: the copy name {n} is already a variable")
        existing |= set(s.names)


def _step(steps, fact: CopyFact):
    if not isinstance(fact.step, int) or not 1 <= fact.step <= len(steps):
        raise CertificateError(f"copy fact cites step {fact.step}; the certificate has {len(steps)} copy step(s)")
    return steps[fact.step - 1]


def fact_form(steps, variables, fact: CopyFact) -> LinearForm:
    """The linear form (``== 0``) of ``fact``, derived from the steps alone;
    CertificateError if step ``fact.step`` does not grant it."""
    s = _step(steps, fact)
    k = fact.step
    if fact.kind == "same":
        if not fact.copied:
            raise CertificateError(f"copy step {k}: a 'same' fact needs a nonempty copied set")
        if not fact.copied <= set(s.copied):
            raise CertificateError(f"copy step {k} copies {','.join(s.copied)}, not {format_subset(fact.copied)}")
        if not fact.given <= set(s.over):
            over = ",".join(s.over) or "nothing"
            raise CertificateError(f"copy step {k} is over {over}, not over {format_subset(fact.given)}")
        c = s.copy_of()
        return LinearForm.entropy({c[x] for x in fact.copied} | fact.given) - LinearForm.entropy(
            fact.copied | fact.given)
    if fact.kind == "independent":
        if fact.copied or fact.given:
            raise CertificateError(f"copy step {k}: an 'independent' fact takes no sets")
        before = set(extended_variables(steps[: k - 1], variables))
        rest = before - set(s.over)
        return LinearForm.mutual_information(set(s.names), rest, set(s.over))
    raise CertificateError(f"copy step {k}: unknown fact kind {fact.kind!r} (expected 'same' or 'independent')")


def granted_facts(steps) -> list[CopyFact]:
    """Every fact the steps grant (what a prover may offer the LP)."""
    out = []
    for k, s in enumerate(steps, start=1):
        for r in range(1, len(s.copied) + 1):
            for S in combinations(s.copied, r):
                for t in range(len(s.over) + 1):
                    for T in combinations(s.over, t):
                        out.append(CopyFact(k, "same", frozenset(S), frozenset(T)))
        out.append(CopyFact(k, "independent"))
    return out


def describe_fact(steps, variables, fact: CopyFact) -> str:
    """Textbook reading, e.g. ``H(A,C_1) = H(A,C)`` or ``I(C_1,D_1;C,D|A,B) = 0``."""
    s = _step(steps, fact)
    if fact.kind == "same":
        fact_form(steps, variables, fact)  # validates the fact
        c = s.copy_of()
        return (f"H({format_subset({c[x] for x in fact.copied} | fact.given)}) = "
                f"H({format_subset(fact.copied | fact.given)})")
    fact_form(steps, variables, fact)
    rest = set(extended_variables(steps[: fact.step - 1], variables)) - set(s.over)
    given = "|" + format_subset(s.over) if s.over else ""
    return f"I({format_subset(s.names)};{format_subset(rest)}{given}) = 0"
