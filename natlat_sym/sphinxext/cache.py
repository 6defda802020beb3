"""On-disk cache of theorem check summaries, keyed by a content hash.

Building the docs re-runs every catalog check (``check_theorem``).  To keep
rebuilds fast, the JSON *summary* of a check (see
:mod:`natlat_sym.sphinxext.summary`) is stored under a key that changes
whenever anything that could change the outcome changes:

* the theorem id,
* the proof module's source text,
* the library fingerprint: the ``natlat_sym`` version plus a hash of every
  ``natlat_sym/**/*.py`` source file and of the Coq theory ``*.v`` (so editing the prover invalidates the
  cache even when the version number stays the same).

Files are written atomically (temporary file + rename), so parallel Sphinx
readers never see half a file.  A corrupt or unreadable entry is a miss.

Examples
--------
>>> k1 = cache_key("t", "THEOREM = 1", "v1")
>>> k1 == cache_key("t", "THEOREM = 1", "v1"), k1 == cache_key("t", "THEOREM = 2", "v1")
(True, False)
>>> import tempfile
>>> d = tempfile.mkdtemp()
>>> load_summary(d, k1) is None
True
>>> store_summary(d, k1, {"id": "t", "status": "certified"})
>>> load_summary(d, k1)["status"]
'certified'
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import natlat_sym

from ..errors import NatLatError
from ..files import read_json, write_file

__all__ = ["cache_key", "library_fingerprint", "load_summary", "store_summary"]

#: bump when the summary layout changes, so old cache entries are ignored.
SUMMARY_FORMAT = 3


def cache_key(theorem_id: str, source_text: str, fingerprint: str) -> str:
    """sha256 over (format, theorem id, proof source, library fingerprint)."""
    h = hashlib.sha256()
    for part in (str(SUMMARY_FORMAT), theorem_id, source_text, fingerprint):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


@lru_cache(maxsize=None)
def library_fingerprint() -> str:
    """``"<version>+<hash of natlat_sym sources>"``."""
    try:
        ver = version("natlat-sym")
    except Exception:  # not installed as a distribution (running from a checkout)
        ver = getattr(natlat_sym, "__version__", "0")
    root = Path(natlat_sym.__file__).parent
    h = hashlib.sha256()
    for path in sorted([*root.rglob("*.py"), *root.rglob("*.v")]):
        if "sphinxext" in path.parts:  # rendering code does not change a check's outcome
            continue
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    return f"{ver}+{h.hexdigest()[:16]}"


def load_summary(directory, key: str) -> dict | None:
    """The cached summary for ``key``, or None (missing, unreadable or not a
    summary)."""
    path = Path(directory) / f"{key}.json"
    if not path.is_file():
        return None
    try:
        data = read_json(path, "cache entry")
    except NatLatError:
        return None
    return data if isinstance(data, dict) else None


def store_summary(directory, key: str, summary: dict) -> None:
    """Write ``summary`` under ``key`` with the package's atomic writer: two
    builds or checks writing the same entry at once each rename a complete
    file into place, and the content is a function of the key."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    write_file(directory / f"{key}.json", json.dumps(summary, sort_keys=True))
