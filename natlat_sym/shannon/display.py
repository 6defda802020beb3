"""How proof objects show themselves: plain text, HTML and LaTeX.

Notebook front ends (Jupyter, myst-nb) call ``_repr_html_`` or
``_repr_latex_`` on the last value of a cell; ``print`` calls ``__str__``.
The objects of :mod:`natlat_sym.shannon` delegate to this module so that every
result reads the same way everywhere: the verdict first, then the evidence
(steps and seconds, or the counterexample, or the reason for ``unknown``),
then the derivation as a three-column table ``relation | expression |
justification``.

HTML cells carry LaTeX between ``$…$``: Jupyter and the docs' MathJax
typeset it; a plain browser shows readable TeX.

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

__all__ = ["proof_result_text", "proof_result_html", "html_table"]

#: Beyond this many certificate steps the notebook view omits the chain
#: (rendering it would cost more than the proof); ``result.derivation()``
#: still gives it.
MAX_SHOWN_STEPS = 40


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
            lines.append("violating polymatroid: " + str(result.witness.to_json().get("entropies", "")))
    if result.note:
        lines.append(result.note)
    if result.reason:
        lines.append("reason: " + result.reason)
    return "\n".join(lines)


def proof_result_html(result) -> str:
    parts = [f"<p><strong>{escape(str(result.verdict))}</strong>"]
    stmt = result.statement
    if stmt is not None and hasattr(stmt, "latex"):
        parts.append(f": ${escape(stmt.latex())}$")
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
    return "".join(parts)
