"""Damaged copies of every bundled and test pack, through the loader, `quiz check` and
`quiz list` (which also makes each pack's automatic set): located problems or success,
never a traceback or a hang."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from quizzes.cli import main as quiz
from tests.fuzz.conftest import LIMIT, invoke, write
from tests.fuzz.filedamage import damaged_yaml
from tests.fuzz.mutations import examples, files
from tests.timelimit import time_limit

PACKS = files(
    "seeds/packs/*/pack.yaml",
    "tests/packs/*/pack.yaml",
    "tests/sample/*/pack.yaml",
    "tests/tui/sample/packs/*/pack.yaml",
    "tests/quizzes/export/sample/*/pack.yaml",
)


@settings(
    max_examples=examples(300),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=st.data())
def test_damaged_packs(fuzz_data: Path, data: st.DataObject) -> None:
    from seeds.packs import check_pack_file

    source = data.draw(st.sampled_from(PACKS), label="source")
    raw = data.draw(damaged_yaml(source), label="bytes")
    folder = fuzz_data / "packs" / source.parent.name
    path = write(folder / "pack.yaml", raw)
    if (source.parent / "article.txt").is_file():
        write(folder / "article.txt", (source.parent / "article.txt").read_bytes())
    try:
        with time_limit(LIMIT):
            checked = check_pack_file(path)
        assert checked.loaded is not None or any(p.is_error for p in checked.problems)
        event("pack loaded" if checked.loaded is not None else "pack refused with located errors")
        result = invoke(quiz, "--data-dir", str(fuzz_data), "check", str(folder))
        assert result.exit_code in (0, 1), result.output
        listed = invoke(quiz, "--data-dir", str(fuzz_data), "list")
        assert listed.exit_code == 0, listed.output
    finally:
        for name in ("pack.yaml", "article.txt"):
            (folder / name).unlink(missing_ok=True)
