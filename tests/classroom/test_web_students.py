"""Who is playing, and what the server refuses: a duplicate name is asked about ("is this
you?"; the race itself is in test_register.py, on SQLite and PostgreSQL), a
roster needs its join code, a student is in one place and one run at a time; forms from
another origin, without their token, too large or too many are refused."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from quizzes.classroom.register import Register
from quizzes.store import Store
from seeds import paths
from tests.classroom.conftest import ORIGIN, RIGHT, answer_form, begin, csrf, join, question_id

T0 = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)


def test_a_taken_name_asks_is_this_you(make_client):
    first, second = make_client(), make_client()
    join(first, "Ana")
    page = join(second, "ana ")
    assert "Is this you?" in page and "ana (2)" in page
    landing = second.post("/join/same", data={"csrf": csrf(page), "name": "ana", "same": "no"}).text
    assert 'Playing as <strong dir="auto">ana (2)</strong>' in landing
    # "Yes, that is me": the student moves to this browser, and leaves the other.
    third = make_client()
    page = join(third, "Ana")
    landing = third.post("/join/same", data={"csrf": csrf(page), "name": "Ana", "same": "yes"})
    assert 'Playing as <strong dir="auto">Ana</strong>' in landing.text
    assert "Who is playing?" in first.get("/").text


def test_one_student_is_in_one_run_at_a_time(make_client, data):
    laptop = make_client()
    join(laptop, "Ana")
    page = begin(laptop)
    laptop_token = csrf(page)
    laptop.post("/answer", data=answer_form(page, RIGHT[question_id(page)]))
    phone = make_client()
    page = join(phone, "Ana")
    resumed = phone.post("/join/same", data={"csrf": csrf(page), "name": "Ana", "same": "yes"})
    assert "Question 2 of 7" in resumed.text  # the same run, where it was
    stale = laptop.post(
        "/answer", data={"csrf": laptop_token, "question": question_id(resumed.text)}
    )
    assert "Who is playing?" in stale.text
    store = Store.open(paths.progress_db(data))
    store.student = "Ana"
    try:
        assert len(store.all_runs()) == 1
    finally:
        store.close()
    # Starting another set leaves the first run (its answers stay) and plays only the new.
    phone.post("/another", data={"csrf": csrf(resumed.text)})
    begin(phone)
    store = Store.open(paths.progress_db(data))
    try:
        runs = store.all_runs()
        assert len(runs) == 2 and runs[0].abandoned is not None and runs[1].abandoned is None
    finally:
        store.close()


def test_a_roster_name_needs_its_join_code(make_client):
    from quizzes.classroom.students import read_roster

    roster = read_roster("Ana\nBo\n").entries()
    client = make_client(roster=roster)
    page = client.get("/").text
    assert "Join code" in page and 'name="name"' not in page
    ana = re.search(r'<option value="(\d+)">Ana</option>', page).group(1)
    wrong = client.post("/join", data={"csrf": csrf(page), "student": ana, "code": "AAAAA"})
    assert wrong.status_code == 422 and "not the one for this name" in wrong.text
    typed = client.post("/join", data={"csrf": csrf(page), "name": "Mallory"})
    assert typed.status_code == 422


def test_a_form_from_another_origin_is_refused(make_client, data):
    client = make_client()
    page = client.get("/").text
    token = csrf(page)
    for headers in (
        {"origin": "http://evil.example"},
        {"origin": "null", "referer": "http://evil.example/page"},
        {"origin": "http://127.0.0.1.evil.example"},
    ):
        refused = client.post("/join", data={"csrf": token, "name": "Eve"}, headers=headers)
        assert refused.status_code == 403 and "another site" in refused.text
    client.headers.pop("origin")
    refused = client.post("/join", data={"csrf": token, "name": "Eve"})
    assert refused.status_code == 403  # a form that names no origin at all
    assert (
        client.post(
            "/join", data={"csrf": token, "name": "Eve"}, headers={"referer": ORIGIN + "/"}
        ).status_code
        == 200
    )
    assert [s.name for s in Register.open(paths.progress_db(data)).students()] == ["Eve"]


def test_a_form_without_its_token_is_refused(make_client):
    client = make_client()
    client.get("/")
    assert client.post("/join", data={"name": "Eve"}).status_code == 403
    assert client.post("/join", data={"csrf": "0" * 64, "name": "Eve"}).status_code == 403
    stranger = make_client()  # another browser's token is not this one's
    token = csrf(stranger.get("/").text)
    assert client.post("/join", data={"csrf": token, "name": "Eve"}).status_code == 403


def test_sockets_hosts_sizes_and_rates_are_limited(make_client):
    import pytest
    from starlette.websockets import WebSocketDisconnect

    client = make_client(rate=2, burst=5)
    with (
        pytest.raises(WebSocketDisconnect),
        client.websocket_connect("/", headers={"origin": ORIGIN}) as socket,
    ):
        socket.receive_text()
    page = client.get("/").text
    big = client.post("/join", data={"csrf": csrf(page), "name": "x" * 20_000})
    assert big.status_code == 413
    rebound = client.get("/", headers={"host": "evil.example"})
    assert rebound.status_code == 421  # a name that resolves here is not this computer's
    statuses = [client.get("/").status_code for _ in range(10)]
    assert 429 in statuses
    assert client.get("/").headers.get("retry-after") == "2"


def test_every_page_carries_a_content_security_policy(make_client):
    response = make_client().get("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    assert "httponly" in response.headers["set-cookie"].lower()
