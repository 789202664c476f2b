"""The base of the errors quizzes raises (see `seeds.errors`)."""

from seeds.errors import ClassbriefError


class QuizError(ClassbriefError):
    """An error of question sets, grading, exports, the store, the class or the `quiz`
    command."""
