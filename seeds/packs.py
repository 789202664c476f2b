"""Finding, loading and checking packs: a folder with a pack.yaml (and maybe article.txt)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seeds.articles import read_article
from seeds.document import Document, clean_text
from seeds.frozen import record
from seeds.loadcache import LoadCache
from seeds.model import Pack
from seeds.paths import ARTICLE_FILE, PACK_FILE
from seeds.paths import BUNDLED_PACKS as BUNDLED_PACKS  # re-exported for callers
from seeds.problems import Problem, ProblemsFound, display_path, sort_problems
from seeds.reading import reading
from seeds.suggest import did_you_mean

_GROUPS = ("figures", "actors", "arguments", "events", "terms")


@record
class LoadedPack:
    """A valid pack with the file it came from (for located messages)."""

    pack: Pack
    doc: Document
    path: Path
    origin: str  # "bundled", "user" or "path"
    # The hash of what the pack was loaded from (see seeds.loadcache); "" when not known.
    key: str = ""

    @property
    def folder(self) -> Path:
        return self.path.parent

    def fact_location(self, fact_id: str) -> tuple[int, int]:
        for group in _GROUPS:
            for index, fact in enumerate(getattr(self.pack, group)):
                if fact.id == fact_id:
                    return self.doc.locate((group, index))
        return (1, 1)


def pack_files(folder: Path) -> Iterator[Path]:
    """pack.yaml files in ``folder``: itself a pack, or a folder of packs."""
    if (folder / PACK_FILE).is_file():
        yield folder / PACK_FILE
    elif folder.is_dir():
        yield from sorted(folder.glob(f"*/{PACK_FILE}"))


@record
class PackCheck:
    """What loading one pack file found: the pack (None when unusable), every problem, its
    id as written, and how many quoted fragments were checked against which article."""

    loaded: LoadedPack | None
    problems: list[Problem]
    pack_id: str | None = None
    quotes: int = 0
    article: str | None = None  # where the quotes were verified; None: not verified

    def quote_line(self, shown: str) -> str:
        if not self.quotes:
            return f"quotes: {shown}: the pack quotes nothing"
        if self.article is None:
            return (
                f"quotes: {shown}: {self.quotes} quote(s) NOT verified: no {ARTICLE_FILE} "
                "beside the pack and no --article given"
            )
        wrong = sum("quote not found" in p.message for p in self.problems)
        return (
            f"quotes: {shown}: {self.quotes - wrong} of {self.quotes} quote(s) verified "
            f"against {self.article}"
        )


def load_pack(
    path: Path, origin: str = "path", article: str | None = None, cache: LoadCache | None = None
) -> tuple[LoadedPack | None, list[Problem]]:
    """Read, validate and check one pack file; never raises for a bad file."""
    checked = check_pack_file(path, origin, article, cache=cache)
    return checked.loaded, checked.problems


def check_pack_file(
    path: Path,
    origin: str = "path",
    article: str | None = None,
    article_name: str = "--article",
    cache: LoadCache | None = None,
) -> PackCheck:
    """Read, validate and check one pack file, saying what was verified.

    The semantic checks read the raw data, so they run (and report) even when the
    schema finds problems too: the author sees everything at once. With a ``cache``,
    an unchanged pack (and article beside it) comes from there.
    """
    with reading(path):
        if cache is None or article is not None:
            return _check_pack_file(path, origin, article, article_name)
        key = cache.key("pack", origin, path, path.parent / ARTICLE_FILE)

        def check() -> PackCheck:
            checked = _check_pack_file(path, origin, None, article_name)
            if checked.loaded is None or key is None:
                return checked
            return dataclasses.replace(checked, loaded=dataclasses.replace(checked.loaded, key=key))

        return cache.get(f"pack {path.absolute()}", key, check)


def _check_pack_file(path: Path, origin: str, article: str | None, article_name: str) -> PackCheck:
    from seeds.validation import validate  # pydantic and YAML: only for a file read anew
    from seeds.yamlread import read_yaml

    try:
        doc = read_yaml(path)
    except ProblemsFound as found:
        return PackCheck(None, found.problems)
    pack, problems = validate(doc, Pack)
    if article is None and (path.parent / ARTICLE_FILE).is_file():
        article, unreadable = read_article(path.parent / ARTICLE_FILE)
        problems += [unreadable] if unreadable else []
        article_name = display_path(path.parent / ARTICLE_FILE)
    raw_id = doc.data.get("id") if isinstance(doc.data, dict) else None
    problems = sort_problems([*problems, *check_pack(doc, article), *_folder_problems(doc, path)])
    quotes = sum(len(_quotes(fact)) for _, fact in _facts(doc))
    pack_id = raw_id if isinstance(raw_id, str) else None
    where = article_name if article is not None else None
    if pack is None or any(p.is_error for p in problems):
        return PackCheck(None, problems, pack_id, quotes, where)
    return PackCheck(LoadedPack(pack, doc, path, origin), problems, pack_id, quotes, where)


def _folder_problems(doc: Document, path: Path) -> list[Problem]:
    """A pack's folder is named by its id, so `brief build ID` and the catalog agree."""
    pack_id = doc.data.get("id") if isinstance(doc.data, dict) else None
    if path.name != PACK_FILE or not isinstance(pack_id, str) or pack_id == path.parent.name:
        return []
    return [
        doc.problem(
            ("id",),
            f"pack id '{pack_id}' differs from its folder name '{path.parent.name}'",
            f"rename the folder to '{pack_id}' or set `id: {path.parent.name}`",
        )
    ]


