"""The JSON Schema of question sets, for editors (YAML language server and the like)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SCHEMA_FILE = Path(__file__).parent / "questionset.schema.json"


def questionset_schema() -> dict[str, Any]:
    from quizzes.model import QuestionSet
    from seeds.validation import json_schema

    schema = json_schema(QuestionSet)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://classbrief.invalid/questionset.schema.json",
        **schema,
        "title": "classbrief question set",
    }


def write_schema(path: Path = SCHEMA_FILE) -> None:
    path.write_text(
        json.dumps(questionset_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    write_schema()
