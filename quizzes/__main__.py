"""`quiz` and `python -m quizzes` (see seeds.startup for how the process starts)."""

from seeds.startup import run_command


def main() -> None:
    run_command("quizzes.cli")


if __name__ == "__main__":
    main()
