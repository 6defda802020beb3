"""``natlat check``, ``natlat list``, ``natlat show`` and ``natlat experiment``.

Each command imports the library parts it runs inside its own body, on
purpose: ``natlat --help`` starts in about 0.1 s, while importing
``natlat_sym.catalog`` or ``natlat_sym.finite`` costs about 1.2 s and sympy
about 0.45 s (``python3 -X importtime``), and ``natlat prove`` on a text
statement needs neither.
"""

from __future__ import annotations

import click

from ..files import check_writable
from ..formats import tagged
from ._common import (EXIT_OK, EXIT_REFUTED, Exit, Seconds, budget_per_item, count, display_math, dump_json,
                      emit_json, fail, guarded, progress_bar, working, write_atomic)
from .coq_cmds import check_catalog_with_coq

json_opt = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")


def _load():
    # The catalog is imported when a command needs it, not with the CLI: importing natlat_sym.catalog
    # (prover, finite checks, sympy) takes about 3 s (python3 -X importtime) against 0.1 s for `natlat --help`.
    from ..catalog import load_catalog

    return load_catalog()


def _status_style(status: str) -> str:
    return {"certified": "green", "tight": "bold green", "checked": "cyan", "refuted": "magenta",
            "not_provable": "dim magenta", "open": "yellow", "failing": "bold red"}.get(status, "")


@click.command(short_help="Check the theorem catalog and print computed statuses.",
               epilog="Exit codes: 0 every entry checks, 1 some entry fails, 2 bad input.")
@click.argument("ids", nargs=-1, metavar="[ID]...")
@json_opt
@click.option("--timeout", default=30.0, show_default=True, type=Seconds(0.01),
              help="Seconds per proof obligation before it counts as failing.")
@click.option("--progress/--no-progress", default=True, help="Progress bar on stderr (terminals only).")
@click.option("--out", type=click.Path(dir_okay=False), metavar="FILE", help="Also write the JSON report to FILE.")
@click.option("--coq", "coq", is_flag=True,
              help="Also export every certified and tight entry to Coq and kernel-check it with coqc.")
@click.option("--coq-dir", type=click.Path(file_okay=False), metavar="DIR",
              help="With --coq: also write each entry's ID.v file into DIR.")
@click.option("--jobs", default=None, type=click.IntRange(min=1), metavar="N",
              help="Processes run at once: catalog entries (default: the number of CPUs; 1 = in this "
                   "process), and coqc with --coq (default 2).")
@guarded
@budget_per_item
def check(ids, as_json, timeout, progress, out, coq, coq_dir, jobs):
    """Check the whole theorem catalog (or the entries ID...) and print computed statuses.

    Every status is computed now by running the entry's obligations: 'certified' means
    every proof has an exactly re-checked certificate, 'tight' that the least Shannon-type
    constants were confirmed too, 'checked' that finite instances were checked, 'refuted'
    that the claim is false: a distribution violating it was verified (expected for negative
    results), 'not_provable' that only a polymatroid violates it (no Shannon-type proof;
    true or false not decided), 'open' that only numerical evidence exists, and 'failing'
    that something did not come out as claimed.
    """
    from ..catalog import check_catalog  # lazy: see _load

    check_writable(out, "report")
    catalog = _load()
    wanted = [t.id for i in ids for t in resolve_ids(catalog, i)] or None  # spec ids (T4) expand
    if wanted:
        wanted = list(dict.fromkeys(wanted))
    total = len(wanted) if wanted else len(catalog)
    with progress_bar("checking", total, enabled=progress and not as_json) as advance:
        report = check_catalog(catalog, ids=wanted, timeout=timeout, jobs=jobs,
                               progress=lambda done, total, rep: advance(1, rep.id))
    entries = report.to_json()
    coq_ok = True
    if coq:
        if not as_json:
            _print_table(report)
        checks = check_catalog_with_coq(report, jobs=jobs or 2, timeout=max(timeout, 300.0), out_dir=coq_dir,
                                        quiet=as_json)
        coq_ok = all(c.result.ok for c in checks)
        by_id = {c.id: c.to_json() for c in checks}
        for entry in entries:
            entry["coq"] = by_id.get(entry["id"])
        if not as_json:
            from .coq_cmds import coq_summary

            click.echo(coq_summary(checks))
    data = tagged("catalog_report", {"ok": report.ok, "counts": report.counts(),
                                     "seconds": round(report.seconds, 4), "entries": entries})
    if out:
        write_atomic(out, dump_json(data) + "\n")
    if as_json:
        emit_json(data)
    elif not coq:
        _print_table(report)
    raise Exit(EXIT_OK if report.ok and coq_ok else EXIT_REFUTED)


def resolve_ids(catalog, identifier: str):
    """Entries named by an entry id or a spec id (``T4``, case-insensitive);
    an unknown name is bad input (exit 2) with suggestions."""
    return catalog.find(identifier)


