"""Running `quiz` and `brief` as another user (65534), for what permissions do to them.

Tests run as root in CI, where permissions stop nothing; these helpers drop to user 65534
with `setpriv`. That user must be able to run a Python with this project's libraries: the
test's own interpreter, or (when that lives in root's home) the system's Python of the same
version with the virtual environment's libraries on its path.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

NOBODY = 65534
REPO = Path(__file__).parents[1]


def _drop() -> list[str]:
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]


def _path() -> str:
    return os.pathsep.join([str(REPO), sysconfig.get_paths()["purelib"]])


@functools.cache
def nobody_python() -> str | None:
    """A Python that user 65534 can run with this project importable; None if there is none."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or shutil.which("setpriv") is None:
        return None
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    for python in (sys.executable, f"/usr/bin/python{version}", f"/usr/local/bin/python{version}"):
        if not Path(python).is_file():
            continue
        probe = subprocess.run(
            [*_drop(), python, "-c", "import quizzes.cli, briefing.cli, reportlab, textual"],
            cwd="/",
            capture_output=True,
            check=False,
            env={**os.environ, "PYTHONPATH": _path()},
        )
        if probe.returncode == 0:
            return python
    return None


needs_nobody = pytest.mark.skipif(
    nobody_python() is None,
    reason="needs root, setpriv and a Python that user 65534 can run",
)


def run_as_nobody(
    module: str, *args: str, home: Path | str = "/nonexistent", cwd: Path | str = "/"
) -> subprocess.CompletedProcess[str]:
    """`python -m module args` as user 65534, with HOME set to ``home``."""
    python = nobody_python()
    assert python is not None
    env = {
        **os.environ,
        "PYTHONPATH": _path(),
        "NO_COLOR": "1",
        "HOME": str(home),
        "CLASSBRIEF_DATA_DIR": "",
        "XDG_DATA_HOME": "",
        "XDG_CACHE_HOME": "",
    }
    return subprocess.run(
        [*_drop(), python, "-m", module, *args],
        cwd=str(cwd),
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )


def shared_folder(base: Path | None = None) -> Path:
    """A folder user 65534 can reach (pytest's own tmp is private to root)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="classbrief-user-", dir=base))
    folder.chmod(0o755)
    return folder
