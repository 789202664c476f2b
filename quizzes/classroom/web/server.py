"""`quiz serve`: check what the class needs, print where to go, and serve until Ctrl+C."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from quizzes.catalog import Catalog
from quizzes.classroom.students import Accommodations, read_roster
from quizzes.store import Store, StoreError, location
from quizzes.store import shown as shown_store
from seeds.problems import ProblemsFound


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def load_roster(path: Path) -> tuple[tuple[str, Accommodations], ...] | None:
    """The roster's names and accommodations, or None after saying why it cannot be used."""
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as err:
        _say(f"error: --roster {path}: cannot be read ({err.strerror or err})")
        return None
    except UnicodeDecodeError:
        _say(f"error: --roster {path}: not UTF-8 text; save it as UTF-8, one name a line")
        return None
    roster = read_roster(text)
    if not roster.names:
        _say(f"error: --roster {path}: no names in it; write one student name a line")
        return None
    for note in roster.notes():
        print(f"roster {path}: {note}")
    return roster.entries()


def serve(
    root: Path,
    host: str,
    port: int,
    roster_path: Path | None,
    set_ref: str | None = None,
    mode: str | None = None,
    *,
    time_limit: float | None = None,
    teacher_password: str | None = None,
    allowed_origins: tuple[str, ...] = (),
    report_pdf: Callable[[Any], bytes] | None = None,
    database: str | None = None,
) -> int:
    """Check everything the class will need, then serve until stopped; the exit code."""
    roster = None
    if roster_path is not None and (roster := load_roster(roster_path)) is None:
        return 2
    try:
        Store.open(location(root, database)).close()  # created or migrated once, here
    except StoreError as err:
        _say(f"error: {err}")
        return 1
    set_id = None
    if set_ref is not None and (set_id := _find_set_id(root, set_ref)) is None:
        return 1
    from quizzes.classroom.web.asgi import make_app
    from quizzes.classroom.web.pages import ClassConfig
    from seeds.startup import settled

    settled()  # the server runs until stopped: collect its garbage
    config = ClassConfig(
        root,
        host=host,
        roster=roster,
        set_id=set_id,
        mode=mode,
        time_limit=time_limit,
        allowed_origins=allowed_origins,
        report_pdf=report_pdf,
        database=database,
    )
    if teacher_password:
        config.teacher_token = teacher_password
    _announce(host, port, None if teacher_password else config.teacher_token, root, database)
    return _run(make_app(config), host, port)


def _find_set_id(root: Path, set_ref: str) -> str | None:
    """The id of the set ``set_ref`` names, or None after saying why it cannot be used."""
    try:
        return Catalog.load(root).find_set(set_ref).qset.id
    except ProblemsFound as found:
        for problem in found.problems:
            _say(str(problem))
        return None


def _announce(host: str, port: int, token: str | None, root: Path, database: str | None) -> None:
    """Where students go, the teacher's live view (with its token unless the teacher chose
    a password) and where progress is kept."""
    shown = f"[{host}]" if ":" in host else host
    address = f"http://{shown}:{port}"
    where = (
        "this computer only"
        if host in ("127.0.0.1", "localhost", "::1")
        else "the network: students open it with this computer's address"
    )
    print(
        f"Students open {address}/ ({where}).\n"
        f"Your live view: {address}/teacher"
        + ("" if token is None else f" (token: {token})")
        + f"\nProgress goes to {shown_store(location(root, database))}. Press Ctrl+C to stop.",
        flush=True,
    )


def _run(app: Any, host: str, port: int) -> int:
    """Serve ``app`` until stopped; 1 after saying so when the port cannot be had."""
    import uvicorn

    server = uvicorn.Server(
        uvicorn.Config(
            app,
            host=host,
            port=port,
            log_level="warning",
            access_log=False,
            lifespan="on",
            proxy_headers=False,
            server_header=False,
            h11_max_incomplete_event_size=16 * 1024,
            limit_concurrency=2000,
            timeout_keep_alive=30,
        )
    )
    try:
        server.run()
    except OSError as err:
        _say(
            f"error: cannot listen on {host}:{port} ({err.strerror or err}); choose "
            "another --port, or stop the program using it"
        )
        return 1
    except SystemExit as stop:  # uvicorn exits when it cannot bind
        if stop.code:
            _say(
                f"error: cannot listen on {host}:{port}; choose another --port, or stop "
                "the program using it"
            )
            return 1
    return 0
