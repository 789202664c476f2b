"""Where things live on disk: the bundled packs and what a pack's files are called, and the
user's data folder (packs, question sets, progress, cache). Nothing beyond the standard
library is imported at the top, so a command's --help can know them without loading the
fact model."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from seeds.loadcache import LoadCache

BUNDLED_PACKS = Path(__file__).parent / "packs"
PACK_FILE = "pack.yaml"
ARTICLE_FILE = "article.txt"
DATA_DIR_ENV = "CLASSBRIEF_DATA_DIR"


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
