"""The `quiz` command. Heavy modules (the Textual app) load only in the subcommands that draw."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from quizzes.failsafe import FailSafeGroup
from seeds.paths import DATA_DIR_ENV, cache, data_dir

if TYPE_CHECKING:
    from collections.abc import Callable

    from briefing.render import Rendered
    from quizzes.classroom.item_report import ClassReport
    from seeds.problems import Problem

_DATA_DIR = click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=f"Folder for your packs, sets and progress (default: ${DATA_DIR_ENV} or the "
    "platform's user data folder).",
)


class DatabaseURL(click.ParamType):
    """A postgresql:// URL; refused without echoing it (it may hold a password)."""

    name = "url"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from quizzes.store import is_url

        if not is_url(value):
            self.fail(
                "give a PostgreSQL URL, postgresql://user@host/database (or leave it out "
                "to keep progress in the data folder)",
                param,
                ctx,
            )
        return str(value)


_DATABASE = click.option(
    "--database",
    type=DatabaseURL(),
    envvar="CLASSBRIEF_DATABASE",
    default=None,
    metavar="URL",
    help="Keep progress in this PostgreSQL database, postgresql://user@host/db (default: "
    "$CLASSBRIEF_DATABASE, or SQLite in the data folder).",
)


# Seeds and counts are stored as SQLite integers; a limit past a day is a typo.
SEEDS = click.IntRange(0, 2**63 - 1)
COUNTS = click.IntRange(1, 100_000)
MAX_MINUTES = 24 * 60


class Minutes(click.FloatRange):
    """A time limit in minutes: more than 0, at most a day; nan (which compares false with
    every bound, so FloatRange lets it through) is refused too."""

    name = "minutes"

    def __init__(self) -> None:
        super().__init__(min=0, min_open=True, max=MAX_MINUTES)

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        minutes = super().convert(value, param, ctx)
        if minutes != minutes:
            self.fail(f"{value!r} is not a number of minutes", param, ctx)
        return float(minutes)


@click.group(
    cls=FailSafeGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@_DATABASE
@_DATA_DIR
@click.pass_context
def main(ctx: click.Context, database: str | None, data_dir: Path | None) -> None:
    """Quiz yourself on curated news facts, and check question sets.

    With no command, opens the quiz app on its home screen.
    """
    ctx.obj = data_dir
    ctx.meta["database"] = database
    if ctx.invoked_subcommand is None:
        from quizzes.tui.launch import open_home

        sys.exit(open_home(_root(ctx), database))


def _root(ctx: click.Context, override: Path | None = None) -> Path:
    return data_dir(override or ctx.obj)


def _database(ctx: click.Context, given: str | None) -> str | None:
    """A command's --database, or the one given before the command (`quiz --database …`)."""
    return given or ctx.meta.get("database")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--article",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Article text to verify every quoted fragment against.",
)
@click.option("--coverage", is_flag=True, help="List, for each pack, the facts no set tests.")
@click.option("--strict", is_flag=True, help="Treat warnings as failures.")
@_DATA_DIR
@click.pass_context
def check(
    ctx: click.Context,
    paths: tuple[Path, ...],
    article: Path | None,
    coverage: bool,
    strict: bool,
    data_dir: Path | None,
) -> None:
    """Check packs and question sets; print every problem as file:line:col.

    PATHS are pack folders, YAML files or folders of them. With none, every bundled
    and user pack and set is checked. Exit 0 when clean, 1 on problems.
    """
    from quizzes import BUNDLED_SETS, checkcache
    from seeds.paths import BUNDLED_PACKS, user_packs, user_sets

    article_text = None
    if article is not None:
        from seeds.articles import read_article

        article_text, unreadable = read_article(article)
        if unreadable is not None:
            raise click.BadParameter(str(unreadable), param_hint="--article")
    for path in paths:
        if not path.exists():
            raise click.BadParameter(f"{path} does not exist", param_hint="PATHS")
    root = _root(ctx, data_dir)
    inputs = [
        *paths,
        BUNDLED_PACKS,
        user_packs(root),
        BUNDLED_SETS,
        user_sets(root),
        *([article] if article else []),
    ]
    key = checkcache.report_key(
        inputs, {"paths": [str(p) for p in paths], "article": str(article), "coverage": coverage}
    )
    cached = checkcache.load(root, key) if key else None
    if cached is None:
        from quizzes.checking import run_check

        report = run_check(list(paths), root, article=article_text, coverage=coverage)
        cached = checkcache.CachedReport(
            report.lines(), report.summary(), report.failed(), report.failed(strict=True)
        )
        if key:
            checkcache.store(root, key, cached)
    for line in cached.lines:
        click.echo(line)
    click.echo(cached.summary, err=True)
    sys.exit(1 if (cached.failed_strict if strict else cached.failed) else 0)


