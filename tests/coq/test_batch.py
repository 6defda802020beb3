"""Many Coq files in as few coqc runs as possible (natlat_sym.coq.batch).

The pure tests (splitting a file, the guard, the batch text, the time
budget with a stand-in coqc) need no Coq; those marked ``needs_coqc`` run it.
"""

from __future__ import annotations

import pytest

from natlat_sym.coq.batch import batch_text, check_files, is_batchable, kind_theory, split_file
from natlat_sym.coq.export import coq_file, export_certificate
from natlat_sym.coq.run import load_cached
from natlat_sym.errors import BudgetExceeded
from natlat_sym.limits import time_budget
from natlat_sym.proving import prove
from natlat_sym.shannon.copy_lemma import CopySpec
from natlat_sym.shannon.parse import parse_statement

GOOD = "Theorem t : 1 + 1 = 2.\nProof. reflexivity. Qed."
ENTROPIC = "Theorem t :\nforall h : set -> R, entropic h ->\n  polymatroid h.\nProof. exact entropic_polymatroid. Qed."
HAN3 = "2*H(X1,X2,X3) <= H(X1,X2) + H(X1,X3) + H(X2,X3)"
HAN3_STRONGER = "(2 + 1/100000000)*H(X1,X2,X3) <= H(X1,X2) + H(X1,X3) + H(X2,X3)"
ZHANG_YEUNG = "2*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)"
ZHANG_YEUNG_STRONGER = "(2 + 1/100000000)*I(C;D) <= I(A;B) + I(A;C,D) + 3*I(C;D|A) + I(C;D|B)"


def test_a_file_splits_into_its_kind_and_its_own_modules():
    shannon = coq_file([("obligation_1", GOOD)], title="T1 t1")
    kind, body = split_file(shannon)
    assert kind == "shannon" and body.strip() == f"Module obligation_1.\n{GOOD}\nEnd obligation_1."
    zy = parse_statement(ZHANG_YEUNG)
    cert = prove(zy, copies=(CopySpec.parse("A | C,D"),)).certificate
    entropic = coq_file([("zy", export_certificate(cert, zy, name="zy"))], title="ZY zy")
    kind, body = split_file(entropic)
    assert kind == "entropic" and body.lstrip().startswith("Module zy.") and "Axiom" not in body
    assert is_batchable(body)
    # anything but "comment, theory, modules" is not split (it is checked on its own)
    assert split_file("Require Import Reals.\n" + shannon) is None
    assert split_file(shannon.replace(kind_theory("shannon"), kind_theory("shannon") + " (* more *)")) is None


def test_the_batch_holds_the_theory_once_and_each_body_in_its_own_module():
    texts = [coq_file([("obligation_1", GOOD)], title=f"T{k} t{k}") for k in range(3)]
    batch = batch_text([split_file(t)[1] for t in texts], "shannon")
    assert batch.count(kind_theory("shannon")) == 1 and "Axiom copy_lemma" not in batch
    assert [batch.count(f"Module NatlatEntry_{k}.") for k in range(3)] == [1, 1, 1]
    assert batch_text([], "entropic").count("Axiom copy_lemma") == 1


@pytest.mark.parametrize("command", ["Axiom a : False.", "#[global] Hint Resolve x : core.", "Require Import Lia.",
                                     "Set Implicit Arguments.", "Global Opaque f.", "Qed. Admitted.",
                                     "Module NatlatEntry_0.", "Parameter p : nat.", "Local Open Scope R_scope."])
def test_commands_that_can_act_outside_their_module_are_not_batched(command):
    assert not is_batchable(f"Module m.\n{command}\nEnd m.\n")


def test_a_spent_time_budget_stops_before_coqc_runs(tmp_path, monkeypatch):
    script = tmp_path / "fake-coqc"  # accepts everything: only the budget can stop it
    script.write_text('#!/bin/sh\nif [ "$1" = "--version" ]; then echo "The Coq Proof Assistant, version 8.16.1"; '
                      'fi\nexit 0\n')
    script.chmod(0o755)
    monkeypatch.setenv("NATLAT_COQC", str(script))
    texts = [coq_file([("obligation_1", GOOD)], title=f"e{k}") for k in range(2)]
    with time_budget(0), pytest.raises(BudgetExceeded, match="kernel-checking"):
        check_files(texts)
    with time_budget(60):
        assert [(r.ok, r.batched) for r in check_files(texts)] == [(True, 2), (True, 2)]


