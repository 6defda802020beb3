"""Every public function of ``natlat_sym`` documents every parameter,
numpy-style (issue 11, item 1): a ``Parameters`` section with one entry per
parameter of the signature, each with a description line under it."""

import inspect
import re

import pytest

import natlat_sym

FUNCTIONS = sorted(name for name in natlat_sym.__all__ if inspect.isfunction(getattr(natlat_sym, name)))
#: what a user constructs (results are documented by their attributes; Distribution's
#: constructor takes from_array's arguments and says so)
CLASSES = ["Statement", "Relation", "Distribution.from_array", "Distribution.from_dict"]


def documented_parameters(doc: str) -> dict[str, str]:
    """``{name: description}`` from the numpy ``Parameters`` section
    (``a, b : int`` documents both; ``*targets`` documents ``targets``)."""
    match = re.search(r"^Parameters\n-+\n(.*?)(?=^\w[\w ]*\n-+\n|\Z)", doc, flags=re.S | re.M)
    if not match:
        return {}
    out, names = {}, []
    for line in match.group(1).splitlines():
        if line and not line.startswith(" "):
            names = [n.strip().lstrip("*") for n in line.split(":")[0].split(",")]
            for n in names:
                out[n] = ""
        elif line.strip():
            for n in names:
                out[n] = (out[n] + " " + line.strip()).strip()
    return out


def test_the_parser_reads_numpy_sections():
    doc = "Title.\n\nParameters\n----------\na, b : int\n    Both.\n*rest : str\nc : int\n    C.\n\nReturns\n-------\nx\n"
    assert documented_parameters(doc) == {"a": "Both.", "b": "Both.", "rest": "", "c": "C."}


@pytest.mark.parametrize("name", FUNCTIONS + CLASSES)
def test_every_parameter_is_documented(name):
    func = natlat_sym
    for part in name.split("."):
        func = getattr(func, part)
    params = [p for p in inspect.signature(func).parameters if p not in ("self", "cls", "kwargs")]
    documented = documented_parameters(inspect.getdoc(func) or "")
    missing = [p for p in params if not documented.get(p)]
    assert not missing, f"{name}: parameters without a description: {missing}"