@main.command("list")
@_DATA_DIR
@click.pass_context
def list_(ctx: click.Context, data_dir: Path | None) -> None:
    """Show packs and their sets (bundled, user folder, automatic) with question counts."""
    from quizzes.catalog import Catalog

    catalog = Catalog.load(_root(ctx, data_dir))
    if not catalog.packs:
        click.echo("No packs found.")
    for pack_id, loaded in sorted(catalog.packs.items()):
        click.echo(
            f"{pack_id}  ({loaded.origin} pack: {len(loaded.pack.facts())} facts)  "
            f"{loaded.pack.title}"
        )
        for entry in catalog.sets_for(pack_id):
            where = f"  {entry.path}" if entry.origin == "user" else ""
            click.echo(
                f"  {entry.qset.id:<32} {len(entry.qset.questions):>3} questions  "
                f"{entry.origin:<9} {entry.qset.title}{where}"
            )
    if catalog.packs:
        click.echo(
            "\nTo use a set in Moodle, Canvas, Anki or Kahoot: "
            "quiz export SET --format moodle|qti|gift|anki|kahoot"
        )
    summary = _problem_summary(catalog.problems)
    if summary:
        click.echo(f"({summary}; run `quiz check` to see them)", err=True)


def _problem_summary(problems: list[Problem]) -> str:
    """What `quiz list` left out (files with errors) and what it merely warns of."""
    broken = len({p.file for p in problems if p.is_error})
    warnings = sum(not p.is_error for p in problems)
    parts = [f"{broken} pack or set file(s) with errors were left out"] if broken else []
    parts += [f"{warnings} warning(s) in packs or sets"] if warnings else []
    return ", and ".join(parts)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--pack", "pack_id", required=True, help="Id of the pack the set draws on.")
@click.option(
    "--from-auto",
    is_flag=True,
    help="Start from the pack's automatic questions instead of one example a type.",
)
@click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@_DATA_DIR
@click.pass_context
def new(
    ctx: click.Context,
    file: Path,
    pack_id: str,
    from_auto: bool,
    force: bool,
    data_dir: Path | None,
) -> None:
    """Write a starter set: one commented example question of each type, or (with
    --from-auto) the pack's automatic questions as an editable file."""
    from quizzes.catalog import Catalog
    from quizzes.schema import SCHEMA_FILE
    from quizzes.starter import auto_yaml, starter_yaml

    catalog = Catalog.load(_root(ctx, data_dir))
    loaded = catalog.packs.get(pack_id)
    if loaded is None:
        if pack_id in catalog.failed:
            for problem in catalog.failed[pack_id]:
                click.echo(str(problem), err=True)
            raise click.ClickException(f"pack '{pack_id}' did not load; fix the problems above")
        known = ", ".join(sorted(catalog.packs)) or "none"
        raise click.BadParameter(f"unknown pack '{pack_id}' (known: {known})", param_hint="--pack")
    if file.exists() and not force:
        raise click.ClickException(f"{file} already exists; use --force to overwrite it")
    set_id = "".join(c if c.isalnum() else "-" for c in file.stem.lower()).strip("-") or "my-set"
    schema = SCHEMA_FILE.resolve().as_uri()
    left_out = 0
    if from_auto:
        from quizzes.generate import TooFewFacts, automatic_set

        try:
            auto = automatic_set(loaded.pack)
        except TooFewFacts as few:
            raise click.ClickException(str(few)) from None
        import dataclasses

        qset = dataclasses.replace(auto, id=set_id, title=f"My questions on {loaded.pack.title}")
        text, left_out = auto_yaml(qset, loaded.pack, schema)
    else:
        text = starter_yaml(loaded.pack, set_id, schema)
    write_output(file, text.encode("utf-8"))
    click.echo(f"wrote {file}: edit it, then `quiz check {file}` and `quiz play {file}`")
    if left_out:
        click.echo(
            f"{left_out} automatic question(s) that another one answers are left out, "
            "commented at the end of the file"
        )


