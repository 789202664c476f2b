"""Whole commands against their import floors, measured in the same run.

Each row times a command and its floor (a bare interpreter, or one importing the library
the command cannot do without) alternately, seven times each, and reports the ratio of
the medians: a busy machine slows both alike, so the ratio is what the goal is set on.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.processes import installed_env

BIN = Path(sys.executable).parent
RUNS = 7
FLOOR_PASS = [sys.executable, "-c", "pass"]
FLOOR_PDF = [sys.executable, "-c", "import reportlab.platypus, reportlab.pdfbase.ttfonts"]
FLOOR_TUI = [sys.executable, "-c", "import textual.app"]
# What the libraries alone take, beside the rows measured against the same floors.
CLICK_ALONE = [sys.executable, "-c", "import click"]
TEXTUAL_ALONE = [sys.executable, str(Path(__file__).with_name("twins") / "tui.py")]


def _seconds(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    return time.perf_counter() - started


def _ratio(command: list[str], floor: list[str], goal: float | None, env: dict[str, str]):
    def measure() -> dict[str, object]:
        _seconds(command, env)  # warm the file cache (and any cache of ours) once
        _seconds(floor, env)
        mine, base = [], []
        for _ in range(RUNS):
            mine.append(_seconds(command, env))
            base.append(_seconds(floor, env))
        m, b = statistics.median(mine), statistics.median(base)
        return {
            "value": m / b,
            "unit": "x",
            "goal": goal,
            "detail": f"{m * 1000:.0f} ms vs floor {b * 1000:.0f} ms",
        }

    return measure


def cases():
    data = Path(tempfile.mkdtemp(prefix="classbrief-bench-startup-"))
    env = installed_env(CLASSBRIEF_DATA_DIR=str(data))
    out = str(data / "brief.pdf")
    return [
        (
            "brief --help / python -c pass",
            _ratio([str(BIN / "brief"), "--help"], FLOOR_PASS, 2.0, env),
            None,
        ),
        (
            "quiz --help / python -c pass",
            _ratio([str(BIN / "quiz"), "--help"], FLOOR_PASS, 2.0, env),
            None,
        ),
        (
            "  click alone: import click / python -c pass",
            _ratio(CLICK_ALONE, FLOOR_PASS, None, env),
            None,
        ),
        (
            "quiz check (all bundled) / python -c pass",
            _ratio([str(BIN / "quiz"), "check"], FLOOR_PASS, 3.0, env),
            None,
        ),
        (
            "brief build (bundled pack) / import reportlab",
            _ratio(
                [str(BIN / "brief"), "build", "gsi-training-2023", "-o", out], FLOOR_PDF, 1.5, env
            ),
            None,
        ),
        (
            "quiz play to first frame / import textual.app",
            _ratio(
                [str(BIN / "quiz"), "play", "gsi-figures", "--seed", "1", "--headless"],
                FLOOR_TUI,
                1.4,
                env,
            ),
            None,
        ),
        (
            "  Textual alone: a question-shaped screen / import textual.app",
            _ratio(TEXTUAL_ALONE, FLOOR_TUI, None, env),
            None,
        ),
    ]
