"""Question sets, the generator, the quiz engine, progress and the `quiz` command."""

from pathlib import Path

BUNDLED_SETS = Path(__file__).parent / "sets"
"""The question sets that ship with classbrief, a folder per pack."""

AUTO_SUFFIX = "-auto"
"""How an automatic set's id ends: the pack's id and this."""
