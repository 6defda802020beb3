"""Documents nested in a ``--json`` output (a polymatroid in a proof result,
the witnesses of a tightest result or of a catalog entry) carry ``format``
*and* ``version`` like every top-level document (issue 11, item 5), and
validate against their own schema."""

import json

import pytest
from click.testing import CliRunner

from natlat_sym import formats
from natlat_sym.cli import cli


def _nested_documents(node, path="$"):
    if isinstance(node, dict):
        if "format" in node and path != "$":
            yield path, node
        for key, value in node.items():
            yield from _nested_documents(value, f"{path}.{key}")
    elif isinstance(node, list):
        for k, value in enumerate(node):
            yield from _nested_documents(value, f"{path}[{k}]")


@pytest.mark.parametrize("args, kinds", [
    (["prove", "I(X;Y|Z) <= I(X;Y)"], {"polymatroid", "distribution"}),
    (["tightest", "I(X;Y) <= c*H(X)"], {"polymatroid", "certificate"}),
    (["show", "T4"], {"polymatroid", "certificate"}),
])
def test_nested_documents_are_versioned_and_valid(args, kinds):
    result = CliRunner().invoke(cli, [*args, "--json"], catch_exceptions=False)
    doc = json.loads(result.stdout)
    formats.validate(doc)
    seen = set()
    for path, nested in _nested_documents(doc):
        assert nested.get("version") in (1, 2), f"{path}: {nested['format']} has no version"
        seen.add(formats.validate(nested))
    assert kinds <= seen
