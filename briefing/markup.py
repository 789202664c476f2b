"""Plain text → reportlab paragraph markup, safely.

This is the one door through which pack text reaches reportlab: every chunk is XML-escaped
(quotes too, as markup attributes use them), characters the document fonts lack are
wrapped in a fallback font, and only links the code built from a checked http(s) URL
become <a> tags. Nothing a pack says can open a file, add an image or add a link.
"""

from __future__ import annotations

from briefing.bidi import embedded, has_rtl
from briefing.compose import safe_url
from briefing.content import Rich, Run
from briefing.fonts import Glyphs
from briefing.styles import GREY, NAVY

# What xml.sax.saxutils.escape does with both quotes added, without importing it (it
# pulls in urllib.request: a fifth of `brief build`'s own import time). Replaced one
# after the other, "&" first: several times faster than str.translate with a table.
_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#39;"))


def escape_text(text: str) -> str:
    """Text made inert for paragraph markup (& < > and both quotes)."""
    for char, entity in _ENTITIES:
        if char in text:
            text = text.replace(char, entity)
    return text


def color_attr(color: object) -> str:
    """A colour for a markup attribute, as rgb(r,g,b): the same colour as its #rrggbb, but
    reportlab reads this form several times faster (a hex string it first tries to
    evaluate as an expression)."""
    value = int(color.hexval()[2:], 16)  # type: ignore[attr-defined]
    return f"rgb({value >> 16},{value >> 8 & 0xFF},{value & 0xFF})"


class Markup:
    """Builds paragraph markup for one document, noting characters no font can show."""

    def __init__(self, glyphs: Glyphs):
        self.glyphs = glyphs

    def text(self, text: str, reorder: bool = True) -> str:
        """Escaped text, with fallback fonts for characters the document fonts lack.

        Right-to-left runs inside it are put in drawing order, unless the caller did
        that already (``reorder=False``, for lines of a right-to-left paragraph)."""
        if reorder and has_rtl(text):
            text = embedded(text)
        parts = []
        for font, chunk in self.glyphs.spans(text):
            safe = escape_text(chunk).replace("\n", "<br/>")
            parts.append(f'<font face="{escape_text(font)}">{safe}</font>' if font else safe)
        return "".join(parts)

    def run(self, run: Run, size: float) -> str:
        inner = self.text(run.text)
        url = safe_url(run.link)
        if url:
            inner = f'<a href="{escape_text(url)}" color="{color_attr(NAVY)}"><u>{inner}</u></a>'
        if run.style == "bold":
            return f"<b>{inner}</b>"
        if run.style == "italic":
            return f"<i>{inner}</i>"
        if run.style == "small":
            return f'<font size="{size * 0.88:.1f}" color="{color_attr(GREY)}">{inner}</font>'
        return inner

    def rich(self, rich: Rich | str, size: float) -> str:
        if isinstance(rich, str):
            return self.text(rich)
        return "".join(self.run(run, size) for run in rich)

    def styled(self, rich: Rich | str, font: str, size: float, color: object = None) -> str:
        """Rich text in another font and size, to mix styles within one paragraph."""
        colour = f' color="{color_attr(color)}"' if color is not None else ""
        return (
            f'<font name="{escape_text(font)}" size="{size:g}"{colour}>'
            f"{self.rich(rich, size)}</font>"
        )
