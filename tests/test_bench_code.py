"""`make bench` is not part of `make test`, so what it imports lazily (inside the functions
that build its data) is checked here, and the report's class is built small and reported."""

from __future__ import annotations

import ast
import importlib
import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).parent / "benchmarks"


def _imports(path: Path) -> list[tuple[str, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found += [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(alias.name, "") for alias in node.names]
    return found


@pytest.mark.parametrize(
    "path", sorted(p for p in BENCH.rglob("*.py") if p.name != "__init__.py"), ids=lambda p: p.name
)
def test_every_name_a_bench_imports_exists(path: Path):
    imports = _imports(path)
    assert imports, path  # every bench file imports something
    for module, name in imports:
        if module == "__future__":
            continue
        loaded = importlib.import_module(module)
        assert not name or hasattr(loaded, name) or importlib.util.find_spec(f"{module}.{name}"), (
            f"{path.name}: from {module} import {name}"
        )


def test_the_report_bench_class_is_played_and_reported(tmp_path: Path):
    from click.testing import CliRunner

    from quizzes.cli import main
    from tests.benchmarks.bench_report import SET, play_class

    data = tmp_path / "data"
    play_class(data, students=6)
    result = CliRunner().invoke(
        main,
        [
            "--data-dir",
            str(data),
            "report",
            SET,
            "-o",
            str(tmp_path / "r.pdf"),
            "--csv",
            str(tmp_path / "r.csv"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "6 student(s)" in result.output


def test_the_first_frame_bench_opens_on_four_options_as_its_twin_does(tmp_path: Path):
    from quizzes.catalog import Catalog
    from quizzes.engine import build_run
    from quizzes.model import Choice
    from tests.benchmarks.bench_startup import FIRST_FRAME_SEED, FIRST_FRAME_SET
    from tests.benchmarks.twins.tui import OPTIONS

    catalog = Catalog.load(tmp_path)
    loaded = catalog.find_set(FIRST_FRAME_SET)
    run = build_run(loaded.qset, catalog.pack_for(loaded).pack, seed=FIRST_FRAME_SEED)
    first = run.items[0].question
    assert isinstance(first, Choice)
    assert len(run.items[0].options) == len(OPTIONS) == 4
