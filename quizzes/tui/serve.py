"""`quiz serve`: the quiz app in browsers with textual-serve. Each browser tab gets its own
app process, which first asks who is playing; all of them share the one progress database
(SQLite in WAL mode with a busy wait, so concurrent answers take turns, none is lost).

The served command is fixed here, built from this process's own options with shlex (the
browser sends only key presses and sizes; nothing it sends reaches a shell). Run as
``python -m quizzes.tui.serve ...`` it is that command: one student's app.

No app outlives its tab or the server: the server ends a tab's app when its browser
disconnects (and kills one that does not quit), ends them all when it is stopped, and each
app ends by itself when the server dies (killed with SIGKILL, say): it is the server's own
child (the shell execs it) and asks the kernel to be told of its parent's death.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import shlex
import signal
import sys
import threading
import time
from pathlib import Path
from typing import Any, ClassVar

from quizzes import places
from quizzes.catalog import Catalog
from quizzes.store import Store, StoreError
from quizzes.students import read_roster
from seeds.problems import ProblemsFound


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def load_roster(path: Path) -> tuple[str, ...] | None:
    """The roster's names, or None after saying why it cannot be used."""
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
    return roster.names


def served_command(root: Path, roster: Path | None, set_ref: str | None, mode: str | None) -> str:
    """The one command every browser tab runs."""
    argv = [sys.executable, "-m", "quizzes.tui.serve", "--data-dir", str(root.resolve())]
    if roster is not None:
        argv += ["--roster", str(roster.resolve())]
    if set_ref is not None:
        argv += ["--set", set_ref]
    if mode is not None:
        argv += ["--mode", mode]
    # exec: the app replaces the shell textual-serve starts, so it is the server's child
    # and ends with it (see end_with_parent).
    return "exec " + shlex.join(argv)


def serve(
    root: Path,
    host: str,
    port: int,
    roster_path: Path | None,
    set_ref: str | None = None,
    mode: str | None = None,
) -> int:
    """Check everything a tab will need, then serve until Ctrl+C. Returns the exit code."""
    if roster_path is not None and load_roster(roster_path) is None:
        return 2
    try:
        Store.open(places.progress_db(root)).close()  # created or migrated once, here
    except StoreError as err:
        _say(f"error: {err}")
        return 1
    if set_ref is not None:
        try:
            Catalog.load(root).find_set(set_ref)
        except ProblemsFound as found:
            for problem in found.problems:
                _say(str(problem))
            return 1
    from seeds.startup import settled

    settled()  # the server runs until stopped: collect its garbage
    command = served_command(root, roster_path, set_ref, mode)
    server = class_server(command, host=host, port=port, title="classbrief quiz")
    where = (
        "this computer only"
        if host in ("127.0.0.1", "localhost", "::1")
        else "the network: students open it with this computer's address"
    )
    print(
        f"Serving the quiz at http://{host}:{port} ({where}); progress goes to "
        f"{places.progress_db(root)}. Press Ctrl+C to stop.",
        flush=True,
    )
    try:
        server.serve()
    except OSError as err:
        _say(
            f"error: cannot listen on {host}:{port} ({err.strerror or err}); choose "
            "another --port, or stop the program using it"
        )
        return 1
    return 0


QUIT_SECONDS = 5.0
"""How long a tab's app has to quit when asked before it is killed (its answers are all
committed already, so nothing is lost)."""


def class_server(command: str, **options: Any) -> Any:
    """textual-serve's server, whose tabs' apps end with their browser and with it."""
    import textual_serve.server as served
    from textual_serve.app_service import AppService
    from textual_serve.server import Server

    class TabApp(AppService):
        """One tab's app process, ended for sure when the tab closes."""

        running: ClassVar[set[TabApp]] = set()

        async def start(self, width: int, height: int) -> None:
            await super().start(width, height)
            TabApp.running.add(self)

        async def stop(self) -> None:
            """The browser has gone: ask the app to quit, and make sure it did."""
            with contextlib.suppress(TimeoutError, OSError):
                await asyncio.wait_for(super().stop(), QUIT_SECONDS)
            await self.end(asked=True)

        async def end(self, *, asked: bool) -> None:
            """Wait for the process to exit (when it was asked to quit), else terminate
            it (the app quits as on Ctrl+C), and kill it if that does not do."""
            TabApp.running.discard(self)
            process = self._process
            if process is None or process.returncode is not None:
                return
            steps = [process.terminate, process.kill]
            if asked:
                steps.insert(0, lambda: None)  # it was asked to quit: wait for it first
            for step in steps:
                try:
                    step()
                except ProcessLookupError:
                    return
                try:
                    await asyncio.wait_for(process.wait(), QUIT_SECONDS)
                    return
                except TimeoutError:
                    continue

    class ClassServer(Server):
        async def on_shutdown(self, app: Any) -> None:  # aiohttp's web.Application
            # Stopped (Ctrl+C, SIGTERM): every tab's app ends with the server.
            await asyncio.gather(*(tab.end(asked=False) for tab in list(TabApp.running)))

    # textual-serve makes each tab's AppService by this module-level name.
    served.AppService = TabApp  # type: ignore[misc]
    return ClassServer(command, **options)


def end_with_parent() -> None:
    """End this app (as Ctrl+C would) when the process that started it, the server, is
    gone: at once on Linux (the kernel's parent-death signal), else within a second."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os.kill(os.getpid(), signal.SIGTERM)  # the app quits as it does on Ctrl+C
        time.sleep(QUIT_SECONDS)
        os._exit(1)  # it did not: every answer is committed already

    threading.Thread(target=watch, name="end-with-server", daemon=True).start()


def main(argv: list[str] | None = None) -> int:
    """One student's app, as a browser tab runs it."""
    parser = argparse.ArgumentParser(prog="quizzes.tui.serve")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--roster", type=Path)
    parser.add_argument("--set", dest="set_ref")
    parser.add_argument("--mode", choices=("practice", "exam"), default="practice")
    args = parser.parse_args(argv)
    end_with_parent()
    roster = load_roster(args.roster) if args.roster else None
    try:
        store = Store.open(places.progress_db(args.data_dir))
    except StoreError as err:
        _say(f"error: {err}")
        return 1
    from quizzes.tui.app import PlayRequest, make_app, random_seed
    from quizzes.tui.session import PlayOptions, SetChoice

    catalog = Catalog.load(args.data_dir)
    play = None
    if args.set_ref:
        loaded = catalog.find_set(args.set_ref)  # checked by the server before serving
        play = PlayRequest(SetChoice.of(loaded, catalog), PlayOptions(args.mode, random_seed()))
    app = make_app(
        args.data_dir, store=store, catalog=catalog, play=play, ask_student=True, roster=roster
    )
    app.run()
    store.close()
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