@pytest.mark.needs_coqc
def test_kinds_are_batched_apart_and_a_tampered_file_is_named(coqc, tmp_path):
    """Shannon-type files and copy-lemma files go to separate coqc runs (no
    Shannon theorem is checked beside the axioms); a tampered file of either
    kind makes its batch fail, and the re-check file by file names exactly it."""
    han3 = parse_statement(HAN3)
    cert = prove(han3).certificate
    st2 = parse_statement("H(X|Y) <= H(X)")
    zy = parse_statement(ZHANG_YEUNG)
    zy_cert = prove(zy, copies=(CopySpec.parse("A | C,D"),)).certificate
    good = [coq_file([("han3", export_certificate(cert, han3, name="han3"))], title="a"),
            coq_file([("cond", export_certificate(prove(st2).certificate, st2, name="cond"))], title="b"),
            coq_file([("zy", export_certificate(zy_cert, zy, name="zy"))], title="c"),
            coq_file([("zy", export_certificate(zy_cert, zy, name="zy"))], title="d")]
    tampered = [coq_file([("s", export_certificate(cert, parse_statement(HAN3_STRONGER), name="s", check=False))],
                         title="e"),
                coq_file([("s", export_certificate(zy_cert, parse_statement(ZHANG_YEUNG_STRONGER), name="s",
                                                   check=False))], title="f")]
    out = {"shannon": tmp_path / "shannon.v", "entropic": tmp_path / "entropic.v"}
    results = check_files([*good, *tampered], cache_dir=tmp_path / "x", batch_out=out)
    assert [r.ok for r in results] == [True, True, True, True, False, False]
    assert [r.batched for r in results] == [0] * 6  # both batches failed: every file was checked alone
    assert all(r.message.startswith("line ") and "Error" in r.message for r in results[4:])
    assert "Axiom copy_lemma" not in out["shannon"].read_text()
    assert out["entropic"].read_text().count("Axiom copy_lemma") == 1

    together = check_files(good, cache_dir=tmp_path / "y", batch_out=out)
    assert [(r.ok, r.batched, r.cached) for r in together] == [(True, 2, False)] * 4
    assert out["shannon"].read_text().count("Module NatlatEntry_") == 2
    assert load_cached(good[1], tmp_path / "y") == together[1]  # cached under each file's own text
    again = check_files(good, cache_dir=tmp_path / "y")
    assert [(r.ok, r.batched, r.cached) for r in again] == [(True, 2, True)] * 4
    # every result from the cache: no coqc run, and still the same batch files
    cached_out = {kind: tmp_path / f"cached-{kind}.v" for kind in out}
    check_files(good, cache_dir=tmp_path / "y", batch_out=cached_out)
    assert {k: p.read_text() for k, p in cached_out.items()} == {k: p.read_text() for k, p in out.items()}


@pytest.mark.needs_coqc
def test_a_file_that_fails_the_guard_is_checked_alone(coqc, tmp_path):
    axiom = "Axiom a : False.\nTheorem t : False.\nProof. exact a. Qed."
    texts = [coq_file([("obligation_1", body)], title=f"e{k}") for k, body in enumerate((GOOD, GOOD, axiom))]
    results = check_files(texts)
    assert [(r.ok, r.batched) for r in results] == [(True, 2), (True, 2), (True, 0)]
    assert split_file(texts[2])[0] == "shannon" and not is_batchable(split_file(texts[2])[1])
    entropic = [coq_file([("obligation_1", ENTROPIC)], title=f"z{k}") for k in range(2)]
    assert [(r.ok, r.batched) for r in check_files(entropic, batch_kinds=("shannon",))] == [(True, 0), (True, 0)]
