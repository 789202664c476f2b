"""An article's bytes made into text, or named for what they are: one classification for
`quiz check` (quotes checked against the article) and `brief new` (a draft from it).

UTF-8 is read, with or without a byte-order mark, and so are UTF-16 and UTF-32 with one
(their mark says exactly how to read them: Windows Notepad saves "Unicode" so). Anything
else is named, not misread: read as UTF-8 with replacement characters, every quote with an
accent or curly quote would be "not found", which sends the teacher to fix wording that is
right. A PDF or Word file, and bytes that are no text at all, are "binary"; UTF-16 without
a mark, Windows-1252 and Latin-1 are named with the `iconv` command that converts them.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from seeds.problems import Problem, display_path

MAX_ARTICLE_BYTES = 1024 * 1024
"""A long report is a few hundred kilobytes; anything far beyond is not one article."""

_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a Word, OpenDocument or zip file"),
    (b"\xd0\xcf\x11\xe0", "an old Word or Office file"),
    (b"{\\rtf", "an RTF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip file"),
)
# UTF-32 first: its little-endian mark starts like UTF-16's.
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
BINARY = "a binary file"
# Characters no text holds: controls other than line breaks and tabs, unassigned code
# points, surrogates and private use.
_ODD = frozenset({"Cc", "Cn", "Cs", "Co"})
_SPACES = frozenset("\t\n\r\f\v")


@dataclass(frozen=True)
class NotText:
    """Bytes that cannot be read as an article: what they look like, where the first byte
    that is not UTF-8 stands, and the name `iconv` converts them from (None: not text)."""

    looks_like: str
    line: int = 1
    col: int = 1
    byte: int | None = None
    encoding: str | None = None

    @property
    def is_text(self) -> bool:
        """Text in another encoding (convertible), rather than a binary file."""
        return self.encoding is not None


def article_text(raw: bytes) -> str | NotText:
    """The text the bytes hold, or what they are instead."""
    for magic, name in _MAGIC:
        if raw.startswith(magic):
            return NotText(name)
    for mark, codec in _MARKS:
        if raw.startswith(mark):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                return NotText(BINARY)
            return text if _reads_as_text(text) else NotText(BINARY)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        return _not_utf8(raw, err.start)
    if "\x00" in text:  # ASCII as UTF-16 is valid UTF-8 with a NUL in every other byte
        return _utf16_without_mark(raw) or NotText(BINARY)
    return text if _reads_as_text(text) else NotText(BINARY)


def _reads_as_text(text: str, tolerance: int = 10) -> bool:
    """Few enough odd characters (a stray control is dropped later; random bytes have
    them everywhere): at most 2, or one in ``tolerance``."""
    odd = sum(1 for ch in text if ch not in _SPACES and unicodedata.category(ch) in _ODD)
    return odd <= 2 or odd * tolerance <= len(text)


def _utf16_without_mark(raw: bytes) -> NotText | None:
    """UTF-16 without a byte-order mark: text in either byte order whose every other byte
    is mostly zero (Latin script), and which reads as text; else None."""
    if len(raw) % 2 or len(raw) < 4:
        return None
    for codec, name, zeros in (
        ("utf-16-le", "UTF-16LE", raw[1::2]),
        ("utf-16-be", "UTF-16BE", raw[0::2]),
    ):
        if zeros.count(0) * 10 < len(zeros) * 3:
            continue
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if _reads_as_text(text, tolerance=100):
            return NotText("UTF-16 without a byte-order mark", encoding=name)
    return None


def _not_utf8(raw: bytes, start: int) -> NotText:
    before = raw[:start]
    line = before.count(b"\n") + 1
    col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
    if b"\x00" in raw:
        return _utf16_without_mark(raw) or NotText(BINARY, line, col, raw[start])
    controls = sum(1 for b in raw if b < 0x20 and b not in b"\t\n\r\f\v\x1a") + raw.count(0x7F)
    if controls * 100 > len(raw):  # Windows-1252 and Latin-1 text have next to none
        return NotText(BINARY, line, col, raw[start])
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return NotText("Latin-1 (ISO-8859-1)", line, col, raw[start], "LATIN1")
    return NotText("Windows-1252 (Western European)", line, col, raw[start], "WINDOWS-1252")


# `quiz check`: the article beside a pack, or the one given with --article ----------------


def decode_article(raw: bytes, file: str) -> tuple[str | None, Problem | None]:
    """The text of the bytes, or a problem naming what they look like and what to do."""
    found = article_text(raw)
    if isinstance(found, str):
        return found, None
    name = Path(file).name
    if not found.is_text:
        return None, Problem(
            file,
            found.line,
            found.col,
            "error",
            f"the article is not text: it is {found.looks_like}, so its quotes cannot be checked",
            "copy the article's text into a plain text file (UTF-8) and check against that",
        )
    return None, Problem(
        file,
        found.line,
        found.col,
        "error",
        f"the article is not UTF-8 text: it looks like {found.looks_like}, so its quotes "
        "cannot be checked",
        f"save it as UTF-8 (in an editor: Save as… → Encoding: UTF-8), or convert it with "
        f"`iconv -f {found.encoding} -t UTF-8 {name} > {name}.utf8` and rename the result",
    )


def read_article(path: Path) -> tuple[str | None, Problem | None]:
    """The article at ``path``, or one problem located in it (unreadable or not text)."""
    from seeds.userfiles import read_limited

    shown = display_path(path)
    try:
        raw = read_limited(path, MAX_ARTICLE_BYTES)
    except OSError as err:
        return None, Problem(shown, 1, 1, "error", f"cannot be read: {err.strerror or err}")
    return decode_article(raw, shown)
