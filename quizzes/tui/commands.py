"""Command palette entries to play any set. Set titles are data, so they are shown as
literal Content with our own match highlighting (Textual's highlighter parses markup)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Protocol

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from quizzes.tui.text import clean, plain

if TYPE_CHECKING:
    from quizzes.catalog import Catalog
    from quizzes.sets import LoadedSet


class ChoosesSets(Protocol):
    """The app these commands serve: its sets, and what it does with the one chosen."""

    catalog: Catalog

    def choose(self, loaded: LoadedSet) -> None: ...


class PlaySetCommands(Provider):
    def _entries(self) -> list[tuple[str, Callable[[], object]]]:
        app: ChoosesSets = self.app  # type: ignore[assignment]
        return [
            (clean(f"Play: {loaded.qset.title}"), partial(app.choose, loaded))
            for loaded in app.catalog.sets
        ]

    async def discover(self) -> Hits:
        for text, callback in self._entries():
            yield DiscoveryHit(
                plain(text),
                callback,
                text=text,
                help="Practice or exam, from the start",
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, callback in self._entries():
            score, offsets = matcher.fuzzy_search.match(query, text)
            if score > 0:
                yield Hit(
                    score,
                    _highlighted(text, offsets),
                    callback,
                    text=text,
                    help="Practice or exam, from the start",
                )


def _highlighted(text: str, offsets: Sequence[int]) -> Content:
    content = Content(text)
    for offset in offsets:
        content = content.stylize("reverse", offset, offset + 1)
    return content
