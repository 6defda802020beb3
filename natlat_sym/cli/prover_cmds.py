"""``natlat prove``, ``natlat tightest`` and ``natlat verify``.

Each command imports the library parts it runs inside its own body, on
purpose: ``natlat --help`` starts in about 0.1 s, while importing
``natlat_sym.catalog`` or ``natlat_sym.finite`` costs about 1.2 s and sympy
about 0.45 s (``python3 -X importtime``), and ``natlat prove`` on a text
statement needs neither.
"""

from __future__ import annotations

import time
from contextlib import contextmanager, nullcontext

import click

from ..errors import NatLatError
from ..files import check_writable
from ..verdicts import Verdict
from ._common import (EXIT_NOT_PROVABLE, EXIT_OK, EXIT_REFUTED, EXIT_UNKNOWN, Exit, Seconds, count, display_math,
                      distribution_table, dump_json, emit_json, fail, guarded, parse_assignments, progress_bar,
                      read_json_file, working, write_atomic)

statement_arg = click.argument("statement", metavar="STATEMENT")
given_opt = click.option("--given", "-g", "given", multiple=True, metavar="HYP",
                         help="A hypothesis such as 'I(L;M|X1,X2) = 0'; repeat for several. "
                              "Name it with a prefix: 'markov: I(L;M|X1,X2) = 0'.")
vars_opt = click.option("--vars", "variables", metavar="X1,X2,...",
                        help="Declare the random variables; any other name is an error.")
json_opt = click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")


def _declared(variables):
    if variables is None:
        return None
    declared = [v.strip() for v in variables.split(",") if v.strip()]
    if not declared:
        raise fail("--vars needs at least one name")
    return declared


def parse_cli_statement(statement: str, given, variables):
    """The statement as a :class:`~natlat_sym.shannon.claim.Claim`, read
    without sympy (the command line's everyday path stays fast)."""
    from ..shannon.claim import parse_claim

    return parse_claim(statement, given=list(given), variables=_declared(variables))


def parse_symbolic_statement(statement: str, given, variables):
    """The sympy :class:`~natlat_sym.shannon.statement.Statement` (for the Coq export)."""
    from ..shannon.parse import parse_statement

    return parse_statement(statement, given=list(given), variables=_declared(variables))


@click.command(short_help="Prove or refute a statement, with an exact certificate or counterexample.",
               epilog="Exit codes: 0 proved (true), 1 refuted (false: a distribution violates it), "
                      "2 bad input, 3 unknown (budget or timeout), 4 internal error, "
                      "5 not provable from the enabled inequalities (Shannon-type by default; "
                      "true or false not decided).")
@statement_arg
@given_opt
@vars_opt
@json_opt
@click.option("--latex", is_flag=True, help="Print the derivation as LaTeX.")
@click.option("--certificate", "cert_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write the exact certificate (JSON) to FILE; re-check it later with 'natlat verify FILE'.")
@click.option("--coq", "coq_path", type=click.Path(dir_okay=False), metavar="FILE.v",
              help="Write the result as a self-contained Coq file (the proof, or the kernel-checkable "
                   "'not Shannon-provable' witness); check it with 'coqc FILE.v'.")
@click.option("--timeout", default=30.0, show_default=True, type=Seconds(0.01),
              help="Seconds before answering 'unknown'.")
@click.option("--engine", type=click.Choice(["auto", "lp", "z3"]), default="auto", show_default=True,
              help="Proposal engine; every verdict is re-checked exactly whichever is used.")
@click.option("--max-variables", default=14, show_default=True, type=click.IntRange(min=1),
              help="Size budget: statements with more random variables are refused (exit 2).")
@click.option("--copy", "copies", multiple=True, metavar="SPEC",
              help="Adjoin a copy of some variables over others (copy lemma), e.g. 'A | C,D' or "
                   "'C,D | A,B'; repeat for several steps (later steps may copy earlier copies, "
                   "named X_1, X_2, ... by step).")
@click.option("--non-shannon", is_flag=True,
              help="If Shannon-type inequalities do not suffice, try every single copy step on the "
                   "statement's variables (up to 5 variables; within --timeout).")
