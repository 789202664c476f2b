"""The quiz app under test: a data folder with a pack and a set whose text looks like
markup, a fixed clock and seeds, and no blinking, so runs and screenshots repeat exactly."""

from __future__ import annotations

import io
import itertools
import shutil
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from quizzes.catalog import Catalog
from quizzes.engine import Mode
from quizzes.store import Store
from quizzes.tui.app import PlayRequest, QuizApp, make_app
from quizzes.tui.session import PlayOptions, SetChoice
from seeds.paths import progress_db

SAMPLE = Path(__file__).parent / "sample"
T0 = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)


class Clock:
    """A clock that moves one second each time it is read."""

    def __init__(self) -> None:
        self.ticks = itertools.count()

    def __call__(self) -> datetime:
        return T0 + timedelta(seconds=next(self.ticks))


class Monotonic:
    """A monotonic clock the test moves by hand (for exam time limits)."""

    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value


def fill_data_folder(root: Path) -> Path:
    shutil.copytree(SAMPLE / "packs", root / "packs", dirs_exist_ok=True)
    shutil.copytree(SAMPLE / "sets", root / "sets", dirs_exist_ok=True)
    return root


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return fill_data_folder(tmp_path / "data")


AppFactory = Callable[..., QuizApp]


@pytest.fixture
def build(root: Path) -> AppFactory:
    """``build()`` opens home; ``build("every-type", mode="exam")`` goes straight to a set."""

    def build(
        ref: str | None = None,
        *,
        mode: Mode = "practice",
        seed: int = 1,
        count: int | None = None,
        time_limit: float | None = None,
        **kwargs: Any,
    ) -> QuizApp:
        seeds = itertools.count(100)
        kwargs.setdefault("clock", Clock())
        kwargs.setdefault("seeds", lambda: next(seeds))
        kwargs.setdefault("blink", False)
        catalog = Catalog.load(root)
        play = None
        if ref is not None:
            loaded = catalog.find_set(ref)
            play = PlayRequest(
                SetChoice.of(loaded, catalog), PlayOptions(mode, seed, count, time_limit=time_limit)
            )
        return make_app(root, catalog=catalog, play=play, **kwargs)

    return build


@pytest.fixture
def store(root: Path):
    opened = Store.open(progress_db(root))
    yield opened
    opened.close()


def screen_text(app: QuizApp) -> str:
    """Everything on the terminal as plain text, as a student would read it.

    Built the way App.export_screenshot builds its SVG (that is Textual's own private
    compositor call), but exported as text so tests can look for exact strings.
    """
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system=None,
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text(styles=False)


def flat(text: str) -> str:
    """Screen text with wrapping and padding undone, for phrases that may wrap."""
    return " ".join(text.split())
