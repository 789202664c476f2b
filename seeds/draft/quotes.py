"""Passages in quotation marks (straight, curly, nested) and who says them."""

from __future__ import annotations

import re
from dataclasses import dataclass

from seeds.draft.actors import _APPOSITION, _NAME, REPORTING, ActorFound, Cast
from seeds.draft.text import _PARAGRAPH, SentenceIndex

_PAIRS = {"“": "”", "„": "“", "«": "»", "‘": "’"}
_SPEAKER_NAME = rf"(?:{_NAME}|[A-Z][a-z’'\-]+|[A-Z]{{2,}}|he|she|they|it|the\s+[a-z]+)"
_AFTER = re.compile(
    rf"\s*[,.!?]?\s*(?:(?P<verb>{REPORTING})\s+(?P<name>{_SPEAKER_NAME})|"
    rf"(?:[A-Z][\w’'-]*\s+){{0,3}}?(?P<name2>{_SPEAKER_NAME}){_APPOSITION}?\s+"
    rf"(?:also\s+|then\s+|later\s+)?{REPORTING}\b)"
)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|[“\"]")
_BEFORE = re.compile(
    rf"(?:(?P<name>{_SPEAKER_NAME})(?:\s*,[^,.“”\"]{{1,100}},)?\s+(?:also\s+|then\s+)?"
    rf"(?P<verb>{REPORTING})\b|\b[Aa]ccording\s+to\s+(?P<name2>{_SPEAKER_NAME}))"
    r"[^“”\"]*$"
)
MAX_QUOTE = 1200


@dataclass
class QuoteFound:
    start: int  # of the text inside the marks
    end: int
    text: str
    speaker: ActorFound | None = None
    attribution_end: int = 0  # where the "..., he said" after it ends


def find_quotes(text: str, cast: Cast, index: SentenceIndex) -> list[QuoteFound]:
    quotes = [QuoteFound(a, b, _trimmed(text[a:b])) for a, b in _passages(text)]
    quotes = [q for q in quotes if q.text and any(c.isalpha() for c in q.text)]
    previous: QuoteFound | None = None
    for quote in quotes:
        _attribute(text, quote, cast, index)
        if quote.speaker is None and previous is not None and previous.speaker is not None:
            gap = text[max(previous.end, previous.attribution_end) : quote.start]
            if not gap.strip(" \t\n.,;:!?“”\"‘’'") and "\n\n" not in gap:
                quote.speaker = previous.speaker  # “...,” he said. “And more.”
        previous = quote
    return quotes


def _trimmed(passage: str) -> str:
    """The passage on one line (line breaks of a hard-wrapped file are not the speaker's)."""
    return re.sub(r"\s+", " ", passage).strip().rstrip(",;: ").strip()


def _passages(text: str) -> list[tuple[int, int]]:
    """Spans inside the outermost marks; single marks only outside double ones."""
    spans: list[tuple[int, int]] = []
    for paragraph in _PARAGRAPH.finditer(text):
        a, b = paragraph.span()
        spans += _double(text, a, b)
    for paragraph in _PARAGRAPH.finditer(text):
        a, b = paragraph.span()
        for start, end in _single(text, a, b):
            if not any(x <= start < y for x, y in spans):
                spans.append((start, end))
    # ‘He said “no”’: the inner passage is part of the outer one
    return sorted(
        span
        for span in spans
        if not any((x, y) != span and x <= span[0] and span[1] <= y for x, y in spans)
    )


def _double(text: str, a: int, b: int) -> list[tuple[int, int]]:
    spans = []
    i = a
    while i < b:
        ch = text[i]
        if ch in "“„«":
            close = text.find(_PAIRS[ch], i + 1, b)
            reopen = text.find(ch, i + 1, b) if ch != "„" else -1
            if close < 0 or (0 <= reopen < close):  # unclosed: runs to the paragraph's end
                end = reopen if reopen >= 0 else b
                spans.append((i + 1, end))
                i = end
                continue
            spans.append((i + 1, close))
            i = close + 1
        elif ch == '"':
            close = text.find('"', i + 1, b)
            end = close if close >= 0 else b
            spans.append((i + 1, end))
            i = end + 1
        else:
            i += 1
    return [(x, y) for x, y in spans if 0 < y - x <= MAX_QUOTE]


_OPEN_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s(\[{—–-]))[‘'](?=[^\s’'])")
_CLOSE_SINGLE = re.compile(r"(?<=[^\s‘'])[’'](?=$|[\s.,;:!?)\]}—–-])")


def _single(text: str, a: int, b: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = a
    while True:
        opened = _OPEN_SINGLE.search(text, cursor, b)
        if opened is None:
            return spans
        closed = _CLOSE_SINGLE.search(text, opened.end(), min(b, opened.end() + 300))
        if closed is None:
            cursor = opened.end()
            continue
        spans.append((opened.end(), closed.start()))
        cursor = closed.end()


def _attribute(text: str, quote: QuoteFound, cast: Cast, index: SentenceIndex) -> None:
    after = _AFTER.match(text, min(quote.end + 1, len(text)), min(len(text), quote.end + 160))
    if after:
        name = after.group("name") or after.group("name2")
        quote.speaker = cast.resolve(name, quote.start)
        stop = _SENTENCE_END.search(text, after.end(), after.end() + 200)
        quote.attribution_end = stop.end() if stop and stop.group() in ".!?" else after.end()
        if quote.speaker is not None:
            return
    sentence = index.at(quote.start - 1)
    begin = sentence.start if sentence else max(0, quote.start - 300)
    before = _BEFORE.search(text, begin, max(begin, quote.start - 1))
    if before:
        name = before.group("name") or before.group("name2")
        quote.speaker = cast.resolve(name, before.start())
