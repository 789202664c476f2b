"""Tests that can fail: none asserts only inside loops, none waits a fixed time.

A loop over an empty collection runs no assert, and the test passes having checked
nothing: a test whose every assert is in a loop must also assert outside it (that the
collection holds what it should), or loop over a collection written in the test itself
(which cannot be empty). A fixed wait (`time.sleep(0.3)`, `pilot.pause(0.3)`) is too short
on a busy machine and too long on an idle one: tests wait for a condition instead, and a
sleep or pause with a delay is allowed only inside a loop that polls for one."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).parent


def _never_empty(iterable: ast.expr) -> bool:
    """A collection written out in the test (``for x in ("a", "b")``), or a range of a
    positive constant: a loop over it runs at least once."""
    if isinstance(iterable, ast.Tuple | ast.List | ast.Set):
        return bool(iterable.elts)
    if isinstance(iterable, ast.Dict):
        return bool(iterable.keys)
    if isinstance(iterable, ast.Constant):
        return isinstance(iterable.value, str | bytes) and bool(iterable.value)
    if isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Name):
        if iterable.func.id == "range" and len(iterable.args) == 1:
            count = iterable.args[0]
            positive = isinstance(count, ast.Constant) and isinstance(count.value, int)
            return positive and count.value > 0
        if iterable.func.id in ("enumerate", "sorted", "reversed") and iterable.args:
            return _never_empty(iterable.args[0])
    return False


def _asserts(node: ast.AST, in_loop: bool = False) -> list[bool]:
    """For each assert in ``node`` (not in nested functions): whether it sits in a loop
    that may run zero times."""
    found: list[bool] = []
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            continue
        if isinstance(child, ast.Assert):
            found.append(in_loop)
        elif isinstance(child, ast.For | ast.AsyncFor):
            maybe_empty = in_loop or not _never_empty(child.iter)
            for statement in child.body:
                found += _asserts_in(statement, maybe_empty)
            for statement in child.orelse:
                found += _asserts_in(statement, in_loop)
        elif isinstance(child, ast.While):
            for statement in child.body:
                found += _asserts_in(statement, True)
            for statement in child.orelse:
                found += _asserts_in(statement, in_loop)
        else:
            found += _asserts(child, in_loop)
    return found


def _asserts_in(statement: ast.stmt, in_loop: bool) -> list[bool]:
    if isinstance(statement, ast.Assert):
        return [in_loop]
    wrapper = ast.Module(body=[statement], type_ignores=[])
    return _asserts(wrapper, in_loop)


def asserts_only_in_loops(source: str) -> list[str]:
    """The test functions of ``source`` that assert, and only inside loops that may not run."""
    flagged = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith(
            "test"
        ):
            found = _asserts(node)
            if found and all(found):
                flagged.append(node.name)
    return flagged


def fixed_waits(source: str) -> list[int]:
    """Lines of ``source`` that sleep or pause for a given time outside any loop."""
    found: list[int] = []

    def visit(node: ast.AST, in_loop: bool) -> None:
        for child in ast.iter_child_nodes(node):
            loop = in_loop or isinstance(child, ast.For | ast.AsyncFor | ast.While)
            if (
                isinstance(child, ast.Call)
                and isinstance(child.func, ast.Attribute | ast.Name)
                and (child.func.attr if isinstance(child.func, ast.Attribute) else child.func.id)
                in ("sleep", "pause")
                and (child.args or child.keywords)
                and not in_loop
            ):
                found.append(child.lineno)
            visit(child, loop)

    visit(ast.parse(source), False)
    return found


def test_the_check_finds_a_fixed_wait():
    source = """
async def test_waits(pilot):
    await pilot.pause(0.3)
    time.sleep(1)
    await pilot.pause()
    while not ready():
        time.sleep(0.05)
"""
    assert fixed_waits(source) == [3, 4]


def test_no_test_waits_a_fixed_time():
    files = sorted(TESTS.rglob("*.py"))
    flagged = [
        f"{path.relative_to(TESTS)}:{line}"
        for path in files
        if "benchmarks" not in path.parts and path.name != "test_honest_tests.py"
        for line in fixed_waits(path.read_text(encoding="utf-8"))
    ]
    assert flagged == [], "wait for a condition (see tests/tui/driver.py: until)"


def test_the_check_finds_a_test_that_asserts_only_in_a_loop():
    source = """
def test_vacuous(items):
    for item in items:
        assert item
def test_while():
    while more():
        assert next_one()
def test_nested_in_a_literal_loop(groups):
    for name in ("a", "b"):
        for item in groups[name]:
            assert item
def test_counted(items):
    assert len(items) == 3
    for item in items:
        assert item
def test_literal():
    for text in ("a", "b"):
        assert text
def test_literal_range():
    for i in range(3):
        assert i < 3
def test_no_assert(items):
    for item in items:
        check(item)
def helper(items):
    for item in items:
        assert item
"""
    assert asserts_only_in_loops(source) == [
        "test_vacuous",
        "test_while",
        "test_nested_in_a_literal_loop",
    ]


def test_no_test_asserts_only_inside_loops():
    files = sorted(TESTS.rglob("test_*.py"))
    assert len(files) > 50
    flagged = [
        f"{path.relative_to(TESTS)}::{name}"
        for path in files
        if "__snapshots__" not in path.parts
        for name in asserts_only_in_loops(path.read_text(encoding="utf-8"))
    ]
    assert flagged == [], "assert the collection is non-empty (or its count) outside the loop"
