"""An actor id that is a list or a mapping (found by the fuzzer): located errors, not a
TypeError in the checks that index actors by id."""

from __future__ import annotations

import shutil

import pytest

from seeds.packs import check_pack_file
from tests.conftest import TEST_PACKS


@pytest.mark.parametrize("odd", ["[noaa]", "{a: noaa}"])
def test_an_actor_id_that_is_not_text(tmp_path, odd):
    folder = tmp_path / "storm-outlook"
    shutil.copytree(TEST_PACKS / "storm-outlook", folder)
    path = folder / "pack.yaml"
    text = path.read_text(encoding="utf-8")
    assert "  - id: noaa\n" in text
    path.write_text(text.replace("  - id: noaa\n", f"  - id: {odd}\n", 1), encoding="utf-8")
    checked = check_pack_file(path)
    assert checked.loaded is None
    assert any("'id' must be text" in p.message for p in checked.problems), checked.problems
