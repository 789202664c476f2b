"""What a user can play: packs and sets from the bundle, the user folder and the generator."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from quizzes import AUTO_SUFFIX
from quizzes.sets import LoadedSet, default_set_folders, load_set, set_files
from seeds import paths
from seeds.loadcache import LoadCache
from seeds.packs import BUNDLED_PACKS, LoadedPack, discover_packs
from seeds.problems import Problem, ProblemsFound, display_path
from seeds.suggest import did_you_mean


@dataclass
class Catalog:
    root: Path
    packs: dict[str, LoadedPack]
    problems: list[Problem] = field(default_factory=list)
    failed: dict[str, list[Problem]] = field(default_factory=dict)  # packs that did not load
    unplayable: dict[str, str] = field(default_factory=dict)  # packs with no automatic set
    cache: LoadCache | None = None
    broken_sets: dict[Path, list[Problem]] = field(default_factory=dict)  # files with errors

    @classmethod
    def load(cls, root: Path, extra_packs: dict[str, LoadedPack] | None = None) -> Catalog:
        cache = paths.cache(root, "load")
        found = discover_packs(
            [(BUNDLED_PACKS, "bundled"), (paths.user_packs(root), "user")], cache
        )
        for pack_id, loaded in (extra_packs or {}).items():
            found.packs.setdefault(pack_id, loaded)
        failed = {k: v for k, v in found.failed.items() if k not in found.packs}
        return cls(root, found.packs, found.problems, failed, cache=cache)

    @cached_property
    def sets(self) -> list[LoadedSet]:
        """Every valid set: files first (bundled, then user), then one automatic set a pack.

        Sets with problems are left out here; `quiz check` is where they are reported.
        """
        found: list[LoadedSet] = []
        for folder, origin in default_set_folders(self.root):
            for path in set_files(folder):
                loaded, problems = load_set(path, self.packs, origin, self.failed, self.cache)
                self.problems.extend(problems)
                if loaded is not None:
                    found.append(loaded)
                else:
                    self.broken_sets[path] = problems
        for loaded_pack in self.packs.values():
            automatic = self._automatic(loaded_pack)
            if isinstance(automatic, str):
                self.unplayable[loaded_pack.pack.id] = automatic
            else:
                found.append(automatic)
        return found

    def _automatic(self, loaded: LoadedPack) -> LoadedSet | str:
        """The pack's automatic set, or why it has none; cached with the pack's key."""

        def generate() -> LoadedSet | str:
            # Imported on a cache miss only: a cached set needs none of the generator.
            from quizzes.generate import TooFewFacts, automatic_set

            try:
                return LoadedSet(automatic_set(loaded.pack), "automatic")
            except TooFewFacts as few:
                return str(few)

        if self.cache is None or not loaded.key:
            return generate()
        key = self.cache.key("automatic", loaded.key)
        return self.cache.get(f"automatic {loaded.pack.id} {loaded.path}", key, generate)

    def sets_for(self, pack_id: str) -> list[LoadedSet]:
        return [s for s in self.sets if s.qset.pack == pack_id]

    def find_set(self, ref: str) -> LoadedSet:
        """A set by id, or by the path of a set file; raises ProblemsFound when it cannot."""
        path = Path(ref)
        if path.suffix in (".yaml", ".yml") or path.exists():
            loaded, problems = load_set(path, self.packs, "path", self.failed, self.cache)
            if loaded is None:
                raise ProblemsFound(problems)
            return loaded
        for candidate in self.sets:
            if candidate.qset.id == ref:
                return candidate
        pack_id = ref.removesuffix(AUTO_SUFFIX)
        if ref.endswith(AUTO_SUFFIX) and pack_id in self.unplayable:
            raise ProblemsFound([Problem(ref, 0, 0, "error", self.unplayable[pack_id])])
        if ref.endswith(AUTO_SUFFIX) and pack_id in self.failed:
            raise ProblemsFound(
                [
                    Problem(
                        ref,
                        0,
                        0,
                        "error",
                        f"pack '{pack_id}' did not load, so it has no automatic set",
                        "fix the problems below, then try again",
                    ),
                    *self.failed[pack_id],
                ]
            )
        for broken, problems in self.broken_sets.items():
            if _set_id(broken) == ref:
                errors = sum(p.is_error for p in problems)
                raise ProblemsFound(
                    [
                        Problem(
                            display_path(broken),
                            1,
                            1,
                            "error",
                            f"set '{ref}' cannot be used until its errors are fixed",
                            f"{errors} error{'s' if errors != 1 else ''}, listed below "
                            "(`quiz check` lists them too)",
                        ),
                        *problems,
                    ]
                )
        known = [s.qset.id for s in self.sets]
        listed = ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
        hint = did_you_mean(ref, known, f"known sets: {listed or 'none'} (see `quiz list`)")
        raise ProblemsFound([Problem(ref, 0, 0, "error", f"no set or file called '{ref}'", hint)])

    def pack_for(self, loaded: LoadedSet) -> LoadedPack:
        return self.packs[loaded.qset.pack]


def _set_id(path: Path) -> str | None:
    """The id a set file gives itself, even when the set has errors (its file name when
    even the YAML cannot be read)."""
    from seeds.yamlread import read_yaml

    try:
        data = read_yaml(path).data
    except ProblemsFound:
        return path.stem
    found = data.get("id") if isinstance(data, dict) else None
    return found if isinstance(found, str) else path.stem
