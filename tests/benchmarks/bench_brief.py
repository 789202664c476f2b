"""The brief: composing, rendering in-process and a whole `brief build` process, each beside
its bare reportlab twin (tests/benchmarks/twins/pdf.py), the file's size; and the class
handouts: 30 variants of a set, each a student sheet and an answer key."""

from __future__ import annotations

import cProfile
import tempfile
from pathlib import Path

from briefing.compose import compose_brief
from quizzes.sets import BUNDLED_SETS, load_set
from seeds.packs import BUNDLED_PACKS, load_pack
from tests.benchmarks import profiled
from tests.benchmarks.processes import installed_env
from tests.benchmarks.twinned import BIN, process, ratio_row, twin_script
from tests.benchmarks.twins import pdf as twin

PACK = BUNDLED_PACKS / "gsi-training-2023" / "pack.yaml"
HANDOUT_SET = BUNDLED_SETS / "gsi-training-2023" / "timeline.yaml"  # 14 questions, 7 types


def cases():
    loaded, problems = load_pack(PACK)
    assert loaded is not None, problems
    pack = loaded.pack
    out = Path(tempfile.mkdtemp(prefix="classbrief-bench-")) / "brief.pdf"

    def compose_and_render() -> None:
        from briefing.render import render_brief

        render_brief(compose_brief(pack))

    env = installed_env(CLASSBRIEF_DATA_DIR=str(out.parent / "data"))
    build_process = process([str(BIN / "brief"), "build", "gsi-training-2023", "-o", str(out)], env)
    twin_process = process(twin_script("pdf", str(out.with_name("twin.pdf"))), env)

    def own_share() -> dict:
        """The part of compose+render spent in this project's code (a warm run: the
        first also loads parts of reportlab)."""
        compose_and_render()
        profile = cProfile.Profile()
        profile.runcall(compose_and_render)
        return profiled.own_share(profile)

    def pdf_size() -> dict:
        from briefing.render import render_brief

        return {"value": len(render_brief(compose_brief(pack)).pdf) / 1024, "unit": "KB"}

    loaded_set, problems = load_set(HANDOUT_SET, {pack.id: loaded})
    assert loaded_set is not None, problems

    def handouts_30() -> None:
        """What `brief handouts SET --variants 30` does, bar writing the 60 files."""
        from briefing.handouts import compose_handouts
        from briefing.sheets import render_handouts

        handout = compose_handouts(loaded_set.qset, pack, variants=30, seed=1)
        assert len(list(render_handouts(handout))) == 60

    return [
        ("brief compose (pure data)", lambda: compose_brief(pack), None),
        (
            "brief compose+render in-process / bare reportlab document",
            ratio_row(compose_and_render, twin.build, 1.25, runs=9),
            None,
        ),
        ("  of which in this project's code (the rest: reportlab, Python)", own_share, None),
        (
            "brief build process / bare reportlab script",
            ratio_row(build_process, twin_process, 1.05),
            None,
        ),
        ("brief PDF size", pdf_size, None),
        ("30 variants with keys", handouts_30, 3.0),
    ]