@click.option("--progress/--no-progress", default=True, help="Progress bar of the copy search (terminals only).")
@guarded
def prove(statement, given, variables, as_json, latex, cert_path, coq_path, timeout, engine, max_variables, copies,
          non_shannon, progress):
    """Prove or refute STATEMENT, e.g. "H(G|L) <= I(X1;X2|L) + H(G|X1) + H(G|X2)".

    \b
    proved        true: a certificate re-checked in exact rational arithmetic (exit 0)
    refuted       false: a finite distribution violates it, re-checked exactly; on at most
                  3 variables without hypotheses a violating Shannon-cone point suffices (exit 1)
    not_provable  no proof from the enabled inequalities (Shannon-type by default): an exact
                  polymatroid (not a distribution) violates it; true or false is NOT decided (exit 5)
    unknown       a time or size budget ran out (exit 3)

    Non-Shannon inequalities: --copy "A | C,D" adjoins A_1, a copy of A over C,D (same joint
    distribution with C,D; conditionally independent of the other variables given C,D), and the
    proof may use both; --non-shannon searches such copies itself.  Zhang-Yeung:

    \b
      natlat prove "2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)" --non-shannon
    """
    from ..shannon.copy_lemma import CopySpec
    from ..proving import prove as run_prove

    st = parse_cli_statement(statement, given, variables)
    check_writable(cert_path, "certificate")
    if len(st.variables()) > max_variables:
        raise fail(f"the statement mentions {len(st.variables())} random variables "
                   f"({', '.join(st.variables())}); the budget is {max_variables} (raise --max-variables)")
    specs = []
    for k, text in enumerate(copies, start=1):
        try:
            specs.append(CopySpec.parse(text))
        except NatLatError as e:
            raise fail(f"--copy {k}: {e}") from None
    searching = progress and non_shannon and not as_json
    with copy_search_progress(searching) as report, (nullcontext() if searching else working("proving")):
        result = run_prove(st, timeout=timeout, max_variables=max_variables, engine=engine, copies=tuple(specs),
                           non_shannon=non_shannon, progress=report)
    derivation = None
    if result.verdict == Verdict.PROVED and result.certificate is not None:
        from ..shannon.derivation import derive

        derivation = derive(result.certificate, st)
        if cert_path:
            write_atomic(cert_path, dump_json(result.certificate.to_json()) + "\n")
    coq_written = None
    if coq_path and (result.certificate is not None or result.witness is not None):
        from .coq_cmds import write_coq_for_result

        coq_written = write_coq_for_result(parse_symbolic_statement(statement, given, variables), result, coq_path)
    if as_json:
        data = {"statement": str(st), **result.to_json()}
        if result.certificate is not None and result.certificate.copies:
            data["copies"] = [dict(c.to_json(), text=str(c)) for c in result.certificate.copies]
        if derivation is not None:
            data["derivation"] = derivation.to_json()
        if coq_path:
            data["coq"] = coq_path if coq_written else None
        emit_json(data, "proof_result")
    elif latex:
        _print_latex(st, result, derivation)
    else:
        _print_result(st, result, derivation, latex)
        if coq_written:
            click.echo(f"Coq file ({coq_written}) written to {coq_path}; check it with: coqc {coq_path}")
    if coq_path and not coq_written:
        click.echo(f"natlat: no Coq file written: the verdict is {result.verdict} "
                   "(no certificate, no witness)", err=True)
    raise Exit(Verdict(result.verdict).exit_code)


def _print_latex(st, result, derivation) -> None:
    """Only LaTeX: the statement and derivation, the verdict as a LaTeX comment."""
    verdict = str(result.verdict)
    click.echo(f"% natlat prove: {verdict}" + (f" ({result.reason})" if result.reason else ""))
    if derivation is not None:
        click.echo(display_math(derivation.latex()))
    else:
        click.echo(display_math(st.latex()))


def _print_result(st, result, derivation, latex: bool) -> None:
    click.echo(f"statement: {st}")
    if result.verdict == Verdict.PROVED:
        cert = result.certificate
        click.echo(f"proved — true for every distribution; {result.seconds:.3f} s; certificate re-checked "
                   f"in exact arithmetic ({count(cert.steps(), 'step')}, sha {cert.digest()})")
        if cert.copies:
            click.echo("with the copy lemma: " + "; ".join(
                f"{','.join(c.names)} is a copy of {','.join(c.copied)} over {','.join(c.over) or 'nothing'}"
                for c in cert.copies))
        if derivation is not None:
            click.echo(derivation.latex() if latex else derivation.text())
    elif result.verdict in (Verdict.REFUTED, Verdict.NOT_PROVABLE):
        if result.verdict == Verdict.REFUTED:
            click.echo(f"refuted — the statement is false ({result.seconds:.3f} s)")
        else:
            text = result.note if result.note.startswith("not provable") else Verdict.NOT_PROVABLE.describe()
            click.echo(f"{text} ({result.seconds:.3f} s)")
        if result.distribution is not None:
            params = dict(result.witness.parameters) if result.witness is not None else {}
            at = (" at " + ", ".join(f"{p} = {v}" for p, v in sorted(params.items()))) if params else ""
            click.echo(f"counterexample distribution{at} (checked exactly):")
            click.echo(distribution_table(result.distribution))
        elif result.note and result.verdict == Verdict.REFUTED:
            click.echo(result.note)
        if result.witness is not None:
            click.echo(f"Shannon-cone point (polymatroid) violating it (exact): {result.witness.describe()}")
    else:
        click.echo(f"unknown after {result.seconds:.3f} s — no claim either way: {result.reason}")


@contextmanager
def copy_search_progress(enabled: bool):
    """A ``progress(done, total, spec)`` callback drawing a bar on stderr
    (a no-op unless ``enabled`` and stderr is a terminal)."""
    with progress_bar("copy search", None, enabled=enabled) as advance:
        yield lambda done, total, spec: advance(1, str(spec))


@click.command(short_help="Least Shannon-provable values of free coefficients.",
               epilog="Exit codes: 0 values found, 2 bad input, 3 unknown, "
                      "5 no finite values make it Shannon-provable (true or false is not decided).")
