"""The `brief` command. reportlab loads only once a brief is actually rendered.

User errors (an unknown pack, a broken pack file, a bad date, an output that cannot
be written) end with located messages or one clear line and exit 1; bad usage exits 2
(click's convention). Never a traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from briefing.errors import BriefError
from quizzes.failsafe import FailSafeGroup
from seeds.paths import BUNDLED_PACKS, PACK_FILE
from seeds.problems import Problem, ProblemsFound, display_path, sort_problems

if TYPE_CHECKING:
    from briefing.content import Brief
    from briefing.handouts import Handout
    from briefing.render import Rendered
    from quizzes.sets import LoadedSet
    from seeds.draft.assemble import Draft
    from seeds.loadcache import LoadCache
    from seeds.packs import LoadedPack

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
T = TypeVar("T")


class UserError(BriefError, click.ClickException):
    """A problem the user can fix, printed as `error: ...` with exit status 1."""

    def show(self, file: object = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


class PackProblems(BriefError, click.ClickException):
    """A pack that cannot be used: its problems, one `file:line:col: ...` line each."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, sort_problems(problems))))

    def show(self, file: object = None) -> None:
        click.echo(self.format_message(), err=True)


def _keep_data_dir(ctx: click.Context, param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        ctx.find_root().meta["classbrief.data_dir"] = value


_DATA_DIR = click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    expose_value=False,
    callback=_keep_data_dir,
    is_eager=True,
    help="Folder with your packs and sets, as for `quiz` (default: $CLASSBRIEF_DATA_DIR or "
    "the platform's user data folder).",
)


def _data_dir() -> Path:
    from seeds.paths import data_dir

    ctx = click.get_current_context(silent=True)
    return data_dir(ctx.find_root().meta.get("classbrief.data_dir") if ctx else None)


