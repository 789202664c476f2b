"""`quiz report`: gather the class's runs, pick the set, write the PDF and the CSV.
Every problem a teacher can cause is a message and an exit code, never a traceback.

The PDF is drawn by the function the command passes in (``briefing.item_report_pdf``):
quizzes never imports briefing."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from quizzes.catalog import Catalog
from quizzes.classroom.results import (
    ClassRun,
    ResultsError,
    read_results_file,
    runs_from_store,
    sets_played,
)
from quizzes.store import Store, StoreError, location, shown
from seeds import paths
from seeds.problems import ProblemsFound

if TYPE_CHECKING:
    from quizzes.classroom.item_report import ClassReport
    from quizzes.classroom.results import ClassResults
    from quizzes.sets import LoadedSet


class DrawnReport(Protocol):
    """A report drawn as PDF: its bytes and what the teacher should be warned of."""

    @property
    def pdf(self) -> bytes: ...
    @property
    def warnings(self) -> tuple[str, ...]: ...


DrawReport = Callable[["ClassReport", str], DrawnReport]
"""Draws a report on paper "a4" or "letter"."""


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def _split(args: tuple[str, ...]) -> tuple[str | None, list[Path]]:
    """The set (at most one) and the results files among the arguments."""
    refs = [a for a in args if not (a.endswith(".json") or Path(a).is_file())]
    files = [Path(a) for a in args if a not in refs]
    if len(refs) > 1:
        raise ValueError(f"one set at a time; got {', '.join(refs)} (results files end in .json)")
    return (refs[0] if refs else None), files


def gather(
    root: Path, files: list[Path], database: str | None = None
) -> tuple[list[ClassRun], list[str]]:
    """Runs from the progress database and every file; problems as messages."""
    runs: list[ClassRun] = []
    problems: list[str] = []
    db = location(root, database)
    if database is not None or paths.progress_db(root).is_file():
        try:
            with Store.reading(db) as store:
                stored = runs_from_store(store, shown(db))
        except StoreError as err:
            problems.append(f"error: {err}")
        else:
            runs += stored
    for path in files:
        try:
            runs += read_results_file(path)
        except ResultsError as err:
            problems.append(f"error: {err} (left out)")
    return runs, problems


def make_report(
    root: Path,
    args: tuple[str, ...],
    output: Path | None,
    csv_path: Path | None,
    paper: str,
    draw: DrawReport,
    database: str | None = None,
) -> int:
    try:
        ref, files = _split(args)
    except ValueError as err:
        _say(f"error: {err}")
        return 2
    runs, unreadable = gather(root, files, database)
    for message in unreadable:
        _say(message)
    played = sets_played(runs)
    if ref is None:
        ref = _the_one_played(played)
        if ref is None:
            return 1
    catalog = Catalog.load(root)
    loaded = _played_set(catalog, ref, played)
    if loaded is None:
        return 1
    set_id = loaded.qset.id
    _note_files_without(files, runs, set_id)
    from quizzes.classroom.item_report import build_report
    from quizzes.classroom.results import class_results

    results = class_results(loaded.qset, runs)
    report = build_report(results, catalog.pack_for(loaded).pack, datetime.now(UTC))
    if not results.responses:
        _say(
            f"error: nobody has finished set '{set_id}' yet"
            + (f" ({results.unfinished} unfinished run(s))" if results.unfinished else "")
        )
        return 1
    target = output or Path(f"{set_id}-report.pdf")
    if not _write_report(draw(report, paper), report, target, csv_path):
        return 1
    _say_written(report, results, target, csv_path)
    return 0


def _the_one_played(played: dict[str, str]) -> str | None:
    """The set to report on when none is named: the only one played, if only one is."""
    if len(played) == 1:
        return next(iter(played))
    _say(
        "error: name the set to report on"
        + (
            f"; played: {', '.join(sorted(played))}"
            if played
            else ": nobody has played any set yet (no runs in the progress database or files)"
        )
    )
    return None


def _played_set(catalog: Catalog, ref: str, played: dict[str, str]) -> LoadedSet | None:
    """The set ``ref`` names, if it loads and someone has played it (else said why)."""
    try:
        loaded = catalog.find_set(ref)
    except ProblemsFound as found:
        for problem in found.problems:
            _say(str(problem))
        return None
    if loaded.qset.id not in played:
        _say(
            f"error: nobody has played set '{loaded.qset.id}' yet"
            + (
                f" (runs found of: {', '.join(sorted(played))})"
                if played
                else " (no runs in the progress database or files)"
            )
        )
        return None
    return loaded


def _note_files_without(files: list[Path], runs: list[ClassRun], set_id: str) -> None:
    """A note for each results file named that holds runs, but none of this set."""
    for path in files:
        from_file = [c for c in runs if c.source == str(path)]
        if from_file and not any(c.run.set_id == set_id for c in from_file):
            others = ", ".join(sorted({c.run.set_id for c in from_file}))
            _say(f"note: {path} holds no runs of set '{set_id}' (it has: {others})")


def _write_report(
    rendered: DrawnReport, report: ClassReport, target: Path, csv_path: Path | None
) -> bool:
    """The PDF (and the CSV if asked for) written, or False with the reason said; nothing is
    written unless every file can be."""
    from quizzes.classroom.item_report import csv_text
    from seeds.userfiles import CannotWrite, check_writable, write_file

    outputs = [(target, rendered.pdf)]
    if csv_path is not None:
        outputs.append((csv_path, csv_text(report).encode("utf-8")))
    try:
        for path, _ in outputs:  # refused before anything is written
            check_writable(path)
        for path, data in outputs:
            if write_file(path, data, folders=True):
                _say(f"replaced existing {path}")
    except CannotWrite as err:
        _say(f"error: {err}")
        return False
    for warning in rendered.warnings:
        _say(f"warning: {warning}")
    return True


def _say_written(
    report: ClassReport, results: ClassResults, target: Path, csv_path: Path | None
) -> None:
    summary = report.analysis.summary
    for note in results.notes:
        print(f"note: {note}")
    print(
        f"wrote {target}"
        + (f" and {csv_path}" if csv_path else "")
        + f": {summary.students} student(s), {len(report.analysis.flagged)} flagged "
        "question(s)"
    )
    if not summary.meaningful:
        print(
            f"With {summary.students} student(s) the statistics are not meaningful yet; "
            "the report lists the answers."
        )
