"""The environment benchmarked commands run in: as a user's installed copy would.

pip writes bytecode for installed libraries, and Python caches it for the project's own
modules, unless PYTHONDONTWRITEBYTECODE is set (as some sandboxes do). Left set, every
process would recompile the project's sources but not the libraries', and the ratios to
the import floors would measure the compiler. So the benchmarks unset it.
"""

from __future__ import annotations

import os


def installed_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **extra}
