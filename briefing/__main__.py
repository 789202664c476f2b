"""`brief` and `python -m briefing` (see seeds.startup for how the process starts)."""

from seeds.startup import run_command


def main() -> None:
    run_command("briefing.cli")


if __name__ == "__main__":
    main()
