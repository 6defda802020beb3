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
"""

from __future__ import annotations

import functools
import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import click

from ..errors import BudgetExceeded, NatLatError
from ..verdicts import EXIT_BAD_INPUT, EXIT_FALSE, EXIT_INTERNAL, EXIT_NOT_PROVABLE, EXIT_OK, EXIT_UNKNOWN

#: Exit code of a false statement / violated check (alias of ``EXIT_FALSE``).
EXIT_REFUTED = EXIT_FALSE

#: One line for every ``--help`` epilog that lists the shared exit codes.
EXIT_CODES_LINE = ("Exit codes: 0 proved/holds/ok, 1 refuted (false)/violated/failed, 2 bad input, "
                   "3 unknown/undecided (budget or timeout), 4 internal error, "
                   "5 not provable from Shannon inequalities (true or false not decided).")


class Exit(Exception):
    """Raised by a command to finish with a given exit code."""

    def __init__(self, code: int):
        self.code = code


def fail(message: str, code: int = EXIT_BAD_INPUT) -> "Exit":
    click.echo(f"natlat: error: {message}", err=True)
    return Exit(code)


def guarded(fn):
    """Turn NatLatErrors into one-line messages with the right exit code, and
    anything unexpected into an 'internal error' line (exit 4), never a
    traceback from deep inside sympy, z3 or numpy."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            fn(*args, **kwargs)
        except Exit as e:
            sys.exit(e.code)
        except BudgetExceeded as e:
            click.echo(f"natlat: unknown: {e}", err=True)
            sys.exit(EXIT_UNKNOWN)
        except NatLatError as e:
            click.echo(f"natlat: error: {e}", err=True)
            sys.exit(EXIT_BAD_INPUT)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("natlat: interrupted", err=True)
            sys.exit(130)
        except Exception as e:  # noqa: BLE001 - last line of defence
            if os.environ.get("NATLAT_DEBUG"):
                raise
            click.echo(f"natlat: internal error: {type(e).__name__}: {e} "
                       "(set NATLAT_DEBUG=1 for a traceback; please report this)", err=True)
            sys.exit(EXIT_INTERNAL)

    return wrapper


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and rename, so a
    failure never leaves a half-written file."""
    path = Path(path)
    if path.parent and not path.parent.exists():
        raise fail(f"cannot write {path}: directory {path.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def dump_json(obj) -> str:
    return json.dumps(obj, indent=2, sort_keys=False, ensure_ascii=False, default=str)


def emit_json(obj) -> None:
    click.echo(dump_json(obj))


def read_json_file(path: str, what: str):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        raise fail(f"{what} file {path} does not exist") from None
    except IsADirectoryError:
        raise fail(f"{what} file {path} is a directory") from None
    except json.JSONDecodeError as e:
        raise fail(f"{what} file {path} is not valid JSON: {e.msg} at line {e.lineno} column {e.colno}") from None
    except UnicodeDecodeError:
        raise fail(f"{what} file {path} is not UTF-8 text") from None


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
    from fractions import Fraction

    out = {}
    for item in items:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise fail(f"{option} expects NAME=VALUE, got {item!r}")
        try:
            out[name] = Fraction(value.strip())
        except (ValueError, ZeroDivisionError):
            raise fail(f"{option} {item!r}: {value.strip()!r} is not an exact number") from None
        if out[name] < 0:
            raise fail(f"{option} {item!r}: values must be >= 0")
        if allowed is not None and name not in allowed:
            raise fail(f"{option} {item!r}: {name} is not one of {', '.join(sorted(allowed)) or 'nothing'}")
    return out
