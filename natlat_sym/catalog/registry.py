"""Discover the catalog: one theorem per module in ``proofs/``.

Every ``proofs/<stem>.py`` (files starting with ``_`` are skipped) must
define a module-level ``THEOREM`` (a :class:`~natlat_sym.catalog.theorem.Theorem`)
whose ``id`` equals ``<stem>``.  Adding a theorem is adding one file: the
CLI, the tests and the docs all find it through :func:`load_catalog`.

Errors are one line and name the offending file: a module without
``THEOREM``, two theorems in one module, an id that differs from the file
stem, a duplicate id, a ``uses`` entry naming no catalog id, a module that
fails to import.

Examples
--------
>>> cat = load_catalog()
>>> "redund_determined_of_mediator" in cat.ids()
True
>>> cat.get("redund_determined_of_mediater")
Traceback (most recent call last):
...
natlat_sym.errors.CatalogError: unknown theorem id 'redund_determined_of_mediater'; did you mean 'redund_determined_of_mediator'?
"""

from __future__ import annotations

import difflib
import hashlib
import importlib.util
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ..errors import CatalogError
from .theorem import Theorem

__all__ = ["Catalog", "load_catalog", "default_proofs_path", "spec_order_key"]

_SPEC_PREFIX_ORDER = {"D": 0, "T": 1, "R": 2, "O": 3, "E": 4, "EX": 5}


def default_proofs_path() -> Path:
    """The repository's ``proofs/`` directory (next to the package)."""
    return Path(__file__).resolve().parents[2] / "proofs"


def spec_order_key(theorem: Theorem) -> tuple:
    """Sort key: definitions, theorems, rules, open problems, examples; by number; then id."""
    m = re.match(r"^([A-Z]+)(\d*)([a-z]?)$", theorem.spec_id)
    prefix, num, variant = (m.group(1), int(m.group(2) or 0), m.group(3)) if m else (theorem.spec_id, 0, "")
    return (_SPEC_PREFIX_ORDER.get(prefix, 9), prefix, num, variant, theorem.id)


class Catalog:
    """The loaded theorems, in specification order.

    Attributes
    ----------
    theorems : tuple of Theorem
    """

    def __init__(self, theorems: Iterable[Theorem]):
        theorems = tuple(theorems)
        seen: dict[str, Theorem] = {}
        for t in theorems:
            if t.id in seen:
                raise CatalogError(f"{t.source_path or t.id}: duplicate theorem id {t.id!r} "
                                   f"(also in {seen[t.id].source_path or '?'})")
            seen[t.id] = t
        self.theorems = tuple(sorted(theorems, key=spec_order_key))
        self._by_id = seen
        self._used_by: dict[str, tuple[str, ...]] = {}
        for t in self.theorems:
            for u in (*t.uses, *t.proof_uses):
                if u not in seen:
                    raise CatalogError(f"{t.source_path or t.id}: uses unknown theorem id {u!r}"
                                       + _suggestion(u, seen))
                if t.id not in self._used_by.get(u, ()):
                    self._used_by[u] = self._used_by.get(u, ()) + (t.id,)

    def ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.theorems)

    def get(self, theorem_id: str) -> Theorem:
        """The theorem with this entry id, or the one entry of this spec id.

        Parameters
        ----------
        theorem_id : str
            An entry id (``"redund_determined_of_mediator"``) or a spec id
            (``"T4"``, case-insensitive) that names a single entry.

        Raises
        ------
        CatalogError
            For an unknown name (suggesting close ids), or a spec id with
            several entries (listing them: pick one, or use :meth:`find`).

        Examples
        --------
        >>> from natlat_sym.catalog import load_catalog
        >>> catalog = load_catalog()
        >>> catalog.get("T4").id
        'redund_determined_of_mediator'
        >>> [t.id for t in catalog.find("r3b")]
        ['not_frankenstein_error_le_sum_of_unordered_diagrams']
        """
        found = self.find(theorem_id)
        if len(found) > 1:
            raise CatalogError(f"spec id {theorem_id!r} names {len(found)} entries: "
                               f"{', '.join(t.id for t in found)}; give one of these ids")
        return found[0]

    def find(self, name: str) -> tuple[Theorem, ...]:
        """The entries named by an entry id, or by a spec id (``"T4"``,
        case-insensitive; a spec item may have several entries).

        Raises
        ------
        CatalogError
            When ``name`` is neither (suggesting close ids).
        """
        if not isinstance(name, str):
            raise CatalogError(f"a theorem id is a string, got {type(name).__name__}")
        if name in self._by_id:
            return (self._by_id[name],)
        by_spec = tuple(t for t in self.theorems if t.spec_id.lower() == name.lower())
        if by_spec:
            return by_spec
        raise CatalogError(f"unknown theorem id {name!r}" + _suggestion(name, self._by_id))

    def by_spec_id(self, spec_id: str) -> tuple[Theorem, ...]:
        return tuple(t for t in self.theorems if t.spec_id == spec_id)

    def used_by(self, theorem_id: str) -> tuple[str, ...]:
        """Ids of the entries whose declared ``uses``/``proof_uses`` name ``theorem_id``."""
        return self._used_by.get(self.get(theorem_id).id, ())

    def __iter__(self) -> Iterator[Theorem]:
        return iter(self.theorems)

    def __len__(self) -> int:
        return len(self.theorems)

    def __contains__(self, theorem_id) -> bool:
        return theorem_id in self._by_id

    def __repr__(self) -> str:
        return f"Catalog({len(self)} theorems)"

    def to_json(self) -> list[dict]:
        return [dict(t.to_json(), used_by=list(self.used_by(t.id))) for t in self.theorems]


