"""CLI manners (issue 11, item 5): spec ids wherever entry ids are accepted,
tables that fit the terminal without truncating ids, a quiet exit when the
reader of a pipe goes away."""

import json
import os
import subprocess
import sys
from pathlib import Path

from cli_run import run

ROOT = Path(__file__).resolve().parents[2]


def test_check_accepts_a_spec_id():
    code, out, _ = run("check", "EX", "--json", "--no-progress")
    doc = json.loads(out)
    assert code == 0 and doc["entries"] and all(e["spec_id"] == "EX" for e in doc["entries"])


def test_ambiguous_spec_id_lists_the_entries(monkeypatch):
    # the real catalog's spec ids are unique; a catalog where two entries share
    # one must make `show` list both instead of picking one
    from dataclasses import replace

    from natlat_sym.catalog import load_catalog
    from natlat_sym.catalog.registry import Catalog
    from natlat_sym.cli import catalog_cmds

    real = load_catalog()
    t = real.get("mutual_info_le_of_markov_chain")
    twin = replace(t, id="mutual_info_le_of_markov_chain_twin", source_path="")
    monkeypatch.setattr(catalog_cmds, "_load", lambda: Catalog([*real.theorems, twin]))
    code, _, err = run("show", t.spec_id)
    assert code == 2 and t.id in err and twin.id in err and len(err.strip().splitlines()) == 1
    assert [x.id for x in catalog_cmds.resolve_ids(catalog_cmds._load(), t.spec_id.lower())] == [t.id, twin.id]


def test_unknown_id_is_bad_input():
    code, _, err = run("check", "no_such_entry_zz")
    assert code == 2 and "unknown theorem id" in err


def test_list_fits_80_columns_and_never_truncates_ids():
    code, out, _ = run("list", env={"COLUMNS": "80"})
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "…" not in out
    # every id is there in full once its folded pieces are joined
    from natlat_sym.catalog import load_catalog

    cells = "".join(line.split("│")[1].strip() for line in out.splitlines() if line.count("│") >= 4)
    for t in load_catalog():
        assert t.id in cells


def test_closed_pipe_exits_quietly():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    # regression: `natlat show ID | head` ended in "internal error: BrokenPipeError"
    # (show writes line by line, each flushed, so the second write hits EPIPE)
    proc = subprocess.Popen([sys.executable, "-m", "natlat_sym.cli", "show", "mutual_info_le_of_markov_chain"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    proc.stdout.read(10)
    proc.stdout.close()            # the reader goes away, as `| head -1` does
    err = proc.stderr.read().decode()
    assert proc.wait() == 0 and "BrokenPipe" not in err and "internal error" not in err


def test_check_of_one_entry_says_one_entry():
    code, out, _ = run("check", "T4", "--no-progress")
    assert code == 0 and out.rstrip().splitlines()[-1].startswith("1 entry, 0 failing, ")
