"""Spaced review: each (student, question) pair is a card scheduled by FSRS, the scheduler
Anki uses. Pure: a card's state and a grade in, the next state and due time out; times are
timezone-aware (UTC inside), and the clock is always a parameter.

A wrong answer rates Again, a partly right one Hard, a right one Good. Cards go straight to
days-long intervals (no same-day learning steps): a class reviews once a day at most.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

from seeds.frozen import record

AGAIN, HARD, GOOD = "again", "hard", "good"


def rating_for(score: Decimal, points: Decimal) -> str:
    """Again for nothing right, Hard for partial credit, Good for full marks."""
    if points <= 0 or score <= 0:
        return AGAIN
    return GOOD if score >= points else HARD


@cache
def _scheduler() -> Any:
    from fsrs import Scheduler

    # No fuzz: the same answers on the same days give the same schedule (and tests can
    # compare intervals). No learning steps: the first review is a day or more away.
    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("review times need a time zone")
    return moment.astimezone(UTC)


@record
class Scheduled:
    card: dict[str, Any]  # the scheduler's state, as JSON-ready data
    due: datetime  # UTC
    interval: timedelta  # from this review to the next


def schedule(card: dict[str, Any] | None, rating: str, now: datetime) -> Scheduled:
    """The card after a review rated ``rating`` at ``now`` (a new card when None)."""
    from fsrs import Card, Rating

    now = _aware(now)
    # The stored JSON is what Card.to_dict wrote (fsrs types it as a TypedDict). A new
    # card gets its id from the review's time: fsrs's own default sleeps 1 ms to keep ids
    # apart, which would stall every request of a served class.
    current = (
        Card(card_id=int(now.timestamp() * 1000), due=now) if card is None else Card.from_dict(card)  # type: ignore[arg-type]
    )
    rated = {AGAIN: Rating.Again, HARD: Rating.Hard, GOOD: Rating.Good}[rating]
    updated, _ = _scheduler().review_card(current, rated, review_datetime=now)
    due = _aware(updated.due)
    return Scheduled(updated.to_dict(), due, due - now)


def due_count(dues: Iterable[datetime], now: datetime) -> int:
    now = _aware(now)
    return sum(1 for due in dues if _aware(due) <= now)
