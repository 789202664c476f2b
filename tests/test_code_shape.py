"""Functions a reader can hold: none in seeds/, quizzes/ or briefing/ is longer than
MAX_LINES lines or above a cyclomatic complexity of MAX_COMPLEXITY (ruff's C901), except
the ones the README's "Code shape" section lists, each with why; that list and the
functions over the limits are the same, so neither can drift from the other."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("seeds", "quizzes", "briefing")
MAX_LINES = 60
MAX_COMPLEXITY = 15


@dataclass(frozen=True)
class Function:
    path: str  # relative to the project, with forward slashes
    name: str  # qualified: "Class.method", "outer.inner"
    line: int  # of the `def`
    length: int  # lines from the `def` to the last line of the body


def functions(source: str, path: str) -> list[Function]:
    """Every function and method in ``source``, nested ones too."""
    found: list[Function] = []

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = prefix + child.name
                assert child.end_lineno is not None
                found.append(
                    Function(path, name, child.lineno, child.end_lineno - child.lineno + 1)
                )
                visit(child, name + ".")
            elif isinstance(child, ast.ClassDef):
                visit(child, prefix + child.name + ".")
            else:
                visit(child, prefix)

    visit(ast.parse(source), "")
    return found


def project_functions() -> list[Function]:
    return [
        function
        for package in PACKAGES
        for file in sorted((ROOT / package).rglob("*.py"))
        for function in functions(
            file.read_text(encoding="utf-8"), file.relative_to(ROOT).as_posix()
        )
    ]


def too_long(found: list[Function], most: int = MAX_LINES) -> set[tuple[str, str]]:
    return {(f.path, f.name) for f in found if f.length > most}


def too_complex(
    found: list[Function],
    most: int = MAX_COMPLEXITY,
    root: Path = ROOT,
    packages: tuple[str, ...] = PACKAGES,
) -> set[tuple[str, str]]:
    """ruff's C901 over the packages (``# noqa`` ignored, so an exception must be listed)."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--select",
            "C901",
            "--config",
            f"lint.mccabe.max-complexity={most}",
            "--ignore-noqa",
            "--output-format",
            "json",
            "--exit-zero",
            *packages,
        ],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    by_place = {(f.path, f.line): f.name for f in found}
    offenders = set()
    for finding in json.loads(result.stdout):
        path = Path(finding["filename"]).resolve().relative_to(root.resolve()).as_posix()
        offenders.add((path, by_place[path, finding["location"]["row"]]))
    return offenders


def readme_exceptions(readme: str) -> set[tuple[str, str]]:
    """The README's "Code shape" list: lines "- `path` `Name.qualified`: why", or "- none"."""
    section = ("\n" + readme).split("\n## Code shape\n", 1)[1].split("\n## ", 1)[0]
    items = re.findall(r"^- (.*)$", section, flags=re.MULTILINE)
    listed = set()
    for item in items:
        if item.strip() == "none":
            continue
        match = re.match(r"`([^`]+)` `([^`]+)`[:,—–] *\S", item)
        assert match, f"a Code shape exception needs `path` `name` and why: {item!r}"
        listed.add((match[1], match[2]))
    return listed


def test_ruff_enforces_the_same_complexity_limit():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    lint = config["tool"]["ruff"]["lint"]
    assert "C90" in lint["select"]
    assert lint["mccabe"]["max-complexity"] == MAX_COMPLEXITY


def test_no_function_is_too_long_or_too_complex_but_the_readme_exceptions():
    found = project_functions()
    assert len(found) > 500  # the walk reached every package
    offenders = too_long(found) | too_complex(found)
    listed = readme_exceptions((ROOT / "README.md").read_text(encoding="utf-8"))
    assert sorted(offenders - listed) == [], "split these, or list them in the README with why"
    assert sorted(listed - offenders) == [], "these README exceptions are within the limits now"


def test_the_measures_find_a_long_and_a_complex_function(tmp_path: Path):
    branches = "".join(f"    if x == {i}:\n        return {i}\n" for i in range(MAX_COMPLEXITY))
    source = (
        "class Box:\n"
        "    def method(self):\n"
        "        def inner():\n"
        + "".join(f"            a{i} = {i}\n" for i in range(MAX_LINES - 2))
        + "        return inner\n"
        + f"def branchy(x):\n{branches}    return -1\n"
    )
    found = functions(source, "pkg/mod.py")
    lengths = {f.name: f.length for f in found}
    assert lengths == {
        "Box.method": MAX_LINES + 1,
        "Box.method.inner": MAX_LINES - 1,
        "branchy": 32,
    }
    assert too_long(found) == {("pkg/mod.py", "Box.method")}
    assert too_long(found, MAX_LINES + 1) == set()
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "mod.py").write_text(source, encoding="utf-8")
    assert too_complex(found, root=tmp_path, packages=("pkg",)) == {("pkg/mod.py", "branchy")}
    assert too_complex(found, MAX_COMPLEXITY + 1, tmp_path, ("pkg",)) == set()


def test_the_readme_list_reads_names_and_refuses_an_entry_without_why():
    readme = (
        "# x\n\n## Code shape\n\nText.\n\n"
        "- `seeds/a.py` `Table.rows`: one declarative table\n"
        "- `quizzes/b.py` `make`: why\n\n## Next\n\n- `c.py` `other`: not this section\n"
    )
    assert readme_exceptions(readme) == {("seeds/a.py", "Table.rows"), ("quizzes/b.py", "make")}
    assert readme_exceptions("## Code shape\n\n- none\n") == set()
    with pytest.raises(AssertionError, match="needs `path` `name` and why"):
        readme_exceptions("## Code shape\n\n- `seeds/a.py` `f`\n")
