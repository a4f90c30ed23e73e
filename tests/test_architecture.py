"""Layers point down: the import contracts in pyproject.toml hold (docs/architecture.md).

`make check` runs the same command; this keeps the whole suite honest too.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_no_app_imports_a_layer_above_it_or_its_sibling():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
