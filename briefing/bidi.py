"""Right-to-left text (Arabic, Hebrew) in reading order on the page.

A PDF draws glyphs left to right, so right-to-left text must be put in visual order
(the Unicode bidirectional algorithm, python-bidi) and Arabic letters joined
(arabic-reshaper) before drawing. Reordering must follow line breaking, or a wrapped
paragraph would start on its last line: a right-to-left paragraph is therefore broken
into lines first, in logical order, and each line is reordered on its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_RTL_CHAR = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
# A run of right-to-left text inside left-to-right text: it starts and ends with a
# right-to-left letter, so punctuation around it keeps its place in the sentence.
_LETTERS = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
_RTL_RUN = re.compile(f"[{_LETTERS}]+(?:[\\s,.;:!?()\u060c\u061b-]+[{_LETTERS}]+)*")
_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")


def has_rtl(text: str) -> bool:
    return _RTL_CHAR.search(text) is not None


def is_rtl_paragraph(text: str) -> bool:
    """True when the first letter with a direction is right-to-left (the paragraph's base)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def visual(line: str, rtl_base: bool = True) -> str:
    """One line in the order it is drawn: letters joined, runs reordered, brackets mirrored."""
    import arabic_reshaper  # only for right-to-left text: most briefs have none
    from bidi import get_display

    shaped = arabic_reshaper.reshape(line)
    shown = get_display(shaped, base_dir="R" if rtl_base else "L")
    return _mirror_rtl_brackets(shown) if rtl_base else shown


def _mirror_rtl_brackets(text: str) -> str:
    # Reordering reverses the bracket characters of a right-to-left line; their glyphs
    # must then be swapped so each still opens towards its text.
    return text.translate(_MIRROR)


def embedded(text: str) -> str:
    """Left-to-right text with right-to-left names or phrases inside: each such run is
    reordered on its own (such runs are short and stay on one line in practice)."""
    return _RTL_RUN.sub(lambda m: visual(m.group(), rtl_base=True), text)


def break_lines(text: str, width: float, measure: Callable[[str], float]) -> list[str]:
    """Greedy line breaking of a right-to-left paragraph in logical order; a line is
    measured as it will be drawn. Explicit newlines are kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if current and measure(visual(candidate)) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return lines
