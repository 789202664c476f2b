"""A Textual app kept running in its own thread and event loop, for timing keys to frames.

Keys go in through the driver, as a terminal's would; a waiter is released by the first
frame drawn once its condition holds (headless frames are composed, just not written).
The quiz benchmarks and the bare-Textual floor they are read against share it.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any


class RunningApp:
    def __init__(self, build: Callable[[RunningApp], Any]) -> None:
        """``build`` makes the app; its class must call `frame_drawn` from `_display`
        (see `timed`)."""
        self.build = build
        self.loop = asyncio.new_event_loop()
        self.waiter: tuple[Callable[[Any], bool], Future[float]] | None = None
        self.stop = asyncio.Event()
        ready: Future[Any] = Future()
        self.thread = threading.Thread(
            target=self.loop.run_until_complete, args=(self.main(ready),), daemon=True
        )
        self.thread.start()
        self.app = ready.result(timeout=60)

    async def main(self, ready: Future[Any]) -> None:
        import gc

        # As `quiz` runs it (seeds.startup): collection off while starting, then the app
        # freezes what start-up made and collects again once its first frame is drawn.
        gc.disable()
        try:
            app = self.build(self)
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                ready.set_result(app)
                await self.stop.wait()
                await pilot.pause()  # let a screen still mounting finish before closing
        except Exception as err:  # handed to the waiting thread
            if not ready.done():
                ready.set_exception(err)

    def frame_drawn(self, screen: Any) -> None:
        if self.waiter is not None:
            condition, done = self.waiter
            if condition(screen):
                self.waiter = None
                done.set_result(time.perf_counter())

    def press(self, key: str, character: str, shown: Callable[[Any], bool]) -> float:
        """Seconds from sending ``key`` to the first frame for which ``shown`` holds."""
        from textual import events

        done: Future[float] = Future()
        self.waiter = (shown, done)
        started = time.perf_counter()
        self.loop.call_soon_threadsafe(self.app._driver.send_message, events.Key(key, character))
        return done.result(timeout=30) - started

    def close(self) -> None:
        """Stop the app and wait for it, so it does not run beside the next benchmark."""
        self.loop.call_soon_threadsafe(self.stop.set)
        self.thread.join(timeout=30)


def timed(app_class: type, running: RunningApp) -> type:
    """A subclass of ``app_class`` that tells ``running`` of every frame it draws."""

    class Timed(app_class):  # type: ignore[valid-type, misc]
        def _display(self, screen: Any, renderable: Any) -> None:
            super()._display(screen, renderable)
            if renderable is not None:
                running.frame_drawn(screen)

    return Timed
