"""Where user data lives: packs, question sets and progress, under one data folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from seeds.loadcache import LoadCache

DATA_DIR_ENV = "CLASSBRIEF_DATA_DIR"
BUNDLED_SETS = Path(__file__).parent / "sets"


def data_dir(override: Path | str | None = None) -> Path:
    """The user data folder: the option, else $CLASSBRIEF_DATA_DIR, else the platform's."""
    if override:
        return Path(override).expanduser()
    if os.environ.get(DATA_DIR_ENV):
        return Path(os.environ[DATA_DIR_ENV]).expanduser()
    from platformdirs import user_data_path

    return user_data_path("classbrief", appauthor=False)


def user_packs(root: Path) -> Path:
    return root / "packs"


def user_sets(root: Path) -> Path:
    return root / "sets"


def cache(root: Path, kind: str) -> LoadCache:
    """What can be worked out again, under <data>/cache/<kind>: "load" for validated packs
    and sets (see seeds.loadcache), "fonts" for font metrics (see briefing.fonts)."""
    from seeds.loadcache import LoadCache

    return LoadCache(root / "cache" / kind)


def progress_db(root: Path) -> Path:
    return root / "progress.sqlite3"
