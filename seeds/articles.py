"""Reading an article's text, which must be UTF-8: anything else is named, not misread.

An article saved by a word processor is often Windows-1252 or UTF-16; read as UTF-8
with replacement characters, every quote with an accent or curly quote would then be
"not found", which sends the teacher to fix wording that is right.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from seeds.problems import Problem, display_path

_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def decode_article(raw: bytes, file: str) -> tuple[str | None, Problem | None]:
    """The text of UTF-8 bytes (a byte-order mark allowed), or a problem naming what the
    bytes look like and how to convert them."""
    for bom, name in _BOMS:  # UTF-32 first: its little-endian mark starts like UTF-16's
        if raw.startswith(bom):
            return None, _problem(file, 1, 1, name, name)
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
        if b"\x00" in raw:
            return None, _problem(file, line, col, "UTF-16 without a byte-order mark", "UTF-16")
        try:
            raw.decode("cp1252")
        except UnicodeDecodeError:
            return None, _problem(file, line, col, "Latin-1 (ISO-8859-1)", "LATIN1")
        return None, _problem(file, line, col, "Windows-1252 (Western European)", "WINDOWS-1252")


def read_article(path: Path) -> tuple[str | None, Problem | None]:
    """The article at ``path``, or one problem located in it (unreadable or not UTF-8)."""
    shown = display_path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        return None, Problem(shown, 1, 1, "error", f"cannot be read: {err.strerror or err}")
    return decode_article(raw, shown)


def _problem(file: str, line: int, col: int, looks_like: str, iconv_name: str) -> Problem:
    name = Path(file).name
    return Problem(
        file,
        line,
        col,
        "error",
        f"the article is not UTF-8 text: it looks like {looks_like}, so its quotes cannot "
        "be checked",
        f"save it as UTF-8 (in an editor: Save as… → Encoding: UTF-8), or convert it with "
        f"`iconv -f {iconv_name} -t UTF-8 {name} > {name}.utf8` and rename the result",
    )
