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
from pathlib import Path

import click

from seeds.packs import BUNDLED_PACKS, PACK_FILE, LoadedPack, discover_packs, load_pack
from seeds.problems import Problem, display_path, sort_problems

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class UserError(click.ClickException):
    """A problem the user can fix, printed as `error: ...` with exit status 1."""

    def show(self, file: object = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


class PackProblems(click.ClickException):
    """A pack that cannot be used: its problems, one `file:line:col: ...` line each."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, sort_problems(problems))))

    def show(self, file: object = None) -> None:
        click.echo(self.format_message(), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
        raise click.BadParameter(f"'{value}' is not a date; write YYYY-MM-DD, e.g. 2023-02-21",
                                 ctx=ctx, param=param) from None


@main.command()
@click.argument("pack", required=False, metavar="[PACK]")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the PDF ('-' for standard output). "
                   "Default: <pack id>-brief.pdf here.")
@click.option("--paper", type=click.Choice(["a4", "letter"], case_sensitive=False),
              default="a4", show_default=True, help="Paper size.")
@click.option("--date", "date", callback=_parse_date, metavar="YYYY-MM-DD",
              help="The date printed on the brief and stored in the PDF "
                   "(default: the pack's reference date).")
def build(pack: str | None, output: Path | None, paper: str, date: dt.date | None) -> None:
    """Write the policy brief of PACK: a pack id, a pack folder or a pack.yaml file.

    With no PACK, the only bundled pack is used. The same pack, options and --date
    always give a byte-identical PDF.
    """
    loaded = resolve_pack(pack)
    from reportlab.platypus.doctemplate import LayoutError

    from briefing.compose import compose_brief
    from briefing.render import render_brief

    try:
        rendered = render_brief(compose_brief(loaded.pack, date), paper.lower())
    except LayoutError as err:  # only a pathological pack gets here: say which text is at fault
        detail = str(err).split("\n")[0][:200]
        raise UserError(f"the brief for {display_path(loaded.path)} could not be laid out "
                        f"(some text is too long to fit a page): {detail}") from None
    for warning in rendered.warnings:
        click.echo(f"warning: {warning}", err=True)
    target = output or Path(f"{loaded.pack.id}-brief.pdf")
    if str(target) == "-":
        sys.stdout.buffer.write(rendered.pdf)
        sys.stdout.buffer.flush()
        return
    write_atomically(target, rendered.pdf)
    pages = f"{rendered.pages} page{'s' if rendered.pages != 1 else ''}"
    click.echo(f"wrote {display_path(target)} ({pages}, {paper.lower()})", err=True)


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
    packs, _ = discover_packs(_pack_folders())  # a pack whose folder is not named by its id
    if ref in packs:
        return packs[ref]
    raise UserError(f"no pack called '{ref}'; {_known_packs()}")


def _load(path: Path, origin: str) -> LoadedPack:
    loaded, problems = load_pack(path, origin)
    if loaded is None:
        raise PackProblems(problems)
    for problem in sort_problems(problems):  # warnings only: the pack is usable
        click.echo(str(problem), err=True)
    return loaded


def _pack_folders() -> list[tuple[Path, str]]:
    from quizzes.places import data_dir, user_packs

    return [(BUNDLED_PACKS, "bundled"), (user_packs(data_dir()), "user")]


def _known_packs() -> str:
    packs, _ = discover_packs(_pack_folders())
    return ("known packs: " + ", ".join(sorted(packs))) if packs else "no packs found"


def write_atomically(target: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder, so a failed write leaves no half PDF."""
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        if target.is_dir():
            raise IsADirectoryError(21, "it is a folder")
        try:
            temp.write_bytes(data)  # created with the user's umask, like any new file
            os.replace(temp, target)
        finally:
            temp.unlink(missing_ok=True)
    except OSError as err:
        reason = err.strerror or str(err)
        raise UserError(f"cannot write {display_path(target)}: {reason}") from None
