"""Imports run one way: the import-linter contracts of pyproject.toml hold, and neither the
modules nor the packages (command modules drawn on their own) import in a circle."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import importgraph

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def imports() -> dict[str, set[str]]:
    return importgraph.edges(importgraph.build())


def test_the_import_contracts_hold(monkeypatch):
    from importlinter.cli import lint_imports

    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename="pyproject.toml", no_cache=True, no_logo=True) == 0


def test_no_module_imports_in_a_circle(imports):
    assert importgraph.cycles(imports) == []


def test_no_package_imports_in_a_circle(imports):
    parts = importgraph.part_edges(imports)
    assert importgraph.cycles(parts) == []
    assert "quizzes" in parts["briefing"] and "seeds" in parts["quizzes"]
    assert "briefing" in parts["quizzes command"]  # `quiz report` draws briefing's PDF


def test_function_level_imports_are_in_the_graph(imports):
    # quizzes.cli imports the terminal app's launcher only inside its command functions.
    assert "quizzes.tui.launch" in imports["quizzes.cli"]


def test_cycles_are_found():
    assert importgraph.cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert importgraph.cycles({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []


def test_the_drawing_names_every_part(imports):
    drawing = importgraph.dot(importgraph.part_edges(imports))
    assert '"quizzes command" -> "briefing"' in drawing
    assert '"briefing" -> "quizzes"' in drawing
    assert '"quizzes" -> "briefing"' not in drawing
