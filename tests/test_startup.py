"""Commands start with the garbage collector off; the quiz app turns it on once drawn."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PROBE = """
import gc, sys, types
probe = types.ModuleType("probe")
probe.main = lambda: print("during", gc.isenabled())
sys.modules["probe"] = probe
from seeds.startup import run_command, settled
run_command("probe")
print("after", gc.isenabled(), gc.get_freeze_count() > 0)
settled()
print("settled", gc.isenabled())
"""


def test_a_command_runs_without_collection_and_freezes_before_exit():
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert done.stdout.split("\n")[:3] == ["during False", "after False True", "settled True"]


async def test_the_quiz_app_collects_garbage_again_once_drawn(tmp_path):
    from quizzes.tui.app import make_app

    gc.disable()  # as `quiz` starts
    try:
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
