"""Reading and writing the user's files safely: one writer and one JSON reader
for the whole package.

Writing (:func:`write_file`)
----------------------------
Every file natlat_sym writes — certificates, saved distributions, plots,
check reports, docs cache entries — goes through :func:`write_file`:

* **atomic**: the content goes to a temporary file in the same directory,
  which is then renamed over the target, so a reader (or a crash) never
  sees half a file;
* **respects the umask**: a new file gets mode ``0666 & ~umask`` like any
  file the shell creates; replacing an existing file keeps its mode;
* **never replaces what is not a regular file**: a directory is an error;
  a device or pipe the user named (``/dev/stdout``, ``/dev/null``) is
  written *in place*, never swapped for a regular file; a symbolic link is
  followed and its target replaced;
* a missing directory or a permission problem is a one-line
  :class:`~natlat_sym.errors.FileError`.

Reading (:func:`read_text`, :func:`parse_json`, :func:`read_json`)
------------------------------------------------------------------
Input files must be UTF-8 and at most :data:`~natlat_sym.limits.MAX_FILE_BYTES`
bytes; JSON may nest at most :data:`~natlat_sym.limits.MAX_JSON_DEPTH` levels,
integers have at most :data:`~natlat_sym.limits.MAX_DIGITS` digits, floats must
be finite and ``NaN``/``Infinity`` are refused.  Every problem is one line
naming the file.

Examples
--------
>>> import os, tempfile
>>> d = tempfile.mkdtemp()
>>> p = write_file(os.path.join(d, "a.json"), '{"x": [1, 2]}')
>>> read_json(p, "example")
{'x': [1, 2]}
>>> write_file(os.path.join(d, "missing", "a.json"), "x")
Traceback (most recent call last):
...
natlat_sym.errors.FileError: cannot write .../missing/a.json: directory .../missing does not exist
>>> parse_json("[" * 100 + "]" * 100, "example")
Traceback (most recent call last):
...
natlat_sym.errors.FileError: example is not valid JSON: nested more than 64 levels deep
"""

from __future__ import annotations

import json
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path

from .errors import FileError
from .limits import MAX_DIGITS, MAX_FILE_BYTES, MAX_JSON_DEPTH

__all__ = ["write_file", "check_writable", "read_text", "parse_json", "read_json"]


