"""A student's pages: who is playing, the sets, a question, its feedback, the results.

Every page is a plain form (POST, then a redirect to the page to show: a reload never
sends an answer twice), and every page works out where the student is from the store, so
a reload, a second tab or another server resumes the same run.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from quizzes.classroom import play
from quizzes.classroom.register import Student
from quizzes.classroom.students import clean_name, next_free
from quizzes.classroom.web.pages import (
    Classroom,
    browser_of,
    classroom,
    field_of,
    go,
    read_form,
    render,
    student_of,
)
from quizzes.engine import MODES
from quizzes.grading import InvalidAnswer, model_answer, number_examples
from quizzes.model import Numeric


def routes() -> list[Route]:
    return [
        Route("/", home),
        Route("/join", join, methods=["POST"]),
        Route("/join/same", join_same, methods=["POST"]),
        Route("/leave", leave, methods=["POST"]),
        Route("/start", start, methods=["POST"]),
        Route("/play", question),
        Route("/answer", answer, methods=["POST"]),
        Route("/feedback/{question_id}", feedback),
        Route("/results", results),
        Route("/retry", retry, methods=["POST"]),
        Route("/another", another, methods=["POST"]),
    ]


def _ended(request: Request, student: Student | None) -> Response | None:
    session = classroom(request).session()
    if session is None or session.ended is not None:
        return render(
            request,
            "message.html",
            student=student,
            title="The session has ended",
            heading="The session has ended",
            text="Your teacher has ended this session. Your answers are saved.",
        )
    return None


def _played(room: Classroom, student: Student) -> play.Played | None:
    if student.run_id is None:
        return None
    try:
        record, answers = room.store.run_with_answers(student.run_id)
    except KeyError:
        return None
    playable = room.playables.get(record.set_id)
    if playable is None:
        return None
    return play.played(record, answers, playable)


async def home(request: Request) -> Response:
    room = classroom(request)
    student = student_of(request)
    if (ended := _ended(request, student)) is not None:
        return ended
    if student is None:
        return _join_page(request)
    played = _played(room, student)
    if played is not None:
        return go("/results" if played.over(room.config.clock()) else "/play")
    return _sets_page(request, student)


def _join_page(request: Request, status: int = 200, problem: str = "", name: str = "") -> Response:
    room = classroom(request)
    roster = (
        [s for s in room.register.students() if s.code is not None]
        if room.config.roster is not None
        else None
    )
    return render(
        request,
        "join.html",
        status,
        title="Who is playing?",
        roster=roster,
        problem=problem,
        name=name,
    )


def _sets_page(
    request: Request, student: Student, status: int = 200, problem: str = ""
) -> Response:
    room = classroom(request)
    config = room.config
    playables = [p for set_id, p in room.playables.items() if config.set_id in (None, set_id)]
    return render(
        request,
        "sets.html",
        status,
        student=student,
        title="Choose a set",
        playables=playables,
        fixed_mode=config.mode,
        modes=MODES,
        time_limit=config.time_limit,
        extra_time=student.accommodations.extra_time,
        problem=problem,
    )


async def join(request: Request) -> Response:
    form = await read_form(request)
    if isinstance(form, Response):
        return form
    if (ended := _ended(request, None)) is not None:
        return ended
    room = classroom(request)
    browser = browser_of(request)
    assert browser is not None  # read_form checked the form token, made from it
    now = room.config.clock()
    if room.config.roster is not None:
        try:
            chosen = room.register.student(int(field_of(form, "student")))
        except ValueError:
            chosen = None
        if chosen is None or chosen.code is None:
            return _join_page(request, 422, "Choose your name from the list.")
        outcome = room.register.take_seat(chosen.name, browser, now, field_of(form, "code"))
        if outcome != "yours":
            return _join_page(
                request,
                422,
                "That join code is not the one for this name: check it and "
                "type it again (your teacher has it).",
            )
        return go("/")
    name = clean_name(field_of(form, "name"))
    if name is None:
        return _join_page(request, 422, "Type your name first, then press Start.")
    if room.register.claim(name, browser, now) == "yours":
        return go("/")
    taken = {s.name for s in room.register.students()}
    return render(
        request,
        "same_name.html",
        title="Is this you?",
        name=name,
        other=next_free(name, taken),
    )


async def join_same(request: Request) -> Response:
    """The answer to "someone named Ana has played here already: is that you?"."""
    form = await read_form(request)
    if isinstance(form, Response):
        return form
    room = classroom(request)
    if room.config.roster is not None:
        return go("/")
    name = clean_name(field_of(form, "name"))
    browser = browser_of(request)
    if name is None or browser is None:
        return go("/")
    now = room.config.clock()
    if field_of(form, "same") == "yes":
        if room.register.take_seat(name, browser, now) != "yours":
            room.register.claim(name, browser, now)
    else:
        room.register.claim_other(name, browser, now)
    return go("/")


async def leave(request: Request) -> Response:
    form = await read_form(request)
    if isinstance(form, Response):
        return form
    browser = browser_of(request)
    if browser is not None:
        classroom(request).register.leave(browser)
    return go("/")


async def start(request: Request) -> Response:
    form = await read_form(request)
    if isinstance(form, Response):
        return form
    room = classroom(request)
    student = student_of(request)
    if student is None:
        return go("/")
    if (ended := _ended(request, student)) is not None:
        return ended
    playable = room.playable(field_of(form, "set"))
    mode = room.config.mode or field_of(form, "mode") or "practice"
    if playable is None or mode not in MODES:
        return _sets_page(request, student, 422, "Choose a set and a mode, then press Start.")
    limit = room.config.time_limit
    if mode == "exam" and limit:
        limit *= student.accommodations.extra_time
    _begin(room, student, playable, mode, limit, None)
    return go("/play")


def _begin(
    room: Classroom,
    student: Student,
    playable: play.Playable,
    mode: str,
    limit: float | None,
    only: list[str] | None,
) -> None:
    """One run at a time: the run the student was in is left (its answers stay)."""
    now = room.config.clock()
    if student.run_id is not None:
        room.store.abandon_run(student.run_id, now)
    with play.as_student(room.store, student.name) as store:
        record = play.start(
            store,
            playable,
            mode=mode,
            seed=room.config.seeds(),
            at=now,
            time_limit=limit,
            only=only,
        )
    room.register.set_run(student.id, record.id)


def _current(request: Request) -> tuple[Classroom, Student, play.Played] | Response:
    room = classroom(request)
    student = student_of(request)
    if student is None:
        return go("/")
    if (ended := _ended(request, student)) is not None:
        return ended
    played = _played(room, student)
    if played is None:
        return go("/")
    return room, student, played


async def question(request: Request) -> Response:
    current = _current(request)
    if isinstance(current, Response):
        return current
    room, student, played = current
    if played.over(room.config.clock()):
        return go("/results")
    return _question_page(request, room, student, played)


def _question_page(
    request: Request,
    room: Classroom,
    student: Student,
    played: play.Played,
    status: int = 200,
    problem: str = "",
    form: dict[str, list[str]] | None = None,
) -> Response:
    item = played.current
    assert item is not None
    q = item.question
    now = room.config.clock()
    deadline = played.deadline()
    return render(
        request,
        "question.html",
        status,
        student=student,
        title=f"Question {played.position(item) + 1} of {len(played.run.items)}",
        played=played,
        item=item,
        number=played.position(item) + 1,
        total=len(played.run.items),
        options=play.shown_options(item, played.record.seed, student.accommodations.fewer_choices),
        examples=number_examples(q) if isinstance(q, Numeric) else None,
        problem=problem,
        given=form or {},
        deadline=deadline.isoformat() if deadline else None,
        minutes_left=_minutes(played.time_left(now)),
        tally=played.tally,
    )


def _minutes(seconds: float | None) -> int | None:
    return None if seconds is None else max(int((seconds + 59) // 60), 0)


async def answer(request: Request) -> Response:
    form = await read_form(request)
    if isinstance(form, Response):
        return form
    current = _current(request)
    if isinstance(current, Response):
        return current
    room, student, played = current
    now = room.config.clock()
    if played.over(now):
        return go("/results")
    item = played.current
    assert item is not None
    if field_of(form, "question") != item.question.id:
        return go("/play")  # a second tab or a resent form: show where the run is
    try:
        value = play.read_answer(item, form)
        with play.as_student(room.store, student.name) as store:
            play.answer(store, played, item, value, now)
    except InvalidAnswer as problem:
        return _question_page(request, room, student, played, 422, str(problem), form)
    if played.current is None:
        room.store.finish_run(played.record.id, now)
    if played.record.mode == "practice":
        return go(f"/feedback/{item.question.id}")
    return go("/play" if played.current is not None else "/results")


async def feedback(request: Request) -> Response:
    current = _current(request)
    if isinstance(current, Response):
        return current
    room, student, played = current
    question_id = request.path_params["question_id"]
    result = played.grades.get(question_id)
    if result is None or played.record.mode != "practice":
        return go("/play")
    item = played.run.item(question_id)
    return render(
        request,
        "feedback.html",
        student=student,
        title=f"Question {played.position(item) + 1}: {_verdict(result.fraction)}",
        item=item,
        number=played.position(item) + 1,
        total=len(played.run.items),
        grade=result,
        given=play.answer_parts(item.question, played.given.get(question_id)),
        expected=play.answer_parts(item.question, model_answer(item.question)),
        verdict=_verdict(result.fraction),
        last=played.over(room.config.clock()),
    )


def _verdict(fraction: float) -> str:
    if fraction >= 1:
        return "Correct"
    return "Partly correct" if fraction > 0 else "Not correct"


async def results(request: Request) -> Response:
    current = _current(request)
    if isinstance(current, Response):
        return current
    room, student, played = current
    now = room.config.clock()
    if not played.over(now):
        return go("/play")
    if played.record.finished is None and played.record.abandoned is None:
        room.store.finish_run(played.record.id, now)
    summary = played.summary()
    missed = [played.run.item(qid) for qid in (*summary.missed, *summary.unanswered)]
    return render(
        request,
        "results.html",
        student=student,
        title="Your results",
        played=played,
        summary=summary,
        missed=missed,
        grades=played.grades,
        verdict=_verdict,
        timed_out=played.time_left(now) == 0,
    )


async def retry(request: Request) -> Response:
    form = await read_form(request)
    if isinstance(form, Response):
        return form
    current = _current(request)
    if isinstance(current, Response):
        return current
    room, student, played = current
    missed = played.missed()
    playable = room.playables.get(played.record.set_id)
    if not missed or playable is None:
        return go("/results")
    _begin(room, student, playable, played.record.mode, played.record.time_limit, missed)
    return go("/play")


async def another(request: Request) -> Response:
    form = await read_form(request)
    if isinstance(form, Response):
        return form
    room = classroom(request)
    student = student_of(request)
    if student is not None:
        played = _played(room, student)
        if played is not None and not played.over(room.config.clock()):
            room.store.abandon_run(played.record.id, room.config.clock())
        room.register.set_run(student.id, None)
    return go("/")
