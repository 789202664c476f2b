"""The one reader and writer of files a user names: at most a limit of a regular file's
bytes; written whole, through a link, never replacing what is not a regular file."""

from __future__ import annotations

import os
import stat
import threading
import time
from pathlib import Path

import pytest

from seeds.userfiles import CannotWrite, NotAFile, TooLarge, read_limited, write_file


def test_a_new_file_is_written_and_a_regular_one_replaced(tmp_path):
    target = tmp_path / "out.txt"
    assert write_file(target, b"one") is False
    target.chmod(0o640)
    assert write_file(target, b"two") is True
    assert target.read_bytes() == b"two"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the replaced file's permissions
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary file left


def test_a_link_is_written_through_and_kept(tmp_path):
    real, link = tmp_path / "real.txt", tmp_path / "link.txt"
    real.write_bytes(b"old")
    link.symlink_to(real.name)
    assert write_file(link, b"new") is True
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_a_dangling_link_or_a_loop_is_refused(tmp_path):
    (tmp_path / "dangling").symlink_to("nowhere")
    with pytest.raises(CannotWrite, match="a link to nowhere, which does not exist"):
        write_file(tmp_path / "dangling", b"x")
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(CannotWrite):
        write_file(tmp_path / "a", b"x")
    assert not (tmp_path / "nowhere").exists()


def special_files(tmp_path: Path) -> dict[str, Path]:
    """A FIFO, a folder and a character device (where this user may make one)."""
    made = {"FIFO": tmp_path / "fifo", "folder": tmp_path / "folder"}
    os.mkfifo(made["FIFO"])
    made["folder"].mkdir()
    try:
        os.mknod(tmp_path / "null", 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        made["device"] = tmp_path / "null"
    except (OSError, AttributeError):
        pass
    return made


def test_what_is_not_a_regular_file_is_never_replaced(tmp_path):
    made = special_files(tmp_path)
    assert {"FIFO", "folder"} <= made.keys()
    for kind, path in made.items():
        before = path.lstat().st_mode
        with pytest.raises(CannotWrite, match=kind) as refused:
            write_file(path, b"x", shown="OUT")
        assert str(refused.value).startswith("cannot write OUT: it is ")
        assert path.lstat().st_mode == before, kind
        link = tmp_path / f"link-to-{path.name}"
        link.symlink_to(path)
        with pytest.raises(CannotWrite, match=kind):
            write_file(link, b"x")
        assert path.lstat().st_mode == before and link.is_symlink(), kind


def test_a_failed_write_names_the_file_and_leaves_nothing(tmp_path):
    with pytest.raises(CannotWrite, match=r"^cannot write .*b\.txt: No such file"):
        write_file(tmp_path / "missing" / "b.txt", b"x")
    write_file(tmp_path / "made" / "b.txt", b"x", folders=True)
    assert (tmp_path / "made" / "b.txt").read_bytes() == b"x"


def test_reading_stops_at_the_limit(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert read_limited(path, 100) == b"x" * 100
    with pytest.raises(TooLarge) as err:
        read_limited(path, 99)
    assert err.value.size == 100 and "over the 0 KB limit" in err.value.strerror


def test_reading_refuses_devices_fifos_and_folders_without_blocking(tmp_path):
    made = special_files(tmp_path)
    assert {"FIFO", "folder"} <= made.keys()
    for kind, path in made.items():
        with pytest.raises(OSError) as err:
            read_limited(path, 10)
        assert isinstance(err.value, NotAFile | IsADirectoryError)
        assert kind in str(err.value)
    with pytest.raises(NotAFile, match="device"):
        read_limited(Path("/dev/zero"), 10)


def test_a_fifo_with_a_writer_is_refused_at_once(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    def writer() -> None:
        try:
            with open(fifo, "wb") as stream:  # blocks until a reader opens the FIFO
                stream.write(b"x" * 10)
        except OSError:
            pass

    threading.Thread(target=writer, daemon=True).start()
    start = time.monotonic()
    with pytest.raises(NotAFile):
        read_limited(fifo, 10)
    assert time.monotonic() - start < 2
    os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))  # lets the writer thread finish