def duplicate_ids(checks: Iterable[PackCheck]) -> list[Problem]:
    """Every pack that shares its id with another, each pointing at the others."""
    by_id: dict[str, list[PackCheck]] = {}
    for checked in checks:
        if checked.loaded is not None:
            by_id.setdefault(checked.loaded.pack.id, []).append(checked)
    problems = []
    for pack_id, same in by_id.items():
        for checked in same if len(same) > 1 else []:
            assert checked.loaded is not None
            others = ", ".join(
                display_path(c.loaded.path) for c in same if c is not checked and c.loaded
            )
            problems.append(
                checked.loaded.doc.problem(
                    ("id",),
                    f"pack id '{pack_id}' is also used by {others}",
                    "give each pack its own id (and folder name)",
                )
            )
    return problems


def _facts(doc: Document) -> Iterator[tuple[tuple[str | int, ...], dict[str, Any]]]:
    """(location, raw fact mapping) for every fact-like entry in the raw data."""
    data = doc.data if isinstance(doc.data, dict) else {}
    for group in _GROUPS:
        entries = data.get(group)
        for index, fact in enumerate(entries if isinstance(entries, list) else []):
            if isinstance(fact, dict):
                yield (group, index), fact


def check_pack(doc: Document, article: str | None = None) -> list[Problem]:
    """Checks beyond the schema: unique ids, known actors, quotes found in the article."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    actor_ids = {
        fact["id"]
        for (group, _), fact in _facts(doc)
        if group == "actors" and isinstance(fact.get("id"), str)  # a list is no id
    }
    for here, fact in _facts(doc):
        fact_id = fact.get("id")
        if isinstance(fact_id, str):
            if fact_id in seen:
                problems.append(
                    doc.problem(
                        (*here, "id"),
                        f"duplicate fact id '{fact_id}' (first at line {seen[fact_id]})",
                        "give each fact its own id",
                    )
                )
            else:
                seen[fact_id] = doc.locate((*here, "id"))[0]
        for field, ref in _actor_refs(fact):
            if ref not in actor_ids:
                problems.append(
                    doc.problem(
                        (*here, *field),
                        f"unknown actor '{ref}'",
                        did_you_mean(
                            ref,
                            (a for a in actor_ids if isinstance(a, str)),
                            "add it under `actors:`",
                        ),
                    )
                )
    problems += _part_of_cycles(doc)
    if article is not None:
        problems += check_quotes(doc, article)
    return problems + check_placeholders(doc)


PLACEHOLDER = "TODO"
"""What `brief new` writes where the curator's own words belong; a pack keeps none."""
_PLACEHOLDER = re.compile(r"\s*TODO(?![\w-])")
_PLACEHOLDER_HINTS = {
    "date": "write the date as YYYY, YYYY-MM or YYYY-MM-DD",
    "side": "write case, concern or framing",
    "by": "write the id of the actor who makes it",
    "who": "write the id of the actor it belongs to",
}
_PLACEHOLDER_NOUNS = {
    "what_happened": "takeaway",
    "why_it_matters": "takeaway",
    "what_to_watch": "takeaway",
    "implications": "implication",
    "discussion": "discussion question",
    "method": "note on method",
    "date_basis": "note on dates",
    "about": "summary",
}


