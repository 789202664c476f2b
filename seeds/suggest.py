"""'Did you mean …?': the one place a misspelt name is matched against the known ones."""

from __future__ import annotations

from collections.abc import Iterable


def did_you_mean(ref: str, known: Iterable[str], fallback: str, cutoff: float = 0.6) -> str:
    """A hint naming the known name closest to ``ref``, else ``fallback``."""
    import difflib  # only when a name is not found

    close = difflib.get_close_matches(ref, list(known), n=1, cutoff=cutoff)
    return f"did you mean '{close[0]}'?" if close else fallback
