"""Finding, loading and checking packs: a folder with a pack.yaml (and maybe article.txt)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seeds.articles import read_article
from seeds.model import Pack
from seeds.problems import Problem, ProblemsFound, display_path, sort_problems
from seeds.validation import validate
from seeds.yamlread import Document, clean_text, read_yaml

BUNDLED_PACKS = Path(__file__).parent / "packs"
PACK_FILE = "pack.yaml"
ARTICLE_FILE = "article.txt"

_GROUPS = ("figures", "actors", "arguments", "events", "terms")


@dataclass(frozen=True)
class LoadedPack:
    """A valid pack with the file it came from (for located messages)."""

    pack: Pack
    doc: Document
    path: Path
    origin: str  # "bundled", "user" or "path"

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


def load_pack(path: Path, origin: str = "path",
              article: str | None = None) -> tuple[LoadedPack | None, list[Problem]]:
    """Read, validate and check one pack file; never raises for a bad file.

    The semantic checks read the raw data, so they run (and report) even when the
    schema finds problems too: the author sees everything at once.
    """
    try:
        doc = read_yaml(path)
    except ProblemsFound as found:
        return None, found.problems
    pack, problems = validate(doc, Pack)
    if article is None and (path.parent / ARTICLE_FILE).is_file():
        article, unreadable = read_article(path.parent / ARTICLE_FILE)
        problems += [unreadable] if unreadable else []
    problems = sort_problems([*problems, *check_pack(doc, article)])
    if pack is None or any(p.is_error for p in problems):
        return None, problems
    return LoadedPack(pack, doc, path, origin), problems


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
    actor_ids = {fact.get("id") for (group, _), fact in _facts(doc) if group == "actors"}
    for here, fact in _facts(doc):
        fact_id = fact.get("id")
        if isinstance(fact_id, str):
            if fact_id in seen:
                problems.append(doc.problem(
                    (*here, "id"), f"duplicate fact id '{fact_id}' (first at line "
                                   f"{seen[fact_id]})", "give each fact its own id"))
            else:
                seen[fact_id] = doc.locate((*here, "id"))[0]
        for field, ref in _actor_refs(fact):
            if ref not in actor_ids:
                problems.append(doc.problem(
                    (*here, *field), f"unknown actor '{ref}'",
                    _suggest(ref, (a for a in actor_ids if isinstance(a, str)),
                             "add it under `actors:`")))
    if article is not None:
        problems += check_quotes(doc, article)
    return problems


def _actor_refs(fact: dict[str, Any]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for name in ("who", "by"):
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


def _suggest(ref: str, known: Iterable[str], fallback: str) -> str:
    close = difflib.get_close_matches(ref, list(known), n=1)
    return f"did you mean '{close[0]}'?" if close else fallback


_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "“": '"', "”": '"', "„": '"',
                         "…": "...", "\u00a0": " "})
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
                problems.append(doc.problem(
                    (*here, "quotes", index), f"quote not found in the article: “{text}”",
                    "quotes must be copied verbatim; fix the wording or drop the quote"))
    return problems


def discover_packs(folders: Iterable[tuple[Path, str]]) -> tuple[dict[str, LoadedPack],
                                                                 list[Problem]]:
    """Every valid pack in the given (folder, origin) pairs, by id; the first of an id wins."""
    packs: dict[str, LoadedPack] = {}
    problems: list[Problem] = []
    for folder, origin in folders:
        for path in pack_files(folder):
            loaded, found = load_pack(path, origin)
            problems += found
            if loaded is None:
                continue
            if loaded.pack.id in packs:
                other = display_path(packs[loaded.pack.id].path)
                problems.append(loaded.doc.problem(
                    ("id",), f"pack id '{loaded.pack.id}' is already used by {other}",
                    "rename one of the packs", severity="warning"))
                continue
            packs[loaded.pack.id] = loaded
    return packs, problems
