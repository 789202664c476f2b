"""Entry points the `quiz` command calls. Set files and the store are checked here, before
Textual is imported, so a bad file costs no UI start-up and never shows a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

from quizzes.catalog import Catalog
from quizzes.engine import Mode, build_run
from quizzes.store import Store, StoreError, StoreFull, StoreReadOnly, location
from seeds.problems import ProblemsFound


def _open_store(
    root: Path, database: str | None = None, *, can_ask: bool = True
) -> tuple[Store | None, str | None]:
    """The store, and why it is an unsaved copy (a read-only database or a full disk: the
    app offers to play without saving); (None, None) after printing why nothing can be
    done."""
    path = location(root, database)
    try:
        return Store.open(path), None
    except (StoreReadOnly, StoreFull) as err:
        print(f"error: {err}", file=sys.stderr)
        if not can_ask:
            return None, None
        return Store.open_copy(path), f"{err.path}: {err.problem}. To save: {err.hint}."
    except StoreError as err:
        print(f"error: {err}", file=sys.stderr)
        return None, None


def open_home(root: Path, database: str | None = None) -> int:
    """`quiz`: the home screen. Returns the exit code."""
    store, unsaved = _open_store(root, database)
    if store is None:
        return 1
    from quizzes.tui.app import make_app

    app = make_app(root, store=store, unsaved=unsaved)
    app.run()
    store.close()
    return app.return_code or 0


def play(
    root: Path,
    ref: str,
    mode: Mode,
    seed: int | None,
    count: int | None,
    tags: tuple[str, ...],
    time_limit: float | None,
    headless: bool = False,
    database: str | None = None,
) -> int:
    """`quiz play SET|FILE`: straight to the first question. Returns the exit code."""
    catalog = Catalog.load(root)
    try:
        loaded = catalog.find_set(ref)
    except ProblemsFound as found:
        # The same located lines as `quiz check`, so one fix serves both.
        for problem in found.problems:
            print(str(problem), file=sys.stderr)
        return 1
    pack = catalog.pack_for(loaded).pack
    if not build_run(loaded.qset, pack, seed=0, count=count, tags=tags).items:
        wanted = ", ".join(tags)
        print(f"error: set '{loaded.qset.id}' has no questions tagged {wanted}", file=sys.stderr)
        return 1
    # Headless runs cannot answer the question "play without saving?": they stop here.
    store, unsaved = _open_store(root, database, can_ask=not headless)
    if store is None:
        return 1
    from quizzes.tui.app import PlayRequest, make_app, random_seed
    from quizzes.tui.session import PlayOptions, SetChoice

    options = PlayOptions(
        mode, seed if seed is not None else random_seed(), count, tags, None, time_limit
    )
    app = make_app(
        root,
        store=store,
        catalog=catalog,
        play=PlayRequest(SetChoice.of(loaded, catalog), options),
        exit_on_first_question=headless,
        unsaved=unsaved,
    )
    app.run(headless=headless)
    store.close()
    if app.stopped_because:
        print(f"error: {app.stopped_because}", file=sys.stderr)
    return app.return_code or 0


def review(root: Path, pack_id: str | None, database: str | None = None) -> int:
    """`quiz review`: the questions due now, most overdue first. Returns the exit code."""
    from datetime import UTC, datetime

    catalog = Catalog.load(root)
    if pack_id is not None and pack_id not in catalog.packs:
        known = ", ".join(sorted(catalog.packs)) or "none"
        print(f"error: unknown pack '{pack_id}' (known: {known})", file=sys.stderr)
        return 2
    store, unsaved = _open_store(root, database)
    if store is None:
        return 1
    from quizzes.tui.session import due_review

    now = datetime.now(UTC)
    if due_review(store, catalog, now, pack_id) is None:
        upcoming = store.cards()
        later = min((c.due for c in upcoming), default=None)
        print(
            "Nothing is due for review"
            + (
                f"; the next question is due {later.astimezone():%a %d %b %H:%M}."
                if later
                else ": play a set first; every answer schedules its question for review."
            )
        )
        store.close()
        return 0
    from quizzes.tui.app import make_app

    app = make_app(
        root,
        store=store,
        catalog=catalog,
        unsaved=unsaved,
        review=pack_id if pack_id is not None else True,
    )
    app.run()
    store.close()
    return app.return_code or 0
