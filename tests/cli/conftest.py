"""The CLI tests share ``run`` (``tests/cli/cli_run.py``), imported by name from this folder."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
