"""One exception hierarchy: every exception class the project defines derives from its
package's base, and the three bases from ClassbriefError; those that were a ValueError or
an OSError still are."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

from briefing.errors import BriefError
from quizzes.errors import QuizError
from seeds.errors import ClassbriefError, SeedsError

BASES = {"seeds": SeedsError, "quizzes": QuizError, "briefing": BriefError}


def _modules(package: str) -> list[str]:
    top = importlib.import_module(package)
    found = [package, *(m.name for m in pkgutil.walk_packages(top.__path__, package + "."))]
    return [name for name in found if not name.endswith("__main__")]


def _defined_exceptions() -> list[type[BaseException]]:
    found = []
    for package in BASES:
        for name in _modules(package):
            module = importlib.import_module(name)
            found += [
                value
                for value in vars(module).values()
                if inspect.isclass(value)
                and issubclass(value, BaseException)
                and value.__module__ == name
            ]
    return found


EXCEPTIONS = _defined_exceptions()


def test_every_package_defines_exceptions():
    defined = {cls.__module__.split(".")[0] for cls in EXCEPTIONS}
    assert defined == set(BASES)
    assert len(EXCEPTIONS) >= 15


@pytest.mark.parametrize("cls", EXCEPTIONS, ids=lambda cls: f"{cls.__module__}.{cls.__name__}")
def test_each_exception_derives_from_its_package_base(cls):
    package = cls.__module__.split(".")[0]
    if cls is BASES[package] or cls is ClassbriefError:
        assert issubclass(cls, ClassbriefError)
    else:
        assert issubclass(cls, BASES[package])


def test_the_package_bases_share_one_root():
    assert all(issubclass(base, ClassbriefError) for base in BASES.values())
    assert not issubclass(QuizError, SeedsError) and not issubclass(BriefError, QuizError)


def test_builtin_bases_are_kept():
    from quizzes.classroom.results import ResultsError
    from quizzes.export.base import ExportError
    from quizzes.generate import TooFewFacts
    from quizzes.grading import InvalidAnswer
    from seeds.draft.article import ArticleError
    from seeds.userfiles import NotAFile, TooLarge

    for cls in (ResultsError, ExportError, TooFewFacts, InvalidAnswer, ArticleError):
        assert issubclass(cls, ValueError)
    error = NotAFile("/tmp/fifo", "a FIFO (named pipe)")
    assert isinstance(error, OSError) and isinstance(error, SeedsError)
    assert str(error) == "[Errno 22] it is a FIFO (named pipe), not a regular file: '/tmp/fifo'"
    assert issubclass(TooLarge, OSError)


def test_command_errors_are_still_click_errors():
    import click

    from briefing.cli import PackProblems, UserError
    from quizzes.failsafe import Unexpected

    for cls in (PackProblems, UserError, Unexpected):
        assert issubclass(cls, click.ClickException)
    assert UserError("no such pack").exit_code == 1
