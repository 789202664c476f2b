"""How the `quiz` and `brief` processes start: without garbage collection.

Starting a command imports its libraries and loads packs: hundreds of thousands of
objects are made and almost none become garbage, yet the collector would walk them
again and again (a quarter of the start-up of `quiz play`). So a command runs with the
collector off. A process that keeps running (the quiz app, the class server) calls
`settled()` once started: what start-up made is frozen, so later collections skip it,
and collection resumes. A short command never needs it; it freezes everything before it
exits, so the interpreter's final collections skip those objects too.
"""

from __future__ import annotations

import gc
import importlib
import os


def run_command(module: str) -> None:
    """Import ``module`` (a click command's module) with collection off and run its main.
    Pydantic's plugins stay unloaded unless the environment sets PYDANTIC_DISABLE_PLUGINS
    (pydantic's own rules then apply): finding them reads the metadata of every installed
    distribution (8-13 ms of a cold `quiz export`), and a plugin must not change how a
    teacher's files are checked."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    gc.disable()
    try:
        importlib.import_module(module).main()
    finally:
        gc.freeze()


def settled() -> None:
    """Start-up is over: freeze what it made and collect garbage from now on. Only in a
    process that `run_command` started: elsewhere (tests, a host program) it does nothing."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
