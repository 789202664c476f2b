"""A cache of `quiz check` reports, so an unchanged tree is checked in a blink.

The key is a hash of everything the report depends on: the bytes of every file under the
folders checked and the pack folders sets are checked against, the article given, the
options, the working folder (paths are printed relative to it) and the code itself
(`seeds.loadcache.code_version`). Any change gives a new key, so a stale
report is never used. Entries live under `<data>/cache/check/`; deleting them is safe.
Standard library only: a cache hit loads no validation library.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import asdict
from pathlib import Path

from seeds.frozen import record
from seeds.loadcache import KEYED_BYTES, code_version
from seeds.userfiles import read_limited

FORMAT = 1


@record
class CachedReport:
    lines: list[str]
    summary: str
    failed: bool
    failed_strict: bool


def cache_folder(root: Path) -> Path:
    return root / "cache" / "check"


def report_key(inputs: Iterable[Path], options: dict[str, object]) -> str | None:
    """The hash of the inputs, options and code; None when some input cannot be read (then
    nothing is cached: the checker reports the problem)."""
    digest = hashlib.sha256(
        json.dumps(
            {"format": FORMAT, "cwd": os.getcwd(), **options}, sort_keys=True, default=str
        ).encode()
    )
    try:
        digest.update(code_version().encode())
        for path in sorted({p for base in inputs for p in _files(base)}):
            digest.update(f"{path}\n".encode())
            if path.exists() or path.is_symlink():  # a FIFO or a device: no key
                digest.update(hashlib.sha256(read_limited(path, KEYED_BYTES)).digest())
    except (OSError, RuntimeError, ValueError):
        return None
    return digest.hexdigest()


def _files(base: Path) -> list[Path]:
    if base.is_file():
        return [base.resolve()]
    if not base.is_dir():
        return [base]  # absent: its absence is part of the key
    return [p.resolve() for p in base.rglob("*") if p.is_file() or p.is_symlink()]


def load(root: Path, key: str) -> CachedReport | None:
    try:
        data = json.loads((cache_folder(root) / f"{key}.json").read_text(encoding="utf-8"))
        return CachedReport(**data)
    except (OSError, ValueError, TypeError):
        return None


def store(root: Path, key: str, report: CachedReport) -> None:
    """Write the entry via a temporary file; a cache that cannot be written is skipped."""
    folder = cache_folder(root)
    temp = folder / f".{key}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        temp.write_text(json.dumps(asdict(report)), encoding="utf-8")
        os.replace(temp, folder / f"{key}.json")
    except OSError:
        with suppress(OSError):  # the folder may refuse the clean-up too
            temp.unlink(missing_ok=True)
