"""The class's web app: the students' and the teacher's routes and the static files, with
the class's state opened for the app's lifetime, behind the guard."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from quizzes.classroom.web.guard import LOOPBACK, Guard
from quizzes.classroom.web.pages import (
    HERE,
    MAX_FORM,
    ClassConfig,
    Classroom,
    load_playables,
    make_env,
    open_store,
    render,
)
from quizzes.store import StoreError


def make_app(config: ClassConfig) -> Any:
    """The ASGI app: the guard around Starlette's routes."""
    from quizzes.classroom.web import student, teacher

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        store, register = open_store(config)
        now = config.clock()
        register.add_known(store.students(), now)
        if config.roster is not None:
            register.add_roster(config.roster, now)
        register.open_session(now)
        app.state.classroom = Classroom(
            config, store, register, load_playables(config.root), register.secret(), make_env()
        )
        try:
            yield
        finally:
            store.close()

    routes = [
        *student.routes(),
        *teacher.routes(),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]

    async def unreachable(request: Request, err: Exception) -> Response:
        # The database went away mid-class (a PostgreSQL server restarting, say): what was
        # saved stays saved, and the next request tries again.
        print(f"error: {err}", file=sys.stderr, flush=True)
        return render(
            request,
            "message.html",
            503,
            title="Not saved",
            heading="Please try again in a moment",
            text="The class's database cannot be reached just now. Your earlier answers "
            "are saved; reload this page in a moment to go on.",
        )

    app = Starlette(routes=routes, lifespan=lifespan, exception_handlers={StoreError: unreachable})
    return Guard(
        app,
        loopback_only=config.host in LOOPBACK,
        allowed_origins=config.allowed_origins,
        max_body=MAX_FORM,
        rate=config.rate,
        burst=config.burst,
    )
