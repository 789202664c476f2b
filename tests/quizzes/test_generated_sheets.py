"""Automatic questions a teacher can hand out without proofreading, on packs of every shape:
no choice question with two true options, no run or handout variant in which one question
answers another, wrong numbers that could be right, and `quiz new --from-auto` output that
passes `quiz check --strict`. Judged by tests/keyoracle.py, which shares no logic with the
generator or the selection."""

from __future__ import annotations

import itertools
import re
import shutil
import tempfile
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings

from briefing.handouts import compose_handouts
from quizzes.cli import main
from quizzes.engine import build_run
from quizzes.generate import TooFewFacts, automatic_set
from quizzes.model import Choice, Question
from seeds.model import Figure, Pack
from seeds.packs import BUNDLED_PACKS, load_pack
from seeds.validation import dump
from tests.conftest import SAMPLE, TEST_PACKS
from tests.keyoracle import amount, answers_another, true_options
from tests.packgen import packs

PACK_FOLDERS = [
    BUNDLED_PACKS / "gsi-training-2023",
    *sorted(p for p in TEST_PACKS.iterdir() if (p / "pack.yaml").is_file()),
    SAMPLE / "mini",
]


def pack_at(folder: Path) -> Pack:
    loaded, problems = load_pack(folder / "pack.yaml")
    assert loaded is not None, [str(p) for p in problems]
    return loaded.pack


def pairs_on(questions: Sequence[Question], pack: Pack) -> list[str]:
    """Why questions on one sheet answer each other (empty: none do)."""
    return [
        why
        for a, b in itertools.combinations(questions, 2)
        if (why := answers_another(a, b, pack)) is not None
    ]


def sheets_of(pack: Pack) -> list[list[Question]]:
    """The questions of three runs and of the three variants of a handout of the pack's
    automatic set; every variant has as many questions as the others."""
    qset = automatic_set(pack)
    runs = [[i.question for i in build_run(qset, pack, seed=s).items] for s in range(3)]
    handout = compose_handouts(qset, pack, variants=3, seed=2)
    variants = [[i.question for i in v.run.items] for v in handout.variants]
    assert len({len(v) for v in variants}) == 1, [len(v) for v in variants]
    return runs + variants


def mantissa(option: str) -> Decimal:
    """The number before a scale word ("2,000" in "2,000 billion"), else 0; none above a
    trillion, so "1,000 trillion" is as right as can be."""
    scaled = re.match(r"\$?([\d,.]+) (thousand|million|billion)", option)
    return Decimal(scaled[1].replace(",", "")) if scaled else Decimal(0)


def impossible_options(q: Choice, figure: Figure) -> list[str]:
    """Options no figure of this kind could have: a percentage outside 0-100 (when the
    right one is within), a share outside 0-1, a count that is not a positive whole
    number (when the right one is), a currency named twice, a scale word after a number
    of a thousand or more (unless the right one is written so)."""
    bad = []
    for option in q.choices:
        written = option.removeprefix(f"{figure.bound} ") if figure.bound else option
        if figure.range is not None:  # "12–17 named storms": both ends must be possible
            ends = re.findall(r"[\d,.]*\d", written.split(" ")[0])
            values = [Decimal(e.replace(",", "")) for e in ends]
            assert len(values) == 2 and values[0] < values[1], option
        else:
            value = amount(written, figure.unit)
            assert value is not None, option
            values = [value]
        unit = figure.unit.casefold()
        for value in values:
            if unit == "per cent" and 0 <= figure.low <= 100 and not 0 <= value <= 100:
                bad.append(option)
            if unit.startswith("share") and not 0 <= value <= 1:
                bad.append(option)
            counted = unit in ("agencies", "named storms", "officers", "people", "delegates")
            counted = counted and figure.low == figure.low.to_integral_value()
            if counted and (value < 1 or value != value.to_integral_value()):
                bad.append(option)
        if option.startswith("$") and "dollar" in option.casefold():
            bad.append(option)
        if mantissa(option) >= 1000 > mantissa(q.answer):
            bad.append(option)
    return bad


def assert_sound(pack: Pack) -> None:
    try:
        qset = automatic_set(pack)
    except TooFewFacts:
        return
    facts = pack.facts()
    for q in qset.questions:
        if isinstance(q, Choice):
            assert true_options(q, pack) == [q.answer], (q.id, q.choices)
            figure = facts[q.fact or ""]
            if isinstance(figure, Figure):
                assert not impossible_options(q, figure), (q.id, q.choices)
    for sheet in sheets_of(pack):
        assert not pairs_on(sheet, pack)


@pytest.mark.parametrize("folder", PACK_FOLDERS, ids=lambda p: p.name)
def test_no_two_true_options_and_no_sheet_that_answers_itself(folder):
    assert_sound(pack_at(folder))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs())
def test_no_two_true_options_and_no_sheet_that_answers_itself_on_any_pack(pack):
    assert_sound(pack)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs())
def test_every_kind_of_fact_gets_questions_on_any_pack(pack):
    """Every figure, argument and event gets a question, and every term but one that has
    no abbreviation, no other definition to choose from and a definition that says it."""
    try:
        tested = {q.fact for q in automatic_set(pack).questions}
    except TooFewFacts:
        assert not (pack.figures or pack.arguments or pack.events)
        return
    for fact in [*pack.figures, *pack.arguments, *pack.events]:
        assert fact.id in tested, fact
    for term in pack.terms:
        others = {t.statement.casefold() for t in pack.terms} - {term.statement.casefold()}
        says_itself = term.term.casefold() in term.statement.casefold()
        assert term.id in tested or (not term.short and not others and says_itself), term


def from_auto_problems(data: Path, pack_id: str, tmp: Path) -> list[str]:
    runner = CliRunner()
    target = tmp / f"{pack_id}-mine.yaml"
    made = runner.invoke(
        main, ["--data-dir", str(data), "new", str(target), "--pack", pack_id, "--from-auto"]
    )
    assert made.exit_code == 0, made.output
    checked = runner.invoke(main, ["--data-dir", str(data), "check", "--strict", str(target)])
    problems = [line for line in checked.output.splitlines() if ": warning: " in line]
    problems += [line for line in checked.output.splitlines() if ": error: " in line]
    assert (checked.exit_code == 0) == (not problems), checked.output
    return problems


@pytest.mark.parametrize("folder", PACK_FOLDERS, ids=lambda p: p.name)
def test_from_auto_passes_the_strict_check_on_every_pack(folder, tmp_path):
    data = tmp_path / "data"
    if folder.parent != BUNDLED_PACKS:
        shutil.copytree(folder, data / "packs" / folder.name)
    assert from_auto_problems(data, folder.name, tmp_path) == []
    # What was left out is there to swap in, as comments.
    text = (tmp_path / f"{folder.name}-mine.yaml").read_text(encoding="utf-8")
    written = yaml.safe_load(text)["questions"]
    _, _, tail = text.partition("# Left out:")
    commented = "\n".join(line[2:] for line in tail.splitlines()[3:])
    left_out = yaml.safe_load(commented) or []
    qset = automatic_set(pack_at(folder))
    assert sorted(q["id"] for q in written + left_out) == sorted(q.id for q in qset.questions)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(packs())
def test_from_auto_passes_the_strict_check_on_any_pack(pack):
    try:
        automatic_set(pack)
    except TooFewFacts:
        return
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data"
        (data / "packs" / pack.id).mkdir(parents=True)
        (data / "packs" / pack.id / "pack.yaml").write_text(
            yaml.safe_dump(dump(pack), allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        assert from_auto_problems(data, pack.id, Path(folder)) == []