@main.command()
@click.argument("ref", metavar="SET|FILE")
@click.option(
    "--mode",
    type=click.Choice(["practice", "exam"]),
    default=None,
    help="practice: the answer after each question (default); exam: results at the end.",
)
@click.option(
    "--seed",
    type=SEEDS,
    default=None,
    help="Seed for the question order and shuffled choices (default: random).",
)
@click.option("--count", type=COUNTS, default=None, help="Play only N questions.")
@click.option(
    "--tag",
    "tags",
    multiple=True,
    metavar="TAG",
    help="Play only questions with this tag (repeatable: any of them).",
)
@click.option(
    "--time-limit",
    type=Minutes(),
    default=None,
    metavar="MIN",
    help="Exam time limit in minutes, shown as a countdown.",
)
@click.option(
    "--headless",
    is_flag=True,
    hidden=True,
    help="Run without a terminal and stop at the first question (benchmarks).",
)
@_DATABASE
@_DATA_DIR
@click.pass_context
def play(
    ctx: click.Context,
    ref: str,
    mode: str | None,
    seed: int | None,
    count: int | None,
    tags: tuple[str, ...],
    time_limit: float | None,
    headless: bool,
    database: str | None,
    data_dir: Path | None,
) -> None:
    """Play one question set: a set id (see `quiz list`) or a set file."""
    from quizzes.tui.launch import play as play_set

    if time_limit is not None and mode == "practice":
        raise click.UsageError("--time-limit applies to exams; use --mode exam")
    chosen = mode or ("exam" if time_limit is not None else "practice")
    from quizzes.engine import MODE_BY_NAME

    sys.exit(
        play_set(
            _root(ctx, data_dir),
            ref,
            MODE_BY_NAME[chosen],
            seed,
            count,
            tags,
            time_limit,
            headless=headless,
            database=_database(ctx, database),
        )
    )


