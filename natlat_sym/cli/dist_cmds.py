"""``natlat dist``: write a standard family distribution to a file.

The families are those of :mod:`natlat_sym.finite.families`; parameters are
given as ``--param NAME=VALUE`` and kept exact (``p=0.1`` means exactly
1/10), so the file holds an exact distribution that ``natlat eval``,
``naturality`` and the Python API read back unchanged.

Each command imports the library parts it runs inside its own body, on
purpose: ``natlat --help`` starts in about 0.1 s, while importing
``natlat_sym.catalog`` or ``natlat_sym.finite`` costs about 1.2 s and sympy
about 0.45 s (``python3 -X importtime``), and ``natlat prove`` on a text
statement needs neither.
"""

from __future__ import annotations

import inspect

import click

from ._common import EXIT_OK, Exit, distribution_table, dump_json, emit_json, fail, guarded, write_atomic

#: Family name on the command line -> builder in natlat_sym.finite.families.
FAMILIES = {
    "dsbs": "dsbs",
    "noisy-copies": "noisy_copies",
    "parity": "parity",
    "xor": "xor",
    "binary-erasure": "binary_erasure",
    "uniform": "uniform",
}


def _builder(family: str):
    from ..finite import families

    return getattr(families, FAMILIES[family])


def _convert(fn, family: str, raw: dict) -> dict:
    """Typed keyword arguments for ``fn`` from ``NAME=VALUE`` texts."""
    sig = inspect.signature(fn)
    allowed = {p.name: p for p in sig.parameters.values() if p.name != "names"}
    out = {}
    for name, text in raw.items():
        if name not in allowed:
            raise fail(f"--param {name}={text}: {family} has no parameter {name!r} "
                       f"(parameters: {', '.join(allowed) or 'none'})")
        p = allowed[name]
        kind = p.annotation if isinstance(p.annotation, str) else getattr(p.annotation, "__name__", "")
        try:
            if "Sequence[int]" in kind:
                out[name] = [int(v) for v in text.split(",")]
            elif kind == "int" or isinstance(p.default, int) and not isinstance(p.default, bool):
                out[name] = int(text)
            elif kind == "bool" or isinstance(p.default, bool):
                out[name] = text.lower() in ("1", "true", "yes")
            else:
                out[name] = text  # numbers stay text: families read "1/10" and "0.1" exactly
        except ValueError:
            raise fail(f"--param {name}={text}: expected {'integers like 2,3' if 'Sequence' in kind else 'an integer'}"
                       ) from None
    missing = [p.name for p in allowed.values() if p.default is inspect.Parameter.empty and p.name not in out
               and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
    if missing:
        raise fail(f"{family} needs --param {missing[0]}=VALUE")
    return out


@click.command(name="dist", short_help="Write a family distribution (DSBS, noisy copies, XOR, ...) to a file.",
               epilog="Families and parameters: dsbs(p); noisy-copies(n, p, k=2, noise=flip|uniform, latent=L, "
                      "include_latent=true); parity(n=3, k=2); xor(); binary-erasure(e, prior=1/2); "
                      "uniform(sizes=2,3).  Exit codes: 0 written, 2 bad input.")
@click.argument("family", type=click.Choice(list(FAMILIES)), metavar="FAMILY")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the family, e.g. p=0.1 (exact: 1/10), n=3, k=2; repeat for several.")
@click.option("--names", metavar="X1,X2,...", help="Variable names (default: the family's).")
@click.option("-o", "--out", "out", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write the distribution (JSON) to FILE; without it the JSON goes to standard output.")
@click.option("--json", "as_json", is_flag=True, help="Print the distribution JSON (the default without -o).")
@guarded
def dist(family, params, names, out, as_json):
    """Build the FAMILY distribution and write it as a natlat distribution file.

    \b
    Examples:
      natlat dist dsbs --param p=0.1 -o dsbs.json
      natlat dist noisy-copies --param n=3 --param p=1/10 -o copies.json
      natlat dist xor -o xor.json
    """
    from ..finite.io import distribution_to_json

    fn = _builder(family)
    raw = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise fail(f"--param expects NAME=VALUE, got {item!r}")
        raw[name.strip()] = value.strip()
    kwargs = _convert(fn, family, raw)
    if names:
        kwargs["names"] = [n.strip() for n in names.split(",") if n.strip()]
    d = fn(**kwargs)
    text = dump_json(distribution_to_json(d)) + "\n"
    if out:
        write_atomic(out, text)
        if as_json:
            emit_json(distribution_to_json(d))
        else:
            click.echo(f"{family} distribution over {', '.join(d.names)} "
                       f"({'exact' if d.is_exact else 'float'}) written to {out}")
            click.echo(distribution_table(d))
    else:
        click.echo(text, nl=False)
    raise Exit(EXIT_OK)


COMMANDS = (dist,)
