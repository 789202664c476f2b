"""Sentences with their place in the article (pysbd finds the boundaries)."""

from __future__ import annotations

import bisect
import re
from functools import cache

from seeds.frozen import record

_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*")
_WORD = re.compile(r"[\w’'\-]+")


@record
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


@cache
def _segmenter():  # pysbd builds its rule tables once
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


CHUNK = 4000
_LIKELY_END = re.compile(r"(?<=[.!?])[”\"’']?\s+(?=[“\"‘']?[A-Z])")


def _chunks(paragraph: str) -> list[tuple[int, str]]:
    """A long paragraph cut into pieces of about CHUNK characters at likely sentence ends
    (else at a space): pysbd slows down more than linearly on one long paragraph."""
    if len(paragraph) <= CHUNK:
        return [(0, paragraph)]
    pieces, start = [], 0
    while len(paragraph) - start > CHUNK:
        window = paragraph[start : start + CHUNK]
        ends = [m.end() for m in _LIKELY_END.finditer(window)]
        cut = ends[-1] if ends and ends[-1] > CHUNK // 4 else (window.rfind(" ") + 1 or CHUNK)
        pieces.append((start, paragraph[start : start + cut]))
        start += cut
    pieces.append((start, paragraph[start:]))
    return pieces


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` with its character span; none crosses a blank line."""
    found: list[Sentence] = []
    for number, block in enumerate(_PARAGRAPH.finditer(text)):
        # Hard-wrapped lines are one paragraph: newlines become spaces (same length, so
        # offsets still point into the article).
        flat = block.group().replace("\n", " ")
        for offset, chunk in _chunks(flat):
            cursor = 0
            for piece in _segmenter().segment(chunk):
                stripped = piece.strip()
                if not stripped:
                    continue
                at = chunk.find(stripped, cursor)
                if at < 0:  # pysbd changed the text (it should not with clean=False)
                    continue
                start = block.start() + offset + at
                end = start + len(stripped)
                found.append(Sentence(start, end, text[start:end], number))
                cursor = at + len(stripped)
    return found


class SentenceIndex:
    """Which sentence holds a character offset."""

    def __init__(self, sentences: list[Sentence]):
        self.sentences = sentences
        self._starts = [s.start for s in sentences]

    def at(self, offset: int) -> Sentence | None:
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return None
        sentence = self.sentences[index]
        return sentence if offset <= sentence.end else None

    def index_of(self, offset: int) -> int:
        return max(bisect.bisect_right(self._starts, offset) - 1, 0)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TRAILING = _words(
    "a an the of to in on at by for from with and or but that which who would "
    "will be is are was were as its their his her"
)


def fragment(text: str, start: int, end: int, max_words: int = 8) -> str:
    """The verbatim text from ``start`` to ``end``, cut to ``max_words`` words, trimmed of
    surrounding punctuation (so it can be found again in the article)."""
    words = list(_WORD.finditer(text, start, min(end, start + 40 * max_words)))
    if not words:
        return text[start:end].strip()
    if len(words) > max_words:
        words = words[:max_words]
    while len(words) > 1 and words[-1].group().lower() in _TRAILING:
        words.pop()
    return re.sub(r"\s+", " ", text[words[0].start() : words[-1].end()])


def slug(text: str, limit: int = 40) -> str:
    """An id made from text: lowercase ASCII letters, digits and dashes."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(value) > limit:  # cut at a word
        value = value[:limit].rsplit("-", 1)[0] if "-" in value[:limit] else value[:limit]
    return value.strip("-") or "item"