@click.group(cls=FailSafeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@_DATA_DIR
def main() -> None:
    """Build a printable policy brief from a curated fact pack."""


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        if not _ISO_DATE.match(value):
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(
            f"'{value}' is not a date; write YYYY-MM-DD, e.g. 2023-02-21", ctx=ctx, param=param
        ) from None


def _glyph_options(command: Callable[..., None]) -> Callable[..., None]:
    command = click.option(
        "--allow-missing-glyphs",
        is_flag=True,
        help="Write the PDFs even if some characters have no font (they print as blanks).",
    )(command)
    return click.option(
        "--font",
        "fonts",
        multiple=True,
        metavar="PATH",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="A TrueType font (.ttf/.ttc) for characters the usual fonts lack, e.g. a CJK "
        "font for Chinese names (repeatable).",
    )(command)


def _use_fonts(fonts: tuple[Path, ...]) -> None:
    """The house fonts (their metrics cached under the data folder), then any --font."""
    from briefing.fonts import load_fonts, use_font
    from seeds.paths import cache

    load_fonts(cache(_data_dir(), "fonts"))
    for path in fonts:
        try:
            use_font(path)
        except ValueError as err:
            raise UserError(f"cannot use the font {display_path(path)}: {err}") from None


def _check_glyphs(what: str, rendered: list[Rendered], allow: bool) -> None:
    """Stop before writing a PDF that would print blanks for text, unless allowed."""
    from briefing.fonts import list_chars

    missing = frozenset().union(*(r.missing for r in rendered))
    if missing and not allow:
        raise UserError(
            f"{what} would lose text: no available font can show {list_chars(missing)}, "
            "which would print as blanks. Name a TrueType font that has them with --font "
            "PATH (e.g. a CJK font such as wqy-zenhei.ttc for Chinese), install one "
            "(fonts-wqy-zenhei), or write the PDFs anyway with --allow-missing-glyphs; "
            "nothing was written"
        )
    for warning in dict.fromkeys(w for r in rendered for w in r.warnings):
        click.echo(f"warning: {warning}", err=True)


_PAPER = click.option(
    "--paper",
    type=click.Choice(["a4", "letter"], case_sensitive=False),
    default="a4",
    show_default=True,
    help="Paper size.",
)


@main.command()
@click.argument("pack", required=False, metavar="[PACK]")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the PDF ('-' for standard output). Default: <pack id>-brief.pdf here.",
)
@_PAPER
@click.option(
    "--date",
    "date",
    callback=_parse_date,
    metavar="YYYY-MM-DD",
    help="The date printed on the brief and stored in the PDF "
    "(default: the pack's reference date).",
)
@click.option(
    "--quiz",
    "quiz",
    metavar="SET",
    help="Append the student quiz sheet of SET (a set id or a set file) after the "
    "brief: variant A of `brief handouts SET`, whose key fits it.",
)
@click.option(
    "--draft",
    is_flag=True,
    help="Build a brief of a draft pack for review, TODO placeholders and all, "
    "marked DRAFT on every page.",
)
@_glyph_options
@_DATA_DIR
def build(
    pack: str | None,
    output: Path | None,
    paper: str,
    date: dt.date | None,
    quiz: str | None,
    draft: bool,
    fonts: tuple[Path, ...],
    allow_missing_glyphs: bool,
) -> None:
    """Write the policy brief of PACK: a pack id, a pack folder or a pack.yaml file.

    With no PACK, the only bundled pack is used (or, with --quiz, the set's pack).
    The same pack, options and --date always give a byte-identical PDF.
    """
    if draft and quiz is not None:
        raise click.UsageError(
            "--draft and --quiz cannot be used together: a draft has no question sets yet"
        )
    _use_fonts(fonts)
    loaded: LoadedPack | None
    if draft:
        loaded = _load_draft(pack)
    else:
        loaded = resolve_pack(pack) if pack is not None or quiz is None else None
    handout = None
    if quiz is not None:
        loaded, handout = _quiz_for_brief(quiz, loaded)
    assert loaded is not None
    from briefing.compose import compose_brief

    brief = compose_brief(loaded.pack, date)
    rendered = _laid_out(
        "the brief for",
        loaded.path,
        lambda: _render_brief(brief, paper.lower(), handout, "DRAFT" if draft else None),
    )
    _check_glyphs("the brief", [rendered], allow_missing_glyphs)
    target = output or Path(f"{loaded.pack.id}-brief.pdf")
    if str(target) == "-":
        sys.stdout.buffer.write(rendered.pdf)
        sys.stdout.buffer.flush()
        return
    write_atomically(target, rendered.pdf)
    pages = f"{rendered.pages} page{'s' if rendered.pages != 1 else ''}"
    extra = f", with the quiz sheet of {handout.set_id}, variant A" if handout else ""
    click.echo(f"wrote {display_path(target)} ({pages}, {paper.lower()}{extra})", err=True)


def _quiz_for_brief(ref: str, loaded: LoadedPack | None) -> tuple[LoadedPack, Handout]:
    """The brief's pack and variant A of the set named by --quiz, which must be about it."""
    from briefing.handouts import compose_handouts

    found, set_pack = resolve_set(ref, loaded)
    if loaded is not None and found.qset.pack != loaded.pack.id:
        raise UserError(
            f"set '{found.qset.id}' is about the pack '{found.qset.pack}', not "
            f"'{loaded.pack.id}'; name one of that pack's sets, or build the brief "
            f"of '{found.qset.pack}'"
        )
    loaded = loaded or set_pack
    return loaded, compose_handouts(found.qset, loaded.pack, variants=1, seed=DEFAULT_SEED)


def _render_brief(
    brief: Brief, paper: str, handout: Handout | None, watermark: str | None = None
) -> Rendered:
    from briefing.render import (
        RunningFooter,
        brief_furniture,
        brief_story,
        render_brief,
        render_document,
    )

    if handout is None:
        return render_brief(brief, paper, watermark)
    from reportlab.platypus import PageBreak

    from briefing.handouts import sheet_footer
    from briefing.sheets import student_story

    variant = handout.variants[0]
    # One story in one document: the sheet keeps the brief's fonts and page count, and its
    # pages name its set and variant at their foot, as a sheet printed alone does.
    return render_document(
        brief.info,
        brief_furniture(brief),
        paper,
        lambda kit: [
            *brief_story(kit, brief),
            PageBreak(),
            RunningFooter(sheet_footer(handout, variant, None)),
            *student_story(kit, handout, variant),
        ],
    )


