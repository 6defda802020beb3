"""Exceptions raised by natlat_sym.

Every error the package raises on purpose derives from :class:`NatLatError`,
so ``except NatLatError`` catches exactly the problems natlat_sym diagnosed
and lets genuine bugs through.  Each subclass says what went wrong and,
where it helps, what to do next.  Messages are one line and name the place
of the problem (a column in a statement, a key in a JSON file, an axis of a
distribution array).

The command-line interface maps these classes to exit codes: every
``NatLatError`` is bad input (exit 2) except :class:`BudgetExceeded`, which
is an honest "unknown" (exit 3).
"""

from __future__ import annotations

__all__ = [
    "NatLatError",
    "StatementError",
    "ParseError",
    "NonlinearError",
    "CertificateError",
    "CertificateFormatError",
    "DistributionError",
    "BudgetExceeded",
    "FileError",
    "CatalogError",
]


class NatLatError(Exception):
    """Root of every error natlat_sym raises on purpose."""


class StatementError(NatLatError, ValueError):
    """A statement or expression is ill-formed (unknown variable, empty side,
    negative parameter value, repeated variable, ...)."""


class ParseError(StatementError):
    """Text could not be parsed as an information expression or statement.

    Attributes
    ----------
    text : str
        The text that was being parsed.
    position : int
        Zero-based offset of the offending character (reported one-based as
        a column in the message).
    """

    def __init__(self, message: str, text: str = "", position: int = 0):
        self.text = text
        self.position = position
        where = f" at column {position + 1}" if text else ""
        shown = text
        if len(text) > 120:  # keep the message one readable line: an excerpt around the column
            lo = max(0, min(position - 40, len(text) - 80))
            shown = ("..." if lo else "") + text[lo:lo + 80] + ("..." if lo + 80 < len(text) else "")
        super().__init__(f"{message}{where}" + (f": {shown!r}" if text else ""))


class NonlinearError(StatementError):
    """An expression is not linear in entropies, e.g. ``H(X)*H(Y)``.

    Free coefficients multiplying entropies (``c*I(X;Y)``) are allowed only
    in :func:`natlat_sym.tightest`, which minimises them."""


class CertificateError(NatLatError, ValueError):
    """A certificate does not prove what it claims, or its file is malformed.

    Raised by the exact checker; a certificate that raises this must never be
    reported as a proof."""


class CertificateFormatError(CertificateError):
    """A certificate file is malformed (missing key, wrong type, unknown
    ``version``): bad input, as opposed to a well-formed certificate that
    does not prove its statement (a plain :class:`CertificateError`)."""


class DistributionError(NatLatError, ValueError):
    """A finite distribution is invalid: negative or NaN entries, not summing
    to one, a shape or alphabet mismatch, duplicate variable names, ..."""


class FileError(NatLatError):
    """A file cannot be read or written: a missing directory, a directory
    where a file was expected, text that is not UTF-8, JSON that is invalid,
    too deep, or holds a number beyond the limits of :mod:`natlat_sym.limits`."""


class BudgetExceeded(NatLatError):
    """A size or time budget was exceeded; the honest answer is "unknown".

    Raise the budget (``max_variables=``, ``timeout=``) to try harder."""


class CatalogError(NatLatError):
    """The theorem catalog is inconsistent (unknown theorem id, duplicate id,
    a proof module without a ``THEOREM``)."""
