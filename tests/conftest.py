"""Shared fixtures: the bundled pack, a tiny test pack and article, isolated user data."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from seeds.packs import BUNDLED_PACKS, load_pack
from tests.notraceback import _no_traceback_reaches_a_user  # noqa: F401 (autouse)

HERE = Path(__file__).parent
SAMPLE = HERE / "sample"
TEST_PACKS = HERE / "packs"  # packs of shapes unlike the bundled one
# A one-question set on the sample pack "mini", for tests of the caches.
MINI_SET = """\
id: mine
title: Mine
pack: mini
questions:
  - id: q
    type: truefalse
    prompt: Freedonia offered training.
    fact: officers
    answer: true
"""
SEED_ARTICLE = HERE.parent.parent / "shared" / "seeds" / "000_9147dd273ece69a7.txt"


@pytest.fixture(autouse=True)
def _isolated_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No test reads or writes the real user data folder."""
    monkeypatch.setenv("CLASSBRIEF_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))
    monkeypatch.delenv("CLASSBRIEF_DATABASE", raising=False)


@pytest.fixture(scope="session")
def postgres() -> Iterator[str]:
    """A throwaway PostgreSQL server for the whole run (see tests/postgres.py); its URL."""
    from tests.postgres import postgres_server

    with postgres_server() as url:
        yield url


_databases = itertools.count()


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Where a new progress database goes, for each store: a SQLite file, and a new
    database on the throwaway PostgreSQL server."""
    if request.param == "sqlite":
        return tmp_path / "deep" / "progress.sqlite3"
    from tests.postgres import fresh_database

    return fresh_database(request.getfixturevalue("postgres"), f"store_{next(_databases)}")


@pytest.fixture(scope="session")
def gsi():
    loaded, problems = load_pack(BUNDLED_PACKS / "gsi-training-2023" / "pack.yaml")
    assert loaded is not None, problems
    return loaded


@pytest.fixture(scope="session")
def mini():
    loaded, problems = load_pack(SAMPLE / "mini" / "pack.yaml")
    assert loaded is not None, problems
    return loaded


@pytest.fixture
def seed_article() -> Path:
    """The seed article from ../shared: skipped where it is absent, except in CI (CI=true),
    where a missing article must fail the run rather than pass it unverified."""
    if not SEED_ARTICLE.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"the seed article {SEED_ARTICLE} is missing; CI needs ../shared to "
                "verify the bundled quotes"
            )
        pytest.skip("the seed article is not beside the repo")
    return SEED_ARTICLE
