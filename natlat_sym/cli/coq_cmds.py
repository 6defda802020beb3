"""``natlat export-coq``, and the Coq parts of ``natlat prove --coq`` and
``natlat check --coq``: results exported as self-contained Coq files and
re-checked by Coq's kernel (``coqc``).

Each command imports the library parts it runs inside its own body, on
purpose: ``natlat --help`` starts in about 0.1 s, while importing
``natlat_sym.catalog`` or ``natlat_sym.finite`` costs about 1.2 s and sympy
about 0.45 s (``python3 -X importtime``), and ``natlat prove`` on a text
statement needs neither.
"""

from __future__ import annotations

import click

from ._common import (EXIT_OK, EXIT_REFUTED, Exit, Seconds, emit_json, fail, guarded, read_json_file, working,
                      write_atomic)


def write_coq_for_result(statement, result, path: str) -> str:
    """Write the Coq file of a prover result to ``path``; return what it holds
    (``"proof"`` or ``"not Shannon-provable"``).  Nothing is written for a
    result without a certificate or witness."""
    from ..coq.export import to_coq

    if result.certificate is not None:
        write_atomic(path, to_coq(result.certificate, statement, name="natlat_theorem"))
        return "proof"
    if result.witness is not None:
        write_atomic(path, to_coq(result.witness, statement, name="not_shannon_provable"))
        return "not Shannon-provable"
    raise fail(f"nothing to export to Coq: the verdict is {result.verdict} (no certificate, no witness); "
               f"{path} was not written", code=3)


@click.command(name="export-coq", short_help="Export a certificate as a Coq proof (a .v file).",
               epilog="Exit codes: 0 written (and kernel-checked with --coqc), 1 coqc rejected it, "
                      "2 bad input or invalid certificate.")
@click.argument("certificate", type=click.Path(dir_okay=False), metavar="CERT.json")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False), metavar="FILE.v",
              help="Where to write the Coq file.")
@click.option("--name", default="natlat_theorem", show_default=True, help="Name of the Coq theorem.")
@click.option("--coqc", "run_coqc", is_flag=True, help="Run coqc on the file and report whether it is accepted.")
@click.option("--timeout", default=300.0, show_default=True, type=Seconds(1),
              help="Seconds allowed for coqc.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@guarded
def export_coq(certificate, output, name, run_coqc, timeout, as_json):
    """Export CERT.json (from 'natlat prove --certificate') as a self-contained Coq file.

    The theorem's statement is printed from the certificate's statement text, parsed afresh
    (never from the multipliers); the proof cites the basic inequalities and checks the
    certificate's identity.  A copy-lemma (non-Shannon) certificate proves the statement for
    every entropic h, from the two axioms of the theory's Entropic.v (entropic functions are
    polymatroids; the copy lemma).
    Check it with 'coqc FILE.v' (Debian: apt-get install coq), or pass --coqc.
    """
    from ..coq.export import to_coq
    from ..shannon.certificate import certificate_from_json

    cert = certificate_from_json(read_json_file(certificate, "certificate"))
    text = to_coq(cert, None, name=name)  # re-parses the statement, re-checks the certificate
    write_atomic(output, text)
    from ..coq.export import assumed_axioms

    axioms = assumed_axioms(text)
    data = {"written": output, "statement": cert.statement, "theorem": name, "axioms": list(axioms)}
    code = EXIT_OK
    if run_coqc:
        from ..coq.run import run_coqc as run

        with working("coqc: kernel-checking the proof"):
            r = run(text, timeout=timeout)
        data.update(kernel_checked=r.ok, coq_version=r.version, seconds=round(r.seconds, 3), error=r.message)
        code = EXIT_OK if r.ok else EXIT_REFUTED
    if as_json:
        emit_json(data)
    else:
        click.echo(f"wrote {output}: Coq theorem {name} for {cert.statement}")
        if run_coqc:
            assuming = ", assuming the copy lemma (Entropic.v)" if r.ok and axioms else ""
            click.echo(r.mark + assuming + f" ({r.seconds:.1f} s)")
    raise Exit(code)


def check_catalog_with_coq(report, *, jobs: int, timeout: float, out_dir: str | None, quiet: bool):
    """Kernel-check every certified/tight entry of a catalog report; print
    one line per entry (unless ``quiet``); return the list of EntryCheck."""
    from pathlib import Path

    from ..coq.catalog import check_entries, entry_file, is_exported

    if out_dir:
        d = Path(out_dir)
        if not d.is_dir():
            raise fail(f"--coq-dir {out_dir} is not an existing directory")
        for rep in report.reports:
            if is_exported(rep):
                write_atomic(d / f"{rep.id}.v", entry_file(rep))

    from ..coq.catalog import not_exported

    from ..coq.catalog import EntryCheck, entry_axioms

    def line(rep, result):
        if not quiet:
            missing = not_exported(rep)
            note = f"; not exported: {'; '.join(missing)}" if missing else ""
            mark = EntryCheck(rep.id, 0, result, (), entry_axioms(rep)).mark
            others = result.batched - 1
            when = (f"checked in one coqc run with {others} other file{'s' if others != 1 else ''}"
                    if result.batched else f"{result.seconds:.1f} s")
            click.echo(f"{rep.id}: {mark} ({when}){note}", err=False)

    checks = check_entries(report.reports, jobs=jobs, timeout=timeout, on_done=line)
    checked = {c.id for c in checks}
    for rep in report.reports:
        if is_exported(rep) and rep.id not in checked and not quiet:
            click.echo(f"{rep.id}: not kernel-checked: {'; '.join(not_exported(rep)) or 'nothing to export'}")
    return checks


def coq_summary(checks) -> str:
    """The last line of ``natlat check --coq``: how many entries the kernel accepted."""
    full = sum(c.result.ok and not c.not_exported for c in checks)
    part = sum(c.result.ok and bool(c.not_exported) for c in checks)
    rejected = sum(not c.result.ok for c in checks)
    seconds = sum(c.result.seconds for c in checks)  # batched results carry their share of the run
    line = f"Coq: {full} entries kernel-checked"
    if part:
        line += f", {part} partly (some proofs not exported)"
    return line + f", {rejected} rejected by coqc ({seconds:.1f} s of coqc)"


COMMANDS = (export_coq,)
