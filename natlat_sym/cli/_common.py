"""Shared plumbing of the ``natlat`` command line: exit codes, error
reporting, JSON output, atomic file writes and progress bars.

Exit codes (the same for every subcommand; they come from
:mod:`natlat_sym.verdicts`, ``Verdict.exit_code`` and ``Truth.exit_code``):

====  ================================================================
0     proved / holds / ok
1     refuted (false: a distribution violates it) / violated /
      counterexample found / a check failed
2     bad input (malformed statement, file, distribution, option)
3     unknown / undecided (timeout or size budget): an honest non-answer
4     internal error (a bug in natlat_sym; please report it)
5     not_provable: no Shannon-type proof exists (a polymatroid, not a
      distribution, violates it); true or false is not decided
====  ================================================================

Each command imports the library parts it runs inside its own body, on
purpose: ``natlat --help`` starts in about 0.1 s, while importing
``natlat_sym.catalog`` or ``natlat_sym.finite`` costs about 1.2 s and sympy
about 0.45 s (``python3 -X importtime``), and ``natlat prove`` on a text
statement needs neither.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path

import click

from ..errors import BudgetExceeded, NatLatError
from ..limits import time_budget
from ..verdicts import EXIT_BAD_INPUT, EXIT_FALSE, EXIT_INTERNAL, EXIT_NOT_PROVABLE, EXIT_OK, EXIT_UNKNOWN

#: Exit code of a false statement / violated check (alias of ``EXIT_FALSE``).
EXIT_REFUTED = EXIT_FALSE

#: One line for every ``--help`` epilog that lists the shared exit codes.
EXIT_CODES_LINE = ("Exit codes: 0 proved/holds/ok, 1 refuted (false)/violated/failed, 2 bad input, "
                   "3 unknown/undecided (budget or timeout), 4 internal error, "
                   "5 not provable from Shannon inequalities (true or false not decided).")


#: Longest ``--timeout``/``--budget`` accepted (seconds, about 11.6 days).
MAX_SECONDS = 1e6


class Seconds(click.ParamType):
    """A time budget in seconds: a finite number in ``[minimum, MAX_SECONDS]``
    (``inf``, ``nan`` and negative values are usage errors)."""

    name = "seconds"

    def __init__(self, minimum: float = 0.01):
        self.minimum = minimum

    def convert(self, value, param, ctx):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            seconds = float(value)
        else:
            try:
                seconds = float(str(value).strip())
            except ValueError:
                self.fail(f"{value!r} is not a number of seconds", param, ctx)
        if not (self.minimum <= seconds <= MAX_SECONDS):  # also false for nan
            self.fail(f"{value!r} is not a number of seconds between {self.minimum:g} and {MAX_SECONDS:g}",
                      param, ctx)
        return seconds


class Exit(Exception):
    """Raised by a command to finish with a given exit code."""

    def __init__(self, code: int):
        self.code = code


_ERROR_KINDS = {EXIT_BAD_INPUT: "bad_input", EXIT_UNKNOWN: "unknown", EXIT_INTERNAL: "internal", 130: "interrupted"}


def _json_mode() -> bool:
    """True inside a command invoked with ``--json``."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and ctx.params.get("as_json"))


def report_error(message: str, code: int, label: str = "error") -> None:
    """One line ``natlat: LABEL: message`` on stderr; under ``--json`` a
    ``natlat_sym.error`` document on stdout instead (same exit code)."""
    if _json_mode():
        from ..formats import tagged

        emit_json(tagged("error", {"error": {"code": code, "kind": _ERROR_KINDS.get(code, "bad_input"),
                                             "message": message}}))
    else:
        click.echo(f"natlat: {label}: {message}", err=True)


def fail(message: str, code: int = EXIT_BAD_INPUT) -> "Exit":
    report_error(message, code)
    return Exit(code)


#: The hard deadline of a command is its ``--timeout``/``--budget`` plus this
#: overhead: ``GRACE_SECONDS + GRACE_FRACTION * budget``.
GRACE_SECONDS, GRACE_FRACTION = 2.0, 0.1


def _budget_of(kwargs) -> float | None:
    for key in ("timeout", "budget"):
        value = kwargs.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
            return float(value)
    return None


