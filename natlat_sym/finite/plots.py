"""Pictures of finite instances (matplotlib, Agg backend, no display).

Concept
-------
Two pictures people would rather look at than read:

* :func:`plot_error_frontier` — the mediation–redundancy error frontier of a
  distribution's deterministic latents (spec T20): every partition of the
  support as a point (mediation ``TC(X|Λ)`` against summed redundancy
  ``Σ H(Λ|X_{−i})``, coloured by ``H(Λ)``), the Pareto frontier as a line,
  and the optimal deterministic (``T``) and stochastic (``τ``) natural
  latents marked.
* :func:`plot_information_diagram` — a three-set Venn diagram of three
  variables with the values (bits) of its 7 atoms; the centre atom is the
  co-information ``I(A;B;C)``, which may be negative.

Both write PNG or SVG (by the file extension) atomically — a temporary
file in the same folder, then a rename — and return the path.

Examples
--------
>>> import os, tempfile
>>> from natlat_sym.finite.distribution import Distribution
>>> d = Distribution.from_array([[[0.25, 0], [0, 0.25]], [[0, 0.25], [0.25, 0]]], ["A", "B", "C"])
>>> path = plot_information_diagram(d, os.path.join(tempfile.mkdtemp(), "xor.svg"))
>>> path.endswith("xor.svg") and os.path.getsize(path) > 0
True
"""

from __future__ import annotations

import os
from collections.abc import Sequence

# The object-oriented API (a Figure with no pyplot) needs no backend switch:
# importing this module changes no process-wide matplotlib state.
from matplotlib.figure import Figure
from matplotlib.patches import Circle

from ..errors import DistributionError
from ..files import write_file
from .natural import best_deterministic_latent, best_stochastic_latent, error_frontier

__all__ = ["plot_error_frontier", "plot_information_diagram", "information_atoms"]


def _save(fig, path) -> str:
    path = os.fspath(path)
    ext = os.path.splitext(path)[1].lower()
    if ext not in (".png", ".svg"):
        raise DistributionError(f"plot file must end in .png or .svg, got {path!r}")
    write_file(path, lambda fh: fig.savefig(fh, format=ext[1:], bbox_inches="tight"), what="plot")
    return path


def plot_error_frontier(dist, path, observables: Sequence[str] | None = None, *, seed: int = 0,
                        max_cells: int = 10, stochastic: bool = True) -> str:
    """Scatter of all deterministic latents, their Pareto frontier, and the
    optimal deterministic / stochastic natural latents; returns ``path``."""
    fr = error_frontier(dist, observables, max_cells=max_cells)
    det = best_deterministic_latent(dist, observables, max_cells=max_cells)
    fig = Figure(figsize=(6, 4.5))
    ax = fig.subplots()
    sc = ax.scatter(fr.mediation, fr.redundancy, c=fr.entropy, s=12, cmap="viridis", alpha=0.7,
                    label="deterministic latents")
    fig.colorbar(sc, ax=ax, label="H(Λ) [bits]")
    p = fr.pareto
    ax.plot(fr.mediation[p], fr.redundancy[p], "-", color="black", lw=1.2, label="Pareto frontier")
    ax.plot([det.mediation], [sum(det.redundancy)], "s", ms=10, mfc="none", mec="red",
            label=f"best deterministic T = {det.score:.3g}")
    if stochastic:
        sto = best_stochastic_latent(dist, observables, seed=seed, max_cells=max_cells)
        ax.plot([sto.mediation], [sum(sto.redundancy)], "*", ms=12, color="orange",
                label=f"best stochastic τ = {sto.score:.3g}")
    names = ",".join(fr.observables)
    ax.set_xlabel(f"mediation error TC({names}|Λ) [bits]")
    ax.set_ylabel("redundancy error Σ H(Λ|X₋ᵢ) [bits]")
    ax.set_title("Mediation–redundancy error frontier")
    ax.legend(fontsize=8)
    return _save(fig, path)


def information_atoms(dist, names: Sequence[str] | None = None) -> dict:
    """The 7 atoms of the information diagram of three variables (bits):
    keys like ``"H(A|B,C)"``, ``"I(A;B|C)"``, ``"I(A;B;C)"``."""
    names = tuple(names) if names is not None else tuple(dist.names)
    if len(names) != 3 or len(set(names)) != 3:
        raise DistributionError(f"an information diagram needs three distinct variables, got {names}")
    a, b, c = names
    H = lambda *s: dist.entropy(list(s)) if s else 0.0
    atoms = {
        f"H({a}|{b},{c})": H(a, b, c) - H(b, c),
        f"H({b}|{a},{c})": H(a, b, c) - H(a, c),
        f"H({c}|{a},{b})": H(a, b, c) - H(a, b),
        f"I({a};{b}|{c})": H(a, c) + H(b, c) - H(a, b, c) - H(c),
        f"I({a};{c}|{b})": H(a, b) + H(b, c) - H(a, b, c) - H(b),
        f"I({b};{c}|{a})": H(a, b) + H(a, c) - H(a, b, c) - H(a),
    }
    atoms[f"I({a};{b};{c})"] = H(a) + H(b) - H(a, b) - atoms[f"I({a};{b}|{c})"]
    return {k: (0.0 if abs(v) < 1e-12 else float(v)) for k, v in atoms.items()}


def plot_information_diagram(dist, path, names: Sequence[str] | None = None) -> str:
    """Three-set Venn diagram with the 7 atom values; returns ``path``."""
    names = tuple(names) if names is not None else tuple(dist.names)
    atoms = information_atoms(dist, names)
    vals = list(atoms.values())
    fig = Figure(figsize=(5, 5))
    ax = fig.subplots()
    centres = [(-0.5, 0.35), (0.5, 0.35), (0.0, -0.5)]
    for (x, y), n, col in zip(centres, names, ("tab:blue", "tab:orange", "tab:green")):
        ax.add_patch(Circle((x, y), 0.9, alpha=0.25, color=col))
        ax.text(x * 2.1, y * 2.1 + (0.25 if y > 0 else -0.2), n, ha="center", fontsize=13, weight="bold")
    spots = [(-0.85, 0.6), (0.85, 0.6), (0.0, -0.95), (0.0, 0.7), (-0.55, -0.25), (0.55, -0.25), (0.0, 0.05)]
    for (x, y), v in zip(spots, vals):
        ax.text(x, y, f"{v:.3g}", ha="center", va="center", fontsize=11)
    ax.set_xlim(-1.7, 1.7)
    ax.set_ylim(-1.7, 1.6)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(f"Information diagram of {', '.join(names)} (bits)")
    return _save(fig, path)
