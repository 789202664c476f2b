"""The item analysis and the class's results take short cuts on large classes (columns read
once, a 0/1 correlation without its list, variances over distinct values, answers that
share their values worked out once): each gives exactly what the plain computation gives,
float for float."""

from __future__ import annotations

import copy
import dataclasses
import math
import statistics
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizzes.catalog import Catalog
from quizzes.classroom.analysis import (
    Analysis,
    Item,
    ItemStats,
    OptionStats,
    Response,
    SetStats,
    _choices,
    _Deviations,
    _flags,
    _picked,
    analyse,
    group_size,
    pvariance,
)
from quizzes.classroom.results import ClassRun, class_results, runs_from_store
from quizzes.store import Store
from seeds.paths import progress_db
from tests.classroom.test_make_report import changed_week, played_week

# The plain computation, one student and one answer at a time --------------------------


def plain_pearson(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mx, my = math.fsum(xs) / n, math.fsum(ys) / n
    dx = [x - mx for x in xs]
    dy = [y - my for y in ys]
    sxy = math.fsum(a * b for a, b in zip(dx, dy, strict=True))
    sxx = math.fsum(a * a for a in dx)
    syy = math.fsum(b * b for b in dy)
    if sxx <= 1e-12 or syy <= 1e-12:
        return None
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def chose(answer: Any, option: str) -> bool:
    if isinstance(answer, bool):
        return option == ("True" if answer else "False")
    if isinstance(answer, list | tuple):
        return any(isinstance(a, str) and a == option for a in answer)
    return isinstance(answer, str) and answer == option


def plain_item(
    item: Item, responses: dict[str, dict[str, Response]], totals: dict[str, float], groups: Any
) -> ItemStats:
    given = [(s, row[item.id]) for s, row in responses.items() if item.id in row]
    if not given:
        return ItemStats(item, 0, None, None, None, flags=(*item.notes, "nobody was asked it"))
    n = len(given)
    scores = [r.score for _, r in given]
    rest = [totals[s] - r.score for s, r in given]
    facility = math.fsum(scores) / n
    up = [r.score for s, r in given if s in groups[0]]
    low = [r.score for s, r in given if s in groups[1]]
    discrimination = (
        math.fsum(up) / len(up) - math.fsum(low) / len(low) if up and low and n >= 2 else None
    )
    r = plain_pearson(scores, rest)
    options = []
    for option in item.options:
        picks = [1.0 if chose(r.answer, option) else 0.0 for _, r in given]
        count = int(sum(picks))
        options.append(
            OptionStats(option, option in item.keys, count, count / n, plain_pearson(picks, rest))
        )
    flags = (*item.notes, *_flags(facility, r, options, n))
    return ItemStats(item, n, facility, discrimination, r, tuple(options), flags)


def plain_analyse(items: list[Item], responses: dict[str, dict[str, Response]]) -> Analysis:
    students = list(responses)
    totals = {s: math.fsum(r.score for r in responses[s].values()) for s in students}
    ranked = sorted(students, key=lambda s: (-totals[s], s))
    size = group_size(len(students))
    groups = (set(ranked[:size]), set(ranked[-size:]))
    stats = tuple(plain_item(item, responses, totals, groups) for item in items)
    values = [totals[s] for s in students]
    sd = statistics.stdev(values) if len(values) >= 2 else None
    common = [i.id for i in items if students and all(i.id in responses[s] for s in students)]
    matrix = [[responses[s][q].score for q in common] for s in students]
    alpha = None
    if len(matrix) >= 2 and len(common) >= 2:
        item_var = math.fsum(statistics.pvariance(c) for c in zip(*matrix, strict=True))
        total_var = statistics.pvariance([math.fsum(row) for row in matrix])
        alpha = (
            None
            if total_var <= 1e-12
            else len(common) / (len(common) - 1) * (1 - item_var / total_var)
        )
    summary = SetStats(
        len(students),
        statistics.fmean(values) if values else None,
        statistics.median(values) if values else None,
        sd,
        alpha,
        "KR-20" if {v for row in matrix for v in row} <= {0.0, 1.0} else "Cronbach's α",
        sd * math.sqrt(1 - alpha) if sd is not None and alpha is not None and alpha <= 1 else None,
        len(common),
    )
    return Analysis(summary, stats, totals)


# Classes made up by hypothesis ------------------------------------------------------------

SCORES = st.sampled_from([0.0, 1.0, 0.5, 1 / 3, 2 / 3, 0.25]) | st.floats(0, 1)
TEXTS = st.sampled_from(["A", "B", "C", "Z", "True"])
ANSWERS = (
    st.none()
    | TEXTS
    | st.booleans()
    | st.lists(TEXTS | st.integers(0, 3), max_size=3)
    | st.lists(TEXTS, max_size=2).map(tuple)
    | st.integers(0, 5)
)


@st.composite
def classes(draw: st.DrawFn, answers: st.SearchStrategy[Any] = ANSWERS) -> tuple[Any, Any]:
    options = st.sampled_from([(), ("A", "B", "C"), ("True", "False"), ("A", "A", "B")])
    items = [
        Item(f"q{i}", "p", "choice", options=draw(options), keys=("A",), notes=("n",) * (i % 2))
        for i in range(draw(st.integers(0, 5)))
    ]
    responses = {}
    for s in range(draw(st.integers(0, 12))):
        asked = [i for i in items if draw(st.integers(0, 4))]  # now and then not asked
        row = {i.id: Response(draw(SCORES), draw(answers)) for i in asked}
        responses[f"s{draw(st.integers(0, 3))}{s}"] = row
    return items, responses


@settings(max_examples=300, deadline=None)
@given(classes())
def test_the_analysis_is_the_plain_computation_float_for_float(klass):
    items, responses = klass
    assert repr(analyse(items, responses)) == repr(plain_analyse(items, responses))


@settings(max_examples=100, deadline=None)
@given(classes(TEXTS | st.none()))
def test_texts_only_take_the_short_cut_with_the_same_result(klass):
    items, responses = klass
    assert repr(analyse(items, responses)) == repr(plain_analyse(items, responses))


@given(
    st.lists(st.tuples(st.booleans(), st.floats(-50, 50)), max_size=40),
)
def test_a_chosen_option_correlates_as_its_0_1_list_does(pairs):
    mask = [m for m, _ in pairs]
    ys = [y for _, y in pairs]
    picks = [1.0 if m else 0.0 for m in mask]
    assert repr(_Deviations(ys).chosen(mask, mask.count(True))) == repr(plain_pearson(picks, ys))


@given(st.lists(TEXTS | st.none(), max_size=30))
def test_masks_of_texts_are_the_options_each_answer_picked(answers):
    options = ("A", "B", "True")
    picked = _picked(options, answers)
    masks = _choices(options, answers)
    assert set(masks) == set(options)
    for option in options:
        assert [n for n, m in enumerate(masks[option]) if m] == picked[option]


@given(st.lists(SCORES | st.floats(-1e6, 1e6) | st.sampled_from([-0.0, 5e-324]), min_size=1))
def test_the_variance_over_distinct_values_is_statistics_pvariance(values):
    assert repr(pvariance(values)) == repr(statistics.pvariance(values))


# A class's results, its answers sharing their values or not --------------------------------


@pytest.fixture(scope="module")
def changed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, list[ClassRun]]:
    """A class of 8 whose set changed after they played (one key fixed, one question
    deleted): its answers are items of three kinds."""
    root: Path = tmp_path_factory.mktemp("week") / "class"
    played_week(root)
    changed_week(root)
    store = Store.open(progress_db(root))
    try:
        runs = runs_from_store(store, "db")
    finally:
        store.close()
    return Catalog.load(root).find_set("week").qset, runs


def unshared(runs: list[ClassRun]) -> list[ClassRun]:
    """The runs with every answer's values its own (as from a results file)."""
    return [
        dataclasses.replace(c, answers=tuple(copy.deepcopy(a) for a in c.answers)) for c in runs
    ]


def test_answers_give_the_same_results_whether_they_share_their_values_or_not(changed):
    qset, runs = changed
    shared = class_results(qset, runs)
    assert len(shared.responses) == 8 and len(shared.items) == 4  # and the two versions
    assert repr(class_results(qset, unshared(runs))) == repr(shared)


def test_a_question_answered_twice_counts_its_last_answer_in_its_first_place(changed):
    qset, runs = changed
    first = runs[0]
    again = dataclasses.replace(first.answers[0], score=Decimal(0), answer="again")
    twice = dataclasses.replace(first, answers=(*first.answers, again))
    row = class_results(qset, [twice, *runs[1:]]).responses[first.run.student]
    once = class_results(qset, runs).responses[first.run.student]
    assert list(row) == list(once)
    item = next(iter(once))
    assert row[item] == Response(0.0, "again") != once[item]