def _suggestion(name: str, ids) -> str:
    close = difflib.get_close_matches(name, list(ids), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


def _import_file(path: Path, package: str | None):
    """Import ``path`` under a private module name (the ``proofs`` package
    name when loading the repository's catalog)."""
    if package:
        modname = f"{package}.{path.stem}"
    else:
        digest = hashlib.sha256(str(path.parent).encode()).hexdigest()[:10]
        modname = f"_natlat_catalog_{digest}.{path.stem}"
    if modname in sys.modules and getattr(sys.modules[modname], "__file__", None) == str(path):
        return sys.modules[modname]
    spec = importlib.util.spec_from_file_location(modname, path)
    if spec is None or spec.loader is None:
        raise CatalogError(f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    sys.modules[modname] = module
    try:
        spec.loader.exec_module(module)
    except CatalogError as e:
        sys.modules.pop(modname, None)
        raise CatalogError(f"{path}: {e}") from None
    except Exception as e:
        sys.modules.pop(modname, None)
        raise CatalogError(f"{path}: import failed: {type(e).__name__}: {e}") from None
    return module


def _theorem_of(path: Path, module) -> Theorem:
    theorems = [(k, v) for k, v in vars(module).items() if isinstance(v, Theorem)]
    own = [k for k, v in theorems if k == "THEOREM"]
    if not own:
        raise CatalogError(f"{path}: no module-level THEOREM (define THEOREM = Theorem(...))")
    t = module.THEOREM
    if len(theorems) > 1:
        others = sorted(k for k, v in theorems if v is not t)
        if others:
            raise CatalogError(f"{path}: one theorem per file; found also {', '.join(others)}")
    if t.id != path.stem:
        raise CatalogError(f"{path}: THEOREM.id is {t.id!r} but the file is {path.name}; they must match")
    informal = t.informal or (module.__doc__ or "").strip()
    return replace(t, informal=informal, source_path=str(path))


def load_catalog(path: str | Path | Iterable[str | Path] | None = None) -> Catalog:
    """Load every theorem module in ``path`` (default: the repository's ``proofs/``).

    Parameters
    ----------
    path : path or iterable of paths, optional
        Directories holding proof modules.

    Raises
    ------
    CatalogError
        One line naming the file: missing THEOREM, id ≠ file stem, two
        theorems in a file, duplicate id, unknown ``uses`` id, import error.
    """
    if path is None:
        dirs = [default_proofs_path()]
    elif isinstance(path, (str, Path)):
        dirs = [Path(path)]
    else:
        dirs = [Path(p) for p in path]
    theorems = []
    for d in dirs:
        d = d.resolve()
        if not d.is_dir():
            raise CatalogError(f"{d}: not a directory of proof modules")
        package = None
        if d == default_proofs_path() and (d / "__init__.py").exists():
            package = "proofs"
            if "proofs" not in sys.modules:
                _ensure_package(d)
        for f in sorted(d.glob("*.py")):
            if f.name.startswith("_"):
                continue
            theorems.append(_theorem_of(f, _import_file(f, package)))
    return Catalog(theorems)


def _ensure_package(d: Path) -> None:
    spec = importlib.util.spec_from_file_location("proofs", d / "__init__.py", submodule_search_locations=[str(d)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["proofs"] = module
    spec.loader.exec_module(module)