DEFAULT_SEED = 1


@main.command()
@click.argument("set_ref", metavar="SET")
@click.option(
    "--variants",
    type=click.IntRange(1, 99),
    default=2,
    show_default=True,
    help="How many lettered variants (A, B, …), each in its own order.",
)
@click.option(
    "--seed",
    type=int,
    default=DEFAULT_SEED,
    show_default=True,
    help="Seed of the shuffles: the same seed gives the same variants.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("handouts"),
    show_default=True,
    help="Folder to write the PDFs in.",
)
@_PAPER
@click.option(
    "--date",
    "date",
    callback=_parse_date,
    metavar="YYYY-MM-DD",
    help="A date to print in the footers and store in the PDFs "
    "(default: none printed; the pack's reference date is stored).",
)
@_glyph_options
@_DATA_DIR
def handouts(
    set_ref: str,
    variants: int,
    seed: int,
    output: Path,
    paper: str,
    date: dt.date | None,
    fonts: tuple[Path, ...],
    allow_missing_glyphs: bool,
) -> None:
    """Write printable quiz sheets of SET (a set id or a set file) and their answer keys.

    For each variant: <set id>-A.pdf for the students and <set id>-A-key.pdf, the
    answer key for the teacher, in the same order and letters as that sheet.
    """
    _use_fonts(fonts)
    found, loaded = resolve_set(set_ref)
    from briefing.compose import brief_date
    from briefing.handouts import compose_handouts
    from briefing.sheets import render_handouts

    handout = compose_handouts(found.qset, loaded.pack, variants=variants, seed=seed)
    files = _laid_out(
        "the handouts of",
        found.path or found.qset.id,
        lambda: list(
            render_handouts(
                handout, paper.lower(), created=date or brief_date(loaded.pack), printed=date
            )
        ),
    )
    _check_glyphs(
        f"the handouts of {found.qset.id}",
        [rendered for _, rendered in files],
        allow_missing_glyphs,
    )
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UserError(
            f"cannot make the folder {display_path(output)}: {err.strerror or err}"
        ) from None
    for name, rendered in files:
        write_atomically(output / name, rendered.pdf)
    names = [name for name, _ in files]
    click.echo(
        f"wrote {len(files)} files to {display_path(output)}: student sheets "
        f"{_span(names[0::2])}, answer keys {_span(names[1::2])} ({paper.lower()})",
        err=True,
    )


