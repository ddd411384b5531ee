"""The code stays as DESIGN.md asks: ruff's lint and format, migrations and benchmarks included."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUFF = [sys.executable, "-m", "ruff"]


def test_ruff_finds_nothing_to_lint():
    result = subprocess.run([*RUFF, "check", "--quiet", "."], cwd=ROOT, capture_output=True)
    assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()


def test_ruff_finds_nothing_to_format():
    result = subprocess.run([*RUFF, "format", "--check", "."], cwd=ROOT, capture_output=True)
    assert result.returncode == 0, result.stdout.decode()
