"""A throwaway PostgreSQL server for the tests: Debian's `postgresql` binaries, a new
cluster in a temporary folder, listening on a Unix socket there and a free port on
127.0.0.1, stopped and removed afterwards. PostgreSQL refuses to run as root, so as root
the cluster belongs to the `postgres` user the package makes.

Skipped when PostgreSQL is not installed, except under CI=true, where it fails: `.ci/run`
installs it.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def _bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def postgres_server() -> Iterator[str]:
    """A running server; yields its URL (postgresql://…)."""
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL is not installed; .ci/run installs it with apt-get")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")
    folder = Path(tempfile.mkdtemp(prefix="classbrief-pg-"))
    folder.chmod(0o755)
    cluster, sockets = folder / "cluster", folder / "sockets"
    sockets.mkdir()
    prefix: list[str] = []
    if os.geteuid() == 0:
        import pwd

        owner = pwd.getpwnam("postgres")
        os.chown(folder, owner.pw_uid, owner.pw_gid)
        os.chown(sockets, owner.pw_uid, owner.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    user = "postgres" if prefix else None
    port = _free_port()

    def run(*argv: str) -> None:
        done = subprocess.run([*prefix, *argv], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise AssertionError(f"{argv[0]} failed:\n{done.stdout}\n{done.stderr}")

    run(
        initdb,
        "-D",
        str(cluster),
        "-A",
        "trust",
        "-E",
        "UTF8",
        "--no-locale",
        "-U",
        user or "classbrief",
    )
    options = (
        f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=on "
        "-c max_connections=200 -c shared_buffers=64MB"
    )
    run(
        pg_ctl,
        "-D",
        str(cluster),
        "-o",
        options,
        "-l",
        str(folder / "server.log"),
        "-w",
        "-t",
        "60",
        "start",
    )
    try:
        yield f"postgresql://{user or 'classbrief'}@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*prefix, pg_ctl, "-D", str(cluster), "-m", "immediate", "-w", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(folder, ignore_errors=True)


def fresh_database(url: str, name: str) -> str:
    """A new empty database on the server at ``url``; its URL."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + "/" + name
