"""Importing the brief's pure parts must not load reportlab or textual."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    "module", ["briefing", "briefing.compose", "briefing.content", "briefing.cli"]
)
def test_no_heavy_imports(module):
    code = (
        f"import sys, {module}; "
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('reportlab', 'textual')); print(heavy)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("command", ["briefing.cli", "quizzes.cli"])
def test_help_loads_no_fact_model_ui_or_pdf_library(command):
    """`brief --help` and `quiz --help` answer without pydantic, textual or reportlab."""
    code = (
        f"import sys; from {command} import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'pydantic', 'reportlab', 'textual'}); print('HEAVY', heavy)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in done.stdout, done.stdout[-300:]
