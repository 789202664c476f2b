"""`quiz serve` in a real browser: headless Chromium (the system's `chromium`, driven by
Playwright with executable_path) opens the served page, gives a name and answers a question;
the answer is in the database under that name, and a screenshot is kept.

Runs whenever Chromium is installed (`.ci/run` installs it); without it the test is skipped,
except under CI=true, where it fails.
"""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)
SHOT = os.environ.get("CLASSBRIEF_BROWSER_SHOT")  # keep the screenshot here to look at it

pytestmark = pytest.mark.browser

TF_SET = """id: browser-tf
title: One true or false
pack: gsi-training-2023
questions:
  - id: tf
    type: truefalse
    fact: gsi-training-places
    prompt: The paper offers training places.
    answer: true
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def served(tmp_path: Path):
    if CHROMIUM is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is not installed; .ci/run installs it with apt-get")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    data = tmp_path / "data"
    (data / "sets").mkdir(parents=True)
    (data / "sets" / "browser-tf.yaml").write_text(TF_SET, encoding="utf-8")
    port = _free_port()
    log = (tmp_path / "server.log").open("wb")
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
            "browser-tf",
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
                    raise AssertionError((tmp_path / "server.log").read_text()) from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}", data
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def _runs(data: Path) -> list[tuple[str]]:
    if not (data / "progress.sqlite3").exists():
        return []
    db = sqlite3.connect(data / "progress.sqlite3")
    try:
        return db.execute("SELECT student FROM runs").fetchall()
    finally:
        db.close()


def _answers(data: Path) -> list[tuple[str, str, int]]:
    db = sqlite3.connect(data / "progress.sqlite3")
    try:
        return db.execute("SELECT student, question_id, correct FROM answers").fetchall()
    finally:
        db.close()


def test_a_student_plays_in_headless_chromium(served, tmp_path: Path):
    from playwright.sync_api import sync_playwright

    url, data = served
    shot = tmp_path / "served.png"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 640})
            page.goto(url, wait_until="domcontentloaded", timeout=60_000)
            page.wait_for_selector("#terminal .xterm", timeout=60_000)
            page.click("#terminal")
            # The app's driver turns mouse reporting on as it starts; its first screen,
            # "Who is playing?", is drawn soon after. (The canvas holds no text to wait for.)
            page.wait_for_selector("#terminal .xterm.enable-mouse-events", timeout=60_000)
            time.sleep(3)
            page.keyboard.type("Ada Lovelace")
            page.keyboard.press("Enter")
            # The run starts once the name is taken; an Enter that came too early (the
            # app still starting) is pressed again, never a letter that would join the name.
            deadline = time.monotonic() + 60
            while not _runs(data) and time.monotonic() < deadline:
                time.sleep(2)
                if not _runs(data):
                    page.keyboard.press("Enter")
            while not _answers(data) and time.monotonic() < deadline:
                page.keyboard.press("t")
                time.sleep(2)
            time.sleep(1)
            page.screenshot(path=str(shot))
        finally:
            browser.close()
    assert _answers(data) == [("Ada Lovelace", "tf", 1)]
    assert shot.stat().st_size > 10_000
    if SHOT:
        shutil.copy(shot, SHOT)
