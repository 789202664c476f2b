"""`quiz serve` under a class: 300 simulated students (HTTP clients, each with its own
cookies, thinking 1 to 4 seconds a question) against one server process on 127.0.0.1,
keeping progress in SQLite (the data folder) and in PostgreSQL (a throwaway cluster, as
tests/postgres.py starts; not measured where PostgreSQL is not installed).

Each student gives a name, starts a set of ten true-or-false questions and answers them
all. Reports the 95th percentile of answer→saved (a POST of an answer returns after its
commit), errors (any response other than the page or redirect expected), answers lost
(sent, acknowledged, not in the database) and the server's peak memory. Bounded: every
request has a timeout and the whole load LOAD_TIMEOUT seconds.
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
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

STUDENTS = int(os.environ.get("BENCH_STUDENTS", 300))
QUESTIONS = 10
THINK = (1.0, 4.0)
LOAD_TIMEOUT = 300.0
REPO = Path(__file__).resolve().parents[2]
CSRF = re.compile(r'name="csrf" value="([^"]+)"')
QUESTION = re.compile(r'name="question" value="([^"]+)"')


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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def _student(n: int, url: str, saves: list[float], errors: list[str], sent: list[int]):
    import httpx

    rng = random.Random(n)
    async with httpx.AsyncClient(
        base_url=url, headers={"origin": url}, timeout=60, follow_redirects=False
    ) as client:

        async def get(path: str) -> str:
            response = await client.get(path)
            if response.status_code != 200:
                raise RuntimeError(f"GET {path}: {response.status_code}")
            return response.text

        async def post(path: str, data: dict[str, str]) -> None:
            response = await client.post(path, data=data)
            if response.status_code != 303:
                raise RuntimeError(f"POST {path}: {response.status_code}")

        try:
            await asyncio.sleep(rng.uniform(0, THINK[1]))  # a class does not arrive at once
            page = await get("/")
            token = CSRF.search(page).group(1)  # type: ignore[union-attr]
            await post("/join", {"csrf": token, "name": f"Student {n}"})
            await post("/start", {"csrf": token, "set": "bench-tf", "mode": "exam"})
            for _ in range(QUESTIONS):
                page = await get("/play")
                question = QUESTION.search(page).group(1)  # type: ignore[union-attr]
                await asyncio.sleep(rng.uniform(*THINK))
                started = time.perf_counter()
                await post("/answer", {"csrf": token, "question": question, "answer": "true"})
                saves.append(time.perf_counter() - started)
                sent.append(n)
        except Exception as err:  # counted and reported, never raised
            errors.append(f"{type(err).__name__}: {err}")


@contextmanager
def _database(kind: str) -> Iterator[str | None]:
    """None for SQLite; for PostgreSQL, the URL of a new database on a throwaway server."""
    if kind == "sqlite":
        yield None
        return
    from tests.postgres import fresh_database, postgres_server

    with postgres_server() as url:
        yield fresh_database(url, "bench")


def _stored(data: Path, database: str | None) -> int:
    if database is None:
        db = sqlite3.connect(data / "progress.sqlite3")
        try:
            return int(db.execute("SELECT count(*) FROM answers").fetchone()[0])
        finally:
            db.close()
    import psycopg

    with psycopg.connect(database) as pg:
        row = pg.execute("SELECT count(*) FROM answers").fetchone()
        return int(row[0]) if row else 0


@cache
def run_load(kind: str = "sqlite") -> dict[str, Any]:
    try:
        with _database(kind) as database:
            return _load(database)
    except BaseException as err:  # pytest's skip outside pytest: PostgreSQL not installed
        if isinstance(err, KeyboardInterrupt):
            raise
        return {"skipped": f"not measured: {err}"}


def _load(database: str | None) -> dict[str, Any]:
    folder = Path(tempfile.mkdtemp(prefix="classbrief-class-"))
    data = folder / "data"
    (data / "sets").mkdir(parents=True)
    (data / "sets" / "bench-tf.yaml").write_text(bench_set(), encoding="utf-8")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = (folder / "server.log").open("wb")
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
            "--teacher-password",
            "bench",
            *(["--database", database] if database else []),
        ],
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    saves: list[float] = []
    errors: list[str] = []
    sent: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError((folder / "server.log").read_text()) from None
                time.sleep(0.1)

        async def everyone() -> None:
            await asyncio.wait_for(
                asyncio.gather(*(_student(n, url, saves, errors, sent) for n in range(STUDENTS))),
                LOAD_TIMEOUT,
            )

        started = time.monotonic()
        asyncio.run(everyone())
        took = time.monotonic() - started
        memory = _peak_rss_mb(server.pid)
        fields = Path(f"/proc/{server.pid}/stat").read_text().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    stored = _stored(data, database)
    saves.sort()
    p95 = saves[int(len(saves) * 0.95) - 1] * 1000 if saves else float("nan")
    return {
        "p95": p95,
        "median": statistics.median(saves) * 1000 if saves else float("nan"),
        "errors": len(errors),
        "first_error": errors[0] if errors else "",
        "lost": len(sent) - stored,
        "answers": stored,
        "memory": memory,
        "took": took,
        "cpu": cpu,
    }


def cases():
    def p95(kind: str) -> dict[str, Any]:
        r = run_load(kind)
        if "skipped" in r:
            return {"value": float("nan"), "unit": "ms", "detail": r["skipped"]}
        return {
            "value": r["p95"],
            "unit": "ms",
            "goal": 100.0,
            "detail": f"median {r['median']:.1f} ms; {r['answers']} answers saved, "
            f"{r['lost']} lost, {r['errors']} errors {r['first_error']}; {r['took']:.0f} s, "
            f"server CPU {r['cpu']:.1f} s",
        }

    def memory(kind: str) -> dict[str, Any]:
        r = run_load(kind)
        if "skipped" in r:
            return {"value": float("nan"), "unit": "MB", "detail": r["skipped"]}
        return {"value": r["memory"], "unit": "MB", "detail": "peak resident, one process"}

    found = []
    for kind, name in (("sqlite", "SQLite"), ("postgresql", "PostgreSQL")):
        found += [
            (
                f"serve: {STUDENTS} students, answer→saved p95 ({name})",
                lambda kind=kind: p95(kind),
                None,
            ),
            (
                f"serve: {STUDENTS} students, server memory ({name})",
                lambda kind=kind: memory(kind),
                None,
            ),
        ]
    return found
