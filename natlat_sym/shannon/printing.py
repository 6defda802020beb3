"""Textbook and LaTeX notation for information expressions.

One table fixes the notation everywhere (CLI, derivations, docs):

==================  ======================  =============================
quantity            text                    LaTeX
==================  ======================  =============================
entropy             ``H(X1,X2|L)``          ``H(X_{1}, X_{2} \\mid L)``
mutual information  ``I(X1;X2|L)``          ``I(X_{1} ; X_{2} \\mid L)``
total correlation   ``TC(X1;X2;X3|L)``      ``\\mathrm{TC}(X_{1} ; … \\mid L)``
dual total corr.    ``DTC(X1;X2;X3|L)``     ``\\mathrm{DTC}(…)``
==================  ======================  =============================

Variable names map to LaTeX by two rules: a trailing number becomes a
subscript (``X12`` → ``X_{12}``, ``X_A`` → ``X_{A}``), and Greek names,
spelled out or as Unicode, become Greek letters (``Lambda`` and ``Λ`` →
``\\Lambda``, ``eps`` → ``\\varepsilon``).

:func:`to_text` and :func:`to_latex` print sympy expressions built from
:mod:`natlat_sym.shannon.measures` *in the order they were written* (the
parser builds unevaluated sums), so parsing and printing round-trip.

Examples
--------
>>> latex_name("X12"), latex_name("Lambda"), latex_name("Γ2"), latex_name("eps")
('X_{12}', '\\\\Lambda', '\\\\Gamma_{2}', '\\\\varepsilon')
"""

from __future__ import annotations

import re

from .linear import natural_key

__all__ = ["latex_name", "latex_names", "to_text", "to_latex", "LATEX_MACROS"]

_GREEK = {
    "alpha": r"\alpha", "beta": r"\beta", "gamma": r"\gamma", "delta": r"\delta",
    "epsilon": r"\varepsilon", "eps": r"\varepsilon", "zeta": r"\zeta", "eta": r"\eta",
    "theta": r"\theta", "kappa": r"\kappa", "lambda": r"\lambda", "lam": r"\lambda", "mu": r"\mu",
    "nu": r"\nu", "xi": r"\xi", "pi": r"\pi", "rho": r"\rho", "sigma": r"\sigma", "tau": r"\tau",
    "phi": r"\phi", "chi": r"\chi", "psi": r"\psi", "omega": r"\omega",
    "Gamma": r"\Gamma", "Delta": r"\Delta", "Theta": r"\Theta", "Lambda": r"\Lambda",
    "Xi": r"\Xi", "Pi": r"\Pi", "Sigma": r"\Sigma", "Phi": r"\Phi", "Psi": r"\Psi", "Omega": r"\Omega",
}
_UNICODE_GREEK = {
    "α": r"\alpha", "β": r"\beta", "γ": r"\gamma", "δ": r"\delta", "ε": r"\varepsilon",
    "ζ": r"\zeta", "η": r"\eta", "θ": r"\theta", "κ": r"\kappa", "λ": r"\lambda", "μ": r"\mu",
    "ν": r"\nu", "ξ": r"\xi", "π": r"\pi", "ρ": r"\rho", "σ": r"\sigma", "τ": r"\tau",
    "φ": r"\phi", "χ": r"\chi", "ψ": r"\psi", "ω": r"\omega", "Γ": r"\Gamma", "Δ": r"\Delta",
    "Θ": r"\Theta", "Λ": r"\Lambda", "Ξ": r"\Xi", "Π": r"\Pi", "Σ": r"\Sigma", "Φ": r"\Phi",
    "Ψ": r"\Psi", "Ω": r"\Omega",
}

#: MathJax/LaTeX macros shared by the docs (``docs/conf.py`` imports this).
LATEX_MACROS = {
    "H": r"\operatorname{H}",
    "I": r"\operatorname{I}",
    "TC": r"\operatorname{TC}",
    "DTC": r"\operatorname{DTC}",
}


def latex_name(name: str) -> str:
    """LaTeX for one variable or parameter name (see module docstring)."""
    m = re.fullmatch(r"(.*?)(?:_?(\d+)|_([A-Za-z0-9]+))", name)
    if m and m.group(1):
        base, sub = m.group(1), m.group(2) or m.group(3)
    else:
        base, sub = name, None
    if base in _GREEK:
        body = _GREEK[base]
    elif base in _UNICODE_GREEK:
        body = _UNICODE_GREEK[base]
    elif len(base) == 1:
        body = base
    else:
        body = r"\mathrm{" + base.replace("_", r"\_") + "}"
    return f"{body}_{{{sub}}}" if sub else body


