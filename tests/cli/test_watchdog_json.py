"""The deadline watchdog answers like every other error (issue 11, item 5):
under ``--json`` only the ``natlat_sym.error`` document on stdout — it also
wrote ``natlat: unknown: ...`` on stderr (seen with ``natlat naturality FILE
--timeout 0.2 --json``) — and without ``--json`` only the one line on stderr."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("as_json", [True, False])
def test_watchdog_writes_one_answer(as_json):
    code = ("import time\nfrom natlat_sym.cli._common import hard_deadline\n"
            f"with hard_deadline(0.1, as_json={as_json}):\n    time.sleep(60)\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.returncode == 3
    reason = "time budget of 0.1 s exhausted (stopped after 2.11 s)"
    if as_json:
        assert proc.stderr == ""
        assert json.loads(proc.stdout)["error"] == {"code": 3, "kind": "unknown", "message": reason}
    else:
        assert proc.stdout == "" and proc.stderr == f"natlat: unknown: {reason}\n"