def _span(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f"{names[0]} … {names[-1]}"


def resolve_set(ref: str, pack: LoadedPack | None = None) -> tuple[LoadedSet, LoadedPack]:
    """A set by id or file, and its pack; problems end the command as located lines."""
    from quizzes.catalog import Catalog

    catalog = Catalog.load(_data_dir(), {pack.pack.id: pack} if pack else None)
    try:
        found = catalog.find_set(ref)
    except ProblemsFound as err:  # the same file:line:col lines as `quiz check`
        raise PackProblems(err.problems) from None
    return found, catalog.pack_for(found)


def _laid_out(what: str, source: Path | str, render: Callable[[], T]) -> T:
    """Run `render`, turning reportlab's layout failure into a message naming the source."""
    from reportlab.platypus.doctemplate import LayoutError

    try:
        return render()
    except LayoutError as err:  # only pathological text gets here: say which file is at fault
        detail = str(err).split("\n")[0][:200]
        raise UserError(
            f"{what} {display_path(source)} could not be laid out "
            f"(some text is too long to fit a page): {detail}"
        ) from None


def resolve_pack(ref: str | None) -> LoadedPack:
    """The pack a user named: a path if it looks like one, else an id; errors are UserErrors."""
    if ref is None:
        packs = sorted(p.parent for p in BUNDLED_PACKS.glob(f"*/{PACK_FILE}"))
        if len(packs) != 1:
            raise UserError("name a pack: " + _known_packs())
        return _load(packs[0] / PACK_FILE, "bundled")
    path = Path(ref)
    if path.exists() or path.suffix in (".yaml", ".yml") or os.sep in ref or "/" in ref:
        if path.is_dir():
            path = path / PACK_FILE
        if not path.is_file():
            raise UserError(f"no pack file at {display_path(path)}")
        return _load(path, "path")
    for folder, origin in _pack_folders():
        candidate = folder / ref / PACK_FILE
        if candidate.is_file():
            return _load(candidate, origin)
    from seeds.packs import discover_packs

    found = discover_packs(_pack_folders(), _cache())  # a folder not named by its pack id
    if ref in found.packs:
        return found.packs[ref]
    if ref in found.failed:
        raise PackProblems(found.failed[ref])
    raise UserError(f"no pack called '{ref}'; {_known_packs()}")


def _load_draft(ref: str | None) -> LoadedPack:
    """A pack for `build --draft`: TODO placeholders let through, other problems not."""
    from seeds.draft.preview import load_for_review
    from seeds.packs import LoadedPack
    from seeds.yamlread import read_yaml

    if ref is None:
        raise UserError("name the draft pack: its id or its folder")
    path = Path(ref)
    if not (path.exists() or path.suffix in (".yaml", ".yml") or "/" in ref or os.sep in ref):
        found = [
            folder / ref / PACK_FILE
            for folder, _ in _pack_folders()
            if (folder / ref / PACK_FILE).is_file()
        ]
        if not found:
            raise UserError(f"no pack called '{ref}'; {_known_packs()}")
        path = found[0]
    if path.is_dir():
        path = path / PACK_FILE
    if not path.is_file():
        raise UserError(f"no pack file at {display_path(path)}")
    pack, problems = load_for_review(path)
    if pack is None:
        raise PackProblems(problems)
    return LoadedPack(pack, read_yaml(path), path, "path")


_NEW_HELP = "Where user packs live (default: $CLASSBRIEF_DATA_DIR or the platform's folder)."


@main.command("new")
@click.argument("article", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--id",
    "pack_id",
    required=True,
    metavar="ID",
    help="Id of the new pack: lowercase letters, digits and dashes.",
)
@click.option(
    "--date",
    "date",
    callback=_parse_date,
    metavar="YYYY-MM-DD",
    help="The article's date; relative dates (last April, on Tuesday) are worked "
    "out from it. Default: a date written at the top of the article.",
)
@click.option("--headline", help="The article's headline (default: its first line, if short).")
@click.option("--outlet", help="Who published the article.")
@click.option(
    "--kind",
    type=click.Choice(["news", "editorial", "report", "speech", "interview"]),
    help="What kind of text it is.",
)
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), help=_NEW_HELP)
@click.option("--force", is_flag=True, help="Replace an existing pack of that id.")
def new(
    article: Path,
    pack_id: str,
    date: dt.date | None,
    headline: str | None,
    outlet: str | None,
    kind: str | None,
    data_dir: Path | None,
    force: bool,
) -> None:
    """Draft a pack from ARTICLE (a plain text file): <data>/packs/ID/pack.yaml and a copy
    of the article as article.txt beside it.

    The draft holds the article's figures, quotes with their speakers, dates, actors and
    acronyms, verbatim; every statement is a TODO for you to write. `quiz check` lists
    each TODO; `brief build ID --draft` shows the draft as a brief marked DRAFT.
    """
    from seeds.paths import data_dir as find_data_dir
    from seeds.paths import user_packs

    _check_new_id(pack_id)
    folder = user_packs(find_data_dir(data_dir)) / pack_id
    text = _article_text(article)
    existing = folder.is_dir() and any(folder.iterdir())
    if existing and not force:
        raise UserError(
            f"{display_path(folder)} already exists; a curated pack is never "
            "overwritten: choose another --id, or add --force to replace it"
        )
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{display_path(folder)} is a file, not a pack folder")
    from seeds.draft.assemble import draft_pack
    from seeds.reading import reading

    with reading(article):
        draft = draft_pack(
            text, pack_id=pack_id, date=date, headline=headline, outlet=outlet, kind=kind
        )
    _write_draft(folder, article, text, draft)
    click.echo(f"wrote {display_path(folder / PACK_FILE)} and article.txt")
    for note in draft.notes:
        click.echo(f"note: {note}")
    assert draft.summary is not None
    click.echo(draft.summary.line(display_path(folder)))


