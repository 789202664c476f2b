"""The class register on SQLite and on PostgreSQL alike (a real server, started for the
tests): one INSERT decides a name however many connections send it at once, the loser is
asked, "someone else" gets the next number free, a join code is checked, a seat moves."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizzes.classroom.register import Register
from quizzes.classroom.students import Accommodations
from quizzes.store import Store

T0 = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)


@pytest.fixture
def opener(database: Path | str) -> Callable[[], Register]:
    Store.open(database).close()
    return lambda: Register.open(database)


def _at_once(opener: Callable[[], Register], count: int, act) -> list[str]:
    """``act(register, n)`` in ``count`` threads released together, each with its own
    connection (as separate servers have)."""
    start = threading.Barrier(count)
    outcomes: list[str] = []

    def run(n: int) -> None:
        try:
            register = opener()
        except BaseException:
            start.abort()
            raise
        try:
            start.wait(timeout=60)
            outcomes.append(act(register, n))
        finally:
            register.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes


def test_one_name_claimed_at_once_by_eight_gives_one_student(opener):
    outcomes = _at_once(opener, 8, lambda r, n: r.claim("Ana", f"seat-{n}", T0))
    assert sorted(outcomes) == ["taken"] * 7 + ["yours"]
    others = _at_once(opener, 7, lambda r, n: r.claim_other("Ana", f"other-{n}", T0))
    assert sorted(others) == sorted(f"Ana ({n})" for n in range(2, 9))
    register = opener()
    seats = [s.seat for s in register.students()]
    assert len(seats) == 8 and len(set(seats)) == 8
    register.close()


def test_codes_seats_sessions_and_the_secret(opener):
    register = opener()
    made = register.add_roster(
        [("Ana", Accommodations(2.0, True, False)), ("Bo", Accommodations())], T0
    )
    codes = {s.name: s.code for s in made}
    assert register.take_seat("Ana", "laptop", T0, "nope") == "wrong-code"
    assert register.take_seat("Ana", "laptop", T0, codes["Ana"].lower()) == "yours"
    assert register.take_seat("Ana", "phone", T0, codes["Ana"]) == "yours"
    assert register.at_seat("laptop") is None
    ana = register.at_seat("phone")
    assert ana is not None and ana.accommodations == Accommodations(2.0, True, False)
    again = register.add_roster([("Ana", Accommodations())], T0)  # a restart keeps codes
    assert {s.name: s.code for s in again}["Ana"] == codes["Ana"]
    session = register.open_session(T0)
    assert register.open_session(T0) == session
    register.end_session(session.id, T0)
    assert register.open_session(T0).id != session.id
    secret = register.secret()
    register.close()
    other = opener()
    assert other.secret() == secret and len(secret) == 32
    other.close()
