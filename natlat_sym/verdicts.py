"""The one vocabulary of answers natlat_sym gives, in every layer.

A verification companion must never say more than it knows.  Two small
enumerations carry every answer, from the prover to the catalog, the CLI's
exit codes, the JSON output and the docs badges.

:class:`Verdict` — about a statement *for every distribution*:

================  ====  ===================================================
``proved``        0     true for every distribution; an exact certificate
                        re-checked by the trusted checker
``refuted``       1     **false**: a finite distribution violates it,
                        confirmed exactly or by certified enclosure (or a
                        violating cone point where that alone proves
                        falsity: at most 3 variables and no hypotheses)
``not_provable``  5     no proof exists from the enabled inequalities
                        (Shannon-type by default); true or false is *not
                        decided* — a polymatroid, not a distribution,
                        violates it
``unknown``       3     a time or size budget ran out: no claim either way
================  ====  ===================================================

:class:`Truth` — about a statement *on given finite instances* (one
distribution, a family, every distribution over fixed alphabet sizes):

=============  ====  ======================================================
``holds``      0     the statement holds there (exactly, or certified)
``violated``   1     a distribution there violates it, checked exactly
``undecided``  3     neither could be established (interval too wide,
                     solver budget, no counterexample found by a search)
=============  ====  ======================================================

Both are :class:`enum.StrEnum`, so a verdict compares equal to, formats as,
and serialises to its plain string (``Verdict.PROVED == "proved"``); its
``repr`` is the string's too, so notebooks and doctests read naturally.

Examples
--------
>>> Verdict.NOT_PROVABLE.exit_code
5
>>> Verdict("refuted").is_false
True
>>> Verdict.NOT_PROVABLE.is_false
False
>>> Truth.UNDECIDED.exit_code
3
>>> print(Verdict.NOT_PROVABLE.describe())
not provable from Shannon-type inequalities — true or false is not decided (a polymatroid, not a distribution, violates it)
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Verdict", "Truth", "EXIT_OK", "EXIT_FALSE", "EXIT_BAD_INPUT", "EXIT_UNKNOWN",
           "EXIT_INTERNAL", "EXIT_NOT_PROVABLE"]

#: Exit codes shared by every ``natlat`` subcommand.
EXIT_OK, EXIT_FALSE, EXIT_BAD_INPUT, EXIT_UNKNOWN, EXIT_INTERNAL, EXIT_NOT_PROVABLE = 0, 1, 2, 3, 4, 5


class Verdict(StrEnum):
    """The answer about a statement over *every* distribution."""

    PROVED = "proved"
    REFUTED = "refuted"
    NOT_PROVABLE = "not_provable"
    UNKNOWN = "unknown"

    def __repr__(self) -> str:
        return repr(self.value)

    @property
    def exit_code(self) -> int:
        """The CLI exit code of this verdict."""
        return _VERDICT_EXIT[self]

    @property
    def is_false(self) -> bool:
        """True only for ``refuted``: the statement is false."""
        return self is Verdict.REFUTED

    def describe(self, inequalities: str = "Shannon-type inequalities") -> str:
        """One unambiguous sentence for readers (``inequalities`` names the
        enabled inequalities, e.g. ``"Shannon-type inequalities and the copy
        lemma"``)."""
        if self is Verdict.NOT_PROVABLE:
            return (f"not provable from {inequalities} — true or false is not decided "
                    "(a polymatroid, not a distribution, violates it)")
        return _VERDICT_TEXT[self]


class Truth(StrEnum):
    """The answer about a statement on given finite instances."""

    HOLDS = "holds"
    VIOLATED = "violated"
    UNDECIDED = "undecided"

    def __repr__(self) -> str:
        return repr(self.value)

    @property
    def exit_code(self) -> int:
        """The CLI exit code of this answer."""
        return _TRUTH_EXIT[self]


_VERDICT_EXIT = {Verdict.PROVED: EXIT_OK, Verdict.REFUTED: EXIT_FALSE,
                 Verdict.NOT_PROVABLE: EXIT_NOT_PROVABLE, Verdict.UNKNOWN: EXIT_UNKNOWN}
_TRUTH_EXIT = {Truth.HOLDS: EXIT_OK, Truth.VIOLATED: EXIT_FALSE, Truth.UNDECIDED: EXIT_UNKNOWN}
_VERDICT_TEXT = {
    Verdict.PROVED: "proved — true for every distribution (exact certificate, re-checked)",
    Verdict.REFUTED: "refuted — false: a finite distribution violates it (checked exactly)",
    Verdict.UNKNOWN: "unknown — a time or size budget ran out; no claim either way",
}
