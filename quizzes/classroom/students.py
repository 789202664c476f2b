"""Student names for a served class: what a name may be, and reading a roster file. Pure
(the roster's text comes in as a string).

A roster line is a name, optionally followed by ``|`` and the student's accommodations,
separated by commas: ``Ana Li | extra time x1.5, fewer choices, larger text``.
"""

from __future__ import annotations

import re
import unicodedata

from seeds.frozen import record

MAX_NAME = 60


def clean_name(text: str) -> str | None:
    """The name as stored (spaces collapsed, control and format characters dropped), or
    None when nothing is left."""
    kept = "".join(c for c in text if not unicodedata.category(c).startswith("C"))
    name = " ".join(kept.split())[:MAX_NAME].strip()
    return name or None


def next_free(name: str, taken: set[str]) -> str:
    """ "Ana (2)", "Ana (3)"…: a second student of one name is kept apart."""
    number = 2
    while f"{name} ({number})" in taken:
        number += 1
    return f"{name} ({number})"


@record
class Accommodations:
    """What one student gets: more time on exams, one distractor fewer, larger text."""

    extra_time: float = 1.0  # an exam's time limit is multiplied by it: 1, 1.5 or 2
    fewer_choices: bool = False
    large_text: bool = False

    def describe(self) -> list[str]:
        found = []
        if self.extra_time != 1:
            found.append(f"time ×{self.extra_time:g}")
        if self.fewer_choices:
            found.append("one fewer distractor")
        if self.large_text:
            found.append("larger text")
        return found


EXTRA_TIMES = (1.0, 1.5, 2.0)
_TIME = re.compile(r"^(?:extra\s+)?(?:time\s*)?[x×*]?\s*(1\.5|2)\s*(?:x|×)?$")
_FEWER = re.compile(r"^(?:one\s+)?fewer\s+(?:choices?|distractors?|options?)$")
_LARGE = re.compile(r"^large(?:r)?\s+(?:text|print|font)$")
ACCOMMODATION_HELP = "write extra time x1.5 or x2, fewer choices, larger text"


def read_accommodations(text: str) -> tuple[Accommodations, list[str]]:
    """The accommodations after a roster name's ``|``, and the words not understood."""
    extra, fewer, large = 1.0, False, False
    unknown = []
    for part in text.split(","):
        word = " ".join(part.casefold().split())
        if not word:
            continue
        if found := _TIME.match(word):
            extra = float(found[1])
        elif _FEWER.match(word):
            fewer = True
        elif _LARGE.match(word):
            large = True
        else:
            unknown.append(part.strip())
    return Accommodations(extra, fewer, large), unknown


@record
class Roster:
    names: tuple[str, ...]
    blank: int = 0  # blank lines skipped
    duplicates: tuple[str, ...] = ()  # names given more than once (kept once)
    needs: tuple[Accommodations, ...] = ()  # each name's accommodations, in order
    unknown: tuple[str, ...] = ()  # accommodations not understood, with their name

    def notes(self) -> list[str]:
        found = []
        if self.blank:
            found.append(f"{self.blank} blank line(s) skipped")
        if self.duplicates:
            found.append(f"listed more than once, kept once: {', '.join(self.duplicates)}")
        if self.unknown:
            found.append(
                f"accommodations not understood, left out: {'; '.join(self.unknown)} "
                f"({ACCOMMODATION_HELP})"
            )
        return found

    def entries(self) -> tuple[tuple[str, Accommodations], ...]:
        needs = self.needs or tuple(Accommodations() for _ in self.names)
        return tuple(zip(self.names, needs, strict=True))


def read_roster(text: str) -> Roster:
    """One name a line; blanks skipped, repeats (ignoring case and spacing) kept once."""
    names: list[str] = []
    needs: list[Accommodations] = []
    unknown: list[str] = []
    seen: dict[str, str] = {}
    blank = 0
    duplicates: list[str] = []
    for line in text.lstrip("\ufeff").splitlines():
        written, _, wanted = line.partition("|")
        name = clean_name(written)
        if name is None:
            blank += 1
            continue
        key = name.casefold()
        if key in seen:
            if seen[key] not in duplicates:
                duplicates.append(seen[key])
            continue
        seen[key] = name
        names.append(name)
        accommodations, not_understood = read_accommodations(wanted)
        needs.append(accommodations)
        unknown += [f"{name}: {word}" for word in not_understood]
    # Trailing blank lines are no news.
    trailing = len(text.splitlines()) - len(text.rstrip().splitlines()) if text.strip() else 0
    return Roster(
        tuple(names), max(blank - trailing, 0), tuple(duplicates), tuple(needs), tuple(unknown)
    )
