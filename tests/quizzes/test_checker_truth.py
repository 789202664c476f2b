"""The checker tells the whole truth: located problems for every case the issue names."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from quizzes.checking import run_check
from quizzes.cli import main
from tests.conftest import SAMPLE, TEST_PACKS

SET = """\
id: s
title: S
pack: mini
questions:
{questions}
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def lines(tmp_path: Path, *paths: Path, article: str | None = None) -> list[str]:
    report = run_check(list(paths), tmp_path / "data", article=article)
    return [line.replace(str(tmp_path) + "/", "") for line in report.lines()]


def copy_mini(tmp_path: Path, folder: str = "mini") -> Path:
    target = tmp_path / folder
    shutil.copytree(SAMPLE / "mini", target)
    return target


def test_pack_id_must_match_its_folder(tmp_path):
    folder = copy_mini(tmp_path, "other-name")
    found = lines(tmp_path, folder)
    assert any(
        line.startswith(
            "other-name/pack.yaml:1:5: error: pack id 'mini' differs from "
            "its folder name 'other-name'"
        )
        for line in found
    ), found


def test_two_packs_with_one_id_are_both_reported(tmp_path):
    first = copy_mini(tmp_path / "a")
    second = copy_mini(tmp_path / "b")
    found = [x for x in lines(tmp_path, first, second) if "also used by" in x]
    assert len(found) == 2
    assert found[0].startswith("a/mini/pack.yaml:1:5: error:") and "b/mini" in found[0]
    assert found[1].startswith("b/mini/pack.yaml:1:5: error:") and "a/mini" in found[1]


def test_quotes_verified_or_not_is_said_per_pack(tmp_path):
    folder = copy_mini(tmp_path)
    assert "quotes: mini: 3 of 3 quote(s) verified against mini/article.txt" in lines(
        tmp_path, folder
    )
    (folder / "article.txt").unlink()
    (said,) = [x for x in lines(tmp_path, folder) if x.startswith("quotes:")]
    assert said == (
        "quotes: mini: 3 quote(s) NOT verified: no article.txt beside the pack and "
        "no --article given"
    )
    article = (SAMPLE / "mini" / "article.txt").read_text(encoding="utf-8")
    assert "quotes: mini: 3 of 3 quote(s) verified against --article" in lines(
        tmp_path, folder, article=article
    )
    assert "quotes: mini: 2 of 3 quote(s) verified against --article" in lines(
        tmp_path, folder, article=article.replace("train 300", "teach 300")
    )


def test_a_set_on_a_pack_that_failed_names_the_pack_problem(tmp_path):
    folder = copy_mini(tmp_path)
    pack = folder / "pack.yaml"
    pack.write_text(
        pack.read_text(encoding="utf-8").replace("value: 300", "value: lots"), encoding="utf-8"
    )
    qset = write(
        tmp_path / "sets",
        "s.yaml",
        SET.format(
            questions="""\
  - id: q
    type: truefalse
    prompt: Freedonia offered training.
    fact: officers
    answer: true"""
        ),
    )
    found = lines(tmp_path, folder, qset)
    (named,) = [x for x in found if x.startswith("sets/s.yaml:3:7")]
    assert "pack 'mini' did not load" in named and "'value' must be a number" in named


def test_play_auto_of_a_failed_pack_says_why(tmp_path):
    data = tmp_path / "data"
    folder = copy_mini(data / "packs")
    pack = folder / "pack.yaml"
    pack.write_text(
        pack.read_text(encoding="utf-8").replace("value: 300", "value: lots"), encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["--data-dir", str(data), "play", "mini-auto", "--headless"])
    assert result.exit_code != 0
    assert "pack 'mini' did not load" in result.output and "must be a number" in result.output
    assert "no set called" not in result.output and "Traceback" not in result.output


def test_every_problem_after_a_schema_error(tmp_path, mini):
    qset = write(
        tmp_path,
        "s.yaml",
        SET.format(
            questions="""\
  - id: a
    type: numeric
    prompt: How many?
    fact: officers
    answer: 1e5000
  - id: b
    type: choice
    prompt: Who?
    fact: nobody
    choices: [Ana Costa, Freedonia]
    answer: Ana Costa
  - id: b
    type: truefalse
    prompt: True?
    fact: officers
    answer: true"""
        ),
    )
    found = lines(tmp_path, SAMPLE / "mini", qset)
    errors = [x for x in found if ": error:" in x]
    assert any(x.startswith("s.yaml:9:13:") and "too large" in x for x in errors), errors
    assert any(x.startswith("s.yaml:13:11:") and "unknown fact 'nobody'" in x for x in errors)
    assert any(x.startswith("s.yaml:16:9:") and "duplicate question id 'b'" in x for x in errors), (
        errors
    )


