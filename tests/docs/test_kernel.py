"""The docs build's kernel check (natlat_sym.sphinxext.kernel), a thin layer
over natlat_sym.coq.batch.check_files (tested in tests/coq/test_batch.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from natlat_sym.coq import batch as coq_batch
from natlat_sym.coq.catalog import check_entries
from natlat_sym.coq.export import coq_file, export_certificate
from natlat_sym.coq.run import CoqResult, find_coqc
from natlat_sym.proving import prove
from natlat_sym.shannon.parse import parse_statement
from natlat_sym.sphinxext.kernel import kernel_check_files

GOOD = "Theorem t : 1 + 1 = 2.\nProof. reflexivity. Qed."
BAD = "Theorem t : 1 + 1 = 3.\nProof. reflexivity. Qed."
AXIOM = "Axiom a : False.\nTheorem t : False.\nProof. exact a. Qed."
ENTROPIC = "Theorem t :\nforall h : set -> R, entropic h ->\n  polymatroid h.\nProof. exact entropic_polymatroid. Qed."

needs_coq = pytest.mark.skipif(find_coqc() is None, reason="coqc is not installed (Debian: apt-get install coq)")


def test_natlat_check_coq_and_the_docs_build_check_through_the_same_function(monkeypatch, tmp_path):
    """Both callers hand their files to coq.batch.check_files (a spy stands in
    for it: no coqc runs), with the same file text for the same entry."""
    calls = []

    def spy(texts, **kwargs):
        texts = list(texts)
        calls.append((texts, kwargs))
        return [CoqResult(True, 0.5, "", "8.16.1", 0.5, len(texts))] * len(texts)

    monkeypatch.setattr(coq_batch, "check_files", spy)
    st = parse_statement("H(X|Y) <= H(X)")
    module = export_certificate(prove(st).certificate, st, name="conditioning")
    result = SimpleNamespace(ok=True, proved_statement=st, certificate=prove(st).certificate, witness=None)
    report = SimpleNamespace(id="conditioning", spec_id="C", status="certified", results=[result])
    [entry] = check_entries([report, report])[:1]
    docs = kernel_check_files({"conditioning": coq_file([("obligation_1", module)], title="C conditioning")},
                              tmp_path, batch_out=tmp_path / "all.v")
    assert len(calls) == 2
    (cli_texts, cli_args), (docs_texts, docs_args) = calls
    assert cli_texts[0] == docs_texts[0]  # the same entry file, whoever checks it
    assert docs_args["batch_kinds"] == ("shannon",) and docs_args["batch_out"] == {"shannon": tmp_path / "all.v"}
    assert entry.result.batched == 2 and docs["conditioning"]["how"] == "batch"
    assert docs["conditioning"]["mark"] == "kernel-checked (Coq 8.16)"


@needs_coq
def test_a_rejected_entry_is_named_and_the_others_stay_accepted(tmp_path):
    texts = {"good": coq_file([("obligation_1", GOOD)], title="good"),
             "bad": coq_file([("obligation_1", BAD)], title="bad"),
             "axiom": coq_file([("obligation_1", AXIOM)], title="axiom")}
    out = kernel_check_files(texts, tmp_path, batch_out=tmp_path / "all.v")
    assert out["good"]["ok"] is True and out["good"]["how"] == "alone"  # the batch failed: re-checked alone
    assert out["bad"]["ok"] is False and "Error" in out["bad"]["message"]
    assert out["bad"]["mark"] == "Coq error: " + out["bad"]["message"]
    assert out["axiom"]["how"] == "alone"  # never batched
    again = kernel_check_files(texts, tmp_path)  # from the cache, same verdicts
    assert {k: (v["ok"], v["how"]) for k, v in again.items()} == {
        "good": (True, "cache (alone)"), "bad": (False, "cache (alone)"), "axiom": (out["axiom"]["ok"], "cache (alone)")}


@needs_coq
def test_accepted_entries_share_one_run_and_copy_lemma_files_are_checked_alone(tmp_path):
    texts = {f"e{k}": coq_file([("obligation_1", GOOD)], title=f"e{k}") for k in range(2)}
    texts.update({f"z{k}": coq_file([("obligation_1", ENTROPIC)], title=f"z{k}") for k in range(2)})
    out = kernel_check_files(texts, tmp_path, batch_out=tmp_path / "all.v")
    assert {k: (r["ok"], r["how"]) for k, r in out.items()} == {
        "e0": (True, "batch"), "e1": (True, "batch"), "z0": (True, "alone"), "z1": (True, "alone")}
    assert out["z0"]["mark"].startswith("kernel-checked (Coq ")
    assert out["z0"]["mark"].endswith("), assuming the copy lemma (Entropic.v)")
    published = (tmp_path / "all.v").read_text()  # the one published batch: the Shannon-type entries
    assert published.count("Module NatlatEntry_") == 2 and "Axiom copy_lemma" not in published
    again = kernel_check_files(texts, tmp_path)
    assert [again[f"e{k}"]["how"] for k in range(2)] == ["cache (batch)", "cache (batch)"]
