"""Shared fixtures: the bundled pack, a tiny test pack and article, isolated user data."""

from __future__ import annotations

import os
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
