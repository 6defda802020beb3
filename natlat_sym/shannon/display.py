r"""How proof objects show themselves: plain text, HTML and LaTeX.

Notebook front ends (Jupyter, myst-nb) call ``_repr_html_`` or
``_repr_latex_`` on the last value of a cell; ``print`` calls ``__str__``.
The objects of :mod:`natlat_sym.shannon` delegate to this module so that every
result reads the same way everywhere: the verdict first, then the evidence
(steps and seconds, or the counterexample, or the reason for ``unknown``),
then the derivation as a three-column table ``relation | expression |
justification``.

HTML cells carry LaTeX between ``\(…\)`` inside an element of class
``mathjax_process`` (:func:`html_math`, :func:`math_block`): Jupyter's
MathJax typesets it, and so does the docs' MathJax inside the executed
notebooks (whose sections myst-nb marks ``mathjax_ignore``, and where ``$``
is not a delimiter); a plain browser shows readable TeX.

Examples
--------
>>> from natlat_sym import prove
>>> result = prove("H(X|Y) <= H(X)")
>>> print(result)
proved: H(X|Y) <= H(X)  (certificate of 1 term, ... s, engine auto)
H(X|Y)
  <= H(X)    [I(X;Y) >= 0]
>>> "<table" in result._repr_html_()
True
"""

from __future__ import annotations

from html import escape

__all__ = ["proof_result_text", "proof_result_html", "proof_result_latex", "html_table", "html_math",
           "math_block", "statement_html", "latex_text"]

#: Beyond this many certificate steps the notebook view omits the chain
#: (rendering it would cost more than the proof); ``result.derivation()``
#: still gives it.
MAX_SHOWN_STEPS = 40


def html_math(text: str) -> str:
    r"""HTML for text with LaTeX between ``$…$``: the text escaped, each
    ``$…$`` written ``\(…\)`` (the delimiter every MathJax set-up reads).

    >>> html_math("hypothesis h1: $I(X ; Z \\mid Y) = 0$ & more")
    'hypothesis h1: \\(I(X ; Z \\mid Y) = 0\\) &amp; more'
    """
    pieces = text.split("$")
    if len(pieces) % 2 == 0:  # an odd number of dollars: not math, show the text as it is
        return escape(text)
    return "".join(escape(p) if k % 2 == 0 else r"\(" + escape(p) + r"\)" for k, p in enumerate(pieces))


def math_block(html: str) -> str:
    """``html`` inside a ``<div class="natlat-output mathjax_process">``, so
    that MathJax typesets it even inside a region marked to be skipped."""
    return f'<div class="natlat-output mathjax_process">{html}</div>'


def statement_html(statement) -> str:
    """A statement or relation as typeset LaTeX; its textbook text is the
    tooltip (and what a screen reader or a browser without MathJax shows
    on hover)."""
    return math_block(f'<span class="natlat-statement" title="{escape(str(statement))}">'
                      + html_math(f"${statement.latex()}$") + "</span>")


