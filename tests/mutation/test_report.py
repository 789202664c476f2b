"""The mutation report: scores per module, and the rule that excludes message-only mutants."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from tests.mutation.report import main, only_message_text, scores

ORIGINAL = """
def f(x, notes):
    if x < 0:
        raise ValueError(f"{x} is negative; write a positive number")
    notes.add("small", "{n} small value{s}", "q")
    return x * 2 if x else "none"
"""


def mutant(old: str, new: str) -> bool:
    changed = ORIGINAL.replace(old, new, 1)
    assert changed != ORIGINAL
    return only_message_text(ast.parse(ORIGINAL).body[0], ast.parse(changed).body[0])


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('"{x} is negative', '"XX{x} is negative'),
        ("; write a positive number", "; WRITE A POSITIVE NUMBER"),
        ("{x} is negative", "{None} is negative"),
        ('"small", ', "None, "),
        ('"{n} small value{s}"', '"XX{n} small value{s}XX"'),
    ],
)
def test_a_change_inside_a_message_is_excluded(old, new):
    assert mutant(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("x < 0", "x <= 0"),
        ('"none"', '"XXnoneXX"'),
        ("x * 2", "x / 2"),
        ("ValueError(f", "ValueError(None) or (f"),
        ('raise ValueError(f"{x} is negative; write a positive number")', "pass"),
        ('"q")', "None)"),
    ],
)
def test_a_change_outside_messages_is_never_excluded(old, new):
    assert not mutant(old, new)


def write_module(folder: Path, name: str, codes: dict[str, int | None]) -> None:
    """A mutated module as mutmut leaves it: the original and its mutants side by side."""
    functions = [ORIGINAL.replace("def f(", "def x_f__mutmut_orig(")]
    bodies = {
        "1": ORIGINAL.replace("x < 0", "x <= 0"),
        "2": ORIGINAL.replace("is negative", "IS NEGATIVE"),
        "3": ORIGINAL.replace("x * 2", "x * 3"),
        "4": ORIGINAL.replace('"none"', '"XXnoneXX"'),
    }
    for number, body in bodies.items():
        functions.append(body.replace("def f(", f"def x_f__mutmut_{number}("))
    (folder / f"{name}.py").write_text("\n".join(functions), "utf-8")
    meta = {"exit_code_by_key": {f"pkg.{name}.x_f__mutmut_{n}": c for n, c in codes.items()}}
    (folder / f"{name}.py.meta").write_text(json.dumps(meta), "utf-8")


def test_scores_count_killed_survived_and_excluded(tmp_path, capsys):
    write_module(tmp_path, "good", {"1": 1, "2": 0, "3": 1, "4": 36})  # 36: a timeout
    write_module(tmp_path, "poor", {"1": 0, "2": 0, "3": 1, "4": 33})  # 33: no test reached it
    good, poor = scores(tmp_path)
    assert (good.module, good.killed, good.survived, good.excluded) == ("pkg.good", 3, 0, 1)
    assert good.score == 100
    assert (poor.killed, poor.survived, poor.excluded, poor.score) == (1, 2, 1, 100 / 3)
    assert poor.survivors == ["pkg.poor.x_f__mutmut_1", "pkg.poor.x_f__mutmut_4"]
    assert main([str(tmp_path)]) == 1
    table = capsys.readouterr().out
    assert "pkg.good" in table and "100.0%" in table and "33.3%" in table
    assert main([str(tmp_path), "--goal", "30"]) == 0


def test_a_mutant_not_yet_checked_fails_the_report(tmp_path):
    write_module(tmp_path, "half", {"1": 1, "2": 0, "3": None, "4": 1})
    (half,) = scores(tmp_path)
    assert (half.killed, half.unchecked) == (2, 1)
    assert main([str(tmp_path), "--goal", "0"]) == 1


def test_no_results_is_an_error(tmp_path):
    assert main([str(tmp_path)]) == 2
