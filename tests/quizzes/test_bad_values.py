"""A list or a mapping where text belongs: one located error for that file, and every
other set still listed, played, exported and checked."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from quizzes.cli import main
from seeds.validation import validate
from seeds.yamlread import parse_yaml

SET = """\
id: odd
title: Odd
pack: gsi-training-2023
questions:
  - id: q
    type: truefalse
    prompt: {prompt}
    fact: china
    answer: true
"""


@pytest.fixture(params=["[a]", "{a: b}", "[[a], {b: [c]}]"])
def data(request, tmp_path: Path) -> Path:
    (tmp_path / "sets").mkdir()
    (tmp_path / "sets" / "odd.yaml").write_text(SET.format(prompt=request.param), encoding="utf-8")
    return tmp_path


def quiz(data: Path, *args: str):
    return CliRunner().invoke(main, ["--data-dir", str(data), *args])


def test_check_names_the_value_at_its_line(data):
    result = quiz(data, "check")
    assert result.exit_code == 1, result.output
    assert "odd.yaml:7:13: error: 'prompt' must be text, not a " in result.output


def test_list_play_and_export_go_on_without_the_bad_set(data, tmp_path):
    listed = quiz(data, "list")
    assert listed.exit_code == 0, result_text(listed)
    assert "gsi-figures" in listed.output and "odd " not in listed.output
    played = quiz(data, "play", "gsi-figures", "--headless")
    assert played.exit_code == 0, result_text(played)
    out = tmp_path / "out.gift.txt"
    exported = quiz(data, "export", "gsi-figures", "--format", "gift", "-o", str(out))
    assert exported.exit_code == 0, result_text(exported)
    assert out.is_file()


@pytest.mark.parametrize("value", [["a"], {"a": "b"}, [[["deep"]]], {"a": [{"b": "c"}]}])
def test_every_kind_of_message_describes_a_container(value):
    from quizzes.model import QuestionSet

    for field in ("prompt", "id", "type", "fact", "answer", "points", "tolerance"):
        question = {"id": "q", "type": "numeric", "prompt": "p", "answer": "1", field: value}
        data = {"id": "s", "title": "t", "pack": "p", "questions": [question]}
        doc = parse_yaml(yaml.safe_dump(data), "f.yaml")
        qset, problems = validate(doc, QuestionSet)
        assert qset is None and problems, field
        named = [p for p in problems if "list" in p.message or "mapping" in p.message]
        assert named or field == "tolerance", problems


def result_text(result) -> str:
    return f"{result.output}\n{result.exception!r}"
