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
            store = Store.open(db)
        except StoreError as err:
            problems.append(f"error: {err}")
        else:
            try:
                runs += runs_from_store(store, shown(db))
            finally:
                store.close()
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
        if len(played) != 1:
            _say(
                "error: name the set to report on"
                + (
                    f"; played: {', '.join(sorted(played))}"
                    if played
                    else ": nobody has played any set yet "
                    "(no runs in the progress database or files)"
                )
            )
            return 1
        ref = next(iter(played))
    catalog = Catalog.load(root)
    try:
        loaded = catalog.find_set(ref)
    except ProblemsFound as found:
        for problem in found.problems:
            _say(str(problem))
        return 1
    set_id = loaded.qset.id
    if set_id not in played:
        _say(
            f"error: nobody has played set '{set_id}' yet"
            + (
                f" (runs found of: {', '.join(sorted(played))})"
                if played
                else " (no runs in the progress database or files)"
            )
        )
        return 1
    for path in files:
        from_file = [c for c in runs if c.source == str(path)]
        if from_file and not any(c.run.set_id == set_id for c in from_file):
            others = ", ".join(sorted({c.run.set_id for c in from_file}))
            _say(f"note: {path} holds no runs of set '{set_id}' (it has: {others})")
    from quizzes.classroom.item_report import build_report, csv_text
    from quizzes.classroom.results import class_results

    results = class_results(loaded.qset, runs)
    report = build_report(results, catalog.pack_for(loaded).pack, datetime.now(UTC))
    if not results.responses:
        _say(
            f"error: nobody has finished set '{set_id}' yet"
            + (f" ({results.unfinished} unfinished run(s))" if results.unfinished else "")
        )
        return 1
    from seeds.userfiles import CannotWrite, check_writable, write_file

    target = output or Path(f"{set_id}-report.pdf")
    rendered = draw(report, paper)
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
        return 1
    for warning in rendered.warnings:
        _say(f"warning: {warning}")
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
    return 0
