"""Build the fake project with the natlat extension and inspect the output."""

from __future__ import annotations

import json
import re

import pytest

def test_clean_build_has_no_warnings(fake_site):
    out, warnings = fake_site
    assert warnings == ""
    assert (out / "catalog" / "mutual_info_le_of_markov_chain.html").is_file()


def test_theorem_page_renders_every_part_in_order(fake_site):
    out, _ = fake_site
    html = (out / "catalog" / "mutual_info_le_of_markov_chain.html").read_text()
    order = ["Data processing inequality", 'natlat-badge natlat-status-certified', "Statement",
             "Formal statement", "Dependencies", "Checks", "Derivation", "Code", "test_theorem_checks["
             "mutual_info_le_of_markov_chain]", "References"]
    positions = [html.find(s) for s in order]
    assert -1 not in positions, [s for s, p in zip(order, positions) if p == -1]
    assert positions == sorted(positions)
    assert r"\Longrightarrow" in html                      # Statement.latex() in display math
    assert "<details" in html and "proofs/fake_catalog.py" in html and "Thm" in html  # source
    assert 'href="mutual_information.html#thm-mutual_information"' in html   # uses
    assert 'href="double_processing.html#thm-double_processing"' in html     # used by
    assert "hypothesis markov" in html and "chain rule" in html               # derivation rows
    assert "natlat-mathjax/tex-svg-full.js" in html and "cdn" not in html.lower()


def test_definition_page_shows_the_distribution_table(fake_site):
    out, _ = fake_site
    html = (out / "catalog" / "mutual_information.html").read_text()
    assert "natlat-status-checked" in html
    assert re.search(r"<p>1/2</p>", html)


def test_graph_and_status_table_are_filled_from_the_build(fake_site):
    out, _ = fake_site
    html = (out / "graph.html").read_text()
    statuses = dict(re.findall(r'data-id="([^"]+)" data-status="([^"]+)"', html))
    assert statuses == {"mutual_information": "checked", "mutual_info_le_of_markov_chain": "certified",
                        "double_processing": "certified"}
    assert 'href="catalog/double_processing.html#thm-double_processing"' in html
    assert html.count("natlat-status-certified") >= 2        # status-table badges


def test_theorems_json_export(fake_site):
    out, _ = fake_site
    rows = {r["id"]: r for r in json.loads((out / "theorems.json").read_text())}
    assert set(rows) == {"mutual_information", "mutual_info_le_of_markov_chain", "double_processing"}
    assert rows["double_processing"]["url"] == "catalog/double_processing.html#thm-double_processing"
    assert rows["mutual_information"]["used_by"] == ["mutual_info_le_of_markov_chain", "double_processing"]
    assert rows["mutual_info_le_of_markov_chain"]["uses_computed"] == ["markov"]


def test_mathjax_is_served_locally(fake_site):
    out, _ = fake_site
    bundle = out / "_static" / "natlat-mathjax" / "tex-svg-full.js"
    assert bundle.is_file() and bundle.stat().st_size > 100_000


def test_unchanged_theorems_are_not_re_proved(tmp_path, monkeypatch, build_site):
    calls = tmp_path / "calls.txt"
    monkeypatch.setenv("NATLAT_FAKE_CALLS", str(calls))
    cache = tmp_path / "cache"
    build_site(tmp_path / "one", cache=cache)
    first = calls.read_text().split()
    assert sorted(first) == sorted(["mutual_information", "mutual_info_le_of_markov_chain",
                                    "double_processing"])
    build_site(tmp_path / "two", cache=cache)
    assert calls.read_text().split() == first


@pytest.mark.parametrize("scenario, expected", [
    ("failing", "mutual_info_le_of_markov_chain (T1) is failing: expected proved, prover says unknown"),
    ("crash", "mutual_info_le_of_markov_chain (T1) is failing: RuntimeError: boom in the prover"),
])
def test_a_failed_check_is_a_warning_not_a_crash(tmp_path, scenario, expected, build_site):
    out, warnings = build_site(tmp_path, scenario=scenario)
    assert expected in warnings
    html = (out / "catalog" / "mutual_info_le_of_markov_chain.html").read_text()
    assert "natlat-status-failing" in html and "Check failed" in html


