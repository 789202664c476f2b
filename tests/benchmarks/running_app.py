"""A Textual app kept running in its own thread and event loop, for timing keys to frames.

Keys go in through the driver, as a terminal's would; a waiter is released by the first
frame drawn once its condition holds (headless frames are composed, just not written).
The quiz benchmarks and the bare-Textual floor they are read against share it.
"""

from __future__ import annotations

import asyncio
import gc
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

from seeds.startup import settled


class RunningApp:
    """Use as a context manager: the app stops, and its thread ends, on leaving."""

    def __init__(self, build: Callable[[RunningApp], Any]) -> None:
        """``build`` makes the app; its class must call `frame_drawn` from `_display`
        (see `timed`)."""
        self.build = build
        self.loop = asyncio.new_event_loop()
        self.waiter: tuple[Callable[[Any], bool], Future[float]] | None = None
        self.failure: BaseException | None = None
        self.stop = asyncio.Event()
        ready: Future[Any] = Future()
        self.thread = threading.Thread(
            target=self.loop.run_until_complete, args=(self.main(ready),), daemon=True
        )
        self.thread.start()
        self.app = ready.result(timeout=60)

    def __enter__(self) -> RunningApp:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    async def main(self, ready: Future[Any]) -> None:
        # As `quiz` runs (seeds.startup): the collector is off while the app starts, and
        # on again, with what start-up made frozen, once its first frame is drawn. The
        # quiz app does that itself; `settled` does it here for any other app.
        gc.disable()
        try:
            app = self.build(self)
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                settled()
                ready.set_result(app)
                await self.stop.wait()
                await pilot.pause()  # let a screen still mounting finish before closing
        except Exception as err:  # handed to the waiting thread
            if ready.done():
                self.failure = err
            else:
                ready.set_exception(err)
        finally:
            gc.enable()

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
        try:
            return done.result(timeout=30) - started
        except TimeoutError:
            raise RuntimeError(f"no frame showed the effect of {key!r}") from self.failure

    def close(self) -> None:
        """Stop the app and wait for it, so it does not run beside the next benchmark."""
        self.loop.call_soon_threadsafe(self.stop.set)
        self.thread.join(timeout=30)
        if self.thread.is_alive():
            raise RuntimeError("the app did not stop within 30 s")
        self.loop.close()
        if self.failure is not None:
            raise RuntimeError("the app failed while it was being timed") from self.failure


def timed(app_class: type, running: RunningApp) -> type:
    """A subclass of ``app_class`` that tells ``running`` of every frame it draws."""

    class Timed(app_class):  # type: ignore[valid-type, misc]
        def _display(self, screen: Any, renderable: Any) -> None:
            super()._display(screen, renderable)
            if renderable is not None:
                running.frame_drawn(screen)

    return Timed
