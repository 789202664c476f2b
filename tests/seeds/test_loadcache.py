"""The cache of validated packs and sets: used only while nothing it depends on changed,
never trusted when stale, damaged or writable by others, and it spares the validators."""

from __future__ import annotations

import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import seeds.loadcache
import seeds.packs
from quizzes.catalog import Catalog
from seeds.problems import ProblemsFound
from tests.conftest import MINI_SET as SET
from tests.conftest import SAMPLE

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(SAMPLE / "mini", root / "packs" / "mini")
    (root / "sets").mkdir()
    (root / "sets" / "mine.yaml").write_text(SET, encoding="utf-8")
    return root


def entries(root: Path) -> list[Path]:
    return sorted((root / "cache" / "load").glob("*.pickle"))


def test_unchanged_files_load_without_pydantic_or_yaml(data: Path):
    probe = (
        "import sys; from pathlib import Path; from quizzes.catalog import Catalog; "
        f"c = Catalog.load(Path({str(data)!r})); s = c.find_set('mine'); "
        "a = c.find_set('mini-auto'); "
        "print(s.qset.questions[0].id, len(a.qset.questions) > 0, "
        "c.pack_for(s).doc.locate(('figures', 0)), "
        "sorted(m for m in ('pydantic', 'yaml') if m in sys.modules))"
    )

    def run() -> str:
        done = subprocess.run(
            [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    first = run()
    assert first.endswith("['pydantic', 'yaml']"), first  # read and validated
    again = run()
    assert again.endswith("[]"), again  # from the cache: neither library was imported
    assert again.removesuffix("[]") == first.removesuffix("['pydantic', 'yaml']")
    # One entry a file or generated set: 2 packs, 4 bundled sets, mine, 2 automatic sets.
    assert len(entries(data)) == 9


def test_a_changed_file_is_always_read_again(data: Path):
    assert Catalog.load(data).find_set("mine").qset.questions[0].fact == "officers"
    mine = data / "sets" / "mine.yaml"
    mine.write_text(SET.replace("fact: officers", "fact: nobody"), encoding="utf-8")
    with pytest.raises(ProblemsFound, match="unknown fact 'nobody'"):
        Catalog.load(data).find_set(str(mine))
    mine.write_text(SET, encoding="utf-8")
    assert Catalog.load(data).find_set("mine").qset.id == "mine"
    # Edit the pack: the set is checked again against the new pack, and the automatic
    # set is generated again from it.
    pack = data / "packs" / "mini" / "pack.yaml"
    text = pack.read_text(encoding="utf-8")
    assert "value: 300" in text
    pack.write_text(text.replace("value: 300", "value: 450"), encoding="utf-8")
    auto = Catalog.load(data).find_set("mini-auto").qset
    assert any(getattr(q, "answer", None) == 450 for q in auto.questions)
    pack.write_text(text.replace("id: officers", "id: staff"), encoding="utf-8")
    with pytest.raises(ProblemsFound, match="unknown fact 'officers'"):
        Catalog.load(data).find_set(str(mine))
    # And the article beside the pack: its quotes are verified against the new text.
    pack.write_text(text, encoding="utf-8")
    article = data / "packs" / "mini" / "article.txt"
    assert Catalog.load(data).packs["mini"]
    article.write_text("Nothing that the pack quotes.\n", encoding="utf-8")
    catalog = Catalog.load(data)
    assert "mini" not in catalog.packs
    assert any("quote not found" in p.message for p in catalog.failed["mini"])


def test_new_code_or_libraries_make_every_entry_stale(data: Path, monkeypatch):
    calls: list[Path] = []
    real = seeds.packs._check_pack_file

    def counted(path, *args):
        calls.append(path)
        return real(path, *args)

    monkeypatch.setattr(seeds.packs, "_check_pack_file", counted)
    Catalog.load(data)
    Catalog.load(data)
    assert len(calls) == 2  # the bundled pack and mini, read once
    monkeypatch.setattr(seeds.loadcache, "code_version", lambda: "another version")
    Catalog.load(data)
    assert len(calls) == 4


def test_a_damaged_entry_is_rebuilt_and_an_unwritable_cache_skipped(data: Path):
    Catalog.load(data).find_set("mine")
    for entry in entries(data):
        entry.write_bytes(b"\x80\x05not a pickle")
    assert Catalog.load(data).find_set("mine").qset.id == "mine"
    cache = data / "cache" / "load"
    shutil.rmtree(cache)
    cache.parent.chmod(0o500)
    try:
        assert Catalog.load(data).find_set("mine").qset.id == "mine"
    finally:
        cache.parent.chmod(0o700)


def test_entries_others_could_have_written_are_never_loaded(data: Path):
    """A pickle can run code, so only a folder the user alone can write is trusted."""
    Catalog.load(data).find_set("mine")
    planted = pickle.dumps(ValueError("planted"))
    for entry in entries(data):
        entry.write_bytes(planted)
    cache = data / "cache" / "load"
    cache.chmod(0o777)
    try:
        assert Catalog.load(data).find_set("mine").qset.id == "mine"
    finally:
        cache.chmod(0o700)
    for entry in entries(data):
        entry.write_bytes(planted)
    # The same entries in a private folder are loaded: the check above is what refused them.
    with pytest.raises((AttributeError, TypeError)):
        Catalog.load(data).find_set("mine")


def test_the_code_version_covers_python_and_the_libraries(monkeypatch):
    seeds.loadcache.code_version.cache_clear()
    ours = seeds.loadcache.code_version()
    monkeypatch.setattr(seeds.loadcache.sys, "version", "3.99.0 (another build)")
    seeds.loadcache.code_version.cache_clear()
    other_python = seeds.loadcache.code_version()
    monkeypatch.undo()
    monkeypatch.setattr(seeds.loadcache, "LIBRARIES", ("pydantic", "pydantic_core", "json"))
    seeds.loadcache.code_version.cache_clear()
    other_library = seeds.loadcache.code_version()
    monkeypatch.undo()
    seeds.loadcache.code_version.cache_clear()
    assert len({ours, other_python, other_library}) == 3
    assert seeds.loadcache.code_version() == ours


def test_the_code_version_follows_every_source_file_however_deep(monkeypatch, tmp_path):
    """Any .py file's size or time changes the version, in any subfolder; other files do
    not, and neither does anything in __pycache__."""
    code = tmp_path / "code"
    deep = code / "a" / "b"
    cached = code / "a" / "__pycache__"
    deep.mkdir(parents=True)
    cached.mkdir()
    (code / "top.py").write_text("x = 1\n")
    (deep / "inner.py").write_text("y = 2\n")
    (code / "notes.yaml").write_text("a: 1\n")
    (cached / "stale.py").write_text("z = 3\n")
    monkeypatch.setattr(seeds.loadcache, "CODE", (code,))

    def version() -> str:
        seeds.loadcache.code_version.cache_clear()
        return seeds.loadcache.code_version()

    try:
        first = version()
        (code / "notes.yaml").write_text("a: 22\n")
        (cached / "stale.py").write_text("z = 33\n")
        assert version() == first
        (deep / "inner.py").write_text("y = 22\n")
        second = version()
        assert second != first
        (deep / "new.py").write_text("")
        assert version() != second
    finally:
        seeds.loadcache.code_version.cache_clear()
