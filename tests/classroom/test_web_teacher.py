"""The teacher's live view: behind the token, who is in, progress and score, per-question
facility and the most chosen wrong answer, ending a session, the results one click away;
and each student's accommodations from the roster."""

from __future__ import annotations

import json
import re

from tests.classroom.conftest import RIGHT, answer_form, begin, csrf, join, question_id


def teacher(make_client, client=None, **options):
    client = client or make_client(**options)
    page = client.get("/teacher").text
    assert "Token or password" in page and "Students" not in page
    wrong = client.post("/teacher/login", data={"csrf": csrf(page), "token": "open"})
    assert wrong.status_code == 403 and "Students" not in wrong.text
    live = client.post("/teacher/login", data={"csrf": csrf(page), "token": "sesame"})
    assert live.status_code == 200 and "Class live view" in live.text
    return client


def test_the_view_needs_the_token(make_client):
    client = make_client()
    assert "Token or password" in client.get("/teacher").text
    assert client.get("/teacher/live").status_code == 403
    assert client.get("/teacher/results.json").status_code == 403
    teacher(make_client, client)
    assert client.get("/teacher/live").status_code == 200


def test_progress_score_facility_and_the_most_chosen_wrong_answer(make_client):
    students = []
    for name, pick in (("Ana", "5,000"), ("Bo", "300"), ("Cy", "300"), ("<i>Di</i>", "2,000")):
        client = make_client()
        join(client, name)
        page = begin(client)
        while question_id(page) != "pick":
            client.post("/answer", data=answer_form(page, RIGHT[question_id(page)]))
            page = client.get("/play").text
        client.post("/answer", data=answer_form(page, pick))
        students.append(client)
    view = teacher(make_client).get("/teacher").text
    assert "&lt;i&gt;Di&lt;/i&gt;" in view and "<i>Di" not in view
    row = re.search(r'<th scope="row" dir="auto">Bo</th>(.*?)</tr>', view, re.S)
    assert row and ">in<" in row.group(1) and "2 of 7" in row.group(1) and "50 %" in row.group(1)
    pick = re.search(r"How many places does the .*?</tr>", view, re.S)
    assert pick and "4</td>" in pick.group(0) and "25 %" in pick.group(0)
    assert "300 (2)" in pick.group(0)
    live = students[0].get("/teacher/live")
    assert live.status_code == 403  # a student's browser is not the teacher's


def test_ending_the_session_ends_every_run_and_the_results_are_a_click_away(make_client, clock):
    # The student and the teacher are on two servers of one class (two apps, one store):
    # a server trusts the session it read for a second, so the end shows within one.
    student = make_client()
    join(student, "Ana")
    page = begin(student)
    student.post("/answer", data=answer_form(page, RIGHT[question_id(page)]))
    desk = teacher(make_client)
    view = desk.get("/teacher").text
    ended = desk.post("/teacher/session", data={"csrf": csrf(view), "do": "end"}).text
    assert "Start a new session" in ended
    assert "The session has ended" not in student.get("/play").text
    clock.advance(1 / 60)
    assert "The session has ended" in student.get("/play").text
    results = desk.get("/teacher/results.json")
    doc = json.loads(results.text)
    assert [r["student"] for r in doc["runs"]] == ["Ana"] and doc["runs"][0]["finished"]
    assert "attachment" in results.headers["content-disposition"]
    desk.post("/teacher/session", data={"csrf": csrf(ended), "do": "start"})
    assert "Choose a set" in join(make_client(), "Bo")


def test_a_session_ended_on_this_server_shows_at_once(make_client):
    # One browser that is both a student and, logged in, the teacher: one server.
    student = make_client()
    join(student, "Ana")
    begin(student)
    assert "The session has ended" not in student.get("/play").text
    desk = teacher(make_client, student)
    view = desk.get("/teacher").text
    desk.post("/teacher/session", data={"csrf": csrf(view), "do": "end"})
    assert "The session has ended" in student.get("/play").text


def test_roster_accommodations_time_fewer_choices_and_larger_text(make_client, tmp_path):
    from quizzes.classroom.students import read_roster

    roster = read_roster("Ana | extra time x2, fewer choices, larger text\nBo\n").entries()
    desk = teacher(make_client, roster=roster, mode="exam", time_limit=10)
    view = desk.get("/teacher").text
    codes = dict(
        re.findall(r'<th scope="row" dir="auto">(\w+)</th>.*?<code>(\w+)</code>', view, re.S)
    )
    assert set(codes) == {"Ana", "Bo"} and all(len(c) == 5 for c in codes.values())
    assert "time ×2, one fewer distractor, larger text" in view
    ana, bo = (
        make_client(roster=roster, mode="exam", time_limit=10),
        make_client(roster=roster, mode="exam", time_limit=10),
    )
    for client, name in ((ana, "Ana"), (bo, "Bo")):
        page = client.get("/").text
        student_id = re.search(rf'<option value="(\d+)">{name}</option>', page).group(1)
        landing = client.post(
            "/join", data={"csrf": csrf(page), "student": student_id, "code": codes[name].lower()}
        ).text
        assert "Choose a set" in landing
    ana_page, bo_page = begin(ana, "exam"), begin(bo, "exam")
    assert 'class="large-text"' in ana_page and 'class="large-text"' not in bo_page
    assert "about 20 min" in ana_page and "about 10 min" in bo_page
    while question_id(ana_page) != "pick":
        ana.post("/answer", data=answer_form(ana_page, RIGHT[question_id(ana_page)]))
        ana_page = ana.get("/play").text
    while question_id(bo_page) != "pick":
        bo.post("/answer", data=answer_form(bo_page, RIGHT[question_id(bo_page)]))
        bo_page = bo.get("/play").text
    assert ana_page.count('name="answer"') == 3 and bo_page.count('name="answer"') == 4
    assert "5,000" in ana_page  # the right answer is never the one taken away
