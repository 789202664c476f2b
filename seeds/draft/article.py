"""An article file's bytes made into text, or refused with a reason a teacher can act on."""

from __future__ import annotations

import re

from seeds.articles import MAX_ARTICLE_BYTES, NotText, article_text
from seeds.document import clean_text
from seeds.errors import SeedsError

__all__ = ["MAX_ARTICLE_BYTES", "ArticleError", "read_article"]


class ArticleError(SeedsError, ValueError):
    """The file cannot be drafted from: ``message`` says why, ``hint`` what to do."""

    def __init__(self, message: str, hint: str = ""):
        self.message, self.hint = message, hint
        super().__init__(f"{message}; {hint}" if hint else message)


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
    found = article_text(raw)
    if isinstance(found, NotText):
        raise _refusal(found)
    text = clean_text(found.replace("\r\n", "\n").replace("\r", "\n"))
    if len(_HTML.findall(text[:200_000])) >= 3:
        raise ArticleError(
            "looks like a web page (HTML), not the article's text",
            "open it in a browser, select the article, and paste it into a plain text file",
        )
    if not any(ch.isalpha() for ch in text):
        raise ArticleError("has no words in it", "save the article's text in it first")
    return text


def _refusal(found: NotText) -> ArticleError:
    """Why bytes that are not UTF-8 text cannot be drafted from (seeds.articles says what
    they are), and what to do."""
    if not found.is_text:
        return ArticleError(f"is {found.looks_like}, not text", _COPY_TEXT)
    where = f" (byte 0x{found.byte:02x} on line {found.line})" if found.byte is not None else ""
    return ArticleError(
        f"is not UTF-8 text{where}: it looks like {found.looks_like}",
        f"save it again as UTF-8 (in most editors: Save As, encoding UTF-8), or convert it "
        f"with `iconv -f {found.encoding} -t UTF-8`",
    )
