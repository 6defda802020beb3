"""The ``natlat`` command group's manners: one-line usage errors, and
statements that start with ``-``.

Click prints a usage error as three lines (usage, hint, error).  natlat
promises *one* line on stderr for every input error, exit 2, so
:class:`NatlatGroup` turns every :class:`click.UsageError` raised while
parsing the group or a subcommand into :class:`OneLineUsageError`.

A statement such as ``-H(X) <= 0`` starts with ``-``, so click would read it
as an option.  Before a subcommand parses its arguments,
:func:`positionals_last` moves every argument that is not an option of that
subcommand (nor an option's value) behind a ``--``, keeping the order of the
positional arguments: ``natlat prove "-H(X) <= 0" --json`` works as
written.  An unknown *long* option (``--jsn``) is still an error.

Examples
--------
>>> import click
>>> @click.command()
... @click.argument("statement")
... @click.option("--given", "-g", multiple=True)
... @click.option("--json", is_flag=True)
... def prove(statement, given, json):
...     pass
>>> positionals_last(prove, ["-H(X) <= 0", "--json", "-g", "-H(Y) <= 1"])
['--json', '-g', '-H(Y) <= 1', '--', '-H(X) <= 0']
>>> positionals_last(prove, ["H(X) >= 0", "--given=H(Y) = 0"])
['--given=H(Y) = 0', '--', 'H(X) >= 0']
"""

from __future__ import annotations

import click

__all__ = ["NatlatGroup", "OneLineUsageError", "positionals_last"]


class OneLineUsageError(click.UsageError):
    """A usage error shown as one line: ``natlat: error: <what> (see 'natlat
    CMD --help')``, exit 2.  When the command line asked for ``--json`` the
    same message is a ``natlat_sym.error`` document on stdout instead, as
    for every other error under ``--json``."""

    as_json = False

    def show(self, file=None) -> None:
        message = " ".join(self.format_message().split())
        if message and message[0].isupper() and not message[:2].isupper():
            message = message[0].lower() + message[1:]
        hint = f" (see '{self.ctx.command_path} --help')" if self.ctx is not None else ""
        if self.as_json:
            import json

            from ..formats import tagged

            click.echo(json.dumps(tagged("error", {"error": {"code": self.exit_code, "kind": "bad_input",
                                                             "message": message + hint}}), indent=2))
        else:
            click.echo(f"natlat: error: {message}{hint}", err=True)


def _asks_for_json(args) -> bool:
    """``--json`` among the options of a command line (not after ``--``)."""
    for a in args:
        if a == "--":
            return False
        if a == "--json":
            return True
    return False


def _one_line(e: click.UsageError, as_json: bool = False) -> OneLineUsageError:
    out = OneLineUsageError(e.format_message(), e.ctx)
    out.exit_code = e.exit_code
    out.as_json = as_json
    return out


def _option_arity(command: click.Command) -> dict[str, int]:
    """Each option spelling of ``command`` -> how many values follow it."""
    arity = {}
    for p in command.params:
        if isinstance(p, click.Option):
            n = 0 if (p.is_flag or p.count) else max(1, p.nargs)
            for name in (*p.opts, *p.secondary_opts):
                arity[name] = n
    for name in command.get_help_option_names(click.Context(command)):
        arity[name] = 0
    return arity


def positionals_last(command: click.Command, args: list[str]) -> list[str]:
    """``args`` with the options first and the positional arguments (in their
    order) after a ``--``, so that a positional starting with ``-`` is not
    read as an option.  Arguments after an existing ``--`` are positional."""
    if isinstance(command, click.Group):
        return list(args)
    arity = _option_arity(command)
    options: list[str] = []
    positional: list[str] = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            positional.extend(args[i + 1:])
            break
        name = a.split("=", 1)[0] if a.startswith("--") else a
        if a.startswith("--") or name in arity:
            n = arity.get(name, 0) if "=" not in a or not a.startswith("--") else 0
            options.extend(args[i:i + 1 + n])
            i += 1 + n
            continue
        if a.startswith("-") and len(a) > 2 and arity.get(a[:2], 0) > 0:
            options.append(a)  # a short option with its value attached: -gH(X)=0
            i += 1
            continue
        positional.append(a)  # includes "-H(X) <= 0" and "-1/2*H(X) <= 0"
        i += 1
    return options + (["--", *positional] if positional else [])


class NatlatGroup(click.Group):
    """A click group with one-line usage errors and statement-friendly
    argument order (see the module docstring)."""

    def make_context(self, info_name, args, parent=None, **extra):
        as_json = _asks_for_json(args)
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except OneLineUsageError:
            raise
        except click.UsageError as e:
            raise _one_line(e, as_json) from None

    def resolve_command(self, ctx, args):
        ctx.meta["natlat.as_json"] = _asks_for_json(args)
        name, command, rest = super().resolve_command(ctx, args)
        if command is not None:
            rest = positionals_last(command, rest)
        return name, command, rest

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except OneLineUsageError:
            raise
        except click.UsageError as e:
            raise _one_line(e, bool(ctx.meta.get("natlat.as_json"))) from None
