"""Whole commands beside their bare twins (tests/benchmarks/twins/) or import floors,
measured in the same run, in turns (see tests/benchmarks/twinned.py)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.benchmarks.processes import installed_env
from tests.benchmarks.twinned import BIN, process, ratio_row, twin_script

FLOOR_PASS = [sys.executable, "-c", "pass"]
# `quiz play` opens on this seed's first question: one with four options, the twin's shape
# (seed 1 opened on a number to type, a different screen).
FIRST_FRAME_SET, FIRST_FRAME_SEED = "gsi-figures", 2


def cases():
    data = Path(tempfile.mkdtemp(prefix="classbrief-bench-startup-"))
    env = installed_env(CLASSBRIEF_DATA_DIR=str(data))
    return [
        (
            "brief --help / python -c pass",
            ratio_row(
                process([str(BIN / "brief"), "--help"], env),
                process(FLOOR_PASS, env),
                2.0,
                label="floor",
            ),
            None,
        ),
        (
            # The floor of the row above for a bare program: click alone, --help.
            "  bare click CLI of eight commands, --help / python -c pass",
            ratio_row(
                process(twin_script("cli", "--help"), env),
                process(FLOOR_PASS, env),
                None,
                label="floor",
            ),
            None,
        ),
        (
            "quiz --help / bare click CLI of eight commands",
            ratio_row(
                process([str(BIN / "quiz"), "--help"], env),
                process(twin_script("cli", "--help"), env),
                1.0,
            ),
            None,
        ),
        (
            "quiz check (all bundled) / python -c pass",
            ratio_row(
                process([str(BIN / "quiz"), "check"], env),
                process(FLOOR_PASS, env),
                3.0,
                label="floor",
            ),
            None,
        ),
        (
            "quiz play first frame, headless / bare Textual app",
            ratio_row(
                process(
                    [
                        str(BIN / "quiz"),
                        "play",
                        FIRST_FRAME_SET,
                        "--seed",
                        str(FIRST_FRAME_SEED),
                        "--headless",
                    ],
                    env,
                ),
                process(twin_script("tui"), env),
                1.05,
            ),
            None,
        ),
    ]