def _umask() -> int:
    # os.umask can only be read by setting it; restore at once (process-wide,
    # but the value is unchanged)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_file(path, content: str | bytes | Callable, *, what: str = "") -> Path:
    """Write ``content`` to ``path`` safely (see the module docstring).

    Parameters
    ----------
    path : str or Path
    content : str, bytes, or callable
        Text is written as UTF-8; a callable receives a binary file object
        (e.g. ``lambda fh: fig.savefig(fh, format="png")``).
    what : str, optional
        What the file is, for messages (``"certificate"``).

    Returns
    -------
    Path
        ``path``.
    """
    path = Path(path)
    label = f"{what} {path}" if what else str(path)
    real = Path(os.path.realpath(path))
    try:
        st = os.stat(real)
    except FileNotFoundError:
        st = None
    except OSError as e:
        raise FileError(f"cannot write {label}: {e.strerror}") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise FileError(f"cannot write {label}: it is a directory")
    if st is not None and not stat.S_ISREG(st.st_mode):
        # a device, pipe or socket the user named: write in place, never replace it
        return _write_in_place(path, real, content, label)
    folder = real.parent
    if not folder.is_dir():
        shown = path.parent if str(path.parent) else Path(".")
        raise FileError(f"cannot write {label}: directory {shown} does not exist")
    mode = stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask()
    tmp = folder / f".{real.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as e:
        raise FileError(f"cannot write {label}: {e.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            _emit(fh, content)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, real)
    except OSError as e:
        _unlink(tmp)
        raise FileError(f"cannot write {label}: {e.strerror or e}") from None
    except BaseException:
        _unlink(tmp)
        raise
    return path


def check_writable(path, what: str = "") -> None:
    """Fail early (FileError) when :func:`write_file` could not write ``path``
    because its directory is missing or it is a directory — before the
    command spends its budget computing what to write."""
    if path is None:
        return
    path = Path(path)
    label = f"{what} {path}" if what else str(path)
    real = Path(os.path.realpath(path))
    if real.is_dir():
        raise FileError(f"cannot write {label}: it is a directory")
    if not real.parent.is_dir():
        shown = path.parent if str(path.parent) else Path(".")
        raise FileError(f"cannot write {label}: directory {shown} does not exist")


def _emit(fh, content) -> None:
    if isinstance(content, str):
        fh.write(content.encode("utf-8"))
    elif isinstance(content, (bytes, bytearray)):
        fh.write(content)
    else:
        content(fh)


def _write_in_place(path: Path, real: Path, content, label: str) -> Path:
    try:
        with open(real, "wb") as fh:
            _emit(fh, content)
            fh.flush()
    except OSError as e:
        raise FileError(f"cannot write {label}: {e.strerror or e}") from None
    return path


def _unlink(tmp: Path) -> None:
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass


def read_text(path, what: str = "file", *, error: type = FileError) -> str:
    """The UTF-8 text of ``path`` (at most MAX_FILE_BYTES bytes); ``error``
    (a NatLatError subclass) with one line naming the file otherwise."""
    name = f"{what} file {path}"
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise error(f"cannot read {name}: it does not exist") from None
    except IsADirectoryError:
        raise error(f"cannot read {name}: it is a directory") from None
    except OSError as e:
        raise error(f"cannot read {name}: {e.strerror or e}") from None
    if len(data) > MAX_FILE_BYTES:
        raise error(f"{name} is larger than the limit of {MAX_FILE_BYTES // 2**20} MiB")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise error(f"{name} is not UTF-8 text (byte {e.start + 1} is invalid)") from None


class _Refused(ValueError):
    pass


def _parse_int(s: str) -> int:
    if len(s.lstrip("-")) > MAX_DIGITS:
        raise _Refused(f"an integer has more than {MAX_DIGITS} digits")
    return int(s)


def _parse_float(s: str) -> float:
    v = float(s)
    if v in (float("inf"), float("-inf")):
        raise _Refused(f"number {s[:30]!r} is too large for a float; write it as an exact string such as \"1/3\"")
    return v


def _parse_constant(s: str):
    raise _Refused(f"{s} is not a number natlat_sym accepts")


def _depth_ok(obj) -> bool:
    stack = [(obj, 1)]
    while stack:
        o, d = stack.pop()
        if d > MAX_JSON_DEPTH:
            return False
        if isinstance(o, dict):
            stack.extend((v, d + 1) for v in o.values())
        elif isinstance(o, list):
            stack.extend((v, d + 1) for v in o)
    return True


def parse_json(text: str, what: str = "JSON", *, error: type = FileError):
    """Parse JSON text with natlat_sym's limits (depth, digits, finite
    numbers); ``error`` with a one-line message otherwise."""
    try:
        data = json.loads(text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant)
    except json.JSONDecodeError as e:
        raise error(f"{what} is not valid JSON: {e.msg} at line {e.lineno} column {e.colno}") from None
    except _Refused as e:
        raise error(f"{what}: {e}") from None
    except RecursionError:
        raise error(f"{what} is not valid JSON: nested more than {MAX_JSON_DEPTH} levels deep") from None
    except ValueError as e:  # e.g. Python's own integer-size limit
        raise error(f"{what} is not valid JSON: {e}") from None
    if not _depth_ok(data):
        raise error(f"{what} is not valid JSON: nested more than {MAX_JSON_DEPTH} levels deep")
    return data


def read_json(path, what: str = "JSON", *, error: type = FileError):
    """:func:`read_text` then :func:`parse_json`."""
    return parse_json(read_text(path, what, error=error), f"{what} file {path}", error=error)
