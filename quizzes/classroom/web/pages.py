"""What the class's pages share: configuration, the state every request shares, page
rendering, cookies and form tokens. Routes live in ``student.py`` and ``teacher.py``;
``asgi.py`` puts them together into the app.

One process, one event loop: the store and the register are used synchronously from the
handlers (every call is one short statement or transaction), so requests never interleave
inside one and the store's per-student name is safe to set around a call.
"""

from __future__ import annotations

import hmac
import random
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from hashlib import sha256
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from quizzes.classroom.play import Playable, ordinal
from quizzes.classroom.register import ClassSession, Register, Student, sign
from quizzes.classroom.students import Accommodations
from quizzes.classroom.web.guard import BROWSER_COOKIE
from quizzes.store import Store

HERE = Path(__file__).parent
TEACHER_COOKIE = "cb_teacher"
MAX_FORM = 16 * 1024
SEEN_EVERY = 20.0  # seconds between writes of a student's "last seen"
# Seconds a student's page trusts the class session it read: every page checks it, and
# a session ended on another server of the class shows here within this time.
SESSION_EVERY = 1.0


def now_utc() -> datetime:
    return datetime.now(UTC)


@dataclass
class ClassConfig:
    """How `quiz serve` was started."""

    root: Path
    host: str = "127.0.0.1"
    roster: tuple[tuple[str, Accommodations], ...] | None = None
    set_id: str | None = None  # students go straight to this set
    mode: str | None = None  # and play it in this mode
    time_limit: float | None = None  # minutes, for exams
    teacher_token: str = field(default_factory=lambda: secrets.token_urlsafe(12))
    allowed_origins: tuple[str, ...] = ()
    database: str | None = None  # postgresql://…; None: SQLite in the data folder
    report_pdf: Callable[[Any], bytes] | None = None  # the class report as a PDF
    clock: Callable[[], datetime] = now_utc
    seeds: Callable[[], int] = field(default=lambda: random.SystemRandom().randrange(2**31))
    rate: float = 10.0
    burst: float = 60.0


@dataclass
class Classroom:
    """What every request shares: the store, the register and the sets on offer."""

    config: ClassConfig
    store: Store
    register: Register
    playables: dict[str, Playable]
    secret: bytes
    env: Environment
    seen_written: dict[int, float] = field(default_factory=dict)
    _session: tuple[datetime, ClassSession | None] | None = None  # (read at, session)

    def session(self) -> ClassSession | None:
        """The class session, read from the register at most once every SESSION_EVERY."""
        now = self.config.clock()
        if self._session is None or (now - self._session[0]).total_seconds() >= SESSION_EVERY:
            self._session = (now, self.register.current_session())
        return self._session[1]

    def forget_session(self) -> None:
        """After this server starts or ends a session: read it again."""
        self._session = None

    def playable(self, set_id: str) -> Playable | None:
        if self.config.set_id is not None and set_id != self.config.set_id:
            return None
        return self.playables.get(set_id)

    def csrf(self, browser: str) -> str:
        return sign(self.secret, "form", browser)

    def teacher_mark(self) -> str:
        return sign(self.secret, "teacher", sha256(self.config.teacher_token.encode()).hexdigest())


def classroom(request: Request) -> Classroom:
    found: Classroom = request.app.state.classroom
    return found


def browser_of(request: Request) -> str | None:
    value = request.cookies.get(BROWSER_COOKIE)
    return value if value and len(value) <= 64 and value.isascii() else None


def student_of(request: Request) -> Student | None:
    browser = browser_of(request)
    if browser is None:
        return None
    room = classroom(request)
    student = room.register.at_seat(browser)
    if student is not None:
        # "Who is in" for the teacher; written at most every SEEN_EVERY seconds.
        last = room.seen_written.get(student.id, 0.0)
        if time.monotonic() - last > SEEN_EVERY:
            room.seen_written[student.id] = time.monotonic()
            room.register.seen(student.id, room.config.clock())
    return student


def is_teacher(request: Request) -> bool:
    mark = request.cookies.get(TEACHER_COOKIE, "")
    return hmac.compare_digest(mark.encode(), classroom(request).teacher_mark().encode())


async def read_form(request: Request) -> dict[str, list[str]] | Response:
    """The urlencoded form of a POST, after its CSRF token is checked; a refusal as a
    response otherwise."""
    if request.headers.get("content-type", "").split(";")[0].strip() not in (
        "application/x-www-form-urlencoded",
        "",
    ):
        return refusal(request, 415, "Send this form from the page.")
    body = b""
    try:
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_FORM:
                return refusal(request, 413, "That form is too large.")
    except ClientDisconnect:
        return refusal(request, 413, "That form is too large.")
    try:
        form = parse_qs(
            body.decode("utf-8"), keep_blank_values=True, strict_parsing=False, max_num_fields=200
        )
    except (UnicodeDecodeError, ValueError):
        return refusal(request, 400, "That form could not be read.")
    browser = browser_of(request)
    token = (form.get("csrf") or [""])[-1]
    if browser is None or not hmac.compare_digest(
        token.encode(), classroom(request).csrf(browser).encode()
    ):
        return refusal(
            request,
            403,
            "This form is out of date or was not sent from this site's page. "
            "Go back, reload the page and try again.",
        )
    return form


def field_of(form: dict[str, list[str]], name: str) -> str:
    return (form.get(name) or [""])[-1]


def render(
    request: Request,
    template: str,
    status: int = 200,
    *,
    student: Student | None = None,
    **context: Any,
) -> HTMLResponse:
    room = classroom(request)
    known = browser_of(request)
    browser = known or secrets.token_urlsafe(24)
    fresh = known is None
    html = room.env.get_template(template).render(
        csrf=room.csrf(browser),
        student=student,
        large_text=bool(student and student.accommodations.large_text),
        **context,
    )
    response = HTMLResponse(html, status_code=status, headers={"cache-control": "no-store"})
    if fresh:
        set_cookie(request, response, BROWSER_COOKIE, browser)
    return response


def set_cookie(request: Request, response: Response, name: str, value: str) -> None:
    response.set_cookie(
        name,
        value,
        max_age=60 * 60 * 24 * 30,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )


def refusal(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "message.html", status, title="Refused", heading="Refused", text=message)


def go(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303)


def make_env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["ordinal"] = ordinal
    return env


def open_store(config: ClassConfig) -> tuple[Store, Register]:
    """The store (SQLite in the data folder, or the --database), and the register on the
    same connection: one process, one connection, whichever the database."""
    from quizzes.store import location

    store = Store.open(location(config.root, config.database))
    return store, Register(store)


def load_playables(root: Path) -> dict[str, Playable]:
    from quizzes.catalog import Catalog

    catalog = Catalog.load(root)
    return {
        loaded.qset.id: Playable(loaded.qset, catalog.pack_for(loaded).pack)
        for loaded in catalog.sets
    }
