"""Turn a theorem and its check report into a plain-JSON *summary* for rendering.

The theorem directive never renders live result objects: it first reduces
``(Theorem, TheoremReport)`` to a summary made of strings, numbers, lists and
dicts, which is what the on-disk cache stores and what the page, the graph,
the status table and ``theorems.json`` are built from.  So a cached page and
a freshly checked page are rendered by exactly the same code.

Glossary
--------
summary
    ``{"id", "title", "spec_id", "kind", "reference", "informal", "uses",
    "proof_uses", "uses_computed", "source_path", "status", "ok", "seconds",
    "error", "statements", "obligations", "coq_modules", "coq_error"}``.
obligation summary
    ``{"kind", "description", "expect", "outcome", "ok", "seconds",
    "detail", "statement", "certificate", "derivation", "tight", "tables"}``;
    ``tight`` is a list of ``[coefficient, least value found, value claimed]``;
    ``statement`` is LaTeX; ``derivation`` is ``{"latex", "rows"}``; each
    table is ``{"caption", "header", "rows"}`` of strings.

Public functions: :func:`summarize`, :func:`summarize_error`.
"""

from __future__ import annotations

from fractions import Fraction

from natlat_sym.coq.catalog import entry_modules, not_exported
from natlat_sym.shannon.derivation import render_terms

__all__ = ["summarize", "summarize_error"]


def _theorem_fields(theorem) -> dict:
    obligations = tuple(getattr(theorem, "obligations", ()))
    statements = []
    main = getattr(theorem, "statements", None)
    for st in (main if main is not None else [getattr(ob, "statement", None) for ob in obligations]):
        latex = _statement_latex(st)
        if latex and latex not in statements:
            statements.append(latex)
    return {
        "id": theorem.id,
        "title": getattr(theorem, "title", theorem.id),
        "spec_id": getattr(theorem, "spec_id", ""),
        "kind": getattr(theorem, "kind", "theorem"),
        "reference": getattr(theorem, "reference", ""),
        "informal": getattr(theorem, "informal", "") or "",
        "uses": list(getattr(theorem, "uses", ())),
        "proof_uses": list(getattr(theorem, "proof_uses", ())),
        "source_path": str(getattr(theorem, "source_path", "") or ""),
        "test_id": getattr(theorem, "test_id", "") or
                   f"tests/catalog/test_proofs.py::test_theorem_checks[{theorem.id}]",
        "statements": statements,
    }


def summarize_error(theorem, message: str) -> dict:
    """Summary of a theorem whose check raised: status ``failing``, ``error`` set."""
    out = _theorem_fields(theorem)
    out.update(status="failing", ok=False, seconds=0.0, error=message, reason=message, uses_computed=[],
               obligations=[_obligation_fields(ob) for ob in getattr(theorem, "obligations", ())])
    return out


def summarize(theorem, report) -> dict:
    """Summary of a finished check (``report`` from ``check_theorem``)."""
    out = _theorem_fields(theorem)
    status = getattr(report.status, "value", report.status)
    results = tuple(getattr(report, "results", ()))
    obligations = tuple(getattr(theorem, "obligations", ()))
    rows = []
    for k, res in enumerate(results):
        ob = getattr(res, "obligation", None) or (obligations[k] if k < len(obligations) else None)
        row = _obligation_fields(ob)
        row.update(_result_fields(res))
        if getattr(res, "statement_latex", ""):
            row["statement"] = res.statement_latex
        rows.append(row)
    out.update(status=str(status), ok=bool(report.ok), seconds=round(float(report.seconds), 3),
               error=None, reason=str(getattr(report, "reason", "") or ""), uses_computed=[str(u) for u in getattr(report, "uses_computed", ())],
               obligations=rows)
    out.update(_coq_fields(report, str(status)))
    return out


def _coq_fields(report, status: str) -> dict:
    """``coq_modules``: ``[name, Coq text]`` of the entry's kernel-checkable
    theorems (certified and tight entries; see :mod:`natlat_sym.coq.catalog`),
    or ``coq_error`` when the export itself failed."""
    if status not in ("certified", "tight"):
        return {"coq_modules": [], "coq_error": None, "coq_not_exported": []}
    try:
        return {"coq_modules": [list(m) for m in entry_modules(report)], "coq_error": None,
                "coq_not_exported": not_exported(report)}
    except Exception as e:  # noqa: BLE001 - an export failure is shown on the page, not a crash
        return {"coq_modules": [], "coq_error": f"{type(e).__name__}: {e}", "coq_not_exported": []}


def _statement_latex(statement) -> str | None:
    if statement is None:
        return None
    latex = getattr(statement, "latex", None)
    return latex() if callable(latex) else str(statement)


def _obligation_fields(ob) -> dict:
    if ob is None:
        return {"kind": "", "description": "", "expect": "", "statement": None}
    return {"kind": str(getattr(ob, "kind", "")), "description": str(getattr(ob, "description", "")),
            "expect": str(getattr(ob, "expect", "")),
            "statement": _statement_latex(getattr(ob, "statement", None))}


