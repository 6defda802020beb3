"""``natlat eval``, ``natlat search`` and ``natlat naturality``: finite distributions.

Each command imports the library parts it runs inside its own body, on
purpose: ``natlat --help`` starts in about 0.1 s, while importing
``natlat_sym.catalog`` or ``natlat_sym.finite`` costs about 1.2 s and sympy
about 0.45 s (``python3 -X importtime``), and ``natlat prove`` on a text
statement needs neither.
"""

from __future__ import annotations

import click

from ..limits import MAX_PRECISION
from ..verdicts import Truth
from ._common import (EXIT_OK, Exit, Seconds, distribution_table, emit_json, fail, guarded,
                      parse_assignments, progress_bar, working, write_atomic)

json_opt = click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
dist_opt = click.option("--dist", "dist_path", required=True, type=click.Path(dir_okay=False), metavar="FILE",
                        help="Distribution file (natlat distribution JSON; see the docs' reference).")
param_opt = click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
                         help="Exact value of a parameter, e.g. eps=1/100.")


def load_distribution(path: str, *, allow_sparse: bool = False):
    """Read a distribution file (a spinner on a terminal: a 1001 x 1001 table takes seconds)."""
    from ..finite.io import load

    with working(f"reading {path}"):
        return load(path, allow_sparse=allow_sparse)


def parse_params(params) -> dict:
    return parse_assignments(params, "--param")


def _is_statement(text: str) -> bool:
    return any(op in text for op in ("<=", ">=", "=", "≤", "≥"))


@click.command(name="eval", short_help="Evaluate an expression or statement on a distribution file.", epilog="Exit codes: 0 evaluated / statement holds, 1 statement violated, "
               "2 bad input, 3 undecided at this precision.")
@click.argument("expression", metavar="EXPR")
@dist_opt
@param_opt
@json_opt
@click.option("--precision", default=64, show_default=True, type=click.IntRange(min=16, max=MAX_PRECISION),
              help="Starting bits of interval precision (raised automatically up to 4096 to decide a sign).")
@click.option("--exact", "want_exact", is_flag=True,
              help="Also compute the exact closed form (sums of rational multiples of log2 of rationals); "
                   "slow on large float tables.")
@click.option("--budget", default=60.0, show_default=True, type=Seconds(0.1),
              help="Seconds for the certified enclosure of an expression; past it only the float is reported.")
@guarded
def eval_(expression, dist_path, params, as_json, precision, want_exact, budget):
    """Evaluate EXPR (e.g. "I(X1;X2|L)") or a statement on a distribution file.

    An expression is reported as a float (numpy) and a certified enclosure (arb
    intervals, within --budget seconds); --exact adds the exact closed form (sums of
    rational multiples of log2 of rationals).  A statement gets a certified verdict:
    holds, violated (with a certified margin), or undecided at this precision — never a
    float comparison.
    """
    from ..errors import BudgetExceeded
    from ..finite import evaluate as ev
    from ..shannon.parse import parse_expression, parse_statement

    dist = load_distribution(dist_path, allow_sparse=True)  # a large support stays sparse
    values = parse_params(params)
    declared = list(dist.names)
    if _is_statement(expression):
        st = parse_statement(expression, variables=declared)
        with working("deciding the statement (certified)"):
            verdict = ev.check_on(st, dist, parameters=values or None, precision=precision)
        if as_json:
            emit_json(verdict.to_json(), "instance_verdict")
        else:
            click.echo(str(verdict))
            for h in verdict.hypotheses:
                click.echo(f"  hypothesis {h.name or h.text}: {h.status}")
        raise Exit(Truth(verdict.verdict).exit_code)
    expr = parse_expression(expression, variables=declared)
    fl = ev.float_value(expr, dist, parameters=values or None)
    box, box_note = None, ""
    try:
        with working("certified enclosure"):
            box = ev.enclosure(expr, dist, parameters=values or None, precision=precision, budget=budget)
    except BudgetExceeded:
        box_note = f"not computed within --budget {budget:g} s"
    exact = None
    if want_exact:
        with working("exact closed form"):
            exact = ev.exact_value(expr, dist, parameters=values or None)
    if as_json:
        emit_json({"expression": expression, "float": fl,
                   "enclosure": box.to_json() if box is not None else None,
                   "exact": exact.to_json() if exact is not None else None,
                   "exact_text": str(exact) if exact is not None else None,
                   "note": box_note, "unit": "bits"}, "evaluation")
    else:
        click.echo(f"{expression} = {fl!r} bits")
        click.echo(f"  certified: {box if box is not None else box_note}")
        if exact is not None:
            click.echo(f"  exact:     {exact}")
    raise Exit(EXIT_OK)


def _parse_alphabets(text: str | None, variables):
    if text is None:
        return None
    text = text.strip()
    try:
        if "=" in text:
            out = {}
            for item in text.split(","):
                name, _, size = item.partition("=")
                out[name.strip()] = int(size)
            unknown = set(out) - set(variables)
            if unknown:
                raise fail(f"--alphabets names unknown variable {sorted(unknown)[0]} "
                           f"(statement variables: {', '.join(variables)})")
            return out
        sizes = [int(s) for s in text.split(",")]
    except ValueError:
        raise fail(f"--alphabets expects sizes like 2,2,3 or X1=2,L=3; got {text!r}") from None
    if any(s < 1 for s in (sizes if isinstance(sizes, list) else [])):
        raise fail("--alphabets: sizes must be >= 1")
    if len(sizes) not in (1, len(variables)):
        raise fail(f"--alphabets gives {len(sizes)} sizes but the statement has {len(variables)} variables "
                   f"({', '.join(variables)}, in this order)")
    return sizes if len(sizes) > 1 else sizes * len(variables)