def test_unknown_ids_and_missing_pages_are_warnings(tmp_path, build_site):
    _, warnings = build_site(
        tmp_path, skip_pages=["double_processing"],
        extra_pages={"extra.md": "# Extra\n\n```{natlat:theorem} no_such_theorem\n```\n"})
    assert "natlat:theorem 'no_such_theorem'" in warnings
    assert "catalog entry double_processing has no docs page" in warnings
    assert "unknown natlat theorem id 'double_processing'" in warnings


def test_a_failing_entry_warns_on_every_build_incremental_and_cached(tmp_path, build_site):
    # regression (issue 9): the second build into the same output folder did not
    # re-read the page, so the warning vanished and `sphinx -W` passed
    expected = "mutual_info_le_of_markov_chain (T1) is failing"
    _, first = build_site(tmp_path, scenario="failing")
    assert first.count(expected) == 1
    _, again = build_site(tmp_path, scenario="failing", fresh=False)  # incremental: nothing re-read
    assert again.count(expected) == 1
    _, cached = build_site(tmp_path / "other", scenario="failing", cache=tmp_path / "cache")  # check from cache
    assert cached.count(expected) == 1


# ----------------------------------------------------------------------------- Coq kernel checks
def _fake_coqc(tmp_path, *, accept: bool):
    """A stand-in ``coqc`` (via $NATLAT_COQC): reports version 8.16.1 and
    accepts or rejects every file, so the warning path needs no real Coq."""
    script = tmp_path / "fake-coqc"
    verdict = "exit 0" if accept else ('echo \'File "./x.v", line 3, characters 0-5:\'; '
                                       'echo "Error: fake rejection"; exit 1')
    script.write_text('#!/bin/sh\nif [ "$1" = "--version" ]; then echo "The Coq Proof Assistant, version 8.16.1"; '
                      f'exit 0; fi\n{verdict}\n')
    script.chmod(0o755)
    return str(script)


def test_a_coq_rejection_warns_on_every_build_incremental_included(tmp_path, monkeypatch, build_site):
    # regression (issue 9 item 7): the "kernel rejects" warning was emitted only
    # when the page was re-read, so a second build into the same folder passed -W
    monkeypatch.setenv("NATLAT_COQC", _fake_coqc(tmp_path, accept=False))
    expected = "the Coq kernel rejects its exported proof: line 3: Error: fake rejection"
    out, first = build_site(tmp_path, scenario="coq")
    assert first.count(expected) == 2  # both proved entries export, both are rejected
    assert "theorem double_processing: " + expected in first
    _, again = build_site(tmp_path, scenario="coq", fresh=False)  # incremental: nothing re-read
    assert again.count(expected) == 2
    _, cached = build_site(tmp_path / "other", scenario="coq", cache=tmp_path / "cache")  # results from the cache
    assert cached.count(expected) == 2
    html = (out / "catalog" / "double_processing.html").read_text()
    assert "natlat-status-failing" in html and "fake rejection" in html


def test_entries_are_kernel_checked_in_one_coqc_run(tmp_path, build_site):
    pytest.importorskip("natlat_sym.coq.run")
    from natlat_sym.coq.run import find_coqc

    if find_coqc() is None:
        pytest.skip("coqc is not installed (Debian: apt-get install coq)")
    out, warnings = build_site(tmp_path, scenario="coq")
    assert "Coq" not in warnings
    for tid in ("mutual_info_le_of_markov_chain", "double_processing"):
        html = (out / "catalog" / f"{tid}.html").read_text()
        assert "kernel-checked (Coq" in html and "checked in one coqc run with the other entries" in html
        assert (out / "_coq" / f"{tid}.v").is_file()
    batch = (out / "_coq" / "all-entries.v").read_text()
    assert batch.count("Module NatlatEntry_") == 2
    # a build into a new folder with the same cache runs no coqc, and still
    # publishes the batch file its pages name
    from natlat_sym.coq.run import run_coqc

    other, _ = build_site(tmp_path / "other", scenario="coq", cache=tmp_path / "cache")
    assert "checked in one coqc run with the other entries" in (other / "catalog" / "double_processing.html").read_text()
    assert (other / "_coq" / "all-entries.v").read_text() == batch
    assert run_coqc(batch, filename="all_entries.v").ok
