"""The teacher's pages: behind the token printed when the server starts (or the password
given with --teacher-password)."""

from __future__ import annotations

from starlette.routing import Route


def routes() -> list[Route]:
    return []
