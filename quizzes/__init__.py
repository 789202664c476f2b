"""Question sets, the generator, the quiz engine, progress and the `quiz` command."""
