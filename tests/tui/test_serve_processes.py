"""`quiz serve` leaves no app process behind: a tab's app ends when its browser
disconnects, and every one ends with the server, however the server is stopped.

A real server on 127.0.0.1, driven through textual-serve's websocket as a browser drives it;
the app processes are found in /proc by the data folder in their command line.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]")

pytestmark = pytest.mark.skipif(not Path("/proc/self").exists(), reason="reads /proc")

TF_SET = """id: two-tf
title: Two true or false
pack: gsi-training-2023
questions:
  - {id: tf1, type: truefalse, fact: gsi-training-places, prompt: One is true., answer: true}
  - {id: tf2, type: truefalse, fact: gsi-training-places, prompt: Two is true., answer: true}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def app_processes(data: Path) -> list[int]:
    """Live processes (not zombies) running a tab's app on ``data``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if b"quizzes.tui.serve" in command and str(data).encode() in command and state != "Z":
            found.append(int(entry.name))
    return found


def gone(data: Path, timeout: float = 15.0) -> list[int]:
    """The app processes still there after waiting up to ``timeout`` for them to end."""
    deadline = time.monotonic() + timeout
    while (left := app_processes(data)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


class Tab:
    """One browser tab on the server's websocket."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.screen = b""

    async def __aenter__(self) -> Tab:
        import aiohttp

        self.session = aiohttp.ClientSession()
        self.ws = await self.session.ws_connect(
            f"ws://127.0.0.1:{self.port}/ws?width=80&height=24", max_msg_size=0
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.ws.close()
        await self.session.close()

    async def shown(self, text: str, timeout: float = 60.0) -> None:
        import aiohttp

        deadline = time.monotonic() + timeout
        while text not in ANSI.sub(b"", self.screen).decode("utf-8", "ignore"):
            message = await self.ws.receive(timeout=max(deadline - time.monotonic(), 0.01))
            if message.type == aiohttp.WSMsgType.BINARY:
                self.screen += message.data
            elif message.type != aiohttp.WSMsgType.TEXT:
                raise ConnectionError(f"the session closed ({message.type})")

    async def type(self, keys: str) -> None:
        self.screen = b""
        await self.ws.send_json(["stdin", keys])


@pytest.fixture
def server(tmp_path: Path):
    data = tmp_path / "data"
    (data / "sets").mkdir(parents=True)
    (data / "sets" / "two-tf.yaml").write_text(TF_SET, encoding="utf-8")
    port = free_port()
    log = (tmp_path / "server.log").open("wb")
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "quizzes", "--data-dir", str(data)),
            *("serve", "--port", str(port), "--set", "two-tf"),
        ],
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # so the test can clean up everything it started
    )
    deadline = time.monotonic() + 60
    while True:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                break
        assert process.poll() is None and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.1)
    yield process, port, data
    for pid in app_processes(data):
        os.kill(pid, signal.SIGKILL)
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    log.close()


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL], ids=["term", "kill"])
def test_no_app_process_outlives_its_tab_or_the_server(server, stop):
    process, port, data = server

    async def name_flow_then_disconnect() -> None:
        async with Tab(port) as tab:
            await tab.shown("Who is playing")
            await tab.type("\r")  # an empty name first
            await tab.shown("Type your name first")
            await tab.type("Ana\r")
            await tab.shown("Question 1 of 2")
            await tab.type("t")
            await tab.shown("Correct")
        # The browser is gone: the websocket is closed.

    asyncio.run(name_flow_then_disconnect())
    assert gone(data) == [], "a tab's app outlived its browser"

    async def connected_when_the_server_stops() -> None:
        async with Tab(port) as first, Tab(port) as second:
            await first.shown("Who is playing")
            await second.shown("Who is playing")
            assert len(app_processes(data)) >= 2  # (a shell may start each)
            os.kill(process.pid, stop)
            process.wait(timeout=30)

    asyncio.run(connected_when_the_server_stops())
    assert gone(data) == [], "an app outlived the server"


def test_an_app_that_does_not_quit_when_its_browser_leaves_is_ended(server):
    """An app stuck when its browser disconnects (here: stopped with SIGSTOP, as one
    blocked writing to the server would be) is killed, not left behind."""
    _, port, data = server

    async def stuck_then_disconnect() -> None:
        async with Tab(port) as tab:
            await tab.shown("Who is playing")
            for pid in app_processes(data):
                os.kill(pid, signal.SIGSTOP)

    asyncio.run(stuck_then_disconnect())
    assert gone(data, timeout=40) == [], "a stuck app outlived its browser"