def latex_names(names) -> str:
    """Comma-separated LaTeX names; sets are printed in natural order."""
    if isinstance(names, (set, frozenset)):
        names = sorted(names, key=natural_key)
    return ", ".join(latex_name(str(n)) for n in names)


# ---------------------------------------------------------------- expression printers
# Imported lazily so that this module stays importable without sympy for
# latex_names (used by the pure-Python certificate objects).

def _number_text(n) -> str:
    from sympy import Rational

    n = Rational(n)
    return str(n.p) if n.q == 1 else f"{n.p}/{n.q}"


def _number_latex(n) -> str:
    from sympy import Rational

    n = Rational(n)
    if n.q == 1:
        return str(n.p)
    sign = "-" if n < 0 else ""
    return rf"{sign}\tfrac{{{abs(n.p)}}}{{{n.q}}}"


def _split_coefficient(term):
    """(numeric coefficient, rest factors) of a product term."""
    from sympy import Mul, Number, S

    if isinstance(term, Number):
        return term, []
    if isinstance(term, Mul):
        coeff = S.One
        rest = []
        for f in term.args:
            if isinstance(f, Number):
                coeff = coeff * f
            else:
                rest.append(f)
        return coeff, rest
    return S.One, [term]


def _print(expr, leaf, number, mul_sign: str, top: bool = True) -> str:
    from sympy import Add, Mul, Number, Symbol

    if isinstance(expr, Add):
        out = []
        for i, t in enumerate(expr.args):
            coeff, rest = _split_coefficient(t)
            neg = coeff < 0
            body = _product(abs(coeff), rest, leaf, number, mul_sign)
            if i == 0:
                out.append(("-" if neg else "") + body)
            else:
                out.append((" - " if neg else " + ") + body)
        s = "".join(out)
        return s if top else f"({s})"
    if isinstance(expr, (Mul, Number)):
        coeff, rest = _split_coefficient(expr)
        body = _product(abs(coeff), rest, leaf, number, mul_sign)
        return ("-" if coeff < 0 else "") + body
    if isinstance(expr, Symbol):
        return leaf(expr)
    return leaf(expr)


def _product(coeff, factors, leaf, number, mul_sign) -> str:
    from sympy import Add

    parts = []
    if coeff != 1 or not factors:
        parts.append(number(coeff))
    for f in factors:
        parts.append(_print(f, leaf, number, mul_sign, top=False) if isinstance(f, Add) else _print(f, leaf, number, mul_sign))
    return mul_sign.join(parts)


def to_text(expr) -> str:
    """Textbook text of an information expression, e.g. ``I(X1;X2|L) + 2*H(M|X1)``.

    Parameters
    ----------
    expr : sympy expression or measure
        Built from :func:`~natlat_sym.H`, :func:`~natlat_sym.I`, ... and
        parameters; :func:`~natlat_sym.parse_expression` reads the text back.

    Returns
    -------
    str

    Examples
    --------
    >>> from natlat_sym import H, I, random_variables
    >>> X1, X2, L = random_variables("X1 X2 L")
    >>> to_text(I(X1, X2, given=L) + 2*H(X1))
    '2*H(X1) + I(X1;X2|L)'
    """
    from sympy import Symbol

    def leaf(e):
        if isinstance(e, Symbol):
            return e.name
        text = getattr(e, "text", None)
        if text is None:
            raise TypeError(f"cannot print {e!r} in textbook notation")
        return text()

    return _print(expr, leaf, _number_text, "*")


def to_latex(expr) -> str:
    r"""LaTeX of an information expression, e.g. ``I(X_{1} ; X_{2} \mid L)``.

    Parameters
    ----------
    expr : sympy expression or measure
        As for :func:`to_text`.

    Returns
    -------
    str
        Math-mode LaTeX, without delimiters.

    Examples
    --------
    >>> from natlat_sym import H, I, random_variables
    >>> X1, X2, L = random_variables("X1 X2 L")
    >>> print(to_latex(I(X1, X2, given=L) + 2*H(X1)))
    2 \, H(X_{1}) + I(X_{1} ; X_{2} \mid L)
    """
    from sympy import Symbol

    def leaf(e):
        if isinstance(e, Symbol):
            return latex_name(e.name)
        tex = getattr(e, "latex", None)
        if tex is None:
            raise TypeError(f"cannot print {e!r} in LaTeX")
        return tex()

    return _print(expr, leaf, _number_latex, r" \, ")
