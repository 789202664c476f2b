"""Spaced review with FSRS: ratings from grades, a 30-day simulation on an injected clock,
time zones, and cards kept per student by the store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from itertools import pairwise

import pytest

from quizzes.classroom.spaced_review import AGAIN, GOOD, HARD, due_count, rating_for, schedule
from quizzes.store import Store
from tests.quizzes.storehelp import answer, start

T0 = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)


def test_grades_rate_again_hard_good():
    assert rating_for(Decimal(0), Decimal(1)) == AGAIN
    assert rating_for(Decimal("0.5"), Decimal(1)) == HARD
    assert rating_for(Decimal(2), Decimal(2)) == GOOD
    assert rating_for(Decimal(0), Decimal(0)) == AGAIN


def simulate(answers: dict[int, str], days: int = 30):
    """Review each day the card is due; ``answers`` overrides the rating on some reviews
    (by review number). Returns (day, interval in days) for each review."""
    card = None
    due = T0
    reviews: list[tuple[int, float]] = []
    for day in range(days + 1):
        now = T0 + timedelta(days=day)
        if now < due:
            continue
        rating = answers.get(len(reviews), GOOD)
        scheduled = schedule(card, rating, now)
        card, due = scheduled.card, scheduled.due
        reviews.append((day, scheduled.interval / timedelta(days=1)))
    return reviews


def test_thirty_days_of_right_answers_grow_the_interval():
    reviews = simulate({})
    intervals = [interval for _, interval in reviews]
    assert len(reviews) >= 3
    assert intervals[0] >= 1  # no same-day learning steps: the next review is a day away
    assert all(b > a for a, b in pairwise(intervals)), reviews
    assert reviews[-1][0] <= 30


def test_a_miss_shrinks_the_interval_and_it_grows_again():
    good = simulate({})
    reviews = simulate({2: AGAIN})  # the third review, on day 13, is a miss
    intervals = [interval for _, interval in reviews]
    assert reviews[2][0] == good[2][0] == 13
    assert intervals[2] < intervals[1] < good[2][1], reviews  # back much sooner
    assert intervals[3] > intervals[2] and intervals[4] > intervals[3]  # then it grows again
    assert len(reviews) > len(good)  # more reviews in the 30 days after a miss
    hard = simulate({2: HARD})
    assert intervals[2] < hard[2][1] < good[2][1]  # Hard is between Again and Good


def test_times_are_timezone_aware():
    later = schedule(None, GOOD, T0)
    # The same instant in Sydney gives the same schedule, stored in UTC.
    sydney = schedule(None, GOOD, T0.astimezone(timezone(timedelta(hours=11))))
    assert later.due == sydney.due and later.due.tzinfo is not None
    with pytest.raises(ValueError, match="time zone"):
        schedule(None, GOOD, datetime(2024, 3, 4, 9, 0))
    assert due_count([later.due], later.due - timedelta(seconds=1)) == 0
    assert due_count([later.due], later.due.astimezone(timezone(timedelta(hours=-5)))) == 1


def test_store_keeps_cards_per_student_most_overdue_first(tmp_path):
    store = Store.open(tmp_path / "p.sqlite3")
    for qid, days in (("q1", 3), ("q2", 1), ("q3", 10)):
        scheduled = schedule(None, GOOD, T0)
        store.save_card(
            set_id="s",
            set_ref="s",
            question_id=qid,
            card=scheduled.card,
            due=T0 + timedelta(days=days),
            at=T0,
        )
    now = T0 + timedelta(days=5)
    assert [c.question_id for c in store.cards(due_by=now)] == ["q2", "q1"]
    store.student = "Ana"
    assert store.cards() == []  # another student's cards are hers alone
    store.student = ""
    assert store.card("s", "q3") is not None
    assert store.cards(set_ids=["other"]) == []
    with pytest.raises(ValueError, match="time zone"):
        store.cards(due_by=datetime(2024, 1, 1))
    store.close()


def test_an_answer_and_its_card_commit_together_or_not_at_all(tmp_path):
    store = Store.open(tmp_path / "p.sqlite3")
    run = start(store, "s", questions=1, points=Decimal(1))
    with pytest.raises(RuntimeError), store.together():
        answer(store, run.id, "q", 0, True, "a", minute=0)
        raise RuntimeError("the card could not be scheduled")
    assert store.answers(run.id) == []
    with store.together():
        answer(store, run.id, "q", 0, True, "a", minute=0)
    assert len(store.answers(run.id)) == 1
    store.close()


def test_a_new_card_never_sleeps_and_follows_the_clock(monkeypatch):
    # A served class schedules cards inside its event loop: a sleep there stalls every
    # student. The same review at the same moment gives the same card.
    import time

    def no_sleep(seconds: float) -> None:
        raise AssertionError(f"slept {seconds} s")

    monkeypatch.setattr(time, "sleep", no_sleep)
    first, again = schedule(None, GOOD, T0), schedule(None, GOOD, T0)
    assert first.card == again.card
    assert first.card["card_id"] == int(T0.timestamp() * 1000)
    assert first.due > T0
