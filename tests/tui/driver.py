"""Key presses a student would use to answer the question on screen, right or wrong."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from quizzes.engine import RunItem
from quizzes.model import Choice, FreeText, Match, Multi, Numeric, Order, TrueFalse
from quizzes.tui.screens.question import QuestionScreen

_KEYS = {" ": "space", ",": "comma", ".": "full_stop", "-": "minus"}


def typed(text: str) -> list[str]:
    return [_KEYS.get(char, char) for char in text]


def keys_for(item: RunItem, right: bool) -> list[str]:
    """The keys that answer ``item`` fully right, or (``right=False``) not fully right."""
    q, options = item.question, list(item.options)
    if isinstance(q, TrueFalse):
        return ["t" if q.answer == right else "f"]
    if isinstance(q, Choice):
        answer = q.answer if isinstance(q.answer, str) else q.answer[0]
        index = options.index(answer)
        return [str(index + 1 if right else (index + 1) % len(options) + 1)]
    if isinstance(q, Multi):
        if right:
            return [*(str(options.index(a) + 1) for a in q.answers), "enter"]
        wrong = next(o for o in options if o not in q.answers)
        return [str(options.index(wrong) + 1), "enter"]
    if isinstance(q, Numeric):
        return [*typed(f"{q.answer:f}" if right else f"{q.answer + 1:f}"), "enter"]
    if isinstance(q, FreeText):
        return [*typed(q.accept[0] if right else "certainly not this"), "enter"]
    if isinstance(q, Match):
        # A digit pairs the row under the cursor; ↓ moves to the next row.
        picks = [str(options.index(pair.right) + 1) if right else "1" for pair in q.pairs]
        return [*(key for pick in picks for key in (pick, "down")), "enter"]
    if isinstance(q, Order):
        return _reorder(options, q.items) if right else ["enter"]
    raise TypeError(type(q).__name__)


def _reorder(shown: list[str], wanted: list[str]) -> list[str]:
    """Move each wanted item up into place with the cursor and `u`."""
    current, cursor, keys = list(shown), 0, []
    for target, item in enumerate(wanted):
        index = current.index(item)
        keys += ["down"] * (index - cursor) if index > cursor else ["up"] * (cursor - index)
        keys += ["u"] * (index - target)
        current.insert(target, current.pop(index))
        cursor = target
    return [*keys, "enter"]


def current_item(pilot: Pilot) -> RunItem:
    screen = pilot.app.screen
    assert isinstance(screen, QuestionScreen), f"expected a question, got {screen!r}"
    return screen.item


async def answer(pilot: Pilot, right: bool = True) -> RunItem:
    item = current_item(pilot)
    await pilot.press(*keys_for(item, right))
    await pilot.pause()
    return item


async def until(pilot: Pilot, condition: Callable[[], object], what: str) -> None:
    """Let the app run until ``condition`` holds (each refresh, up to 5 s); fail naming
    ``what`` otherwise. Waits as long as the app needs and no longer, unlike a fixed pause."""
    for _ in range(500):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError(f"timed out waiting for {what}")
