"""A run being played: the engine's run, the grades so far, and the store row behind it.

No Textual here: the screens call ``answer`` and read the state, so the rules
(what is recorded when, where a resumed run continues, how the streak counts)
are tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from quizzes.answerkey import key_of
from quizzes.catalog import Catalog
from quizzes.engine import (
    MODE_BY_NAME,
    Mode,
    Run,
    RunItem,
    Summary,
    Tally,
    build_run,
    summarize,
)
from quizzes.grading import Grade, InvalidAnswer, grade
from quizzes.sets import LoadedSet
from quizzes.store import RunRecord, Store
from seeds.frozen import record
from seeds.model import Pack

Clock = Callable[[], datetime]


@record
class PlayOptions:
    mode: Mode = "practice"
    seed: int = 0
    count: int | None = None
    tags: tuple[str, ...] = ()
    only: tuple[str, ...] | None = None
    time_limit: float | None = None  # minutes, exam mode only


@record
class SetChoice:
    """A set ready to play: the set, its pack, and how to find it again on resume."""

    loaded: LoadedSet
    pack: Pack
    ref: str

    @classmethod
    def of(cls, loaded: LoadedSet, catalog: Catalog) -> SetChoice:
        return cls(loaded, catalog.pack_for(loaded).pack, set_ref(loaded))


def set_ref(loaded: LoadedSet) -> str:
    """A file given by path is found again by its absolute path; any other set by id."""
    if loaded.origin == "path" and loaded.path is not None:
        return str(loaded.path.resolve())
    return loaded.qset.id


@dataclass
class Session:
    run: Run
    record: RunRecord
    store: Store
    clock: Clock
    choice: SetChoice
    options: PlayOptions
    grades: dict[str, Grade] = field(default_factory=dict)
    time_left: float | None = None  # seconds of an exam's time when this session was made
    deadline: float | None = None  # monotonic time the exam ends, set when play starts
    kept_clock: bool = False  # a timed exam started again: its clock ran from an earlier start
    # Answers taken and not yet committed (see ``take``): item, answer, grade, when.
    waiting: list[tuple[RunItem, Any, Grade, datetime]] = field(default_factory=list)

    @classmethod
    def start(cls, choice: SetChoice, options: PlayOptions, store: Store, clock: Clock) -> Session:
        """A new run. A timed exam started again while an earlier exam of the set by the
        same student is unfinished (left, discarded, or set aside with "Start new") keeps
        that exam's deadline: starting over never buys time. Once an exam of the set has
        finished, the next one has its full time."""
        run = _build(choice, options)
        limit = options.time_limit if options.mode == "exam" and options.time_limit else None
        earlier = store.running_exam(choice.loaded.qset.id) if limit is not None else None
        at = clock()
        record = store.start_run(
            set_id=choice.loaded.qset.id,
            set_ref=choice.ref,
            set_title=choice.loaded.qset.title,
            seed=options.seed,
            mode=options.mode,
            count=options.count,
            tags=options.tags,
            only=options.only,
            time_limit=options.time_limit,
            questions=len(run.items),
            points=sum((i.question.points for i in run.items), Decimal(0)),
            at=at,
            ends_by=earlier.deadline if earlier is not None else None,
        )
        time_left = None
        if limit is not None and record.deadline is not None:
            time_left = max((record.deadline - at).total_seconds(), 0.0)
        return cls(
            run,
            record,
            store,
            clock,
            choice,
            options,
            time_left=time_left,
            kept_clock=earlier is not None,
        )

    @classmethod
    def resume(cls, record: RunRecord, choice: SetChoice, store: Store, clock: Clock) -> Session:
        """Rebuild the run from its seed and options; stored answers are graded again, so
        the results screen can explain them. Answers the set no longer has are skipped."""
        mode = MODE_BY_NAME.get(record.mode, "practice")
        options = PlayOptions(
            mode, record.seed, record.count, record.tags, record.only, record.time_limit
        )
        run = _build(choice, options)
        ids = {item.question.id for item in run.items}
        grades: dict[str, Grade] = {}
        for stored in store.answers(record.id):
            if stored.question_id not in ids:
                continue
            try:
                grades[stored.question_id] = grade(
                    run.item(stored.question_id).question, stored.answer, choice.pack
                )
            except InvalidAnswer:
                continue
        return cls(run, record, store, clock, choice, options, grades, _time_left(record, clock()))

    # State ------------------------------------------------------------------------------

    @property
    def items(self) -> tuple[RunItem, ...]:
        return self.run.items

    @property
    def current(self) -> RunItem | None:
        """The first question not yet answered (a resumed run continues there)."""
        return next((i for i in self.items if i.question.id not in self.grades), None)

    @property
    def answered(self) -> int:
        return len(self.grades)

    @property
    def tally(self) -> Tally:
        """The run's answers summed (in one pass: the status line asks after every key)."""
        given = [g for item in self.items if (g := self.grades.get(item.question.id)) is not None]
        return Tally(
            sum((g.score for g in given), Decimal(0)),
            sum((g.points for g in given), Decimal(0)),
            len(given),
            sum(g.correct for g in given),
        )

    @property
    def streak(self) -> int:
        """Fully right answers in a row, counting back from the latest."""
        count = 0
        for item in reversed([i for i in self.items if i.question.id in self.grades]):
            if not self.grades[item.question.id].correct:
                break
            count += 1
        return count

    @property
    def possible(self) -> Decimal:
        return self.record.points

    @property
    def time_limit_seconds(self) -> float | None:
        """Seconds left of an exam's time when this session was made (0: it is over)."""
        return self.time_left

    def summary(self) -> Summary:
        return summarize(self.run, self.grades)

    def missed(self) -> list[str]:
        """Questions to retry: not fully right, or never answered."""
        summary = self.summary()
        return [*summary.missed, *summary.unanswered]

    # Actions ----------------------------------------------------------------------------

    def answer(self, value: Any) -> Grade:
        """Grade and store the answer to the current question; InvalidAnswer stores nothing."""
        result = self.take(value)
        self.save()
        return result

    def take(self, value: Any) -> Grade:
        """Grade the answer to the current question and move on; its write waits for
        ``save`` (the app draws the feedback first). InvalidAnswer takes nothing."""
        item = self.current
        if item is None:
            raise RuntimeError("every question is answered")
        result = grade(item.question, value, self.choice.pack)
        self.grades[item.question.id] = result
        self.waiting.append((item, value, result, self.clock()))
        return result

    def save(self) -> None:
        """Commit the answers taken and not yet saved, in the order they were given, each
        with its review card in one commit. Every other write of the session saves first."""
        while self.waiting:
            item, value, result, at = self.waiting[0]
            with self.store.together():  # the answer and its review card, in one commit
                self.store.record_answer(
                    self.record.id,
                    question_id=item.question.id,
                    position=self.items.index(item),
                    answer=value,
                    correct=result.correct,
                    score=result.score,
                    points=result.points,
                    at=at,
                    key=key_of(item.question),
                )
                self._reschedule(item.question.id, result)
            self.waiting.pop(0)

    def _reschedule(self, question_id: str, result: Grade) -> None:
        """Every answer is a review of its (student, question) card."""
        from quizzes.classroom.spaced_review import rating_for, schedule

        set_id = self.choice.loaded.qset.id
        known = self.store.card(set_id, question_id)
        now = self.clock()
        scheduled = schedule(
            None if known is None else known.card, rating_for(result.score, result.points), now
        )
        self.store.save_card(
            set_id=set_id,
            set_ref=self.choice.ref,
            question_id=question_id,
            card=scheduled.card,
            due=scheduled.due,
            at=now,
        )

    def finish(self) -> None:
        """Finished now, or at the deadline of an exam whose time ran out before (one
        resumed late ends when its time was up, not when the student came back)."""
        self.save()
        at = self.clock()
        if self.record.deadline is not None and at > self.record.deadline:
            at = self.record.deadline
        self.store.finish_run(self.record.id, at)

    def abandon(self) -> None:
        self.save()
        self.store.abandon_run(self.record.id, self.clock())

    def again(self, seed: int, only: Collection[str] | None = None) -> Session:
        """A new run of the same set: a new round, or (with ``only``) a retry of some."""
        self.save()
        options = PlayOptions(
            self.options.mode,
            seed,
            None if only else self.options.count,
            self.options.tags,
            tuple(only) if only else None,
            self.options.time_limit,
        )
        return Session.start(self.choice, options, self.store, self.clock)


