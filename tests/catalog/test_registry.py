"""Discovery of proof modules and the one-line errors naming the file."""

import textwrap
from pathlib import Path

import pytest

from natlat_sym.catalog import Catalog, default_proofs_path, load_catalog
from natlat_sym.errors import CatalogError

MODULE = '''
"""{title}.

Informal statement of {id}.
"""
from natlat_sym.catalog import Theorem, prove_that

THEOREM = Theorem(id="{id}", title="{title}", spec_id="{spec}", kind="theorem",
                  reference="test", obligations=(prove_that("I(X;Y) >= 0"),), uses={uses})
'''


def write(directory: Path, stem: str, *, id=None, spec="T1", uses=(), body=None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{stem}.py"
    text = body if body is not None else MODULE.format(id=id or stem, title=stem.replace("_", " ").title(),
                                                       spec=spec, uses=tuple(uses))
    path.write_text(textwrap.dedent(text))
    return path


def test_discovers_modules_and_sorts_by_spec_order(tmp_path):
    write(tmp_path, "beta_of_alpha", spec="T10")
    write(tmp_path, "alpha_of_gamma", spec="T2", uses=["some_definition"])
    write(tmp_path, "some_definition", spec="D1")
    write(tmp_path, "_private_helper", body="X = 1\n")
    cat = load_catalog(tmp_path)
    assert cat.ids() == ("some_definition", "alpha_of_gamma", "beta_of_alpha")
    assert len(cat) == 3 and "alpha_of_gamma" in cat
    t = cat.get("alpha_of_gamma")
    assert t.informal.startswith("Alpha Of Gamma.")
    assert Path(t.source_path).name == "alpha_of_gamma.py"
    assert cat.used_by("some_definition") == ("alpha_of_gamma",)
    assert cat.used_by("beta_of_alpha") == ()


def test_missing_theorem_names_the_file(tmp_path):
    write(tmp_path, "no_theorem_here", body="X = 1\n")
    with pytest.raises(CatalogError, match=r"no_theorem_here\.py: no module-level THEOREM"):
        load_catalog(tmp_path)


def test_id_must_equal_file_stem(tmp_path):
    write(tmp_path, "file_stem", id="other_name")
    with pytest.raises(CatalogError, match=r"file_stem\.py: THEOREM\.id is 'other_name'"):
        load_catalog(tmp_path)


def test_duplicate_ids_across_directories(tmp_path):
    write(tmp_path / "a", "same_name")
    write(tmp_path / "b", "same_name")
    with pytest.raises(CatalogError, match=r"same_name\.py: duplicate theorem id 'same_name'"):
        load_catalog([tmp_path / "a", tmp_path / "b"])


def test_two_theorems_in_one_file(tmp_path):
    body = MODULE.format(id="two_here", title="Two", spec="T1", uses=()) + "\nOTHER = THEOREM.__class__(" \
        "id='another_one', title='x', spec_id='T2', kind='theorem', reference='r', obligations=THEOREM.obligations)\n"
    write(tmp_path, "two_here", body=body)
    with pytest.raises(CatalogError, match=r"two_here\.py: one theorem per file; found also OTHER"):
        load_catalog(tmp_path)


def test_unknown_uses_id_names_the_file(tmp_path):
    write(tmp_path, "user_of_missing", uses=["mediation_eror"])
    write(tmp_path, "mediation_error", spec="D1")
    with pytest.raises(CatalogError, match=r"user_of_missing\.py: uses unknown theorem id 'mediation_eror'; "
                                           r"did you mean 'mediation_error'"):
        load_catalog(tmp_path)


def test_import_error_names_the_file(tmp_path):
    write(tmp_path, "broken_module", body="import not_a_module_anywhere\n")
    with pytest.raises(CatalogError, match=r"broken_module\.py: import failed: ModuleNotFoundError"):
        load_catalog(tmp_path)


def test_bad_theorem_in_module_names_the_file(tmp_path):
    write(tmp_path, "bad_kind", body=MODULE.format(id="bad_kind", title="x", spec="T1", uses=())
          .replace('kind="theorem"', 'kind="lemma"'))
    with pytest.raises(CatalogError, match=r"bad_kind\.py: theorem 'bad_kind': kind must be one of"):
        load_catalog(tmp_path)


def test_unknown_id_suggests_close_ids(tmp_path):
    write(tmp_path, "redund_determined_of_mediator")
    cat = load_catalog(tmp_path)
    with pytest.raises(CatalogError, match="did you mean 'redund_determined_of_mediator'"):
        cat.get("redund_determined_of_mediater")
    with pytest.raises(CatalogError, match="unknown theorem id 'zzz'$"):
        cat.get("zzz")


def test_not_a_directory(tmp_path):
    with pytest.raises(CatalogError, match="not a directory"):
        load_catalog(tmp_path / "missing")


def test_repository_catalog_ids_equal_file_stems():
    cat = load_catalog()
    stems = {p.stem for p in default_proofs_path().glob("*.py") if not p.name.startswith("_")}
    assert set(cat.ids()) == stems
    assert all(Path(t.source_path).stem == t.id for t in cat)
    assert isinstance(cat, Catalog) and cat.to_json()[0]["id"] == cat.ids()[0]


def test_spec_labels_of_the_real_catalog_are_unique():
    """Every label shown in tables, badges and the graph names one entry
    (regression: R3, R7 and O2 each labelled two entries)."""
    labels = [t.spec_id for t in load_catalog().theorems]
    assert sorted(label for label in set(labels) if labels.count(label) > 1) == []


def test_variant_label_sorts_after_its_spec_item(tmp_path):
    write(tmp_path, "rule_three", spec="R3")
    write(tmp_path, "not_rule_three_variant", spec="R3b")
    write(tmp_path, "rule_four", spec="R4")
    assert load_catalog(tmp_path).ids() == ("rule_three", "not_rule_three_variant", "rule_four")


def test_spec_label_with_two_letter_suffix_is_rejected(tmp_path):
    write(tmp_path, "bad_label", spec="R3bb")
    with pytest.raises(CatalogError, match="spec_id must look like"):
        load_catalog(tmp_path)


def test_spec_ids_name_entries_and_ambiguous_ones_are_listed(tmp_path):
    write(tmp_path, "beta_of_alpha", spec="T10")
    write(tmp_path, "alpha_of_gamma", spec="T2")
    write(tmp_path, "gamma_of_delta", spec="T2")
    cat = load_catalog(tmp_path)
    assert cat.get("t10").id == "beta_of_alpha"  # a spec id, any case
    assert cat.get("beta_of_alpha").id == "beta_of_alpha"
    assert [t.id for t in cat.find("T2")] == ["alpha_of_gamma", "gamma_of_delta"]
    with pytest.raises(CatalogError, match=r"spec id 'T2' names 2 entries: alpha_of_gamma, gamma_of_delta"):
        cat.get("T2")
    with pytest.raises(CatalogError, match=r"unknown theorem id 'beta_of_alpa'; did you mean 'beta_of_alpha'"):
        cat.find("beta_of_alpa")
    assert cat.used_by("T10") == ()
