"""Colours and labels for computed theorem statuses (the blueprint's two channels).

Every node of the dependency graph, and every status badge, is coloured from
*computed* data only: the :class:`~natlat_sym.catalog.Status` that
``check_theorem`` returned during this build, and whether the statement's
declared dependencies resolve.  Following leanblueprint's depgraph, two
channels carry two facts:

* **fill = proof status** — what running the theorem's obligations gave:
  ``tight``, ``certified``, ``checked``, ``refuted`` (false: a distribution
  violates it), ``not_provable`` (only a polymatroid violates it: no
  Shannon-type proof, true or false not decided), ``open``, ``failing``, or
  ``unchecked`` (no page in this build ran it);
* **border = statement status** — ``stated`` (the statement objects were
  built and every id in ``uses`` is a catalog entry), ``dangling`` (some
  ``uses`` id is unknown) or ``broken`` (building or checking raised).

:data:`PROOF_STATUSES` and :data:`STATEMENT_STATUSES` are the single table
from which the CSS, the SVG graph and its legend are all generated.

Examples
--------
>>> proof_colour("certified")
'#a6d96a'
>>> statement_status(uses=("a", "b"), known_ids={"a"}, error=None)
'dangling'
>>> statement_status(uses=("a",), known_ids={"a"}, error=None)
'stated'
"""

from __future__ import annotations

__all__ = ["PROOF_STATUSES", "STATEMENT_STATUSES", "proof_colour", "border_colour",
           "statement_status", "status_css"]

#: proof status -> (fill colour, text colour, meaning); order = legend order.
PROOF_STATUSES: dict[str, tuple[str, str, str]] = {
    "tight": ("#1a9850", "#ffffff", "certified, and the least constants confirmed with a witness"),
    "certified": ("#a6d96a", "#000000", "every claim has an exactly re-checked certificate"),
    "checked": ("#abd9e9", "#000000", "checked on finite instances (exact or certified numerics)"),
    "refuted": ("#c2a5cf", "#000000", "false: a finite distribution violates it, exactly re-checked"),
    "not_provable": ("#bababa", "#000000", "not Shannon-provable: a polymatroid (not a distribution) "
                                           "violates it; true or false is not decided"),
    "open": ("#fee08b", "#000000", "numerical evidence only"),
    "failing": ("#d73027", "#ffffff", "an outcome contradicts its expectation, or an error"),
    "unchecked": ("#f7f7f7", "#000000", "not run in this build"),
}

#: statement status -> (border colour, meaning).
STATEMENT_STATUSES: dict[str, tuple[str, str]] = {
    "stated": ("#1b7837", "statement built from objects; every dependency resolves"),
    "dangling": ("#e08214", "the statement names a dependency that is not in the catalog"),
    "broken": ("#b2182b", "building or checking the entry raised an error"),
}


def proof_colour(status: str) -> str:
    """Fill colour of a proof status (``unchecked`` colour for unknown values)."""
    return PROOF_STATUSES.get(status, PROOF_STATUSES["unchecked"])[0]


def border_colour(status: str) -> str:
    """Border colour of a statement status (``broken`` colour for unknown values)."""
    return STATEMENT_STATUSES.get(status, STATEMENT_STATUSES["broken"])[0]


def statement_status(*, uses, known_ids, error) -> str:
    """``broken`` if ``error``, ``dangling`` if some id in ``uses`` is unknown, else ``stated``."""
    if error:
        return "broken"
    return "dangling" if any(u not in known_ids for u in uses) else "stated"


def status_css() -> str:
    """CSS rules for the status badges, generated from :data:`PROOF_STATUSES`."""
    rules = [f".natlat-status-{name} {{ background: {fill}; color: {text}; }}"
             for name, (fill, text, _) in PROOF_STATUSES.items()]
    return "\n".join(rules) + "\n"
