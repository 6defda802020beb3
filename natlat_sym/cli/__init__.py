"""The ``natlat`` command line.

Subcommands
-----------
prove       decide a statement: proved (exact certificate), refuted (false: a distribution
            violates it), not_provable (only a polymatroid violates it) or unknown
tightest    least Shannon-provable values of free coefficients, with certificate and witness
verify      re-check a certificate file in exact arithmetic, trusting nothing else
export-coq  export a certificate as a Coq proof, checked by Coq's kernel (coqc)
check       run the theorem catalog (or some entries) and report computed statuses
list        list the catalog
show        statement and derivation of one catalog entry
eval        evaluate an expression on a distribution file (float, exact, certified)
search      seeded search for a counterexample distribution (finding none is 'undecided')
decide      decide an exact statement on every distribution with given alphabet sizes
naturality  mediation/redundancy errors of latents, optimal natural latents, common information
dist        write a family distribution (DSBS, noisy copies, XOR, ...) to a file
experiment  open-problem sweeps (O1, variants, O2): certified lower bounds, local pool or Dask
verify-bound  re-check a lower-bound witness file independently

Exit codes: 0 proved/holds/ok, 1 refuted (false)/violated/failed, 2 bad input, 3 unknown/undecided,
4 internal error, 5 not provable from Shannon inequalities (true or false not decided).
"""

from __future__ import annotations

import click

from . import catalog_cmds, coq_cmds, decide_cmds, dist_cmds, finite_cmds, openproblem_cmds, prover_cmds
from ._common import EXIT_CODES_LINE
from ._group import NatlatGroup

__all__ = ["main", "cli"]

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=NatlatGroup, context_settings=CONTEXT, epilog=EXIT_CODES_LINE)
@click.version_option(package_name="natlat-sym", prog_name="natlat")
def cli():
    """natlat_sym: certified Shannon-inequality proofs and finite checks for natural latents.

    \b
    Examples:
      natlat prove "H(G|L) <= I(X1;X2|L) + H(G|X1) + H(G|X2)"
      natlat prove "I(X;Z) <= I(X;Y)" --given "I(X;Z|Y) = 0" --json
      natlat tightest "I(M;X1,X2|L) <= I(X1;X2|L) + c*(I(M;X1|X2) + I(M;X2|X1))" --given "I(L;M|X1,X2) = 0"
      natlat check
    """


for module in (prover_cmds, coq_cmds, catalog_cmds, finite_cmds, decide_cmds, openproblem_cmds, dist_cmds):
    for command in module.COMMANDS:
        cli.add_command(command)


def main(argv=None) -> None:
    """Entry point of the ``natlat`` script."""
    from ._common import SCRIPT_MODE

    try:
        cli.main(args=argv, prog_name="natlat", obj=SCRIPT_MODE)
    finally:
        _flush_quietly()


def _flush_quietly() -> None:
    """Flush stdout now, so that a reader that went away (``natlat show ID |
    head``) ends the program quietly instead of with a BrokenPipeError at
    interpreter exit."""
    import os
    import sys

    try:
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(0)
