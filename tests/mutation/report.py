"""The mutation score of each mutated module, from what `mutmut run` left in mutants/.

    python -m tests.mutation.report [--goal 90] [--survivors] [MUTANTS_DIR]

For every `<module>.py.meta` mutmut wrote, count the mutants killed, survived and excluded,
print one row per module and exit 1 when a module scores under the goal (or a mutant was
never checked). Standard library only: the mutants are read from the mutated copy of each
module, where mutmut keeps the original function (`x_name__mutmut_orig`) beside each
mutant (`x_name__mutmut_3`), so a mutant's change is found by comparing the two syntax trees
(what `mutmut show NAME` prints as a diff).

Score = killed / (killed + survived), where
- killed counts the mutants a test failed on, and those that timed out (a mutant that makes
  the code loop forever is caught too);
- survived counts the mutants every selected test passed with, and those no selected test
  reaches ("no tests"): an untested function is a gap, not an excuse;
- excluded are the mutants that only change message text, by this rule:

  A mutant is excluded when every difference between it and its original function lies
  inside a message: the arguments of the exception constructed in a `raise` statement,
  the arguments of a `Problem(...)`, or the key and text of a limitation note
  (`notes.add(...)`, `notes.always(...)`). A string changed, its case changed, "XX" added
  around it, None put for it, or a name in an f-string of the message changed: all only
  change what the message says. A change anywhere else (a number, an operator, a
  condition, a string that is data such as a unit, a GIFT mark or an XML tag) is never
  excluded, nor is dropping a message or the exception itself.

The rule is checked on the syntax trees, not on a list of mutant names, so it holds for
mutants that do not exist yet.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

GOAL = 90.0
KILLED = {1, 3, 36, 24, -24, 152, 255}  # a failing test, pytest's internal error, a timeout
SURVIVED = {0, 5, 33}  # every test passed, or no test reached the mutant
# The calls whose string arguments are message text (see the rule above).
MESSAGE_CALLS = {"Problem"}
NOTE_METHODS = {"add", "always"}


@dataclass
class ModuleScore:
    module: str
    killed: int = 0
    survived: int = 0
    excluded: int = 0
    unchecked: int = 0
    survivors: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        judged = self.killed + self.survived
        return 100.0 * self.killed / judged if judged else 100.0


def _functions(tree: ast.Module) -> dict[str, ast.FunctionDef | ast.AsyncFunctionDef]:
    """Every function and method of a mutated module by name (mutants sit beside the
    original in the same class)."""
    found: dict[str, ast.FunctionDef | ast.AsyncFunctionDef] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and "__mutmut_" in node.name:
            found[node.name] = node
    return found


def _message_nodes(function: ast.AST) -> set[int]:
    """The ids of the nodes of ``function`` that are inside a message (see the rule)."""
    inside: set[int] = set()

    def mark(node: ast.AST) -> None:
        inside.update(id(child) for child in ast.walk(node))

    for node in ast.walk(function):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            for argument in [*node.exc.args, *(k.value for k in node.exc.keywords)]:
                mark(argument)
        elif isinstance(node, ast.Call):
            callee = node.func
            name = callee.id if isinstance(callee, ast.Name) else ""
            note = (
                isinstance(callee, ast.Attribute)
                and callee.attr in NOTE_METHODS
                and isinstance(callee.value, ast.Name)
                and callee.value.id == "notes"
            )
            if name in MESSAGE_CALLS:
                for argument in [*node.args, *(k.value for k in node.keywords)]:
                    mark(argument)
            elif note:  # its key and text; the question ids it lists are not wording
                for argument in node.args[:2]:
                    mark(argument)
    return inside


def _differences(a: ast.AST, b: ast.AST) -> Iterator[tuple[ast.AST, ast.AST]]:
    """Pairs of nodes that differ, as deep as the two trees keep the same shape; a pair of
    different kinds of node is yielded as it is."""
    if type(a) is not type(b):
        yield a, b
        return
    if isinstance(a, ast.Constant) and isinstance(b, ast.Constant):
        if type(a.value) is not type(b.value) or a.value != b.value:
            yield a, b
        return
    for name in a._fields:
        if name in ("name", "type_comment"):
            continue  # the function's own name differs by construction
        left, right = getattr(a, name, None), getattr(b, name, None)
        if isinstance(left, list) and isinstance(right, list):
            if len(left) != len(right):
                yield a, b
                continue
            for x, y in zip(left, right, strict=True):
                if isinstance(x, ast.AST) and isinstance(y, ast.AST):
                    yield from _differences(x, y)
                elif x != y:
                    yield a, b
        elif isinstance(left, ast.AST) and isinstance(right, ast.AST):
            yield from _differences(left, right)
        elif left != right:
            yield a, b


def only_message_text(original: ast.AST, mutant: ast.AST) -> bool:
    """Whether ``mutant`` differs from ``original`` only inside messages (the rule)."""
    messages = _message_nodes(original)
    changes = list(_differences(original, mutant))
    return bool(changes) and all(id(old) in messages for old, _ in changes)


def score_module(meta: Path) -> ModuleScore:
    mutated = meta.with_suffix("")  # grading.py.meta -> grading.py
    exit_codes: dict[str, int | None] = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
    module = next(iter(exit_codes), "").rpartition(".")[0] or mutated.stem
    functions = _functions(ast.parse(mutated.read_text("utf-8")))
    result = ModuleScore(module)
    for key, code in sorted(exit_codes.items()):
        name = key.rpartition(".")[2]
        if code is None:
            result.unchecked += 1
        elif code in KILLED:
            result.killed += 1
        elif code in SURVIVED:
            original = functions.get(name.rpartition("__mutmut_")[0] + "__mutmut_orig")
            mutant = functions.get(name)
            if original and mutant and only_message_text(original, mutant):
                result.excluded += 1
            else:
                result.survived += 1
                result.survivors.append(key)
        else:  # suspicious, segfault, skipped: not a test's verdict
            result.unchecked += 1
    return result


def scores(mutants: Path) -> list[ModuleScore]:
    return [score_module(meta) for meta in sorted(mutants.rglob("*.py.meta"))]


def table(rows: list[ModuleScore], goal: float) -> str:
    head = f"{'module':<28} {'killed':>7} {'survived':>9} {'excluded':>9} {'score':>7}  goal"
    lines = [head, "-" * len(head)]
    for row in rows:
        verdict = "ok" if row.score >= goal and not row.unchecked else "UNDER"
        if row.unchecked:
            verdict += f" ({row.unchecked} not checked)"
        lines.append(
            f"{row.module:<28} {row.killed:>7} {row.survived:>9} {row.excluded:>9} "
            f"{row.score:>6.1f}%  ≥{goal:g}% {verdict}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mutants", nargs="?", type=Path, default=Path("mutants"))
    parser.add_argument("--goal", type=float, default=GOAL)
    parser.add_argument("--survivors", action="store_true", help="list surviving mutants")
    args = parser.parse_args(argv)
    rows = scores(args.mutants)
    if not rows:
        print(f"no mutmut results in {args.mutants}/: run `make mutate`", file=sys.stderr)
        return 2
    print(table(rows, args.goal))
    if args.survivors:
        for row in rows:
            for key in row.survivors:
                print(f"survived: {key}  (mutmut show {key})")
    failing = [r.module for r in rows if r.score < args.goal or r.unchecked]
    if failing:
        print(f"under {args.goal:g}% or not fully checked: {', '.join(failing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
