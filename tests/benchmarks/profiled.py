"""How much of a profiled stretch of work ran in this project's own code."""

from __future__ import annotations

import cProfile
import pstats
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PROJECT = tuple(REPO / package for package in ("seeds", "quizzes", "briefing"))
# An event loop waiting for something to do, not working (on Linux, macOS, elsewhere).
IDLE = {
    "<method 'poll' of 'select.epoll' objects>",
    "<method 'control' of 'select.kqueue' objects>",
    "<built-in method select.select>",
}


def own_share(profile: cProfile.Profile) -> dict[str, object]:
    """The percentage of the profiled time (each function's own time) spent in the
    project's packages; the rest is the libraries, Python and built-ins."""
    own = total = 0.0
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    for (file, _, function), (_, _, self_time, _, _) in stats.items():
        if function in IDLE:
            continue
        total += self_time
        if any(Path(file).is_relative_to(package) for package in PROJECT):
            own += self_time
    return {"value": 100 * own / total if total else 0.0, "unit": "%"}
