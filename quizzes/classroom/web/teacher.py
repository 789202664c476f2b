"""The teacher's pages, behind the token printed when the server starts (or the password
given with --teacher-password): the live view of the class, ending a session, and the
results export and item report of the sets played."""

from __future__ import annotations

import hmac
import json
from datetime import datetime
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from quizzes.classroom.live import question_rows, student_rows
from quizzes.classroom.students import EXTRA_TIMES, Accommodations
from quizzes.classroom.web.pages import (
    TEACHER_COOKIE,
    Classroom,
    classroom,
    field_of,
    go,
    is_teacher,
    read_form,
    render,
    set_cookie,
)
from quizzes.store import AnswerRecord, RunRecord


def routes() -> list[Route]:
    return [
        Route("/teacher", view),
        Route("/teacher/login", login, methods=["POST"]),
        Route("/teacher/live", live),
        Route("/teacher/session", session, methods=["POST"]),
        Route("/teacher/accommodations", accommodations, methods=["POST"]),
        Route("/teacher/results.json", results_file),
        Route("/teacher/report/{set_id}.{kind:str}", report),
    ]


def _login_page(request: Request, status: int = 200, problem: str = "") -> Response:
    return render(request, "teacher_login.html", status, title="Teacher", problem=problem)


async def login(request: Request) -> Response:
    form = await read_form(request)
    if isinstance(form, Response):
        return form
    room = classroom(request)
    given = field_of(form, "token").strip()
    if not hmac.compare_digest(given.encode(), room.config.teacher_token.encode()):
        return _login_page(
            request, 403, "That is not the token: copy it from the window `quiz serve` runs in."
        )
    response = go("/teacher")
    set_cookie(request, response, TEACHER_COOKIE, room.teacher_mark())
    return response


def _session_data(room: Classroom) -> tuple[dict[int, RunRecord], dict[int, list[AnswerRecord]]]:
    """This session's runs and their answers."""
    current = room.register.current_session()
    since = current.started if current else datetime.min
    ids = [r.id for r in room.store.all_runs() if r.started >= since and r.student]
    played = room.store.runs_with_answers(ids)
    return {run.id: run for run, _ in played}, {run.id: answers for run, answers in played}


def _live_context(room: Classroom) -> dict[str, Any]:
    runs, answers = _session_data(room)
    now = room.config.clock()
    students = [
        s
        for s in room.register.students()
        if s.code is not None or s.seat is not None or s.run_id in runs
    ]
    played = sorted({r.set_id for r in runs.values()})
    sets = [
        question_rows(room.playables[set_id].qset, runs.values(), answers)
        for set_id in played
        if set_id in room.playables
    ]
    return {
        "rows": student_rows(students, runs, answers, now),
        "sets": sets,
        "session": room.register.current_session(),
        "now": now,
    }


async def view(request: Request) -> Response:
    if not is_teacher(request):
        return _login_page(request)
    room = classroom(request)
    return render(
        request,
        "teacher.html",
        title="Class live view",
        roster=room.config.roster is not None,
        extra_times=EXTRA_TIMES,
        pdf=room.config.report_pdf is not None,
        **_live_context(room),
    )


async def live(request: Request) -> Response:
    if not is_teacher(request):
        return Response("", status_code=403)
    return render(request, "_live.html", title="", **_live_context(classroom(request)))


async def session(request: Request) -> Response:
    """End the session (every unfinished run ends with it), or start a new one."""
    form = await read_form(request)
    if isinstance(form, Response):
        return form
    if not is_teacher(request):
        return _login_page(request, 403)
    room = classroom(request)
    now = room.config.clock()
    current = room.register.current_session()
    if field_of(form, "do") == "end" and current is not None and current.ended is None:
        for student in room.register.students():
            if student.run_id is not None:
                room.store.finish_run(student.run_id, now)
        room.register.end_session(current.id, now)
    elif field_of(form, "do") == "start":
        room.register.open_session(now)
    room.forget_session()
    return go("/teacher")


async def accommodations(request: Request) -> Response:
    form = await read_form(request)
    if isinstance(form, Response):
        return form
    if not is_teacher(request):
        return _login_page(request, 403)
    room = classroom(request)
    try:
        student = room.register.student(int(field_of(form, "student")))
        extra = float(field_of(form, "extra_time") or 1)
    except ValueError:
        return go("/teacher")
    if student is not None and extra in EXTRA_TIMES:
        room.register.set_accommodations(
            student.id,
            Accommodations(extra, field_of(form, "fewer") == "on", field_of(form, "large") == "on"),
        )
    return go("/teacher")


async def results_file(request: Request) -> Response:
    """Every run in the database as a results file, as `quiz results export` writes."""
    if not is_teacher(request):
        return _login_page(request, 403)
    from quizzes.classroom.results import ResultsError, export_document, runs_from_store

    room = classroom(request)
    runs = runs_from_store(room.store, "served")
    try:
        document = export_document(runs, "(no name)", room.config.clock())
    except ResultsError as err:
        return render(
            request, "message.html", 409, title="No results", heading="No results", text=str(err)
        )
    body = json.dumps(document, ensure_ascii=False, indent=1, default=str) + "\n"
    return Response(
        body,
        media_type="application/json",
        headers={"content-disposition": 'attachment; filename="class-results.json"'},
    )


async def report(request: Request) -> Response:
    """The item report of one set (`quiz report`): CSV, or PDF."""
    if not is_teacher(request):
        return _login_page(request, 403)
    room = classroom(request)
    set_id, kind = request.path_params["set_id"], request.path_params["kind"]
    playable = room.playables.get(set_id)
    if (
        playable is None
        or kind not in ("csv", "pdf")
        or (kind == "pdf" and room.config.report_pdf is None)
    ):
        return render(
            request,
            "message.html",
            404,
            title="Not found",
            heading="Not found",
            text="There is no such report.",
        )
    from quizzes.classroom.item_report import build_report, csv_text
    from quizzes.classroom.results import class_results, runs_from_store

    results = class_results(playable.qset, runs_from_store(room.store, "served"))
    if not results.responses:
        return render(
            request,
            "message.html",
            409,
            title="No report yet",
            heading="No report yet",
            text="Nobody has finished this set yet.",
        )
    made = build_report(results, playable.pack, room.config.clock())
    if kind == "csv":
        return Response(
            csv_text(made),
            media_type="text/csv; charset=utf-8",
            headers={"content-disposition": f'attachment; filename="{set_id}-items.csv"'},
        )
    assert room.config.report_pdf is not None
    return Response(
        room.config.report_pdf(made),
        media_type="application/pdf",
        headers={"content-disposition": f'attachment; filename="{set_id}-report.pdf"'},
    )
