"""Store.reading: a reader's store whose check for damage runs alongside the reading, and
whose verdict comes before anything read is kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from quizzes.store import FORMAT, Store, StoreError
from tests.quizzes.storehelp import answer, start

PAGE = 4096


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "progress.sqlite3"
    store = Store.open(path)
    run = start(store)
    for n in range(50):
        answer(store, run.id, f"q{n}", n, n % 2 == 0, "x" * 100)
    store.close()
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    return path


def scribble(path: Path, page: int) -> bytes:
    data = bytearray(path.read_bytes())
    data[(page - 1) * PAGE : (page - 1) * PAGE + 16] = b"\xff" * 16
    path.write_bytes(bytes(data))
    return bytes(data)


def index_page(path: Path) -> int:
    """The root page of an index that reading the answers never touches."""
    db = sqlite3.connect(path)
    (page,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'runs_by_set'").fetchone()
    db.close()
    return int(page)


def test_a_whole_file_reads_as_open_does(path: Path):
    with Store.reading(path) as store:
        read = store.runs_with_answers()
    opened = Store.open(path)
    assert read == opened.runs_with_answers()
    opened.close()
    assert [len(answers) for _, answers in read] == [50]


def test_reading_writes_nothing(path: Path):
    wal = path.with_name(path.name + "-wal")
    before = path.read_bytes()
    with Store.reading(path) as store:
        store.runs_with_answers()
        assert not wal.exists() or wal.stat().st_size == 0  # Store.open writes a frame
    assert path.read_bytes() == before


def test_damage_the_reading_never_touched_is_reported_on_leaving(path: Path):
    damaged = scribble(path, index_page(path))
    read = None
    with pytest.raises(StoreError) as caught, Store.reading(path) as store:
        read = store.runs_with_answers()  # a table scan: reads fine
    assert read is not None and len(read[0][1]) == 50  # read, then refused on leaving
    assert "cannot be read" in str(caught.value) and str(path) in str(caught.value)
    assert path.read_bytes() == damaged


def test_damage_the_reading_hits_is_the_stores_error_not_sqlites(path: Path):
    pages = path.stat().st_size // PAGE
    for page in range(2, pages + 1):
        damaged = scribble(path, page)
    with pytest.raises(StoreError) as caught, Store.reading(path) as store:
        store.runs_with_answers()
    assert "left untouched" in str(caught.value)
    assert path.read_bytes() == damaged


def test_a_write_waits_for_the_verdict_and_never_reaches_a_damaged_file(path: Path):
    damaged = scribble(path, index_page(path))
    with pytest.raises(StoreError), Store.reading(path) as store:
        start(store, "another")
    assert path.read_bytes() == damaged


def test_an_older_or_missing_file_opens_as_open_does(path: Path, tmp_path: Path):
    missing = tmp_path / "new" / "progress.sqlite3"
    with Store.reading(missing) as store:
        assert store.runs_with_answers() == []
    db = sqlite3.connect(missing)
    assert db.execute("PRAGMA user_version").fetchone()[0] == FORMAT
    db.close()
    newer = sqlite3.connect(path)
    newer.execute(f"PRAGMA user_version = {FORMAT + 1}")
    newer.commit()
    newer.close()
    with pytest.raises(StoreError, match="newer classbrief"), Store.reading(path):
        pass


def test_a_file_that_is_no_database_is_the_stores_error_and_left_untouched(tmp_path: Path):
    path = tmp_path / "progress.sqlite3"
    junk = b"this is not a database, it is a note I kept\n" * 200
    path.write_bytes(junk)
    with pytest.raises(StoreError, match="cannot be read"), Store.reading(path):
        pass
    assert path.read_bytes() == junk
