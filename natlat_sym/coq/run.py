"""Run ``coqc`` on exported proof scripts, with a timeout and a result cache.

``coqc`` runs in a fresh temporary directory (it writes ``.vo``/``.glob``
files next to its input), one process per file; :func:`run_many` checks
several files at once on a thread pool (each thread waits on its own
``coqc`` process).  Results can be cached on disk by the sha256 of the file
text and the Coq version (:func:`run_coqc_cached`), so the docs build
re-runs ``coqc`` only for files that changed.

Examples
--------
>>> r = run_coqc("Theorem t : 1 + 1 = 2. Proof. reflexivity. Qed.")  # doctest: +SKIP
>>> r.ok, r.version  # doctest: +SKIP
(True, '8.16.1')
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import FileError, NatLatError
from ..files import write_file

__all__ = ["CoqResult", "CoqUnavailable", "coq_version", "find_coqc", "require_coqc", "run_coqc", "run_coqc_cached",
           "run_many", "load_cached", "store_cached"]


class CoqUnavailable(NatLatError):
    """``coqc`` is not installed (Debian: ``apt-get install coq``)."""


@dataclass(frozen=True)
class CoqResult:
    """The outcome of one ``coqc`` run.

    Attributes
    ----------
    ok : bool
        ``coqc`` accepted the file: every theorem in it is kernel-checked.
    seconds : float
        Wall-clock time.
    message : str
        Empty when ok, else Coq's error in one line (with the line number).
    version : str
        The Coq version that checked it, e.g. ``"8.16.1"``.
    cpu_seconds : float
        User + system CPU time of the ``coqc`` process (what the check
        costs, whatever else the machine is doing).
    batched : int
        0 when the file was checked on its own; else the number of files
        whose theorems were checked together in one ``coqc`` run (the file
        is then accepted because that run was), and ``seconds`` and
        ``cpu_seconds`` are this file's share of it.
    cached : bool
        The result was read from the result cache (:func:`load_cached`),
        not computed by a ``coqc`` run of this process.  Not stored in the
        cache, and not part of equality.
    """

    ok: bool
    seconds: float
    message: str = ""
    version: str = ""
    cpu_seconds: float = 0.0
    batched: int = 0
    cached: bool = field(default=False, compare=False)

    @property
    def mark(self) -> str:
        """``"kernel-checked (Coq 8.16)"`` or ``"Coq error: ..."``."""
        if self.ok:
            return f"kernel-checked (Coq {'.'.join(self.version.split('.')[:2])})"
        return f"Coq error: {self.message}"

    def to_json(self) -> dict:
        return asdict(self)


def find_coqc() -> str | None:
    """Path of ``coqc`` (``$NATLAT_COQC`` overrides), or None."""
    return os.environ.get("NATLAT_COQC") or shutil.which("coqc")


@lru_cache(maxsize=4)
def _version_of(coqc: str) -> str:
    try:
        out = subprocess.run([coqc, "--version"], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    m = re.search(r"version\s+([0-9][0-9A-Za-z.+~-]*)", out)
    return m.group(1) if m else ""


def coq_version() -> str | None:
    """The installed Coq version (``"8.16.1"``), or None without ``coqc``."""
    coqc = find_coqc()
    return (_version_of(coqc) or None) if coqc else None


def require_coqc() -> str:
    """The path of ``coqc``; raises :class:`CoqUnavailable` when it is not installed."""
    coqc = find_coqc()
    if coqc is None or not _version_of(coqc):
        raise CoqUnavailable("coqc (the Coq proof assistant) is not installed; on Debian/Ubuntu: "
                             "apt-get install coq")
    return coqc


def _one_line(text: str) -> str:
    """Coq's error output as one line: ``line 12: Error: ...``."""
    text = text.strip()
    m = re.search(r'File "[^"]*", line (\d+), characters (\d+)-(\d+):\s*(.*)', text, re.S)
    if m:
        body = " ".join(m.group(4).split())
        return f"line {m.group(1)}: {body}"[:400]
    return " ".join(text.split())[:400] or "coqc failed without a message"


