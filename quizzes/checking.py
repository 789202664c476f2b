"""`quiz check`: every pack and set named (or found), every problem at once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from seeds import paths
from seeds.packs import (
    BUNDLED_PACKS,
    PACK_FILE,
    LoadedPack,
    PackCheck,
    check_pack_file,
    duplicate_ids,
)
from seeds.problems import Problem, display_path, sort_problems


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    packs: int = 0
    sets: int = 0
    coverage: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was verified, e.g. quotes

    def lines(self) -> list[str]:
        return [str(p) for p in sort_problems(self.problems)] + self.notes + self.coverage

    def counts(self) -> tuple[int, int]:
        errors = sum(p.is_error for p in self.problems)
        return errors, len(self.problems) - errors

    def failed(self, strict: bool = False) -> bool:
        errors, warnings = self.counts()
        return errors > 0 or (strict and warnings > 0)

    def summary(self) -> str:
        errors, warnings = self.counts()
        return (
            f"checked {self.packs} pack(s) and {self.sets} set(s): "
            f"{errors} error(s), {warnings} warning(s)"
        )


def pack_folders(root: Path) -> list[tuple[Path, str]]:
    """Where packs are found when no path is given: bundled first, then the user's."""
    return [(BUNDLED_PACKS, "bundled"), (paths.user_packs(root), "user")]


def _classify(paths: list[Path]) -> Iterator[tuple[str, Path]]:
    """("pack", pack.yaml) or ("set", file.yaml) for each file under the given paths."""
    for path in paths:
        if path.is_dir():
            if (path / PACK_FILE).is_file():
                yield "pack", path / PACK_FILE
                continue
            for child in sorted(path.rglob("*.y*ml")):
                if child.suffix in (".yaml", ".yml"):
                    yield ("pack" if child.name == PACK_FILE else "set"), child
        else:
            yield ("pack" if path.name == PACK_FILE else "set"), path


def run_check(
    paths: list[Path], root: Path, *, article: str | None = None, coverage: bool = False
) -> Report:
    from quizzes.sets import check_set_files, default_set_folders

    report = Report()
    if not paths:
        paths = [folder for folder, _ in pack_folders(root) if folder.is_dir()]
        paths += [folder for folder, _ in default_set_folders(root) if folder.is_dir()]
    files = list(_classify(paths))
    packs: dict[str, LoadedPack] = {}
    checks: list[PackCheck] = []
    for kind, path in files:
        if kind != "pack":
            continue
        report.packs += 1
        checked = check_pack_file(path, article=article)
        checks.append(checked)
        report.problems += checked.problems
        report.notes.append(checked.quote_line(checked.pack_id or display_path(path)))
        if checked.loaded is not None:
            packs.setdefault(checked.loaded.pack.id, checked.loaded)
    report.problems += duplicate_ids(checks)
    # Sets may name packs that were not among the paths: look in the usual places too.
    from quizzes.catalog import Catalog

    catalog = Catalog.load(root, extra_packs=packs)
    failed = {c.pack_id: c.problems for c in checks if c.loaded is None and c.pack_id}
    failed = {**catalog.failed, **failed}
    set_files = [path for kind, path in files if kind == "set"]
    report.sets += len(set_files)
    problems, tested = check_set_files(set_files, catalog.packs, failed)
    report.problems += problems
    if coverage:
        problems, report.coverage = fact_coverage(packs or catalog.packs, tested)
        report.problems += problems
    return report


def fact_coverage(
    packs: dict[str, LoadedPack], tested: dict[str, set[str]]
) -> tuple[list[Problem], list[str]]:
    """A warning at each fact no checked set tests, and a summary line a pack."""
    problems, lines = [], []
    for pack_id, loaded in sorted(packs.items()):
        facts = loaded.pack.facts()
        missing = [fid for fid in facts if fid not in tested.get(pack_id, set())]
        where = display_path(loaded.path)
        for fid in missing:
            line, col = loaded.fact_location(fid)
            problems.append(
                Problem(
                    where,
                    line,
                    col,
                    "warning",
                    f"fact '{fid}' ({facts[fid].kind}) is tested by no set",
                    "add a question with `fact: " + fid + "`",
                )
            )
        lines.append(
            f"coverage: {pack_id}: {len(facts) - len(missing)} of {len(facts)} facts "
            "tested by the checked sets"
        )
    return problems, lines
