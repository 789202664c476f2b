"""Reading and writing the files a user names, safely: standard library only.

Reading takes a regular file's bytes up to a limit, so `/dev/zero` cannot fill memory
and a FIFO cannot block the command. Writing goes through a temporary file renamed into
place (whole or not at all), and only ever replaces a regular file: a device, a FIFO, a
socket or a folder is refused, never turned into a file, and a symbolic link is written
through to the regular file it points at.
"""

from __future__ import annotations

import errno
import os
import stat
from contextlib import suppress
from pathlib import Path

from seeds.errors import SeedsError

# Opening a FIFO for reading waits for a writer unless non-blocking; regular files ignore it.
_OPEN_READ = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
_OPEN_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def kind_of(mode: int) -> str:
    """What a file of this st_mode is, in words: 'a regular file', 'a folder', 'a FIFO'…"""
    if stat.S_ISREG(mode):
        return "a regular file"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


class NotAFile(SeedsError, OSError):
    """The path is a device, a FIFO, a socket or a folder, not a regular file."""

    def __init__(self, path: Path | str, kind: str) -> None:
        self.kind = kind
        super().__init__(errno.EINVAL, f"it is {kind}, not a regular file", str(path))


class TooLarge(SeedsError, OSError):
    """The file holds more than the limit; ``size`` is its size when known."""

    def __init__(self, path: Path | str, limit: int, size: int | None) -> None:
        self.limit, self.size = limit, size
        shown = f"{size / 2**20:.1f} MB" if size is not None else "too large"
        super().__init__(errno.EFBIG, f"it is {shown}, over the {_mb(limit)} limit", str(path))


def _mb(limit: int) -> str:
    return f"{limit // 2**20} MB" if limit >= 2**20 else f"{limit // 1024} KB"


def read_limited(path: Path | str, limit: int) -> bytes:
    """The bytes of the regular file at ``path``, refusing more than ``limit`` of them.

    Raises NotAFile for anything else (IsADirectoryError for a folder), TooLarge past the
    limit (having read at most limit + 1 bytes), or the OSError of the failed read.
    """
    info = os.stat(path)  # refuse a FIFO or a device before it is even opened
    _check_regular(path, info.st_mode)
    fd = os.open(path, _OPEN_READ)
    try:
        info = os.fstat(fd)  # the file opened is the one checked
        _check_regular(path, info.st_mode)
        if info.st_size > limit:
            raise TooLarge(path, limit, info.st_size)
        chunks, left = [], limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:  # grew while read
        raise TooLarge(path, limit, None)
    return data


def _check_regular(path: Path | str, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder, not a file", str(path))
    if not stat.S_ISREG(mode):
        raise NotAFile(path, kind_of(mode))


class CannotWrite(SeedsError):
    """A file that was not written; the message names it, says why and what to do."""


def write_file(
    target: Path, data: bytes, *, shown: str | None = None, folders: bool = False
) -> bool:
    """Write ``data`` to ``target`` whole or not at all; True when a file was replaced.

    A symbolic link is followed to the regular file it names (which is replaced, the link
    kept); anything that is not a regular file is refused. ``folders``: make missing
    folders. Raises CannotWrite with a one-line message naming ``shown`` (or the path).
    """
    name = shown or str(target)
    real = _real_target(target, name)
    existing = _existing_mode(real, name)
    folder = real.parent
    if folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise CannotWrite(f"cannot write {name}: {_reason(err)}") from None
    temp = folder / f".{real.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    try:
        fd = os.open(temp, _OPEN_NEW, 0o666 if existing is None else existing)
        try:
            with os.fdopen(fd, "wb", closefd=False) as stream:
                stream.write(data)
            if existing is not None:
                os.chmod(temp, existing)  # the replaced file's permissions, not the umask's
        finally:
            os.close(fd)
        os.replace(temp, real)
    except OSError as err:
        with suppress(OSError):
            temp.unlink()
        raise CannotWrite(f"cannot write {name}: {_reason(err)}") from None
    return existing is not None


def check_writable(target: Path, *, shown: str | None = None) -> None:
    """Raise CannotWrite now if ``write_file`` would refuse ``target`` (a device, a FIFO,
    a folder, a dangling link): a command writing several files checks them all first."""
    name = shown or str(target)
    _existing_mode(_real_target(target, name), name)


def _real_target(target: Path, name: str) -> Path:
    """The path to replace: ``target``, or the regular file a link at ``target`` names."""
    try:
        if not target.is_symlink():
            return target
        real = target.resolve(strict=True)
    except FileNotFoundError:
        raise CannotWrite(
            f"cannot write {name}: it is a link to {os.readlink(target)}, which does not "
            "exist; name the file itself"
        ) from None
    except (OSError, RuntimeError) as err:  # RuntimeError: a loop of links (Python < 3.13)
        reason = _reason(err) if isinstance(err, OSError) else "a loop of links"
        raise CannotWrite(f"cannot write {name}: {reason}") from None
    return real


def _existing_mode(path: Path, name: str) -> int | None:
    """The permissions of the regular file at ``path``; None when nothing is there."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError as err:
        raise CannotWrite(f"cannot write {name}: {_reason(err)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise CannotWrite(f"cannot write {name}: it is a folder; give a file name")
    if not stat.S_ISREG(info.st_mode):
        raise CannotWrite(
            f"cannot write {name}: it is {kind_of(info.st_mode)}, not a regular file, and "
            "is never replaced; name a file to write"
        )
    return stat.S_IMODE(info.st_mode)


def _reason(err: OSError) -> str:
    return err.strerror or str(err)
