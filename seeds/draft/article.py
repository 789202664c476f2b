"""An article file's bytes made into text, or refused with a reason a teacher can act on."""

from __future__ import annotations

import re

from seeds.document import clean_text

MAX_ARTICLE_BYTES = 1024 * 1024
"""A long report is a few hundred kilobytes; anything far beyond is not one article."""


class ArticleError(ValueError):
    """The file cannot be drafted from: ``message`` says why, ``hint`` what to do."""

    def __init__(self, message: str, hint: str = ""):
        self.message, self.hint = message, hint
        super().__init__(f"{message}; {hint}" if hint else message)


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
_HTML = re.compile(
    r"<(?:!doctype\s+html|html|head|body|meta|script|div|p|span|a\s|br|article)"
    r"\b",
    re.IGNORECASE,
)
_COPY_TEXT = "copy the article's text into a plain text file (.txt, UTF-8) and draft from that"


def read_article(raw: bytes) -> str:
    """The article's text: UTF-8 decoded, newlines made \\n, control characters dropped."""
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(
            f"is {len(raw) / 2**20:.1f} MB, more than the "
            f"{MAX_ARTICLE_BYTES // 2**20} MB an article can be",
            "draft from the article's text alone, or one chapter at a time",
        )
    if not raw.strip():
        raise ArticleError("is empty", "save the article's text in it first")
    for magic, name in _MAGIC:
        if raw.startswith(magic):
            raise ArticleError(f"is {name}, not text", _COPY_TEXT)
    if b"\x00" in raw[:65536]:
        raise ArticleError("is a binary file, not text", _COPY_TEXT)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise ArticleError(
            f"is not UTF-8 text (byte 0x{raw[err.start]:02x} on line {line})",
            "save it again as UTF-8 (in most editors: Save As, encoding UTF-8)",
        ) from None
    text = clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    if len(_HTML.findall(text[:200_000])) >= 3:
        raise ArticleError(
            "looks like a web page (HTML), not the article's text",
            "open it in a browser, select the article, and paste it into a plain text file",
        )
    if not any(ch.isalpha() for ch in text):
        raise ArticleError("has no words in it", "save the article's text in it first")
    return text
