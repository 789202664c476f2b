"""A served class on a set with one question of every type, driven by Starlette's
TestClient (the real app, its guard and lifespan, over ASGI in this process)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

EVERY_TYPE = """id: every-type
title: Every type <b>of</b> question
pack: gsi-training-2023
questions:
  - id: pick
    type: choice
    fact: gsi-training-places
    prompt: How many places does the <script>alert(1)</script> paper offer?
    choices: ["5,000", "2,000", "1,500", "300"]
    answer: "5,000"
  - id: several
    type: multi
    fact: sco
    prompt: Which are members?
    choices: [China, Pakistan, Narnia, Atlantis]
    answers: [China, Pakistan]
  - id: tf
    type: truefalse
    fact: gsi-training-places
    prompt: The paper offers training places.
    answer: true
  - id: count
    type: numeric
    fact: arab-training-places
    prompt: How many Arab police and cyber officials did China offer to train?
    answer: 1500
    unit: people
  - id: word
    type: text
    fact: sco
    prompt: Which organisation is abbreviated SCO?
    accept: [Shanghai Cooperation Organisation]
  - id: pairs
    type: match
    fact: sco
    prompt: Match each offer with its size.
    pairs:
      - {left: GSI offer, right: "5,000"}
      - {left: SCO offer, right: "2,000"}
  - id: sequence
    type: order
    fact: gsi-proposed-boao
    prompt: Put these in order, earliest first.
    items: [Solomon training begins, GSI proposed at Boao, SCO training offer]
"""

RIGHT = {
    "pick": "5,000",
    "several": ["China", "Pakistan"],
    "tf": True,
    "count": "1500",
    "word": "Shanghai Cooperation Organisation",
    "pairs": {"GSI offer": "5,000", "SCO offer": "2,000"},
    "sequence": ["Solomon training begins", "GSI proposed at Boao", "SCO training offer"],
}

T0 = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    (root / "sets").mkdir(parents=True)
    (root / "sets" / "every-type.yaml").write_text(EVERY_TYPE, encoding="utf-8")
    return root


@pytest.fixture
def clock() -> Clock:
    return Clock()


ORIGIN = "http://127.0.0.1"


@pytest.fixture
def make_client(data: Path, clock: Clock) -> Iterator:
    from starlette.testclient import TestClient

    from quizzes.classroom.web.asgi import make_app
    from quizzes.classroom.web.pages import ClassConfig

    opened: list = []

    def make(**options):
        options.setdefault("set_id", "every-type")
        config = ClassConfig(data, clock=clock, seeds=lambda: 7, teacher_token="sesame", **options)
        client = TestClient(make_app(config), base_url=ORIGIN, headers={"origin": ORIGIN})
        client.__enter__()
        opened.append(client)
        return client

    yield make
    for client in opened:
        client.__exit__(None, None, None)


def csrf(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, page
    return found.group(1)


def _labels(page: str) -> dict[str, str]:
    return {
        ident: html.unescape(re.sub(r"<[^>]+>", "", text)).strip()
        for ident, text in re.findall(r'<label for="([^"]+)"[^>]*>(.*?)</label>', page, re.S)
    }


def question_id(page: str) -> str:
    found = re.search(r'name="question" value="([^"]+)"', page)
    assert found, page
    return found.group(1)


def answer_form(page: str, value: object) -> dict[str, object]:
    """The form a student sends to give ``value`` (in grading's shape) on this page."""
    labels = _labels(page)
    form: dict[str, object] = {"csrf": csrf(page), "question": question_id(page)}
    radios = re.findall(
        r'<input type="(radio|checkbox)" id="([^"]+)" name="answer" value="([^"]*)"', page
    )
    if isinstance(value, bool):
        form["answer"] = "true" if value else "false"
    elif isinstance(value, str) and radios:
        form["answer"] = next(v for _, i, v in radios if labels[i] == value)
    elif isinstance(value, str):
        form["answer"] = value
    elif isinstance(value, list) and radios:
        form["answer"] = [v for _, i, v in radios if labels[i] in value]
    elif isinstance(value, list):  # order: each item's place
        for ident, text in labels.items():
            if ident.startswith("order-"):
                form[ident] = str(value.index(text) + 1)
    elif isinstance(value, dict):  # match: each left side's right side
        for ident, text in labels.items():
            if ident.startswith("match-"):
                body = re.search(rf'<select id="{ident}"[^>]*>(.*?)</select>', page, re.S)
                assert body
                options = re.findall(r'<option value="([^"]*)"[^>]*>(.*?)</option>', body.group(1))
                form[ident] = next(v for v, t in options if html.unescape(t) == value[text])
    return form


def join(client, name: str) -> str:
    """Give a name on the first page; the page the student lands on."""
    page = client.get("/").text
    return client.post("/join", data={"csrf": csrf(page), "name": name}).text


def begin(client, mode: str = "practice") -> str:
    page = client.get("/").text
    return client.post("/start", data={"csrf": csrf(page), "set": "every-type", "mode": mode}).text
