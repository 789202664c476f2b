"""Importing the brief's pure parts must not load reportlab or textual."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["briefing", "briefing.compose", "briefing.content",
                                    "briefing.cli"])
def test_no_heavy_imports(module):
    code = (f"import sys, {module}; "
            "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
            "('reportlab', 'textual')); print(heavy)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"
