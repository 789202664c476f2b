"""`quiz serve` under a class: 30 browser sessions at once on 127.0.0.1, each a real app
process behind textual-serve's websocket, each student answering 10 questions by key.

Run twice: every student pressing the next key the moment the question shows (the worst
case), and students who take 2 to 8 seconds over each question, as a class does. Reports
answers lost (sent but never in the database; must be 0), database errors in the
server's output (must be 0) and the 95th percentile of the time from a key press to its
answer being committed, seen by polling the database. Bounded: every wait has a timeout
and the whole load has LOAD_TIMEOUT seconds.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import cache
from pathlib import Path
from typing import Any

STUDENTS = int(os.environ.get("BENCH_STUDENTS", 30))
QUESTIONS = 10
LOAD_TIMEOUT = 600.0
WAIT = 180.0  # one screen or one save, under the full load
REPO = Path(__file__).resolve().parents[2]
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Z0-9]|\x1b[=>]")
DB_TROUBLE = re.compile(
    r"Traceback|sqlite3\.\w*Error|OperationalError|StoreError|"
    r"database is locked|disk I/O"
)


def bench_set() -> str:
    questions = "".join(
        f"  - id: tf{i}\n    type: truefalse\n    fact: gsi-training-places\n"
        f'    prompt: "Statement {i + 1} about the training offer is true."\n'
        f"    answer: {'true' if i % 2 else 'false'}\n"
        for i in range(QUESTIONS)
    )
    return (
        f"id: bench-tf\ntitle: Ten true or false\npack: gsi-training-2023\nquestions:\n{questions}"
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Saves:
    """Polls the database: when each student's n-th answer was first seen committed."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.seen: dict[tuple[str, int], float] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                connection = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=5)
                try:
                    rows = connection.execute(
                        "SELECT student, count(*) FROM answers GROUP BY student"
                    ).fetchall()
                finally:
                    connection.close()
            except sqlite3.Error:
                rows = []
            now = time.monotonic()
            for student, count in rows:
                for n in range(1, count + 1):
                    self.seen.setdefault((student, n), now)
            time.sleep(0.005)


async def student(
    port: int,
    name: str,
    saves: Saves,
    latencies: list[float],
    problems: list[str],
    think: tuple[float, float],
) -> int:
    """One browser tab: give the name, answer every question. Returns answers sent."""
    import aiohttp

    sent = 0
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(f"ws://127.0.0.1:{port}/ws?width=80&height=24", max_msg_size=0) as ws,
    ):
        screen = b""

        async def shown(text: str) -> None:
            nonlocal screen
            deadline = time.monotonic() + WAIT
            while text not in ANSI.sub(b"", screen).decode("utf-8", "ignore"):
                message = await ws.receive(timeout=max(deadline - time.monotonic(), 0.01))
                if message.type == aiohttp.WSMsgType.BINARY:
                    screen += message.data
                elif message.type != aiohttp.WSMsgType.TEXT:
                    raise ConnectionError(f"{name}: the session closed ({message.type})")

        try:
            await shown("Who is playing")
            screen = b""
            await ws.send_json(["stdin", name + "\r"])
            await shown(f"Question 1 of {QUESTIONS}")
            pace = random.Random(name)
            for n in range(1, QUESTIONS + 1):
                await asyncio.sleep(pace.uniform(*think))
                screen = b""
                pressed = time.monotonic()
                await ws.send_json(["stdin", "t"])
                sent += 1
                deadline = pressed + WAIT
                while (name, n) not in saves.seen and time.monotonic() < deadline:
                    await asyncio.sleep(0.005)
                if (name, n) not in saves.seen:
                    problems.append(f"{name}: answer {n} not saved after {WAIT:.0f}s")
                    return sent
                latencies.append(saves.seen[(name, n)] - pressed)
                await shown(f"Question {n + 1} of {QUESTIONS}" if n < QUESTIONS else "Score")
        except (TimeoutError, ConnectionError, aiohttp.ClientError) as err:
            problems.append(f"{name}: {type(err).__name__} {err}")
    return sent