@main.command()
@click.argument("refs", nargs=-1, required=True, metavar="SET...")
@click.option(
    "--format",
    "format_name",
    required=True,
    type=click.Choice(["moodle", "qti", "gift", "anki", "kahoot"]),
    help="moodle: Moodle XML; qti: Canvas QTI zip; gift: GIFT text; anki: Anki "
    "deck; kahoot: Kahoot spreadsheet.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="File to write (default: <first set id> with the format's extension, in "
    "the current folder).",
)
@click.option(
    "--pack-auto", is_flag=True, help="Also export the automatic set of each pack the sets draw on."
)
@_DATA_DIR
@click.pass_context
def export(
    ctx: click.Context,
    refs: tuple[str, ...],
    format_name: str,
    output: Path | None,
    pack_auto: bool,
    data_dir: Path | None,
) -> None:
    """Write question sets for Moodle, Canvas, Anki or Kahoot.

    SET is a set id (see `quiz list`), a set file or <pack>-auto; several sets go into one
    file (a category, deck or quiz each). After writing, one line per limitation of the
    format that applied is printed.
    """
    from quizzes import AUTO_SUFFIX
    from quizzes.catalog import Catalog
    from quizzes.export import ExportError, SetToExport, get_format
    from seeds.problems import ProblemsFound

    catalog = Catalog.load(_root(ctx, data_dir))
    chosen: list[SetToExport] = []
    try:
        for ref in refs:
            loaded = catalog.find_set(ref)
            chosen.append(SetToExport(loaded.qset, catalog.pack_for(loaded).pack))
        if pack_auto:
            for pack_id in dict.fromkeys(entry.qset.pack for entry in list(chosen)):
                loaded = catalog.find_set(pack_id + AUTO_SUFFIX)
                chosen.append(SetToExport(loaded.qset, catalog.pack_for(loaded).pack))
    except ProblemsFound as found:
        for problem in found.problems:
            click.echo(str(problem), err=True)
        sys.exit(1)
    chosen = list({entry.qset.id: entry for entry in chosen}.values())  # each set once
    fmt = get_format(format_name)
    target = output if output is not None else Path(chosen[0].qset.id + fmt.extension)
    if target.is_dir():
        raise click.ClickException(f"{target} is a folder; give a file name with -o")
    try:
        exported = fmt.build(chosen)
    except ExportError as err:
        raise click.ClickException(f"nothing written: {err}") from None
    write_output(target, exported.content)
    count = len(chosen)
    click.echo(
        f"wrote {target}: {exported.written} question"
        f"{'s' if exported.written != 1 else ''} from {count} set"
        f"{'s' if count != 1 else ''} ({fmt.label})"
    )
    for note in exported.notes:
        click.echo(f"  note: {note}")


def write_output(target: Path, content: bytes) -> None:
    """Write a file the user named, whole or not at all, making missing folders; a file
    that was there is replaced and said so; anything else there is refused."""
    from seeds.userfiles import CannotWrite, write_file

    try:
        replaced = write_file(target, content, folders=True)
    except CannotWrite as err:
        raise click.ClickException(str(err)) from None
    if replaced:
        click.echo(f"replaced existing {target}", err=True)


# A class: results, report, review, serve -----------------------------------------------


@main.group()
def results() -> None:
    """Your results, to send to your teacher."""


@results.command("export")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The JSON file to write (send it to your teacher).",
)
@click.option("--name", default=None, help="Your name, for runs played without one.")
@_DATABASE
@_DATA_DIR
@click.pass_context
def results_export(
    ctx: click.Context,
    output: Path,
    name: str | None,
    database: str | None,
    data_dir: Path | None,
) -> None:
    """Write every run and answer in your progress database to one JSON file."""
    import json
    from datetime import UTC, datetime

    from quizzes.classroom.results import ResultsError, export_document, runs_from_store
    from quizzes.store import Store, StoreError, StoreReadOnly, shown
    from seeds.paths import progress_db

    database = _database(ctx, database)
    path = progress_db(_root(ctx, data_dir))
    if database is None and not path.is_file():
        raise click.ClickException(
            f"no progress database at {path}: play a set first, or give the folder with --data-dir"
        )
    try:
        store = Store.open(database or path)
    except StoreReadOnly:  # exporting only reads: a copy read without writing will do
        store = Store.open_copy(path)
    except StoreError as err:
        raise click.ClickException(str(err)) from None
    try:
        runs = runs_from_store(store, shown(database) if database else str(path))
    finally:
        store.close()
    if not runs:
        raise click.ClickException("nothing to export: no runs played yet")
    try:
        doc = export_document(runs, name, datetime.now(UTC))
    except ResultsError as err:
        raise click.ClickException(str(err)) from None
    text = json.dumps(doc, ensure_ascii=False, indent=1, default=str) + "\n"
    write_output(output, text.encode("utf-8"))
    students = sorted({r["student"] for r in doc["runs"]})
    click.echo(
        f"wrote {output}: {len(runs)} run(s) of {', '.join(students)}; send it to "
        "your teacher (`quiz report SET FILE...`)"
    )


