"""The `quiz check` cache: an unchanged tree is answered from it, a changed file never is."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from quizzes.checkcache import cache_folder
from quizzes.cli import main
from tests.conftest import MINI_SET as SET
from tests.conftest import SAMPLE


def check(data, *args):
    return CliRunner().invoke(main, ["--data-dir", str(data), "check", *args])


def test_a_cached_report_is_used_only_while_nothing_changed(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(SAMPLE / "mini", data / "packs" / "mini")
    mine = data / "sets" / "mine.yaml"
    mine.parent.mkdir(parents=True)
    mine.write_text(SET, encoding="utf-8")
    first = check(data)
    assert first.exit_code == 0, first.output
    assert len(list(cache_folder(data).glob("*.json"))) == 1
    # A second run is answered from the cache: prove it by making a real check impossible.
    import quizzes.checking

    monkeypatch.setattr(quizzes.checking, "run_check", None)
    again = check(data)
    assert again.exit_code == 0 and again.output == first.output
    monkeypatch.undo()
    # Edit the set: the cache is stale and the new error is reported.
    mine.write_text(SET.replace("fact: officers", "fact: nobody"), encoding="utf-8")
    edited = check(data)
    assert edited.exit_code == 1 and "unknown fact 'nobody'" in edited.output
    # Edit the pack the set draws on, and an option: each is a new key too.
    pack = data / "packs" / "mini" / "pack.yaml"
    pack.write_text(
        pack.read_text(encoding="utf-8").replace("value: 300", "value: lots"), encoding="utf-8"
    )
    assert "'value' must be a number" in check(data).output
    assert len(list(cache_folder(data).glob("*.json"))) == 3
    assert check(data, "--strict").exit_code == 1


def test_a_broken_or_missing_cache_is_ignored(tmp_path):
    data = tmp_path / "data"
    assert check(data).exit_code == 0
    for entry in cache_folder(data).glob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert check(data).exit_code == 0
    shutil.rmtree(cache_folder(data))
    assert check(data).exit_code == 0
    cache_folder(data).parent.chmod(0o500)  # an unwritable cache is skipped, not an error
    try:
        assert check(data).exit_code == 0
    finally:
        cache_folder(data).parent.chmod(0o700)
