"""A joint pmf's support as a table, in text (``str``) or HTML (notebooks).

Only the first outcomes with positive probability are listed when the
support is large, then a line saying how many more there are.  Exact
probabilities print as fractions, floats with six significant digits.
The functions read only ``names``, ``alphabets``, ``pmf``, ``latents``,
``is_exact`` and ``shape``, so dense and sparse distributions share them.

Examples
--------
>>> from natlat_sym.finite.distribution import Distribution
>>> print(support_text_table(Distribution.from_array([0.25, 0.75], ["X"]), limit=1))
X  P
0  0.25
... 1 more outcomes with positive probability
"""

from __future__ import annotations

from fractions import Fraction
from html import escape

import numpy as np

from ..shannon.display import latex_text
from ..shannon.printing import latex_name

__all__ = ["support_rows", "support_text_table", "support_html_table", "support_latex_table"]


def support_rows(dist, limit: int) -> tuple[list, int]:
    """(the first ``limit`` rows of (labels, probability text), number of support outcomes)."""
    mask = dist.pmf > 0
    idx = np.argwhere(np.asarray(mask, dtype=bool))
    rows = []
    for k in idx[:limit]:
        k = tuple(int(i) for i in k)
        p = dist.pmf[k]
        text = str(p) if isinstance(p, Fraction) else f"{float(p):.6g}"
        rows.append((tuple(str(a[i]) for a, i in zip(dist.alphabets, k)), text))
    return rows, len(idx)


def support_text_table(dist, limit: int) -> str:
    """Columns of labels and the probability, aligned; at most ``limit`` rows."""
    rows, total = support_rows(dist, limit)
    header = (*dist.names, "P")
    table = [header] + [(*labels, p) for labels, p in rows]
    widths = [max(len(str(r[c])) for r in table) for c in range(len(header))]
    lines = ["  ".join(str(v).ljust(w) for v, w in zip(r, widths)).rstrip() for r in table]
    if total > len(rows):
        lines.append(f"... {total - len(rows)} more outcomes with positive probability")
    return "\n".join(lines)


def support_html_table(dist, limit: int) -> str:
    """The same table as HTML (latents marked in the header)."""
    rows, total = support_rows(dist, limit)
    kind = "exact" if dist.is_exact else "float"
    head = "".join(f"<th>{escape(n)}{' (latent)' if n in dist.latents else ''}</th>" for n in dist.names)
    body = "".join("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in labels) + f"<td>{escape(p)}</td></tr>"
                   for labels, p in rows)
    more = (f"<tr><td colspan='{len(dist.names) + 1}'>… {total - len(rows)} more outcomes</td></tr>"
            if total > len(rows) else "")
    return (f'<div class="natlat-output"><table class="natlat-table"><caption>{kind} distribution, shape '
            f"{dist.shape}</caption><thead><tr>{head}<th>P</th></tr></thead><tbody>{body}{more}</tbody></table></div>")



def _latex_label(label: str) -> str:
    """An outcome label in math mode: integers as they are, anything else as escaped text."""
    if label.lstrip("-").isdigit():
        return label
    return r"\text{" + latex_text(label) + "}"


def _latex_probability(text: str) -> str:
    num, slash, den = text.partition("/")
    return rf"\tfrac{{{num}}}{{{den}}}" if slash else text


def support_latex_table(dist, limit: int) -> str:
    r"""The same table as a LaTeX ``array`` (for ``_repr_latex_``): one
    column per variable, a rule, then :math:`P`; exact probabilities as
    fractions.

    Examples
    --------
    >>> from natlat_sym.finite.distribution import Distribution
    >>> d = Distribution.from_dict({(0, "a_b"): "1/2", (1, "c"): "1/2"}, ["X1", "L"])
    >>> print(support_latex_table(d, 40))
    $\begin{array}{cc|c}
    X_{1} & L & P \\ \hline
    0 & \text{a\_b} & \tfrac{1}{2} \\
    1 & \text{c} & \tfrac{1}{2}
    \end{array}$
    """
    rows, total = support_rows(dist, limit)
    head = " & ".join(latex_name(n) for n in dist.names) + r" & P \\ \hline"
    body = [" & ".join([*(_latex_label(v) for v in labels), _latex_probability(p)]) for labels, p in rows]
    if total > len(rows):
        body.append(rf"\multicolumn{{{len(dist.names) + 1}}}{{c}}{{\text{{… {total - len(rows)} more outcomes}}}}")
    spec = "c" * len(dist.names) + "|c"
    return "$\\begin{array}{" + spec + "}\n" + head + "\n" + " \\\\\n".join(body) + "\n\\end{array}$"
