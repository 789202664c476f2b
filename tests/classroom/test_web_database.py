"""`quiz serve --database postgresql://…`: two servers behind one address (a load
balancer sends each request to either) share one PostgreSQL database, so a student goes
on wherever a request lands, and a name is one student across both."""

from __future__ import annotations

from pathlib import Path

from quizzes.store import Store
from tests.classroom.conftest import RIGHT, answer_form, begin, csrf, join, question_id
from tests.postgres import fresh_database


def test_two_servers_on_one_database_carry_one_class(make_client, postgres: str, data: Path):
    url = fresh_database(postgres, "two_servers")
    first, second = make_client(database=url), make_client(database=url)
    join(first, "Ana")
    page = begin(first)
    asked = question_id(page)
    first.post("/answer", data=answer_form(page, RIGHT[asked]))
    second.cookies = first.cookies  # the same browser; the next request lands elsewhere
    page = second.get("/play").text
    assert question_id(page) != asked  # the run goes on where it was
    second.post("/answer", data=answer_form(page, RIGHT[question_id(page)]))
    other_browser = make_client(database=url)
    landing = other_browser.get("/").text
    asked_about = other_browser.post("/join", data={"csrf": csrf(landing), "name": "ana"}).text
    assert "Is this you?" in asked_about  # the name is taken on every server
    store = Store.open(url)
    [run] = store.all_runs()
    assert run.student == "Ana" and len(store.answers(run.id)) == 2
    store.close()
    assert not (data / "progress.sqlite3").exists()  # nothing went to the data folder


def test_a_database_gone_mid_class_is_a_page_that_says_so_and_the_class_goes_on(
    make_client, postgres: str
):
    import psycopg

    url = fresh_database(postgres, "gone_mid_class")
    client = make_client(database=url)
    join(client, "Ana")
    page = begin(client)
    with psycopg.connect(postgres, autocommit=True) as admin:  # the database goes away
        admin.execute("ALTER DATABASE gone_mid_class ALLOW_CONNECTIONS false")
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = 'gone_mid_class'"
        )
    gone = client.get("/play")
    assert gone.status_code == 503 and "cannot be reached" in gone.text
    assert "Traceback" not in gone.text
    with psycopg.connect(postgres, autocommit=True) as admin:  # and comes back
        admin.execute("ALTER DATABASE gone_mid_class ALLOW_CONNECTIONS true")
    assert question_id(client.get("/play").text) == question_id(page)
