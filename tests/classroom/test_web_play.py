"""A student plays in the web app (Starlette's TestClient, the real app over ASGI): every
question type, practice and exam, the timer, feedback with the fact's quote and source,
results, retrying the missed ones, and resuming after a reload or a restart."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.classroom.conftest import RIGHT, answer_form, begin, csrf, join, question_id

WRONG = {
    "pick": "300",
    "several": ["Narnia"],
    "tf": False,
    "count": "12",
    "word": "NATO",
    "pairs": {"GSI offer": "2,000", "SCO offer": "5,000"},
    "sequence": ["SCO training offer", "GSI proposed at Boao", "Solomon training begins"],
}


def _answers(data: Path) -> list[tuple]:
    db = sqlite3.connect(data / "progress.sqlite3")
    try:
        return db.execute(
            "SELECT student, question_id, correct FROM answers ORDER BY position"
        ).fetchall()
    finally:
        db.close()


def test_every_type_answered_right_in_practice_with_feedback_and_source(make_client, data):
    client = make_client()
    join(client, "Ana")
    page = begin(client)
    seen = []
    while "Answer</button>" in page:
        qid = question_id(page)
        seen.append(qid)
        response = client.post("/answer", data=answer_form(page, RIGHT[qid]))
        assert response.status_code == 200 and f"/feedback/{qid}" in str(response.url)
        feedback = response.text
        assert "✓" in feedback and "<h1>" in feedback and "Correct" in feedback
        assert "Source:" in feedback or "<cite" in feedback
        page = client.get("/play").text if "Next question" in feedback else ""
    assert sorted(seen) == sorted(RIGHT)
    results = client.get("/results").text
    assert "Your results: 7 of 7" in results and "Every question right" in results
    assert sorted(_answers(data)) == sorted(("Ana", q, 1) for q in RIGHT)
    # Each answer names the key it was graded against (the report grades by it).
    with sqlite3.connect(data / "progress.sqlite3") as db:
        named = db.execute(
            "SELECT count(*) FROM answers JOIN answer_keys ON digest = key_digest"
        ).fetchone()
    assert named == (len(RIGHT),)


def _answered_up_to(make_client, wanted: str):
    """A student who answered right every question before ``wanted``; and its page."""
    client = make_client()
    join(client, "Ana")
    page = begin(client)
    while question_id(page) != wanted:
        page = client.post("/answer", data=answer_form(page, RIGHT[question_id(page)])).text
        page = client.get("/play").text
    return client, page


def test_feedback_shows_the_quote_its_speaker_and_the_answer_when_wrong(make_client):
    client, page = _answered_up_to(make_client, "pick")
    feedback = client.post("/answer", data=answer_form(page, "300")).text
    assert "✗" in feedback and "Not correct" in feedback
    assert 'The answer</dt><dd dir="auto">5,000' in feedback
    assert "<blockquote" in feedback and "<cite" in feedback


def test_several_right_answers_are_listed_one_per_line(make_client):
    client, page = _answered_up_to(make_client, "several")
    feedback = client.post("/answer", data=answer_form(page, ["China"])).text
    listed = re.search(r'The answer</dt><dd dir="auto">(.*?)</dd>', feedback, re.S)
    assert listed, feedback
    assert re.findall(r"<li>(.*?)</li>", listed.group(1)) == ["China", "Pakistan"]
    assert 'Your answer</dt><dd dir="auto">China</dd>' in feedback


def test_exam_holds_feedback_until_results_then_retries_the_missed(make_client, data):
    client = make_client()
    join(client, "Bo")
    page = begin(client, "exam")
    wrong = {"count", "pairs"}
    while "Answer</button>" in page:
        qid = question_id(page)
        response = client.post(
            "/answer", data=answer_form(page, WRONG[qid] if qid in wrong else RIGHT[qid])
        )
        assert "/feedback/" not in str(response.url)
        page = response.text
    assert "Your results: 5.5 of 7" in page or "Your results: 5 of 7" in page
    assert page.count('<li class="card">') == 2 and "To look at again" in page
    assert "<blockquote" in page  # the fact's quote with each missed question
    retry = client.post("/retry", data={"csrf": csrf(page)}).text
    assert "Question 1 of 2" in retry
    assert question_id(retry) in wrong


def test_a_wrong_form_of_answer_is_explained_and_not_stored(make_client, data):
    client = make_client()
    join(client, "Cy")
    page = begin(client)
    while question_id(page) != "count":
        client.post("/answer", data=answer_form(page, RIGHT[question_id(page)]))
        page = client.get("/play").text
    before = len(_answers(data))
    response = client.post("/answer", data=answer_form(page, "lots"))
    assert response.status_code == 422
    assert "is not a number" in response.text and 'role="alert"' in response.text
    assert 'aria-invalid="true"' in response.text and 'value="lots"' in response.text
    assert len(_answers(data)) == before
    empty = client.post("/answer", data={"csrf": csrf(page), "question": "count"})
    assert empty.status_code == 422 and "Type your answer, then press Answer" in empty.text


def test_an_order_with_two_items_in_one_place_is_explained(make_client):
    client = make_client()
    join(client, "Di")
    page = begin(client)
    assert question_id(page) == "sequence"
    form = {"csrf": csrf(page), "question": "sequence", "order-0": "1", "order-1": "1"}
    response = client.post("/answer", data={**form, "order-2": "2"})
    assert response.status_code == 422 and "its own place" in response.text


def test_a_reload_or_a_restart_resumes_the_same_question(make_client, data):
    client = make_client()
    join(client, "Ed")
    page = begin(client)
    client.post("/answer", data=answer_form(page, RIGHT[question_id(page)]))
    second = client.get("/play").text
    assert "Question 2 of 7" in second
    assert question_id(client.get("/play").text) == question_id(second)  # a reload
    again = make_client()  # a restarted server, the same browser
    again.cookies.update(client.cookies)
    assert again.get("/").status_code == 200
    resumed = again.get("/play").text
    assert "Question 2 of 7" in resumed and question_id(resumed) == question_id(second)
    # A form sent twice (a second tab, the back button) answers nothing twice.
    first_form = answer_form(second, RIGHT[question_id(second)])
    again.post("/answer", data=first_form)
    again.post("/answer", data=first_form)
    assert len(_answers(data)) == 2


def test_the_exam_clock_runs_on_and_ends_the_run(make_client, data, clock):
    client = make_client(mode="exam", time_limit=10)
    join(client, "Flo")
    page = begin(client, "exam")
    assert 'id="timer"' in page and "about 10 min" in page
    client.post("/answer", data=answer_form(page, RIGHT[question_id(page)]))
    page = client.get("/play").text
    clock.advance(11)
    late = client.post("/answer", data=answer_form(page, RIGHT[question_id(page)]))
    assert "Your results" in late.text and "the time ran out" in late.text
    assert len(_answers(data)) == 1


def test_pack_and_set_text_and_names_are_printed_literally(make_client):
    client = make_client()
    landing = join(client, "<img src=x onerror=alert(1)>")
    assert "&lt;img src=x onerror=alert(1)&gt;" in landing
    assert "<img src=x" not in landing
    page = begin(client)
    assert "Every type &lt;b&gt;of&lt;/b&gt; question" in page
    while question_id(page) != "pick":
        client.post("/answer", data=answer_form(page, RIGHT[question_id(page)]))
        page = client.get("/play").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page


def test_importing_quizzes_loads_no_web_or_terminal_library():
    code = (
        "import sys, quizzes, quizzes.cli, quizzes.engine, quizzes.store, "
        "quizzes.classroom.play, quizzes.classroom.register\n"
        "print(sorted(m for m in ('starlette', 'jinja2', 'uvicorn', 'textual') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_an_answer_costs_six_statements_and_the_next_question_three(make_client, monkeypatch):
    # What the README promises a served class's store: reads and writes per answer, not
    # counting BEGIN and COMMIT; one more of each the first time this server meets a
    # question's grading key (written once, then read once).
    import sqlite3 as sqlite

    statements: list[str] = []
    connect = sqlite.connect

    def traced(*args, **kwargs):
        connection = connect(*args, **kwargs)
        connection.set_trace_callback(statements.append)
        return connection

    monkeypatch.setattr(sqlite, "connect", traced)
    client = make_client()
    for name, new_key in (("Ana", 1), ("Bo", 0)):
        client.cookies.clear()  # a second browser on the same server
        join(client, name)
        page = begin(client)
        for _ in range(2):  # the same two questions: every student has seed 7
            form = answer_form(page, RIGHT[question_id(page)])
            statements.clear()
            client.post("/answer", data=form, follow_redirects=False)
            sent = [s for s in statements if s not in ("BEGIN IMMEDIATE", "COMMIT")]
            statements.clear()
            page = client.get("/play").text
            assert len(sent) == 6 + new_key, (name, sent)
            assert len(statements) == 3 + new_key, (name, statements)
            assert sum(s.startswith(("INSERT", "UPDATE")) for s in sent) == 2 + new_key
