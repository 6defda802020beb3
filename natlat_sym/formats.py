"""One naming scheme for every JSON document natlat_sym writes.

Every file and every ``--json`` output is one JSON object whose first two
keys say what it is::

    {"format": "natlat_sym.<kind>", "version": 1, ...}

The kinds, each with a JSON Schema (draft 2020-12) shipped in
``natlat_sym/data/<kind>.schema.json`` and published in the docs' *File
formats* page:

=====================  =====================================================
kind                   written by
=====================  =====================================================
``certificate``        ``natlat prove --certificate FILE``, ``Certificate.to_json``
``polymatroid``        refutations: a violating point of the Shannon cone
``distribution``       ``natlat dist``, ``search --out``, ``experiment --out``, ``finite.io.save``
``proof_result``       ``natlat prove --json``
``tightest_result``    ``natlat tightest --json``
``verification``       ``natlat verify --json``
``evaluation``         ``natlat eval EXPR --json``
``instance_verdict``   ``natlat eval STATEMENT --json``
``search_result``      ``natlat search --json``
``exact_decision``     ``natlat decide --json``
``naturality_report``  ``natlat naturality --json``
``catalog_report``     ``natlat check --json``
``catalog_list``       ``natlat list --json``
``theorem``            ``natlat show ID --json``
``experiment_result``  ``natlat experiment --json``
``bound_witness``      ``natlat experiment --out FILE`` (read by ``verify-bound``)
``sweep_checkpoint``   ``natlat experiment --checkpoint FILE`` (read by ``--resume``)
``bound_check``        ``natlat verify-bound --json``
``error``              any command under ``--json`` that fails (stdout, same exit code)
=====================  =====================================================

Readers accept the older names of files that exist in the wild
(:data:`LEGACY_NAMES`: ``"natlat-distribution"``, ``"natlat-bound-witness"``,
``"natlat-sweep-checkpoint"``).

Examples
--------
>>> tagged("error", {"error": {"code": 2, "kind": "bad_input", "message": "no"}})["format"]
'natlat_sym.error'
>>> canonical_format("natlat-distribution")
'natlat_sym.distribution'
>>> sorted(schema("error")["required"])
['error', 'format', 'version']
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

__all__ = ["PREFIX", "VERSION", "KINDS", "LEGACY_NAMES", "format_name", "tagged", "canonical_format",
           "schema", "validate"]

PREFIX = "natlat_sym."
#: Version of every CLI output document (files carry their own version too).
VERSION = 1

KINDS = ("certificate", "polymatroid", "distribution", "proof_result", "tightest_result", "verification",
         "evaluation", "instance_verdict", "search_result", "exact_decision", "naturality_report", "catalog_report",
         "catalog_list", "theorem", "experiment_result", "bound_witness", "sweep_checkpoint", "bound_check",
         "error")

#: Older format names still accepted by the readers.
LEGACY_NAMES = {"natlat-distribution": "natlat_sym.distribution",
                "natlat-bound-witness": "natlat_sym.bound_witness",
                "natlat-sweep-checkpoint": "natlat_sym.sweep_checkpoint"}


def format_name(kind: str) -> str:
    """``"natlat_sym.<kind>"`` for a known kind."""
    if kind not in KINDS:
        raise ValueError(f"unknown document kind {kind!r}")
    return PREFIX + kind


def tagged(kind: str, data: dict, *, version: int = VERSION) -> dict:
    """``data`` with ``format`` and ``version`` first (existing keys are kept
    after them; a ``format`` already present must agree)."""
    name = format_name(kind)
    present = data.get("format")
    if present is not None and canonical_format(present) != name:
        raise ValueError(f"document already tagged {present!r}, not {name!r}")
    out = {"format": name, "version": data.get("version", version)}
    out.update((k, v) for k, v in data.items() if k not in ("format", "version"))
    return out


def canonical_format(name) -> str:
    """The current name of a format, mapping legacy names (anything that is
    not text is returned unchanged, for the caller to refuse).

    >>> canonical_format("natlat-bound-witness"), canonical_format(["x"])
    ('natlat_sym.bound_witness', ['x'])
    """
    return LEGACY_NAMES.get(name, name) if isinstance(name, str) else name


@lru_cache(maxsize=None)
def _schema_text(kind: str) -> str:
    return resources.files("natlat_sym").joinpath("data", f"{kind}.schema.json").read_text(encoding="utf-8")


def schema(kind: str) -> dict:
    """The JSON Schema of one kind of document."""
    format_name(kind)
    return json.loads(_schema_text(kind))


def validate(document: dict) -> str:
    """Validate ``document`` against the schema its ``format`` names (needs
    the ``jsonschema`` package); returns the kind.  Raises
    ``jsonschema.ValidationError`` or ``ValueError``."""
    import jsonschema

    name = canonical_format(document.get("format"))
    if not isinstance(name, str) or not name.startswith(PREFIX):
        raise ValueError(f"not a natlat_sym document: format {document.get('format')!r}")
    kind = name[len(PREFIX):]
    jsonschema.validate(document, schema(kind))
    return kind