def _first(obj, *names):
    for n in names:
        v = getattr(obj, n, None)
        if v is not None:
            return v
    return None


def _result_fields(res) -> dict:
    cert = getattr(res, "certificate", None)
    values, claimed = dict(getattr(res, "values", {}) or {}), dict(getattr(res, "claimed", {}) or {})
    tables = []
    for label, attr in (("Witness", "witness"), ("Distribution", "distribution")):
        obj = getattr(res, attr, None)
        if obj is not None:
            tables.append(_table_of(obj, label))
    sizes = getattr(res, "sizes", None)
    return {
        "outcome": str(_first(res, "outcome", "verdict") or ""),
        "ok": bool(getattr(res, "ok", False)),
        "seconds": round(float(getattr(res, "seconds", 0.0) or 0.0), 3),
        "detail": str(getattr(res, "detail", "") or ""),
        "sizes": str(sizes) if sizes else "",
        "certificate": cert.digest() if hasattr(cert, "digest") else None,
        "certificate_steps": cert.steps() if hasattr(cert, "steps") else None,
        "derivation": _derivation_of(getattr(res, "derivation", None)),
        "tight": [[str(k), str(values.get(k, "")), str(claimed.get(k, ""))]
                  for k in sorted(set(values) | set(claimed))] or None,
        "supporting": bool(getattr(res, "supporting", False)),
        "tables": [t for t in tables if t],
    }


def _derivation_of(derivation) -> dict | None:
    """``{"latex", "text", "rows"}``; each row ``[step, relation (LaTeX), expression (LaTeX), justification]``.

    Reads ``Derivation.chains`` (start terms, then steps with ``relation``,
    ``expression``, ``reason``) when present, else ``Derivation.steps``."""
    if derivation is None:
        return None
    latex = derivation.latex() if callable(getattr(derivation, "latex", None)) else None
    text = derivation.text() if callable(getattr(derivation, "text", None)) else None
    rows: list[list[str]] = []
    chains = getattr(derivation, "chains", None)
    if chains:
        for k, (start, steps) in enumerate(chains):
            if len(chains) > 1:
                rows.append(["", "", "", "(≤ direction)" if k == 0 else "(≥ direction)"])
            rows.append(["", "", _terms_latex(start), "left-hand side"])
            for n, step in enumerate(steps, start=1):
                rel = r"\le" if getattr(step, "relation", "") == "<=" else "="
                reason = str(getattr(step, "latex_reason", "") or getattr(step, "reason", ""))
                rows.append([str(n), rel, _terms_latex(step.expression), reason])
    else:
        for n, step in enumerate(getattr(derivation, "steps", ()) or (), start=1):
            expr = _first(step, "latex", "expression", "text")
            expr = expr() if callable(expr) else expr
            rel = r"\le" if getattr(step, "relation", "") == "<=" else ("=" if hasattr(step, "relation") else "")
            rows.append([str(n), rel, str(expr if expr is not None else step),
                         str(_first(step, "justification", "reason") or "")])
    return {"latex": latex, "rows": rows, "text": text}


def _terms_latex(terms) -> str:
    """LaTeX of a derivation's textbook terms ``((coefficient, quantity), ...)``."""
    try:
        return render_terms(terms, latex=True)
    except Exception:  # renderer unavailable: fall back to plain quantities
        return " + ".join(f"{c} {getattr(q, 'quantity', lambda: q)()}" for c, q in terms) or "0"


def _fmt(x) -> str:
    if isinstance(x, Fraction):
        return str(x)
    if isinstance(x, float):
        return f"{x:.6g}"
    return str(x)


def _table_of(obj, label: str) -> dict | None:
    """A table for a finite distribution (``items()``) or a polymatroid witness (``entropies``)."""
    if hasattr(obj, "items") and hasattr(obj, "names") and callable(obj.items):
        rows = [[_fmt(v) for v in outcome] + [_fmt(p)] for outcome, p in obj.items()]
        latents = set(getattr(obj, "latents", ()) or ())
        header = [n + (" (latent)" if n in latents else "") for n in obj.names] + ["P"]
        return {"caption": f"{label}: joint distribution of {', '.join(obj.names)} (support only)",
                "header": header, "rows": rows, "math_header": False}
    entropies = getattr(obj, "entropies", None)
    if isinstance(entropies, dict) or hasattr(entropies, "items"):
        items = sorted(entropies.items(), key=lambda kv: (len(kv[0]), sorted(kv[0])))
        rows = [["H(" + ",".join(sorted(s)) + ")", _fmt(v)] for s, v in items]
        rows += [[p, _fmt(v)] for p, v in sorted(dict(getattr(obj, "parameters", {}) or {}).items())]
        return {"caption": f"{label}: exact entropy vector (a polymatroid: a point of the Shannon cone, not a distribution)",
                "header": ["quantity", "value"], "rows": rows, "math_header": False}
    return None
