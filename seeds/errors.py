"""The roots of classbrief's exceptions: every exception the project defines derives from
its package's base (`SeedsError` here, `quizzes.errors.QuizError`,
`briefing.errors.BriefError`), and all three from `ClassbriefError`, so one `except` can
tell the project's own errors from anything else. Classes that were a `ValueError` or an
`OSError` stay one as well, so callers that catch those keep working."""


class ClassbriefError(Exception):
    """An error classbrief raises on purpose."""


class SeedsError(ClassbriefError):
    """An error of the strict YAML reader, the fact model, packs, files or drafting."""