@contextmanager
def hard_deadline(seconds: float | None, *, as_json: bool = False):
    """Backstop of the time budget: every phase checks the budget itself, but
    a native call (an LP, an exact linear solve, z3) cannot be interrupted
    from Python.  A watchdog thread ends the process at ``seconds`` plus the
    documented overhead with the honest answer: one line ``natlat: unknown``
    on stderr (with ``--json`` instead a ``natlat_sym.error`` document of
    kind ``unknown`` on stdout, and nothing on stderr), exit 3."""
    if seconds is None:
        yield
        return
    import threading

    from ..formats import tagged

    limit = seconds + GRACE_SECONDS + GRACE_FRACTION * seconds
    done = threading.Event()
    reason = f"time budget of {seconds:g} s exhausted (stopped after {limit:g} s)"
    document = json.dumps(tagged("error", {"error": {"code": EXIT_UNKNOWN, "kind": "unknown", "message": reason}}))

    def watch():
        if done.wait(limit):
            return
        try:
            if as_json:  # like every error under --json: the document on stdout, nothing on stderr
                sys.stdout.write(document + "\n")
                sys.stdout.flush()
            else:
                sys.stdout.flush()
                sys.stderr.write(f"natlat: unknown: {reason}\n")
                sys.stderr.flush()
        finally:
            os._exit(EXIT_UNKNOWN)

    threading.Thread(target=watch, name="natlat-deadline", daemon=True).start()
    try:
        yield
    finally:
        done.set()


def budget_per_item(fn):
    """Mark a command whose ``--timeout`` bounds each item (each catalog proof
    obligation), not the whole command: no whole-command deadline."""
    fn.budget_per_item = True
    return fn


#: ``natlat`` run as a program (``main()``), not in-process (click's CliRunner):
#: only a program may be ended by the deadline watchdog.
SCRIPT_MODE = "natlat-script"


def _is_script() -> bool:
    ctx = click.get_current_context(silent=True)
    return ctx is not None and ctx.find_root().obj == SCRIPT_MODE


