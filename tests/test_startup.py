"""Commands start with the garbage collector off; the quiz app turns it on once drawn."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PROBE = """
import gc, sys, types
probe = types.ModuleType("probe")
probe.main = lambda: print("during", gc.isenabled())
sys.modules["probe"] = probe
from seeds.startup import run_command, settled
run_command("probe")
print("after", gc.isenabled(), gc.get_freeze_count() > 0)
settled()
print("settled", gc.isenabled())
"""


def test_a_command_runs_without_collection_and_freezes_before_exit():
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert done.stdout.split("\n")[:3] == ["during False", "after False True", "settled True"]


async def test_the_quiz_app_collects_garbage_again_once_drawn(tmp_path):
    from quizzes.tui.app import make_app

    gc.disable()  # as `quiz` starts
    try:
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


def _plugin_site(tmp_path: Path) -> tuple[Path, Path]:
    """A folder holding an installed distribution with a pydantic plugin that leaves a
    mark when it is loaded; and where the mark goes."""
    site = tmp_path / "site"
    info = site / "markplugin-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: markplugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[pydantic]\nmark = markplugin:plugin\n")
    mark = tmp_path / "loaded"
    (site / "markplugin.py").write_text(
        f"from pathlib import Path\nPath({str(mark)!r}).touch()\n"
        "class Plugin:\n"
        "    def new_schema_validator(self, *args, **kwargs):\n"
        "        return None, None, None\n"
        "plugin = Plugin()\n"
    )
    return site, mark


def _check(data: Path, site: Path, **env: str) -> None:
    """`quiz check` with nothing cached: every file is validated."""
    import os

    subprocess.run(
        [sys.executable, "-m", "quizzes", "--data-dir", str(data), "check"],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(site), **env},
        capture_output=True,
        check=True,
    )


def test_commands_load_no_pydantic_plugin_unless_the_environment_names_some(tmp_path):
    site, mark = _plugin_site(tmp_path)
    _check(tmp_path / "a", site)
    assert not mark.exists()
    _check(tmp_path / "b", site, PYDANTIC_DISABLE_PLUGINS="other")  # the user's own choice stands
    assert mark.exists()
