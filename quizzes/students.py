"""Student names for a served class: what a name may be, and reading a roster file. Pure
(the roster's text comes in as a string)."""

from __future__ import annotations

import unicodedata

from seeds.records import record

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
class Roster:
    names: tuple[str, ...]
    blank: int = 0  # blank lines skipped
    duplicates: tuple[str, ...] = ()  # names given more than once (kept once)

    def notes(self) -> list[str]:
        found = []
        if self.blank:
            found.append(f"{self.blank} blank line(s) skipped")
        if self.duplicates:
            found.append(f"listed more than once, kept once: {', '.join(self.duplicates)}")
        return found


def read_roster(text: str) -> Roster:
    """One name a line; blanks skipped, repeats (ignoring case and spacing) kept once."""
    names: list[str] = []
    seen: dict[str, str] = {}
    blank = 0
    duplicates: list[str] = []
    for line in text.lstrip("\ufeff").splitlines():
        name = clean_name(line)
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
    # Trailing blank lines are no news.
    trailing = len(text.splitlines()) - len(text.rstrip().splitlines()) if text.strip() else 0
    return Roster(tuple(names), max(blank - trailing, 0), tuple(duplicates))
