"""Item analysis checked against an independent computation (numpy, scipy) on a synthetic
class of 40 students whose answers come from known item difficulties."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats as sps

from quizzes.classroom.analysis import (
    Item,
    Response,
    analyse,
    cronbach_alpha,
    fact_shares,
    group_size,
)

OPTIONS = ("A", "B", "C", "D")
DIFFICULTY = (-2.0, -1.5, -1.0, -0.5, 0.0, 0.0, 0.5, 1.0, 1.5, 2.0)  # logits; higher = harder


def synthetic_class(seed: int = 11, students: int = 40):
    """Rasch answers: P(right) = 1 / (1 + exp(b - θ)). Key A everywhere; a wrong student
    picks B or C (never D, so D is a dead distractor), except on item 'q9' where the
    strong students pick D (a wrong key: D is really right)."""
    rng = np.random.default_rng(seed)
    ability = rng.normal(0, 1, students)
    items = [
        Item(f"q{i}", f"Question {i}", "choice", fact=f"f{i % 4}", options=OPTIONS, keys=("A",))
        for i in range(len(DIFFICULTY))
    ]
    responses: dict[str, dict[str, Response]] = {}
    for s, theta in enumerate(ability):
        answers = {}
        for item, b in zip(items, DIFFICULTY, strict=True):
            if item.id == "q9":
                pick = "D" if theta > 0.3 else ("A" if rng.random() < 0.3 else "B")
            elif rng.random() < 1 / (1 + math.exp(b - theta)):
                pick = "A"
            else:
                pick = "B" if rng.random() < 0.5 else "C"
            answers[item.id] = Response(1.0 if pick == "A" else 0.0, pick)
        responses[f"student-{s:02d}"] = answers
    return items, responses, ability


@pytest.fixture(scope="module")
def klass():
    items, responses, _ = synthetic_class()
    students = list(responses)
    matrix = np.array([[responses[s][i.id].score for i in items] for s in students])
    return items, responses, matrix, analyse(items, responses)


def test_facility_is_the_mean_and_follows_the_known_difficulty(klass):
    _, _, matrix, result = klass
    for column, stats in enumerate(result.items):
        assert stats.facility == pytest.approx(matrix[:, column].mean())
    facilities = [s.facility for s in result.items[:9]]
    rho = sps.spearmanr(DIFFICULTY[:9], facilities).statistic
    assert rho < -0.8  # harder items are answered right less often


def test_corrected_point_biserial_matches_scipy(klass):
    _, _, matrix, result = klass
    totals = matrix.sum(axis=1)
    assert len(result.items) == matrix.shape[1] > 1
    for column, stats in enumerate(result.items):
        item = matrix[:, column]
        expected = sps.pointbiserialr(item, totals - item).statistic
        assert stats.r_corrected == pytest.approx(expected, abs=1e-9)


def test_upper_minus_lower_27_percent(klass):
    _, responses, matrix, result = klass
    students = list(responses)
    totals = matrix.sum(axis=1)
    # Ranked by total, ties by name, as the report does.
    order = sorted(range(len(students)), key=lambda s: (-totals[s], students[s]))
    size = round(0.27 * len(students))
    assert group_size(len(students)) == size == 11
    upper, lower = order[:size], order[-size:]
    for column, stats in enumerate(result.items):
        expected = matrix[upper, column].mean() - matrix[lower, column].mean()
        assert stats.discrimination == pytest.approx(expected)


def test_set_statistics_match_numpy(klass):
    _, _, matrix, result = klass
    totals = matrix.sum(axis=1)
    k = matrix.shape[1]
    p = matrix.mean(axis=0)
    kr20 = k / (k - 1) * (1 - (p * (1 - p)).sum() / totals.var())
    summary = result.summary
    assert summary.students == 40 and summary.meaningful
    assert summary.mean == pytest.approx(totals.mean())
    assert summary.median == pytest.approx(np.median(totals))
    assert summary.sd == pytest.approx(totals.std(ddof=1))
    assert summary.reliability_name == "KR-20"
    assert summary.reliability == pytest.approx(kr20)
    assert summary.sem == pytest.approx(totals.std(ddof=1) * math.sqrt(1 - kr20))


def test_kr20_hand_worked_example():
    # p = .8 .6 .4 .2, Σpq = 0.8; totals 4 3 2 1 0, variance 2; KR-20 = 4/3 · (1 − 0.4) = 0.8
    matrix = [[1, 1, 1, 1], [1, 1, 1, 0], [1, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0]]
    assert cronbach_alpha(matrix) == pytest.approx(0.8)


def test_alpha_with_partial_credit_matches_numpy():
    rng = np.random.default_rng(3)
    matrix = np.clip(rng.normal(0.6, 0.3, (30, 6)) + rng.normal(0, 0.2, (30, 1)), 0, 1)
    k = matrix.shape[1]
    expected = k / (k - 1) * (1 - matrix.var(axis=0, ddof=1).sum() / matrix.sum(axis=1).var(ddof=1))
    assert cronbach_alpha(matrix.tolist()) == pytest.approx(expected)
    items = [Item(f"q{i}", "p", "match") for i in range(k)]
    responses = {
        f"s{s}": {f"q{i}": Response(float(matrix[s, i])) for i in range(k)} for s in range(30)
    }
    assert analyse(items, responses).summary.reliability_name == "Cronbach's α"


def test_options_counts_point_biserials_and_flags(klass):
    _, responses, matrix, result = klass
    totals = matrix.sum(axis=1)
    students = list(responses)
    for column, stats in enumerate(result.items):
        rest = totals - matrix[:, column]
        for option in stats.options:
            chose = np.array(
                [responses[s][stats.item.id].answer == option.option for s in students], dtype=float
            )
            assert option.count == int(chose.sum())
            if chose.std() > 0:
                expected = sps.pointbiserialr(chose, rest).statistic
                assert option.r == pytest.approx(expected, abs=1e-9)
            else:
                assert option.r is None
    broken = result.items[9]
    assert any("wrong option “D” goes with higher totals" in f for f in broken.flags)
    assert any("negative discrimination" in f for f in broken.flags)
    # D is never chosen elsewhere: a dead distractor.
    assert all(
        any("option “D” chosen by under 5 %" in f for f in s.flags) for s in result.items[:9]
    )
    assert broken in result.flagged


def test_fact_shares_weight_every_answer():
    items = [
        Item("a", "p", "choice", fact="f1"),
        Item("b", "p", "choice", fact="f1"),
        Item("c", "p", "choice", fact="f2"),
    ]
    responses = {
        "s1": {"a": Response(1.0), "b": Response(0.0), "c": Response(1.0)},
        "s2": {"a": Response(1.0), "c": Response(0.0)},
    }
    shares = {f.fact: f for f in fact_shares(analyse(items, responses))}
    assert shares["f1"].share == pytest.approx(2 / 3) and shares["f1"].questions == 2
    assert shares["f2"].share == pytest.approx(0.5)


def test_few_students_are_not_meaningful_and_nothing_breaks():
    items = [Item("a", "p", "choice", options=("x", "y"), keys=("x",))]
    for count in range(5):
        responses = {f"s{i}": {"a": Response(1.0, "x")} for i in range(count)}
        result = analyse(items, responses)
        assert not result.summary.meaningful
        assert result.items[0].flags == () or count == 0
    # Everyone right: no variance, so no correlation, no reliability, no crash.
    responses = {f"s{i}": {"a": Response(1.0, "x")} for i in range(8)}
    result = analyse(items, responses)
    assert result.items[0].r_corrected is None and result.summary.reliability is None
