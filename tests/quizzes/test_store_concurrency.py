"""Several processes opening one new progress database at the same moment."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from quizzes.store import FORMAT, Store

PROCESSES = 8
ROUNDS = 50


def _open_each_round(folder: str, barrier, failures) -> None:
    for round_ in range(ROUNDS):
        barrier.wait()  # every process starts the same round at the same moment
        try:
            store = Store.open(Path(folder) / f"round-{round_}" / "progress.sqlite3")
            store.close()
        except Exception as err:  # any failure at all is what this test looks for
            failures.put(f"round {round_}: {type(err).__name__}: {err}")


def test_eight_processes_creating_the_database_at_once_all_succeed(tmp_path: Path):
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(PROCESSES, timeout=60)
    failures = context.SimpleQueue()
    workers = [
        context.Process(target=_open_each_round, args=(str(tmp_path), barrier, failures))
        for _ in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        if worker.is_alive():  # stuck: fail rather than hang the suite
            worker.kill()
    found = []
    while not failures.empty():
        found.append(failures.get())
    assert found == [], f"{len(found)} failures, e.g. {found[:5]}"
    assert [worker.exitcode for worker in workers] == [0] * PROCESSES
    import sqlite3

    for round_ in range(ROUNDS):
        db = sqlite3.connect(tmp_path / f"round-{round_}" / "progress.sqlite3")
        assert db.execute("PRAGMA user_version").fetchone()[0] == FORMAT
        db.close()