def html_table(header, rows, *, caption: str = "") -> str:
    """A small HTML table; cells are escaped unless they are ``Markup``-like
    (a tuple ``("raw", html)``)."""

    def cell(c, tag):
        if isinstance(c, tuple) and len(c) == 2 and c[0] == "raw":
            return f"<{tag}>{c[1]}</{tag}>"
        return f"<{tag}>{escape(str(c))}</{tag}>"

    out = ['<table class="natlat-table">']
    if caption:
        out.append(f"<caption>{escape(caption)}</caption>")
    if header:
        out.append("<thead><tr>" + "".join(cell(h, "th") for h in header) + "</tr></thead>")
    out.append("<tbody>")
    for r in rows:
        out.append("<tr>" + "".join(cell(c, "td") for c in r) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _headline(result) -> str:
    verdict = str(result.verdict)
    stmt = result.statement if result.statement is not None else (
        result.certificate.statement if result.certificate is not None else "")
    bits = []
    if result.certificate is not None:
        bits.append(f"certificate of {result.steps} term{'s' if result.steps != 1 else ''}")
    bits.append(f"{result.seconds:.3g} s")
    if result.engine:
        bits.append(f"engine {result.engine}")
    return f"{verdict}: {stmt}  ({', '.join(bits)})" if stmt else f"{verdict}  ({', '.join(bits)})"


def _shown_derivation(result):
    if result.certificate is None or result.certificate.steps() > MAX_SHOWN_STEPS:
        return None
    try:
        return result.derivation()
    except Exception:  # noqa: BLE001 - display must never raise
        return None


def proof_result_text(result) -> str:
    """Verdict line, then the derivation or the counterexample or the reason."""
    lines = [_headline(result)]
    d = _shown_derivation(result)
    if d is not None:
        lines.append(d.text())
    if result.witness is not None:
        if result.distribution is not None:
            lines.append("counterexample distribution:")
            lines.append(str(result.distribution))
        else:
            lines.append("violating polymatroid (exact): " + result.witness.describe())
    if result.note:
        lines.append(result.note)
    if result.reason:
        lines.append("reason: " + result.reason)
    return "\n".join(lines)


def proof_result_html(result) -> str:
    parts = [f"<p><strong>{escape(str(result.verdict))}</strong>"]
    stmt = result.statement
    if stmt is not None and hasattr(stmt, "latex"):
        parts.append(": " + html_math(f"${stmt.latex()}$"))
    elif result.certificate is not None:
        parts.append(": " + escape(result.certificate.statement))
    extra = []
    if result.certificate is not None:
        extra.append(f"{result.steps} step{'s' if result.steps != 1 else ''}")
    extra.append(f"{result.seconds:.3g} s")
    parts.append(f" <small>({escape(', '.join(extra))})</small></p>")
    d = _shown_derivation(result)
    if d is not None:
        parts.append(d._repr_html_())
    if result.distribution is not None:
        html = getattr(result.distribution, "_repr_html_", None)
        parts.append("<p>counterexample distribution:</p>" + (html() if callable(html) else
                                                              f"<pre>{escape(str(result.distribution))}</pre>"))
    for label, text in (("note", result.note), ("reason", result.reason)):
        if text:
            parts.append(f"<p><em>{label}:</em> {escape(text)}</p>")
    return math_block("".join(parts))


def latex_text(text: str) -> str:
    r"""``text`` as LaTeX text (its special characters escaped), for ``\text{…}``.

    >>> latex_text("x_1 & 50%")
    'x\\_1 \\& 50\\%'
    """
    return "".join({"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "_": r"\_",
                    "&": r"\&", "%": r"\%", "#": r"\#", "^": r"\^{}", "~": r"\~{}"}.get(c, c) for c in text)


def proof_result_latex(result) -> str:
    r"""The verdict and statement in LaTeX, then the derivation (``aligned``)
    or the counterexample distribution (``array``), for ``_repr_latex_``.

    Examples
    --------
    >>> from natlat_sym import prove
    >>> print(proof_result_latex(prove("H(X|Y) <= H(X)")))
    $\textbf{proved}:\; H(X \mid Y) \le H(X)$
    $$\begin{aligned}
    H(X \mid Y) \\
      &\le H(X) && \text{$I(X ; Y) \ge 0$}
    \end{aligned}$$
    """
    stmt = result.statement
    head = rf"\textbf{{{latex_text(str(result.verdict).replace('_', ' '))}}}"
    if stmt is not None and hasattr(stmt, "latex"):
        head += r":\; " + stmt.latex()
    elif result.certificate is not None:
        head += r":\; \text{" + latex_text(result.certificate.statement) + "}"
    parts = [f"${head}$"]
    d = _shown_derivation(result)
    if d is not None:
        parts.append(d._repr_latex_())
    if result.distribution is not None:
        latex = getattr(result.distribution, "_repr_latex_", None)
        if callable(latex):
            parts.append(r"$\text{counterexample distribution:}$")
            parts.append(latex())
    for label, text in (("note", result.note), ("reason", result.reason)):
        if text:
            parts.append(rf"$\textit{{{label}:}}\ \text{{{latex_text(text)}}}$")
    return "\n".join(parts)