@click.command(short_help="Seeded search for a counterexample distribution.",
               epilog="Exit codes: 1 violated (a counterexample found, checked exactly), 2 bad input, "
               "3 undecided (no counterexample found: not a proof; 'natlat decide' decides exact statements).")
@click.argument("statement", metavar="STATEMENT")
@click.option("--given", "-g", "given", multiple=True, metavar="HYP", help="A hypothesis; repeat for several.")
@click.option("--alphabets", metavar="SIZES",
              help="Alphabet sizes in the statement's variable order (e.g. 2,2,3) or by name (X1=2,L=3); "
                   "default 2 each.")
@click.option("--seed", default=0, show_default=True, type=int, help="Random seed; results reproduce.")
@click.option("--starts", default=32, show_default=True, type=click.IntRange(min=1), help="Random starts.")
@click.option("--budget", default=30.0, show_default=True, type=Seconds(0.1), help="Seconds.")
@param_opt
@click.option("--out", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write the counterexample distribution to FILE.")
@click.option("--progress/--no-progress", default=True)
@json_opt
@guarded
def search(statement, given, alphabets, seed, starts, budget, params, out, progress, as_json):
    """Search for a finite distribution violating STATEMENT (seeded, reproducible).

    Floating point only searches: a counterexample is reported after it is rationalised
    and re-verified (hypotheses exactly, the violation with certified arithmetic): the
    statement is violated (exit 1).  Finding nothing is not a proof: the answer is
    'undecided' (exit 3).  For exact statements (independences, functional dependences)
    'natlat decide' settles the question on given alphabet sizes.
    """
    from ..files import check_writable
    from ..finite.search import find_counterexample
    from ..shannon.parse import parse_statement

    st = parse_statement(statement, given=list(given))
    check_writable(out, "distribution")
    sizes = _parse_alphabets(alphabets, st.variables())
    with progress_bar("searching", starts, enabled=progress and not as_json) as advance:
        result = find_counterexample(st, alphabets=sizes, seed=seed, starts=starts, budget_seconds=budget,
                                     parameters=parse_params(params) or None,
                                     progress=lambda done, total: advance(1))
    if result.found and out:
        from ..finite.io import dumps

        write_atomic(out, dumps(result.distribution) + "\n")
    if as_json:
        emit_json(result.to_json(), "search_result")
    else:
        click.echo(f"statement: {st}")
        if result.found:
            lo, hi = result.margin
            click.echo(f"counterexample found in {result.seconds:.2f} s (seed {result.seed}, {result.starts} starts); "
                       f"checked exactly: conclusion slack in [{float(lo):.6g}, {float(hi):.6g}] bits")
            click.echo(distribution_table(result.distribution))
            if out:
                click.echo(f"written to {out}")
        else:
            click.echo(f"undecided: no counterexample found in {result.seconds:.2f} s ({result.starts} starts, "
                       f"seed {result.seed}); this is not a proof")
    from ..verdicts import Truth

    raise Exit((Truth.VIOLATED if result.found else Truth.UNDECIDED).exit_code)


@click.command(short_help="Errors of latents and optimal natural latents of a distribution.",
               epilog="Exit codes: 0 report printed, 2 bad input, 3 time budget exhausted.")
@click.argument("path", type=click.Path(dir_okay=False), metavar="FILE")
@click.option("--latent", "latents", multiple=True, metavar="NAME",
              help="Latent variable(s) to assess (default: those marked as latents in the file).")
@click.option("--observables", metavar="X1,X2", help="Observable variables (default: all non-latents).")
@click.option("--plot", type=click.Path(dir_okay=False), metavar="FILE.png|FILE.svg",
              help="Draw the mediation–redundancy error frontier with the optimal latents marked.")
@click.option("--venn", type=click.Path(dir_okay=False), metavar="FILE.png|FILE.svg",
              help="Draw the information diagram (the 7 atoms) of three variables, chosen with --venn-vars.")
@click.option("--venn-vars", metavar="A,B,C", help="The three variables of --venn (default: the first three).")
@click.option("--seed", default=0, show_default=True, type=int)
@click.option("--timeout", default=300.0, show_default=True, type=Seconds(0.1),
              help="Seconds for the whole report; past it the answer is 'unknown' (exit 3).")
@json_opt
@guarded
def naturality(path, latents, observables, plot, venn, venn_vars, seed, timeout, as_json):
    """Mediation and redundancy errors of the latents in FILE, and the optimal natural
    latents (stochastic τ and deterministic T, Gács–Körner, Wyner) of its observables."""
    from ..files import check_writable
    from ..finite.natural import naturality_report

    check_writable(plot, "plot")
    check_writable(venn, "plot")
    dist = load_distribution(path)
    obs = [o.strip() for o in observables.split(",")] if observables else None
    with working("optimal natural latents and common information"):
        report = naturality_report(dist, latents=list(latents) or None, observables=obs, seed=seed)
    if plot:
        from ..finite.plots import plot_error_frontier

        plot_error_frontier(dist, plot, observables=obs, seed=seed)
    if venn:
        from ..finite.plots import plot_information_diagram

        names = [v.strip() for v in venn_vars.split(",")] if venn_vars else list(dist.names[:3])
        if len(names) != 3:
            raise fail(f"--venn-vars needs exactly three variables, got {len(names)}")
        plot_information_diagram(dist, venn, names=names)
    if as_json:
        emit_json(report.to_json(), "naturality_report")
    else:
        click.echo(report.text())
        if plot:
            click.echo(f"frontier plot written to {plot}")
        if venn:
            click.echo(f"information diagram written to {venn}")
    raise Exit(EXIT_OK)


COMMANDS = (eval_, search, naturality)
