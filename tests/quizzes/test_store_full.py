"""A full disk: what was saved stays saved and is said to be; play goes on unsaved, and
nothing ends in a traceback.

Two ways to fill the disk without a small filesystem: SQLite's own page limit
(``PRAGMA max_page_count``, which fails with the real SQLITE_FULL), and a connection
that answers every write with "database or disk is full" from a given moment on.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from quizzes.store import Store, StoreFull
from tests.quizzes.storehelp import answer, at, full_disk, start

__all__ = ["full_disk"]  # a fixture


def saved(path: Path) -> list[str]:
    """The question ids on disk, read by a connection of its own."""
    with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as db:
        return [q for (q,) in db.execute("SELECT question_id FROM answers ORDER BY position")]


def test_the_disk_filling_up_keeps_what_was_saved_and_goes_on_in_memory(tmp_path):
    path = tmp_path / "progress.sqlite3"
    store = Store.open(path)
    told: list[StoreFull] = []
    store.on_unsaved = told.append
    run = start(store, questions=40, points=Decimal(40))
    answer(store, run.id, "q0", 0, True)
    pages = store.database.execute("PRAGMA page_count").fetchone()[0]
    store.database.execute(f"PRAGMA max_page_count = {pages}")  # the disk is full from here
    for n in range(1, 40):
        answer(store, run.id, f"q{n}", n, True, value="a long answer " * 40)
    assert store.unsaved is not None and len(told) == 1
    on_disk = saved(path)
    assert on_disk[0] == "q0" and 1 < len(on_disk) < 40  # saved until the disk was full
    assert told[0].lost == "this answer"
    assert "the disk is full" in str(told[0])
    assert [a.question_id for a in store.answers(run.id)] == [f"q{n}" for n in range(40)]
    store.finish_run(run.id, at(5))  # goes on, unsaved, without an error
    assert store.run(run.id).finished == at(5)
    store.close()
    assert saved(path) == on_disk  # nothing unsaved was half-written


def test_an_answer_and_its_card_that_cannot_be_committed_are_kept_in_memory_together(
    tmp_path, full_disk
):
    path = tmp_path / "progress.sqlite3"
    store = Store.open(path)
    run = start(store)
    answer(store, run.id, "q1", 0, True)
    full_disk.full = True
    with store.together():
        answer(store, run.id, "q2", 1, False)
        store.save_card(
            set_id="s", set_ref="s", question_id="q2", card={"due": 1}, due=at(9), at=at(2)
        )
    full_disk.full = False
    assert [a.question_id for a in store.answers(run.id)] == ["q1", "q2"]
    card = store.card("s", "q2")
    assert card is not None and card.card == {"due": 1}
    assert store.unsaved is not None and store.unsaved.lost == "this answer"
    store.close()
    assert saved(path) == ["q1"]


def test_opening_on_a_full_disk_says_so_and_never_calls_the_file_broken(tmp_path, full_disk):
    path = tmp_path / "progress.sqlite3"
    store = Store.open(path)
    answer(store, start(store).id, "q1", 0, True)
    store.close()
    before = path.read_bytes()
    full_disk.full = True
    with pytest.raises(StoreFull) as caught:
        Store.open(path)
    message = str(caught.value)
    assert "the disk is full" in message and "earlier answers are saved" in message
    assert "move it aside" not in message and "cannot be read" not in message
    assert path.read_bytes() == before


def test_quiz_offers_play_without_saving_on_a_full_disk(tmp_path, full_disk, capsys):
    from quizzes.tui.launch import _open_store

    root = tmp_path / "data"
    root.mkdir()
    store = Store.open(root / "progress.sqlite3")
    answer(store, start(store).id, "q1", 0, True)
    store.close()
    full_disk.full = True
    copy, unsaved = _open_store(root)
    assert copy is not None and unsaved is not None
    assert "the disk is full" in unsaved and "move it aside" not in unsaved
    assert [a.question_id for a in copy.answers(1)] == ["q1"]  # the saved answers, to play on
    assert "Traceback" not in capsys.readouterr().err
    copy.close()


def test_an_io_error_on_a_disk_with_no_room_is_a_full_disk(tmp_path, full_disk, monkeypatch):
    """A full disk that stops SQLite growing the WAL index is reported as an I/O error
    (SQLITE_IOERR_SHMSIZE); with no room left on the disk it is a full disk too."""
    from collections import namedtuple

    from quizzes.store import sqlite as store_module

    path = tmp_path / "progress.sqlite3"
    store = Store.open(path)
    answer(store, start(store).id, "q1", 0, True)
    store.close()

    def io_error(self, sql, *args, **kwargs):
        error = sqlite3.OperationalError("disk I/O error")
        error.sqlite_errorcode = 4874  # SQLITE_IOERR_SHMSIZE
        raise error

    monkeypatch.setattr(full_disk, "execute", io_error)
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(store_module.shutil, "disk_usage", lambda _: usage(8 << 20, 8 << 20, 0))
    with pytest.raises(StoreFull):
        Store.open(path)
    # The same error with room on the disk is not called a full disk.
    monkeypatch.setattr(
        store_module.shutil, "disk_usage", lambda _: usage(8 << 30, 1 << 30, 7 << 30)
    )
    with pytest.raises(store_module.StoreError) as caught:
        Store.open(path)
    assert not isinstance(caught.value, StoreFull)
