"""``natlat experiment`` (open-problem sweeps) and ``natlat verify-bound``.

Each command imports the library parts it runs inside its own body, on
purpose: ``natlat --help`` starts in about 0.1 s, while importing
``natlat_sym.catalog`` or ``natlat_sym.finite`` costs about 1.2 s and sympy
about 0.45 s (``python3 -X importtime``), and ``natlat prove`` on a text
statement needs neither.
"""

from __future__ import annotations

import click

from ._common import (budget_per_item, EXIT_OK, Exit, Seconds, emit_json, fail, guarded, progress_bar,
                      read_json_file, working)

json_opt = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
NAMES = ["o1", "o1-max", "o1-n3-m1", "o1-n3-m2", "o2"]


@click.command(short_help="Sweep an open problem (O1, its variants, O2) for certified lower bounds.",
               epilog="Exit codes: 0 a lower bound was certified, 2 bad input, 3 nothing certified.")
@click.argument("name", type=click.Choice(NAMES, case_sensitive=False))
@click.option("--seed", default=0, show_default=True, type=int, help="Random seed (results reproduce).")
@click.option("--chunks", type=click.IntRange(min=1), help="Number of seeded chunks: fixes the work, so the same "
              "seed gives the same witness on 1 process, N workers or a cluster.")
@click.option("--budget", type=Seconds(0.1), help="Seconds of search and refinement (default 60 without "
              "--chunks); certifying the best candidate follows (a fraction of a second).")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(min=1),
              help="Local worker processes (1 = this process).")
@click.option("--scheduler", metavar="ADDRESS", help="Run chunks on a Dask distributed scheduler "
              "(e.g. tcp://127.0.0.1:8786); needs pip install -e '.[distributed]'.")