def guarded(fn):
    """Turn NatLatErrors into one-line messages with the right exit code, and
    anything unexpected into an 'internal error' line (exit 4), never a
    traceback from deep inside sympy, z3 or numpy.  A command with a
    ``timeout`` or ``budget`` parameter runs inside
    :func:`natlat_sym.limits.time_budget` (every phase, z3 included, sees the
    deadline) and, as a program, under the :func:`hard_deadline` backstop."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            budget = None if getattr(fn, "budget_per_item", False) else _budget_of(kwargs)
            with time_budget(budget), hard_deadline(budget if _is_script() else None,
                                                    as_json=bool(kwargs.get("as_json"))):
                fn(*args, **kwargs)
        except Exit as e:
            sys.exit(e.code)
        except BudgetExceeded as e:
            report_error(str(e), EXIT_UNKNOWN, "unknown")
            sys.exit(EXIT_UNKNOWN)
        except NatLatError as e:
            report_error(str(e), EXIT_BAD_INPUT)
            sys.exit(EXIT_BAD_INPUT)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError:
            _quiet_broken_pipe()
        except KeyboardInterrupt:
            click.echo("natlat: interrupted", err=True)
            sys.exit(130)
        except Exception as e:  # noqa: BLE001 - last line of defence
            if os.environ.get("NATLAT_DEBUG"):
                raise
            report_error(f"{type(e).__name__}: {e} (set NATLAT_DEBUG=1 for a traceback; please report this)",
                         EXIT_INTERNAL, "internal error")
            sys.exit(EXIT_INTERNAL)

    return wrapper


def _quiet_broken_pipe() -> None:
    """The reader went away (``natlat show ID | head``): exit quietly, as
    ``cat`` does, with stdout pointed at /dev/null so that Python's final
    flush does not raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout without a descriptor
        pass
    sys.exit(EXIT_OK)


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` with the package's one safe writer
    (:func:`natlat_sym.files.write_file`: atomic, umask-respecting, never
    replacing a device; a FileError is a one-line exit 2)."""
    from ..files import write_file

    write_file(path, text)


def dump_json(obj) -> str:
    return json.dumps(obj, indent=2, sort_keys=False, ensure_ascii=False, default=str)


def emit_json(obj, kind: str | None = None) -> None:
    """Print one JSON document; with ``kind`` it is tagged
    ``{"format": "natlat_sym.<kind>", "version": 1, ...}`` (see natlat_sym.formats)."""
    if kind is not None:
        from ..formats import tagged

        obj = tagged(kind, obj)
    click.echo(dump_json(obj))


def read_json_file(path: str, what: str):
    """Parse a JSON input file within natlat_sym's limits (UTF-8, size, depth,
    number sizes); any problem is a one-line exit 2."""
    from ..files import read_json

    return read_json(path, what)


@contextmanager
def progress_bar(description: str, total: int | None, *, enabled: bool):
    """A rich progress bar on stderr (only when stderr is a terminal and
    ``enabled``); yields ``advance(n=1, label=None, total=None)`` (``total``
    sets the bar's length once it is known)."""
    if not enabled or not sys.stderr.isatty():
        yield lambda n=1, label=None, total=None: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as prog:
        task = prog.add_task(description, total=total)

        def advance(n=1, label=None, total=None):
            prog.update(task, advance=n, description=f"{description} {label}" if label else description,
                        **({"total": total} if total is not None else {}))

        yield advance


@contextmanager
def working(description: str):
    """A rich spinner on stderr while slow work runs (terminals only, never
    under ``--json``); nothing at all when stderr is not a terminal."""
    if _json_mode() or not sys.stderr.isatty():
        yield
        return
    from rich.console import Console

    with Console(stderr=True).status(description):
        yield


def display_math(latex: str) -> str:
    r"""Math-mode LaTeX as displayed math that compiles on its own: each
    ``aligned`` block (a derivation has one per direction) inside ``\[ … \]``.

    >>> print(display_math("\\begin{aligned}\na &\\le b\n\\end{aligned}\n\\begin{aligned}\nb &\\le a\n\\end{aligned}"))
    \[
    \begin{aligned}
    a &\le b
    \end{aligned}
    \]
    \[
    \begin{aligned}
    b &\le a
    \end{aligned}
    \]
    >>> print(display_math("H(X) \\ge 0"))
    \[ H(X) \ge 0 \]
    """
    blocks = latex.strip().split("\\end{aligned}\n\\begin{aligned}")
    if len(blocks) == 1 and "\n" not in latex.strip():
        return f"\\[ {latex.strip()} \\]"
    blocks = [b if k == 0 else "\\begin{aligned}" + b for k, b in enumerate(blocks)]
    blocks = [b if k == len(blocks) - 1 else b + "\\end{aligned}" for k, b in enumerate(blocks)]
    return "\n".join(f"\\[\n{b.strip()}\n\\]" for b in blocks)


def count(n: int, noun: str, plural: str | None = None) -> str:
    """``"1 step"``, ``"4 steps"`` (``plural`` for nouns not made with an "s").

    >>> count(1, "step"), count(4, "step"), count(1, "entry", "entries"), count(45, "entry", "entries")
    ('1 step', '4 steps', '1 entry', '45 entries')
    """
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def distribution_table(dist, *, max_rows: int = 40) -> str:
    """The support of a distribution as a text table (outcomes and exact
    probabilities), for terminal output."""
    names = list(dist.names)
    rows = [([str(v) for v in outcome], str(p)) for outcome, p in dist.items()]
    widths = [max([len(n)] + [len(r[0][i]) for r in rows]) for i, n in enumerate(names)]
    pw = max([len("P")] + [len(r[1]) for r in rows])
    head = "  ".join(n.rjust(w) for n, w in zip(names, widths)) + "  " + "P".rjust(pw)
    lines = [head, "-" * len(head)]
    for cells, p in rows[:max_rows]:
        lines.append("  ".join(c.rjust(w) for c, w in zip(cells, widths)) + "  " + p.rjust(pw))
    if len(rows) > max_rows:
        lines.append(f"... {len(rows) - max_rows} more outcomes (use --json for all)")
    return "\n".join(lines)


def parse_assignments(items, option: str, *, allowed=None) -> dict:
    """``NAME=VALUE`` options (``--param eps=1/100``, ``--weight c=2``) as exact
    nonnegative Fractions; one-line errors name the option and the item."""
    from ..limits import exact_number

    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise fail(f"{option} expects NAME=VALUE, got {item!r}")
        try:
            out[name] = exact_number(value.strip())
        except ValueError as e:
            raise fail(f"{option} {item!r}: {e}") from None
        if out[name] < 0:
            raise fail(f"{option} {item!r}: values must be >= 0")
        if allowed is not None and name not in allowed:
            raise fail(f"{option} {item!r}: {name} is not one of {', '.join(sorted(allowed)) or 'nothing'}")
    return out