def _report_drawer(root: Path) -> Callable[[ClassReport, str], Rendered]:
    """Draws the item report as PDF: the one place `quiz` reaches into briefing. The fonts'
    metrics are kept under the data folder, as `brief` keeps them."""

    def draw(report: ClassReport, paper: str) -> Rendered:
        from briefing.fonts import load_fonts
        from briefing.item_report_pdf import render_report

        load_fonts(cache(root, "fonts"))
        return render_report(report, paper)

    return draw


@main.command()
@click.argument("args", nargs=-1, metavar="[SET] [FILE.json...]")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The PDF to write (default: <set>-report.pdf).",
)
@click.option(
    "--csv",
    "csv_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write one CSV row per question.",
)
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4")
@_DATABASE
@_DATA_DIR
@click.pass_context
def report(
    ctx: click.Context,
    args: tuple[str, ...],
    output: Path | None,
    csv_path: Path | None,
    paper: str,
    database: str | None,
    data_dir: Path | None,
) -> None:
    """The teacher's item analysis of one set: PDF (and CSV).

    Reads every student's runs in the progress database (the one `quiz serve` fills) and in
    results files students sent (`quiz results export`); a run sent twice counts once.
    """
    from quizzes.classroom.make_report import make_report

    root = _root(ctx, data_dir)
    sys.exit(
        make_report(
            root, args, output, csv_path, paper, _report_drawer(root), _database(ctx, database)
        )
    )


@main.command()
@click.option("--pack", "pack_id", default=None, help="Review only this pack's questions.")
@_DATABASE
@_DATA_DIR
@click.pass_context
def review(
    ctx: click.Context, pack_id: str | None, database: str | None, data_dir: Path | None
) -> None:
    """Play the questions due for spaced review, the most overdue first."""
    from quizzes.tui.launch import review as review_due

    sys.exit(review_due(_root(ctx, data_dir), pack_id, _database(ctx, database)))


@main.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; 0.0.0.0 opens it to the network.",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--roster",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="A file with one student name a line: students pick theirs.",
)
@click.option(
    "--set",
    "set_ref",
    default=None,
    metavar="SET",
    help="Students go straight to this set after giving their name.",
)
@click.option(
    "--mode",
    type=click.Choice(["practice", "exam"]),
    default=None,
    help="With --set: practice (default) or exam.",
)
@click.option(
    "--time-limit",
    type=click.FloatRange(min=0.5, max=600),
    default=None,
    metavar="MIN",
    help="Minutes an exam lasts (times 1.5 or 2 for students whose roster line says so).",
)
@click.option(
    "--teacher-password",
    envvar="CLASSBRIEF_TEACHER_PASSWORD",
    default=None,
    help="The password of your live view (default: a token printed at start).",
)
@click.option(
    "--allow-origin",
    "allowed_origins",
    multiple=True,
    metavar="URL",
    help="Another address the pages are reached at, e.g. https://quiz.school.example "
    "behind a proxy (forms from any other origin are refused).",
)
@_DATABASE
@_DATA_DIR
@click.pass_context
def serve(
    ctx: click.Context,
    host: str,
    port: int,
    roster: Path | None,
    set_ref: str | None,
    mode: str | None,
    time_limit: float | None,
    teacher_password: str | None,
    allowed_origins: tuple[str, ...],
    database: str | None,
    data_dir: Path | None,
) -> None:
    """Serve the class to browsers: web pages for students, a live view for you.

    Listens on this computer only unless --host is given (--host 0.0.0.0 for a classroom
    network). Every run and answer is saved under the student's name.
    """
    from quizzes.classroom.web.server import serve as run_server

    if mode is not None and set_ref is None:
        raise click.UsageError("--mode applies with --set")

    root = _root(ctx, data_dir)
    draw = _report_drawer(root)

    def report_pdf(report: ClassReport) -> bytes:
        return draw(report, "a4").pdf

    sys.exit(
        run_server(
            root,
            host,
            port,
            roster,
            set_ref,
            mode,
            time_limit=time_limit,
            teacher_password=teacher_password,
            allowed_origins=allowed_origins,
            report_pdf=report_pdf,
            database=_database(ctx, database),
        )
    )