def _check_new_id(pack_id: str) -> None:
    """A new pack's id: valid, and not a bundled pack's."""
    from seeds.model import ID_PATTERN

    if not re.match(ID_PATTERN, pack_id) or len(pack_id) > 64:
        raise click.BadParameter(
            f"'{pack_id}' is not a valid id; use lowercase letters, "
            "digits and dashes, e.g. gsi-training-2023",
            param_hint="--id",
        )
    if (BUNDLED_PACKS / pack_id).is_dir():
        raise UserError(f"'{pack_id}' is the id of a bundled pack; choose another --id")


def _article_text(article: Path) -> str:
    """The article's text, or a UserError saying why it cannot be read."""
    from seeds.draft.article import MAX_ARTICLE_BYTES, ArticleError, read_article
    from seeds.userfiles import NotAFile, TooLarge, read_limited

    shown = display_path(article)
    try:
        return read_article(read_limited(article, MAX_ARTICLE_BYTES))
    except ArticleError as err:
        raise UserError(f"{shown} {err}") from None
    except TooLarge as err:
        size = f"{err.size / 2**20:.1f} MB" if err.size is not None else "larger than that"
        raise UserError(
            f"{shown} is {size}, more than the {MAX_ARTICLE_BYTES // 2**20} MB an article "
            "can be; draft from the article's text alone"
        ) from None
    except IsADirectoryError:
        raise UserError(f"{shown} is a folder; name the article's text file") from None
    except NotAFile as err:
        raise UserError(
            f"{shown} is {err.kind}, not a file; save the article's text in a file and name that"
        ) from None
    except FileNotFoundError:
        raise UserError(f"no such file: {shown}") from None
    except OSError as err:
        raise UserError(f"cannot read {shown}: {err.strerror or err}") from None


def _write_draft(folder: Path, article: Path, text: str, draft: Draft) -> None:
    """The article's text and the draft pack in ``folder``: both, or neither."""
    from seeds.draft.emit import emit
    from seeds.userfiles import CannotWrite, check_writable

    header = [
        f"Draft pack from {article.name}, made by `brief new`.",
        "Every TODO is yours to write in your own words; quotes, figures and dates are "
        "copied from the article.",
        "`quiz check` lists what is left; `brief build --draft` shows it as a brief.",
    ]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UserError(
            f"cannot make the folder {display_path(folder)}: {err.strerror or err}"
        ) from None
    for target in (folder / "article.txt", folder / PACK_FILE):  # neither, if not both
        try:
            check_writable(target, shown=display_path(target))
        except CannotWrite as err:
            raise UserError(str(err)) from None
    write_atomically(folder / "article.txt", text.encode("utf-8"))
    write_atomically(folder / PACK_FILE, emit(draft.data, draft.comments, header).encode())


def _load(path: Path, origin: str) -> LoadedPack:
    from seeds.packs import load_pack

    loaded, problems = load_pack(path, origin, cache=_cache())
    if loaded is None:
        raise PackProblems(problems)
    for problem in sort_problems(problems):  # warnings only: the pack is usable
        click.echo(str(problem), err=True)
    return loaded


def _pack_folders() -> list[tuple[Path, str]]:
    from seeds.paths import user_packs

    return [(BUNDLED_PACKS, "bundled"), (user_packs(_data_dir()), "user")]


def _cache() -> LoadCache:
    from seeds.paths import cache

    return cache(_data_dir(), "load")


def _known_packs() -> str:
    from seeds.packs import discover_packs

    packs = discover_packs(_pack_folders(), _cache()).packs
    return ("known packs: " + ", ".join(sorted(packs))) if packs else "no packs found"


def write_atomically(target: Path, data: bytes) -> None:
    """Write a file whole or not at all (seeds.userfiles): a file that was there is replaced
    and said so; a device, FIFO or folder is refused, a link written through."""
    from seeds.userfiles import CannotWrite, write_file

    shown = display_path(target)
    try:
        replaced = write_file(target, data, shown=shown)
    except CannotWrite as err:
        raise UserError(str(err)) from None
    if replaced:
        click.echo(f"replaced existing {shown}", err=True)
