"""Question sets in the formats teachers import elsewhere: Moodle XML, Canvas QTI, GIFT,
Anki and Kahoot.

Each format is one module with ``EXTENSION``, ``LABEL`` and a pure ``build(sets)`` that
returns the file's bytes and the limitation notes that applied; files are written only by
the `quiz export` command. Formats load lazily, so `import quizzes.export` stays light.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from types import ModuleType

from quizzes.export.base import Exported, ExportError, SetToExport
from seeds.frozen import record

__all__ = ["FORMATS", "ExportError", "ExportFormat", "Exported", "SetToExport", "get_format"]


@record
class ExportFormat:
    name: str
    extension: str  # with the leading dot, e.g. ".gift.txt"
    label: str  # what a teacher calls the file, e.g. "Moodle XML"

    @property
    def module(self) -> ModuleType:
        return importlib.import_module(f"quizzes.export.{self.name}")

    def build(self, sets: Sequence[SetToExport]) -> Exported:
        """The file's content for these sets; raises ExportError when none of their
        questions fits the format."""
        return self.module.build(sets)


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("moodle", ".xml", "Moodle XML"),
        ExportFormat("qti", ".zip", "Canvas QTI 1.2 package"),
        ExportFormat("gift", ".gift.txt", "GIFT text"),
        ExportFormat("anki", ".apkg", "Anki deck package"),
        ExportFormat("kahoot", ".xlsx", "Kahoot spreadsheet"),
    )
}


def get_format(name: str) -> ExportFormat:
    return FORMATS[name]
