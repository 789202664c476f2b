"""Rows that time this project's command, or call, beside a bare program of the same shape
(its twin, tests/benchmarks/twins/) or a floor (a bare interpreter, an import), in one run.

The two take turns, ours then the twin, RUNS times each after one warm-up of each (which
fills the file cache and any cache of ours): a machine busy with something else slows
both alike, so the ratio of their medians is what the goal is set on. The row prints both
medians beside it, so a goal the twin alone misses shows in the same line.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.benchmarks.processes import installed_env

RUNS = 7
BIN = Path(sys.executable).parent
TWINS = Path(__file__).with_name("twins")

Step = Callable[[], object]


def process(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> Step:
    """A whole process, its output thrown away; it must succeed."""
    env = env if env is not None else installed_env()

    def run() -> None:
        subprocess.run(
            command,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=cwd,
        )

    return run


def twin_script(name: str, *args: str) -> list[str]:
    """The command that runs tests/benchmarks/twins/<name>.py as a script."""
    return [sys.executable, str(TWINS / f"{name}.py"), *args]


def _seconds(step: Step, before: Step | None) -> float:
    if before is not None:
        before()  # not timed: e.g. emptying a cache for a cold run
    started = time.perf_counter()
    step()
    return time.perf_counter() - started


def alternate(
    ours: Step, twin: Step, runs: int = RUNS, before: Step | None = None
) -> tuple[float, float]:
    """The medians (seconds) of ``ours`` and ``twin``, timed in turns after a warm-up of
    each; ``before`` runs untimed before each of ours."""
    _seconds(ours, before)
    _seconds(twin, None)
    mine, bare = [], []
    for _ in range(runs):
        mine.append(_seconds(ours, before))
        bare.append(_seconds(twin, None))
    return statistics.median(mine), statistics.median(bare)


def ratio_row(
    ours: Step,
    twin: Step,
    goal: float | None,
    *,
    label: str = "twin",
    runs: int = RUNS,
    before: Step | None = None,
) -> Callable[[], dict[str, Any]]:
    """A `make bench` row: ours / twin, against ``goal`` (a most), with both medians."""

    def measure() -> dict[str, Any]:
        mine, bare = alternate(ours, twin, runs, before)
        return {
            "value": mine / bare,
            "unit": "x",
            "goal": goal,
            "detail": f"{mine * 1000:.0f} ms vs {label} {bare * 1000:.0f} ms "
            f"(medians of {runs} each, in turns)",
        }

    return measure