def test_order_questions_are_held_to_the_packs_dates(tmp_path):
    shutil.copytree(TEST_PACKS / "coalition-editorial", tmp_path / "coalition-editorial")
    questions = """\
  - id: overlap
    type: order
    prompt: Order them.
    fact: blog-post
    items:
      - Partners pledge more money
      - The spokesman's blog post
      - The Gazette quotes the blog post
  - id: backwards
    type: order
    prompt: Order them.
    fact: blog-post
    items:
      - The editorial is published
      - Partners pledge more money
      - The Gazette quotes the blog post"""
    qset = write(
        tmp_path,
        "s.yaml",
        SET.format(questions=questions).replace("pack: mini", "pack: coalition-editorial"),
    )
    found = lines(tmp_path, tmp_path / "coalition-editorial", qset)
    assert any(
        x.startswith("s.yaml:12:9: warning:") and "may have happened in either order" in x
        for x in found
    ), found
    assert any(x.startswith("s.yaml:19:9: error:") and "is keyed after" in x for x in found)


def test_choices_that_read_alike_are_an_error(tmp_path):
    qset = write(
        tmp_path,
        "s.yaml",
        SET.format(
            questions="""\
  - id: a
    type: choice
    prompt: How many?
    fact: officers
    choices: ["300 officers", "300 Officers.", "30 officers"]
    answer: "300 officers\""""
        ),
    )
    found = lines(tmp_path, SAMPLE / "mini", qset)
    assert any("reads the same as '300 officers'" in x for x in found), found


def test_give_away_prompts_are_named(tmp_path):
    qset = write(
        tmp_path,
        "s.yaml",
        SET.format(
            questions="""\
  - id: number
    type: numeric
    prompt: How many officers will be trained?
    fact: officers
    answer: 300
  - id: who
    type: choice
    prompt: Who offered to train 300 officers?
    fact: ana-costa
    choices: [Ana Costa, Freedonia]
    answer: Ana Costa"""
        ),
    )
    found = lines(tmp_path, SAMPLE / "mini", qset)
    (warning,) = [x for x in found if "gives away" in x]
    assert warning.startswith(
        "s.yaml:12:13: warning: this prompt gives away the answer to "
        "question 'number': it says “300”"
    )


def test_longest_choice_warning_needs_lengths_that_differ(tmp_path):
    same = "\n".join(
        f"""\
  - id: q{i}
    type: choice
    prompt: Pick {i}.
    fact: officers
    choices: [aaa, bbb, ccc]
    answer: aaa"""
        for i in range(4)
    )
    assert not [
        x
        for x in lines(
            tmp_path, SAMPLE / "mini", write(tmp_path, "s.yaml", SET.format(questions=same))
        )
        if "longest" in x
    ]
    longer = same.replace("[aaa, bbb, ccc]", "[aaaa, bbb, ccc]").replace(
        "answer: aaa", "answer: aaaa"
    )
    assert [
        x
        for x in lines(
            tmp_path, SAMPLE / "mini", write(tmp_path, "t.yaml", SET.format(questions=longer))
        )
        if "longest" in x
    ]


def test_numeric_answer_agrees_with_a_figure_in_another_scale(tmp_path):
    shutil.copytree(TEST_PACKS / "coalition-editorial", tmp_path / "coalition-editorial")
    good = """\
  - id: cost
    type: numeric
    prompt: How much has been spent?
    fact: campaign-cost
    answer: 6000000000
    unit: U.S. dollars
    display: 6 billion"""
    qset = write(
        tmp_path,
        "s.yaml",
        SET.format(questions=good).replace("pack: mini", "pack: coalition-editorial"),
    )
    assert not [
        x for x in lines(tmp_path, tmp_path / "coalition-editorial", qset) if ": error:" in x
    ]
    bad = write(
        tmp_path,
        "t.yaml",
        qset.read_text().replace("6000000000", "5000000000").replace("6 billion", "5 billion"),
    )
    (error,) = [
        x for x in lines(tmp_path, tmp_path / "coalition-editorial", bad) if ": error:" in x
    ]
    assert "disagrees with figure 'campaign-cost', which is 6 billion U.S. dollars" in error


def test_from_auto_writes_an_editable_set_that_passes_check(tmp_path):
    runner = CliRunner()
    data = tmp_path / "data"
    shutil.copytree(TEST_PACKS / "coalition-editorial", data / "packs" / "coalition-editorial")
    target = tmp_path / "mine.yaml"
    made = runner.invoke(
        main,
        [
            "--data-dir",
            str(data),
            "new",
            str(target),
            "--pack",
            "coalition-editorial",
            "--from-auto",
        ],
    )
    assert made.exit_code == 0, made.output
    text = target.read_text(encoding="utf-8")
    assert "id: mine" in text and "type: order" in text and "display: 6 billion" in text
    checked = runner.invoke(main, ["--data-dir", str(data), "check", str(target)])
    assert checked.exit_code == 0, checked.output
    played = runner.invoke(main, ["--data-dir", str(data), "play", str(target), "--headless"])
    assert played.exit_code == 0, played.output