@cache
def load(think: tuple[float, float] = (0.0, 0.0)) -> dict[str, Any]:
    """Every student answers at once (the worst case), or after ``think`` seconds (a
    random pause in that range before each answer, as a class reading the questions)."""
    with tempfile.TemporaryDirectory() as temp:
        data = Path(temp) / "data"
        (data / "sets").mkdir(parents=True)
        (data / "sets" / "bench-tf.yaml").write_text(bench_set(), encoding="utf-8")
        port = free_port()
        log = Path(temp) / "server.log"
        with log.open("wb") as out:
            server = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "quizzes",
                    "--data-dir",
                    str(data),
                    "serve",
                    "--port",
                    str(port),
                    "--set",
                    "bench-tf",
                    "--mode",
                    "exam",
                ],
                cwd=REPO,
                stdout=out,
                stderr=subprocess.STDOUT,
                env=dict(os.environ, NO_COLOR="1"),
            )
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            saves = Saves(data / "progress.sqlite3")
            saves.thread.start()
            latencies: list[float] = []
            problems: list[str] = []
            names = [f"Student {i:02d}" for i in range(STUDENTS)]

            async def everyone() -> list[int]:
                return await asyncio.wait_for(
                    asyncio.gather(
                        *(student(port, n, saves, latencies, problems, think) for n in names)
                    ),
                    LOAD_TIMEOUT,
                )

            started = time.monotonic()
            try:
                sent = sum(asyncio.run(everyone()))
            except TimeoutError:
                sent = STUDENTS * QUESTIONS
                problems.append("the load did not finish in time")
            elapsed = time.monotonic() - started
            time.sleep(0.5)
            saves.stop.set()
            saves.thread.join()
            with sqlite3.connect(data / "progress.sqlite3") as db:
                stored = dict(
                    db.execute("SELECT student, count(*) FROM answers GROUP BY student").fetchall()
                )
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
        output = log.read_text(encoding="utf-8", errors="replace")
    lost = STUDENTS * QUESTIONS - sum(min(stored.get(n, 0), QUESTIONS) for n in names)
    errors = len(DB_TROUBLE.findall(output))
    for line in output.splitlines():
        if DB_TROUBLE.search(line):
            print(f"  serve load, server said: {line.strip()[:200]}", file=sys.stderr)
    p95 = statistics.quantiles(latencies, n=20)[-1] if len(latencies) >= 2 else float("nan")
    for problem in problems[:10]:
        print(f"  serve load: {problem}", file=sys.stderr)
    print(
        f"  serve load: {STUDENTS} sessions, {sent} answers sent in {elapsed:.1f}s, "
        f"think {think[0]:g}-{think[1]:g}s",
        file=sys.stderr,
    )
    return {"lost": lost, "errors": errors, "p95": p95 * 1000}


PACED = (2.0, 8.0)


def cases():
    return [
        ("serve: 30 at once, answers lost", lambda: {"value": load()["lost"], "unit": ""}, None),
        (
            "serve: 30 at once, database errors",
            lambda: {"value": load()["errors"], "unit": ""},
            None,
        ),
        (
            "serve: 30 at once, answer→saved p95",
            lambda: {"value": load()["p95"], "unit": "ms"},
            None,
        ),
        (
            "serve: 30 thinking 2-8 s, answers lost",
            lambda: {"value": load(PACED)["lost"], "unit": ""},
            None,
        ),
        (
            "serve: 30 thinking 2-8 s, database errors",
            lambda: {"value": load(PACED)["errors"], "unit": ""},
            None,
        ),
        (
            "serve: 30 thinking 2-8 s, answer→saved p95",
            lambda: {"value": load(PACED)["p95"], "unit": "ms", "goal": 1000.0},
            None,
        ),
    ]
