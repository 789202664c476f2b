"""Where packs live and what their files are called: no imports beyond the standard
library, so a command's --help can know them without loading the fact model."""

from __future__ import annotations

from pathlib import Path

BUNDLED_PACKS = Path(__file__).parent / "packs"
PACK_FILE = "pack.yaml"
ARTICLE_FILE = "article.txt"
