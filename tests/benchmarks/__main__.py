"""`make bench`: median timings of every case in tests/benchmarks/bench_*.py, against goals.

Each bench module has ``cases()`` returning (name, callable, goal in seconds or None).
A callable that returns {"value": v, "unit": u} reports that measurement instead of a time
(with "goal" in that unit, "at_least" when the goal is a least, such as a recall, and a
"detail" to print beside it, such as the times a ratio is of).
Benchmarks never fail: they print a table to read and compare.
"""

from __future__ import annotations

import importlib
import statistics
import sys
import time
from pathlib import Path

MIN_RUNS, MAX_RUNS, BUDGET_S = 5, 200, 2.0


def measure(func) -> tuple[float | dict, int]:
    result = func()  # warm-up; also tells a measurement from a timing
    if isinstance(result, dict):
        return result, 1
    times: list[float] = []
    started = time.perf_counter()
    while len(times) < MIN_RUNS or (
        time.perf_counter() - started < BUDGET_S and len(times) < MAX_RUNS
    ):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), len(times)


def main(selected: list[str]) -> None:
    here = Path(__file__).parent
    rows = []
    for path in sorted(here.glob("bench_*.py")):
        module = importlib.import_module(f"tests.benchmarks.{path.stem}")
        for name, func, goal in module.cases():
            if selected and not any(s in name for s in selected):
                continue
            value, runs = measure(func)
            rows.append((name, value, runs, goal))
            print(f"  measured: {name}", file=sys.stderr)
    width = max((len(r[0]) for r in rows), default=10)
    missed: list[str] = []
    print(f"{'benchmark':<{width}}  {'median':>10}  {'runs':>5}  {'goal':>9}  {'ratio':>6}")
    for name, value, runs, goal in rows:
        if isinstance(value, dict):
            # A measured value with its own unit; a "goal" in that unit gives a ratio.
            own_goal = value.get("goal")
            goal_text = f"{own_goal:>7.1f}{value['unit']:<2}" if own_goal else f"{'':>9}"
            ratio = f"{value['value'] / own_goal:>6.2f}" if own_goal else f"{'':>6}"
            # A goal is a most, or with "at_least" (such as a recall) a least.
            if own_goal and (
                value["value"] < own_goal if value.get("at_least") else value["value"] > own_goal
            ):
                missed.append(name)
            detail = f"  {value['detail']}" if value.get("detail") else ""
            print(
                f"{name:<{width}}  {value['value']:>7.1f} {value['unit']:<2}  {'':>5}  "
                f"{goal_text}  {ratio}{detail}"
            )
            continue
        goal_text = f"{goal * 1000:>7.1f}ms" if goal else f"{'-':>9}"
        ratio = f"{value / goal:>6.2f}" if goal else f"{'-':>6}"
        if goal and value > goal:
            missed.append(name)
        print(f"{name:<{width}}  {value * 1000:>8.2f}ms  {runs:>5}  {goal_text}  {ratio}")
    print("ratio = median / goal; below 1.00 meets the goal (above, for a goal that is a least).")
    print("goals missed: " + ("; ".join(missed) if missed else "none"))


if __name__ == "__main__":
    main(sys.argv[1:])
