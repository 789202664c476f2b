"""Font metrics come from a cache after the first build, and the PDF is the same byte for
byte as one built from fonts read afresh."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BUILD = """
import sys
from pathlib import Path
import datetime as dt
from briefing import fonts
from briefing.compose import compose_brief
from briefing.render import render_brief
from seeds.paths import cache as data_cache
from seeds.packs import BUNDLED_PACKS, load_pack

cache = data_cache(Path(sys.argv[1]), "fonts") if sys.argv[1] != "-" else None
if sys.argv[2:] == ["no-parsing"]:  # prove the metrics come from the cache
    from reportlab.pdfbase import ttfonts

    def refuse(*args, **kwargs):
        raise AssertionError("a font file was parsed")

    ttfonts.TTFontFile.extractInfo = refuse
fonts.load_fonts(cache)
loaded, _ = load_pack(BUNDLED_PACKS / "gsi-training-2023" / "pack.yaml")
sys.stdout.buffer.write(render_brief(compose_brief(loaded.pack, dt.date(2024, 1, 2))).pdf)
"""


def build(data: str, *options: str) -> bytes:
    done = subprocess.run(
        [sys.executable, "-c", BUILD, data, *options], cwd=REPO, capture_output=True, check=True
    )
    return done.stdout


def entries(data: Path) -> list[Path]:
    return sorted((data / "cache" / "fonts").glob("*.pickle"))


def test_cached_metrics_give_the_same_pdf_as_fonts_read_afresh(tmp_path):
    fresh = build("-")
    assert fresh.startswith(b"%PDF")
    first = build(str(tmp_path))  # reads the fonts and fills the cache
    assert len(entries(tmp_path)) >= 2  # a serif and a sans face at least
    again = build(str(tmp_path), "no-parsing")  # from the cache
    assert first == fresh and again == fresh


def test_a_damaged_font_entry_is_read_again(tmp_path):
    fresh = build("-")
    build(str(tmp_path))
    for entry in entries(tmp_path):
        entry.write_bytes(b"\x80\x05 cut short")  # what a full disk leaves
    assert build(str(tmp_path)) == fresh
    os.chmod(tmp_path / "cache" / "fonts", 0o500)  # unwritable: read afresh, not an error
    try:
        assert build(str(tmp_path)) == fresh
    finally:
        os.chmod(tmp_path / "cache" / "fonts", 0o700)
