"""The last word of `quiz` and `brief`: an exception nobody expected becomes one line that
names the file (when known) and what to do; `--debug` shows the traceback instead.

Errors a user causes never get here: they are located messages and exit codes where they
are found. What does get here is a bug, or the system refusing something (a permission,
the disk, memory), and a traceback helps neither a teacher nor a student.
"""

from __future__ import annotations

import errno
import os
from typing import Any

import click

from quizzes.errors import QuizError
from seeds.reading import file_of

DEBUG_ENV = "CLASSBRIEF_DEBUG"
_DEBUG = "classbrief.debug"
# Raised on purpose by click and by the commands themselves: not unexpected.
_EXPECTED = (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort)


class Unexpected(QuizError, click.ClickException):
    """One line in place of a traceback; exit status 1."""

    def show(self, file: Any = None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


class FailSafeGroup(click.Group):
    """A command group with a global --debug option, whose every subcommand ends in a
    message rather than a traceback."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.params.append(
            click.Option(
                ["--debug"],
                is_flag=True,
                expose_value=False,
                is_eager=True,
                callback=_keep_debug,
                help=f"Show the full traceback of an unexpected error (also ${DEBUG_ENV}=1).",
            )
        )

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except _EXPECTED:
            raise
        except Exception as err:
            if _debugging(ctx) or (isinstance(err, OSError) and err.errno == errno.EPIPE):
                raise  # click ends a broken pipe quietly; --debug wants the traceback
            raise Unexpected(explain(err, ctx.find_root().info_name or "quiz")) from err


def _keep_debug(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        ctx.find_root().meta[_DEBUG] = True


def _debugging(ctx: click.Context) -> bool:
    asked = ctx.find_root().meta.get(_DEBUG)
    return bool(asked) or os.environ.get(DEBUG_ENV, "") not in ("", "0")


def explain(err: BaseException, program: str) -> str:
    """One line: what went wrong, with which file, and what to do."""
    where = file_of(err)
    again = f"run `{program} --debug …` to see where it failed"
    if isinstance(err, MemoryError):
        about = f" while reading {where}" if where else ""
        return f"out of memory{about}; is the file far larger than it should be? ({again})"
    if isinstance(err, OSError):
        reason = err.strerror or _short(err)
        if isinstance(err, PermissionError):
            return (
                f"cannot use {where or 'a file'}: {reason}; check that it and its folder are "
                "yours to read and write, or choose another data folder with --data-dir "
                f"({again})"
            )
        return f"cannot use {where or 'a file'}: {reason}; check the file and the disk ({again})"
    about = f" while reading {where}" if where else ""
    return (
        f"unexpected {type(err).__name__}{about}: {_short(err)}; this is a bug in classbrief: "
        f"{again}, and report it with that output"
    )


def _short(err: BaseException) -> str:
    text = " ".join(str(err).split()) or "no details"
    return text if len(text) <= 160 else text[:157] + "..."
