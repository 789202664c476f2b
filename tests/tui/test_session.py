"""The rules behind the screens, without a terminal: what is stored when, where a resumed
run continues, how the streak counts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from quizzes.catalog import Catalog
from quizzes.grading import InvalidAnswer, model_answer
from quizzes.store import Store
from quizzes.tui.session import PlayOptions, Session, SetChoice
from seeds.paths import progress_db
from tests.tui.conftest import Clock


@pytest.fixture
def choice(root) -> SetChoice:
    catalog = Catalog.load(root)
    return SetChoice.of(catalog.find_set("every-type"), catalog)


@pytest.fixture
def store(root):
    opened = Store.open(progress_db(root))
    yield opened
    opened.close()


def wrong(session: Session):
    q = session.current.question
    return {
        "truefalse": not model_answer(q),
        "numeric": "1",
        "text": "no",
        "multi": [],
        "match": {},
        "order": list(session.current.options),
        "choice": next(o for o in session.current.options if o != model_answer(q)),
    }[q.type]


def test_start_records_the_run_with_its_options(choice, store):
    session = Session.start(choice, PlayOptions("exam", 4, 5, ("actors",)), store, Clock())
    record = store.run(session.record.id)
    assert (record.set_id, record.set_ref, record.seed, record.mode) == (
        "every-type",
        "every-type",
        4,
        "exam",
    )
    assert record.questions == len(session.items) == 3  # three questions tagged actors
    assert record.points == Decimal(3) and record.tags == ("actors",)


def test_each_answer_is_stored_and_an_invalid_one_is_not(choice, store):
    session = Session.start(choice, PlayOptions(seed=1), store, Clock())
    while session.current.question.type != "numeric":
        session.answer(model_answer(session.current.question))
    answered = session.answered
    with pytest.raises(InvalidAnswer):
        session.answer("about three hundred")
    assert len(store.answers(session.record.id)) == answered
    grade = session.answer("300")
    assert grade.correct and len(store.answers(session.record.id)) == answered + 1


def test_streak_counts_right_answers_since_the_last_miss(choice, store):
    session = Session.start(choice, PlayOptions(seed=1), store, Clock())
    session.answer(model_answer(session.current.question))
    session.answer(model_answer(session.current.question))
    assert session.streak == 2
    session.answer(wrong(session))
    assert session.streak == 0
    session.answer(model_answer(session.current.question))
    assert session.streak == 1


def test_resume_rebuilds_the_same_run_and_continues_after_the_answers(choice, store):
    clock = Clock()
    first = Session.start(choice, PlayOptions("exam", 7, time_limit=10), store, clock)
    for _ in range(3):
        first.answer(model_answer(first.current.question))
    again = Session.resume(store.run(first.record.id), choice, store, Clock())
    assert [i.question.id for i in again.items] == [i.question.id for i in first.items]
    assert [i.options for i in again.items] == [i.options for i in first.items]
    assert again.current == first.current and again.answered == 3


def test_an_exams_clock_is_wall_time_from_its_start_whatever_happens_after(choice, store):
    from datetime import timedelta

    from tests.tui.conftest import T0

    now = [T0]
    first = Session.start(choice, PlayOptions("exam", 7, time_limit=2), store, lambda: now[0])
    assert first.time_limit_seconds == 120
    now[0] = T0 + timedelta(seconds=12)
    first.answer(model_answer(first.current.question))  # the last answer before a kill
    record = store.run(first.record.id)
    assert record.deadline == T0 + timedelta(minutes=2)  # kept on disk
    # Killed (or left with Escape) and resumed later: the time since the last answer
    # is not given back.
    now[0] = T0 + timedelta(seconds=30)
    assert Session.resume(record, choice, store, lambda: now[0]).time_limit_seconds == 90
    now[0] = T0 + timedelta(minutes=5)
    assert Session.resume(record, choice, store, lambda: now[0]).time_limit_seconds == 0


def test_missed_includes_wrong_partly_right_and_unanswered(choice, store):
    session = Session.start(choice, PlayOptions(seed=2), store, Clock())
    first = session.current.question.id
    session.answer(wrong(session))
    session.answer(model_answer(session.current.question))
    missed = session.missed()
    assert missed[0] == first and len(missed) == 6


def test_again_retries_only_the_given_questions(choice, store):
    session = Session.start(choice, PlayOptions(seed=2), store, Clock())
    retry = session.again(9, only=["q-text", "q-order"])
    assert {i.question.id for i in retry.items} == {"q-text", "q-order"}
    assert store.run(retry.record.id).only == ("q-text", "q-order")
    fresh = session.again(10)
    assert len(fresh.items) == 7 and fresh.record.only is None


def test_a_set_given_by_path_is_found_again_by_its_absolute_path(
    root, store, tmp_path, monkeypatch
):
    outside = tmp_path / "elsewhere" / "mine.yaml"
    outside.parent.mkdir()
    outside.write_text(
        (root / "sets" / "every-type.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.chdir(outside.parent)
    catalog = Catalog.load(root)
    choice = SetChoice.of(catalog.find_set("mine.yaml"), catalog)
    assert choice.ref == str(outside.resolve())
    session = Session.start(choice, PlayOptions(seed=3), store, Clock())
    session.answer(model_answer(session.current.question))
    monkeypatch.chdir(tmp_path)  # a later start from another folder still finds it
    record = store.unfinished_runs()[0]
    again = Catalog.load(root).find_set(record.set_ref)
    assert again.path == outside.resolve() or again.path.resolve() == outside.resolve()


def test_an_exam_started_again_keeps_the_clock_of_the_one_it_replaces(root, choice, store):
    """Discarding a timed exam (or leaving it) and starting the set again does not buy
    time: the new run ends when the first one would have, for that student and set."""
    from datetime import timedelta

    from tests.tui.conftest import T0

    now = [T0]
    exam = PlayOptions("exam", 7, time_limit=1)
    first = Session.start(choice, exam, store, lambda: now[0])
    now[0] = T0 + timedelta(seconds=10)
    first.answer(model_answer(first.current.question))
    now[0] = T0 + timedelta(seconds=20)
    first.abandon()  # "Discard" on the resume dialog
    now[0] = T0 + timedelta(seconds=25)
    second = Session.start(choice, PlayOptions("exam", 8, time_limit=1), store, lambda: now[0])
    assert second.time_limit_seconds == 35
    assert store.run(second.record.id).deadline == T0 + timedelta(minutes=1)
    # Left open and started again (no discard): still the first start's clock, and a
    # longer limit typed the second time does not lengthen it.
    now[0] = T0 + timedelta(seconds=40)
    third = Session.start(choice, PlayOptions("exam", 9, time_limit=5), store, lambda: now[0])
    assert third.time_limit_seconds == 20
    # Started again after that time was up: it ends at once.
    third.abandon()
    now[0] = T0 + timedelta(minutes=3)
    late = Session.start(choice, exam, store, lambda: now[0])
    assert late.time_limit_seconds == 0
    late.finish()
    # Once an exam of the set has finished, the next one has its full time again; and
    # another student's clock, or practice, is their own.
    assert Session.start(choice, exam, store, lambda: now[0]).time_limit_seconds == 60
    other = Store.open(progress_db(root))
    other.student = "Ana"
    try:
        first_of_ana = Session.start(choice, exam, other, lambda: now[0])
        assert first_of_ana.time_limit_seconds == 60
    finally:
        other.close()


def test_an_exam_that_ran_out_of_time_finishes_at_its_deadline(choice, store):
    """Resumed (or ended) after its deadline, an exam is recorded as finished when its
    time ran out, not when the student came back."""
    from datetime import timedelta

    from tests.tui.conftest import T0

    now = [T0]
    first = Session.start(choice, PlayOptions("exam", 7, time_limit=2), store, lambda: now[0])
    first.answer(model_answer(first.current.question))
    now[0] = T0 + timedelta(hours=5)
    late = Session.resume(store.run(first.record.id), choice, store, lambda: now[0])
    assert late.time_limit_seconds == 0
    late.finish()
    assert store.run(first.record.id).finished == T0 + timedelta(minutes=2)


def test_the_running_tally_is_the_sum_of_the_answers_given_so_far(choice, store):
    """Right, wrong and partly right answers (a match half done): each step's tally is
    what adding the grades one by one gives."""
    from quizzes.engine import Tally

    session = Session.start(choice, PlayOptions(seed=3), store, Clock())
    expected = Tally()
    assert session.tally == expected
    n = 0
    while session.current is not None:
        q = session.current.question
        right = model_answer(q)
        if q.type == "match":
            given = dict(list(right.items())[:1])  # one pair of several: part marks
        elif n % 2:
            given = right
        else:
            given = {"truefalse": not right, "numeric": "1", "text": "no", "multi": []}.get(
                q.type, right
            )
        expected = expected.add(session.answer(given))
        n += 1
        assert session.tally == expected
    assert Decimal(0) < expected.score < expected.points and expected.answered == n
    assert expected.score != int(expected.score)  # the part marks are in it
