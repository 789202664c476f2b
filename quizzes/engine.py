"""A quiz run: which questions, in what order, with shuffled choices; and its summary.

Pure: a run is a function of the set, the pack, the seed and the options. The
same seed gives the same run, so a class handout or a resumed run can be rebuilt.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping
from dataclasses import field
from decimal import Decimal
from typing import Literal

from quizzes.giveaways import one_of_each_pair
from quizzes.grading import Grade
from quizzes.model import Choice, Match, Multi, Order, Question, QuestionSet, TrueFalse
from seeds.frozen import record
from seeds.model import FACT_KINDS, Fact, FactKind, Pack

Mode = Literal["practice", "exam"]
MODES: tuple[Mode, ...] = ("practice", "exam")
MODE_BY_NAME: dict[str, Mode] = {mode: mode for mode in MODES}
"""A mode by its name (as stored or typed), typed as a Mode; a KeyError for any other."""


@record
class RunItem:
    """One question as this run shows it: ``options`` are its choices, right sides or
    items, in this run's shuffled order (empty for types with a free input)."""

    question: Question
    options: tuple[str, ...]
    fact: Fact | None

    @property
    def kind(self) -> FactKind | None:
        return self.fact.kind if self.fact else None


@record
class Run:
    set_id: str
    title: str
    pack: Pack
    seed: int
    mode: Mode
    items: tuple[RunItem, ...]

    def item(self, question_id: str) -> RunItem:
        return next(i for i in self.items if i.question.id == question_id)


def build_run(
    qset: QuestionSet,
    pack: Pack,
    *,
    seed: int,
    mode: Mode = "practice",
    count: int | None = None,
    tags: Collection[str] = (),
    only: Collection[str] | None = None,
) -> Run:
    """Choose, order and shuffle the questions of ``qset`` for one run.

    ``tags`` keeps questions having any of them; ``only`` keeps the given question
    ids (to retry missed ones); ``count`` keeps the first N after shuffling. Of two
    questions that answer each other only one is kept, the shuffle choosing which.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}")
    rng = random.Random(f"{qset.id}:{seed}")
    questions = [
        q
        for q in qset.questions
        if (not tags or set(tags) & set(q.tags)) and (only is None or q.id in only)
    ]
    rng.shuffle(questions)
    facts = pack.facts()
    questions = one_of_each_pair(questions, facts)
    if count is not None:
        questions = questions[: max(count, 0)]
    items = tuple(RunItem(q, _options(q, rng), facts.get(q.fact or "")) for q in questions)
    return Run(qset.id, qset.title, pack, seed, mode, items)


def run_points(run: Run) -> Decimal:
    """The points of a run's questions: the same for every seed of a set and options, as
    each run keeps the most points it can of questions that answer each other."""
    return sum((item.question.points for item in run.items), Decimal(0))


def _options(q: Question, rng: random.Random) -> tuple[str, ...]:
    if isinstance(q, Choice | Multi):
        options = list(q.choices)
    elif isinstance(q, Match):
        options = [pair.right for pair in q.pairs]
    elif isinstance(q, Order):
        options = list(q.items)
        # A shuffle that happens to leave the right order would give the answer away.
        while len(options) > 1 and options == q.items:
            rng.shuffle(options)
        return tuple(options)
    elif isinstance(q, TrueFalse):
        return ("True", "False")
    else:
        return ()
    rng.shuffle(options)
    return tuple(options)


@record
class Tally:
    score: Decimal = Decimal(0)
    points: Decimal = Decimal(0)
    answered: int = 0
    correct: int = 0

    def add(self, grade: Grade) -> Tally:
        return Tally(
            self.score + grade.score,
            self.points + grade.points,
            self.answered + 1,
            self.correct + grade.correct,
        )

    @property
    def percent(self) -> float:
        return float(self.score / self.points * 100) if self.points else 0.0


@record
class Summary:
    total: Tally
    by_kind: dict[str, Tally] = field(default_factory=dict)
    by_tag: dict[str, Tally] = field(default_factory=dict)
    missed: tuple[str, ...] = ()
    unanswered: tuple[str, ...] = ()


def summarize(run: Run, grades: Mapping[str, Grade]) -> Summary:
    """Score of a run, by fact kind (in pack order) and by tag; missed = not fully right."""
    total = Tally()
    by_kind: dict[str, Tally] = {}
    by_tag: dict[str, Tally] = {}
    missed, unanswered = [], []
    for item in run.items:
        grade = grades.get(item.question.id)
        if grade is None:
            unanswered.append(item.question.id)
            continue
        total = total.add(grade)
        kind = item.kind or "other"
        by_kind[kind] = by_kind.get(kind, Tally()).add(grade)
        for tag in item.question.tags:
            by_tag[tag] = by_tag.get(tag, Tally()).add(grade)
        if not grade.correct:
            missed.append(item.question.id)
    order = {kind: n for n, kind in enumerate((*FACT_KINDS, "other"))}
    by_kind = dict(sorted(by_kind.items(), key=lambda kv: order[kv[0]]))
    return Summary(total, by_kind, dict(sorted(by_tag.items())), tuple(missed), tuple(unanswered))