def due_review(
    store: Store, catalog: Catalog, now: datetime, pack_id: str | None = None
) -> tuple[SetChoice, tuple[str, ...]] | None:
    """The set holding the most overdue card, and its questions due now; None when nothing
    (of ``pack_id``) is due. Cards of sets or questions no longer found are skipped."""
    from seeds.problems import ProblemsFound

    by_set: dict[str, list[str]] = {}
    for card in store.cards(due_by=now):  # most overdue first
        by_set.setdefault(card.set_ref, []).append(card.question_id)
    for ref, ids in by_set.items():
        try:
            loaded = catalog.find_set(ref)
        except ProblemsFound:
            continue
        if pack_id is not None and loaded.qset.pack != pack_id:
            continue
        known = {q.id for q in loaded.qset.questions}
        due = tuple(q for q in ids if q in known)
        if due:
            return SetChoice.of(loaded, catalog), due
    return None


def _time_left(record: RunRecord, now: datetime) -> float | None:
    """An exam's clock is wall time from its start: a kill, Escape or a closed window
    does not stop it, so a resumed exam has what is left until its deadline."""
    if record.mode != "exam" or not record.time_limit:
        return None
    deadline = record.deadline or record.started + timedelta(minutes=record.time_limit)
    return max((deadline - now).total_seconds(), 0.0)


def _build(choice: SetChoice, options: PlayOptions) -> Run:
    return build_run(
        choice.loaded.qset,
        choice.pack,
        seed=options.seed,
        mode=options.mode,
        count=options.count,
        tags=options.tags,
        only=options.only,
    )
