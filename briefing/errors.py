"""The base of the errors briefing raises (see `seeds.errors`)."""

from seeds.errors import ClassbriefError


class BriefError(ClassbriefError):
    """An error of the brief, the handouts or the `brief` command."""
