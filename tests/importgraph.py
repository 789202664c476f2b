"""The project's import graph as grimp reads it (imports inside functions included): its
cycles, and a drawing of the packages with the command modules on their own.

`make graph` prints the drawing in Graphviz's DOT language
(`make graph > imports.dot && dot -Tsvg imports.dot -o imports.svg`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping

import grimp

PACKAGES = ("seeds", "quizzes", "briefing")
COMMANDS = frozenset({"quizzes.cli", "quizzes.__main__", "briefing.cli", "briefing.__main__"})
# The nodes of the drawing: a module belongs to the longest of these that contains it.
PARTS = (
    "seeds",
    "seeds.draft",
    "quizzes",
    "quizzes.classroom",
    "quizzes.export",
    "quizzes.store",
    "quizzes.tui",
    "briefing",
)


def build() -> grimp.ImportGraph:
    return grimp.build_graph(*PACKAGES, cache_dir=None)


def edges(graph: grimp.ImportGraph) -> dict[str, set[str]]:
    """Every module and the project modules it imports."""
    return {m: set(graph.find_modules_directly_imported_by(m)) for m in sorted(graph.modules)}


def cycles(imports: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(imports):
        if start in index:
            continue
        work = [(start, iter(sorted(imports.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(imports.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


def part_of(module: str) -> str:
    """The node a module is drawn in: its command, or the innermost part holding it."""
    if module in COMMANDS:
        return f"{module.split('.')[0]} command"
    return max((p for p in PARTS if module == p or module.startswith(p + ".")), key=len)


def part_edges(imports: Mapping[str, Iterable[str]]) -> dict[str, set[str]]:
    """Which part imports which (within a part is not drawn)."""
    parts: dict[str, set[str]] = {part_of(m): set() for m in imports}
    for importer, imported in imports.items():
        for module in imported:
            if part_of(module) != part_of(importer):
                parts[part_of(importer)].add(part_of(module))
    return parts


def dot(parts: Mapping[str, Iterable[str]]) -> str:
    lines = ["digraph imports {", "    node [fontname=helvetica, shape=box]"]
    for part in sorted(parts):
        shape = ", style=rounded" if part.endswith(" command") else ""
        lines.append(f'    "{part}" [label="{part}"{shape}]')
    for part, imported in sorted(parts.items()):
        lines += [f'    "{part}" -> "{other}"' for other in sorted(imported)]
    return "\n".join([*lines, "}"]) + "\n"


if __name__ == "__main__":
    sys.stdout.write(dot(part_edges(edges(build()))))