def is_placeholder(value: object) -> bool:
    return isinstance(value, str) and bool(_PLACEHOLDER.match(value))


def check_placeholders(doc: Document) -> list[Problem]:
    """Every TODO left by a draft, located: a draft cannot become a brief by accident."""
    problems = []
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), doc.data)]
    while stack:
        here, value = stack.pop()
        if isinstance(value, dict):
            stack += [((*here, k), v) for k, v in value.items()]
        elif isinstance(value, list):
            stack += [((*here, i), v) for i, v in enumerate(value)]
        elif is_placeholder(value):
            field = next((s for s in reversed(here) if isinstance(s, str)), "value")
            noun = _PLACEHOLDER_NOUNS.get(field, field.replace("_", " "))
            problems.append(
                doc.problem(
                    here,
                    f"'{field}' is still a TODO placeholder",
                    _PLACEHOLDER_HINTS.get(field, f"write this {noun} in your own words"),
                )
            )
    return problems


def _part_of_cycles(doc: Document) -> list[Problem]:
    """An actor cannot, through `part_of`, belong to itself."""
    parent = {
        fact.get("id"): (here, fact.get("part_of"))
        for here, fact in _facts(doc)
        if here[0] == "actors"
        and isinstance(fact.get("id"), str)
        and isinstance(fact.get("part_of"), str)
    }
    problems = []
    for start, (here, _) in parent.items():
        seen, current = {start}, parent[start][1]
        while current in parent and current not in seen:
            seen.add(current)
            current = parent[current][1]
        if current == start:
            problems.append(
                doc.problem(
                    (*here, "part_of"),
                    f"actor '{start}' is, through `part_of`, part of itself",
                    "part_of names the larger body: a bureau's department",
                )
            )
    return problems


def _actor_refs(fact: dict[str, Any]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for name in ("who", "by", "part_of"):
        if isinstance(fact.get(name), str):
            yield (name,), fact[name]
    actors = fact.get("actors")
    for index, ref in enumerate(actors if isinstance(actors, list) else []):
        if isinstance(ref, str):
            yield ("actors", index), ref
    for index, quote in enumerate(_quotes(fact)):
        if isinstance(quote, dict) and isinstance(quote.get("by"), str):
            yield ("quotes", index, "by"), quote["by"]


def _quotes(fact: dict[str, Any]) -> list[Any]:
    quotes = fact.get("quotes")
    return quotes if isinstance(quotes, list) else []


_QUOTES = str.maketrans(
    {"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "…": "...", "\u00a0": " "}
)
_SPACE = re.compile(r"\s+")


def normalise_for_quotes(text: str) -> str:
    """Curly quotes made straight and whitespace collapsed, for verbatim comparison."""
    return _SPACE.sub(" ", clean_text(text).translate(_QUOTES)).strip()


def check_quotes(doc: Document, article: str) -> list[Problem]:
    """Every quoted fragment must occur verbatim in the article text."""
    haystack = normalise_for_quotes(article)
    problems = []
    for here, fact in _facts(doc):
        for index, quote in enumerate(_quotes(fact)):
            text = quote.get("text") if isinstance(quote, dict) else quote
            if isinstance(text, str) and normalise_for_quotes(text) not in haystack:
                problems.append(
                    doc.problem(
                        (*here, "quotes", index),
                        f"quote not found in the article: “{text}”",
                        "quotes must be copied verbatim; fix the wording or drop the quote",
                    )
                )
    return problems


@dataclass
class Discovered:
    """Usable packs by id (the first of an id wins), every problem, and the packs that
    failed to load, by the id they were given, with their problems."""

    packs: dict[str, LoadedPack]
    problems: list[Problem]
    failed: dict[str, list[Problem]]


def discover_packs(
    folders: Iterable[tuple[Path, str]], cache: LoadCache | None = None
) -> Discovered:
    """Every pack in the given (folder, origin) pairs."""
    checks = [
        check_pack_file(path, origin, cache=cache)
        for folder, origin in folders
        for path in pack_files(folder)
    ]
    found = Discovered({}, duplicate_ids(checks), {})
    for checked in checks:
        found.problems += checked.problems
        if checked.loaded is not None:
            found.packs.setdefault(checked.loaded.pack.id, checked.loaded)
        elif checked.pack_id is not None:
            found.failed.setdefault(checked.pack_id, checked.problems)
    return found
