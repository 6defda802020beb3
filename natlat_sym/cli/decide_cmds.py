"""``natlat decide``: an exact statement on every distribution with given alphabet sizes.

Each command imports the library parts it runs inside its own body, on
purpose: ``natlat --help`` starts in about 0.1 s, while importing
``natlat_sym.catalog`` or ``natlat_sym.finite`` costs about 1.2 s and sympy
about 0.45 s (``python3 -X importtime``), and ``natlat prove`` on a text
statement needs neither.
"""

from __future__ import annotations

import click

from ._common import Seconds, budget_per_item, Exit, count, distribution_table, emit_json, fail, guarded, progress_bar, write_atomic


def _parse_common_parts(items) -> dict:
    out = {}
    for item in items:
        name, sep, groups = item.partition("=")
        left, semi, right = groups.partition(";")
        if not sep or not semi or not name.strip():
            raise fail(f"--common-part expects K=A;B (e.g. 'K=X1;X2'), got {item!r}")
        a = [v.strip() for v in left.split(",") if v.strip()]
        b = [v.strip() for v in right.split(",") if v.strip()]
        if not a or not b:
            raise fail(f"--common-part {item!r}: both groups need a variable")
        out[name.strip()] = (a, b)
    return out


@click.command(short_help="Decide an exact statement on every distribution with given alphabet sizes.",
               epilog="Exit codes: 0 holds, 1 violated (an exact counterexample is printed), 2 bad input, "
                      "3 undecided (time budget, or z3 gave up).")
@click.argument("statement", metavar="STATEMENT")
@click.option("--given", "-g", "given", multiple=True, metavar="HYP",
              help="A hypothesis such as 'I(X;Y|Z) = 0' or 'H(G|X1) = 0'; repeat for several.")
@click.option("--alphabets", metavar="SIZES", default="2", show_default=True,
              help="Alphabet sizes in the statement's variable order (e.g. 3,3,3), one size for all (3), "
                   "or by name (X1=2,L=3).")
@click.option("--common-part", "common", multiple=True, metavar="K=A;B",
              help="Make K the Gács–Körner common part of the groups A and B (its value is the connected "
                   "component of the support of P[A,B]), e.g. 'K=X1;X2'.")
@click.option("--timeout", default=120.0, show_default=True, type=Seconds(0.01),
              help="One budget in seconds for everything; then the answer is 'undecided'.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Processes deciding support cases in parallel.")
@click.option("--shannon/--no-shannon", default=True, show_default=True,
              help="Try the Shannon prover first (a proof holds for every alphabet size).")
@click.option("--out", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write the counterexample distribution to FILE.")
@click.option("--progress/--no-progress", default=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@guarded
@budget_per_item  # decide enforces its one budget itself and must stop its worker pool: no watchdog exit
def decide(statement, given, alphabets, common, timeout, workers, shannon, out, progress, as_json):
    """Decide STATEMENT, an exact implication of conditional independences and functional
    dependences, on every distribution with the given alphabet sizes.

    \b
    Examples:
      natlat decide "I(X;Y,Z) = 0" --given "I(X;Y|Z) = 0" --given "I(X;Z) = 0" --alphabets 3
      natlat decide "I(X;Y,Z) = 0" -g "I(X;Y|Z) = 0" -g "I(X;Z|Y) = 0" --alphabets 2,2,2
      natlat decide "I(X1;X2|K) = 0" -g "I(X1;X2|L) = 0" -g "I(L;X1|X2) = 0" -g "I(L;X2|X1) = 0" \\
        --common-part "K=X1;X2" --alphabets 3 --workers 2

    First the Shannon prover: an implication it proves holds for every alphabet size, with a
    certificate re-checked in exact arithmetic.  Otherwise the distributions are split into
    cases by support pattern (up to the statement's symmetries) and z3's nonlinear real
    arithmetic (nlsat) decides each case.  'holds' from z3 is not re-checked by the exact
    checker and says so; 'violated' always comes with an exact rational distribution
    re-checked by the independent evaluator.
    """
    from ..finite.decide import decide_exact, exact_statement
    from ..limits import time_budget
    from ..verdicts import Truth
    from ..shannon.parse import parse_statement
    from .finite_cmds import _parse_alphabets

    with time_budget(timeout):  # parsing counts too; decide_exact takes what is left
        _decide(statement, given, alphabets, common, timeout, workers, shannon, out, progress, as_json)


def _decide(statement, given, alphabets, common, timeout, workers, shannon, out, progress, as_json):
    from ..finite.decide import decide_exact, exact_statement
    from ..verdicts import Truth
    from ..shannon.parse import parse_statement
    from .finite_cmds import _parse_alphabets

    st = parse_statement(statement, given=list(given))
    parts = _parse_common_parts(common)
    exact_statement(st)  # bad input is reported before any work
    basic = [v for v in st.variables() if v not in parts]
    sizes = _parse_alphabets(alphabets, basic)
    with progress_bar("deciding support cases", None, enabled=progress and not as_json) as advance:
        result = decide_exact(st, sizes, common_parts=parts, timeout=timeout, workers=workers, shannon=shannon,
                              progress=lambda done, total: advance(1, total=total))
    if result.distribution is not None and out:
        from ..finite.io import dumps

        write_atomic(out, dumps(result.distribution) + "\n")
    if as_json:
        emit_json(result.to_json(), "exact_decision")
    else:
        sizes_text = ", ".join(f"|{n}| = {k}" for n, k in result.sizes.items())
        click.echo(f"statement: {result.statement}")
        click.echo(f"alphabets: {sizes_text}")
        if result.truth is Truth.HOLDS:
            scope = "every alphabet size" if result.method == "shannon" else "every distribution with these sizes"
            click.echo(f"holds on {scope} ({result.seconds:.2f} s)")
            click.echo(f"  {result.basis()}")
            for cert in result.certificates:
                click.echo(f"  certificate: {count(cert.steps(), 'step')}, sha {cert.digest()}")
        elif result.truth is Truth.VIOLATED:
            click.echo(f"violated ({result.seconds:.2f} s); a counterexample with these alphabet sizes, "
                       "re-checked exactly:")
            click.echo(distribution_table(result.distribution))
            if out:
                click.echo(f"written to {out}")
        else:
            click.echo(f"undecided after {result.seconds:.2f} s: {result.reason}")
    raise Exit(result.truth.exit_code)


COMMANDS = (decide,)
