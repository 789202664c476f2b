"""The PDF policy brief and printable class handouts, and the `brief` command."""