@statement_arg
@given_opt
@vars_opt
@json_opt
@click.option("--weight", "weights", multiple=True, metavar="NAME=W",
              help="Weight of a coefficient in the objective (several coefficients: a Pareto point).")
@click.option("--certificate", "cert_path", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write the certificate at the optimum to FILE.")
@click.option("--timeout", default=60.0, show_default=True, type=Seconds(0.01))
@guarded
def tightest(statement, given, variables, as_json, weights, cert_path, timeout):
    """Least values of the free coefficients in STATEMENT that a Shannon-type proof allows.

    Free coefficients are names multiplying information terms, e.g. c in
    "I(M;X1,X2|L) <= I(X1;X2|L) + c*(I(M;X1|X2) + I(M;X2|X1))".
    """
    from ..shannon.tightest import tightest as run_tightest

    st = parse_cli_statement(statement, given, variables)
    if not st.free_coefficients():
        raise fail("the statement has no free coefficient (a name multiplying an information term, "
                   "as c in 'c*I(X;Y)'); use 'natlat prove' instead")
    w = parse_assignments(weights, "--weight", allowed=st.free_coefficients())
    check_writable(cert_path, "certificate")
    start = time.perf_counter()
    with working("finding the least coefficients"):
        result = run_tightest(st, weights=w or None, timeout=timeout)
    if cert_path and result.certificate is not None:
        write_atomic(cert_path, dump_json(result.certificate.to_json()) + "\n")
    if as_json:
        emit_json(result.to_json(), "tightest_result")
    else:
        click.echo(f"statement: {st}")
        if result.infeasible:
            click.echo("no finite values of the coefficients make it Shannon-provable "
                       "(true or false is not decided)")
        elif result.certificate is None:
            click.echo(f"unknown — no claim either way: {result.reason}")
        else:
            for name, value in sorted(result.values.items()):
                click.echo(f"{name} = {value}")
            click.echo(f"certificate at these values re-checked in exact arithmetic; "
                       f"{time.perf_counter() - start:.3f} s")
            if result.optimal:
                click.echo("least Shannon-provable values: for each positive coefficient an exact polymatroid "
                           "witness shows that no smaller value is provable from Shannon inequalities "
                           "(this does not say smaller values are false)")
            else:
                click.echo(f"provable values, but optimality is NOT confirmed ({result.reason})")
            for name, wit in sorted(getattr(result, "witnesses", {}).items()):
                click.echo(f"smaller {name} is not Shannon-provable (polymatroid witness): {wit.describe()}")
    if result.infeasible:
        raise Exit(EXIT_NOT_PROVABLE)
    raise Exit(EXIT_OK if result.certificate is not None else EXIT_UNKNOWN)


@click.command(short_help="Re-check a certificate file in exact arithmetic.",
               epilog="Exit codes: 0 valid, 1 does not prove its statement (reason printed), "
                      "2 malformed certificate.")
@click.argument("certificate", type=click.Path(dir_okay=False), metavar="CERT.json")
@json_opt
@guarded
def verify(certificate, as_json):
    """Re-check CERT.json in exact rational arithmetic.

    The statement text in the file is parsed afresh and its normal forms are computed
    independently; the certificate must prove exactly that statement. Only the small
    checker in natlat_sym.shannon.certificate is trusted: no LP or SMT solver runs.
    """
    from ..errors import CertificateError, CertificateFormatError
    from ..shannon.certificate import certificate_from_json, check_certificate
    from ..shannon.parse import parse_statement

    data = read_json_file(certificate, "certificate")
    cert = certificate_from_json(data)  # malformed: CertificateFormatError, exit 2
    try:
        st = parse_statement(cert.statement)
    except NatLatError as e:
        raise CertificateFormatError(f"the certificate's statement does not parse: {e}") from None
    try:
        if st.conclusion.rel != cert.sense:
            raise CertificateError(f"certificate is for a '{cert.sense}' conclusion, the statement has "
                                   f"'{st.conclusion.rel}'")
        if set(cert.variables) != set(st.variables()):
            raise CertificateError(f"certificate lists variables {', '.join(cert.variables) or 'none'}, the "
                                   f"statement has {', '.join(st.variables())}")
        check_certificate(cert, expected_target=st.conclusion.normal_form(),
                          expected_hypotheses=st.hypothesis_forms())
    except CertificateFormatError:
        raise
    except CertificateError as e:  # well-formed, but it does not prove its statement: exit 1
        if as_json:
            emit_json({"valid": False, "statement": str(st), "reason": str(e)}, "verification")
        else:
            click.echo(f"invalid: the certificate does not prove {st}: {e}")
        raise Exit(EXIT_REFUTED) from None
    if as_json:
        emit_json({"valid": True, "statement": str(st), "steps": cert.steps(), "sha": cert.digest()}, "verification")
    else:
        click.echo(f"valid: the certificate proves {st} ({count(cert.steps(), 'step')}, sha {cert.digest()})")
    raise Exit(EXIT_OK)


COMMANDS = (prove, tightest, verify)
