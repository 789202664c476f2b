"""`quiz serve` in a real browser: headless Chromium (the system's `chromium`, driven by
Playwright with executable_path) plays every question type by keyboard alone and by taps
on a phone, and axe-core finds no WCAG 2.2 A/AA violation on any page: the name, each
question type, feedback, results, "is this you?", the roster's join page and the
teacher's view. At 320 CSS pixels wide (a 640-pixel window at 200 % zoom) no page
scrolls sideways.

Runs whenever Chromium is installed (`.ci/run` installs it); without it the tests are
skipped, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.classroom.conftest import EVERY_TYPE, RIGHT

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _serve(tmp: Path, *extra: str) -> Iterator[tuple[str, Path]]:
    if CHROMIUM is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed; .ci/run installs it with apt-get")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    data = tmp / "data"
    (data / "sets").mkdir(parents=True)
    (data / "sets" / "every-type.yaml").write_text(EVERY_TYPE, encoding="utf-8")
    port = _free_port()
    log = (tmp / "server.log").open("wb")
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
            "every-type",
            "--teacher-password",
            "sesame",
            *extra,
        ],
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise AssertionError((tmp / "server.log").read_text()) from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}", data
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    yield from _serve(tmp_path_factory.mktemp("served"))


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield launched
        finally:
            launched.close()


def _answers(data: Path, name: str) -> list[tuple[str, int]]:
    db = sqlite3.connect(data / "progress.sqlite3")
    try:
        return db.execute(
            "SELECT question_id, correct FROM answers WHERE student = ? ORDER BY position",
            (name,),
        ).fetchall()
    finally:
        db.close()


def _axe(page, where: str, found: dict[str, str]) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    if results.violations_count:
        found[where] = results.generate_report()


def _no_sideways_scroll(page, where: str, found: dict[str, str]) -> None:
    wide = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    if wide > 0:
        found[where] = f"scrolls {wide} px sideways"


def _question_id(page) -> str:
    return page.locator("input[name=question]").get_attribute("value")


def _labels(page, selector: str) -> list[str]:
    return [
        page.locator(f"label[for='{i}']").inner_text().strip()
        for i in page.locator(selector).evaluate_all("els => els.map(e => e.id)")
    ]


def _by_keyboard(page, qid: str) -> None:
    """Answer the question on ``page`` rightly with keys alone, from where focus is."""
    want = RIGHT[qid]
    kb = page.keyboard
    if qid in ("pick", "tf"):
        labels = _labels(page, "input[name=answer]")
        target = labels.index("True" if want is True else want)
        kb.press("Space")
        for _ in range(target):
            kb.press("ArrowDown")
        kb.press("Enter")
    elif qid == "several":
        for label in _labels(page, "input[name=answer]"):
            if label in want:
                kb.press("Space")
            kb.press("Tab")
        kb.press("Enter")
    elif qid in ("count", "word"):
        kb.type(want)
        kb.press("Enter")
    elif qid == "pairs":
        for n, left in enumerate(_labels(page, "select")):
            options = page.locator(f"#match-{n} option").all_inner_texts()
            for _ in range(options.index(want[left])):
                kb.press("ArrowDown")
            kb.press("Tab")
        kb.press("Enter")
    elif qid == "sequence":
        for n, item in enumerate(_labels(page, "select")):
            delta = want.index(item) - n
            for _ in range(abs(delta)):
                kb.press("ArrowDown" if delta > 0 else "ArrowUp")
            kb.press("Tab")
        kb.press("Enter")


def test_every_type_by_keyboard_alone_and_no_axe_violation_anywhere(served, browser):
    url, data = served
    context = browser.new_context(viewport={"width": 1024, "height": 768})
    page = context.new_page()
    problems: dict[str, str] = {}
    page.goto(url + "/")
    _axe(page, "name", problems)
    page.keyboard.type("Ada <b>Lovelace</b>")
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Choose a set')")
    _axe(page, "sets", problems)
    page.keyboard.press("Enter")  # the set's radio has focus: Enter starts it
    for _ in range(7):
        page.wait_for_selector("form.question")
        qid = _question_id(page)
        _axe(page, f"question {qid}", problems)
        page.set_viewport_size({"width": 320, "height": 640})
        _no_sideways_scroll(page, f"question {qid} at 320 px", problems)
        page.set_viewport_size({"width": 1024, "height": 768})
        _by_keyboard(page, qid)
        page.wait_for_selector("h1:has-text('Correct')", timeout=10_000)
        _axe(page, f"feedback {qid}", problems)
        focused = page.evaluate("document.activeElement.textContent")
        assert focused in ("Next question", "See your results")
        page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Your results')")
    _axe(page, "results", problems)
    assert problems == {}, "\n\n".join(f"{k}:\n{v}" for k, v in problems.items())
    assert sorted(_answers(data, "Ada <b>Lovelace</b>")) == sorted((q, 1) for q in RIGHT)
    assert page.locator("strong", has_text="Ada <b>Lovelace</b>").count() == 1
    context.close()


def test_every_type_by_taps_on_a_phone(served, browser):
    url, data = served
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    )
    page = context.new_page()
    problems: dict[str, str] = {}
    page.goto(url + "/")
    page.tap("#name")
    page.fill("#name", "Grace")
    page.tap("main button[type=submit]")
    page.wait_for_selector("h1:has-text('Choose a set')")
    _no_sideways_scroll(page, "sets", problems)
    page.tap("main button[type=submit]")
    small: list[str] = []
    for _ in range(7):
        page.wait_for_selector("form.question")
        qid = _question_id(page)
        want = RIGHT[qid]
        _no_sideways_scroll(page, f"question {qid}", problems)
        targets = page.locator(".option, select, input[type=text], input:not([type]), button")
        for box in (targets.nth(i).bounding_box() for i in range(targets.count())):
            if box and (box["width"] < 44 or box["height"] < 44):
                small.append(f"{qid}: {box}")
        if qid in ("pick", "tf", "several"):
            wanted = want if isinstance(want, list) else ["True" if want is True else want]
            for label in page.locator(".option label").all():
                if label.inner_text().strip() in wanted:
                    label.tap()
        elif qid in ("count", "word"):
            page.tap("#answer")
            page.fill("#answer", want)
        elif qid == "pairs":
            for n, left in enumerate(_labels(page, "select")):
                page.select_option(f"#match-{n}", label=want[left])
        elif qid == "sequence":
            for n, item in enumerate(_labels(page, "select")):
                page.select_option(f"#order-{n}", str(want.index(item) + 1))
        page.tap("button[type=submit]:has-text('Answer')")
        page.wait_for_selector("h1:has-text('Correct')", timeout=10_000)
        _no_sideways_scroll(page, f"feedback {qid}", problems)
        page.tap("form[method=get] button")
    page.wait_for_selector("h1:has-text('Your results')")
    _no_sideways_scroll(page, "results", problems)
    assert problems == {} and small == []
    assert sorted(_answers(data, "Grace")) == sorted((q, 1) for q in RIGHT)
    context.close()


def test_is_this_you_and_the_teacher_view_have_no_axe_violation(served, browser):
    url, _ = served
    problems: dict[str, str] = {}
    first = browser.new_context()
    page = first.new_page()
    page.goto(url + "/")
    page.fill("#name", "Ada <b>Lovelace</b>")
    page.click("button[type=submit]")
    page.wait_for_selector("h1:has-text('Is this you?')")
    _axe(page, "is this you", problems)
    page.click("button[value=no]")
    page.wait_for_selector("h1:has-text('Choose a set')")
    teacher = browser.new_context().new_page()
    teacher.goto(url + "/teacher")
    _axe(teacher, "teacher login", problems)
    teacher.fill("#token", "sesame")
    teacher.keyboard.press("Enter")
    teacher.wait_for_selector("h1:has-text('Class live view')")
    assert teacher.locator("#live th", has_text="Ada <b>Lovelace</b> (2)").count() == 1
    _axe(teacher, "teacher view", problems)
    # On a laptop, no column heading breaks inside a word ("Progr/ess").
    teacher.set_viewport_size({"width": 1280, "height": 800})
    broken = teacher.evaluate(
        "[...document.querySelectorAll('thead th')].filter(th => {"
        " const r = document.createRange(); r.selectNodeContents(th);"
        " return r.getClientRects().length > 1 && !/\\s/.test(th.textContent.trim()); })"
        ".map(th => th.textContent)"
    )
    headings = teacher.locator("thead th").count()
    assert headings >= 4 and broken == []
    teacher.set_viewport_size({"width": 320, "height": 640})
    _no_sideways_scroll(teacher, "teacher view at 320 px", problems)
    # The view refreshes itself: a student who joins appears without a reload.
    late = browser.new_context().new_page()
    late.goto(url + "/")
    late.fill("#name", "Hedy")
    late.click("button[type=submit]")
    teacher.wait_for_selector("#live th:has-text('Hedy')", timeout=15_000)
    assert problems == {}, "\n\n".join(f"{k}:\n{v}" for k, v in problems.items())
    first.close()


@pytest.fixture
def roster_served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    roster = tmp_path / "roster.txt"
    roster.write_text("Ana Li | larger text\nBo Chen\n", encoding="utf-8")
    yield from _serve(tmp_path, "--roster", str(roster))


def test_the_roster_join_page_has_no_axe_violation(roster_served, browser):
    url, _ = roster_served
    problems: dict[str, str] = {}
    page = browser.new_context().new_page()
    page.goto(url + "/")
    _axe(page, "roster join", problems)
    page.select_option("#student", label="Ana Li")
    page.fill("#code", "wrong")
    page.click("button[type=submit]")
    page.wait_for_selector("#problem")
    _axe(page, "roster join with a problem", problems)
    assert problems == {}, "\n\n".join(f"{k}:\n{v}" for k, v in problems.items())


def test_axe_does_find_violations_where_there_are_some(browser):
    """The check above is not vacuous: a page without lang, title or labels fails it."""
    page = browser.new_context().new_page()
    page.set_content("<html><body><input><img src='x.png'></body></html>")
    found: dict[str, str] = {}
    _axe(page, "bad", found)
    assert "label" in found["bad"] and "html-has-lang" in found["bad"]
