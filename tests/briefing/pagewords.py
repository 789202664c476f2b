"""Where the words of a PDF stand on each page, read back with poppler's `pdftotext -bbox`:
for tests of page layout (headings, page breaks, footers), never with this project's code."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pytest

GAP = 12.0  # a wider gap between two words of one line parts two columns


@dataclass(frozen=True)
class Word:
    x0: float
    top: float  # from the top of the page, as poppler gives it
    x1: float
    bottom: float
    text: str


@dataclass(frozen=True)
class Run:
    """Words of one line that stand together (a column's part of the line)."""

    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    words: tuple[Word, ...]

    def lines(self) -> list[list[Word]]:
        """Words grouped into lines, top to bottom, each line left to right: a word is on a
        line when its middle lies within the line's height (a bullet, set in another size,
        stands a little lower than its text but on the same line)."""
        rows: list[list[Word]] = []
        for word in sorted(self.words, key=lambda w: (w.bottom, w.x0)):
            middle = (word.top + word.bottom) / 2
            if rows and min(w.top for w in rows[-1]) <= middle <= rows[-1][-1].bottom + 0.5:
                rows[-1].append(word)
            else:
                rows.append([word])
        return [sorted(row, key=lambda w: w.x0) for row in rows]

    def runs(self) -> list[Run]:
        found = []
        for line in self.lines():
            current = [line[0]]
            for a, b in itertools.pairwise(line):
                if b.x0 - a.x1 > GAP:
                    found.append(Run(tuple(current)))
                    current = [b]
                else:
                    current.append(b)
            found.append(Run(tuple(current)))
        return found

    def footer(self) -> str:
        """The last line of the page: the running footer."""
        return " ".join(w.text for w in self.lines()[-1])

    def body(self, band: bool = False) -> list[list[Word]]:
        """The lines between the band (first page only, when `band`) and the footer."""
        lines = self.lines()[:-1]
        return lines[1:] if band else lines


def pdftotext_available() -> None:
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdftotext (poppler-utils) is missing; .ci/run installs it")
        pytest.skip("pdftotext (poppler-utils) is not installed")


def pages(pdf: bytes) -> list[Page]:
    pdftotext_available()
    command = ["pdftotext", "-enc", "UTF-8", "-bbox", "-", "-"]
    done = subprocess.run(command, input=pdf, capture_output=True, check=True)
    html = done.stdout.decode("utf-8")
    doc = ET.fromstring(re.search(r"<doc>.*</doc>", html, re.S).group(0))  # type: ignore[union-attr]
    return [
        Page(
            number,
            float(page.get("width", 0)),
            float(page.get("height", 0)),
            tuple(
                Word(
                    float(w.get("xMin", 0)),
                    float(w.get("yMin", 0)),
                    float(w.get("xMax", 0)),
                    float(w.get("yMax", 0)),
                    w.text or "",
                )
                for w in page
            ),
        )
        for number, page in enumerate(doc, 1)
    ]


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


def headings_without_content(pdf: bytes, headings: set[str], reach: float = 30.0) -> list[str]:
    """Each heading (matched as a whole run of words, case and spaces ignored) that has no
    text under it in its own column within `reach` points, above the footer: where a
    heading was printed with nothing under it."""
    wanted = {squeezed(h) for h in headings}
    bad = []
    for page in pages(pdf):
        footer_top = min(w.top for w in page.lines()[-1])
        for run in page.runs():
            if squeezed(run.text) not in wanted:
                continue
            under = [
                w
                for w in page.words
                if run.bottom + 0.5 < w.top < min(run.bottom + reach, footer_top - 1)
                and w.x1 > run.x0
                and w.x0 < run.x1
            ]
            if not under:
                bad.append(f"page {page.number}: {run.text!r}")
    return bad