@click.option("--checkpoint", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write finished chunks to FILE (atomically) after each chunk.")
@click.option("--resume", type=click.Path(dir_okay=False, exists=True), metavar="FILE",
              help="Continue the sweep saved in FILE (finished chunks are not redone).")
@click.option("--max-alphabet", default=3, show_default=True, type=click.IntRange(min=2),
              help="Largest alphabet per observable.")
@click.option("--max-cells", default=9, show_default=True, type=click.IntRange(min=2, max=10),
              help="Largest support (T is enumerated over all partitions).")
@click.option("--samples", default=6, show_default=True, type=click.IntRange(min=1),
              help="Random mass vectors per chunk.")
@click.option("--refine", default=12, show_default=True, type=click.IntRange(min=0),
              help="Local refinement steps per chunk.")
@click.option("--start", type=click.Path(dir_okay=False, exists=True), metavar="FILE",
              help="Refine this O1 witness file (every chunk refines it) instead of sweeping patterns.")
@click.option("--out", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write the certified witness (exact P and latent) to FILE; re-check with natlat verify-bound.")
@click.option("--progress/--no-progress", default=True, help="Progress bar on stderr (terminals only).")
@json_opt
@guarded
@budget_per_item  # --budget bounds search and refinement; certification follows (no watchdog may cut it)
def experiment(name, seed, chunks, budget, workers, scheduler, checkpoint, resume, max_alphabet, max_cells,
               samples, refine, start, out, progress, as_json):
    """Sweep an open problem and report a certified lower bound on its best constant.

    \b
    o1        least c with T(P) <= c·τ(P) for all finite P[X1,X2] (sum-form scores)
    o1-max    the same with max-form redundancy
    o1-n3-m1  n = 3 observables, deletion budget m = 1 (max over |D| = m)
    o1-n3-m2  n = 3, m = 2
    o2        least third-diagram weight c in T3

    Chunks 0..E-1 exhaust the support patterns up to symmetry, later chunks are random
    restarts; each chunk refines its best candidate.  The best candidate is rounded to
    exact rationals and re-checked by the independent checker (arb balls, all partitions):
    the printed bound is certified, the float ratio is not.

    \b
    Examples:
      natlat experiment o1 --chunks 40 --workers 2 --out o1.json
      natlat experiment o1 --budget 600 --checkpoint run.json     # later: --resume run.json
      natlat verify-bound o1.json
      natlat experiment o1 --start o1.json --chunks 4 --refine 30 --out better.json
    """
    from ..openproblems.sweep import SweepConfig, run_sweep
    from ..openproblems.witness import save_witness

    if chunks is None and budget is None:
        budget = 60.0
    start_data = None
    if start:
        start_data = read_json_file(start, "witness")
        if not isinstance(start_data, dict) or start_data.get("problem") != name.lower():
            raise fail(f"--start {start}: not a {name.lower()} witness file")
        start_data = {k: start_data.get(k) for k in ("cells", "probabilities", "channel")}
    cfg = SweepConfig(name.lower(), seed=seed, max_alphabet=max_alphabet, max_cells=max_cells, samples=samples,
                      refine=refine, chunks=chunks, budget=budget, start=start_data, start_name=start)
    if resume and checkpoint and resume != checkpoint:
        raise fail("--resume FILE also keeps checkpointing to FILE; do not give a different --checkpoint")
    best = [0.0]
    with progress_bar(f"{cfg.problem} sweep", chunks, enabled=progress and not as_json) as advance:
        def tick(done, total, res):
            best[0] = max(best[0], res["ratio"])
            advance(1, f"best ratio {best[0]:.4f}")
        result = run_sweep(cfg, workers=workers, scheduler=scheduler, checkpoint=checkpoint, resume=resume,
                           progress=tick)
    if out:
        if result.witness is None:
            raise fail("the sweep found no candidate to export", code=3)
        save_witness(result.witness, out)
    data = result.to_json()
    certified = result.check is not None and result.check.truth == "holds" and result.witness["claim"] != "0.000000"
    if as_json:
        emit_json(data)
    else:
        cov = result.coverage
        pats = ", ".join(f"{c} cells: {v['sampled']}/{v['patterns']}" for c, v in
                         sorted(cov.get("patterns_by_cells", {}).items(), key=lambda kv: int(kv[0])))
        click.echo(f"{cfg.problem}: {result.chunks_done} chunks ({result.resumed} resumed), {result.evaluations} "
                   f"candidates in {result.seconds:.1f} s (seed {cfg.seed})")
        if pats:
            click.echo(f"patterns up to symmetry sampled: {pats}; random chunks: {cov['random_chunks']}")
        if result.best is not None:
            click.echo(f"best float ratio {result.best['ratio']:.6f} (chunk {result.best['chunk']})")
        if certified:
            click.echo(f"certified: {result.witness['statement']}")
            click.echo(f"  [{result.check.detail}]")
        else:
            click.echo("nothing certified" + (f": {result.check.detail}" if result.check is not None else ""))
        if out:
            click.echo(f"witness written to {out} (re-check: natlat verify-bound {out})")
    raise Exit(EXIT_OK if certified else 3)


@click.command("verify-bound", short_help="Re-check a lower-bound witness file independently.",
               epilog="Exit codes: 0 the bound is certified (holds), 1 the witness does not support its claim "
                      "(violated), 2 bad input, 3 undecided.")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--precision", default=128, show_default=True, type=click.IntRange(min=32, max=4096),
              help="arb working precision in bits.")
@click.option("--timeout", default=300.0, show_default=True, type=Seconds(0.1),
              help="Seconds for the check; past it the answer is undecided (exit 3).")
@json_opt
@guarded
def verify_bound(file, precision, timeout, as_json):
    """Re-check FILE, a witness written by `natlat experiment ... --out FILE`.

    The checker reads only the exact distribution (and latent) in FILE and recomputes
    T(P) over every partition of the support and the latent's score with arb balls;
    'holds' means claim <= T_lower / score_upper, a certified lower bound on the constant
    named in the file's statement."""
    from ..openproblems.bound_checker import check_witness
    from ..verdicts import Truth

    data = read_json_file(file, "witness")
    with working("re-checking the bound (every partition of the support, arb balls)"):
        result = check_witness(data, precision=precision)
    if as_json:
        emit_json({**result.to_json(), "statement": data.get("statement")}, "bound_check")
    else:
        click.echo(f"{result.truth}: claim {data.get('claim')} for {result.problem}")
        click.echo(f"  {result.detail}")
        if result.truth == Truth.HOLDS and data.get("statement"):
            click.echo(f"  certified: {data['statement']}")
    raise Exit(Truth(result.truth).exit_code)


COMMANDS = (experiment, verify_bound)
