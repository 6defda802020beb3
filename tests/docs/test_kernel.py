"""Kernel checks of many entries in one coqc run (natlat_sym.sphinxext.kernel)."""

from __future__ import annotations

import pytest

from natlat_sym.coq.export import coq_file, theory_text
from natlat_sym.coq.run import find_coqc
from natlat_sym.sphinxext.kernel import batch_text, is_batchable, kernel_check_files, split_entry

GOOD = "Theorem t : 1 + 1 = 2.\nProof. reflexivity. Qed."
BAD = "Theorem t : 1 + 1 = 3.\nProof. reflexivity. Qed."
AXIOM = "Axiom a : False.\nTheorem t : False.\nProof. exact a. Qed."

needs_coq = pytest.mark.skipif(find_coqc() is None, reason="coqc is not installed (Debian: apt-get install coq)")


def test_the_batch_holds_each_entry_body_once_in_its_own_module():
    texts = [coq_file([("obligation_1", GOOD)], title=f"T{k} t{k}") for k in range(3)]
    bodies = [split_entry(t, theory_text()) for t in texts]
    assert all(b is not None and "Module obligation_1." in b for b in bodies)
    batch = batch_text(bodies, theory_text())
    assert batch.count(theory_text().strip()) == 1
    assert [batch.count(f"Module NatlatEntry_{k}.") for k in range(3)] == [1, 1, 1]


@pytest.mark.parametrize("command", ["Axiom a : False.", "#[global] Hint Resolve x : core.", "Require Import Lia.",
                                     "Set Implicit Arguments.", "Global Opaque f.", "Qed. Admitted.",
                                     "Module NatlatEntry_0."])
def test_commands_that_can_act_outside_their_module_are_not_batched(command):
    assert not is_batchable(f"Module m.\n{command}\nEnd m.\n")


def test_proof_text_is_batched():
    assert is_batchable(split_entry(coq_file([("obligation_1", GOOD)]), theory_text()))


@needs_coq
def test_a_rejected_entry_is_named_and_the_others_stay_accepted(tmp_path):
    texts = {"good": coq_file([("obligation_1", GOOD)], title="good"),
             "bad": coq_file([("obligation_1", BAD)], title="bad"),
             "axiom": coq_file([("obligation_1", AXIOM)], title="axiom")}
    out = kernel_check_files(texts, tmp_path, batch_out=tmp_path / "all.v")
    assert out["good"]["ok"] is True and out["good"]["how"] == "alone"  # the batch failed: re-checked alone
    assert out["bad"]["ok"] is False and "Error" in out["bad"]["message"]
    assert out["axiom"]["how"] == "alone"  # never batched
    again = kernel_check_files(texts, tmp_path)  # from the cache, same verdicts
    assert {k: (v["ok"], v["how"]) for k, v in again.items()} == {
        "good": (True, "cache (alone)"), "bad": (False, "cache (alone)"), "axiom": (out["axiom"]["ok"], "cache (alone)")}


@needs_coq
def test_accepted_entries_share_one_run(tmp_path):
    texts = {f"e{k}": coq_file([("obligation_1", GOOD)], title=f"e{k}") for k in range(2)}
    out = kernel_check_files(texts, tmp_path, batch_out=tmp_path / "all.v")
    assert [out[f"e{k}"]["how"] for k in range(2)] == ["batch", "batch"]
    assert all(r["ok"] for r in out.values()) and (tmp_path / "all.v").is_file()
