"""The text of the quiz app's screen snapshots, to read a changed snapshot as a diff.

    python -m tests.tui.snapshot_text [REV]

For every snapshot SVG changed since REV (default HEAD, the working tree included), print
a unified diff of its screen text, row by row: what a student sees, without the SVG's
styling. A snapshot new since REV is printed whole. Standard library only.
"""

from __future__ import annotations

import difflib
import html
import re
import subprocess
import sys
from pathlib import Path

SNAPSHOTS = Path(__file__).parent / "__snapshots__"
_TEXT = re.compile(r'<text[^>]*\bx="([\d.]+)"[^>]*\by="([\d.]+)"[^>]*>(.*?)</text>', re.DOTALL)


def screen_text(svg: str) -> list[str]:
    """The rows of text on the screen an SVG snapshot shows, top to bottom."""
    rows: dict[float, list[tuple[float, str]]] = {}
    for x, y, content in _TEXT.findall(svg):
        text = html.unescape(re.sub(r"<[^>]+>", "", content)).replace("\xa0", " ")
        rows.setdefault(float(y), []).append((float(x), text))
    lines = ["".join(text for _, text in sorted(row)).rstrip() for _, row in sorted(rows.items())]
    return [line for line in lines if line]


def _git(*args: str) -> str:
    root = Path(__file__).parents[2]
    return subprocess.run(
        ["git", *args], capture_output=True, text=True, check=True, cwd=root
    ).stdout


def changed(rev: str = "HEAD") -> list[str]:
    """Snapshot files (paths from the top of the repository) that differ from ``rev``."""
    names = _git("diff", "--name-only", rev, "--", "tests/**/__snapshots__/**.svg")
    new = _git("ls-files", "--others", "--exclude-standard", "--", "tests/**/__snapshots__")
    return sorted({*names.split(), *(n for n in new.split() if n.endswith(".svg"))})


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    rev = args[0] if args else "HEAD"
    root = Path(__file__).parents[2]
    paths = changed(rev)
    for path in paths:
        try:
            before = screen_text(_git("show", f"{rev}:{path}"))
        except subprocess.CalledProcessError:
            before = []  # new since rev
        after = screen_text((root / path).read_text("utf-8")) if (root / path).exists() else []
        diff = difflib.unified_diff(before, after, f"{rev}:{path}", path, lineterm="")
        print("\n".join(diff) or f"{path}: the same text (only styling changed)")
    if not paths:
        print(f"no snapshot changed since {rev}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