def _print_table(report) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="natlat_sym theorem catalog", show_lines=False)
    for col in ("id", "spec", "title", "status", "ok", "seconds"):
        # ids and titles wrap (fold) instead of being cut into look-alikes
        table.add_column(col, justify="right" if col == "seconds" else "left",
                         overflow="fold", no_wrap=col in ("spec", "status", "ok", "seconds"),
                         ratio=2 if col == "id" else (3 if col == "title" else None))
    for rep in report.reports:
        status = str(getattr(rep.status, "value", rep.status))
        table.add_row(rep.id, getattr(rep, "spec_id", ""), getattr(rep, "title", ""),
                      f"[{_status_style(status)}]{status}[/]", "yes" if rep.ok else "[bold red]NO[/]",
                      f"{rep.seconds:.2f}")
    console = Console()  # the terminal's width (80 when piped)
    console.print(table)
    failing = [r for r in report.reports if not r.ok]
    console.print(f"{count(len(report.reports), 'entry', 'entries')}, {len(failing)} failing, {report.seconds:.1f} s")
    for rep in failing:
        for res in rep.results:
            if not res.ok:
                console.print(f"[bold red]{rep.id}[/]: {getattr(res, 'detail', '')}", markup=True)


@click.command(name="list", short_help="List the catalog entries.")
@json_opt
@guarded
def list_(as_json):
    """List the catalog: id, spec id, kind and title of every entry."""
    catalog = _load()
    rows = [{"id": t.id, "spec_id": t.spec_id, "kind": t.kind, "title": t.title} for t in catalog.theorems]
    if as_json:
        emit_json({"entries": rows}, "catalog_list")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_header=True)
    for col in ("id", "spec", "kind", "title"):
        table.add_column(col, overflow="fold", no_wrap=col in ("spec", "kind"),
                         ratio=2 if col == "id" else (3 if col == "title" else None))
    for r in rows:
        table.add_row(r["id"], r["spec_id"], r["kind"], r["title"])
    Console().print(table)


@click.command(short_help="Statement, status and derivation of one catalog entry.")
@click.argument("theorem_id", metavar="ID")
@json_opt
@click.option("--latex", is_flag=True, help="Print statements and derivations as LaTeX.")
@click.option("--timeout", default=30.0, show_default=True, type=Seconds(0.01))
@guarded
@budget_per_item
def show(theorem_id, as_json, latex, timeout):
    """Show one catalog entry: statement, obligations, computed status and derivations."""
    from ..catalog import check_theorem  # lazy: see _load

    catalog = _load()
    matches = resolve_ids(catalog, theorem_id)
    if len(matches) > 1:
        raise fail(f"{theorem_id} names {len(matches)} entries: {', '.join(t.id for t in matches)}; show one of them")
    thm = matches[0]
    with working(f"checking {thm.spec_id} {thm.id}"):
        report = check_theorem(thm, timeout=timeout)
    if as_json:
        data = report.to_json()
        data["informal"] = thm.informal
        data["reference"] = thm.reference
        data["uses"] = list(thm.uses)
        data["used_by"] = list(catalog.used_by(thm.id))
        emit_json(data, "theorem")
        raise Exit(EXIT_OK if report.ok else EXIT_REFUTED)
    status = str(getattr(report.status, "value", report.status))
    # --latex prints only LaTeX: the plain-text lines become LaTeX comments
    say = (lambda text: click.echo("\n".join(f"% {line}".rstrip() for line in str(text).split("\n")))) if latex \
        else click.echo
    say(f"{thm.title}  [{thm.id}, spec {thm.spec_id}]  status: {status}")
    say(f"reference: {thm.reference}")
    if thm.uses:
        say(f"uses: {', '.join(thm.uses)}")
    used_by = catalog.used_by(thm.id)
    if used_by:
        say(f"used by: {', '.join(used_by)}")
    say("")
    say(thm.informal.strip())
    for ob, res in zip(thm.obligations, report.results):
        say("")
        mark = "ok" if res.ok else "FAILED"
        say(f"- {ob.kind}: {ob.description}  -> {getattr(res, 'outcome', '')} [{mark}, {res.seconds:.3f} s]")
        if ob.statement is not None:
            click.echo(f"\\[ {ob.statement.latex()} \\]" if latex else f"  statement: {ob.statement}")
        derivation = getattr(res, "derivation", None)
        if derivation is not None:
            click.echo(display_math(derivation.latex()) if latex else "  " + derivation.text().replace("\n", "\n  "))
        detail = getattr(res, "detail", "")
        if detail:
            say(f"  {detail}")
    raise Exit(EXIT_OK if report.ok else EXIT_REFUTED)


COMMANDS = (check, list_, show)
