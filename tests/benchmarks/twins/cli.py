"""`quiz`'s bare twin: click alone, a command group of eight subcommands with their options,
written as click's documentation writes one. Run as `cli.py --help`: the twin of `quiz --help`.
"""

from __future__ import annotations

from pathlib import Path

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--data-dir", type=click.Path(file_okay=False, path_type=Path), default=None)
@click.option("--debug", is_flag=True, help="Show the full traceback of an error.")
@click.pass_context
def cli(ctx: click.Context, data_dir: Path | None, debug: bool) -> None:
    """Quiz yourself on curated news facts, and check question sets."""
    ctx.obj = data_dir


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--coverage", is_flag=True, help="List facts no set tests.")
def check(paths: tuple[Path, ...], strict: bool, coverage: bool) -> None:
    """Check packs and question sets; print every problem."""
    click.echo(f"checked {len(paths)} path(s)")


@cli.command()
@click.argument("refs", nargs=-1, required=True)
@click.option("--format", "format_name", type=click.Choice(["moodle", "gift", "qti"]))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None)
def export(refs: tuple[str, ...], format_name: str, output: Path | None) -> None:
    """Write question sets for Moodle or Canvas."""
    click.echo(f"exported {len(refs)} set(s) as {format_name}")


@cli.command(name="list")
@click.option("--all", "show_all", is_flag=True, help="Show every set.")
def list_sets(show_all: bool) -> None:
    """Show packs and their sets."""
    click.echo("no sets")


@cli.command()
@click.argument("pack")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None)
def new(pack: str, output: Path | None) -> None:
    """Write a starter set."""
    click.echo(f"new set for {pack}")


@cli.command()
@click.argument("ref")
@click.option("--mode", type=click.Choice(["practice", "exam"]), default="practice")
@click.option("--seed", type=click.IntRange(0), default=None)
@click.option("--count", type=click.IntRange(1), default=None)
@click.option("--headless", is_flag=True)
def play(ref: str, mode: str, seed: int | None, count: int | None, headless: bool) -> None:
    """Play one question set."""
    click.echo(f"playing {ref}")


@cli.command()
@click.argument("args", nargs=-1)
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None)
@click.option("--csv", "csv_path", type=click.Path(path_type=Path), default=None)
def report(args: tuple[str, ...], output: Path | None, csv_path: Path | None) -> None:
    """The teacher's item analysis of one set."""
    click.echo("report")


@cli.command()
@click.option("--name", default=None, help="Your name.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None)
def results(name: str | None, output: Path | None) -> None:
    """Your results, to send to your teacher."""
    click.echo("results")


@cli.command()
@click.option("--port", type=int, default=8000)
@click.option("--set", "set_ids", multiple=True)
def serve(port: int, set_ids: tuple[str, ...]) -> None:
    """Serve the class to browsers."""
    click.echo(f"serving on {port}")


if __name__ == "__main__":
    cli()