def run_coqc(text: str, *, timeout: float = 300.0, filename: str = "natlat_proof.v") -> CoqResult:
    """Check ``text`` (a whole ``.v`` file) with ``coqc``.

    Raises
    ------
    CoqUnavailable
        When ``coqc`` is not installed.
    """
    coqc = require_coqc()
    version = _version_of(coqc)
    with tempfile.TemporaryDirectory(prefix="natlat_coq_") as tmp:
        path = Path(tmp) / filename
        path.write_text(text, encoding="utf-8")
        out_path = Path(tmp) / "coqc.out"
        start = time.perf_counter()
        with open(out_path, "w+", encoding="utf-8") as out:
            proc = subprocess.Popen([coqc, "-q", path.name], cwd=tmp, stdout=out, stderr=subprocess.STDOUT)
            timer = threading.Timer(timeout, proc.kill)
            timer.start()
            try:
                _, status, usage = os.wait4(proc.pid, 0)  # wait4: the child's own CPU time
            finally:
                timer.cancel()
            proc.returncode = os.waitstatus_to_exitcode(status)
            seconds = time.perf_counter() - start
            cpu = usage.ru_utime + usage.ru_stime
            out.seek(0)
            output = out.read()
    if proc.returncode == 0:
        return CoqResult(True, seconds, "", version, cpu)
    if seconds >= timeout:
        return CoqResult(False, seconds, f"coqc timed out after {timeout:g} s", version, cpu)
    return CoqResult(False, seconds, _one_line(output), version, cpu)


def _cache_path(text: str, cache_dir) -> Path:
    key = hashlib.sha256((_version_of(require_coqc()) + "\0" + text).encode()).hexdigest()
    return Path(cache_dir) / f"{key}.json"


def load_cached(text: str, cache_dir) -> CoqResult | None:
    """The cached result for ``text`` (keyed by its sha256 and the Coq
    version), or None."""
    if cache_dir is None:
        return None
    try:
        data = json.loads(_cache_path(text, cache_dir).read_text(encoding="utf-8"))
        return CoqResult(**dict(data, cached=True))
    except (OSError, ValueError, TypeError):
        return None


def store_cached(text: str, cache_dir, result: CoqResult) -> None:
    """Remember ``result`` for ``text``, atomically (a unique temporary file,
    then a rename: safe across threads and processes).  Timeouts are not
    stored (they say nothing about the file); an unwritable cache is ignored."""
    if cache_dir is None or "timed out" in result.message:
        return

    path = _cache_path(text, cache_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        stored = {k: v for k, v in result.to_json().items() if k != "cached"}
        write_file(path, json.dumps(stored), what="Coq result cache")
    except (OSError, FileError):
        pass  # an unwritable cache only costs a re-check next time


def run_coqc_cached(text: str, cache_dir: str | Path | None, *, timeout: float = 300.0) -> CoqResult:
    """:func:`run_coqc`, with results stored in ``cache_dir`` under the
    sha256 of the text and the Coq version (None: no cache), written
    atomically; an unchanged file is never re-checked (the docs build)."""
    if cache_dir is None:
        return run_coqc(text, timeout=timeout)
    found = load_cached(text, cache_dir)
    if found is not None:
        return found
    result = run_coqc(text, timeout=timeout)
    store_cached(text, cache_dir, result)
    return result


def run_many(texts, *, jobs: int = 2, timeout: float = 300.0, cache_dir=None, on_done=None) -> list[CoqResult]:
    """Check several files, ``jobs`` ``coqc`` processes at a time; results
    in input order.  ``on_done(index, result)`` is called as each finishes."""
    texts = list(texts)
    require_coqc()

    def one(k):
        r = run_coqc_cached(texts[k], cache_dir, timeout=timeout)
        if on_done is not None:
            on_done(k, r)
        return r

    if jobs <= 1 or len(texts) <= 1:
        return [one(k) for k in range(len(texts))]
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(one, range(len(texts))))
