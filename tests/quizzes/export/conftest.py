"""Sets to export: a hostile set on a hostile pack, and every bundled set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizzes.catalog import Catalog
from quizzes.export import SetToExport
from quizzes.sets import load_set
from seeds.packs import load_pack

SAMPLE = Path(__file__).parent / "sample"


def need(condition: bool, why: str) -> None:
    """Skip a check whose independent reader is missing here; in CI that is a failure."""
    if not condition:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{why} (make test installs it)")
        pytest.skip(f"{why}; run `make test` to install it")


@pytest.fixture(scope="session")
def hostile_pack():
    loaded, problems = load_pack(SAMPLE / "hostile" / "pack.yaml")
    assert loaded is not None, problems
    return loaded


@pytest.fixture(scope="session")
def hostile(hostile_pack) -> SetToExport:
    loaded, problems = load_set(SAMPLE / "hostile-set.yaml", {"hostile": hostile_pack})
    assert loaded is not None, problems
    return SetToExport(loaded.qset, hostile_pack.pack)


@pytest.fixture(scope="session")
def bundled(tmp_path_factory) -> list[SetToExport]:
    """Every bundled set and the bundled pack's automatic set."""
    catalog = Catalog.load(tmp_path_factory.mktemp("catalog"))
    return [SetToExport(s.qset, catalog.pack_for(s).pack) for s in catalog.sets]
