"""A cache of validated files, so an unchanged pack or set loads without the validators.

Reading a pack or a set means parsing YAML and validating it with pydantic: about a
quarter of a second a process before anything else happens. Each result (the pack or
set, or the problems that stopped it) is kept here under a key that hashes everything
it depends on: the files' bytes, the options, the working folder (paths in messages are
relative to it), Python and library versions and the code itself (every source file's
size and modification time). Any change gives a new key, so a stale entry is never
used; a changed file is always read and validated again.

Entries are pickles, so they are trusted only in a folder that the user alone owns and
can write (made with mode 0700); anything else, and any entry that fails to load, is
ignored and rebuilt. Deleting the folder is always safe. Standard library only.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import stat
import sys
from collections.abc import Callable
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import TypeVar

from seeds.userfiles import read_limited

T = TypeVar("T")
FORMAT = 1
# The code whose output is cached, and the libraries whose behaviour it depends on.
CODE = (Path(__file__).parent, Path(__file__).parent.parent / "quizzes")
LIBRARIES = ("pydantic", "pydantic_core", "yaml")
KEYED_BYTES = 64 * 2**20  # far past any pack or set; a larger file is read anew each time


@cache
def code_version() -> str:
    """A hash of the source files' names, sizes and times, and of the library versions."""
    digest = hashlib.sha256(f"{FORMAT}:{sys.version}\n".encode())
    for source in sorted(_sources()):
        info = os.stat(source)
        digest.update(f"{source}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    for name in LIBRARIES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin:
            info = Path(spec.origin).stat()
            digest.update(f"{spec.origin}:{info.st_size}:{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _sources() -> list[str]:
    """The code's source files. os.walk, not Path.rglob: every command pays for this, and
    rglob took four to ten times as long (1.5-5 ms)."""
    found = []
    for folder in CODE:
        for top, folders, files in os.walk(folder):
            folders[:] = [name for name in folders if name != "__pycache__"]
            found += [os.path.join(top, name) for name in files if name.endswith(".py")]
    return found


class LoadCache:
    """Entries under ``folder``, one a name (a newer entry replaces the older one)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def key(self, *parts: str | Path) -> str | None:
        """The hash of the parts, the working folder and the code. A Path part stands for
        its file's bytes (or its absence); None when a file cannot be read, and then
        nothing is cached: the loader reports the problem."""
        try:
            digest = hashlib.sha256(f"{code_version()}\n{os.getcwd()}\n".encode())
            for part in parts:
                if isinstance(part, Path):
                    digest.update(f"file {part.absolute()}\n".encode())
                    if part.exists() or part.is_symlink():  # a FIFO or a device: no key
                        digest.update(hashlib.sha256(read_limited(part, KEYED_BYTES)).digest())
                    else:
                        digest.update(b"absent")
                else:
                    digest.update(f"text {len(part)}:{part}\n".encode())
        except (OSError, RuntimeError, ValueError):
            return None
        return digest.hexdigest()

    def get(self, name: str, key: str | None, make: Callable[[], T]) -> T:
        """The entry ``name`` stored under ``key``, else ``make()``, stored for next time."""
        if key is None:
            return make()
        label = hashlib.sha256(name.encode()).hexdigest()[:16]
        entry = self.folder / f"{label}-{key[:40]}.pickle"
        if self._trusted(entry):
            try:
                with entry.open("rb") as file:
                    value: T = pickle.load(file)
                    return value
            except Exception:  # a damaged or outdated entry is rebuilt
                pass
        made = make()
        self._store(label, entry, made)
        return made

    def _trusted(self, entry: Path) -> bool:
        """Only the user can have written the folder and the entry."""
        try:
            for path in (self.folder, entry):
                info = path.lstat()
                mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
                if not mine or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                    return False
                if path is entry and not stat.S_ISREG(info.st_mode):
                    return False
        except OSError:
            return False
        return True

    def _store(self, label: str, entry: Path, value: object) -> None:
        temp = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            for older in self.folder.glob(f"{label}-*.pickle"):
                older.unlink(missing_ok=True)
            with temp.open("wb") as file:
                pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, entry)
        except (OSError, pickle.PicklingError, RecursionError, TypeError, AttributeError):
            # An unwritable cache (another user's folder, after `sudo quiz`) is simply not
            # used; clearing up may fail for the same reason, and that is no error either.
            with suppress(OSError):
                temp.unlink(missing_ok=True)
