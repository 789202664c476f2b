"""The brief: composing, rendering in-process, a whole `brief build` process, the file's size."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from briefing.compose import compose_brief
from seeds.packs import BUNDLED_PACKS, load_pack

PACK = BUNDLED_PACKS / "gsi-training-2023" / "pack.yaml"


def cases():
    loaded, problems = load_pack(PACK)
    assert loaded is not None, problems
    pack = loaded.pack
    out = Path(tempfile.mkdtemp(prefix="classbrief-bench-")) / "brief.pdf"

    def compose_and_render() -> None:
        from briefing.render import render_brief

        render_brief(compose_brief(pack))

    def build_process() -> None:
        subprocess.run([sys.executable, "-m", "briefing", "build", "-o", str(out)], check=True,
                       capture_output=True)

    def pdf_size() -> dict:
        from briefing.render import render_brief

        return {"value": len(render_brief(compose_brief(pack)).pdf) / 1024, "unit": "KB"}

    return [
        ("brief compose (pure data)", lambda: compose_brief(pack), None),
        ("brief compose+render in-process", compose_and_render, 0.060),
        ("brief build process", build_process, 0.6),
        ("brief PDF size", pdf_size, None),
    ]
